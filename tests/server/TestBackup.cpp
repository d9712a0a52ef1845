// Backups and restore through the real hivemind-server over loopback, on a
// real SQLCipher file (issue 37 item 1; docs/backup.md): a backup taken
// while triggers run holds exactly the executions answered before its
// snapshot point; a changed, cut off, foreign (other master key) or
// unrelated file is refused with nothing changed; scheduled backups keep
// their retention; only administrators reach any of it, and a chunked
// upload only the administrator who began it; audit entries.

#include "AuthTestSupport.h"
#include "FlowTestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QtTest>

using namespace hm::test;

namespace {

QJsonObject echoFlow()
{
    return flowDefinition({flowNode("echo", "transform", {{"v", "$.trigger.v"}},
                                    {{"outputs", QJsonObject{{"v", "$.inputs.v"}}}})});
}

qint64 isoMs(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

} // namespace

class TestBackup : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    QString m_flow;

    Answer createBackup(const QJsonObject &body = {}, const QString &token = {})
    {
        return m_http->json("POST", "/api/v1/backup/backups/create", body,
                            token.isEmpty() ? m_admin : token);
    }
    // Waits for the backup to leave "running"; its row.
    QJsonObject waitDone(const QString &id)
    {
        QJsonObject row;
        const auto done = [&] {
            row = m_http->get("/api/v1/backup/backups/" + id, m_admin).data();
            return row.value("status").toString() == QLatin1String("completed") ||
                   row.value("status").toString() == QLatin1String("failed");
        };
        // QTRY_* cannot return a value; the same wait without it.
        if (!QTest::qWaitFor(done, 120000))
            qWarning() << "backup" << id << "still running";
        return row;
    }
    QString madeBackup(const QJsonObject &body = {})
    {
        const Answer created = createBackup(body);
        if (created.status != 202) {
            qWarning() << created.raw;
            return {};
        }
        const QString id = created.data().value("backup_id").toString();
        const QJsonObject row = waitDone(id);
        if (row.value("status").toString() != QLatin1String("completed")) {
            qWarning() << row;
            return {};
        }
        return id;
    }
    QString backupPath(const QString &id) const
    {
        return QDir(m_dir.path()).filePath("backups/" + id + ".hmbackup");
    }
    Answer upload(const QByteArray &bytes, const QString &token = {})
    {
        return m_http->send("POST", "/api/v1/backup/backups/upload", bytes,
                            Http::bearer(token.isEmpty() ? m_admin : token));
    }
    qint64 backupCount()
    {
        return m_http->get("/api/v1/backup/backups?size=100", m_admin)
            .data()
            .value("pagination")
            .toObject()
            .value("total")
            .toInteger();
    }
    int auditCount(const QString &action)
    {
        return int(m_http->get("/api/v1/audit?action=" + action + "&size=100", m_admin)
                       .data()
                       .value("pagination")
                       .toObject()
                       .value("total")
                       .toInteger());
    }
    bool restorePending() const
    {
        return QFileInfo::exists(QDir(m_dir.path()).filePath("restore-pending"));
    }
    // The server's resident and peak memory (kB) from /proc; "peak" since
    // the last resetPeak().
    qint64 serverMemoryKb(const char *field) const
    {
        QFile status(QStringLiteral("/proc/%1/status").arg(m_server->process().processId()));
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith(field))
                return line.mid(qstrlen(field) + 1).trimmed().split(' ').first().toLongLong();
        }
        return -1;
    }
    bool resetPeak() const
    {
        QFile refs(QStringLiteral("/proc/%1/clear_refs").arg(m_server->process().processId()));
        return refs.open(QIODevice::WriteOnly) && refs.write("5") == 1;
    }
    // A whole file through the chunked upload; the finish answer, or the
    // first refusal on the way.
    Answer chunkedUpload(const QByteArray &bytes, const QString &declaredSha = {},
                         qint64 chunk = 4 * 1024 * 1024)
    {
        const QString sha = declaredSha.isEmpty()
                                ? QString::fromLatin1(
                                      QCryptographicHash::hash(bytes, QCryptographicHash::Sha256)
                                          .toHex())
                                : declaredSha;
        const Answer begun = m_http->json("POST", "/api/v1/backup/backups/uploads",
                                          {{"size", bytes.size()}, {"sha256", sha}}, m_admin);
        if (begun.status != 201)
            return begun;
        const QString id = begun.data().value("upload_id").toString();
        for (qint64 offset = 0; offset < bytes.size(); offset += chunk) {
            const Answer put = m_http->send(
                "PUT", "/api/v1/backup/backups/uploads/" + id + "?offset=" + QString::number(offset),
                bytes.mid(offset, chunk), Http::bearer(m_admin));
            if (put.status != 200)
                return put;
        }
        return m_http->json("POST", "/api/v1/backup/backups/uploads/" + id + "/finish", {},
                            m_admin);
    }

private slots:
    void initTestCase()
    {
        const QString problem = startServer();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QString why;
        m_flow = createPublishedFlow(*m_http, m_admin, "backup-echo", echoFlow(), {}, &why);
        QVERIFY2(!m_flow.isEmpty(), qPrintable(why));
    }

    void encryptionCannotBeTurnedOff()
    {
        const Answer refused = createBackup({{"encryption", false}});
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(refused.details().value("code").toString(),
                 QStringLiteral("backup_encryption_required"));
        QCOMPARE(createBackup({{"backup_type", "incremental"}}).status, 422);
        QCOMPARE(m_http->get("/api/v1/backup/backups?status=finished", m_admin).status, 422);
        QCOMPARE(backupCount(), 0);
    }

    // Triggers before, around and after the snapshot point; the restored
    // database holds every execution answered before it and none sent
    // after it.
    void restoreHoldsWhatWasAnsweredBeforeTheSnapshot()
    {
        struct Sent
        {
            QNetworkReply *reply = nullptr;
            qint64 sentAt = 0;
            qint64 answeredAt = 0;
            QString executionId;
        };
        std::vector<std::unique_ptr<Sent>> sent;
        const QByteArray body = QJsonDocument(QJsonObject{{"inputs", QJsonObject{{"v", 1}}}})
                                    .toJson(QJsonDocument::Compact);
        const auto fire = [&](int count) {
            for (int i = 0; i < count; ++i) {
                auto s = std::make_unique<Sent>();
                s->sentAt = QDateTime::currentMSecsSinceEpoch();
                s->reply = m_http->begin("POST", "/api/v1/flows/" + m_flow + "/trigger", body,
                                         Http::bearer(m_admin));
                Sent *raw = s.get();
                connect(raw->reply, &QNetworkReply::finished, this,
                        [raw] { raw->answeredAt = QDateTime::currentMSecsSinceEpoch(); });
                sent.push_back(std::move(s));
            }
        };
        const auto collect = [&] {
            for (auto &s : sent) {
                if (!s->reply)
                    continue;
                const Answer answer = Http::finish(s->reply);
                s->reply = nullptr;
                QCOMPARE(answer.status, 200);
                s->executionId = answer.data().value("execution_id").toString();
            }
        };
        fire(30);
        collect();
        // The backup starts while more triggers are on their way.
        fire(20);
        QNetworkReply *creating = m_http->begin("POST", "/api/v1/backup/backups/create",
                                                QJsonDocument(QJsonObject{{"name", "under load"}})
                                                    .toJson(QJsonDocument::Compact),
                                                Http::bearer(m_admin));
        fire(20);
        const Answer created = Http::finish(creating);
        QCOMPARE(created.status, 202);
        collect();
        fire(30);
        collect();
        const qint64 snapshotAt = isoMs(created.data().value("snapshot_at"));
        QVERIFY(snapshotAt > 0);
        QVERIFY(created.data().value("notice").toString().contains("master key"));
        const QString id = created.data().value("backup_id").toString();
        QVERIFY(id.startsWith("backup_"));
        QCOMPARE(created.data().value("status").toString(), QStringLiteral("running"));
        const QJsonObject row = waitDone(id);
        QCOMPARE(row.value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(row.value("encryption").toBool(), true);
        QVERIFY(row.value("size_bytes").toInteger() > 0);
        QCOMPARE(row.value("checksum").toString().size(), 64);
        QVERIFY(QFileInfo::exists(backupPath(id)));
        QCOMPARE(auditCount("BACKUP_CREATED"), 1);

        QStringList before, after;
        for (const auto &s : sent) {
            if (s->answeredAt < snapshotAt)
                before << s->executionId;
            else if (s->sentAt > snapshotAt)
                after << s->executionId;
        }
        QVERIFY2(before.size() >= 30, qPrintable(QString::number(before.size())));
        QVERIFY2(after.size() >= 30, qPrintable(QString::number(after.size())));

        const Answer restoring =
            m_http->json("POST", "/api/v1/backup/backups/" + id + "/restore", {}, m_admin);
        QCOMPARE(restoring.status, 202);
        QCOMPARE(restoring.data().value("restart_required").toBool(), true);
        QVERIFY(restoring.data().value("replaces").toArray().contains(QJsonValue("database")));
        QCOMPARE(auditCount("BACKUP_RESTORE_SCHEDULED"), 1);
        // Nothing changes before the restart.
        QCOMPARE(m_http->get("/api/v1/executions/" + after.constLast() + "/status", m_admin).status,
                 200);

        QVERIFY(stopServer());
        const QString problem = restartServer();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(!restorePending());
        const QStringList kept =
            QDir(m_dir.path()).entryList({"hivemind.db.before-restore-*"}, QDir::Files);
        QVERIFY2(!kept.isEmpty(), "the previous database is kept");
        for (const QString &execution : std::as_const(before))
            QVERIFY2(m_http->get("/api/v1/executions/" + execution + "/status", m_admin).status ==
                         200,
                     qPrintable("missing after the restore: " + execution));
        for (const QString &execution : std::as_const(after))
            QVERIFY2(m_http->get("/api/v1/executions/" + execution + "/status", m_admin).status ==
                         404,
                     qPrintable("written after the snapshot yet restored: " + execution));
        // The restored database lists the backup (its own snapshot knew it
        // only as running) and records the restore.
        const QJsonObject restoredRow = m_http->get("/api/v1/backup/backups/" + id, m_admin).data();
        QCOMPARE(restoredRow.value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(auditCount("BACKUP_RESTORED"), 1);
        // The server works on: triggers, and another backup.
        QCOMPARE(triggerFlow(*m_http, m_admin, m_flow, {{"v", 2}}).status, 200);
    }

    void changedCutOffOrForeignFilesAreRefused()
    {
        const QString id = madeBackup();
        QVERIFY(!id.isEmpty());
        const QJsonObject row = m_http->get("/api/v1/backup/backups/" + id, m_admin).data();
        const Answer downloaded =
            m_http->get("/api/v1/backup/backups/" + id + "/download", m_admin);
        QCOMPARE(downloaded.status, 200);
        const QByteArray good = downloaded.raw;
        QCOMPARE(good.size(), row.value("size_bytes").toInteger());
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(good, QCryptographicHash::Sha256).toHex()),
                 row.value("checksum").toString());
        QVERIFY(auditCount("BACKUP_DOWNLOADED") >= 1);
        const qint64 count = backupCount();

        // Uploads: a changed byte, a cut-off file, something else.
        QByteArray changed = good;
        changed[changed.size() / 2] = char(changed.at(changed.size() / 2) ^ 0x40);
        Answer refused = upload(changed);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("code").toString(), QStringLiteral("backup_tampered"));
        refused = upload(good.left(good.size() - 100));
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("code").toString(), QStringLiteral("backup_truncated"));
        refused = upload(QByteArray("SQLite format 3\0 and more", 25));
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("code").toString(), QStringLiteral("backup_not_a_backup"));
        QCOMPARE(backupCount(), count);
        QVERIFY(QDir(QDir(m_dir.path()).filePath("backups")).entryList({"upload-*"}).isEmpty());

        // The stored file changed on disk: its checksum refuses the restore.
        QFile file(backupPath(id));
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(file.size() / 2);
        file.write(QByteArray(1, char(changed.at(changed.size() / 2))));
        file.close();
        refused = m_http->json("POST", "/api/v1/backup/backups/" + id + "/restore", {}, m_admin);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("code").toString(),
                 QStringLiteral("backup_checksum_mismatch"));
        QVERIFY(!restorePending());
        // Cut off on disk: refused the same way.
        QVERIFY(file.resize(good.size() / 2));
        refused = m_http->json("POST", "/api/v1/backup/backups/" + id + "/restore", {}, m_admin);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("code").toString(),
                 QStringLiteral("backup_checksum_mismatch"));
        QVERIFY(!restorePending());

        // The good file uploaded again is a backup of its own.
        const Answer uploaded = upload(good);
        QCOMPARE(uploaded.status, 201);
        QCOMPARE(uploaded.data().value("trigger").toString(), QStringLiteral("uploaded"));
        QCOMPARE(uploaded.data().value("checksum").toString(), row.value("checksum").toString());
        QVERIFY(uploaded.data().value("id").toString() != id);
        QCOMPARE(auditCount("BACKUP_UPLOADED"), 1);

        // A backup of another server (another master key).
        QTemporaryDir otherDir;
        std::unique_ptr<ServerProcess> other;
        std::unique_ptr<Http> otherHttp;
        QString otherAdmin;
        const QString problem = startWithAdmin(otherDir, other, otherHttp, otherAdmin);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const Answer made = otherHttp->json("POST", "/api/v1/backup/backups", {}, otherAdmin);
        QCOMPARE(made.status, 202);
        const QString otherId = made.data().value("backup_id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(otherHttp->get("/api/v1/backup/backups/" + otherId, otherAdmin)
                                      .data()
                                      .value("status")
                                      .toString(),
                                  QStringLiteral("completed"), 60000);
        const QByteArray foreign =
            otherHttp->get("/api/v1/backup/backups/" + otherId + "/download", otherAdmin).raw;
        QVERIFY(foreign.startsWith("HMBACKUP"));
        refused = upload(foreign);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("code").toString(), QStringLiteral("backup_key_mismatch"));
        QVERIFY(refused.body.value("error").toObject().value("message").toString().contains(
            "master key"));
        QCOMPARE(backupCount(), count + 1);
        // Data intact: the flow still answers.
        QCOMPARE(triggerFlow(*m_http, m_admin, m_flow, {{"v", 3}}).status, 200);

        // Deleting removes the file; audited.
        const Answer deleted =
            m_http->send("DELETE", "/api/v1/backup/backups/" + id, {}, Http::bearer(m_admin));
        QCOMPARE(deleted.status, 200);
        QVERIFY(!QFileInfo::exists(backupPath(id)));
        QCOMPARE(m_http->get("/api/v1/backup/backups/" + id, m_admin).status, 404);
        QCOMPARE(auditCount("BACKUP_DELETED"), 1);
    }

    // A backup of about 100 MiB (a random, incompressible file in the data
    // directory) goes out streamed and comes back in chunks with the
    // server's peak memory growing by far less than the file; a
    // resumed download (Range) ends the same; changed, cut-off or
    // mis-declared uploads are refused with nothing listed or left.
    void largeBackupsStreamWithBoundedMemory()
    {
        const QString releases = QDir(m_dir.path()).filePath("agent-releases");
        QVERIFY(QDir().mkpath(releases));
        const QString bulkPath = QDir(releases).filePath("bulk-test.bin");
        {
            QByteArray bulk(96 * 1024 * 1024, Qt::Uninitialized);
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bulk.data()),
                                                  bulk.size() / 4);
            QFile out(bulkPath);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QCOMPARE(out.write(bulk), bulk.size());
        }
        const QString id = madeBackup();
        QVERIFY(QFile::remove(bulkPath)); // later backups stay small
        QVERIFY(!id.isEmpty());
        const QJsonObject row = m_http->get("/api/v1/backup/backups/" + id, m_admin).data();
        const qint64 size = row.value("size_bytes").toInteger();
        QVERIFY2(size > 90 * 1024 * 1024, qPrintable(QString::number(size)));
        const int downloadsBefore = auditCount("BACKUP_DOWNLOADED");
        const int uploadsBefore = auditCount("BACKUP_UPLOADED");

        QVERIFY(resetPeak());
        const qint64 before = serverMemoryKb("VmRSS:");
        QVERIFY(before > 0);
        const Answer downloaded =
            m_http->get("/api/v1/backup/backups/" + id + "/download", m_admin);
        QCOMPARE(downloaded.status, 200);
        QCOMPARE(downloaded.raw.size(), size);
        QCOMPARE(downloaded.headers.value("accept-ranges"), QByteArray("bytes"));
        QFile stored(backupPath(id));
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QVERIFY(downloaded.raw == stored.readAll()); // byte-identical
        stored.close();
        // The rest after a cut: 206 from the offset.
        const qint64 cut = size - 5 * 1024 * 1024 - 17;
        const Answer rest = m_http->send(
            "GET", "/api/v1/backup/backups/" + id + "/download", {},
            Http::bearer(m_admin) + QList<QPair<QByteArray, QByteArray>>{
                                        {"Range", "bytes=" + QByteArray::number(cut) + "-"}});
        QCOMPARE(rest.status, 206);
        QCOMPARE(rest.headers.value("content-range"),
                 QByteArray("bytes " + QByteArray::number(cut) + "-" +
                            QByteArray::number(size - 1) + "/" + QByteArray::number(size)));
        QVERIFY(rest.raw == downloaded.raw.mid(cut));
        const Answer beyond = m_http->send(
            "GET", "/api/v1/backup/backups/" + id + "/download", {},
            Http::bearer(m_admin) + QList<QPair<QByteArray, QByteArray>>{
                                        {"Range", "bytes=" + QByteArray::number(size) + "-"}});
        QCOMPARE(beyond.status, 416);
        QCOMPARE(beyond.code(), QStringLiteral("RANGE_NOT_SATISFIABLE"));
        QCOMPARE(auditCount("BACKUP_DOWNLOADED"), downloadsBefore + 2);

        const qint64 downloadPeak = serverMemoryKb("VmHWM:");
        qInfo("download: server RSS %lld kB before, peak %lld kB", before, downloadPeak);
        const QByteArray good = downloaded.raw;
        const qint64 count = backupCount();
        const QDir backups(QDir(m_dir.path()).filePath("backups"));
        // Refusals on the way: a wrong offset, a chunk too large, finish
        // before the end, more than declared.
        const QString goodSha = QString::fromLatin1(
            QCryptographicHash::hash(good, QCryptographicHash::Sha256).toHex());
        Answer begun = m_http->json("POST", "/api/v1/backup/backups/uploads",
                                    {{"size", 10}, {"sha256", goodSha}}, m_admin);
        QCOMPARE(begun.status, 201);
        const QString small = begun.data().value("upload_id").toString();
        Answer refused = m_http->send("PUT", "/api/v1/backup/backups/uploads/" + small + "?offset=3",
                                      "abc", Http::bearer(m_admin));
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.details().value("code").toString(), QStringLiteral("backup_upload_offset"));
        QCOMPARE(refused.details().value("received").toInteger(), 0);
        refused = m_http->send("PUT", "/api/v1/backup/backups/uploads/" + small + "?offset=0",
                               QByteArray(11, 'x'), Http::bearer(m_admin));
        QCOMPARE(refused.status, 422);
        QCOMPARE(m_http->send("PUT", "/api/v1/backup/backups/uploads/" + small + "?offset=0",
                              "HMBACK", Http::bearer(m_admin))
                     .status,
                 200);
        refused = m_http->json("POST", "/api/v1/backup/backups/uploads/" + small + "/finish", {},
                               m_admin);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("code").toString(),
                 QStringLiteral("backup_upload_incomplete"));
        QCOMPARE(m_http->get("/api/v1/backup/backups/uploads/" + small, m_admin)
                     .data()
                     .value("received")
                     .toInteger(),
                 6);
        QCOMPARE(m_http->send("DELETE", "/api/v1/backup/backups/uploads/" + small, {},
                              Http::bearer(m_admin))
                     .status,
                 200);
        QCOMPARE(m_http->get("/api/v1/backup/backups/uploads/" + small, m_admin).status, 404);
        refused = m_http->send("PUT",
                               "/api/v1/backup/backups/uploads/" + small + "?offset=0",
                               QByteArray(4 * 1024 * 1024 + 1, 'x'), Http::bearer(m_admin));
        QCOMPARE(refused.status, 413);
        QCOMPARE(m_http->json("POST", "/api/v1/backup/backups/uploads",
                              {{"size", 10}, {"sha256", "nothex"}}, m_admin)
                     .status,
                 422);

        // The whole file in chunks: a backup of its own, byte-identical.
        const Answer uploaded = chunkedUpload(good);
        QCOMPARE(uploaded.status, 201);
        const QString uploadedId = uploaded.data().value("id").toString();
        QCOMPARE(uploaded.data().value("trigger").toString(), QStringLiteral("uploaded"));
        QCOMPARE(uploaded.data().value("checksum").toString(), goodSha);
        QFile copy(backupPath(uploadedId));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QVERIFY(copy.readAll() == good);
        copy.close();
        QCOMPARE(auditCount("BACKUP_UPLOADED"), uploadsBefore + 1);

        // Peak memory: well below the file's size (a download or upload
        // held in memory would add at least the whole file). What it does
        // add is a few chunks' buffers (HTTP body, decrypt, decompress) in
        // the arenas of the threads that touched them, whatever the size.
        const qint64 peak = serverMemoryKb("VmHWM:");
        qInfo("server RSS %lld kB before, peak %lld kB, file %lld kB", before, peak, size / 1024);
        QVERIFY2(peak - before < size / 1024 / 2,
                 qPrintable(QStringLiteral("the server grew from %1 kB to a peak of %2 kB while "
                                           "moving %3 kB")
                                .arg(before)
                                .arg(peak)
                                .arg(size / 1024)));

        // Changed, cut off, mis-declared: refused, nothing listed or left.
        QByteArray changed = good;
        changed[changed.size() / 2] = char(changed.at(changed.size() / 2) ^ 0x40);
        refused = chunkedUpload(changed);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("code").toString(), QStringLiteral("backup_tampered"));
        refused = chunkedUpload(good.left(good.size() - 4096));
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("code").toString(), QStringLiteral("backup_truncated"));
        refused = chunkedUpload(changed, goodSha);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("code").toString(),
                 QStringLiteral("backup_checksum_mismatch"));
        QCOMPARE(backupCount(), count + 1);
        QVERIFY2(backups.entryList({"upload-*"}).isEmpty(),
                 qPrintable(backups.entryList({"upload-*"}).join(' ')));
        QCOMPARE(auditCount("BACKUP_UPLOADED"), uploadsBefore + 1);

        // Keep the data directory small for the tests after this one.
        for (const QString &big : {id, uploadedId})
            QCOMPARE(m_http->send("DELETE", "/api/v1/backup/backups/" + big, {},
                                  Http::bearer(m_admin))
                         .status,
                     200);
    }

    void onlyAdministrators()
    {
        const ApiUser user = createApiUser(*m_http, m_admin, "backupuser", "Us3r!Secret9", "USER");
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, "backupviewer", "V1ewer!Secret", "VIEWER");
        QVERIFY(!user.token.isEmpty());
        QVERIFY(!viewer.token.isEmpty());
        const qint64 count = backupCount();
        for (const QString &token : {user.token, viewer.token}) {
            QCOMPARE(m_http->get("/api/v1/backup/backups", token).status, 403);
            QCOMPARE(createBackup({}, token).status, 403);
            QCOMPARE(m_http->json("POST", "/api/v1/backup/backups", {}, token).status, 403);
            QCOMPARE(m_http->get("/api/v1/backup/recovery-info", token).status, 403);
            QCOMPARE(upload("HMBACKUP", token).status, 403);
            QCOMPARE(m_http->json("POST", "/api/v1/backup/backups/x/restore", {}, token).status,
                     403);
            QCOMPARE(m_http->get("/api/v1/backup/backups/x/download", token).status, 403);
            QCOMPARE(m_http->json("POST", "/api/v1/backup/backups/uploads",
                                  {{"size", 8}, {"sha256", QString(64, u'0')}}, token)
                         .status,
                     403);
            QCOMPARE(m_http->send("PUT",
                                  "/api/v1/backup/backups/uploads/" + QString(32, u'0') +
                                      "?offset=0",
                                  "HMBACKUP", Http::bearer(token))
                         .status,
                     403);
        }
        QCOMPARE(m_http->get("/api/v1/backup/backups").status, 401);
        QCOMPARE(backupCount(), count);
        QCOMPARE(m_http->json("POST", "/api/v1/backup/backups/nope/restore", {}, m_admin).status,
                 404);
    }

    // An upload belongs to who began it: another administrator can neither
    // read, continue, finish nor discard it by its id, and it stays as it was.
    void anotherAdminsUploadIsNotTheirs()
    {
        const ApiUser other =
            createApiUser(*m_http, m_admin, "secondadmin", "Sec0nd!Admin9", "ADMIN");
        QVERIFY(!other.token.isEmpty());
        const QByteArray bytes = "HMBACKUP-0123456789";
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        const Answer begun = m_http->json("POST", "/api/v1/backup/backups/uploads",
                                          {{"size", bytes.size()}, {"sha256", sha}}, m_admin);
        QCOMPARE(begun.status, 201);
        const QString id = begun.data().value("upload_id").toString();
        const QString path = "/api/v1/backup/backups/uploads/" + id;
        QCOMPARE(
            m_http->send("PUT", path + "?offset=0", bytes.left(8), Http::bearer(m_admin)).status,
            200);
        const qint64 count = backupCount();

        const Answer read = m_http->get(path, other.token);
        QCOMPARE(read.status, 404);
        QVERIFY(!read.raw.contains(sha.toLatin1())); // nothing of it shown
        QCOMPARE(
            m_http->send("PUT", path + "?offset=8", bytes.mid(8), Http::bearer(other.token)).status,
            404);
        QCOMPARE(m_http->send("PUT", path + "?offset=0", bytes, Http::bearer(other.token)).status,
                 404);
        QCOMPARE(m_http->json("POST", path + "/finish", {}, other.token).status, 404);
        QCOMPARE(m_http->send("DELETE", path, {}, Http::bearer(other.token)).status, 404);

        // Unharmed: still the owner's, at the same offset, and no backup made.
        const Answer mine = m_http->get(path, m_admin);
        QCOMPARE(mine.status, 200);
        QCOMPARE(mine.data().value("received").toInteger(), 8);
        QCOMPARE(mine.data().value("sha256").toString(), sha);
        QCOMPARE(backupCount(), count);
        QCOMPARE(m_http->send("DELETE", path, {}, Http::bearer(m_admin)).status, 200);
        QCOMPARE(m_http->get(path, m_admin).status, 404);
    }

    void recoveryInfoHoldsNoSecret()
    {
        const Answer info = m_http->get("/api/v1/backup/recovery-info", m_admin);
        QCOMPARE(info.status, 200);
        QVERIFY(info.data().value("master_key_required").toBool());
        QVERIFY(info.data().value("schema_version").toInt() >= 35);
        QVERIFY(!info.data().value("data_keys").toArray().isEmpty());
        QVERIFY(!info.raw.contains(m_server->masterKey()));
        QVERIFY(!info.raw.contains("encrypted_key"));
    }

    // Seed 001's `backup_retention`: another name for
    // backup_retention_daily, in both directions.
    void seedRetentionKey()
    {
        Answer saved = m_http->json("PUT", "/api/v1/system/config", {{"backup_retention", 30}},
                                    m_admin);
        QCOMPARE(saved.status, 200);
        QJsonObject config = m_http->get("/api/v1/system/config", m_admin).data();
        QCOMPARE(config.value("backup_retention_daily").toInt(), 30);
        QCOMPARE(config.value("backup_retention").toInt(), 30);
        QCOMPARE(m_http->json("PUT", "/api/v1/system/config", {{"backup_retention_daily", 9}},
                              m_admin)
                     .status,
                 200);
        QCOMPARE(m_http->get("/api/v1/system/config", m_admin).data().value("backup_retention").toInt(),
                 9);
        // Out of range, or two different numbers for one setting: refused,
        // nothing changed.
        Answer refused = m_http->json("PUT", "/api/v1/system/config", {{"backup_retention", 400}},
                                      m_admin);
        QCOMPARE(refused.status, 422);
        refused = m_http->json("PUT", "/api/v1/system/config",
                               {{"backup_retention", 5}, {"backup_retention_daily", 6}}, m_admin);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("field").toString(), QStringLiteral("backup_retention"));
        config = m_http->get("/api/v1/system/config", m_admin).data();
        QCOMPARE(config.value("backup_retention_daily").toInt(), 9);
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, "retentionviewer", "V1ewer!Secret", "VIEWER");
        QCOMPARE(m_http->json("PUT", "/api/v1/system/config", {{"backup_retention", 3}},
                              viewer.token)
                     .status,
                 403);
    }

    void scheduledBackupsKeepTheirRetention()
    {
        QCOMPARE(m_http->json("PUT", "/api/v1/system/config", {{"backup_retention_daily", -1}},
                              m_admin)
                     .status,
                 422);
        QCOMPARE(m_http->json("PUT", "/api/v1/system/config", {{"backup_schedule", "hourly"}},
                              m_admin)
                     .status,
                 422);
        QCOMPARE(m_http->json("PUT", "/api/v1/system/config",
                              {{"backup_schedule", "daily"},
                               {"backup_retention_daily", 2},
                               {"backup_retention_weekly", 1}},
                              m_admin)
                     .status,
                 200);
        const qint64 manual = backupCount();
        // A schedule of one second instead of the calendar (test knob).
        QVERIFY(stopServer());
        m_server = std::make_unique<ServerProcess>(m_dir.path(), m_server->masterKey());
        setAdminEnvironment(*m_server);
        m_server->setEnv("HIVEMIND_BACKUP_INTERVAL_SECONDS", "1");
        const QString problem = connectAdmin(*m_server, m_server->start(), m_http, m_admin);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const int deletedBefore = auditCount("BACKUP_DELETED");
        QTRY_VERIFY_WITH_TIMEOUT(auditCount("BACKUP_DELETED") >= deletedBefore + 3, 120000);
        const Answer scheduled =
            m_http->get("/api/v1/backup/backups?trigger=scheduled&status=completed", m_admin);
        QCOMPARE(scheduled.status, 200);
        QVERIFY2(scheduled.data().value("pagination").toObject().value("total").toInteger() <= 2,
                 scheduled.raw.constData());
        // Manual and uploaded backups are never pruned.
        QCOMPARE(m_http->get("/api/v1/backup/backups?trigger=manual", m_admin)
                         .data()
                         .value("pagination")
                         .toObject()
                         .value("total")
                         .toInteger() +
                     m_http->get("/api/v1/backup/backups?trigger=uploaded", m_admin)
                         .data()
                         .value("pagination")
                         .toObject()
                         .value("total")
                         .toInteger(),
                 manual);
        const QStringList files =
            QDir(QDir(m_dir.path()).filePath("backups")).entryList({"*.hmbackup"}, QDir::Files);
        QVERIFY2(files.size() <= manual + 3, qPrintable(files.join(' ')));
        QCOMPARE(m_http->json("PUT", "/api/v1/system/config", {{"backup_schedule", "off"}}, m_admin)
                     .status,
                 200);
    }
};

QTEST_MAIN(TestBackup)
#include "TestBackup.moc"
