// The hivemind-agent executable as a process: enrolment, the connection,
// reports, a restart that continues where it stopped, and its exit codes.
// The peer answers the enrolment POST and the /ws/agent upgrade on one port,
// like the server; the real server's end-to-end test lives with the server.

#include "AgentPeer.h"
#include "agent/AgentOptions.h"
#include "crypto/Signing.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using hm::test::AgentPeer;

namespace {

// One port: HTTP POSTs are enrolments, GET /ws/agent goes to the AgentPeer.
class ServerPeer : public QObject
{
public:
    ServerPeer() : agents(QByteArray())
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                route(socket);
        });
        m_server.listen(QHostAddress::LocalHost, 0);
        agents.welcomeIntervalSeconds = 1;
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }

    AgentPeer agents;
    int enrolStatus = 201;
    QList<QByteArray> secrets;     // X-Secret-Key of every enrolment
    QList<QJsonObject> enrolments; // their bodies

private:
    void route(QTcpSocket *socket)
    {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            const QByteArray seen = socket->peek(socket->bytesAvailable());
            const qsizetype headEnd = seen.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            if (seen.startsWith("GET /ws/agent ")) {
                socket->disconnect(this);
                agents.handleConnection(socket);
                // The upgrade request is already waiting: tell the
                // WebSocket server, which only reacts to readyRead.
                QMetaObject::invokeMethod(socket, "readyRead", Qt::QueuedConnection);
                return;
            }
            const QList<QByteArray> lines = seen.left(headEnd).split('\n');
            QByteArray secret;
            qsizetype length = 0;
            for (const QByteArray &line : lines) {
                const qsizetype colon = line.indexOf(':');
                const QByteArray name = line.left(colon).trimmed().toLower();
                if (name == "x-secret-key")
                    secret = line.mid(colon + 1).trimmed();
                if (name == "content-length")
                    length = line.mid(colon + 1).trimmed().toLongLong();
            }
            if (seen.size() < headEnd + 4 + length)
                return;
            socket->disconnect(this);
            const QJsonObject body =
                QJsonDocument::fromJson(socket->readAll().mid(headEnd + 4, length)).object();
            secrets.append(secret);
            enrolments.append(body);
            const QByteArray publicKey =
                QByteArray::fromBase64(body.value("public_key").toString().toLatin1());
            agents.setPublicKey(publicKey);
            const QJsonObject answer =
                enrolStatus == 201
                    ? QJsonObject{{"success", true},
                                  {"data", QJsonObject{{"node_id", "node-e2e"},
                                                       {"name", body.value("name")},
                                                       {"fingerprint",
                                                        crypto::publicKeyFingerprint(publicKey)}}}}
                    : QJsonObject{{"success", false},
                                  {"error", QJsonObject{{"code", "UNAUTHORIZED"},
                                                        {"message", "bad secret"}}}};
            const QByteArray json = QJsonDocument(answer).toJson(QJsonDocument::Compact);
            socket->write("HTTP/1.1 " + QByteArray::number(enrolStatus) +
                          " X\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(json.size()) + "\r\nConnection: close\r\n\r\n" + json);
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        });
    }

    QTcpServer m_server;
};

const QString kSecret = QStringLiteral("one-time-secret-xyz");

} // namespace

class TestAgentProcess : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_config;

    void startAgent(QProcess &process, const QStringList &extra)
    {
        process.setProgram(QStringLiteral(HIVEMIND_BIN_DIR "/hivemind-agent"));
        process.setArguments(QStringList{"--config", m_config} + extra);
        process.start();
    }

private slots:
    void initTestCase()
    {
        // An empty config: the machine's /etc/hivemind/agent.conf must not
        // decide these runs.
        m_config = m_dir.filePath("agent.conf");
        QFile config(m_config);
        QVERIFY(config.open(QIODevice::WriteOnly));
    }

    void enrolsReportsRestartsAndStopsWhenRevoked()
    {
        ServerPeer server;
        const QString dataDir = m_dir.filePath("enrolled");
        QProcess agent;
        startAgent(agent, {"--server", server.url(), "--enrol-secret", kSecret, "--data-dir",
                           dataDir, "--interval", "1", "--name", "e2e-node"});
        QVERIFY(agent.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(server.agents.allReceived().size() >= 2, 20000);

        QCOMPARE(server.secrets, QList<QByteArray>{kSecret.toUtf8()});
        QCOMPARE(server.enrolments.first().value("name").toString(), QStringLiteral("e2e-node"));
        QCOMPARE(server.agents.path, QStringLiteral("/ws/agent"));
        QVERIFY(server.agents.signaturesValid.first());
        QCOMPARE(server.agents.hellos.first().nodeId, QStringLiteral("node-e2e"));
        const QList<qint64> firstRun = server.agents.allReceived();
        QCOMPARE(firstRun.first(), 1);
        for (qsizetype i = 1; i < firstRun.size(); ++i)
            QCOMPARE(firstRun.at(i), firstRun.at(i - 1) + 1);

        // One agent per data directory.
        QProcess second;
        startAgent(second, {"--data-dir", dataDir});
        QTRY_COMPARE_WITH_TIMEOUT(second.state(), QProcess::NotRunning, 10000);
        QCOMPARE(second.exitCode(), agent::kExitBadOptions);
        QVERIFY(second.readAllStandardError().contains("another hivemind-agent"));

        QFile node(QDir(dataDir).filePath("node.json"));
        QVERIFY(node.open(QIODevice::ReadOnly));
        const QJsonObject record = QJsonDocument::fromJson(node.readAll()).object();
        QCOMPARE(record.value("node_id").toString(), QStringLiteral("node-e2e"));

        // Revoked: exit 3, no reconnection.
        server.agents.closeWith(4403);
        QTRY_COMPARE_WITH_TIMEOUT(agent.state(), QProcess::NotRunning, 10000);
        QCOMPARE(agent.exitStatus(), QProcess::NormalExit);
        QCOMPARE(agent.exitCode(), agent::kExitRevoked);
        const QByteArray out = agent.readAllStandardOutput();
        const QByteArray err = agent.readAllStandardError();
        QVERIFY2(out.contains("Enrolled as node node-e2e"), out.constData());
        QVERIFY(out.contains(record.value("fingerprint").toString().toLatin1()));
        QVERIFY(!out.contains(kSecret.toUtf8()) && !err.contains(kSecret.toUtf8()));
        QCOMPARE(server.agents.connections, 1);

        // A restart: enrolled already, no enrolment; numbering goes on.
        ServerPeer again;
        again.agents.setPublicKey(QByteArray::fromBase64(
            server.enrolments.first().value("public_key").toString().toLatin1()));
        const qint64 lastSent = firstRun.last();
        again.agents.welcomeAcked = lastSent;
        QProcess restarted;
        startAgent(restarted, {"--server", again.url(), "--data-dir", dataDir});
        QVERIFY(restarted.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(!again.agents.allReceived().isEmpty(), 20000);
        QVERIFY(again.enrolments.isEmpty());
        QVERIFY(again.agents.signaturesValid.first());
        QVERIFY(again.agents.hellos.first().lastSeq >= lastSent);
        QVERIFY(again.agents.allReceived().first() > lastSent);
        again.agents.closeWith(4401);
        QTRY_COMPARE_WITH_TIMEOUT(restarted.state(), QProcess::NotRunning, 10000);
        QCOMPARE(restarted.exitCode(), agent::kExitRevoked);
    }

    void terminationClosesGoingAwayAndExitsZero()
    {
        ServerPeer server;
        QProcess agent;
        startAgent(agent, {"--server", server.url(), "--enrol-secret", kSecret, "--data-dir",
                           m_dir.filePath("terminated"), "--interval", "1"});
        QVERIFY(agent.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(!server.agents.allReceived().isEmpty(), 20000);
        agent.terminate(); // SIGTERM, as systemctl stop sends
        QTRY_COMPARE_WITH_TIMEOUT(agent.state(), QProcess::NotRunning, 10000);
        QCOMPARE(agent.exitStatus(), QProcess::NormalExit);
        QCOMPARE(agent.exitCode(), agent::kExitOk);
        QTRY_COMPARE(server.agents.closeCodes, QList<int>{1001});
    }

    // Issue 38 item 1: what the agent's own config does not grant is
    // refused BY THE AGENT, whatever the server sends. The peer plays a
    // server that asks for everything.
    void refusesWhatItsConfigDoesNotGrant()
    {
        ServerPeer server;
        QProcess agent;
        startAgent(agent, {"--server", server.url(), "--enrol-secret", kSecret, "--data-dir",
                           m_dir.filePath("default-caps"), "--interval", "1"});
        QVERIFY(agent.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(!server.agents.allReceived().isEmpty(), 20000);
        QCOMPARE(server.agents.hellos.first().capabilities,
                 (QStringList{"metrics", "probes"}));
        const QStringList remote{"terminal", "processes", "files", "docker",
                                 "nginx",    "tasks",     "upgrade", "reboot"};
        qint64 id = 0;
        for (const QString &capability : remote)
            server.agents.send(fleet::serialize(fleet::RequestMessage{
                ++id, capability, QStringLiteral("list"), QJsonObject{{"pid", 1}}}));
        QTRY_COMPARE_WITH_TIMEOUT(server.agents.responses.size(), remote.size(), 10000);
        for (const fleet::ResponseMessage &response : std::as_const(server.agents.responses)) {
            QVERIFY(!response.ok);
            QCOMPARE(response.errorCode, QStringLiteral("CAPABILITY_DISABLED"));
            QCOMPARE(response.errorDetails.value("capability").toString(),
                     remote.at(response.id - 1));
        }
        agent.terminate();
        QTRY_COMPARE_WITH_TIMEOUT(agent.state(), QProcess::NotRunning, 10000);
    }

    // --allow adds to the config file's list; the processes it grants list
    // and kill, and refuse pid 1, the agent itself and process groups.
    void allowedProcessesListAndKill()
    {
        const QString config = m_dir.filePath("metrics-only.conf");
        {
            QFile file(config);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("capabilities=metrics\n");
        }
        ServerPeer server;
        QProcess agent;
        agent.setProgram(QStringLiteral(HIVEMIND_BIN_DIR "/hivemind-agent"));
        agent.setArguments({"--config", config, "--server", server.url(), "--enrol-secret",
                            kSecret, "--data-dir", m_dir.filePath("processes"), "--interval",
                            "1", "--allow", "processes"});
        agent.start();
        QVERIFY(agent.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(!server.agents.allReceived().isEmpty(), 20000);
        QCOMPARE(server.agents.hellos.first().capabilities,
                 (QStringList{"metrics", "processes"}));

        QProcess sleeper;
        sleeper.start(QStringLiteral("sleep"), {QStringLiteral("300")});
        QVERIFY(sleeper.waitForStarted());
        const auto ask = [&server](qint64 id, const QString &capability, const QString &action,
                                   const QJsonObject &args) -> fleet::ResponseMessage {
            server.agents.send(
                fleet::serialize(fleet::RequestMessage{id, capability, action, args}));
            const auto answered = [&server, id] {
                for (const auto &r : std::as_const(server.agents.responses))
                    if (r.id == id)
                        return true;
                return false;
            };
            if (!QTest::qWaitFor(answered, 10000))
                return {};
            for (const auto &r : std::as_const(server.agents.responses))
                if (r.id == id)
                    return r;
            return {};
        };

        const fleet::ResponseMessage list = ask(1, "processes", "list", {});
        QVERIFY2(list.ok, qPrintable(list.errorMessage));
        bool sawAgent = false, sawSleeper = false;
        for (const QJsonValue &p : list.result.value("processes").toArray()) {
            const qint64 pid = qint64(p.toObject().value("pid").toDouble());
            sawAgent = sawAgent || pid == agent.processId();
            if (pid == sleeper.processId()) {
                sawSleeper = true;
                // QProcess starts it by its full path.
                QVERIFY(p.toObject().value("command").toString().endsWith("sleep 300"));
            }
        }
        QVERIFY(sawAgent && sawSleeper);
        QVERIFY(list.result.value("total").toInt() >= 2);

        const struct
        {
            qint64 pid;
            const char *why;
        } refused[] = {{1, "init"}, {agent.processId(), "the agent"}, {0, "group"}, {-1, "all"}};
        qint64 id = 10;
        for (const auto &r : refused) {
            const fleet::ResponseMessage answer =
                ask(++id, "processes", "kill", {{"pid", r.pid}, {"signal", "KILL"}});
            QVERIFY2(!answer.ok, r.why);
            QCOMPARE(answer.errorDetails.value("code").toString(),
                     QStringLiteral("PROTECTED_PROCESS"));
        }
        QCOMPARE(agent.state(), QProcess::Running);
        const fleet::ResponseMessage badSignal =
            ask(20, "processes", "kill", {{"pid", sleeper.processId()}, {"signal", "SEGV"}});
        QCOMPARE(badSignal.errorCode, QStringLiteral("VALIDATION_ERROR"));
        const fleet::ResponseMessage unknown = ask(21, "processes", "renice", {});
        QCOMPARE(unknown.errorDetails.value("code").toString(), QStringLiteral("UNKNOWN_ACTION"));
        const fleet::ResponseMessage terminal = ask(22, "terminal", "open", {});
        QCOMPARE(terminal.errorCode, QStringLiteral("CAPABILITY_DISABLED"));

        const fleet::ResponseMessage killed =
            ask(23, "processes", "kill", {{"pid", sleeper.processId()}, {"signal", "USR1"}});
        QVERIFY2(killed.ok, qPrintable(killed.errorMessage));
        QTRY_COMPARE_WITH_TIMEOUT(sleeper.state(), QProcess::NotRunning, 10000);
        QCOMPARE(sleeper.exitStatus(), QProcess::CrashExit); // died of SIGUSR1
        agent.terminate();
        QTRY_COMPARE_WITH_TIMEOUT(agent.state(), QProcess::NotRunning, 10000);
    }

    void notEnrolledWithoutSecret()
    {
        QProcess agent;
        startAgent(agent,
                   {"--server", "http://127.0.0.1:1", "--data-dir", m_dir.filePath("nosecret")});
        QVERIFY(agent.waitForFinished(10000));
        QCOMPARE(agent.exitCode(), agent::kExitBadOptions);
        QVERIFY(agent.readAllStandardError().contains("not enrolled"));
    }

    void refusedSecret()
    {
        ServerPeer server;
        server.enrolStatus = 401;
        QProcess agent;
        startAgent(agent, {"--server", server.url(), "--enrol-secret", kSecret, "--data-dir",
                           m_dir.filePath("refused")});
        // The peer answers in this process: keep its event loop running.
        QTRY_COMPARE_WITH_TIMEOUT(agent.state(), QProcess::NotRunning, 10000);
        QCOMPARE(agent.exitCode(), agent::kExitBadOptions);
        const QByteArray err = agent.readAllStandardError();
        QVERIFY2(err.contains("enrolment secret"), err.constData());
        QVERIFY(!err.contains(kSecret.toUtf8()));
        QVERIFY(!QFile::exists(QDir(m_dir.filePath("refused")).filePath("node.json")));
    }

    void badOptionExitsTwo()
    {
        QProcess agent;
        startAgent(agent, {"--interval", "0"});
        QVERIFY(agent.waitForFinished(10000));
        QCOMPARE(agent.exitCode(), agent::kExitBadOptions);
        QVERIFY(agent.readAllStandardError().contains("interval"));
    }

    void printFingerprint()
    {
        const QString dataDir = m_dir.filePath("fingerprint");
        QProcess first;
        startAgent(first, {"--data-dir", dataDir, "--print-fingerprint"});
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitCode(), 0);
        const QByteArray printed = first.readAllStandardOutput().trimmed();
        QVERIFY(printed.startsWith("SHA256:"));
        QProcess second;
        startAgent(second, {"--data-dir", dataDir, "--print-fingerprint"});
        QVERIFY(second.waitForFinished(10000));
        QCOMPARE(second.readAllStandardOutput().trimmed(), printed);
    }
};

QTEST_GUILESS_MAIN(TestAgentProcess)
#include "TestAgentProcess.moc"
