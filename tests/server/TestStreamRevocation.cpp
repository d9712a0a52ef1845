// Revocation ends every live remote stream it touches, at once, and
// nothing else (issue 38 "checked on every request"; AccessWatch.h):
// real hivemind-agent processes, the real server, real podman for Docker
// (PodmanSupport.h), clients on plain sockets.
//   - a USER's `files` grant for one node label removed: that node's
//     download (data connection) is cut short of Content-Length at once,
//     audited FORBIDDEN / access_revoked with the user, its agent's data
//     connection closed; the same user's download from another node and
//     Docker log follow go on and complete;
//   - the `docker` grant removed: the follow closes without the last chunk
//     (the HTTP answer cut), audited NODE_CONTAINER_LOGS_CLOSED /
//     access_revoked, the agent told logs_close (all kMaxFollows slots are
//     free again); the download from the same node goes on;
//   - a download on the frames path (an agent whose data connections a
//     proxy refuses, DataRefusingProxy.h) revoked: cut short, and the agent
//     stopped its stream (all kMaxStreams slots are free again);
//   - a whole (multipart) upload whose user is made VIEWER on the way is
//     aborted before its next chunk: nothing written, audited;
//   - a user made VIEWER loses its download and its follow together.

#include "DataRefusingProxy.h"
#include "FollowGet.h"
#include "MultipartForm.h"
#include "PodmanSupport.h"
#include "RemoteAgentSupport.h"
#include "StreamingGet.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTest>
#include <csignal>
#include <random>
#include <unistd.h>

using namespace hm::test;

namespace {

constexpr qint64 kFileBytes = qint64(48) * 1024 * 1024;
// The agents' bounds (agent/FileStreams.h, agent/DockerLogFollows.h).
constexpr int kAgentMaxStreams = 8;
constexpr int kAgentMaxFollows = 8;

// Sockets process `pid` holds open (/proc/<pid>/fd), -1 when unknown.
int openSockets(qint64 pid)
{
    const QString dir = QStringLiteral("/proc/%1/fd").arg(pid);
    const QStringList fds =
        QDir(dir).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    if (fds.isEmpty())
        return -1;
    int sockets = 0;
    for (const QString &fd : fds) {
        char target[256] = {};
        const QByteArray path = QFile::encodeName(dir + u'/' + fd);
        if (::readlink(path.constData(), target, sizeof target - 1) > 0 &&
            qstrncmp(target, "socket:", 7) == 0)
            ++sockets;
    }
    return sockets;
}

} // namespace

class TestStreamRevocation : public QObject, private ServerFixture
{
    Q_OBJECT

    std::unique_ptr<RemoteAgents> m_agents;
    std::unique_ptr<DataRefusingProxy> m_proxy;
    PodmanDaemon m_podman;
    bool m_docker = false;
    QTemporaryDir m_tree;
    QString m_root;
    QByteArray m_sha;
    RemoteAgent m_rev;    // label rev: files (+ docker)
    RemoteAgent m_side;   // label side: files
    RemoteAgent m_framed; // label framed: files, data connections refused
    ApiUser m_ops;
    QHash<QString, QString> m_grants; // "label/capability" → grant id

    QString download(const RemoteAgent &agent) const
    {
        return QStringLiteral("/api/v1/nodes/%1/files/download?root=%2&path=big.bin")
            .arg(agent.nodeId, QString::fromLatin1(QUrl::toPercentEncoding(m_root)));
    }
    QString followPath(const RemoteAgent &agent) const
    {
        return QStringLiteral("/api/v1/nodes/%1/docker/containers/hm-talker/logs/follow?tail=0")
            .arg(agent.nodeId);
    }

    int removeGrant(const QString &key)
    {
        return m_http
            ->send("DELETE", QStringLiteral("/api/v1/nodes/grants/") + m_grants.take(key), {},
                   {{"Authorization", "Bearer " + m_admin.toUtf8()}})
            .status;
    }

    int setRole(const QString &role)
    {
        return m_http
            ->json("PUT", QStringLiteral("/api/v1/users/") + m_ops.id, {{"role", role}}, m_admin)
            .status;
    }

    // The newest entry of `action` on `nodeId`.
    QJsonObject newestAudit(const QString &action, const QString &nodeId)
    {
        for (const QJsonValue &entry : m_agents->audit(action)) {
            if (entry.toObject().value("resource_id").toString() == nodeId)
                return entry.toObject();
        }
        return {};
    }

    void verifyRevokedAudit(const QString &action, const QString &nodeId)
    {
        QTRY_COMPARE(
            newestAudit(action, nodeId).value("details").toObject().value("reason").toString(),
            QStringLiteral("access_revoked"));
        const QJsonObject entry = newestAudit(action, nodeId);
        QCOMPARE(entry.value("user_id").toString(), m_ops.id);
        QCOMPARE(entry.value("details").toObject().value("result").toString(),
                 QStringLiteral("failure"));
        QCOMPARE(entry.value("details").toObject().value("error").toString(),
                 QStringLiteral("FORBIDDEN"));
    }

    // Every stream slot of `agent`'s files is free: kAgentMaxStreams
    // downloads open at once (an orphan stream would hold one: the last
    // would be refused).
    void verifyStreamSlotsFree(const RemoteAgent &agent)
    {
        std::vector<std::unique_ptr<StreamingGet>> gets;
        for (int i = 0; i < kAgentMaxStreams; ++i) {
            gets.push_back(
                std::make_unique<StreamingGet>(m_http->base(), download(agent), m_admin));
            gets.back()->drainWhenClosed = true;
            gets.back()->pauseAfter = 1; // each holds its stream open
        }
        for (const auto &get : gets)
            QTRY_VERIFY_WITH_TIMEOUT(get->headDone, 30000);
        for (const auto &get : gets)
            QCOMPARE(get->status, 200);
    }

private slots:
    void initTestCase()
    {
        m_docker = !PodmanDaemon::podman().isEmpty() && !PodmanDaemon::busybox().isEmpty();
        if (m_docker) {
            QVERIFY(m_podman.isValid());
            const QString started = m_podman.start(true);
            QVERIFY2(started.isEmpty(), qPrintable(started));
            QTRY_VERIFY_WITH_TIMEOUT(m_podman.answers(), 30000);
            QVERIFY(!m_podman
                         .createContainer("hm-talker",
                                          "trap 'exit 0' TERM; i=0; while true; do i=$((i+1)); "
                                          "echo \"talk $i\"; sleep 0.2; done")
                         .isEmpty());
        }
        QVERIFY2(startServer().isEmpty(), "server did not start");
        QVERIFY(m_tree.isValid());
        QVERIFY(QDir(m_tree.path()).mkpath(QStringLiteral("root")));
        m_root = QFileInfo(m_tree.filePath("root")).canonicalFilePath();
        m_sha = writeRandomFile(m_root + "/big.bin", kFileBytes, 38);
        QVERIFY(!m_sha.isEmpty());
        m_ops = createApiUser(*m_http, m_admin, "ops", "Ops-password-1", "USER");
        QVERIFY(!m_ops.token.isEmpty());
        m_proxy = std::make_unique<DataRefusingProxy>(m_http->base());
        QVERIFY(m_proxy->isListening());
        m_agents = std::make_unique<RemoteAgents>(*m_http, m_admin);
        QVERIFY(m_agents->isValid());
        QStringList revArgs{"--allow", "files", "--files-root", m_root};
        if (m_docker)
            revArgs += QStringList{"--allow", "docker", "--docker-socket", m_podman.socketPath()};
        QVERIFY(m_agents->start(m_rev, "rev-1", {"rev"}, revArgs));
        QVERIFY(m_agents->start(m_side, "side-1", {"side"},
                                {"--allow", "files", "--files-root", m_root}));
        QVERIFY(m_agents->start(
            m_framed, "framed-1", {"framed"},
            {"--allow", "files", "--files-root", m_root, "--server", m_proxy->url()}));
        HM_WAIT_ONLINE(*m_agents, m_rev);
        HM_WAIT_ONLINE(*m_agents, m_side);
        HM_WAIT_ONLINE(*m_agents, m_framed);
        for (const auto &[label, capability] :
             {std::pair{"rev", "files"}, std::pair{"rev", "docker"}, std::pair{"side", "files"},
              std::pair{"framed", "files"}}) {
            const QString id = m_agents->grant("user", m_ops.id, label, capability);
            QVERIFY(!id.isEmpty());
            m_grants.insert(QString::fromLatin1(label) + u'/' + QString::fromLatin1(capability),
                            id);
        }
    }

    void cleanupTestCase()
    {
        if (m_agents) {
            QVERIFY(m_rev.stop());
            QVERIFY(m_side.stop());
            QVERIFY(m_framed.stop());
        }
        if (m_docker)
            m_podman.stop();
    }

    void anotherNodesFilesGrantEndsOnlyThatNodesDownload()
    {
        const qint64 sidePid = m_side.process->processId();
        const int sideSockets = openSockets(sidePid);
        QVERIFY(sideSockets > 0);
        StreamingGet kept(m_http->base(), download(m_rev), m_ops.token);
        kept.drainWhenClosed = true;
        kept.pauseAfter = 1024 * 1024;
        StreamingGet cut(m_http->base(), download(m_side), m_ops.token);
        cut.drainWhenClosed = true;
        cut.pauseAfter = 1024 * 1024;
        std::unique_ptr<FollowGet> follow;
        if (m_docker)
            follow = std::make_unique<FollowGet>(m_http->base(), followPath(m_rev), m_ops.token);
        QTRY_VERIFY_WITH_TIMEOUT(kept.paused && cut.paused, 60000);
        QCOMPARE(kept.status, 200);
        QCOMPARE(cut.status, 200);
        // The side agent's data connection is open while its download is.
        QTRY_VERIFY_WITH_TIMEOUT(openSockets(sidePid) > sideSockets, 30000);
        if (follow)
            QTRY_VERIFY_WITH_TIMEOUT(follow->lines.size() >= 1, 30000);

        QCOMPARE(removeGrant("side/files"), 200);
        // Cut at once: the connection closes short of its length.
        // Reading on, the client gets what was under way, then the close,
        // far short of the length (a paused socket would not see it).
        cut.resume();
        QTRY_VERIFY_WITH_TIMEOUT(cut.closed, 15000);
        QVERIFY2(cut.received < kFileBytes / 2, qPrintable(QString::number(cut.received)));
        verifyRevokedAudit(QStringLiteral("NODE_FILE_DOWNLOADED"), m_side.nodeId);
        // Nothing left sending on the agent: its data connection is gone.
        QTRY_COMPARE_WITH_TIMEOUT(openSockets(sidePid), sideSockets, 15000);
        // The grant is gone for new requests too.
        QCOMPARE(m_http->get(download(m_side), m_ops.token).status, 403);

        // The same user's other streams go on: the follow gets new lines,
        // the other node's download completes byte-identical.
        if (follow) {
            const qsizetype before = follow->lines.size();
            QTRY_VERIFY_WITH_TIMEOUT(follow->lines.size() > before + 2, 30000);
            QVERIFY(!follow->closed && !follow->ended);
        }
        QVERIFY(!kept.closed);
        kept.resume();
        QTRY_VERIFY_WITH_TIMEOUT(kept.complete() || kept.closed, 120000);
        QVERIFY(kept.complete());
        QCOMPARE(kept.hash.result().toHex(), m_sha);
        QTRY_COMPARE(newestAudit("NODE_FILE_DOWNLOADED", m_rev.nodeId)
                         .value("details")
                         .toObject()
                         .value("result")
                         .toString(),
                     QStringLiteral("success"));
    }

    void theDockerGrantEndsTheFollowNotTheDownload()
    {
        if (!m_docker)
            QSKIP("podman and busybox-static are needed (installer/packages.txt installs them)");
        FollowGet follow(m_http->base(), followPath(m_rev), m_ops.token);
        StreamingGet kept(m_http->base(), download(m_rev), m_ops.token);
        kept.drainWhenClosed = true;
        kept.pauseAfter = 1024 * 1024;
        QTRY_VERIFY_WITH_TIMEOUT(follow.lines.size() >= 1 && kept.paused, 60000);
        QCOMPARE(follow.status, 200);

        QCOMPARE(removeGrant("rev/docker"), 200);
        // Cut: the connection closes without the last chunk.
        QTRY_VERIFY_WITH_TIMEOUT(follow.closed, 15000);
        QVERIFY(!follow.ended);
        verifyRevokedAudit(QStringLiteral("NODE_CONTAINER_LOGS_CLOSED"), m_rev.nodeId);
        QCOMPARE(newestAudit("NODE_CONTAINER_LOGS_CLOSED", m_rev.nodeId)
                     .value("details")
                     .toObject()
                     .value("container")
                     .toString(),
                 QStringLiteral("hm-talker"));
        QCOMPARE(m_http->get(followPath(m_rev), m_ops.token).status, 403);

        // The agent stopped following: every follow slot is free again
        // (requests after the close travel behind it to the agent).
        {
            std::vector<std::unique_ptr<FollowGet>> follows;
            for (int i = 0; i < kAgentMaxFollows; ++i)
                follows.push_back(
                    std::make_unique<FollowGet>(m_http->base(), followPath(m_rev), m_admin));
            for (const auto &f : follows)
                QTRY_VERIFY_WITH_TIMEOUT(f->headDone, 30000);
            for (const auto &f : follows)
                QCOMPARE(f->status, 200);
        }

        // The download from the same node goes on to its end.
        QVERIFY(!kept.closed);
        kept.resume();
        QTRY_VERIFY_WITH_TIMEOUT(kept.complete() || kept.closed, 120000);
        QVERIFY(kept.complete());
        QCOMPARE(kept.hash.result().toHex(), m_sha);
    }

    void aFramesDownloadRevokedStopsTheAgentsStream()
    {
        StreamingGet cut(m_http->base(), download(m_framed), m_ops.token);
        cut.drainWhenClosed = true;
        cut.pauseAfter = 1024 * 1024;
        QTRY_VERIFY_WITH_TIMEOUT(cut.paused, 60000);
        QCOMPARE(cut.status, 200);
        QVERIFY(m_proxy->refused() >= 1); // frames, not a data connection

        QCOMPARE(removeGrant("framed/files"), 200);
        // Reading on, the client gets what was under way, then the close,
        // far short of the length (a paused socket would not see it).
        cut.resume();
        QTRY_VERIFY_WITH_TIMEOUT(cut.closed, 15000);
        QVERIFY2(cut.received < kFileBytes / 2, qPrintable(QString::number(cut.received)));
        verifyRevokedAudit(QStringLiteral("NODE_FILE_DOWNLOADED"), m_framed.nodeId);
        // A stream the server never closed would wait for credit on the
        // agent for ever, holding one of its slots.
        verifyStreamSlotsFree(m_framed);
    }

    // A whole upload (seed 002's multipart form) goes to the agent chunk by
    // chunk under its request's principal, whose role was read when the
    // request came: the user made VIEWER on the way (the grant stays) ends
    // it before the next chunk — 403 access_revoked, no file and no partial
    // file left, audited — instead of finishing it under the old role. The
    // agent is held (SIGSTOP) while the role changes, so that a chunk is
    // surely under way.
    void aWholeUploadRevokedStopsBeforeItsEnd()
    {
        const QByteArray payload = QByteArray(40 * 1024 * 1024, 'u');
        const QByteArray boundary = "hm-revoked-upload";
        const QByteArray form =
            uploadForm(boundary, m_root + "/uploaded.bin", "uploaded.bin", payload);
        QNetworkAccessManager network;
        QUrl url = m_http->base();
        url.setPath("/api/servers/" + m_rev.nodeId + "/files/upload");
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + m_ops.token.toUtf8());
        request.setRawHeader("Content-Type", "multipart/form-data; boundary=" + boundary);
        QNetworkReply *reply = network.post(request, form);
        const auto partials = [this] {
            return QDir(m_root).entryList({QStringLiteral(".hm-upload-*")},
                                          QDir::Files | QDir::Hidden);
        };
        QTRY_VERIFY_WITH_TIMEOUT(!partials().isEmpty() || reply->isFinished(), 60000);
        QVERIFY2(!reply->isFinished(), reply->readAll().constData());
        const qint64 pid = m_rev.process->processId();
        QCOMPARE(::kill(pid_t(pid), SIGSTOP), 0);
        const int demoted = setRole("VIEWER");
        QCOMPARE(::kill(pid_t(pid), SIGCONT), 0);
        QCOMPARE(demoted, 200);

        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 60000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 403);
        const QJsonObject error =
            QJsonDocument::fromJson(reply->readAll()).object().value("error").toObject();
        QCOMPARE(error.value("details").toObject().value("code").toString(),
                 QStringLiteral("access_revoked"));
        reply->deleteLater();
        QVERIFY(!QFile::exists(m_root + "/uploaded.bin"));
        QTRY_VERIFY_WITH_TIMEOUT(partials().isEmpty(), 15000);
        verifyRevokedAudit(QStringLiteral("NODE_FILE_UPLOAD_ABORTED"), m_rev.nodeId);
        // The role back for the test after this one.
        QCOMPARE(setRole("USER"), 200);
    }

    void aUserMadeViewerLosesEveryStream()
    {
        // Grants for every node label, then the account made a VIEWER.
        const QString files = m_agents->grant("user", m_ops.id, "*", "files");
        QVERIFY(!files.isEmpty());
        QString docker;
        std::unique_ptr<FollowGet> follow;
        if (m_docker) {
            docker = m_agents->grant("user", m_ops.id, "*", "docker");
            QVERIFY(!docker.isEmpty());
            follow = std::make_unique<FollowGet>(m_http->base(), followPath(m_rev), m_ops.token);
        }
        StreamingGet cut(m_http->base(), download(m_side), m_ops.token);
        cut.drainWhenClosed = true;
        cut.pauseAfter = 1024 * 1024;
        QTRY_VERIFY_WITH_TIMEOUT(cut.paused, 60000);
        if (follow)
            QTRY_VERIFY_WITH_TIMEOUT(follow->lines.size() >= 1, 30000);

        QCOMPARE(setRole("VIEWER"), 200);
        // Reading on, the client gets what was under way, then the close,
        // far short of the length (a paused socket would not see it).
        cut.resume();
        QTRY_VERIFY_WITH_TIMEOUT(cut.closed, 15000);
        QVERIFY2(cut.received < kFileBytes / 2, qPrintable(QString::number(cut.received)));
        verifyRevokedAudit(QStringLiteral("NODE_FILE_DOWNLOADED"), m_side.nodeId);
        if (follow) {
            QTRY_VERIFY_WITH_TIMEOUT(follow->closed, 15000);
            QVERIFY(!follow->ended);
        }
    }
};

QTEST_GUILESS_MAIN(TestStreamRevocation)
#include "TestStreamRevocation.moc"
