#pragma once

#include "client/RemoteFileTypes.h"
#include "client/RemoteTypes.h"

namespace hm::client {

class ApiClient;

// Remote operations on a node through its agent (issue 38): what the caller
// may do there, its processes, and the node grants administrators keep.
// The server checks the caller's role and grants and the agent its own
// config; the console only shows what /access says is usable.
class RemoteApi
{
public:
    explicit RemoteApi(ApiClient &client) : m_client(client) {}

    void access(const QString &nodeId, Callback<NodeAccess> done);
    // Read from the agent now (NODE_OFFLINE, CAPABILITY_DISABLED, TIMEOUT).
    void processes(const QString &nodeId, const ProcessQuery &query, Callback<ProcessList> done);
    // `signal`: TERM, KILL, HUP, INT, QUIT, USR1, USR2, STOP or CONT.
    void killProcess(const QString &nodeId, qint64 pid, const QString &signal,
                     Callback<KillResult> done);

    // The node's Docker (docs/api.md "Node Docker"). `container` is an id
    // or a name; `action` start, stop or restart.
    void containers(const QString &nodeId, Callback<QList<ContainerRow>> done);
    void containerAction(const QString &nodeId, const QString &container, const QString &action,
                         Callback<void> done);
    // `force`: stop a running container first.
    void removeContainer(const QString &nodeId, const QString &container, bool force,
                         Callback<void> done);
    // The last `tail` lines (1 … 5000); `since` > 0: only after that
    // (seconds since 1970).
    void containerLogs(const QString &nodeId, const QString &container, int tail, qint64 since,
                       bool timestamps, Callback<ContainerLog> done);
    void dockerImages(const QString &nodeId, Callback<QList<DockerImage>> done);
    void composeProjects(const QString &nodeId, Callback<ComposeProjects> done);
    // compose up -d (`up`) or down of a project in its directory under the
    // agent's compose roots; waits for the tool (minutes at most).
    void composeRun(const QString &nodeId, const QString &project, bool up,
                    Callback<ComposeRun> done);

    // Confirms the signed-in user's password (or a TOTP code when
    // `isTotpCode`) for the next 5 minutes of terminal sessions; a wrong one
    // is CURRENT_PASSWORD_WRONG (INVALID_CREDENTIALS for a code).
    void reauthenticate(const QString &secret, bool isTotpCode, Callback<void> done);
    // A shell on the node: REAUTHENTICATION_REQUIRED without a recent
    // reauthenticate(), RATE_LIMITED with details.code TOO_MANY_SESSIONS.
    void openTerminal(const QString &nodeId, const TerminalOptions &options,
                      Callback<TerminalOpened> done);
    // Ends the session (its shell gets SIGHUP).
    void closeTerminal(const QString &nodeId, const QString &sessionId, Callback<void> done);
    // A new ticket to attach the session again (the answer's `session` is empty).
    void terminalTicket(const QString &nodeId, const QString &sessionId,
                        Callback<TerminalOpened> done);
    // The caller's sessions on the node (an administrator's: everyone's).
    void terminalSessions(const QString &nodeId, Callback<QList<TerminalSession>> done);
    // The session's shell's current directory (the agent reads it now).
    void terminalWorkingDirectory(const QString &nodeId, const QString &sessionId,
                                  Callback<QString> done);

    // A node's files (docs/api.md "Node files"; RemoteApiFiles.cpp). The
    // agent's precise refusal is in details.code (PATH_INVALID,
    // READ_ONLY_ROOT, NOT_FOUND, …). Bytes move through FileTransfer.
    void fileRoots(const QString &nodeId, Callback<QList<FileRoot>> done);
    void listFiles(const QString &nodeId, const QString &root, const QString &path,
                   Callback<FileListing> done);
    void statFile(const QString &nodeId, const QString &root, const QString &path,
                  Callback<FileEntry> done);
    // Valid UTF-8 up to 4 MiB (else NOT_TEXT, TOO_LARGE: download it).
    void readTextFile(const QString &nodeId, const QString &root, const QString &path,
                      Callback<FileText> done);
    // Saves `content` if the file is still at `expectedVersion` (CONFLICT
    // otherwise, nothing written); an empty version creates the file
    // (RESOURCE_ALREADY_EXISTS when it exists).
    void saveTextFile(const QString &nodeId, const QString &root, const QString &path,
                      const QString &content, const QString &expectedVersion,
                      Callback<FileSaved> done);
    void createDirectory(const QString &nodeId, const QString &root, const QString &path,
                         Callback<void> done);
    // Within the root; never replaces `to` (RESOURCE_ALREADY_EXISTS).
    void renameFile(const QString &nodeId, const QString &root, const QString &from,
                    const QString &to, Callback<void> done);
    // A non-empty directory only with `recursive` (CONFLICT otherwise).
    void deleteFile(const QString &nodeId, const QString &root, const QString &path, bool recursive,
                    Callback<void> done);
    void beginUpload(const QString &nodeId, const UploadRequest &request,
                     Callback<UploadState> done);
    // What the agent confirmed so far: resume from `received`.
    void uploadStatus(const QString &nodeId, const QString &uploadId, Callback<UploadState> done);
    // Checks size and SHA-256 (CHECKSUM_MISMATCH discards the upload) and
    // puts the file in place.
    void finishUpload(const QString &nodeId, const QString &uploadId, Callback<void> done);
    void abortUpload(const QString &nodeId, const QString &uploadId, Callback<void> done);
    // The routes FileTransfer sends raw bytes to (under the base URL).
    static QString uploadChunkPath(const QString &nodeId, const QString &uploadId);
    static QString downloadPath(const QString &nodeId);
    // The node's nginx (RemoteNginxApi.cpp; docs/api.md "Node Nginx"). A
    // change nginx refuses is VALIDATION_ERROR with details.code
    // NGINX_CONFIG_INVALID, nginx's words in the message and
    // details.output; the node's files are then as they were.
    void nginxStatus(const QString &nodeId, Callback<NginxStatus> done);
    // `verb`: start, stop, restart or reload; the answer's running and pid.
    void nginxControl(const QString &nodeId, const QString &verb, Callback<NginxStatus> done);
    void nginxConfig(const QString &nodeId, Callback<NginxConfig> done);
    // `expectedSha256` non-empty: CONFLICT when the file changed since.
    void saveNginxConfig(const QString &nodeId, const QString &content,
                         const QString &expectedSha256, Callback<void> done);
    void nginxSites(const QString &nodeId, Callback<QList<NginxSite>> done);
    void nginxSite(const QString &nodeId, const QString &name, Callback<NginxSite> done);
    void createNginxSite(const QString &nodeId, const QString &name, const QString &content,
                         Callback<void> done);
    void saveNginxSite(const QString &nodeId, const QString &name, const QString &content,
                       const QString &expectedSha256, Callback<void> done);
    void deleteNginxSite(const QString &nodeId, const QString &name, Callback<void> done);
    void setNginxSiteEnabled(const QString &nodeId, const QString &name, bool enabled,
                             Callback<void> done);
    void nginxCertificate(const QString &nodeId, const QString &domain,
                          Callback<NginxCertificate> done);
    // A self-signed certificate for `domain` (365 days) in the agent's SSL
    // directory; `overwrite` replaces one made before.
    void generateNginxCertificate(const QString &nodeId, const QString &domain, bool overwrite,
                                  Callback<NginxCertificate> done);
    // Node power and upgrades (docs/api.md "Node power", "Agent releases"):
    // each needs a recent reauthenticate() (REAUTHENTICATION_REQUIRED) and
    // answers once the agent is done — back after a restart (up to a
    // minute), on the new version after an upgrade (`version` empty: the
    // latest release; the answer is the version installed), or running its
    // reboot command.
    void restartAgent(const QString &nodeId, Callback<void> done);
    void reboot(const QString &nodeId, Callback<void> done);
    void upgradeAgent(const QString &nodeId, const QString &version, Callback<QString> done);

    // Administrators only.
    void grants(Callback<QList<NodeGrant>> done);
    void createGrant(const NodeGrant &grant, Callback<NodeGrant> done);
    void removeGrant(const QString &id, Callback<void> done);

private:
    ApiClient &m_client;
};

} // namespace hm::client
