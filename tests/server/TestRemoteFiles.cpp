// The files capability end to end (issue 38): a real hivemind-agent with
// --allow files and two roots (one :ro) against the real server. Browsing,
// editing with a version check, downloads and resumable uploads through
// the API; every escape (.., absolute, a//b, a symlink and a hard link to
// outside) refused by the agent with nothing outside read or changed; the
// read-only root; grants, roles and an agent without the capability; every
// write audited with the authenticated user and no contents; seed 002's
// absolute-path aliases.

#include "MultipartForm.h"
#include "RemoteAgentSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>

using namespace hm::test;

namespace {

QByteArray filesRandomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(generator.bounded(256));
    return bytes;
}

QByteArray filesSha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QByteArray filesReadAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

bool filesWrite(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

QString filesEncoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

class TestRemoteFiles : public QObject, private ServerFixture
{
    Q_OBJECT

    std::unique_ptr<RemoteAgents> m_agents;
    QTemporaryDir m_tree; // root/, ro/ and outside/
    QString m_root;       // canonical, as the agent names it
    QString m_ro;
    QString m_outside;
    RemoteAgent m_files;
    RemoteAgent m_plain;
    ApiUser m_ops;
    ApiUser m_viewer;
    QString m_adminId;

    QString files(const QString &suffix = {}) const
    {
        return QStringLiteral("/api/v1/nodes/%1/files%2").arg(m_files.nodeId, suffix);
    }

    static QString target(const QString &root, const QString &path)
    {
        return QStringLiteral("root=%1&path=%2").arg(filesEncoded(root), filesEncoded(path));
    }

    Answer content(const QString &root, const QString &path, const QString &token)
    {
        return m_http->get(files(QStringLiteral("/content?") + target(root, path)), token);
    }

    Answer save(const QString &root, const QString &path, const QString &text,
                const QJsonValue &version, const QString &token)
    {
        QJsonObject body{{"root", root}, {"path", path}, {"content", text}};
        if (!version.isNull())
            body.insert("expected_version", version);
        return m_http->json("PUT", files(QStringLiteral("/content")), body, token);
    }

    Answer download(const QString &root, const QString &path, const QString &token)
    {
        return m_http->get(files(QStringLiteral("/download?") + target(root, path)), token);
    }

    Answer putChunk(const QString &uploadId, qint64 offset, const QByteArray &bytes)
    {
        return m_http->send(
            "PUT", files(QStringLiteral("/uploads/%1?offset=%2").arg(uploadId).arg(offset)), bytes,
            {{"Authorization", "Bearer " + m_admin.toUtf8()},
             {"Content-Type", "application/octet-stream"}});
    }

    Answer beginUpload(const QString &path, const QByteArray &bytes, const QString &resumeId = {})
    {
        QJsonObject body{{"root", m_root},
                         {"path", path},
                         {"size", bytes.size()},
                         {"sha256", QString::fromLatin1(filesSha256Hex(bytes))}};
        if (!resumeId.isEmpty())
            body.insert("upload_id", resumeId);
        return m_http->json("POST", files(QStringLiteral("/uploads")), body, m_admin);
    }

    QJsonArray auditOf(const QString &action) { return m_agents->audit(action); }

    // The newest entry of `action`: by `userId`, on the node, for `path`,
    // and never holding `secret` (a file's content).
    void checkAudit(const QString &action, const QString &userId, const QString &path,
                    const QByteArray &secret = {})
    {
        const QJsonArray entries = auditOf(action);
        QVERIFY2(!entries.isEmpty(), qPrintable(action));
        const QJsonObject entry = entries.first().toObject();
        QCOMPARE(entry.value("user_id").toString(), userId);
        QCOMPARE(entry.value("resource_id").toString(), m_files.nodeId);
        const QJsonObject details = entry.value("details").toObject();
        QCOMPARE(details.value("path").toString(), path);
        QVERIFY(details.contains("root"));
        QVERIFY(!details.contains("content"));
        QVERIFY(!details.contains("data"));
        if (!secret.isEmpty())
            QVERIFY(!QJsonDocument(entry).toJson().contains(secret));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer().isEmpty(), "server did not start");
        QVERIFY(m_tree.isValid());
        for (const char *dir : {"root", "ro", "outside"})
            QVERIFY(QDir(m_tree.path()).mkpath(QLatin1String(dir)));
        m_root = QFileInfo(m_tree.filePath("root")).canonicalFilePath();
        m_ro = QFileInfo(m_tree.filePath("ro")).canonicalFilePath();
        m_outside = QFileInfo(m_tree.filePath("outside")).canonicalFilePath();
        QVERIFY(filesWrite(m_outside + "/secret.txt", "outside secret\n"));
        QVERIFY(filesWrite(m_ro + "/readme.txt", "read only\n"));
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/nodes/agent-settings"),
                            {{"interval_s", 1}}, m_admin)
                     .status,
                 200);
        m_adminId =
            m_http->get(QStringLiteral("/api/v1/users/me"), m_admin).data().value("id").toString();
        m_ops = createApiUser(*m_http, m_admin, "ops", "Ops-password-1", "USER");
        m_viewer = createApiUser(*m_http, m_admin, "watcher", "Watch-password-1", "VIEWER");
        QVERIFY(!m_ops.token.isEmpty() && !m_viewer.token.isEmpty());
        m_agents = std::make_unique<RemoteAgents>(*m_http, m_admin);
        QVERIFY(m_agents->isValid());
        QVERIFY(m_agents->start(
            m_files, "files-1", {"files"},
            {"--allow", "files", "--files-root", m_root, "--files-root", m_ro + ":ro"}));
        QVERIFY(m_agents->start(m_plain, "plain-1", {"plain"}));
        HM_WAIT_ONLINE(*m_agents, m_files);
        HM_WAIT_ONLINE(*m_agents, m_plain);
    }

    void cleanupTestCase()
    {
        QVERIFY(m_files.stop());
        QVERIFY(m_plain.stop());
    }

    void theAgentReportsItsRoots()
    {
        const Answer roots = m_http->get(files(QStringLiteral("/roots")), m_admin);
        QCOMPARE(roots.status, 200);
        const QJsonArray list = roots.data().value("roots").toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value("path").toString(), m_root);
        QCOMPARE(list.at(0).toObject().value("read_only").toBool(), false);
        QCOMPARE(list.at(1).toObject().value("path").toString(), m_ro);
        QCOMPARE(list.at(1).toObject().value("read_only").toBool(), true);
    }

    void listStatContentAndEditWithAVersionCheck()
    {
        QVERIFY(filesWrite(m_root + "/notes.txt", "hello\n"));
        const Answer listed =
            m_http->get(files(QStringLiteral("?") + target(m_root, QString())), m_admin);
        QCOMPARE(listed.status, 200);
        bool found = false;
        for (const QJsonValue &value : listed.data().value("entries").toArray()) {
            const QJsonObject entry = value.toObject();
            if (entry.value("name").toString() == u"notes.txt") {
                found = true;
                QCOMPARE(entry.value("type").toString(), QStringLiteral("file"));
                QCOMPARE(entry.value("size").toInt(), 6);
                QCOMPARE(entry.value("nlink").toInt(), 1);
                QVERIFY(!entry.value("mtime").toString().isEmpty());
            }
        }
        QVERIFY2(found, listed.raw.constData());
        const Answer stat =
            m_http->get(files(QStringLiteral("/stat?") + target(m_root, "notes.txt")), m_admin);
        QCOMPARE(stat.status, 200);
        QCOMPARE(stat.data().value("size").toInt(), 6);

        const Answer read = content(m_root, "notes.txt", m_admin);
        QCOMPARE(read.status, 200);
        QCOMPARE(read.data().value("content").toString(), QStringLiteral("hello\n"));
        const QString version = read.data().value("version").toString();
        QVERIFY(!version.isEmpty());
        checkAudit("NODE_FILE_DOWNLOADED", m_adminId, "notes.txt", "hello");

        // Someone else changes it meanwhile: the stale save is refused.
        QVERIFY(filesWrite(m_root + "/notes.txt", "changed by hand\n"));
        const Answer stale = save(m_root, "notes.txt", "my edit\n", version, m_admin);
        QCOMPARE(stale.status, 409);
        QCOMPARE(stale.code(), QStringLiteral("CONFLICT"));
        QCOMPARE(filesReadAll(m_root + "/notes.txt"), QByteArray("changed by hand\n"));

        const Answer fresh = content(m_root, "notes.txt", m_admin);
        const Answer saved =
            save(m_root, "notes.txt", "my edit\n", fresh.data().value("version"), m_admin);
        QCOMPARE(saved.status, 200);
        QCOMPARE(filesReadAll(m_root + "/notes.txt"), QByteArray("my edit\n"));
        QVERIFY(saved.data().value("version") != fresh.data().value("version"));
        checkAudit("NODE_FILE_WRITTEN", m_adminId, "notes.txt", "my edit");
        const QJsonObject stillStale =
            auditOf("NODE_FILE_WRITTEN").at(1).toObject().value("details").toObject();
        QCOMPARE(stillStale.value("result").toString(), QStringLiteral("failure"));

        // No expected version: create only.
        QCOMPARE(save(m_root, "new.txt", "new\n", QJsonValue(), m_admin).status, 200);
        QCOMPARE(filesReadAll(m_root + "/new.txt"), QByteArray("new\n"));
        QCOMPARE(save(m_root, "new.txt", "again\n", QJsonValue(), m_admin).status, 409);

        // Binary content is for download, not the editor.
        QVERIFY(filesWrite(m_root + "/blob.bin", QByteArray("\xff\xfe\x00\x01", 4)));
        const Answer binary = content(m_root, "blob.bin", m_admin);
        QCOMPARE(binary.status, 422);
        QCOMPARE(binary.details().value("code").toString(), QStringLiteral("NOT_TEXT"));
    }

    void aDownloadIsByteIdentical()
    {
        // Three agent reads of 512 KiB and a partial one.
        const QByteArray bytes = filesRandomBytes(1536 * 1024 + 777, 7);
        QVERIFY(filesWrite(m_root + "/data bin \"x\".bin", bytes));
        const Answer got = download(m_root, "data bin \"x\".bin", m_admin);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.raw.size(), bytes.size());
        QVERIFY(got.raw == bytes);
        QCOMPARE(got.headers.value("content-type"), QByteArray("application/octet-stream"));
        const QByteArray disposition = got.headers.value("content-disposition");
        QVERIFY2(disposition.startsWith("attachment; filename=\"data bin _x_.bin\""),
                 disposition.constData());
        QVERIFY2(disposition.contains("filename*=UTF-8''data%20bin%20%22x%22.bin"),
                 disposition.constData());
        checkAudit("NODE_FILE_DOWNLOADED", m_adminId, "data bin \"x\".bin");
        QCOMPARE(auditOf("NODE_FILE_DOWNLOADED")
                     .first()
                     .toObject()
                     .value("details")
                     .toObject()
                     .value("size")
                     .toInt(),
                 bytes.size());

        // Above the editor's bound (a sparse file: nothing is written but
        // the size); downloads have none (TestRemoteFileStream).
        QFile large(m_root + "/large.bin");
        QVERIFY(large.open(QIODevice::WriteOnly) && large.resize(4 * 1024 * 1024 + 1));
        large.close();
        const Answer notEditable = content(m_root, "large.bin", m_admin);
        QCOMPARE(notEditable.status, 413);
        QVERIFY(notEditable.body.value("error").toObject().value("message").toString().contains(
            "download"));
        QVERIFY(QFile::remove(m_root + "/large.bin"));

        const Answer missing = download(m_root, "nope.bin", m_admin);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.details().value("code").toString(), QStringLiteral("NOT_FOUND"));
    }

    void anInterruptedUploadResumes()
    {
        const QByteArray source = filesRandomBytes(1200 * 1024 + 5, 11);
        const qint64 chunk = 512 * 1024;
        const Answer begun = beginUpload("up/loaded.bin", source);
        // The parent directory must exist first.
        QCOMPARE(begun.status, 404);
        QCOMPARE(m_http
                     ->json("POST", files(QStringLiteral("/directories")),
                            {{"root", m_root}, {"path", "up"}}, m_admin)
                     .status,
                 201);
        checkAudit("NODE_DIRECTORY_CREATED", m_adminId, "up");
        const Answer started = beginUpload("up/loaded.bin", source);
        QCOMPARE(started.status, 201);
        const QString id = started.data().value("upload_id").toString();
        QCOMPARE(id.size(), 32);
        QCOMPARE(started.data().value("received").toInt(), 0);
        QCOMPARE(putChunk(id, 0, source.left(chunk)).data().value("received").toInt(), chunk);

        // The client dies halfway through the next chunk's body.
        {
            QTcpSocket socket;
            socket.connectToHost(m_http->base().host(), quint16(m_http->base().port()));
            QVERIFY(socket.waitForConnected(10000));
            const QByteArray half = source.mid(chunk, chunk / 2);
            socket.write(
                "PUT " +
                files(QStringLiteral("/uploads/%1?offset=%2").arg(id).arg(chunk)).toUtf8() +
                " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + m_admin.toUtf8() +
                "\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                QByteArray::number(chunk) + "\r\n\r\n" + half);
            QVERIFY(socket.waitForBytesWritten(10000));
            socket.abort();
        }
        const Answer status = m_http->get(files(QStringLiteral("/uploads/") + id), m_admin);
        QCOMPARE(status.status, 200);
        QCOMPARE(status.data().value("received").toInt(), chunk);
        QCOMPARE(status.data().value("path").toString(), QStringLiteral("up/loaded.bin"));

        // Resumed by id: from where it stopped; a repeated chunk is a no-op,
        // a chunk at the wrong offset refused.
        const Answer resumed = beginUpload("up/loaded.bin", source, id);
        QCOMPARE(resumed.status, 201);
        QCOMPARE(resumed.data().value("received").toInt(), chunk);
        QCOMPARE(putChunk(id, 0, source.left(chunk)).status, 200);
        const Answer gap = putChunk(id, chunk * 2, source.mid(chunk * 2));
        QCOMPARE(gap.status, 422);
        QCOMPARE(gap.details().value("code").toString(), QStringLiteral("BAD_OFFSET"));
        for (qint64 offset = chunk; offset < source.size(); offset += chunk)
            QCOMPARE(putChunk(id, offset, source.mid(offset, chunk)).status, 200);
        QVERIFY(!QFileInfo::exists(m_root + "/up/loaded.bin"));
        const Answer finished =
            m_http->send("POST", files(QStringLiteral("/uploads/%1/finish").arg(id)), {},
                         {{"Authorization", "Bearer " + m_admin.toUtf8()}});
        QCOMPARE(finished.status, 200);
        QCOMPARE(filesSha256Hex(filesReadAll(m_root + "/up/loaded.bin")), filesSha256Hex(source));
        checkAudit("NODE_FILE_UPLOADED", m_adminId, "up/loaded.bin");
        QCOMPARE(auditOf("NODE_FILE_UPLOADED")
                     .first()
                     .toObject()
                     .value("details")
                     .toObject()
                     .value("size")
                     .toInt(),
                 source.size());
        // Done: the id is gone.
        QCOMPARE(m_http->get(files(QStringLiteral("/uploads/") + id), m_admin).status, 404);

        // A chunk above 512 KiB is refused before it reaches the agent.
        const Answer again = beginUpload("up/big.bin", source);
        const QString bigId = again.data().value("upload_id").toString();
        QCOMPARE(putChunk(bigId, 0, source.left(chunk + 1)).status, 413);
        QCOMPARE(m_http
                     ->send("DELETE", files(QStringLiteral("/uploads/") + bigId), {},
                            {{"Authorization", "Bearer " + m_admin.toUtf8()}})
                     .status,
                 200);
        QCOMPARE(QDir(m_root + "/up").entryList(QDir::Files | QDir::Hidden),
                 QStringList{"loaded.bin"});
    }

    void aWrongChecksumIsRefused()
    {
        const QByteArray source("the real bytes");
        QJsonObject body{{"root", m_root},
                         {"path", "checked.txt"},
                         {"size", source.size()},
                         {"sha256", QString::fromLatin1(filesSha256Hex("other bytes"))}};
        const Answer begun = m_http->json("POST", files(QStringLiteral("/uploads")), body, m_admin);
        QCOMPARE(begun.status, 201);
        const QString id = begun.data().value("upload_id").toString();
        QCOMPARE(putChunk(id, 0, source).status, 200);
        const Answer finished =
            m_http->send("POST", files(QStringLiteral("/uploads/%1/finish").arg(id)), {},
                         {{"Authorization", "Bearer " + m_admin.toUtf8()}});
        QCOMPARE(finished.status, 422);
        QCOMPARE(finished.details().value("code").toString(), QStringLiteral("CHECKSUM_MISMATCH"));
        QVERIFY(!QFileInfo::exists(m_root + "/checked.txt"));
        const QJsonObject audit = auditOf("NODE_FILE_UPLOADED").first().toObject();
        QCOMPARE(audit.value("details").toObject().value("result").toString(),
                 QStringLiteral("failure"));
        QCOMPARE(audit.value("details").toObject().value("reason").toString(),
                 QStringLiteral("CHECKSUM_MISMATCH"));
    }

    void escapesAreRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("codes");
        const QStringList invalid{"PATH_INVALID"};
        // openat2 reports a symlink out of the root as outside it; the
        // component walk (old kernels) refuses every symlink.
        const QStringList symlink{"PATH_OUTSIDE_ROOT", "SYMLINK_REFUSED"};
        QTest::newRow("dot dot") << "../outside/secret.txt" << invalid;
        QTest::newRow("inner dot dot") << "up/../../outside/secret.txt" << invalid;
        QTest::newRow("absolute") << (QStringLiteral("/") + "etc/passwd") << invalid;
        QTest::newRow("empty component") << "up//loaded.bin" << invalid;
        QTest::newRow("symlinked directory") << "link-dir/secret.txt" << symlink;
        QTest::newRow("symlinked file") << "link-file" << symlink;
        QTest::newRow("relative symlink") << "link-relative" << symlink;
        QTest::newRow("hard link") << "hard.txt" << QStringList{"HARD_LINK_REFUSED"};
    }

    void escapesAreRefused()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, codes);
        // Made here, by whoever has a shell on the machine.
        QFile::link(m_outside, m_root + "/link-dir");
        QFile::link(m_outside + "/secret.txt", m_root + "/link-file");
        QFile::link("../outside/secret.txt", m_root + "/link-relative");
        if (!QFileInfo::exists(m_root + "/hard.txt")) {
            QVERIFY(filesWrite(m_outside + "/hard-target.txt", "hard secret\n"));
            QCOMPARE(::link(QFile::encodeName(m_outside + "/hard-target.txt").constData(),
                            QFile::encodeName(m_root + "/hard.txt").constData()),
                     0);
        }
        const QStringList before = QDir(m_outside).entryList(QDir::Files);

        const auto refused = [&](const Answer &answer, const char *what) {
            QVERIFY2(answer.status >= 400 && answer.status < 500,
                     qPrintable(QStringLiteral("%1: %2").arg(what).arg(answer.status)));
            const QString code = answer.details().value("code").toString();
            QVERIFY2(codes.contains(code),
                     qPrintable(QStringLiteral("%1: %2").arg(what, answer.raw)));
            QVERIFY(!answer.raw.contains("outside secret") && !answer.raw.contains("hard secret"));
        };
        refused(content(m_root, path, m_admin), "content");
        refused(download(m_root, path, m_admin), "download");
        refused(save(m_root, path, "overwritten\n", "0000", m_admin), "save");
        refused(beginUpload(path, "overwritten\n"), "upload");
        if (!path.startsWith("link-") && path != u"hard.txt")
            refused(m_http->send("DELETE", files(QStringLiteral("?") + target(m_root, path)), {},
                                 {{"Authorization", "Bearer " + m_admin.toUtf8()}}),
                    "delete");
        // Writing a new file through the symlinked directory.
        if (path.startsWith("link-dir"))
            refused(save(m_root, "link-dir/new.txt", "planted\n", QJsonValue(), m_admin), "create");
        QCOMPARE(filesReadAll(m_outside + "/secret.txt"), QByteArray("outside secret\n"));
        QCOMPARE(filesReadAll(m_outside + "/hard-target.txt"), QByteArray("hard secret\n"));
        QCOMPARE(QDir(m_outside).entryList(QDir::Files), before);
    }

    void theReadOnlyRootRefusesWrites()
    {
        const Answer read = content(m_ro, "readme.txt", m_admin);
        QCOMPARE(read.status, 200);
        const Answer saved =
            save(m_ro, "readme.txt", "changed\n", read.data().value("version"), m_admin);
        QCOMPARE(saved.status, 403);
        QCOMPARE(saved.details().value("code").toString(), QStringLiteral("READ_ONLY_ROOT"));
        const Answer made = m_http->json("POST", files(QStringLiteral("/directories")),
                                         {{"root", m_ro}, {"path", "sub"}}, m_admin);
        QCOMPARE(made.details().value("code").toString(), QStringLiteral("READ_ONLY_ROOT"));
        QJsonObject upload{{"root", m_ro},
                           {"path", "up.bin"},
                           {"size", 1},
                           {"sha256", QString::fromLatin1(filesSha256Hex("x"))}};
        QCOMPARE(m_http->json("POST", files(QStringLiteral("/uploads")), upload, m_admin)
                     .details()
                     .value("code")
                     .toString(),
                 QStringLiteral("READ_ONLY_ROOT"));
        QCOMPARE(m_http
                     ->send("DELETE", files(QStringLiteral("?") + target(m_ro, "readme.txt")), {},
                            {{"Authorization", "Bearer " + m_admin.toUtf8()}})
                     .status,
                 403);
        QCOMPARE(filesReadAll(m_ro + "/readme.txt"), QByteArray("read only\n"));
        QCOMPARE(QDir(m_ro).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{"readme.txt"});
        // A root the agent does not have.
        const Answer unknown = content(m_outside, "secret.txt", m_admin);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.details().value("code").toString(), QStringLiteral("UNKNOWN_ROOT"));
    }

    void directoriesAreMadeRenamedAndDeleted()
    {
        const auto json = [this](const char *verb, const QString &suffix, const QJsonObject &body) {
            return m_http->json(verb, files(suffix), body, m_admin);
        };
        QCOMPARE(json("POST", "/directories", {{"root", m_root}, {"path", "tree"}}).status, 201);
        QCOMPARE(json("POST", "/directories", {{"root", m_root}, {"path", "tree"}}).status, 409);
        QVERIFY(filesWrite(m_root + "/tree/leaf.txt", "leaf\n"));
        QCOMPARE(
            json("POST", "/rename", {{"root", m_root}, {"from", "tree"}, {"to", "moved"}}).status,
            200);
        QVERIFY(QFileInfo::exists(m_root + "/moved/leaf.txt"));
        checkAudit("NODE_FILE_RENAMED", m_adminId, "tree");
        const auto remove = [this](const QString &query) {
            return m_http->send("DELETE", files(QStringLiteral("?") + query), {},
                                {{"Authorization", "Bearer " + m_admin.toUtf8()}});
        };
        const Answer notEmpty = remove(target(m_root, "moved"));
        QCOMPARE(notEmpty.status, 409);
        QVERIFY(QFileInfo::exists(m_root + "/moved/leaf.txt"));
        QCOMPARE(remove(target(m_root, "moved") + "&recursive=true").status, 200);
        QVERIFY(!QFileInfo::exists(m_root + "/moved"));
        checkAudit("NODE_FILE_DELETED", m_adminId, "moved");
        // The root itself is not for deleting.
        QCOMPARE(remove(target(m_root, QString())).status, 422);
    }

    void usersActOnlyThroughGrants()
    {
        QCOMPARE(content(m_root, "notes.txt", m_ops.token).code(), QStringLiteral("FORBIDDEN"));
        QCOMPARE(save(m_root, "ops.txt", "x", QJsonValue(), m_ops.token).status, 403);
        QVERIFY(!QFileInfo::exists(m_root + "/ops.txt"));
        QCOMPARE(content(m_root, "notes.txt", m_viewer.token).code(),
                 QStringLiteral("INSUFFICIENT_PERMISSIONS"));
        QCOMPARE(m_http->get(files(QStringLiteral("/roots")), m_viewer.token).status, 403);

        // A grant for the node's label.
        const Answer granted = m_http->json("POST", QStringLiteral("/api/v1/nodes/grants"),
                                            {{"subject_kind", "user"},
                                             {"subject", m_ops.id},
                                             {"label", "files"},
                                             {"capability", "files"}},
                                            m_admin);
        QCOMPARE(granted.status, 201);
        QCOMPARE(content(m_root, "notes.txt", m_ops.token).status, 200);
        QCOMPARE(save(m_root, "ops.txt", "by ops\n", QJsonValue(), m_ops.token).status, 200);
        QCOMPARE(filesReadAll(m_root + "/ops.txt"), QByteArray("by ops\n"));
        checkAudit("NODE_FILE_WRITTEN", m_ops.id, "ops.txt", "by ops");
        // An upload is its starter's: ops, with the grant and the id, can
        // neither continue, read, finish, abort nor resume the admin's.
        const QByteArray bytes("admin's bytes");
        const Answer begun = beginUpload("by-admin.bin", bytes);
        QCOMPARE(begun.status, 201);
        const QString id = begun.data().value("upload_id").toString();
        checkAudit("NODE_FILE_UPLOAD_STARTED", m_adminId, "by-admin.bin");
        const auto asOps = [&](const QByteArray &verb, const QString &path,
                               const QByteArray &body = {}) {
            return m_http->send(verb, files(path), body,
                                {{"Authorization", "Bearer " + m_ops.token.toUtf8()},
                                 {"Content-Type", "application/octet-stream"}});
        };
        QCOMPARE(asOps("PUT", QStringLiteral("/uploads/%1?offset=0").arg(id), "evil").status, 404);
        QCOMPARE(asOps("GET", QStringLiteral("/uploads/") + id).status, 404);
        QCOMPARE(asOps("POST", QStringLiteral("/uploads/%1/finish").arg(id)).status, 404);
        QCOMPARE(asOps("DELETE", QStringLiteral("/uploads/") + id).status, 404);
        QCOMPARE(m_http
                     ->json("POST", files(QStringLiteral("/uploads")),
                            {{"root", m_root},
                             {"path", "by-admin.bin"},
                             {"size", bytes.size()},
                             {"sha256", QString::fromLatin1(filesSha256Hex(bytes))},
                             {"upload_id", id}},
                            m_ops.token)
                     .status,
                 404);
        // The starter goes on undisturbed.
        QCOMPARE(putChunk(id, 0, bytes).status, 200);
        QCOMPARE(
            m_http->json("POST", files(QStringLiteral("/uploads/%1/finish").arg(id)), {}, m_admin)
                .status,
            200);
        QCOMPARE(filesReadAll(m_root + "/by-admin.bin"), bytes);
        // An abort is audited with its upload id (ops's refused one was not
        // an abort: nothing of that upload was touched).
        const Answer second = beginUpload("aborted.bin", bytes);
        QCOMPARE(second.status, 201);
        const QString secondId = second.data().value("upload_id").toString();
        QCOMPARE(m_http
                     ->send("DELETE", files(QStringLiteral("/uploads/") + secondId), {},
                            {{"Authorization", "Bearer " + m_admin.toUtf8()}})
                     .status,
                 200);
        const QJsonObject aborted = auditOf("NODE_FILE_UPLOAD_ABORTED").first().toObject();
        QCOMPARE(aborted.value("user_id").toString(), m_adminId);
        QCOMPARE(aborted.value("resource_id").toString(), m_files.nodeId);
        QCOMPARE(aborted.value("details").toObject().value("upload_id").toString(), secondId);
        QVERIFY(!QFileInfo::exists(m_root + "/aborted.bin"));
        // Not on another node, whatever its agent grants.
        QCOMPARE(m_http
                     ->get(QStringLiteral("/api/v1/nodes/%1/files/roots").arg(m_plain.nodeId),
                           m_ops.token)
                     .code(),
                 QStringLiteral("FORBIDDEN"));
    }

    void anAgentWithoutFilesRefuses()
    {
        const Answer refused = m_http->get(
            QStringLiteral("/api/v1/nodes/%1/files?%2").arg(m_plain.nodeId, target("/", "")),
            m_admin);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.code(), QStringLiteral("CAPABILITY_DISABLED"));
    }

    void seedAliasesTakeAbsolutePaths()
    {
        const QString seed = QStringLiteral("/api/servers/%1/files").arg(m_files.nodeId);
        QVERIFY(filesWrite(m_root + "/seed.txt", "seed text\n"));
        const Answer text =
            m_http->get(seed + "/content?path=" + filesEncoded(m_root + "/seed.txt"), m_admin);
        QCOMPARE(text.status, 200);
        QCOMPARE(text.data().value("content").toString(), QStringLiteral("seed text\n"));
        const Answer bytes =
            m_http->get(seed + "/download?path=" + filesEncoded(m_ro + "/readme.txt"), m_admin);
        QCOMPARE(bytes.status, 200);
        QCOMPARE(bytes.raw, QByteArray("read only\n"));
        // Under no root, or not absolute.
        const Answer outside = m_http->get(
            seed + "/download?path=" + filesEncoded(m_outside + "/secret.txt"), m_admin);
        QCOMPARE(outside.status, 403);
        QCOMPARE(outside.details().value("code").toString(), QStringLiteral("PATH_OUTSIDE_ROOT"));
        QVERIFY(!outside.raw.contains("outside secret"));
        // A root's name as a prefix of a sibling is no match.
        const Answer sibling =
            m_http->get(seed + "/download?path=" + filesEncoded(m_root + "x/a"), m_admin);
        QCOMPARE(sibling.details().value("code").toString(), QStringLiteral("PATH_OUTSIDE_ROOT"));
        QCOMPARE(m_http->get(seed + "/content?path=seed.txt", m_admin).status, 422);
        const Answer escape = m_http->get(
            seed + "/content?path=" + filesEncoded(m_root + "/../outside/secret.txt"), m_admin);
        QCOMPARE(escape.details().value("code").toString(), QStringLiteral("PATH_INVALID"));

        // The seed's multipart upload.
        const QByteArray payload = filesRandomBytes(700 * 1024, 3);
        const QByteArray boundary = "hm-boundary-42";
        const QByteArray form = uploadForm(boundary, m_root + "/up/", "form.bin", payload);
        const Answer uploaded =
            m_http->send("POST", seed + "/upload", form,
                         {{"Authorization", "Bearer " + m_admin.toUtf8()},
                          {"Content-Type", "multipart/form-data; boundary=" + boundary}});
        QCOMPARE(uploaded.status, 201);
        QCOMPARE(filesReadAll(m_root + "/up/form.bin"), payload);
        checkAudit("NODE_FILE_UPLOADED", m_adminId, "up/form.bin");
        const Answer noForm = m_http->send("POST", seed + "/upload", "{}",
                                           {{"Authorization", "Bearer " + m_admin.toUtf8()}});
        QCOMPARE(noForm.status, 422);
    }
};

QTEST_GUILESS_MAIN(TestRemoteFiles)
#include "TestRemoteFiles.moc"
