// An agent whose file data connection is refused falls back to frames
// (issue 38; agent/FileStreams.h, server/services/remote/FileDownloads.h):
// a real hivemind-agent reaches the real server through a real TCP proxy
// (DataRefusingProxy.h) that passes its WebSocket but refuses its data
// connections — with a 403, or by closing them unanswered. Each download
// still arrives complete and byte-identical through the frames path, the
// proxy saw exactly one data connection per download (no retry per
// chunk), and the agent logs the fall-back once per download, not per
// chunk. The audit entry says the whole file was sent.

#include "DataRefusingProxy.h"
#include "RemoteAgentSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>
#include <random>

using namespace hm::test;

namespace {

// Enough for many 1 MiB reads and many frames (each at most 64 KiB).
constexpr qint64 kFileBytes = qint64(24) * 1024 * 1024;

// Writes `size` incompressible bytes to `path`; their SHA-256 (hex).
QByteArray writeRandomFile(const QString &path, qint64 size, quint64 seed)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    std::mt19937_64 generator(seed);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray block(1024 * 1024, Qt::Uninitialized);
    for (qint64 written = 0; written < size; written += block.size()) {
        auto *words = reinterpret_cast<quint64 *>(block.data());
        for (qsizetype i = 0; i < block.size() / 8; ++i)
            words[i] = generator();
        if (file.write(block) != block.size())
            return {};
        hash.addData(block);
    }
    return hash.result().toHex();
}

// One GET read as it arrives, its body hashed, never kept whole.
class StreamingGet : public QObject
{
public:
    QTcpSocket socket;
    QByteArray head;
    int status = 0;
    qint64 contentLength = -1;
    qint64 received = 0;
    bool headDone = false;
    bool closed = false;
    QCryptographicHash hash{QCryptographicHash::Sha256};

    StreamingGet(const QUrl &base, const QString &path, const QString &token)
    {
        connect(&socket, &QTcpSocket::readyRead, this, &StreamingGet::read);
        connect(&socket, &QTcpSocket::disconnected, this, [this] {
            read();
            closed = true;
        });
        socket.connectToHost(base.host(), quint16(base.port()));
        socket.write(QByteArray("GET " + path.toUtf8() +
                                " HTTP/1.1\r\nHost: " + base.host().toUtf8() +
                                "\r\nAuthorization: Bearer " + token.toUtf8() + "\r\n\r\n"));
    }

    bool complete() const { return headDone && received == contentLength; }

    void read()
    {
        while (socket.bytesAvailable() > 0) {
            if (!headDone) {
                if (!socket.canReadLine())
                    return;
                const QByteArray line = socket.readLine();
                head += line;
                if (status == 0)
                    status = line.mid(9, 3).toInt();
                if (line.toLower().startsWith("content-length:"))
                    contentLength = line.mid(15).trimmed().toLongLong();
                headDone = line == "\r\n";
                continue;
            }
            const QByteArray bytes = socket.read(1024 * 1024);
            hash.addData(bytes);
            received += bytes.size();
        }
    }
};

// Lines of `log` that speak of file streams or data connections.
QList<QByteArray> streamLines(const QByteArray &log)
{
    QList<QByteArray> lines;
    for (const QByteArray &line : log.split('\n')) {
        if (line.contains("file stream") || line.contains("data connection"))
            lines.append(line);
    }
    return lines;
}

} // namespace

class TestFileDataFallback : public QObject, private ServerFixture
{
    Q_OBJECT

    std::unique_ptr<RemoteAgents> m_agents;
    std::unique_ptr<DataRefusingProxy> m_proxy;
    QTemporaryDir m_tree;
    QString m_root;
    QByteArray m_sha;
    RemoteAgent m_agent;

    QString download(const QString &path) const
    {
        return QStringLiteral("/api/v1/nodes/%1/files/download?root=%2&path=%3")
            .arg(m_agent.nodeId, QString::fromLatin1(QUrl::toPercentEncoding(m_root)),
                 QString::fromLatin1(QUrl::toPercentEncoding(path)));
    }

    // One download through the refusing proxy: complete and
    // byte-identical, one refused data connection, one log line for the
    // fall-back naming `why`.
    void downloadFallsBack(const QByteArray &why)
    {
        const int refusedBefore = m_proxy->refused();
        const qsizetype logBefore = m_agent.errors().size();
        StreamingGet get(m_http->base(), download("big.bin"), m_admin);
        QTRY_VERIFY_WITH_TIMEOUT(get.complete() || get.closed, 120000);
        QVERIFY2(get.complete(), get.head.constData());
        QCOMPARE(get.status, 200);
        QCOMPARE(get.contentLength, kFileBytes);
        QCOMPARE(get.hash.result().toHex(), m_sha);
        // The agent did try its data connection, once.
        QCOMPARE(m_proxy->refused(), refusedBefore + 1);

        QTRY_COMPARE(m_agents->audit("NODE_FILE_DOWNLOADED")
                         .first()
                         .toObject()
                         .value("details")
                         .toObject()
                         .value("sent")
                         .toDouble(),
                     double(kFileBytes));
        const QJsonObject details =
            m_agents->audit("NODE_FILE_DOWNLOADED").first().toObject().value("details").toObject();
        QCOMPARE(details.value("result").toString(), QStringLiteral("success"));

        // Logged once for the download, whatever its number of chunks.
        const QList<QByteArray> lines = streamLines(m_agent.errors().mid(logBefore));
        QVERIFY2(lines.size() == 1, m_agent.errors().mid(logBefore).constData());
        QVERIFY2(lines.first().contains("no data connection") && lines.first().contains(why),
                 lines.first().constData());
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer().isEmpty(), "server did not start");
        QVERIFY(m_tree.isValid());
        QVERIFY(QDir(m_tree.path()).mkpath(QStringLiteral("root")));
        m_root = QFileInfo(m_tree.filePath("root")).canonicalFilePath();
        m_sha = writeRandomFile(m_root + "/big.bin", kFileBytes, 38);
        QVERIFY(!m_sha.isEmpty());
        m_proxy = std::make_unique<DataRefusingProxy>(m_http->base());
        QVERIFY(m_proxy->isListening());
        m_agents = std::make_unique<RemoteAgents>(*m_http, m_admin);
        QVERIFY(m_agents->isValid());
        m_agent.captureErrors = true;
        // The last --server wins: the agent speaks to the server through
        // the proxy only.
        QVERIFY(m_agents->start(
            m_agent, "fallback-1", {"files"},
            {"--allow", "files", "--files-root", m_root, "--server", m_proxy->url()}));
        HM_WAIT_ONLINE(*m_agents, m_agent);
    }

    void cleanupTestCase() { QVERIFY(m_agent.stop()); }

    void aRefusedUpgradeFallsBackToFrames()
    {
        m_proxy->setRefusal(DataRefusingProxy::Refusal::Forbidden);
        downloadFallsBack("403");
    }

    void aConnectionClosedUnansweredFallsBackToFrames()
    {
        m_proxy->setRefusal(DataRefusingProxy::Refusal::Close);
        downloadFallsBack("closed");
    }
};

QTEST_GUILESS_MAIN(TestFileDataFallback)
#include "TestFileDataFallback.moc"
