// The agent built with the server as a release (issue 38 item 9): at start
// the server registers the hivemind-agent next to its own binary (or the
// one --agent-binary names) as a built-in release of its own version and
// protocol, signed by its release key, audited AGENT_RELEASE_REGISTERED.
// A restart adds nothing (the same sha256 is stored already); another
// build claiming the same version is not registered; a missing binary is
// a log line and no release; "none" turns it off. Real server processes,
// real files.

#include "AuthTestSupport.h"
#include "fleet/AgentProtocol.h"
#include "hivemind/Version.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace hm::test;

class TestAgentBuiltInRelease : public QObject, private ServerFixture
{
    Q_OBJECT

    QByteArray m_agent; // the build's hivemind-agent

    QJsonArray releases()
    {
        return m_http->get(QStringLiteral("/api/v1/agents/releases"), m_admin)
            .data()
            .value("items")
            .toArray();
    }

    QByteArray serverLog() { return m_server->standardError() + m_server->standardOutput(); }

private slots:
    void initTestCase()
    {
        QFile agent(binaryPath("hivemind-agent"));
        QVERIFY(agent.open(QIODevice::ReadOnly));
        m_agent = agent.readAll();
        QVERIFY2(startServer().isEmpty(), "server did not start");
    }

    void theBuiltInAgentIsARelease()
    {
        QTRY_COMPARE_WITH_TIMEOUT(releases().size(), 1, 20000);
        const QJsonObject release = releases().first().toObject();
        QCOMPARE(release.value("version").toString(), QString::fromLatin1(hm::version::kVersion));
        QCOMPARE(release.value("protocol").toInt(), hm::fleet::kAgentProtocolVersion);
        QCOMPARE(release.value("built_in").toBool(), true);
        QCOMPARE(release.value("uploaded_by").toString(), QString());
        QCOMPARE(release.value("size").toInteger(), m_agent.size());
        QCOMPARE(release.value("sha256").toString().toLatin1(),
                 QCryptographicHash::hash(m_agent, QCryptographicHash::Sha256).toHex());
        QVERIFY(!release.value("signature").toString().isEmpty());
        // Served like an upload, byte for byte.
        const Answer download = m_http->get(
            QStringLiteral("/api/v1/agents/releases/%1/download")
                .arg(release.value("id").toString()),
            m_admin);
        QCOMPARE(download.status, 200);
        QCOMPARE(download.raw, m_agent);
        const QJsonArray audit =
            m_http->get(QStringLiteral("/api/v1/audit?action=AGENT_RELEASE_REGISTERED"), m_admin)
                .data()
                .value("audit_logs")
                .toArray();
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.first().toObject().value("resource_id").toString(),
                 release.value("id").toString());
        // An upload is not built in.
        const Answer uploaded =
            m_http->send("POST", QStringLiteral("/api/v1/agents/releases?version=77.0.0"),
                         QByteArray("#!/bin/sh\n"),
                         {{"Authorization", "Bearer " + m_admin.toUtf8()},
                          {"Content-Type", "application/octet-stream"}});
        QCOMPARE(uploaded.status, 201);
        QCOMPARE(uploaded.data().value("built_in").toBool(), false);
    }

    void aRestartAddsNothing()
    {
        const QString id = releases().last().toObject().value("id").toString();
        QVERIFY(stopServer());
        QVERIFY2(restartServer().isEmpty(), "server did not restart");
        QTRY_VERIFY_WITH_TIMEOUT(serverLog().contains("is stored already"), 20000);
        QCOMPARE(releases().size(), 2);
        QCOMPARE(releases().last().toObject().value("id").toString(), id);
    }

    void anotherBuildOfTheSameVersionIsNotRegistered()
    {
        QTemporaryDir elsewhere;
        const QString path = elsewhere.filePath(QStringLiteral("hivemind-agent"));
        QFile other(path);
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write(m_agent + QByteArray("rebuilt"));
        other.close();
        QVERIFY(stopServer());
        QVERIFY2(restartServer({"--agent-binary", path}).isEmpty(), "server did not restart");
        QTRY_VERIFY_WITH_TIMEOUT(serverLog().contains("another build of version"), 20000);
        QCOMPARE(releases().size(), 2);
    }

    void noBinaryNoRelease()
    {
        QTemporaryDir fresh;
        std::unique_ptr<ServerProcess> server;
        std::unique_ptr<Http> http;
        QString admin;
        QVERIFY(startWithAdmin(fresh, server, http, admin,
                               {"--agent-binary", fresh.filePath("no-such-agent")})
                    .isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(server->standardError().contains("no agent binary at"), 20000);
        QCOMPARE(http->get(QStringLiteral("/api/v1/agents/releases"), admin)
                     .data()
                     .value("items")
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(http->get(QStringLiteral("/api/v1/agents/releases/latest"), admin).status, 404);
    }

    void noneTurnsItOff()
    {
        QTemporaryDir fresh;
        std::unique_ptr<ServerProcess> server;
        std::unique_ptr<Http> http;
        QString admin;
        QVERIFY(startWithAdmin(fresh, server, http, admin, {"--agent-binary", "none"}).isEmpty());
        // Nothing to wait for: the option skips the registration itself.
        QCOMPARE(http->get(QStringLiteral("/api/v1/agents/releases"), admin)
                     .data()
                     .value("items")
                     .toArray()
                     .size(),
                 0);
        QVERIFY(!server->standardError().contains("built-in agent"));
    }

    // Nothing slow on the server's thread: a 30 MiB release is hashed and
    // written on a worker as it is uploaded, and read on a worker as it is
    // served; /health keeps answering meanwhile, each time within a second.
    void healthAnswersWhileALargeReleaseMoves()
    {
        QByteArray big(30 * 1024 * 1024, '\0');
        for (qsizetype i = 0; i < big.size(); i += 4096)
            big[i] = char(i / 4096);
        const auto healthMeanwhile = [this](QNetworkReply *reply) {
            int answered = 0;
            while (!reply->isFinished()) {
                QElapsedTimer took;
                took.start();
                const Answer health = m_http->get(QStringLiteral("/api/v1/health"));
                if (health.status != 200 || took.elapsed() > 1000)
                    return -1;
                if (!reply->isFinished())
                    ++answered;
            }
            return answered;
        };
        QNetworkReply *uploading =
            m_http->begin("POST", QStringLiteral("/api/v1/agents/releases?version=88.0.0"), big,
                          {{"Authorization", "Bearer " + m_admin.toUtf8()},
                           {"Content-Type", "application/octet-stream"}});
        QVERIFY(healthMeanwhile(uploading) > 0);
        const Answer uploaded = Http::finish(uploading);
        QCOMPARE(uploaded.status, 201);
        QCOMPARE(uploaded.data().value("size").toInteger(), big.size());
        QNetworkReply *downloading = m_http->begin(
            "GET",
            QStringLiteral("/api/v1/agents/releases/%1/download")
                .arg(uploaded.data().value("id").toString()),
            {}, {{"Authorization", "Bearer " + m_admin.toUtf8()}});
        QVERIFY(healthMeanwhile(downloading) >= 0);
        QCOMPARE(Http::finish(downloading).raw, big);
    }
};

QTEST_GUILESS_MAIN(TestAgentBuiltInRelease)
#include "TestAgentBuiltInRelease.moc"
