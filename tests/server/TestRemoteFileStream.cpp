// Streamed downloads of any size through the server (issue 38 item 5): a
// real hivemind-agent with --allow files streams a 160 MiB random file
// (agent/FileStreams) and the server passes it on (FileDownloads,
// http/HttpStream) to a QTcpSocket client that hashes it as it comes:
// byte-identical, the server's memory flat; `Range: bytes=N-` resumes
// (206, byte-identical joined), 416 past the end; a client that leaves
// stops the agent's reads; a file that changes mid-way ends the connection
// short of Content-Length; escapes, users without the grant and viewers
// refused; every download audited without content. Last, the console's
// FileTransfer: cut off when the agent dies mid-way, it keeps its part and
// resumes it with Range once the agent is back, ending byte-identical.

#include "RemoteAgentSupport.h"
#include "StreamingGet.h"
#include "client/ApiClient.h"
#include "client/FileTransfer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTcpSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <csignal>
#include <random>

using namespace hm::test;

namespace {

constexpr qint64 kFileBytes = qint64(160) * 1024 * 1024;

// VmRSS of process `pid` in bytes (/proc/<pid>/status), -1 when unknown.
qint64 residentBytes(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

// Bytes process `pid` read with read()/pread() so far (/proc/<pid>/io rchar).
qint64 bytesRead(qint64 pid)
{
    QFile io(QStringLiteral("/proc/%1/io").arg(pid));
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : io.readAll().split('\n')) {
        if (line.startsWith("rchar:"))
            return line.mid(6).trimmed().toLongLong();
    }
    return -1;
}


QByteArray sha256OfFile(const QString &path, qint64 length)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (qint64 left = length; left > 0;) {
        const QByteArray bytes = file.read(qMin<qint64>(left, 4 * 1024 * 1024));
        if (bytes.isEmpty())
            return {};
        hash.addData(bytes);
        left -= bytes.size();
    }
    return hash.result().toHex();
}


} // namespace

class TestRemoteFileStream : public QObject, private ServerFixture
{
    Q_OBJECT

    std::unique_ptr<RemoteAgents> m_agents;
    QTemporaryDir m_tree;
    QString m_root;
    QString m_outside;
    QString m_big; // kFileBytes of random bytes
    QByteArray m_bigSha;
    RemoteAgent m_files;
    ApiUser m_ops;
    ApiUser m_viewer;
    QString m_adminId;

    QString download(const QString &path) const
    {
        return QStringLiteral("/api/v1/nodes/%1/files/download?root=%2&path=%3")
            .arg(m_files.nodeId, QString::fromLatin1(QUrl::toPercentEncoding(m_root)),
                 QString::fromLatin1(QUrl::toPercentEncoding(path)));
    }

    QJsonObject newestAudit()
    {
        const QJsonArray entries = m_agents->audit(QStringLiteral("NODE_FILE_DOWNLOADED"));
        return entries.isEmpty() ? QJsonObject() : entries.first().toObject();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer().isEmpty(), "server did not start");
        QVERIFY(m_tree.isValid());
        for (const char *dir : {"root", "outside"})
            QVERIFY(QDir(m_tree.path()).mkpath(QLatin1String(dir)));
        m_root = QFileInfo(m_tree.filePath("root")).canonicalFilePath();
        m_outside = QFileInfo(m_tree.filePath("outside")).canonicalFilePath();
        QFile secret(m_outside + "/secret.txt");
        QVERIFY(secret.open(QIODevice::WriteOnly) && secret.write("outside secret\n") > 0);
        secret.close();
        m_big = m_root + "/big.bin";
        m_bigSha = writeRandomFile(m_big, kFileBytes, 38);
        QVERIFY(!m_bigSha.isEmpty());
        m_adminId =
            m_http->get(QStringLiteral("/api/v1/users/me"), m_admin).data().value("id").toString();
        m_ops = createApiUser(*m_http, m_admin, "ops", "Ops-password-1", "USER");
        m_viewer = createApiUser(*m_http, m_admin, "watcher", "Watch-password-1", "VIEWER");
        QVERIFY(!m_ops.token.isEmpty() && !m_viewer.token.isEmpty());
        m_agents = std::make_unique<RemoteAgents>(*m_http, m_admin);
        QVERIFY(m_agents->isValid());
        QVERIFY(m_agents->start(m_files, "files-1", {"files"},
                                {"--allow", "files", "--files-root", m_root}));
        HM_WAIT_ONLINE(*m_agents, m_files);
    }

    void cleanupTestCase() { QVERIFY(m_files.stop()); }

    void aLargeFileArrivesByteIdenticalWithTheServersMemoryFlat()
    {
        const qint64 serverPid = m_server->process().processId();
        // A first small download warms up what every download allocates.
        QFile small(m_root + "/small.bin");
        QVERIFY(small.open(QIODevice::WriteOnly) && small.write(QByteArray(100000, 'x')) > 0);
        small.close();
        StreamingGet warm(m_http->base(), download("small.bin"), m_admin);
        QTRY_VERIFY(warm.complete());
        const qint64 before = residentBytes(serverPid);
        QVERIFY(before > 0);

        StreamingGet get(m_http->base(), download("big.bin"), m_admin);
        qint64 peak = before;
        QTRY_VERIFY_WITH_TIMEOUT(
            (peak = qMax(peak, residentBytes(serverPid)), get.complete() || get.closed), 180000);
        QVERIFY(get.complete());
        QCOMPARE(get.status, 200);
        QCOMPARE(get.contentLength, kFileBytes);
        QCOMPARE(get.hash.result().toHex(), m_bigSha);
        QCOMPARE(get.header("accept-ranges"), QByteArray("bytes"));
        peak = qMax(peak, residentBytes(serverPid));
        // The file is 160 MiB; a server that held it would grow by as much.
        QVERIFY2(peak - before < 64 * 1024 * 1024,
                 qPrintable(QStringLiteral("server RSS grew by %1 bytes").arg(peak - before)));

        QTRY_COMPARE(newestAudit().value("details").toObject().value("sent").toDouble(),
                     double(kFileBytes));
        const QJsonObject audit = newestAudit();
        QCOMPARE(audit.value("user_id").toString(), m_adminId);
        QCOMPARE(audit.value("resource_id").toString(), m_files.nodeId);
        const QJsonObject details = audit.value("details").toObject();
        QCOMPARE(details.value("path").toString(), QStringLiteral("big.bin"));
        QCOMPARE(details.value("size").toDouble(), double(kFileBytes));
        QCOMPARE(details.value("result").toString(), QStringLiteral("success"));
        QVERIFY(!details.contains("data") && !details.contains("content"));
    }

    void aRangeResumesByteIdentical()
    {
        const qint64 have = 50 * 1024 * 1024 + 12345;
        StreamingGet get(m_http->base(), download("big.bin"), m_admin,
                         "Range: bytes=" + QByteArray::number(have) + "-\r\n");
        get.addPrefix(m_big, have);
        QTRY_VERIFY_WITH_TIMEOUT(get.complete() || get.closed, 180000);
        QVERIFY(get.complete());
        QCOMPARE(get.status, 206);
        QCOMPARE(get.contentLength, kFileBytes - have);
        QCOMPARE(get.header("content-range"),
                 QByteArray("bytes " + QByteArray::number(have) + '-' +
                            QByteArray::number(kFileBytes - 1) + '/' +
                            QByteArray::number(kFileBytes)));
        QCOMPARE(get.hash.result().toHex(), m_bigSha);
        QTRY_COMPARE(newestAudit().value("details").toObject().value("offset").toDouble(),
                     double(have));

        // Past the end: 416 with the size, nothing streamed.
        const Answer beyond = m_http->send(
            "GET", download("big.bin"), {},
            {{"Authorization", "Bearer " + m_admin.toUtf8()},
             {"Range", "bytes=" + QByteArray::number(kFileBytes) + "-"}});
        QCOMPARE(beyond.status, 416);
        QCOMPARE(beyond.headers.value("content-range"),
                 QByteArray("bytes */" + QByteArray::number(kFileBytes)));
        QCOMPARE(beyond.details().value("code").toString(), QStringLiteral("RANGE_NOT_SATISFIABLE"));
        // The code of its own status, not a 422's.
        QCOMPARE(beyond.code(), QStringLiteral("RANGE_NOT_SATISFIABLE"));
        // Another form of Range is ignored: the whole file, 200.
        const Answer other = m_http->send("GET", download("small.bin"), {},
                                          {{"Authorization", "Bearer " + m_admin.toUtf8()},
                                           {"Range", "bytes=0-10"}});
        QCOMPARE(other.status, 200);
        QCOMPARE(other.raw.size(), 100000);
    }

    void aClientThatLeavesStopsTheAgentsReads()
    {
        const qint64 agentPid = m_files.process->processId();
        const qint64 readBefore = bytesRead(agentPid);
        QVERIFY(readBefore >= 0);
        StreamingGet get(m_http->base(), download("big.bin"), m_admin);
        get.leaveAfter = 8 * 1024 * 1024;
        QTRY_VERIFY_WITH_TIMEOUT(get.closed, 60000);
        QVERIFY(get.received < kFileBytes);
        // The server noticed and told the agent: the download's audit entry
        // says how far it went, and that it did not complete.
        QTRY_VERIFY(newestAudit().value("details").toObject().value("sent").toDouble() <
                        double(kFileBytes) &&
                    newestAudit().value("details").toObject().value("offset").toDouble() == 0 &&
                    newestAudit().value("details").toObject().value("result").toString() ==
                        QLatin1String("failure"));
        const QJsonObject audit = newestAudit();
        QVERIFY2(audit.value("details").toObject().value("sent").toDouble() >= 8 * 1024 * 1024,
                 QJsonDocument(audit).toJson().constData());
        // Requests after the close travel behind it on the agent's
        // connection: once they are answered, the agent has closed the
        // stream, and it read only a bounded part of the file.
        QCOMPARE(m_http->get(download("small.bin"), m_admin).status, 200);
        const qint64 readAfter = bytesRead(agentPid);
        QCOMPARE(m_http->get(download("small.bin"), m_admin).status, 200);
        QVERIFY2(bytesRead(agentPid) - readAfter < 1024 * 1024,
                 "the agent still reads the abandoned file");
        QVERIFY2(readAfter - readBefore < 48 * 1024 * 1024,
                 qPrintable(QStringLiteral("the agent read %1 bytes").arg(readAfter - readBefore)));
    }

    void aFileThatChangesMidwayEndsTheConnectionShort()
    {
        const QString path = m_root + "/changing.bin";
        QVERIFY(!writeRandomFile(path, 64 * 1024 * 1024, 7).isEmpty());
        StreamingGet get(m_http->base(), download("changing.bin"), m_admin);
        // Read the head and 1 MiB, then stop: the agent stops at its
        // window, well before the end.
        get.pauseAfter = 1024 * 1024;
        QTRY_VERIFY(get.paused);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::Append));
            QVERIFY(file.write("grown") == 5);
        }
        get.resume();
        QTRY_VERIFY_WITH_TIMEOUT(get.closed, 60000);
        QCOMPARE(get.status, 200);
        QCOMPARE(get.contentLength, 64 * 1024 * 1024);
        QVERIFY2(get.received < get.contentLength, "a changed file looked complete");
        QTRY_COMPARE(newestAudit().value("details").toObject().value("path").toString(),
                     QStringLiteral("changing.bin"));
        const QJsonObject audit = newestAudit();
        QCOMPARE(audit.value("details").toObject().value("error").toString(),
                 QStringLiteral("CONFLICT"));
        QVERIFY(QFile::remove(path));
    }

    void refusalsStreamNothing()
    {
        // Outside the root, by path and by symlink.
        QVERIFY(QFile::link(m_outside + "/secret.txt", m_root + "/link.txt"));
        for (const QString &path : {QStringLiteral("../outside/secret.txt"),
                                    QStringLiteral("link.txt"), QStringLiteral("/etc/passwd")}) {
            const Answer refused = m_http->get(download(path), m_admin);
            QVERIFY2(refused.status >= 400 && refused.status < 500,
                     qPrintable(path + u' ' + QString::number(refused.status)));
            QVERIFY(!refused.details().value("code").toString().isEmpty());
            QVERIFY(!refused.raw.contains("outside secret"));
        }
        const Answer missing = m_http->get(download("nope.bin"), m_admin);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.details().value("code").toString(), QStringLiteral("NOT_FOUND"));
        QCOMPARE(newestAudit().value("details").toObject().value("path").toString(),
                 QStringLiteral("nope.bin"));
        // A USER without the files grant, a VIEWER.
        const Answer ops = m_http->get(download("small.bin"), m_ops.token);
        QCOMPARE(ops.status, 403);
        QCOMPARE(ops.code(), QStringLiteral("FORBIDDEN"));
        const Answer viewer = m_http->get(download("small.bin"), m_viewer.token);
        QCOMPARE(viewer.status, 403);
        QCOMPARE(viewer.code(), QStringLiteral("INSUFFICIENT_PERMISSIONS"));
        QVERIFY(!ops.raw.contains("xxxx") && !viewer.raw.contains("xxxx"));
    }

    void theConsolesDownloadResumesFromItsPart()
    {
        hm::client::ApiClient client;
        client.setBaseUrl(m_http->base());
        bool loggedIn = false;
        client.login(kAdmin, kAdminPassword,
                     [&](hm::Result<hm::client::LoginResult> result) { loggedIn = bool(result); });
        QTRY_VERIFY_WITH_TIMEOUT(loggedIn, 20000);
        QTemporaryDir local;
        const QString target = local.filePath(QStringLiteral("big.bin"));
        hm::client::FileTransfer transfer(&client, m_files.nodeId);
        QSignalSpy failed(&transfer, &hm::client::FileTransfer::failed);
        QSignalSpy finished(&transfer, &hm::client::FileTransfer::finished);
        // The agent dies mid-way, as soon as 16 MiB arrived (from the
        // progress signal itself, so the rest cannot arrive before): what
        // was on its way arrives, then the server ends the answer short.
        const auto agentPid = pid_t(m_files.process->processId());
        bool killed = false;
        connect(&transfer, &hm::client::FileTransfer::progress, this, [&](qint64 done, qint64) {
            if (!killed && done > 16 * 1024 * 1024)
                killed = ::kill(agentPid, SIGKILL) == 0;
        });
        transfer.download(m_root, QStringLiteral("big.bin"), target);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 60000);
        QVERIFY(killed);
        QCOMPARE(transfer.error()->code, hm::ErrorCode::NetworkError);
        QVERIFY(transfer.canResume());
        const qint64 part = transfer.transferred();
        QVERIFY2(part > 0 && part < kFileBytes, qPrintable(QString::number(part)));
        QCOMPARE(QFileInfo(target + QStringLiteral(".part")).size(), part);
        QVERIFY(!QFileInfo::exists(target));
        QTRY_COMPARE_WITH_TIMEOUT(m_files.process->state(), QProcess::NotRunning, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_agents->status(m_files.nodeId) != QLatin1String("online"),
                                 30000);
        QVERIFY(m_agents->restart(m_files, {"--allow", "files", "--files-root", m_root}));
        HM_WAIT_ONLINE(*m_agents, m_files);

        transfer.resume();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 180000);
        QCOMPARE(transfer.sha256().toLatin1(), m_bigSha);
        QCOMPARE(sha256OfFile(target, kFileBytes), m_bigSha);
        QCOMPARE(QFileInfo(target).size(), kFileBytes);
        QVERIFY(!QFileInfo::exists(target + QStringLiteral(".part")));
        // The second request asked only for the rest.
        QTRY_COMPARE(newestAudit().value("details").toObject().value("offset").toDouble(),
                     double(part));
    }
};

QTEST_GUILESS_MAIN(TestRemoteFileStream)
#include "TestRemoteFileStream.moc"
