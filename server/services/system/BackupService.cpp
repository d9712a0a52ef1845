#include "server/services/system/BackupService.h"

#include "common/FileSync.h"
#include "common/IsoTime.h"
#include "common/Logging.h"
#include "common/ThreadPriority.h"
#include "crypto/ChunkSeal.h"
#include "crypto/Envelope.h"
#include "crypto/Random.h"
#include "crypto/Sha256.h"
#include "hivemind/Version.h"
#include "server/api/AuthCommon.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/services/system/BackupFile.h"
#include "server/services/system/BackupTransfers.h"
#include "server/services/system/LogBuffer.h"
#include "server/services/system/SystemConfig.h"
#include "store/Database.h"
#include "store/DekRepository.h"
#include "store/Migrations.h"
#include "store/Snapshot.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QSaveFile>
#include <QThread>
#include <QTimeZone>
#include <memory>
#include <set>

namespace hm::server {

using repositories::BackupRow;

namespace {

const QString kBackupSuffix = QStringLiteral(".hmbackup");
const QString kRestorePendingDir = QStringLiteral("restore-pending");
const QString kRestorePendingMarker = QStringLiteral("restore.json");
const QString kBackupRestoredNote = QStringLiteral("restored.json");
constexpr qint64 kBackupCheckEveryMs = 60 * 1000;

QString backupIso(qint64 ms)
{
    return formatIsoUtcMs(ms);
}

Error backupNotFound(const QString &id)
{
    return Error{ErrorCode::ResourceNotFound, QStringLiteral("no backup %1").arg(id),
                 QJsonObject{{QStringLiteral("code"), QStringLiteral("backup_not_found")}}};
}

QJsonObject backupRowToSidecar(const BackupService &service, const BackupRow &row)
{
    QJsonObject o = service.json(row);
    o.insert(QStringLiteral("trigger"), row.trigger);
    o.insert(QStringLiteral("created_at_ms"), row.createdAt);
    o.insert(QStringLiteral("completed_at_ms"),
             row.completedAt ? QJsonValue(*row.completedAt) : QJsonValue());
    o.insert(QStringLiteral("snapshot_at_ms"),
             row.snapshotAt ? QJsonValue(*row.snapshotAt) : QJsonValue());
    o.insert(QStringLiteral("created_by"), row.createdBy);
    return o;
}

BackupRow backupSidecarToRow(const QJsonObject &o)
{
    BackupRow row;
    row.id = o.value(QStringLiteral("id")).toString();
    row.name = o.value(QStringLiteral("name")).toString();
    row.description = o.value(QStringLiteral("description")).toString();
    row.trigger = o.value(QStringLiteral("trigger")).toString(QStringLiteral("manual"));
    row.status = QStringLiteral("completed");
    row.progress = 100;
    row.sizeBytes = qint64(o.value(QStringLiteral("size_bytes")).toDouble());
    const QJsonObject meta = o.value(QStringLiteral("metadata")).toObject();
    row.databaseSize = qint64(meta.value(QStringLiteral("database_size")).toDouble());
    row.filesSize = qint64(meta.value(QStringLiteral("files_size")).toDouble());
    row.schemaVersion = meta.value(QStringLiteral("schema_version")).toInt();
    row.checksum = o.value(QStringLiteral("checksum")).toString();
    row.fileName = o.value(QStringLiteral("file_name")).toString();
    row.includesLogs = o.value(QStringLiteral("includes_logs")).toBool();
    row.createdAt = qint64(o.value(QStringLiteral("created_at_ms")).toDouble());
    if (o.value(QStringLiteral("completed_at_ms")).isDouble())
        row.completedAt = qint64(o.value(QStringLiteral("completed_at_ms")).toDouble());
    if (o.value(QStringLiteral("snapshot_at_ms")).isDouble())
        row.snapshotAt = qint64(o.value(QStringLiteral("snapshot_at_ms")).toDouble());
    return row;
}

// Every file under the data-dir entries, as (name in the backup, path).
QList<QPair<QString, QString>> backupDataDirFiles(const QString &dataDir)
{
    QList<QPair<QString, QString>> files;
    const QDir dir(dataDir);
    for (const QString &entry : BackupService::dataDirEntries()) {
        const QString path = dir.filePath(entry);
        const QFileInfo info(path);
        if (info.isFile()) {
            files.append({QStringLiteral("files/") + entry, path});
        } else if (info.isDir()) {
            QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                files.append({QStringLiteral("files/") + dir.relativeFilePath(file), file});
            }
        }
    }
    return files;
}

bool backupRenameIfExists(const QString &from, const QString &to)
{
    if (!QFileInfo::exists(from))
        return true;
    return QDir().rename(from, to);
}

} // namespace

const QStringList &BackupService::dataDirEntries()
{
    // Agent builds administrators uploaded (AgentReleases) and the key that
    // signs their manifests, sealed under the GENERAL DEK (ReleaseSigner).
    static const QStringList entries{QStringLiteral("agent-releases"),
                                     QStringLiteral("agent-release.key")};
    return entries;
}

BackupService::BackupService(store::Database &db, crypto::EnvelopeCipher &envelope,
                             FlowEngineHost &engine, auth::AccountEvents &events, QString dataDir,
                             QString databasePath, crypto::SecureBytes databaseKey,
                             crypto::SecureBytes dekWrappingKey)
    : m_db(db), m_envelope(envelope), m_engine(engine), m_events(events),
      m_dataDir(std::move(dataDir)), m_databasePath(std::move(databasePath)),
      m_databaseKey(std::move(databaseKey)), m_dekWrappingKey(std::move(dekWrappingKey))
{
    connect(&m_schedule, &QTimer::timeout, this, &BackupService::runScheduleCheck);
    m_transfers = std::make_unique<BackupTransfers>(*this);
}

BackupService::~BackupService()
{
    m_schedule.stop();
    m_transfers.reset(); // waits for its file work
    for (QThread *worker : std::as_const(m_workers)) {
        worker->wait();
        delete worker;
    }
}

void BackupService::track(QThread *worker)
{
    m_workers.append(worker);
    connect(worker, &QThread::finished, this, [this, worker] {
        m_workers.removeOne(worker);
        worker->deleteLater();
    });
}

QString BackupService::backupsDir() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("backups"));
}

QString BackupService::filePath(const QString &id) const
{
    return QDir(backupsDir()).filePath(id + kBackupSuffix);
}

void BackupService::publish(const QString &type, const QJsonObject &data, bool transient)
{
    auth::AccountEvent event;
    event.type = type;
    event.data = data;
    event.toAdmins = true;
    event.transient = transient;
    m_events.publish(event);
}

QJsonObject BackupService::json(const BackupRow &row) const
{
    const QString compression = m_formats.compression(row.id, filePath(row.id));
    return QJsonObject{
        {QStringLiteral("id"), row.id},
        {QStringLiteral("name"), row.name},
        {QStringLiteral("description"), row.description},
        {QStringLiteral("type"), row.type},
        {QStringLiteral("trigger"), row.trigger},
        {QStringLiteral("status"), row.status},
        {QStringLiteral("progress"), row.progress},
        {QStringLiteral("created_at"), backupIso(row.createdAt)},
        {QStringLiteral("completed_at"),
         row.completedAt ? QJsonValue(backupIso(*row.completedAt)) : QJsonValue()},
        {QStringLiteral("snapshot_at"),
         row.snapshotAt ? QJsonValue(backupIso(*row.snapshotAt)) : QJsonValue()},
        {QStringLiteral("size_bytes"), row.sizeBytes},
        {QStringLiteral("file_name"), row.fileName},
        {QStringLiteral("checksum"), row.checksum},
        {QStringLiteral("checksum_algorithm"), QStringLiteral("sha256")},
        {QStringLiteral("compression"),
         compression.isEmpty() ? QJsonValue() : QJsonValue(compression)},
        {QStringLiteral("encryption"), true},
        {QStringLiteral("includes_logs"), row.includesLogs},
        {QStringLiteral("created_by"), row.createdBy.isEmpty() ? QJsonValue() : QJsonValue(row.createdBy)},
        {QStringLiteral("error"), row.error.isEmpty() ? QJsonValue() : QJsonValue(row.error)},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("database_size"), row.databaseSize},
                     {QStringLiteral("files_size"), row.filesSize},
                     {QStringLiteral("schema_version"), row.schemaVersion}}}};
}

void BackupService::writeSidecar(const BackupRow &row) const
{
    QSaveFile file(QDir(backupsDir()).filePath(row.id + QStringLiteral(".json")));
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write(QJsonDocument(backupRowToSidecar(*this, row)).toJson());
    file.commit();
}

Result<QString> BackupService::newId()
{
    const QString base = QStringLiteral("backup_") +
                         QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd_HHmmss"));
    for (int n = 0; n < 1000; ++n) {
        const QString id = n == 0 ? base : QStringLiteral("%1_%2").arg(base).arg(n + 1);
        auto taken = repositories::backupExists(m_db, id);
        if (!taken)
            return taken.error();
        if (!taken.value() && !QFileInfo::exists(filePath(id)))
            return id;
    }
    return Error{ErrorCode::Conflict, QStringLiteral("too many backups in one second")};
}

// ---- create ----

Result<BackupRow> BackupService::create(const QString &userId, const auth::ClientInfo &client,
                                        const CreateRequest &request, const QString &trigger)
{
    if (!m_running.isEmpty())
        return Error{ErrorCode::Conflict,
                     QStringLiteral("backup %1 is still being made").arg(m_running),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("backup_running")},
                                 {QStringLiteral("backup_id"), m_running}}};
    if (!QDir().mkpath(backupsDir()))
        return Error{ErrorCode::IoError, QStringLiteral("cannot create %1").arg(backupsDir())};
    QFile::setPermissions(backupsDir(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner);
    auto id = newId();
    if (!id)
        return id.error();
    BackupRow row;
    row.id = id.value();
    row.name = request.name.isEmpty() ? row.id : request.name;
    row.description = request.description;
    row.trigger = trigger;
    row.status = QStringLiteral("running");
    row.fileName = row.id + kBackupSuffix;
    row.includesLogs = request.includeLogs;
    row.createdBy = userId;
    row.createdAt = auth::nowMs();
    auto version = store::schemaVersion(m_db);
    if (!version)
        return version.error();
    row.schemaVersion = version.value();

    // The file key, sealed under the BACKUP DEK; the DEK's record goes into
    // the header so the master key alone opens the file anywhere.
    crypto::SecureBytes fileKey = crypto::chunks::newKey();
    auto sealedKey = m_envelope.encrypt(fileKey.view(), crypto::DekPurpose::Backup, row.id.toUtf8());
    if (!sealedKey)
        return sealedKey.error();
    store::DekRepository deks(m_db);
    auto records = deks.loadAll();
    if (!records)
        return records.error();
    const int dekVersion = m_envelope.activeVersion(crypto::DekPurpose::Backup);
    QJsonObject dek;
    for (const crypto::DekRecord &r : records.value()) {
        if (r.purpose == crypto::purposeName(crypto::DekPurpose::Backup) && r.version == dekVersion)
            dek = QJsonObject{{QStringLiteral("id"), r.id},
                              {QStringLiteral("version"), r.version},
                              {QStringLiteral("purpose"), r.purpose},
                              {QStringLiteral("encrypted_key"), QString::fromLatin1(r.encryptedKey.toBase64())},
                              {QStringLiteral("nonce"), QString::fromLatin1(r.nonce.toBase64())},
                              {QStringLiteral("created_at"), r.createdAtMs}};
    }
    if (dek.isEmpty())
        return Error{ErrorCode::InternalError, QStringLiteral("the BACKUP data key is missing")};

    // The snapshot point: every write answered so far is in the database
    // (the engine's write-behind journal flushed), then a read transaction
    // on a connection of our own fixes what the copy holds. Requests
    // answered after this instant are handled after it on this thread.
    auto connection = store::Database::open(m_databasePath, m_databaseKey,
                                            store::OpenOptions{.createIfMissing = false});
    if (!connection)
        return connection.error();
    const QString plainPath = QDir(backupsDir()).filePath(row.id + QStringLiteral(".snapshot"));
    QFile::remove(plainPath);
    m_engine.flushJournal();
    if (Status begun = store::snapshot::begin(*connection.value(), plainPath); !begun) {
        QFile::remove(plainPath);
        return begun.error();
    }
    row.snapshotAt = auth::nowMs();
    if (Status inserted = repositories::insertBackup(m_db, row); !inserted) {
        store::snapshot::abandon(*connection.value());
        QFile::remove(plainPath);
        return inserted.error();
    }
    m_running = row.id;

    QByteArray logs;
    if (request.includeLogs) {
        const QList<BufferedLog> records = LogBuffer::instance().select({});
        for (qsizetype i = records.size() - 1; i >= 0; --i) {
            const logging::LogRecord &r = records.at(i).record;
            logs += QJsonDocument(QJsonObject{{QStringLiteral("time"), r.time.toUTC().toString(Qt::ISODateWithMs)},
                                              {QStringLiteral("level"), levelName(r.type)},
                                              {QStringLiteral("module"), r.category},
                                              {QStringLiteral("message"), r.message}})
                        .toJson(QJsonDocument::Compact);
            logs += '\n';
        }
    }
    const QJsonObject header{
        {QStringLiteral("id"), row.id},
        {QStringLiteral("name"), row.name},
        {QStringLiteral("created_at"), backupIso(row.createdAt)},
        {QStringLiteral("snapshot_at"), backupIso(*row.snapshotAt)},
        {QStringLiteral("server_version"), QString::fromLatin1(version::kVersion)},
        {QStringLiteral("schema_version"), row.schemaVersion},
        {QStringLiteral("chunk_size"), backup::kChunkBytes},
        {QStringLiteral("cipher"), QStringLiteral("XChaCha20-Poly1305")},
        {QStringLiteral("includes_logs"), row.includesLogs},
        {QStringLiteral("dek"), dek},
        {QStringLiteral("file_key"), sealedKey.value()}};

    struct Outcome
    {
        Status status;
        qint64 size = 0;
        qint64 databaseSize = 0;
        qint64 filesSize = 0;
        QString checksum;
    };
    auto outcome = std::make_shared<Outcome>();
    auto db = std::make_shared<std::unique_ptr<store::Database>>(std::move(connection.value()));
    auto key = std::make_shared<crypto::SecureBytes>(std::move(fileKey));
    const QString path = filePath(row.id);
    const QString dataDir = m_dataDir;
    QPointer<BackupService> self(this);
    const QString backupId = row.id;
    auto report = [self, backupId](int percent, const QString &phase) {
        QMetaObject::invokeMethod(self.data(), [self, backupId, percent, phase] {
            if (self)
                self->publish(QStringLiteral("backup_progress"),
                              {{QStringLiteral("backup_id"), backupId},
                               {QStringLiteral("progress"), percent},
                               {QStringLiteral("phase"), phase}},
                              true);
        });
    };
    QThread *worker = QThread::create([=] {
        report(0, QStringLiteral("snapshot"));
        QElapsedTimer phase;
        phase.start();
        Status written = store::snapshot::write(**db);
        const qint64 snapshotMs = phase.restart();
        // The snapshot held a read transaction (checkpoints wait for it), so
        // it ran at normal priority; the rest only costs time and gives way
        // to the request thread so that requests keep their latency while a
        // backup runs. Not SCHED_IDLE (QThread::IdlePriority): under steady
        // requests on a busy machine it starved the backup for minutes.
        // 10 steps: about a tenth of the request thread's CPU share when
        // both want it, never none.
        lowerCurrentThreadPriority(10);
        db->reset(); // ends the read transaction's connection
        if (!written) {
            QFile::remove(plainPath);
            outcome->status = written;
            return;
        }
        outcome->databaseSize = QFileInfo(plainPath).size();
        const auto files = backupDataDirFiles(dataDir);
        for (const auto &file : files)
            outcome->filesSize += QFileInfo(file.second).size();
        const qint64 total = qMax<qint64>(1, outcome->databaseSize + outcome->filesSize);
        report(10, QStringLiteral("compress"));
        auto writer = backup::Writer::create(path, header, crypto::SecureBytes::fromRaw(key->view()));
        if (!writer) {
            QFile::remove(plainPath);
            outcome->status = writer.error();
            return;
        }
        int lastPercent = 10;
        qint64 base = 0;
        const auto progress = [&](qint64 done, qint64) {
            const int percent = int(10 + 89 * (base + done) / total);
            if (percent > lastPercent) {
                lastPercent = percent;
                report(percent, QStringLiteral("compress"));
            }
        };
        Status status = writer.value()->addFile(backup::kDatabaseEntry, plainPath, progress);
        QFile::remove(plainPath);
        base += outcome->databaseSize;
        for (const auto &file : files) {
            if (!status)
                break;
            status = writer.value()->addFile(file.first, file.second, progress);
            base += QFileInfo(file.second).size();
        }
        if (status && !logs.isEmpty())
            status = writer.value()->addBytes(QStringLiteral("logs/recent.jsonl"), logs);
        if (status) {
            auto checksum = writer.value()->finish();
            if (checksum) {
                outcome->checksum = checksum.value();
                outcome->size = QFileInfo(path).size();
            } else {
                status = checksum.error();
            }
        }
        outcome->status = status;
        // Where a backup's time went, for operators sizing their window.
        qCInfo(lcServer).noquote() << "backup" << backupId << "snapshot" << snapshotMs
                                   << "ms, compress and seal" << phase.elapsed() << "ms for"
                                   << outcome->databaseSize + outcome->filesSize << "bytes";
    });
    track(worker);
    connect(worker, &QThread::finished, this, [this, row, outcome, client] {
        BackupRow done = row;
        done.databaseSize = outcome->databaseSize;
        done.filesSize = outcome->filesSize;
        finishCreate(done, outcome->status, outcome->size, outcome->checksum, client);
    });
    worker->start();
    return row;
}

void BackupService::finishCreate(BackupRow row, Status outcome, qint64 size, QString checksum,
                                 const auth::ClientInfo &client)
{
    m_running.clear();
    row.completedAt = auth::nowMs();
    if (outcome) {
        row.status = QStringLiteral("completed");
        row.progress = 100;
        row.sizeBytes = size;
        row.checksum = checksum;
    } else {
        row.status = QStringLiteral("failed");
        row.error = outcome.error().message;
        QFile::remove(filePath(row.id));
        qCWarning(lcServer).noquote() << "backup" << row.id << "failed:" << row.error;
    }
    if (Status updated = repositories::updateBackup(m_db, row); !updated)
        qCWarning(lcServer).noquote() << "backup" << row.id << updated.error().message;
    if (outcome) {
        writeSidecar(row);
        auth::audit(m_db, QStringLiteral("BACKUP_CREATED"), row.createdBy, QStringLiteral("backup"),
                    row.id, client.ip, client.userAgent,
                    {{QStringLiteral("name"), row.name},
                     {QStringLiteral("trigger"), row.trigger},
                     {QStringLiteral("size_bytes"), row.sizeBytes},
                     {QStringLiteral("checksum"), row.checksum}});
        publish(QStringLiteral("backup_completed"), json(row));
        if (row.trigger == QLatin1String("scheduled")) {
            if (Status pruned = prune(); !pruned)
                qCWarning(lcServer).noquote() << "backup retention:" << pruned.error().message;
        }
    } else {
        publish(QStringLiteral("backup_failed"), json(row));
    }
}

// ---- list, get, delete ----

Result<store::Page<BackupRow>> BackupService::list(const repositories::BackupFilter &filter)
{
    return repositories::listBackups(m_db, filter);
}

Result<BackupRow> BackupService::get(const QString &id)
{
    auto row = repositories::backup(m_db, id);
    if (!row)
        return row.error();
    if (!row.value())
        return backupNotFound(id);
    return *row.value();
}

Status BackupService::removeFiles(const QString &id)
{
    const QString path = filePath(id);
    if (QFileInfo::exists(path) && !QFile::remove(path))
        return Error{ErrorCode::IoError, QStringLiteral("cannot remove %1").arg(path)};
    m_formats.forget(id);
    QFile::remove(QDir(backupsDir()).filePath(id + QStringLiteral(".json")));
    return {};
}

Status BackupService::remove(const QString &userId, const auth::ClientInfo &client,
                             const QString &id)
{
    auto row = get(id);
    if (!row)
        return row.error();
    if (m_running == id)
        return Error{ErrorCode::Conflict, QStringLiteral("backup %1 is still being made").arg(id),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("backup_running")}}};
    if (Status removed = removeFiles(id); !removed)
        return removed;
    if (Status deleted = repositories::deleteBackup(m_db, id); !deleted)
        return deleted;
    auth::audit(m_db, QStringLiteral("BACKUP_DELETED"), userId, QStringLiteral("backup"), id,
                client.ip, client.userAgent, {{QStringLiteral("name"), row.value().name}});
    publish(QStringLiteral("backup_deleted"), {{QStringLiteral("id"), id}});
    return {};
}

// ---- download, upload ----

void BackupService::upload(const QString &userId, const auth::ClientInfo &client, QByteArray file,
                           QObject *context, RowDone done)
{
    if (!QDir().mkpath(backupsDir())) {
        QTimer::singleShot(0, context, [done, dir = backupsDir()] {
            done(Error{ErrorCode::IoError, QStringLiteral("cannot create %1").arg(dir)});
        });
        return;
    }
    struct Written
    {
        Status status;
        QString checksum;
        qint64 size = 0;
    };
    auto written = std::make_shared<Written>();
    const QString temporary =
        QDir(backupsDir()).filePath(QStringLiteral("upload-%1.tmp").arg(crypto::uuid()));
    QThread *worker = QThread::create([written, temporary, file = std::move(file)] {
        QFile out(temporary);
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
            !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            out.write(file) != file.size()) {
            written->status =
                Error{ErrorCode::IoError, QStringLiteral("cannot write %1").arg(temporary)};
            return;
        }
        written->checksum = QString::fromLatin1(crypto::Sha256::hash(file).toHex());
        written->size = file.size();
    });
    track(worker);
    connect(worker, &QThread::finished, context,
            [this, written, temporary, done, userId, client, context] {
                if (!written->status) {
                    QFile::remove(temporary);
                    return done(written->status.error());
                }
                adopt(userId, client, temporary, written->checksum, written->size, context, done);
            });
    worker->start();
}

void BackupService::adopt(const QString &userId, const auth::ClientInfo &client,
                          const QString &temporaryPath, const QString &checksum, qint64 size,
                          QObject *context, RowDone done)
{
    struct Checked
    {
        Status status;
        QJsonObject header;
    };
    auto checked = std::make_shared<Checked>();
    const QString temporary = temporaryPath;
    auto wrapping = std::make_shared<crypto::SecureBytes>(crypto::SecureBytes::fromRaw(m_dekWrappingKey.view()));
    QThread *worker = QThread::create([checked, temporary, wrapping] {
        QFile in(temporary);
        if (!in.open(QIODevice::ReadOnly)) {
            checked->status =
                Error{ErrorCode::IoError, QStringLiteral("cannot read %1").arg(temporary)};
            return;
        }
        // On disk before the answer calls it a stored backup (opened for
        // writing: Windows syncs only handles that may write).
        QFile data(temporary);
        if (!data.open(QIODevice::ReadWrite)) {
            checked->status =
                Error{ErrorCode::IoError, QStringLiteral("cannot open %1 to sync it").arg(temporary)};
            return;
        }
        if (Status synced = filesync::syncFile(data); !synced) {
            checked->status = synced;
            return;
        }
        data.close();
        auto opened = backup::readHeader(in);
        if (!opened) {
            checked->status = opened.error();
            return;
        }
        checked->header = opened.value().header;
        in.close();
        // Every chunk authenticates and the payload ends where it should.
        if (Status valid = backup::extract(temporary, *wrapping, {}); !valid)
            checked->status = valid;
    });
    track(worker);
    connect(worker, &QThread::finished, context,
            [this, checked, temporary, done, userId, client, checksum, size] {
                if (!checked->status) {
                    QFile::remove(temporary);
                    return done(checked->status.error());
                }
                const QJsonObject &h = checked->header;
                BackupRow row;
                QString id = h.value(QStringLiteral("id")).toString();
                static const QRegularExpression idPattern(QStringLiteral("^backup_[0-9_]{15,24}$"));
                auto taken = repositories::backupExists(m_db, id);
                if (!idPattern.match(id).hasMatch() || !taken || taken.value() ||
                    QFileInfo::exists(filePath(id))) {
                    auto fresh = newId();
                    if (!fresh) {
                        QFile::remove(temporary);
                        return done(fresh.error());
                    }
                    id = fresh.value();
                }
                row.id = id;
                row.name = h.value(QStringLiteral("name")).toString(id);
                row.trigger = QStringLiteral("uploaded");
                row.status = QStringLiteral("completed");
                row.progress = 100;
                row.sizeBytes = size;
                row.checksum = checksum;
                row.fileName = id + kBackupSuffix;
                row.includesLogs = h.value(QStringLiteral("includes_logs")).toBool();
                row.schemaVersion = h.value(QStringLiteral("schema_version")).toInt();
                row.createdBy = userId;
                row.createdAt = auth::nowMs();
                row.completedAt = row.createdAt;
                const QDateTime snapshot = QDateTime::fromString(
                    h.value(QStringLiteral("snapshot_at")).toString(), Qt::ISODateWithMs);
                if (snapshot.isValid())
                    row.snapshotAt = snapshot.toMSecsSinceEpoch();
                if (!QDir().rename(temporary, filePath(id))) {
                    QFile::remove(temporary);
                    return done(Error{ErrorCode::IoError, QStringLiteral("cannot store the backup")});
                }
                // The new name too (the file's data was synced by the worker).
                if (Status synced = filesync::syncDirectory(backupsDir()); !synced) {
                    QFile::remove(filePath(id));
                    return done(synced.error());
                }
                if (Status inserted = repositories::insertBackup(m_db, row); !inserted) {
                    QFile::remove(filePath(id));
                    return done(inserted.error());
                }
                writeSidecar(row);
                auth::audit(m_db, QStringLiteral("BACKUP_UPLOADED"), userId,
                            QStringLiteral("backup"), id, client.ip, client.userAgent,
                            {{QStringLiteral("name"), row.name},
                             {QStringLiteral("size_bytes"), row.sizeBytes},
                             {QStringLiteral("checksum"), row.checksum}});
                publish(QStringLiteral("backup_completed"), json(row));
                done(row);
            });
    worker->start();
}

// ---- restore ----

void BackupService::restore(const QString &userId, const auth::ClientInfo &client,
                            const QString &id, QObject *context, JsonDone done)
{
    auto row = get(id);
    if (row && row.value().status != QLatin1String("completed"))
        row = Error{ErrorCode::Conflict, QStringLiteral("backup %1 is not complete").arg(id),
                    QJsonObject{{QStringLiteral("code"), QStringLiteral("backup_not_complete")}}};
    if (row && m_restoring)
        row = Error{ErrorCode::Conflict, QStringLiteral("another restore is being prepared"),
                    QJsonObject{{QStringLiteral("code"), QStringLiteral("restore_running")}}};
    if (!row) {
        QTimer::singleShot(0, context, [done, error = row.error()] { done(error); });
        return;
    }
    m_restoring = true;
    const QString pending = QDir(m_dataDir).filePath(kRestorePendingDir);
    const QString path = filePath(id);
    const QString checksum = row.value().checksum;
    auto wrapping = std::make_shared<crypto::SecureBytes>(crypto::SecureBytes::fromRaw(m_dekWrappingKey.view()));
    auto dbKey = std::make_shared<crypto::SecureBytes>(crypto::SecureBytes::fromRaw(m_databaseKey.view()));
    auto result = std::make_shared<Status>();
    auto schema = std::make_shared<int>(0);
    const QJsonObject marker{{QStringLiteral("backup_id"), id},
                             {QStringLiteral("requested_by"), userId},
                             {QStringLiteral("ip"), client.ip},
                             {QStringLiteral("user_agent"), client.userAgent},
                             {QStringLiteral("requested_at"), backupIso(auth::nowMs())}};
    QThread *worker = QThread::create([=] {
        QElapsedTimer phase;
        phase.start();
        qint64 checkMs = 0, extractMs = 0, importMs = 0;
        // The recorded checksum first: a changed file is refused before
        // anything is decrypted.
        auto actual = backup::sha256File(path);
        checkMs = phase.restart();
        if (!actual) {
            *result = actual.error();
            return;
        }
        if (actual.value() != checksum) {
            *result = backup::refusal(QStringLiteral("backup_checksum_mismatch"),
                                      QStringLiteral("the backup file does not match its recorded "
                                                     "SHA-256: it was changed or damaged"));
            return;
        }
        QDir(pending).removeRecursively();
        const QString unpacked = QDir(pending).filePath(QStringLiteral("unpacked"));
        if (Status extracted = backup::extract(path, *wrapping, unpacked); !extracted) {
            QDir(pending).removeRecursively();
            *result = extracted;
            return;
        }
        extractMs = phase.restart();
        // The staging copy: the plain snapshot re-encrypted with this
        // server's database key, opened and migrated like the live one.
        const QString staged = QDir(pending).filePath(QStringLiteral("hivemind.db"));
        Status staging = [&]() -> Status {
            const QString plain = QDir(unpacked).filePath(backup::kDatabaseEntry);
            if (!QFileInfo::exists(plain))
                return backup::refusal(QStringLiteral("backup_tampered"),
                                       QStringLiteral("the backup holds no database"));
            auto target = store::Database::open(staged, *dbKey);
            if (!target)
                return target.error();
            if (Status imported = store::snapshot::importPlain(*target.value(), plain); !imported)
                return imported;
            importMs = phase.restart();
            QFile::remove(plain);
            if (Status migrated = store::migrate(*target.value()); !migrated)
                return backup::refusal(QStringLiteral("backup_does_not_migrate"),
                                       QStringLiteral("the backup's database cannot be brought "
                                                      "to this server's schema: %1")
                                           .arg(migrated.error().message));
            // The migration's commits into the file, synced, before the
            // marker can make a start swap it in.
            if (Status synced = store::snapshot::checkpointIntoFile(*target.value()); !synced)
                return synced;
            auto version = store::schemaVersion(*target.value());
            *schema = version.valueOr(0);
            return target.value()->checkHealth();
        }();
        if (!staging) {
            QDir(pending).removeRecursively();
            *result = staging;
            return;
        }
        qCInfo(lcServer).noquote() << "restore of" << id << "staged: checksum" << checkMs
                                   << "ms, decrypt and unpack" << extractMs << "ms, import"
                                   << importMs << "ms, migrate" << phase.elapsed() << "ms";
        // Last: the marker that makes the next start swap it in.
        QSaveFile note(QDir(pending).filePath(kRestorePendingMarker));
        if (!note.open(QIODevice::WriteOnly) ||
            note.write(QJsonDocument(marker).toJson()) < 0 || !note.commit()) {
            QDir(pending).removeRecursively();
            *result = Error{ErrorCode::IoError, QStringLiteral("cannot write the restore marker")};
        }
    });
    track(worker);
    connect(worker, &QThread::finished, context,
            [this, result, schema, done, userId, client, id, row = row.value()] {
                m_restoring = false;
                if (!*result)
                    return done(result->error());
                auth::audit(m_db, QStringLiteral("BACKUP_RESTORE_SCHEDULED"), userId,
                            QStringLiteral("backup"), id, client.ip, client.userAgent,
                            {{QStringLiteral("name"), row.name}});
                QStringList replaced{QStringLiteral("database")};
                for (const QString &entry : dataDirEntries())
                    replaced << entry;
                done(QJsonObject{
                    {QStringLiteral("backup_id"), id},
                    {QStringLiteral("status"), QStringLiteral("pending_restart")},
                    {QStringLiteral("restart_required"), true},
                    {QStringLiteral("snapshot_at"),
                     row.snapshotAt ? QJsonValue(backupIso(*row.snapshotAt)) : QJsonValue()},
                    {QStringLiteral("schema_version"), *schema},
                    {QStringLiteral("replaces"), QJsonArray::fromStringList(replaced)},
                    {QStringLiteral("message"),
                     QStringLiteral("The backup was verified and staged. Restart the server to "
                                    "replace the current database (kept as "
                                    "hivemind.db.before-restore-<time>) and data files with it; "
                                    "everything written after %1 will be gone.")
                         .arg(row.snapshotAt ? backupIso(*row.snapshotAt) : backupIso(row.createdAt))}});
            });
    worker->start();
}

Status BackupService::applyPendingRestore(const QString &dataDir, const QString &databasePath)
{
    const QDir data(dataDir);
    const QString pending = data.filePath(kRestorePendingDir);
    const QString markerPath = QDir(pending).filePath(kRestorePendingMarker);
    if (!QFileInfo::exists(markerPath))
        return {};
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
    const QString keep = databasePath + QStringLiteral(".before-restore-") + stamp;
    const QString staged = QDir(pending).filePath(QStringLiteral("hivemind.db"));
    const auto failed = [](const QString &what) {
        return Error{ErrorCode::IoError,
                     QStringLiteral("applying the staged restore: cannot %1").arg(what)};
    };
    // Each step is a rename; a start after a crash half-way picks up where
    // it stopped (a staged database still there means the swap is to do).
    if (QFileInfo::exists(staged)) {
        for (const QString &suffix :
             {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".keycheck")}) {
            if (!backupRenameIfExists(databasePath + suffix, keep + suffix))
                return failed(QStringLiteral("keep %1").arg(QString(databasePath + suffix)));
        }
        if (!backupRenameIfExists(staged + QStringLiteral(".keycheck"), databasePath + QStringLiteral(".keycheck")))
            return failed(QStringLiteral("move the key check"));
        if (!QDir().rename(staged, databasePath))
            return failed(QStringLiteral("move %1 in").arg(staged));
        QFile::remove(staged + QStringLiteral("-wal"));
        QFile::remove(staged + QStringLiteral("-shm"));
    }
    const QString unpackedFiles = QDir(pending).filePath(QStringLiteral("unpacked/files"));
    for (const QString &entry : dataDirEntries()) {
        const QString from = QDir(unpackedFiles).filePath(entry);
        if (!QFileInfo::exists(from))
            continue;
        const QString to = data.filePath(entry);
        if (!backupRenameIfExists(to, to + QStringLiteral(".before-restore-") + stamp) ||
            !QDir().rename(from, to))
            return failed(QStringLiteral("move %1 in").arg(entry));
    }
    QDir().mkpath(data.filePath(QStringLiteral("backups")));
    const QString note = data.filePath(QStringLiteral("backups/") + kBackupRestoredNote);
    QFile::remove(note);
    if (!QFile::rename(markerPath, note))
        return failed(QStringLiteral("move the restore marker"));
    QDir(pending).removeRecursively();
    qCInfo(lcServer).noquote() << "restored a backup; the previous database is" << keep;
    return {};
}

// ---- start, reconcile, schedule, retention ----

void BackupService::reconcile()
{
    // Rows for the backup files a restored (older) database does not know,
    // or knew only while they were being made.
    QDir dir(backupsDir());
    const QStringList sidecars = dir.entryList({QStringLiteral("backup_*.json")}, QDir::Files);
    for (const QString &name : sidecars) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const BackupRow fromFile = backupSidecarToRow(QJsonDocument::fromJson(file.readAll()).object());
        if (fromFile.id.isEmpty() || !QFileInfo::exists(filePath(fromFile.id)))
            continue;
        auto existing = repositories::backup(m_db, fromFile.id);
        if (!existing)
            continue;
        if (!existing.value()) {
            BackupRow row = fromFile;
            auto known = repositories::backupUserExists(m_db, row.createdBy);
            if (!known || !known.value())
                row.createdBy.clear(); // the user may not exist in this database
            (void)repositories::insertBackup(m_db, row);
        } else if (existing.value()->status != QLatin1String("completed")) {
            (void)repositories::updateBackup(m_db, fromFile);
        }
    }
    (void)repositories::failRunningBackups(
        m_db, QStringLiteral("the server stopped while the backup was being made"));
    // Snapshot files of such backups.
    for (const QString &name : dir.entryList({QStringLiteral("*.snapshot"), QStringLiteral("upload-*.tmp")}, QDir::Files))
        QFile::remove(dir.filePath(name));
}

void BackupService::start()
{
    reconcile();
    const QString notePath = QDir(backupsDir()).filePath(kBackupRestoredNote);
    QFile note(notePath);
    if (note.open(QIODevice::ReadOnly)) {
        const QJsonObject marker = QJsonDocument::fromJson(note.readAll()).object();
        note.close();
        const QString userId = marker.value(QStringLiteral("requested_by")).toString();
        // The user who asked may not exist in the restored database.
        auto known = repositories::backupUserExists(m_db, userId);
        auth::audit(m_db, QStringLiteral("BACKUP_RESTORED"),
                    known && known.value() ? userId : QString(), QStringLiteral("backup"),
                    marker.value(QStringLiteral("backup_id")).toString(),
                    marker.value(QStringLiteral("ip")).toString(),
                    marker.value(QStringLiteral("user_agent")).toString(),
                    {{QStringLiteral("requested_at"), marker.value(QStringLiteral("requested_at"))}});
        QFile::remove(notePath);
    }
    const int interval = qEnvironmentVariableIntValue("HIVEMIND_BACKUP_INTERVAL_SECONDS");
    m_schedule.start(interval > 0 ? qMin<qint64>(kBackupCheckEveryMs, interval * 1000 / 2 + 1)
                                  : kBackupCheckEveryMs);
}

void BackupService::runScheduleCheck()
{
    if (!m_running.isEmpty())
        return;
    const QJsonObject config = system_config::load(m_db);
    const QString schedule = config.value(QStringLiteral("backup_schedule")).toString();
    if (schedule != QLatin1String("daily") && schedule != QLatin1String("weekly"))
        return;
    repositories::BackupFilter filter;
    filter.trigger = QStringLiteral("scheduled");
    filter.limit = 1;
    auto last = repositories::listBackups(m_db, filter);
    if (!last)
        return;
    const qint64 lastAt = last.value().items.isEmpty() ? 0 : last.value().items.constFirst().createdAt;
    const qint64 now = auth::nowMs();
    bool due = false;
    // For tests and benchmarks: every N seconds instead of the calendar.
    const int interval = qEnvironmentVariableIntValue("HIVEMIND_BACKUP_INTERVAL_SECONDS");
    if (interval > 0) {
        due = now - lastAt >= qint64(interval) * 1000;
    } else {
        QTimeZone zone(config.value(QStringLiteral("timezone")).toString().toLatin1());
        if (!zone.isValid())
            zone = QTimeZone::utc();
        const QDateTime local = QDateTime::currentDateTimeUtc().toTimeZone(zone);
        QDate day = local.date();
        if (schedule == QLatin1String("weekly")) {
            const int weekday = config.value(QStringLiteral("backup_weekday")).toInt(7);
            day = day.addDays(-((day.dayOfWeek() - weekday + 7) % 7));
        }
        QDateTime slot(day, QTime(config.value(QStringLiteral("backup_hour")).toInt(3), 0), zone);
        if (slot > local)
            slot = slot.addDays(schedule == QLatin1String("weekly") ? -7 : -1);
        due = lastAt < slot.toMSecsSinceEpoch();
    }
    if (!due)
        return;
    CreateRequest request;
    request.name = schedule == QLatin1String("weekly") ? QStringLiteral("Weekly backup")
                                                        : QStringLiteral("Daily backup");
    auto created = create({}, {}, request, QStringLiteral("scheduled"));
    if (!created)
        qCWarning(lcServer).noquote() << "scheduled backup:" << created.error().message;
}

Status BackupService::prune()
{
    const QJsonObject config = system_config::load(m_db);
    const int daily = config.value(QStringLiteral("backup_retention_daily")).toInt(7);
    const int weekly = config.value(QStringLiteral("backup_retention_weekly")).toInt(4);
    auto rows = repositories::backupsOf(m_db, QStringLiteral("scheduled"),
                                        QStringLiteral("completed"));
    if (!rows)
        return rows.error();
    // The newest `daily` backups, and the newest backup of each of the
    // newest `weekly` ISO weeks.
    std::set<QString> keep;
    std::set<int> weeks;
    for (qsizetype i = 0; i < rows.value().size(); ++i) {
        const BackupRow &row = rows.value().at(i);
        if (i < daily)
            keep.insert(row.id);
        int year = 0;
        const int week = QDateTime::fromMSecsSinceEpoch(row.createdAt, QTimeZone::utc()).date().weekNumber(&year);
        const int key = year * 100 + week;
        if (int(weeks.size()) < weekly && !weeks.count(key)) {
            weeks.insert(key);
            keep.insert(row.id);
        }
    }
    for (const BackupRow &row : rows.value()) {
        if (keep.count(row.id))
            continue;
        if (Status removed = removeFiles(row.id); !removed)
            return removed;
        if (Status deleted = repositories::deleteBackup(m_db, row.id); !deleted)
            return deleted;
        auth::audit(m_db, QStringLiteral("BACKUP_DELETED"), {}, QStringLiteral("backup"), row.id,
                    {}, {}, {{QStringLiteral("reason"), QStringLiteral("retention")}});
        publish(QStringLiteral("backup_deleted"), {{QStringLiteral("id"), row.id}});
    }
    return {};
}

// ---- recovery information ----

QJsonObject BackupService::recoveryInfo()
{
    QJsonArray deks;
    store::DekRepository repository(m_db);
    if (auto records = repository.loadAll()) {
        for (const crypto::DekRecord &r : records.value())
            deks.append(QJsonObject{{QStringLiteral("id"), r.id},
                                    {QStringLiteral("purpose"), r.purpose},
                                    {QStringLiteral("version"), r.version},
                                    {QStringLiteral("status"), crypto::statusName(r.status)},
                                    {QStringLiteral("created_at"), backupIso(r.createdAtMs)}});
    }
    auto version = store::schemaVersion(m_db);
    return QJsonObject{
        {QStringLiteral("server_version"), QString::fromLatin1(version::kVersion)},
        {QStringLiteral("schema_version"), version.valueOr(0)},
        {QStringLiteral("backup_format_version"), int(backup::kFormatVersion)},
        {QStringLiteral("database_file"), QStringLiteral("hivemind.db")},
        {QStringLiteral("database_cipher"),
         QStringLiteral("SQLCipher 3, raw 32-byte key, cipher_page_size 4096")},
        {QStringLiteral("key_derivation"),
         QStringLiteral("libsodium crypto_kdf_derive_from_key, context \"HiveMind\": subkey 1 "
                        "= database key, subkey 2 = data-key wrapping, subkey 3 = token signing")},
        {QStringLiteral("backup_cipher"),
         QStringLiteral("XChaCha20-Poly1305 chunks under a per-backup file key sealed with the "
                        "BACKUP data key, which is wrapped with subkey 2 of the master key")},
        {QStringLiteral("data_keys"), deks},
        {QStringLiteral("data_dir_entries"), QJsonArray::fromStringList(dataDirEntries())},
        {QStringLiteral("master_key_required"), true},
        {QStringLiteral("instructions"),
         QJsonArray{
             QStringLiteral("A backup is useless without the master key: keep the master key "
                            "(HIVEMIND_MASTER_KEY, --master-key-file or <data dir>/master.key) "
                            "somewhere other than the backups."),
             QStringLiteral("On the new machine install the same or a newer HiveMind server."),
             QStringLiteral("Start it once with the SAME master key and an empty data directory, "
                            "sign in as the administrator it creates."),
             QStringLiteral("Upload the backup file (POST /api/v1/backup/backups/upload), then "
                            "restore it (POST /api/v1/backup/backups/{id}/restore)."),
             QStringLiteral("Restart the server: the staged database replaces the empty one; "
                            "sign in with the accounts of the backup.")}}};
}

} // namespace hm::server
