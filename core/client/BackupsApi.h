#pragma once

// Backups for the console (issue 37 item 8; docs/api.md "Backups"):
// list, create, delete and restore through ApiClient, and BackupFileTransfer
// for the files themselves — a download streamed to disk with resume and an
// upload in chunks read from disk, never the whole file in memory.
// Administrators only (FORBIDDEN otherwise).

#include "client/ApiTypes.h"
#include "common/Error.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <optional>

class QNetworkReply;
class QNetworkRequest;

namespace hm::client {

class ApiClient;

struct Backup
{
    QString id;
    QString name;
    QString trigger; // manual, scheduled, uploaded
    QString status;  // running, completed, failed
    int progress = 0;
    QDateTime createdAt;
    QDateTime completedAt;
    QDateTime snapshotAt;
    qint64 sizeBytes = 0;
    QString checksum; // SHA-256 hex of the file
    QString error;
};

// What a restore answered: applied at the next start.
struct RestorePlan
{
    QString backupId;
    bool restartRequired = true;
    QDateTime snapshotAt;
    QStringList replaces;
    QString message;
};

namespace json {
Backup backup(const QJsonObject &o);
RestorePlan restorePlan(const QJsonObject &o);
} // namespace json

class BackupsApi
{
public:
    explicit BackupsApi(ApiClient &client) : m_client(client) {}

    // Newest first.
    void list(const PageRequest &page, Callback<Page<Backup>> done);
    // The row as started (status running) and the server's notice that a
    // backup is useless without the master key (`notice`).
    void create(const QString &name, std::function<void(Result<Backup>, QString notice)> done);
    void remove(const QString &id, Callback<bool> done);
    void restore(const QString &id, Callback<RestorePlan> done);

private:
    ApiClient &m_client;
};

// One backup file between the server and this machine, with progress.
//
// - download(): streams the file into "<target>.part" as it arrives and
//   hashes it; the length and the SHA-256 (the row's checksum) must match
//   before the part is renamed into place. A download cut off keeps its
//   part: canResume(), and resume() (or download() again to the same
//   target) asks for the rest with `Range: bytes=<part size>-`.
// - upload(): hashes the local file a chunk per event-loop turn, begins a
//   chunked upload with its size and SHA-256, sends it in chunks of at
//   most kChunkBytes read from disk one at a time, and finishes it (the
//   server checks the whole backup before listing it).
//
// The raw bytes go on this object's own connection with the client's
// credential and TLS policy (ApiClient holds whole answers in memory); the
// JSON calls go through ApiClient.
class BackupFileTransfer final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kChunkBytes = 4 * 1024 * 1024;

    explicit BackupFileTransfer(ApiClient *client, QObject *parent = nullptr);
    ~BackupFileTransfer() override;

    void download(const Backup &backup, const QString &localPath);
    void upload(const QString &localPath);
    void cancel();
    void resume();
    // Smaller chunks (tests see progress on small files).
    void setChunkSize(qint64 bytes) { m_chunk = qBound(qint64(1), bytes, kChunkBytes); }

    bool isUpload() const { return m_upload; }
    bool isRunning() const { return m_running; }
    bool canResume() const { return !m_running && m_partKept; }
    qint64 transferred() const { return m_done; }
    qint64 total() const { return m_total; }
    QString localPath() const { return m_localPath; }
    // An upload's new backup once finished.
    const Backup &uploaded() const { return m_uploaded; }
    std::optional<Error> error() const { return m_error; }

signals:
    void progress(qint64 transferred, qint64 total);
    void finished();
    void failed(const hm::Error &error);

private:
    void fail(const Error &error);
    void startDownload();
    void downloadAnswered();
    void hashStep();
    void beginUpload();
    void sendChunk();
    void finishUpload();
    QNetworkRequest rawRequest(const QString &path, const QUrlQuery &query = {}) const;
    std::optional<Error> replyError(QNetworkReply *reply, const QByteArray &body);

    QPointer<ApiClient> m_client;
    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_reply;
    std::optional<Error> m_tlsRefusal;
    bool m_upload = false;
    bool m_running = false;
    bool m_partKept = false;
    Backup m_backup;
    Backup m_uploaded;
    QString m_localPath;
    QFile m_file;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    QString m_sha256;
    QString m_uploadId;
    QByteArray m_errorBody;
    qint64 m_chunk = kChunkBytes;
    qint64 m_done = 0;
    qint64 m_total = 0;
    quint64 m_generation = 0;
    std::optional<Error> m_error;
};

} // namespace hm::client
