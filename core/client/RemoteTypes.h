#pragma once

// Typed answers of the remote operations on nodes (issue 38; docs/api.md
// "Node processes", "Node Docker" and "Node grants").

#include "client/ApiTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace hm::client {

// One process of a node as GET /nodes/{id}/processes lists it.
struct ProcessRow
{
    qint64 pid = 0;
    qint64 ppid = 0;
    QString user;
    qint64 uid = -1;
    QString name;
    QString command; // the command line
    double cpuPercent = 0;
    qint64 memoryRss = 0;     // bytes
    qint64 memoryVirtual = 0; // bytes
    QString state;            // "R", "S", "D", "Z", "T", …
    QDateTime startTime;
    int threads = 0;
};

// The list and what the agent counted: `total` processes on the machine,
// `matched` by the search, `items` at most the limit (`truncated` then).
struct ProcessList
{
    QList<ProcessRow> items;
    int total = 0;
    int matched = 0;
    bool truncated = false;
};

struct ProcessQuery
{
    QString search; // a pid, or text in the name, command line or user
    QString sort;   // cpu, memory, pid, name, user, start_time; empty = the server's
    bool descending = true;
    int limit = 0; // 0 = the server's default (500)
};

// POST /nodes/{id}/processes/{pid}/kill's answer.
struct KillResult
{
    qint64 pid = 0;
    QString signal;
    bool killed = false;
};

// One container of a node as GET /nodes/{id}/docker/containers lists it.
struct ContainerRow
{
    QString id; // the full id
    QString name;
    QString image;
    QString state;  // created, running, paused, restarting, exited, dead
    QString status; // Docker's text, e.g. "Up 5 minutes"
    QDateTime created;
    QString ports; // "8080→80/tcp, 53/udp"
    QString composeProject;
    QString health; // healthy, unhealthy, starting or empty
};

struct DockerImage
{
    QString id;
    QStringList tags;
    qint64 size = 0; // bytes
    QDateTime created;
};

struct ComposeProject
{
    QString name;
    QString workingDir;
    QString state; // running, partial, exited, down (no containers)
    int running = 0;
    int total = 0;
    bool defined = false; // a directory with a compose file under the agent's compose roots
    bool busy = false;    // a compose up or down of it is running
};

// What compose up or down answered: the tool's exit code and the end of
// its output.
struct ComposeRun
{
    QString project;
    QString action; // up or down
    int exitCode = 0;
    QString output;
};

struct ComposeProjects
{
    QList<ComposeProject> items;
    bool composeAvailable = false; // a compose tool is installed on the node
};

// GET /nodes/{id}/docker/containers/{cid}/logs's answer.
struct ContainerLog
{
    QString text;
    int lines = 0;
    bool truncated = false;
};

// GET /nodes/{id}/access: what the caller may do on one node.
struct NodeAccess
{
    QString nodeId;
    QStringList agentCapabilities; // what the node's agent grants
    QStringList granted;           // what the caller's role and grants allow
    QStringList usable;            // both: the tools the console shows
    bool online = false;
};

// One node grant (administrators): `subject` uses `capability` on the
// nodes with `label` ("*": every node).
struct NodeGrant
{
    QString id;
    QString subjectKind; // "user" or "role"
    QString subject;     // a user id, or "USER"
    QString label;
    QString capability;
    QString createdBy;
    QDateTime createdAt;
};

// A shell on a node's PTY (docs/api.md "Node terminals").
struct TerminalSession
{
    QString id;
    QString nodeId;
    QString userId;
    QString username;
    QString shell;
    qint64 pid = 0;
    bool attached = false; // a console has it now
    QDateTime createdAt;
    QDateTime lastActivityAt; // the last byte either way (idle since)
};

// What POST /nodes/{id}/terminal/sessions asks for; empty strings and 0
// leave the choice to the server (its default shell, home, 24x80).
struct TerminalOptions
{
    QString shell;
    QString workingDir;
    int rows = 0;
    int cols = 0;
};

// An opened session and the one-use ticket that attaches its WebSocket
// (`websocket`, a path on the server) within `ticketExpiresIn` seconds.
struct TerminalOpened
{
    TerminalSession session;
    QString ticket;
    int ticketExpiresIn = 0;
    QString websocket;
};

// A node's nginx (docs/api.md "Node Nginx"): GET …/nginx/status, and
// the {running, pid} start/stop/restart/reload answer.
struct NginxStatus
{
    bool running = false;
    qint64 pid = 0;
    QString version;
    bool configOk = false;
    QString configTest; // nginx -t's output
};

// One site in sites-available; `content` and `sha256` only from a read of
// the site itself.
struct NginxSite
{
    QString name;
    bool enabled = false;
    QStringList serverNames;
    QStringList listen;
    qint64 size = 0;
    QDateTime modified;
    QString content;
    QString sha256;
};

// nginx's main config file.
struct NginxConfig
{
    QString path;
    QString content;
    QString sha256;
};

// The certificate a site names for a domain.
struct NginxCertificate
{
    QString domain;
    QString site; // empty: the generated one
    QString path;
    QString subject;
    QString issuer;
    QStringList sans;
    QDateTime notBefore;
    QDateTime notAfter;
    int daysLeft = 0;
    bool expired = false;
    bool selfSigned = false;
    QString fingerprintSha256;
};

namespace json {
TerminalSession terminalSession(const QJsonObject &o);
ProcessRow processRow(const QJsonObject &o);
ContainerRow containerRow(const QJsonObject &o);
NodeGrant nodeGrant(const QJsonObject &o);
NginxSite nginxSite(const QJsonObject &o);
NginxCertificate nginxCertificate(const QJsonObject &o);
} // namespace json

} // namespace hm::client
