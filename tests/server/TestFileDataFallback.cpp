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
#include "StreamingGet.h"

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
