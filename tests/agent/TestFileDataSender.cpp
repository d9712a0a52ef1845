// The agent's side of a download's data connection (FileDataSender.h),
// every test both ways it can send (fleet/FileDataPath.h: sendfile(2), or
// pread(2)+send(2) of 4 MiB chunks), whichever this kernel would pick,
// against a loopback listener playing the server: the upgrade request
// carries the node and the token in headers (never the URL); a whole file
// and a file from an offset arrive byte-identical; a file whose version
// moved is not sent (CHANGED); cancel() ends a send the server stopped
// reading, without the SIGPIPE sendfile raises ending the process or
// staying blocked or pending on the thread; a refused upgrade is an error with the server's status
// line and without the token.

#include "FileDataPathRows.h"
#include "LoopbackSockets.h"
#include "agent/ConfinedFiles.h"
#include "agent/FileDataSender.h"
#include "fleet/StreamFrame.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <random>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using hm::agent::ConfinedFiles;
using hm::agent::FileDataSender;
using hm::agent::FileDataTarget;
using hm::agent::FileRoot;

namespace {

const QString kToken = QStringLiteral("dGhlLXN0cmVhbS10b2tlbi1mb3ItdGhlLXRlc3Q");
const QString kNode = QStringLiteral("6c1f4a8e-7d0b-4c6e-9a51-2f3b8d9e0a17");

// One connection's worth of a server: accepts, reads the request's head,
// answers `answer`, then (with `readBody`) reads to the end, hashing.
class FakeDataServer
{
public:
    FakeDataServer(QByteArray answer, bool readBody)
        : m_answer(std::move(answer)), m_readBody(readBody)
    {
        if (!m_listener.isListening() || ::pipe2(m_stop, O_CLOEXEC) != 0)
            return;
        m_thread = std::thread([this] { serve(); });
    }

    ~FakeDataServer()
    {
        m_listener.shutdown();
        if (m_connection >= 0)
            ::shutdown(m_connection, SHUT_RDWR);
        if (m_stop[1] >= 0)
            (void)::write(m_stop[1], "x", 1);
        if (m_thread.joinable())
            m_thread.join();
        for (const int fd : {m_connection.load(), m_stop[0], m_stop[1]}) {
            if (fd >= 0)
                ::close(fd);
        }
    }

    // 0 when there is no listener (error() says why).
    quint16 port() const { return m_listener.port(); }
    const QString &error() const { return m_listener.error(); }
    bool done() const { return m_done.load(); }
    // After done():
    const QByteArray &head() const { return m_head; }
    qint64 received() const { return m_received; }
    QByteArray sha256() const { return m_hash.result(); }

private:
    void serve()
    {
        // The destructor shuts the connection down from the test's thread.
        m_connection = m_listener.accept().release();
        if (m_connection < 0)
            return finish();
        char byte;
        while (!m_head.endsWith("\r\n\r\n") && m_head.size() < 65536) {
            if (::recv(m_connection, &byte, 1, 0) != 1)
                return finish();
            m_head.append(byte);
        }
        if (::send(m_connection, m_answer.constData(), size_t(m_answer.size()), MSG_NOSIGNAL) !=
            m_answer.size())
            return finish();
        if (m_readBody) {
            std::vector<char> buffer(1024 * 1024);
            for (;;) {
                const ssize_t n = ::recv(m_connection, buffer.data(), buffer.size(), 0);
                if (n <= 0)
                    break;
                m_hash.addData(QByteArrayView(buffer.data(), n));
                m_received += n;
            }
        } else {
            // A server that stops reading: wait until the test ends it.
            pollfd stop{m_stop[0], POLLIN, 0};
            while (::poll(&stop, 1, -1) < 0 && errno == EINTR) {
            }
        }
        finish();
    }

    void finish() { m_done = true; }

    QByteArray m_answer;
    bool m_readBody;
    hm::test::LoopbackListener m_listener;
    std::atomic<int> m_connection{-1};
    int m_stop[2] = {-1, -1}; // written to end a server that does not read
    std::thread m_thread;
    std::atomic<bool> m_done{false};
    QByteArray m_head;
    qint64 m_received = 0;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
};

const QByteArray kSwitching = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: hivemind-file-data\r\n"
                              "Connection: Upgrade\r\n\r\n";

} // namespace

class TestFileDataSender : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { hm::test::addFileDataPathRows(); }

    void initTestCase()
    {
        if (!FileDataSender::available())
            QSKIP("no data connections on this platform: downloads are sent as frames");
        QVERIFY(m_dir.isValid());
        m_root = QFileInfo(m_dir.path()).canonicalFilePath();
        // Random bytes, not a multiple of any chunk size.
        m_content.resize(9 * 1024 * 1024 + 4097);
        std::mt19937_64 random(38);
        for (char &c : m_content)
            c = char(random());
        QFile file(m_root + QStringLiteral("/data.bin"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(m_content), m_content.size());
        file.close();
        m_files = std::make_unique<ConfinedFiles>(QList<FileRoot>{FileRoot{m_root, false}});
    }

    void aWholeFileArrivesByteIdentical()
    {
        const QByteArray expected = QCryptographicHash::hash(m_content, QCryptographicHash::Sha256);
        sendAndCompare(0, expected, m_content.size());
    }

    void aFileFromAnOffsetArrivesByteIdentical()
    {
        const qint64 offset = 5 * 1024 * 1024 + 3;
        const QByteArray expected =
            QCryptographicHash::hash(m_content.mid(offset), QCryptographicHash::Sha256);
        sendAndCompare(offset, expected, m_content.size() - offset);
    }

    void aFileWhoseVersionMovedIsNotSent()
    {
        FakeDataServer server(kSwitching, true);
        QVERIFY2(server.port(), qPrintable(server.error()));
        FileDataSender sender(target(server.port()), hm::test::rowFileDataPath());
        QVERIFY(sender.connect());
        auto file = m_files->openForStreaming(m_root, QStringLiteral("data.bin"));
        QVERIFY(file);
        QString why;
        QCOMPARE(sender.send(**file, 0, QStringLiteral("not-the-version"), &why),
                 hm::fleet::kFileStreamChanged);
        QVERIFY2(why.contains(QLatin1String("changed")), qPrintable(why));
        QTRY_VERIFY(server.done());
        QCOMPARE(server.received(), 0);
        QCOMPARE(sender.sent(), 0);
    }

    // The server takes the upgrade and then reads nothing: the send blocks
    // once the socket buffers are full, and cancel() from another thread
    // ends it as failed.
    void cancelEndsASendTheServerStoppedReading()
    {
        FakeDataServer server(kSwitching, false);
        QVERIFY2(server.port(), qPrintable(server.error()));
        FileDataSender sender(target(server.port()), hm::test::rowFileDataPath());
        QVERIFY(sender.connect());
        auto file = m_files->openForStreaming(m_root, QStringLiteral("data.bin"));
        QVERIFY(file);
        std::atomic<qint32> code{-1};
        QString why;
        bool sigpipeBlockedAfter = true;
        bool sigpipePendingAfter = true;
        std::thread sending([&] {
            const auto result = sender.send(**file, 0, (*file)->version(), &why);
            // sendfile's SIGPIPE (it takes no MSG_NOSIGNAL) neither ended
            // the process nor stayed behind on the thread.
            sigset_t mask;
            sigset_t pending;
            ::pthread_sigmask(SIG_SETMASK, nullptr, &mask);
            ::sigpending(&pending);
            sigpipeBlockedAfter = sigismember(&mask, SIGPIPE) == 1;
            sigpipePendingAfter = sigismember(&pending, SIGPIPE) == 1;
            code = result;
        });
        // It moved what the sockets hold, then stopped.
        QTRY_VERIFY(sender.sent() > 0);
        qint64 before = -1;
        QTRY_VERIFY_WITH_TIMEOUT(std::exchange(before, sender.sent()) == sender.sent(), 10000);
        QVERIFY(sender.sent() < m_content.size());
        QCOMPARE(code.load(), -1);
        sender.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(code.load() >= 0, 10000);
        sending.join();
        QCOMPARE(code.load(), hm::fleet::kFileStreamFailed);
        QVERIFY(!why.isEmpty());
        QVERIFY(!sigpipeBlockedAfter);
        QVERIFY(!sigpipePendingAfter);
    }

    void aRefusedUpgradeSaysTheStatusNotTheToken()
    {
        FakeDataServer server("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n", true);
        QVERIFY2(server.port(), qPrintable(server.error()));
        FileDataSender sender(target(server.port()), hm::test::rowFileDataPath());
        const auto connected = sender.connect();
        QVERIFY(!connected);
        QCOMPARE(connected.error().code, hm::ErrorCode::NetworkError);
        QVERIFY2(connected.error().message.contains(QLatin1String("403 Forbidden")),
                 qPrintable(connected.error().message));
        QVERIFY(!connected.error().message.contains(kToken));
    }

private:
    FileDataTarget target(quint16 port) const
    {
        return FileDataTarget{QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), kNode, kToken};
    }

    void sendAndCompare(qint64 offset, const QByteArray &expectedHash, qint64 expectedBytes)
    {
        FakeDataServer server(kSwitching, true);
        QVERIFY2(server.port(), qPrintable(server.error()));
        FileDataSender sender(target(server.port()), hm::test::rowFileDataPath());
        const auto connected = sender.connect();
        QVERIFY2(connected, qPrintable(connected ? QString() : connected.error().message));
        auto file = m_files->openForStreaming(m_root, QStringLiteral("data.bin"));
        QVERIFY(file);
        QString why;
        QCOMPARE(sender.send(**file, offset, (*file)->version(), &why),
                 hm::fleet::kFileStreamComplete);
        QCOMPARE(why, QString());
        QCOMPARE(sender.sent(), expectedBytes);
        // send() closed the connection: the server sees the end.
        QTRY_VERIFY(server.done());
        QCOMPARE(server.received(), expectedBytes);
        QCOMPARE(server.sha256().toHex(), expectedHash.toHex());
        // The request: the upgrade on the data path, node and token in
        // headers, the token nowhere in the request line.
        const QByteArray head = server.head();
        const QByteArray requestLine = head.left(head.indexOf("\r\n"));
        QCOMPARE(requestLine,
                 QByteArray("GET ") + hm::fleet::kFileDataPath + QByteArray(" HTTP/1.1"));
        QVERIFY(head.contains(QByteArray("\r\nUpgrade: ") + hm::fleet::kFileDataProtocol));
        QVERIFY(head.contains(QByteArray("\r\n") + hm::fleet::kFileDataNodeHeader + ": " +
                              kNode.toUtf8() + "\r\n"));
        QVERIFY(head.contains(QByteArray("\r\n") + hm::fleet::kFileDataTokenHeader + ": " +
                              kToken.toUtf8() + "\r\n"));
    }

    QTemporaryDir m_dir;
    QString m_root;
    QByteArray m_content;
    std::unique_ptr<ConfinedFiles> m_files;
};

QTEST_GUILESS_MAIN(TestFileDataSender)
#include "TestFileDataSender.moc"
