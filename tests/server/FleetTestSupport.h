#pragma once

// The fleet's test steps against a real server (Http of AuthTestSupport.h):
// an administrator creates a node, AgentPeer enrols with its secret and
// signs in on /ws/agent. Shared by the nodes' and the alerts' API tests.

#include "AgentPeer.h"
#include "AuthTestSupport.h"

#include <QJsonArray>

namespace hm::test {

struct CreatedNode
{
    int status = 0;
    QString id;
    QString secret;
    QString command;
};

inline CreatedNode createNode(Http &http, const QString &admin, const QString &name,
                              const QStringList &labels = {})
{
    const Answer answer =
        http.json("POST", QStringLiteral("/api/v1/nodes"),
                  {{"name", name}, {"labels", QJsonArray::fromStringList(labels)}}, admin);
    CreatedNode node;
    node.status = answer.status;
    node.id = answer.data().value("node").toObject().value("id").toString();
    const QJsonObject enrolment = answer.data().value("enrolment").toObject();
    node.secret = enrolment.value("secret").toString();
    node.command = enrolment.value("command").toString();
    return node;
}

// POST …/register as an agent does, with `publicKey` and the secret in
// X-Secret-Key (none when `secret` is null).
inline Answer enrolKey(Http &http, const QString &secret, const QByteArray &publicKey,
                       const QString &path = QStringLiteral("/api/v1/nodes/register"))
{
    const QJsonObject body{{"name", "agent-host"},
                           {"ip", "192.0.2.10"},
                           {"os", "Linux"},
                           {"arch", "x86_64"},
                           {"cpu_cores", 4},
                           {"cpu_model", "Test CPU"},
                           {"memory_total", 8388608},
                           {"disk_total", 107374182400.0},
                           {"system_info", "{\"kernel\":\"6.1\"}"},
                           {"agent_version", "1.0.0"},
                           {"public_key", QString::fromLatin1(publicKey.toBase64())},
                           {"capabilities", QJsonArray{"metrics"}}};
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!secret.isNull())
        headers.append({"X-Secret-Key", secret.toUtf8()});
    return http.send("POST", path, QJsonDocument(body).toJson(), headers);
}

// A node enrolled with `peer`'s key; its id (empty when refused).
inline QString enrolledNode(Http &http, const QString &admin, const QString &name, AgentPeer &peer,
                            const QStringList &labels = {})
{
    const CreatedNode node = createNode(http, admin, name, labels);
    return enrolKey(http, node.secret, peer.keys.publicKey).status == 201 ? node.id : QString();
}

// Connects, signs in and reads the welcome.
inline bool signInAgent(Http &http, AgentPeer &peer, const QString &nodeId)
{
    if (!peer.connectTo(http.base()))
        return false;
    peer.send(fleet::serialize(peer.hello(nodeId)));
    return peer.waitForMessages(2) &&
           std::holds_alternative<fleet::WelcomeMessage>(peer.message(1));
}

// An alert rule on one node, firing on the first report over `threshold`
// (POST /alerts/rules as `admin`); the HTTP status.
inline int createNodeRule(Http &http, const QString &admin, const QString &name,
                          const QString &type, double threshold, const QString &nodeId)
{
    return http
        .json("POST", QStringLiteral("/api/v1/alerts/rules"),
              {{"name", name}, {"type", type}, {"threshold", threshold}, {"node_id", nodeId}},
              admin)
        .status;
}

} // namespace hm::test
