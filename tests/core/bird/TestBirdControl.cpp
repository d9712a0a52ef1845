// BirdControl and BirdConfigApplier against a scripted stand-in for BIRD's
// control socket (a QLocalServer on its own thread, since BirdControl
// blocks): hello, timeouts, a broken stream, names and paths checked
// before anything is sent, and the applier's decisions on reply codes:
// check refused (live file untouched), configure refused (last-good put
// back), no answer (the checked file stays live).

#include "vpn/bird/BirdConfigApplier.h"
#include "vpn/bird/BirdControl.h"

#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <memory>
#include <thread>

using namespace hm::bird;
using namespace std::chrono_literals;

namespace {

// Answers each command line with the next scripted bytes; an empty answer
// means silence (the client times out). Records the commands it got.
class FakeBird
{
public:
    FakeBird(QString path, QByteArray hello, QList<QByteArray> answers)
        : m_path(std::move(path)), m_hello(std::move(hello)), m_answers(std::move(answers))
    {
        QLocalServer::removeServer(m_path);
        // A QThread: QLocalServer / QLocalSocket need one, even without an event loop.
        m_thread.reset(QThread::create([this] { serve(); }));
        m_thread->start();
        while (!m_listening.load() && !m_failed.load())
            std::this_thread::yield();
    }
    ~FakeBird()
    {
        m_stop = true;
        m_thread->wait();
    }
    QStringList commands()
    {
        QMutexLocker lock(&m_mutex);
        return m_commands;
    }

private:
    void serve()
    {
        QLocalServer server;
        if (!server.listen(m_path)) {
            m_failed = true;
            return;
        }
        m_listening = true;
        while (!m_stop.load()) {
            if (!server.waitForNewConnection(50))
                continue;
            std::unique_ptr<QLocalSocket> socket(server.nextPendingConnection());
            socket->write(m_hello);
            socket->waitForBytesWritten(1000);
            QByteArray buffer;
            while (!m_stop.load() && socket->state() == QLocalSocket::ConnectedState) {
                if (!socket->waitForReadyRead(50))
                    continue;
                buffer += socket->readAll();
                qsizetype nl;
                while ((nl = buffer.indexOf('\n')) >= 0) {
                    const QString line = QString::fromUtf8(buffer.left(nl));
                    buffer.remove(0, nl + 1);
                    QByteArray answer;
                    {
                        QMutexLocker lock(&m_mutex);
                        m_commands.append(line);
                        answer = m_answers.isEmpty() ? QByteArray() : m_answers.takeFirst();
                    }
                    if (answer == "<close>") {
                        socket->disconnectFromServer();
                        break;
                    }
                    if (!answer.isEmpty()) {
                        socket->write(answer);
                        socket->waitForBytesWritten(1000);
                    }
                }
            }
        }
    }

    QString m_path;
    QByteArray m_hello;
    QList<QByteArray> m_answers;
    QMutex m_mutex;
    QStringList m_commands;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_listening{false};
    std::atomic<bool> m_failed{false};
    std::unique_ptr<QThread> m_thread;
};

const QByteArray kFakeBirdHello = "0001 BIRD 2.0.12 ready.\n";

QByteArray fakeBirdRead(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

void fakeBirdWrite(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

} // namespace

class TestBirdControl : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString socketPath() const { return m_dir.filePath(QStringLiteral("bird.ctl")); }

private slots:
    void helloAndCommands()
    {
        FakeBird fake(socketPath(), kFakeBirdHello + "+spontaneous\n",
                      {"0009-p1: disabled\n0000 \n", "0010-p1: already enabled\n0000 \n",
                       "9001 syntax error, unexpected CF_SYM_UNDEFINED\n"});
        BirdControl control(socketPath(), 2s);
        QVERIFY(control.open().ok());
        QCOMPARE(control.hello(), QStringLiteral("BIRD 2.0.12 ready."));
        QVERIFY(control.disableProtocol(QStringLiteral("p1")).ok());
        QVERIFY(control.enableProtocol(QStringLiteral("p1")).ok());
        const hm::Status unknown = control.enableProtocol(QStringLiteral("p2"));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, hm::ErrorCode::ValidationError);
        QVERIFY(unknown.error().message.contains(QStringLiteral("syntax error")));
        // Refused before anything is sent.
        QVERIFY(!control.enableProtocol(QStringLiteral("p1; down")).ok());
        QVERIFY(!control.disableProtocol(QStringLiteral("\"p1\"")).ok());
        QVERIFY(!control.configureCheck(QStringLiteral("/tmp/x\".conf")).ok());
        QVERIFY(!control.configureCheck(QStringLiteral("/tmp/x\n.conf")).ok());
        QVERIFY(!control.configureCheck(QStringLiteral("relative.conf")).ok());
        QVERIFY(!control.configure(QStringLiteral("/tmp/x.conf"), 0).ok());
        QVERIFY(!control.command(QStringLiteral("show status\ndown")).ok());
        QCOMPARE(fake.commands(),
                 (QStringList{QStringLiteral("disable p1"), QStringLiteral("enable p1"),
                              QStringLiteral("enable p2")}));
    }

    void wrongHello()
    {
        FakeBird fake(socketPath(), "9001 go away\n", {});
        BirdControl control(socketPath(), 2s);
        const hm::Status st = control.open();
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, hm::ErrorCode::NetworkError);
        QVERIFY(!control.isOpen());
    }

    void noServer()
    {
        BirdControl control(m_dir.filePath(QStringLiteral("nobody.ctl")), 1s);
        const hm::Status st = control.open();
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, hm::ErrorCode::ServiceUnavailable);
    }

    void timeoutThenReconnect()
    {
        FakeBird fake(socketPath(), kFakeBirdHello, {QByteArray(), "0000 \n"});
        BirdControl control(socketPath(), 300ms);
        auto silent = control.command(QStringLiteral("show status"));
        QVERIFY(!silent.ok());
        QCOMPARE(silent.error().code, hm::ErrorCode::Timeout);
        QVERIFY(!control.isOpen());
        // The next command opens a new connection.
        auto again = control.command(QStringLiteral("show status"));
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
        QCOMPARE(again->code(), code::Ok);
    }

    void brokenStream()
    {
        FakeBird fake(socketPath(), kFakeBirdHello, {"0000 ok\ngarbage\n", "<close>"});
        BirdControl control(socketPath(), 2s);
        auto first = control.command(QStringLiteral("show status"));
        QVERIFY(first.ok()); // the reply before the garbage is complete
        auto second = control.command(QStringLiteral("show status"));
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, hm::ErrorCode::NetworkError);
    }

    void showCommandsQuoteNothingUnchecked()
    {
        FakeBird fake(socketPath(), kFakeBirdHello, {"0000 \n", "8003 No protocols match\n"});
        BirdControl control(socketPath(), 2s);
        BirdRouteQuery q;
        q.protocol = QStringLiteral("peer_b");
        q.table = QStringLiteral("master6");
        q.prefix = BirdPrefix::parse(QStringLiteral("2001:db8::/32")).value();
        auto routes = control.showRoutes(q);
        QVERIFY(routes.ok());
        QVERIFY(routes->isEmpty());
        auto missing = control.showProtocol(QStringLiteral("gone"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, hm::ErrorCode::ResourceNotFound);
        QCOMPARE(missing.error().details.value(QStringLiteral("birdCode")).toInt(),
                 code::NoProtocolsMatch);
        q.protocol = QStringLiteral("x y");
        QVERIFY(!control.showRoutes(q).ok());
        QCOMPARE(fake.commands(),
                 (QStringList{QStringLiteral(
                                  "show route all for 2001:db8::/32 table master6 protocol peer_b"),
                              QStringLiteral("show protocols all gone")}));
    }

    void applierCheckRefused()
    {
        const QString live = m_dir.filePath(QStringLiteral("check.conf"));
        fakeBirdWrite(live, "old\n");
        FakeBird fake(socketPath(), kFakeBirdHello,
                      {"0002-Reading configuration from x\n8002 x:1:1 syntax error\n"});
        BirdControl control(socketPath(), 2s);
        BirdConfigApplier applier(control, live);
        auto r = applier.apply(QStringLiteral("new\n"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, hm::ErrorCode::ValidationError);
        QCOMPARE(r.error().message,
                 QStringLiteral("BIRD refused the configuration: x:1:1 syntax error (code 8002)"));
        QCOMPARE(fakeBirdRead(live), QByteArray("old\n"));
        QVERIFY(!QFile::exists(applier.candidatePath()));
        QVERIFY(!QFile::exists(applier.lastGoodPath()));
        QCOMPARE(
            fake.commands(),
            (QStringList{QStringLiteral("configure check \"%1\"").arg(applier.candidatePath())}));
    }

    void applierConfigureRefused()
    {
        const QString live = m_dir.filePath(QStringLiteral("refused.conf"));
        fakeBirdWrite(live, "old\n");
        FakeBird fake(socketPath(), kFakeBirdHello,
                      {"0002-Reading configuration from x\n0020 Configuration OK\n",
                       "0002-Reading configuration from x\n8002 x: cannot open socket\n"});
        BirdControl control(socketPath(), 2s);
        BirdConfigApplier applier(control, live);
        auto r = applier.apply(QStringLiteral("new\n"), BirdApplyOptions{30});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().details.value(QStringLiteral("birdCode")).toInt(),
                 code::ConfigurationFileError);
        QVERIFY(r.error().message.contains(QStringLiteral("cannot open socket")));
        QCOMPARE(fakeBirdRead(live), QByteArray("old\n"));
        QCOMPARE(fakeBirdRead(applier.lastGoodPath()), QByteArray("old\n"));
        QCOMPARE(fake.commands().value(1), QStringLiteral("configure \"%1\" timeout 30").arg(live));
    }

    void applierShuttingDown()
    {
        const QString live = m_dir.filePath(QStringLiteral("shutdown.conf"));
        fakeBirdWrite(live, "old\n");
        FakeBird fake(socketPath(), kFakeBirdHello,
                      {"0020 Configuration OK\n", "0006 Reconfiguration ignored, shutting down\n"});
        BirdControl control(socketPath(), 2s);
        BirdConfigApplier applier(control, live);
        auto r = applier.apply(QStringLiteral("new\n"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, hm::ErrorCode::ServiceUnavailable);
        QCOMPARE(fakeBirdRead(live), QByteArray("old\n"));
    }

    void applierNoAnswer()
    {
        const QString live = m_dir.filePath(QStringLiteral("silent.conf"));
        fakeBirdWrite(live, "old\n");
        FakeBird fake(socketPath(), kFakeBirdHello, {"0020 Configuration OK\n", QByteArray()});
        BirdControl control(socketPath(), 300ms);
        BirdConfigApplier applier(control, live);
        auto r = applier.apply(QStringLiteral("new\n"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, hm::ErrorCode::Timeout);
        QCOMPARE(fakeBirdRead(live), QByteArray("new\n"));
        QCOMPARE(fakeBirdRead(applier.lastGoodPath()), QByteArray("old\n"));
    }

    void applierAcceptsAndConfirms()
    {
        const QString live = m_dir.filePath(QStringLiteral("ok.conf"));
        FakeBird fake(
            socketPath(), kFakeBirdHello,
            {"0020 Configuration OK\n",
             "0002-Reading configuration from x\n0022-Undo scheduled in 30 s\n0003 Reconfigured\n",
             "0018 Reconfiguration confirmed\n"});
        BirdControl control(socketPath(), 2s);
        BirdConfigApplier applier(control, live);
        auto r = applier.apply(QStringLiteral("first\n"), BirdApplyOptions{30});
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->code, code::Reconfigured);
        QVERIFY(r->confirmPending);
        QCOMPARE(fakeBirdRead(live), QByteArray("first\n"));
        QVERIFY(!QFile::exists(applier.lastGoodPath())); // there was no live file before
        QCOMPARE(QFile::permissions(live) & (QFileDevice::ReadOther | QFileDevice::WriteGroup),
                 QFileDevice::Permissions());
        QVERIFY(applier.confirm().ok());
    }
};

QTEST_GUILESS_MAIN(TestBirdControl)
#include "TestBirdControl.moc"
