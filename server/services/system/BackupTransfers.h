#pragma once

// Backup files in and out of the server without holding them in memory
// (issue 37 item 1; docs/backup.md "Download and upload"):
//
// - openDownload(): the file streamed from disk into the answer
//   (http/HttpStream.h), a piece at a time on a worker, paced by the
//   client; `Range: bytes=N-` resumes a cut-off download.
// - uploads: the HTTP layer holds a request body whole, so a large file
//   comes in chunks (begin with its size and SHA-256, PUT each chunk at
//   its offset, finish). Each chunk is appended to
//   <data dir>/backups/upload-<id>.tmp and hashed on a worker; finish
//   checks size and SHA-256 and hands the file to BackupService::adopt(),
//   which checks every chunk of the backup before it is listed. The server
//   holds at most one chunk per upload.
//
// Server thread only; the file reads and writes run on a small pool.

#include "common/Result.h"
#include "server/repositories/BackupRepository.h"
#include "server/services/auth/TokenService.h"

#include <QJsonObject>
#include <QObject>
#include <QThreadPool>
#include <functional>
#include <map>
#include <memory>

namespace hm::server {

class BackupService;
namespace http {
class HttpStream;
}

class BackupTransfers : public QObject
{
    Q_OBJECT
public:
    // Largest chunk of an upload (the PUT's body limit).
    static constexpr qint64 kMaxChunkBytes = 4 * 1024 * 1024;
    // Largest backup file an upload takes.
    static constexpr qint64 kMaxUploadBytes = qint64(64) * 1024 * 1024 * 1024;
    // Uploads in progress at once (all users); one more is CONFLICT.
    static constexpr int kMaxUploads = 4;
    // An upload nobody touched for this long is discarded.
    static constexpr qint64 kUploadIdleMs = 60 * 60 * 1000;

    explicit BackupTransfers(BackupService &backups, QObject *parent = nullptr);
    // Waits for the file work in progress; callbacks not yet run never are.
    ~BackupTransfers() override;

    struct Download
    {
        QString name; // the file name to offer
        qint64 size = 0;
        qint64 offset = 0;
        // Called once by the HTTP layer with the answer's stream (null when
        // the client left first).
        std::function<void(http::HttpStream *)> attach;
    };
    // A completed backup's file from `offset`; RANGE_NOT_SATISFIABLE (in
    // details.code, with details.size) past its end. Audited
    // (BACKUP_DOWNLOADED) when the answer starts.
    Result<Download> openDownload(const QString &userId, const auth::ClientInfo &client,
                                  const QString &id, qint64 offset);

    using JsonDone = std::function<void(Result<QJsonObject>)>;
    using RowDone = std::function<void(Result<repositories::BackupRow>)>;
    // {upload_id, size, received, sha256}
    Result<QJsonObject> beginUpload(const QString &userId, qint64 size, const QString &sha256);
    // The next bytes at `offset` (the bytes received so far; CONFLICT with
    // details.received otherwise).
    void uploadChunk(const QString &userId, const QString &uploadId, qint64 offset,
                     QByteArray bytes, JsonDone done);
    Result<QJsonObject> uploadStatus(const QString &userId, const QString &uploadId);
    // Size and SHA-256 must match what begin declared (a mismatch
    // discards the upload), then the backup is checked and listed.
    void finishUpload(const QString &userId, const auth::ClientInfo &client,
                      const QString &uploadId, RowDone done);
    Status abortUpload(const QString &userId, const QString &uploadId);

    int uploadCount() const { return int(m_uploads.size()); }

private:
    struct Upload;
    class Stream;
    Result<Upload *> findUpload(const QString &userId, const QString &uploadId);
    static QJsonObject uploadJson(const Upload &upload);
    void discard(const QString &uploadId);
    void dropIdle();

    BackupService &m_backups;
    QThreadPool m_pool;
    std::map<QString, std::unique_ptr<Upload>> m_uploads;
};

} // namespace hm::server
