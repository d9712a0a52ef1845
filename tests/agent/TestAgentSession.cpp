// AgentSession against a peer in this process that plays the server's
// /ws/agent with the shared protocol code (fleet::parseAgentMessage and
// serialize) over a real loopback WebSocket; the probe tests run the whole
// agent (AgentRunner) against it. The real server's end-to-end test of an
// agent lives with the server (tests/server).

#include "AgentPeer.h"
#include "agent/AgentIdentity.h"
#include "agent/AgentRunner.h"
#include "agent/AgentSession.h"
#include "agent/EnrolmentRecord.h"
#include "agent/SampleBuffer.h"
#include "crypto/Signing.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::agent;
using hm::test::AgentPeer;

namespace {

fleet::ReportMessage reportWith(double value)
{
    fleet::ReportMessage report;
    report.timeMs = 1700000000000LL;
    report.metrics = {{QStringLiteral("cpu_usage"), value}};
    return report;
}

// The value of `name` in the newest report that has it.
std::optional<double> latestValue(const QList<fleet::ReportMessage> &reports, const QString &name)
{
    for (auto report = reports.crbegin(); report != reports.crend(); ++report) {
        for (const fleet::MetricValue &value : report->metrics)
            if (value.name == name)
                return value.value;
    }
    return std::nullopt;
}

QList<qint64> seqRange(qint64 first, qint64 last)
{
    QList<qint64> out;
    for (qint64 seq = first; seq <= last; ++seq)
        out.append(seq);
    return out;
}

// A server that completes the WebSocket handshake by hand, sends a
// challenge and a welcome, then says nothing more, not even a pong: a
// server that vanished without closing the connection.
class SilentPeer : public QObject
{
public:
    SilentPeer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            ++connections;
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                m_head += socket->readAll();
                if (m_answered || !m_head.contains("\r\n\r\n"))
                    return;
                m_answered = true;
                QByteArray key;
                for (const QByteArray &line : m_head.split('\n')) {
                    if (line.toLower().startsWith("sec-websocket-key:"))
                        key = line.mid(line.indexOf(':') + 1).trimmed();
                }
                const QByteArray accept =
                    QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                             QCryptographicHash::Sha1)
                        .toBase64();
                socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                              "Connection: Upgrade\r\nSec-WebSocket-Accept: " +
                              accept + "\r\n\r\n");
                socket->write(textFrame(fleet::serialize(
                    fleet::ChallengeMessage{fleet::kAgentProtocolVersion, QByteArray(32, 'n')})));
                socket->write(textFrame(fleet::serialize(fleet::WelcomeMessage{"node-7", 0, {5}})));
            });
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    int connections = 0;

private:
    static QByteArray textFrame(const QByteArray &payload)
    {
        QByteArray frame("\x81", 1);
        if (payload.size() < 126) {
            frame.append(char(payload.size()));
        } else {
            frame.append(char(126));
            frame.append(char((payload.size() >> 8) & 0xff));
            frame.append(char(payload.size() & 0xff));
        }
        return frame + payload;
    }

    QTcpServer m_server;
    QByteArray m_head;
    bool m_answered = false;
};

} // namespace

class TestAgentSession : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        QTemporaryDir dir;
        std::optional<AgentIdentity> identity;
        std::unique_ptr<SampleBuffer> buffer;
        std::unique_ptr<AgentPeer> peer;
        std::unique_ptr<AgentSession> session;

        bool setUp(int buffered)
        {
            auto made = AgentIdentity::loadOrCreate(dir.path());
            auto opened = SampleBuffer::open(dir.filePath(QStringLiteral("buffer")));
            if (!made || !opened)
                return false;
            identity.emplace(std::move(*made));
            buffer = std::move(*opened);
            for (int i = 1; i <= buffered; ++i) {
                if (!buffer->append(reportWith(i)))
                    return false;
            }
            peer = std::make_unique<AgentPeer>(identity->publicKey());
            if (!peer->listen())
                return false;
            AgentSessionConfig config;
            config.serverUrl = peer->url();
            config.nodeId = QStringLiteral("node-7");
            config.capabilities = {QStringLiteral("metrics")};
            config.agentVersion = QStringLiteral("0.1.0");
            config.initialBackoffMs = 20; // the retry's timing is not under test
            config.maxBackoffMs = 100;
            config.reportsPerRead = 2; // several reads per burst
            session = std::make_unique<AgentSession>(config, *identity, *buffer);
            return true;
        }
    };

    // The whole agent (AgentRunner, enrolled already) against the peer,
    // whose welcome lists one TCP probe "db" to a listening port; reports
    // every second.
    struct RunnerFixture
    {
        QTemporaryDir dir;
        QTcpServer target;
        std::unique_ptr<AgentPeer> peer;
        std::unique_ptr<AgentRunner> runner;

        bool setUp(const QStringList &capabilities)
        {
            auto identity = AgentIdentity::loadOrCreate(dir.path());
            if (!identity || !target.listen(QHostAddress::LocalHost, 0))
                return false;
            fleet::ProbeTarget probe;
            probe.id = QStringLiteral("db");
            probe.name = QStringLiteral("database");
            probe.kind = fleet::ProbeKind::Tcp;
            probe.target = QStringLiteral("127.0.0.1:%1").arg(target.serverPort());
            peer = std::make_unique<AgentPeer>(identity->publicKey());
            peer->welcomeIntervalSeconds = 1;
            peer->welcomeProbes = {probe};
            if (!peer->listen())
                return false;
            const EnrolmentRecord record{QStringLiteral("node-7"), peer->url().toString(),
                                         identity->fingerprint()};
            if (!record.save(dir.path()))
                return false;
            AgentOptions options;
            options.dataDir = dir.path();
            options.intervalSeconds = 1;
            options.capabilities = capabilities;
            runner = std::make_unique<AgentRunner>(options);
            runner->start();
            return true;
        }
        // Whether a report segment on disk holds a probe.db result.
        bool buffered() const
        {
            const QDir buffer(dir.filePath(QStringLiteral("buffer")));
            for (const QString &name :
                 buffer.entryList({QStringLiteral("seg-*.jsonl")}, QDir::Files)) {
                QFile segment(buffer.filePath(name));
                if (segment.open(QIODevice::ReadOnly) && segment.readAll().contains("probe.db.up"))
                    return true;
            }
            return false;
        }
        ~RunnerFixture()
        {
            if (runner)
                runner->shutdown();
        }
    };

private slots:
    void helloCarriesValidSignature()
    {
        Fixture f;
        QVERIFY(f.setUp(3));
        QSignalSpy welcomed(f.session.get(), &AgentSession::welcomed);
        f.session->start();
        QVERIFY(welcomed.wait());
        QCOMPARE(f.peer->path, QStringLiteral("/ws/agent"));
        QCOMPARE(f.peer->hellos.size(), 1);
        const fleet::HelloMessage hello = f.peer->hellos.first();
        QVERIFY(f.peer->signaturesValid.first());
        QCOMPARE(hello.nodeId, QStringLiteral("node-7"));
        QCOMPARE(hello.lastSeq, 3);
        QCOMPARE(hello.capabilities, QStringList{QStringLiteral("metrics")});
        QCOMPARE(welcomed.first().first().value<fleet::AgentSettings>().intervalSeconds, 7);
    }

    void reportsInOrderAfterWelcomeAndAckedDropped()
    {
        Fixture f;
        QVERIFY(f.setUp(5));
        f.peer->welcomeAcked = 2; // the server already has 1 and 2
        f.session->start();
        QTRY_COMPARE(f.peer->allReceived(), seqRange(3, 5));
        QCOMPARE(f.buffer->floorSeq(), 2);
        // Live reports follow the buffered ones.
        for (int i = 6; i <= 9; ++i) {
            QVERIFY(f.buffer->append(reportWith(i)).ok());
            f.session->reportsAppended();
        }
        QTRY_COMPARE(f.peer->allReceived(), seqRange(3, 9));
        f.peer->send(fleet::serialize(fleet::AckMessage{6}));
        QTRY_COMPARE(f.buffer->floorSeq(), 6);
        QCOMPARE(f.buffer->pendingCount(), 3);
    }

    void settingsArriveAnyTime()
    {
        Fixture f;
        QVERIFY(f.setUp(0));
        QSignalSpy welcomed(f.session.get(), &AgentSession::welcomed);
        QSignalSpy settings(f.session.get(), &AgentSession::settingsReceived);
        f.session->start();
        QVERIFY(welcomed.wait());
        f.peer->send(fleet::serialize(fleet::SettingsMessage{{60}}));
        QVERIFY(settings.wait());
        QCOMPARE(settings.first().first().value<fleet::AgentSettings>().intervalSeconds, 60);
    }

    void reconnectsAndResendsUnackedOnce()
    {
        Fixture f;
        QVERIFY(f.setUp(6));
        f.session->start();
        QTRY_COMPARE(f.peer->allReceived(), seqRange(1, 6));
        f.peer->send(fleet::serialize(fleet::AckMessage{3}));
        QTRY_COMPARE(f.buffer->floorSeq(), 3);

        // The server stored 1 … 4 (4 not acknowledged yet) when it went.
        f.peer->welcomeAcked = 4;
        QSignalSpy welcomed(f.session.get(), &AgentSession::welcomed);
        f.peer->closeWith(1001);
        QVERIFY(welcomed.wait());
        QCOMPARE(f.peer->connections, 2);
        QVERIFY(f.peer->signaturesValid.last());
        QCOMPARE(f.peer->hellos.last().lastSeq, 6);
        // 5 and 6 once more, not 4, and nothing twice on this connection.
        QTRY_COMPARE(f.peer->received.last(), seqRange(5, 6));
        QCOMPARE(f.buffer->floorSeq(), 4);
        QVERIFY(f.buffer->append(reportWith(7)).ok());
        f.session->reportsAppended();
        QTRY_COMPARE(f.peer->received.last(), seqRange(5, 7));
    }

    void reconnectAfterConnectionFailure()
    {
        Fixture f;
        QVERIFY(f.setUp(2));
        QSignalSpy disconnected(f.session.get(), &AgentSession::disconnected);
        QSignalSpy welcomed(f.session.get(), &AgentSession::welcomed);
        f.session->start();
        QVERIFY(welcomed.wait());
        f.peer->closeWith(1011);
        QVERIFY(disconnected.wait());
        QCOMPARE(disconnected.first().first().toInt(), 1011);
        QTRY_COMPARE(welcomed.size(), 2);
        QCOMPARE(f.session->state(), AgentSession::State::Streaming);
    }

    void silentServerTakenForDead()
    {
        Fixture f;
        QVERIFY(f.setUp(0));
        SilentPeer silent;
        AgentSessionConfig config;
        config.serverUrl = silent.url();
        config.nodeId = QStringLiteral("node-7");
        config.agentVersion = QStringLiteral("0.1.0");
        config.pingIntervalMs = 50;
        config.initialBackoffMs = 10000; // one connection is enough here
        AgentSession session(config, *f.identity, *f.buffer);
        QSignalSpy welcomed(&session, &AgentSession::welcomed);
        QSignalSpy disconnected(&session, &AgentSession::disconnected);
        session.start();
        QVERIFY(welcomed.wait());
        QVERIFY(disconnected.wait());
        QCOMPARE(disconnected.first().first().toInt(), 1006);
        QVERIFY2(disconnected.first().at(1).toString().contains(QStringLiteral("ping")),
                 qPrintable(disconnected.first().at(1).toString()));
        QCOMPARE(session.state(), AgentSession::State::WaitingToRetry);
    }

    void noUpgradeAnswerTimesOutAndRetries()
    {
        // Accepts TCP connections and never answers the upgrade request.
        Fixture f;
        QVERIFY(f.setUp(0));
        QTcpServer mute;
        QVERIFY(mute.listen(QHostAddress::LocalHost, 0));
        int accepted = 0;
        connect(&mute, &QTcpServer::newConnection, this, [&mute, &accepted] {
            while (mute.nextPendingConnection())
                ++accepted;
        });
        AgentSessionConfig config;
        config.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(mute.serverPort()));
        config.nodeId = QStringLiteral("node-7");
        config.agentVersion = QStringLiteral("0.1.0");
        config.handshakeTimeoutMs = 100;
        config.initialBackoffMs = 20;
        AgentSession session(config, *f.identity, *f.buffer);
        QSignalSpy disconnected(&session, &AgentSession::disconnected);
        session.start();
        QVERIFY(disconnected.wait());
        QCOMPARE(disconnected.first().first().toInt(), 1006);
        QVERIFY2(disconnected.first().at(1).toString().contains(QStringLiteral("welcome")),
                 qPrintable(disconnected.first().at(1).toString()));
        QTRY_VERIFY(accepted >= 2); // and tried again
    }

    void refusedIdentityStops_data()
    {
        QTest::addColumn<int>("code");
        QTest::newRow("4401") << 4401;
        QTest::newRow("4403") << 4403;
    }
    void refusedIdentityStops()
    {
        QFETCH(int, code);
        Fixture f;
        QVERIFY(f.setUp(1));
        QSignalSpy welcomed(f.session.get(), &AgentSession::welcomed);
        QSignalSpy refused(f.session.get(), &AgentSession::refused);
        f.session->start();
        QVERIFY(welcomed.wait());
        f.peer->closeWith(code);
        QVERIFY(refused.wait());
        QCOMPARE(refused.first().first().toInt(), code);
        QCOMPARE(f.session->state(), AgentSession::State::Stopped);
        // Stopped for good: new reports stay in the buffer, no new connection.
        QVERIFY(f.buffer->append(reportWith(2)).ok());
        f.session->reportsAppended();
        QCOMPARE(f.session->state(), AgentSession::State::Stopped);
        QCOMPARE(f.peer->connections, 1);
        QCOMPARE(f.buffer->pendingCount(), 2);
    }

    void badSignatureIsRefused()
    {
        // Another key than the one the peer knows: the peer closes 4401.
        Fixture f;
        QVERIFY(f.setUp(0));
        QTemporaryDir other;
        auto stranger = AgentIdentity::loadOrCreate(other.path());
        QVERIFY(stranger.ok());
        AgentSessionConfig config;
        config.serverUrl = f.peer->url();
        config.nodeId = QStringLiteral("node-7");
        config.agentVersion = QStringLiteral("0.1.0");
        AgentSession session(config, *stranger, *f.buffer);
        QSignalSpy refused(&session, &AgentSession::refused);
        session.start();
        QVERIFY(refused.wait());
        QCOMPARE(refused.first().first().toInt(), 4401);
        QVERIFY(!f.peer->signaturesValid.first());
    }

    // The probes in the welcome's settings run, and their results arrive as
    // probe.<id>.* values in the reports; a settings message without the
    // probe stops it.
    void probeResultsTravelInReports()
    {
        RunnerFixture f;
        QVERIFY(f.setUp({QStringLiteral("metrics"), QStringLiteral("probes")}));
        QTRY_VERIFY_WITH_TIMEOUT(latestValue(f.peer->reports, QStringLiteral("probe.db.up")) == 1.0,
                                 10000);
        QVERIFY(latestValue(f.peer->reports, QStringLiteral("probe.db.latency_ms")).has_value());

        // The next settings drop the probe: later reports carry no result
        // (the first one after may have been sampled before they arrived).
        f.peer->send(fleet::serialize(fleet::SettingsMessage{{1, {}}}));
        const qsizetype before = f.peer->reports.size();
        QTRY_VERIFY_WITH_TIMEOUT(f.peer->reports.size() >= before + 3, 10000);
        for (qsizetype i = before + 1; i < f.peer->reports.size(); ++i)
            QVERIFY(!latestValue({f.peer->reports.at(i)}, QStringLiteral("probe.db.up")));
    }

    // A probe result sampled while the server is away waits in the buffer
    // and arrives with the replay after the reconnect, like any metric.
    void probeResultsSampledOfflineAreReplayed()
    {
        RunnerFixture f;
        QVERIFY(f.setUp({QStringLiteral("metrics"), QStringLiteral("probes")}));
        // Welcomed (the probe runs at once), then the server goes away
        // before the first report is due.
        QTRY_COMPARE(f.peer->hellos.size(), 1);
        f.peer->pauseAccepting();
        f.peer->closeWith(1001); // going away: the agent retries
        QTRY_VERIFY_WITH_TIMEOUT(f.buffered(), 10000);
        QVERIFY(!latestValue(f.peer->reports, QStringLiteral("probe.db.up")));

        const qint64 resumedAtMs = QDateTime::currentMSecsSinceEpoch();
        f.peer->resumeAccepting();
        QTRY_VERIFY_WITH_TIMEOUT(latestValue(f.peer->reports, QStringLiteral("probe.db.up")) == 1.0,
                                 10000);
        QVERIFY(f.peer->connections >= 2);
        for (const fleet::ReportMessage &report : f.peer->reports) {
            if (latestValue({report}, QStringLiteral("probe.db.up")))
                QVERIFY(report.timeMs < resumedAtMs); // sampled while offline
        }
    }

    void probesNeedTheCapability()
    {
        RunnerFixture f;
        QVERIFY(f.setUp({QStringLiteral("metrics")})); // not probes
        // Three reports: a granted agent would have run the probe at once.
        QTRY_VERIFY_WITH_TIMEOUT(f.peer->reports.size() >= 3, 10000);
        QVERIFY(!latestValue(f.peer->reports, QStringLiteral("probe.db.up")));
        QVERIFY(!f.target.hasPendingConnections());
    }
};

QTEST_GUILESS_MAIN(TestAgentSession)
#include "TestAgentSession.moc"
