#include "server/services/system/BackupTransfers.h"

#include "common/FileSync.h"
#include "crypto/Random.h"
#include "crypto/Sha256.h"
#include "server/api/AuthCommon.h"
#include "server/http/HttpStream.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/system/BackupService.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QPointer>
#include <QRegularExpression>

namespace hm::server {

namespace {

// What one read hands to the socket: big enough to keep a fast client
// busy, small beside HttpStream's high-water mark.
constexpr qint64 kBackupReadPieceBytes = 1024 * 1024;

Error backupUploadNotFound(const QString &id)
{
    return Error{ErrorCode::ResourceNotFound, QStringLiteral("no backup upload %1").arg(id),
                 QJsonObject{{QStringLiteral("code"), QStringLiteral("backup_upload_not_found")}}};
}

qint64 transferNowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

// An upload in progress. The file and the hash are touched by one worker
// task at a time (`busy`), never by two threads at once.
struct BackupTransfers::Upload
{
    QString id;
    QString userId;
    qint64 size = 0;
    QString sha256; // declared by begin
    QString path;
    qint64 received = 0;
    bool busy = false;
    qint64 touchedMs = 0;
    std::shared_ptr<QFile> file;
    std::shared_ptr<crypto::Sha256> hash;
    // Keeps the file's dirty pages few, so the sync before it is adopted
    // does not hold up the database's commits (common/FileSync.h).
    std::shared_ptr<filesync::WriteBehind> writeBehind = std::make_shared<filesync::WriteBehind>();
};

// One download: reads a piece on the pool whenever the socket wants more.
class BackupTransfers::Stream : public QObject
{
public:
    Stream(QThreadPool &pool, std::shared_ptr<QFile> file, qint64 offset, QObject *parent)
        : QObject(parent), m_pool(pool), m_file(std::move(file)), m_position(offset)
    {}

    void attach(http::HttpStream *stream)
    {
        if (!stream || !stream->isOpen())
            return deleteLater(); // HEAD, an empty rest, or the client left
        m_stream = stream;
        connect(stream, &http::HttpStream::drained, this, &Stream::pump);
        connect(stream, &http::HttpStream::finished, this, &QObject::deleteLater);
        connect(stream, &http::HttpStream::cancelled, this, &QObject::deleteLater);
        pump();
    }

private:
    void pump()
    {
        if (m_reading || !m_stream || !m_stream->wantsMore())
            return;
        m_reading = true;
        const qint64 want = qMin(kBackupReadPieceBytes, m_stream->remaining());
        QPointer<Stream> self(this);
        // Posted to the owner, which waits for the pool before it goes.
        QObject *owner = parent();
        m_pool.start([self, owner, file = m_file, position = m_position, want] {
            QByteArray piece;
            if (file->seek(position))
                piece = file->read(want);
            // Back on the server thread; dropped if the download ended.
            QMetaObject::invokeMethod(
                owner,
                [self, piece = std::move(piece)] {
                    if (self)
                        self->deliver(piece);
                },
                Qt::QueuedConnection);
        });
    }

    void deliver(const QByteArray &piece)
    {
        m_reading = false;
        if (!m_stream || !m_stream->isOpen())
            return deleteLater();
        if (piece.isEmpty()) {
            // The file is shorter than when the answer began: the client
            // must not take a short body for a whole one.
            m_stream->abort();
            return deleteLater();
        }
        m_position += piece.size();
        m_stream->write(piece);
        pump();
    }

    QThreadPool &m_pool;
    std::shared_ptr<QFile> m_file;
    qint64 m_position;
    QPointer<http::HttpStream> m_stream;
    bool m_reading = false;
};

BackupTransfers::BackupTransfers(BackupService &backups, QObject *parent)
    : QObject(parent), m_backups(backups)
{
    m_pool.setMaxThreadCount(2);
    m_pool.setExpiryTimeout(30000);
}

BackupTransfers::~BackupTransfers()
{
    m_pool.clear();
    m_pool.waitForDone();
    for (const auto &[id, upload] : m_uploads) {
        upload->file->close();
        QFile::remove(upload->path);
    }
}

// ---- download ----

Result<BackupTransfers::Download> BackupTransfers::openDownload(const QString &userId,
                                                                const auth::ClientInfo &client,
                                                                const QString &id, qint64 offset)
{
    auto row = m_backups.get(id);
    if (!row)
        return row.error();
    if (row.value().status != QLatin1String("completed"))
        return Error{ErrorCode::Conflict, QStringLiteral("backup %1 is not complete").arg(id),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("backup_not_complete")}}};
    // Opened here, so a delete during the download does not cut it short
    // (the open file stays readable).
    auto file = std::make_shared<QFile>(m_backups.backupFilePath(id));
    if (!file->open(QIODevice::ReadOnly))
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot read the file of backup %1").arg(id),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("backup_file_missing")}}};
    const qint64 size = file->size();
    if (offset > size || (offset == size && size > 0))
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("the file has %1 bytes: nothing from %2").arg(size).arg(offset),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("RANGE_NOT_SATISFIABLE")},
                                 {QStringLiteral("size"), size}}};
    auth::audit(m_backups.database(), QStringLiteral("BACKUP_DOWNLOADED"), userId,
                QStringLiteral("backup"), id, client.ip, client.userAgent,
                offset > 0 ? QJsonObject{{QStringLiteral("offset"), offset}} : QJsonObject{});
    auto *stream = new Stream(m_pool, file, offset, this);
    // The HTTP layer calls attach once; when the client left before the
    // answer it drops it uncalled, and the stream (with its open file) goes.
    struct AttachOnce
    {
        QPointer<Stream> stream;
        bool called = false;
        ~AttachOnce()
        {
            if (!called && stream)
                stream->deleteLater();
        }
    };
    auto once = std::make_shared<AttachOnce>();
    once->stream = stream;
    Download download;
    download.name = row.value().fileName;
    download.size = size;
    download.offset = offset;
    download.attach = [once](http::HttpStream *httpStream) {
        once->called = true;
        if (once->stream)
            once->stream->attach(httpStream);
    };
    return download;
}

// ---- upload ----

QJsonObject BackupTransfers::uploadJson(const Upload &upload)
{
    return {{QStringLiteral("upload_id"), upload.id},
            {QStringLiteral("size"), upload.size},
            {QStringLiteral("received"), upload.received},
            {QStringLiteral("sha256"), upload.sha256}};
}

void BackupTransfers::dropIdle()
{
    QStringList idle;
    for (const auto &[id, upload] : m_uploads) {
        if (!upload->busy && transferNowMs() - upload->touchedMs > kUploadIdleMs)
            idle.append(id);
    }
    for (const QString &id : std::as_const(idle))
        discard(id);
}

void BackupTransfers::discard(const QString &uploadId)
{
    const auto it = m_uploads.find(uploadId);
    if (it == m_uploads.end())
        return;
    it->second->file->close();
    QFile::remove(it->second->path);
    m_uploads.erase(it);
}

Result<QJsonObject> BackupTransfers::beginUpload(const QString &userId, qint64 size,
                                                 const QString &sha256)
{
    if (size <= 0 || size > kMaxUploadBytes)
        return auth::fieldError(QStringLiteral("size"),
                                QStringLiteral("the file's length in bytes, 1 to %1")
                                    .arg(kMaxUploadBytes));
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (!hex.match(sha256).hasMatch())
        return auth::fieldError(QStringLiteral("sha256"),
                                QStringLiteral("the file's SHA-256: 64 lower-case hex digits"));
    dropIdle();
    if (int(m_uploads.size()) >= kMaxUploads)
        return Error{ErrorCode::Conflict,
                     QStringLiteral("%1 backup uploads are in progress already: finish or abort "
                                    "one first")
                         .arg(kMaxUploads),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("backup_uploads_busy")}}};
    auto upload = std::make_unique<Upload>();
    upload->id = crypto::uuid().remove(u'-');
    upload->userId = userId;
    upload->size = size;
    upload->sha256 = sha256;
    upload->touchedMs = transferNowMs();
    if (!QDir().mkpath(m_backups.backupsDirectory()))
        return Error{ErrorCode::IoError, QStringLiteral("cannot create the backups directory")};
    // The upload-*.tmp pattern: a start after a crash removes leftovers.
    upload->path = QDir(m_backups.backupsDirectory())
                       .filePath(QStringLiteral("upload-%1.tmp").arg(upload->id));
    upload->file = std::make_shared<QFile>(upload->path);
    if (!upload->file->open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        !upload->file->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return Error{ErrorCode::IoError, QStringLiteral("cannot create the upload's file")};
    upload->hash = std::make_shared<crypto::Sha256>();
    const QJsonObject answer = uploadJson(*upload);
    m_uploads.emplace(upload->id, std::move(upload));
    return answer;
}

Result<BackupTransfers::Upload *> BackupTransfers::findUpload(const QString &userId,
                                                              const QString &uploadId)
{
    const auto it = m_uploads.find(uploadId);
    // Another administrator's upload is not theirs to continue.
    if (it == m_uploads.end() || it->second->userId != userId)
        return backupUploadNotFound(uploadId);
    if (it->second->busy)
        return Error{ErrorCode::Conflict,
                     QStringLiteral("a chunk of upload %1 is being written").arg(uploadId),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("backup_upload_busy")}}};
    return it->second.get();
}

void BackupTransfers::uploadChunk(const QString &userId, const QString &uploadId, qint64 offset,
                                  QByteArray bytes, JsonDone done)
{
    const auto answerLater = [this, done](Result<QJsonObject> answer) {
        QMetaObject::invokeMethod(this, [done, answer] { done(answer); }, Qt::QueuedConnection);
    };
    auto found = findUpload(userId, uploadId);
    if (!found)
        return answerLater(found.error());
    Upload *upload = found.value();
    if (offset != upload->received)
        return answerLater(Error{
            ErrorCode::Conflict,
            QStringLiteral("the upload has %1 bytes: send the chunk at that offset")
                .arg(upload->received),
            QJsonObject{{QStringLiteral("code"), QStringLiteral("backup_upload_offset")},
                        {QStringLiteral("received"), upload->received}}});
    if (bytes.isEmpty() || upload->received + bytes.size() > upload->size)
        return answerLater(auth::fieldError(
            QStringLiteral("body"),
            QStringLiteral("1 to %1 bytes: the rest of the declared size")
                .arg(upload->size - upload->received)));
    upload->busy = true;
    upload->touchedMs = transferNowMs();
    const qint64 length = bytes.size();
    BackupTransfers *self = this; // waits for the pool before it goes
    // One task per chunk, and `busy` admits one chunk per upload at a
    // time: the file and the hash see one thread at a time, in order.
    m_pool.start([self, file = upload->file, hash = upload->hash, writeBehind = upload->writeBehind,
                  bytes = std::move(bytes), uploadId, length, done] {
        const bool written = file->write(bytes) == bytes.size() && file->flush();
        if (written) {
            hash->addData(bytes);
            writeBehind->wrote(*file);
        }
        QMetaObject::invokeMethod(
            self,
            [self, written, uploadId, length, done] {
                const auto it = self->m_uploads.find(uploadId);
                if (it == self->m_uploads.end())
                    return done(backupUploadNotFound(uploadId));
                Upload &u = *it->second;
                u.busy = false;
                if (!written) {
                    // The file may hold part of the chunk: start over.
                    self->discard(uploadId);
                    return done(Error{ErrorCode::IoError,
                                      QStringLiteral("cannot write the upload (disk full?); "
                                                     "it was discarded")});
                }
                u.received += length;
                u.touchedMs = transferNowMs();
                done(uploadJson(u));
            },
            Qt::QueuedConnection);
    });
}

Result<QJsonObject> BackupTransfers::uploadStatus(const QString &userId, const QString &uploadId)
{
    const auto it = m_uploads.find(uploadId);
    if (it == m_uploads.end() || it->second->userId != userId)
        return backupUploadNotFound(uploadId);
    return uploadJson(*it->second);
}

void BackupTransfers::finishUpload(const QString &userId, const auth::ClientInfo &client,
                                   const QString &uploadId, RowDone done)
{
    const auto answerLater = [this, done](const Error &error) {
        QMetaObject::invokeMethod(this, [done, error] { done(error); }, Qt::QueuedConnection);
    };
    auto found = findUpload(userId, uploadId);
    if (!found)
        return answerLater(found.error());
    Upload *upload = found.value();
    if (upload->received != upload->size)
        return answerLater(Error{
            ErrorCode::ValidationError,
            QStringLiteral("the upload has %1 of %2 bytes").arg(upload->received).arg(upload->size),
            QJsonObject{{QStringLiteral("code"), QStringLiteral("backup_upload_incomplete")},
                        {QStringLiteral("received"), upload->received}}});
    const QString checksum = QString::fromLatin1(upload->hash->result().toHex());
    if (checksum != upload->sha256) {
        discard(uploadId);
        return answerLater(Error{
            ErrorCode::ValidationError,
            QStringLiteral("the bytes received do not have the SHA-256 begin declared; the "
                           "upload was discarded"),
            QJsonObject{{QStringLiteral("code"), QStringLiteral("backup_checksum_mismatch")}}});
    }
    upload->file->close();
    const QString path = upload->path;
    const qint64 size = upload->size;
    // From here the file is BackupService's (it removes it on a refusal).
    m_uploads.erase(uploadId);
    m_backups.adopt(userId, client, path, checksum, size, this, std::move(done));
}

Status BackupTransfers::abortUpload(const QString &userId, const QString &uploadId)
{
    if (auto upload = findUpload(userId, uploadId); !upload)
        return upload.error();
    discard(uploadId);
    return {};
}

} // namespace hm::server
