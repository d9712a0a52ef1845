// A full disk through the real hivemind-server (issue 37 item 6; docs/api.md
// "Storage"): the data directory on a small tmpfs, filled by triggers whose
// input is large, until new triggers are refused with 507 and details.code
// STORAGE_FULL. Consoles are warned first (/ws/events storage_state "low"),
// every trigger answered 200 is in the store after a restart, and once
// space returns (history retention hands pages back, a filler file goes)
// triggers are accepted again. Mounting needs root: without it the test
// skips, saying so.

#include "FleetTestSupport.h"
#include "FlowTestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace hm;
using namespace hm::test;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

bool run(const QString &program, const QStringList &args, QString *output = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(30000))
        return false;
    if (output)
        *output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

class TestStorageFull : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    QTemporaryDir m_base;
    QString m_mount;
    bool m_mounted = false;
    QWebSocket m_events;
    QStringList m_states; // storage_state events, in order

    QStringList serverArgs() const
    {
        // A built-in agent release that does not fit above the reserve: the
        // server must not copy it there (the real agent, 18 MB, once filled
        // the disk for a moment and the first triggers were refused). A
        // file of its own, as the agent's size depends on the build.
        return {QStringLiteral("--storage-reserve-mib"),   QStringLiteral("2"),
                QStringLiteral("--storage-warn-mib"),      QStringLiteral("4"),
                QStringLiteral("--retention-grace-ms"),    QStringLiteral("0"),
                QStringLiteral("--retention-interval-ms"), QStringLiteral("3600000"),
                QStringLiteral("--agent-binary"),          agentBuild()};
    }
    QString agentBuild() const { return m_base.filePath(QStringLiteral("agent-build")); }
    // ServerFixture keeps its data in m_dir; this test's lives on the tmpfs.
    QString start()
    {
        m_server = std::make_unique<ServerProcess>(m_mount + "/data");
        return connectAdmin(*m_server, startAuthServer(*m_server, serverArgs()), m_http, m_admin);
    }
    QString restart()
    {
        const QByteArray key = m_server->masterKey();
        m_server = std::make_unique<ServerProcess>(m_mount + "/data", key);
        setAdminEnvironment(*m_server);
        return connectAdmin(*m_server, m_server->start(serverArgs()), m_http, m_admin);
    }
    QString storageState()
    {
        return m_http->get("/api/v1/system/storage", m_admin)
            .data()
            .value("filesystem")
            .toObject()
            .value("state")
            .toString();
    }
    void listen()
    {
        m_states.clear();
        m_events.close();
        QUrl events = m_http->base();
        events.setScheme("ws");
        events.setPath("/ws/events");
        QNetworkRequest request(events);
        request.setRawHeader("Authorization", "Bearer " + m_admin.toUtf8());
        m_events.open(request);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_base.isValid());
        m_mount = m_base.filePath("tmpfs");
        QVERIFY(QDir().mkpath(m_mount));
        QString why;
        if (!run("mount", {"-t", "tmpfs", "-o", "size=12m", "tmpfs", m_mount}, &why))
            QSKIP(qPrintable("mounting a 12 MiB tmpfs is not permitted here (needs root): " +
                             why.trimmed()));
        m_mounted = true;
        QVERIFY(QDir().mkpath(m_mount + "/data"));
        // Room that comes back later (the way an operator frees space).
        QFile filler(m_mount + "/filler");
        QVERIFY(filler.open(QIODevice::WriteOnly));
        QVERIFY(filler.write(QByteArray(3 * kMiB, 'x')) == 3 * kMiB);
        filler.close();
        QFile build(agentBuild());
        QVERIFY(build.open(QIODevice::WriteOnly));
        QVERIFY(build.write(QByteArray(8 * kMiB, 'a')) == 8 * kMiB);
        build.close();
        why = start();
        QVERIFY2(why.isEmpty(), qPrintable(why));
        connect(&m_events, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
            if (message.value("type") == QLatin1String("storage_state"))
                m_states.append(message.value("data").toObject().value("state").toString());
        });
        listen();
        QTRY_COMPARE_WITH_TIMEOUT(m_events.state(), QAbstractSocket::ConnectedState, 15000);
    }

    void aBuildThatEatsTheReserveIsNotStored()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_server->standardError().contains(
                                     "built-in agent not registered: the server's disk has no "
                                     "room for"),
                                 15000);
        QVERIFY(QDir(m_mount + "/data/agent-releases")
                    .entryList(QDir::Files | QDir::NoDotAndDotDot)
                    .isEmpty());
        // An upload is refused the same way, with the triggers' 507.
        const Answer upload =
            m_http->send("POST", "/api/v1/agents/releases?version=9.9.1", QByteArray(8 * kMiB, 'b'),
                         {{"Authorization", "Bearer " + m_admin.toUtf8()},
                          {"Content-Type", "application/octet-stream"}});
        QCOMPARE(upload.status, 507);
        QCOMPARE(upload.details().value("code").toString(), QStringLiteral("STORAGE_FULL"));
        QCOMPARE(m_http->get("/api/v1/agents/releases", m_admin).data().value("items").toArray(),
                 QJsonArray());
    }

    void fullDiskRefusesAndLosesNothing()
    {
        QString why;
        const QString flowId = createPublishedFlow(
            *m_http, m_admin, "filler", flowDefinition({flowNode("a", "noop")}), {}, &why);
        QVERIFY2(!flowId.isEmpty(), qPrintable(why));
        QCOMPARE(storageState(), QStringLiteral("ok"));
        // A node for a task (seed 000's POST /api/tasks): no agent needed
        // to be refused.
        const CreatedNode node = createNode(*m_http, m_admin, QStringLiteral("tasked"));
        QCOMPARE(node.status, 201);

        // 64 KiB of input per execution (stored verbatim: trigger_input).
        const QJsonObject big{{"blob", QString(64 * 1024, QLatin1Char('q'))}};
        QStringList acknowledged;
        Answer refused;
        for (int i = 0; i < 1000 && refused.status == 0; ++i) {
            QJsonObject inputs = big;
            inputs.insert("i", i);
            const Answer a = triggerFlow(*m_http, m_admin, flowId, inputs);
            if (a.status == 200)
                acknowledged.append(a.data().value("execution_id").toString());
            else
                refused = a;
        }
        QVERIFY2(refused.status == 507, refused.raw.constData());
        qInfo() << "refused after" << acknowledged.size() << "executions;"
                << QStorageInfo(m_mount).bytesAvailable() << "bytes free";
        QCOMPARE(refused.code(), QStringLiteral("SERVICE_UNAVAILABLE"));
        QCOMPARE(refused.details().value("code").toString(), QStringLiteral("STORAGE_FULL"));
        QVERIFY(
            refused.body.value("error").toObject().value("message").toString().contains("full"));
        if (acknowledged.size() <= 10) // why it was refused so early, from the server's log
            for (const QByteArray &line : m_server->standardError().split('\n'))
                if (line.contains("storage") || line.contains("full") || line.contains("FULL"))
                    qWarning("server: %s", line.constData());
        QVERIFY2(acknowledged.size() > 10, refused.raw.constData());
        // Warned before: "low" came before "full".
        QTRY_VERIFY_WITH_TIMEOUT(m_states.contains("full"), 10000);
        QVERIFY2(m_states.indexOf("low") >= 0 && m_states.indexOf("low") < m_states.indexOf("full"),
                 qPrintable(m_states.join(',')));
        QCOMPARE(storageState(), QStringLiteral("full"));
        // Still refused, with the same code, also for re-runs.
        const Answer again = triggerFlow(*m_http, m_admin, flowId, big);
        QCOMPARE(again.status, 507);
        QCOMPARE(
            m_http
                ->json("POST", "/api/v1/executions/" + acknowledged.first() + "/rerun", {}, m_admin)
                .status,
            507);
        // Tasks are executions too: refused, nothing stored.
        const Answer task = m_http->json(
            "POST", "/api/v1/tasks", {{"node_id", node.id}, {"argv", QJsonArray{"true"}}}, m_admin);
        QVERIFY2(task.status == 507, task.raw.constData());
        QCOMPARE(task.details().value("code").toString(), QStringLiteral("STORAGE_FULL"));
        QCOMPARE(m_http->get("/api/v1/tasks", m_admin).data().value("tasks").toArray().size(), 0);
        // Reads still work.
        QCOMPARE(m_http->get("/api/v1/executions/" + acknowledged.last(), m_admin).status, 200);

        QTest::qWait(1000);
        qInfo() << "a second later:" << QStorageInfo(m_mount).bytesAvailable() << "bytes free";
        // Every acknowledged execution survives a restart on the full disk.
        QVERIFY(stopServer());
        qInfo() << "stopped:" << QStorageInfo(m_mount).bytesAvailable() << "bytes free";
        why = restart();
        QVERIFY2(why.isEmpty(), qPrintable(why));
        for (const QString &id : std::as_const(acknowledged)) {
            const Answer e = m_http->get("/api/v1/executions/" + id, m_admin);
            QVERIFY2(e.status == 200, qPrintable(id + ": " + QString::fromUtf8(e.raw)));
        }
        // (The WAL a clean stop removed may have made room: no state asserted.)

        // Retention keeps the newest few and hands the pages back.
        const QString dbFile = m_mount + "/data/hivemind.db";
        const qint64 usedBefore =
            m_http->get("/api/v1/system/storage", m_admin).data().value("used_bytes").toInteger();
        const qint64 fileBefore = QFileInfo(dbFile).size();
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/flows/" + flowId + "/retention",
                            {{"max_executions", 5}}, m_admin)
                     .status,
                 200);
        const Answer pass =
            m_http->send("POST", "/api/v1/system/retention/run", {}, Http::bearer(m_admin));
        QVERIFY2(pass.status == 200,
                 qPrintable(QString::fromUtf8(pass.raw) + QStringLiteral("\nfree: %1\n").arg(
                     QStorageInfo(m_mount).bytesAvailable()) +
                            QString::fromUtf8(m_server->standardError().right(3000))));
        QVERIFY(pass.data().value("deleted").toInteger() >= qint64(acknowledged.size() - 5));
        QVERIFY(pass.data().value("vacuumed_pages").toInteger() > 0);
        QVERIFY(
            m_http->get("/api/v1/system/storage", m_admin).data().value("used_bytes").toInteger() <
            usedBefore);
        // The file itself shrinks once the checkpoint copied the vacuum back.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(dbFile).size() < fileBefore, 10000);
        // And an operator frees the rest: triggers are taken again.
        listen();
        QTRY_COMPARE_WITH_TIMEOUT(m_events.state(), QAbstractSocket::ConnectedState, 15000);
        const QString stateBefore = storageState();
        QVERIFY(QFile::remove(m_mount + "/filler"));
        QTRY_COMPARE_WITH_TIMEOUT(storageState(), QStringLiteral("ok"), 15000);
        if (stateBefore != QLatin1String("ok"))
            QTRY_VERIFY_WITH_TIMEOUT(m_states.contains("ok"), 10000);
        const Answer accepted = triggerFlow(*m_http, m_admin, flowId, {{"small", true}});
        QVERIFY2(accepted.status == 200, accepted.raw.constData());
    }

    // Every route that refuses work on a full disk says so in the OpenAPI
    // document (507), and routes that store nothing new do not.
    void fullDiskAnswersAreDocumented()
    {
        const Answer doc = m_http->get("/api/v1/openapi.json", {});
        QCOMPARE(doc.status, 200);
        const QJsonObject paths =
            QJsonDocument::fromJson(doc.raw).object().value("paths").toObject();
        const auto responses = [&paths](const QString &path, const QString &method) {
            return paths.value(path)
                .toObject()
                .value(method)
                .toObject()
                .value("responses")
                .toObject();
        };
        const QList<QPair<QString, QString>> refusing{{"/api/v1/flows/{id}/trigger", "post"},
                                                      {"/api/v1/executions/{id}/rerun", "post"},
                                                      {"/api/v1/hooks/{flowId}/{token}", "post"},
                                                      {"/api/v1/tasks", "post"},
                                                      {"/api/tasks", "post"},
                                                      {"/api/v1/agents/releases", "post"}};
        for (const auto &[path, method] : refusing) {
            const QJsonObject r = responses(path, method);
            QVERIFY2(!r.isEmpty(), qPrintable(method + " " + path + " is not in the document"));
            QVERIFY2(r.contains("507"), qPrintable(method + " " + path));
            QVERIFY(
                r.value("507").toObject().value("description").toString().contains("STORAGE_FULL"));
        }
        QVERIFY(!responses("/api/v1/executions", "get").isEmpty());
        QVERIFY(!responses("/api/v1/executions", "get").contains("507"));
    }

    void cleanupTestCase()
    {
        m_events.close();
        if (m_server && m_server->process().state() != QProcess::NotRunning)
            stopServer();
        m_server.reset();
        if (m_mounted)
            QVERIFY(run("umount", {m_mount}));
    }
};

QTEST_GUILESS_MAIN(TestStorageFull)
#include "TestStorageFull.moc"
