#pragma once

// An agent for the console's fleet tests, as the real one behaves over
// loopback (tests/server/AgentPeer: its Ed25519 key and the /ws/agent
// protocol): it enrols its key with a node's one-time secret, connects and
// signs in, so the node goes online. One helper for every tests/app fleet
// test (Nodes, Alerts, Dashboard).

#include "../server/AgentPeer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>
#include <QUrl>

namespace fleettest {

// What an agent reports when it enrols (POST /nodes/register); empty
// fields are left out.
struct AgentFacts
{
    QString ip;
    QString os;
    QString arch;
    int cores = 0;
    double memory = 0;
    QString version;
    QStringList capabilities = {QStringLiteral("metrics"), QStringLiteral("probes")};
    // As the agent sends it: JSON text ({"kernel", "uptime"}).
    QString systemInfo;
    QString cpuModel; // "Test CPU" when empty (with cores)
};

// Enrols `peer`'s key with the node's one-time secret, as the agent does;
// the HTTP status (0: no answer).
inline int enrolAgent(const QUrl &base, const QString &secret, const hm::test::AgentPeer &peer,
                      const AgentFacts &facts = {})
{
    QNetworkAccessManager network;
    QNetworkRequest request(base.resolved(QUrl(QStringLiteral("/api/v1/nodes/register"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("X-Secret-Key", secret.toUtf8());
    QJsonObject body{{"name", "agent-host"},
                     {"public_key", QString::fromLatin1(peer.keys.publicKey.toBase64())},
                     {"capabilities", QJsonArray::fromStringList(facts.capabilities)}};
    const auto text = [&body](const char *field, const QString &value) {
        if (!value.isEmpty())
            body.insert(QLatin1String(field), value);
    };
    text("ip", facts.ip);
    text("os", facts.os);
    text("arch", facts.arch);
    text("agent_version", facts.version);
    text("system_info", facts.systemInfo);
    if (facts.cores > 0) {
        body.insert(QStringLiteral("cpu_cores"), facts.cores);
        body.insert(QStringLiteral("cpu_model"),
                    facts.cpuModel.isEmpty() ? QStringLiteral("Test CPU") : facts.cpuModel);
    }
    if (facts.memory > 0) {
        body.insert(QStringLiteral("memory_total"), facts.memory);
        body.insert(QStringLiteral("disk_total"), 256.0 * 1024 * 1024 * 1024);
    }
    QNetworkReply *reply = network.post(request, QJsonDocument(body).toJson());
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000))
        return 0;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

// The enrolled agent connects and signs in with `capabilities`: its node
// goes online.
inline bool connectAgent(const QUrl &base, hm::test::AgentPeer &peer, const QString &nodeId,
                         const QStringList &capabilities = {QStringLiteral("metrics"),
                                                            QStringLiteral("probes")})
{
    if (!peer.connectTo(base))
        return false;
    hm::fleet::HelloMessage hello = peer.hello(nodeId);
    hello.agentVersion = QStringLiteral("1.0.0");
    hello.capabilities = capabilities;
    peer.send(hm::fleet::serialize(hello));
    return peer.waitForMessages(2) &&
           std::holds_alternative<hm::fleet::WelcomeMessage>(peer.message(1));
}

// Both: the agent enrols with `secret` and comes online.
inline bool bringOnline(const QUrl &base, const QString &secret, const QString &nodeId,
                        hm::test::AgentPeer &peer, const AgentFacts &facts = {})
{
    return enrolAgent(base, secret, peer, facts) == 201 && connectAgent(base, peer, nodeId);
}

} // namespace fleettest
