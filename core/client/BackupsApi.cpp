#include "client/BackupsApi.h"

#include "client/ApiClient.h"
#include "client/ApiError.h"
#include "client/ApiJson.h"
#include "client/ApiQuery.h"
#include "client/RawRequest.h"
#include "client/Within.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

namespace hm::client {

namespace {

const QString kBackups = QStringLiteral("/api/v1/backup/backups");

Error transferError(ErrorCode code, const QString &message, const QString &reason)
{
    return Error{code, message, QJsonObject{{QStringLiteral("code"), reason}}};
}

} // namespace

namespace json {

Backup backup(const QJsonObject &o)
{
    Backup b;
    b.id = o.value(QStringLiteral("id")).toString();
    b.name = o.value(QStringLiteral("name")).toString();
    b.trigger = o.value(QStringLiteral("trigger")).toString();
    b.status = o.value(QStringLiteral("status")).toString();
    b.progress = o.value(QStringLiteral("progress")).toInt();
    b.createdAt = time(o.value(QStringLiteral("created_at")));
    b.completedAt = time(o.value(QStringLiteral("completed_at")));
    b.snapshotAt = time(o.value(QStringLiteral("snapshot_at")));
    b.sizeBytes = o.value(QStringLiteral("size_bytes")).toInteger();
    b.checksum = o.value(QStringLiteral("checksum")).toString();
    b.error = o.value(QStringLiteral("error")).toString();
    return b;
}

RestorePlan restorePlan(const QJsonObject &o)
{
    RestorePlan plan;
    plan.backupId = o.value(QStringLiteral("backup_id")).toString();
    plan.restartRequired = o.value(QStringLiteral("restart_required")).toBool(true);
    plan.snapshotAt = time(o.value(QStringLiteral("snapshot_at")));
    plan.replaces = strings(o.value(QStringLiteral("replaces")));
    plan.message = o.value(QStringLiteral("message")).toString();
    return plan;
}

} // namespace json

// ---- BackupsApi ----

void BackupsApi::list(const PageRequest &page, Callback<Page<Backup>> done)
{
    m_client.call<Page<Backup>>(
        ApiRequest::get(kBackups, pageQuery(page)),
        [](const ApiResponse &r) {
            return json::page<Backup>(json::object(r), QStringLiteral("items"), json::backup);
        },
        std::move(done));
}

void BackupsApi::create(const QString &name,
                        std::function<void(Result<Backup>, QString notice)> done)
{
    QJsonObject body;
    if (!name.trimmed().isEmpty())
        body.insert(QStringLiteral("name"), name.trimmed());
    m_client.send(ApiRequest::post(kBackups + QStringLiteral("/create"), body),
                  [done = std::move(done)](Result<ApiResponse> r) {
                      if (!r)
                          return done(r.error(), QString());
                      const QJsonObject o = json::object(r.value());
                      done(json::backup(o), o.value(QStringLiteral("notice")).toString());
                  });
}

void BackupsApi::remove(const QString &id, Callback<bool> done)
{
    m_client.call<bool>(ApiRequest::del(kBackups + u'/' + id),
                        [](const ApiResponse &) { return true; }, std::move(done));
}

void BackupsApi::restore(const QString &id, Callback<RestorePlan> done)
{
    m_client.call<RestorePlan>(
        ApiRequest::post(kBackups + u'/' + id + QStringLiteral("/restore"), QJsonObject()),
        [](const ApiResponse &r) { return json::restorePlan(json::object(r)); },
        std::move(done));
}

// ---- BackupFileTransfer ----

BackupFileTransfer::BackupFileTransfer(ApiClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{}

BackupFileTransfer::~BackupFileTransfer()
{
    ++m_generation;
    if (m_reply)
        m_reply->abort();
}

void BackupFileTransfer::fail(const Error &error)
{
    ++m_generation;
    m_running = false;
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_file.close();
    // An upload that began on the server and failed: drop it there.
    if (m_upload && !m_uploadId.isEmpty() && m_client)
        m_client->send(ApiRequest::del(kBackups + QStringLiteral("/uploads/") + m_uploadId),
                       [](Result<ApiResponse>) {});
    m_uploadId.clear();
    m_error = error;
    emit failed(error);
}

void BackupFileTransfer::cancel()
{
    if (!m_running)
        return;
    const bool upload = m_upload;
    fail(transferError(ErrorCode::NetworkError, QStringLiteral("cancelled"),
                       QStringLiteral("CANCELLED")));
    if (!upload) {
        QFile::remove(m_localPath + QStringLiteral(".part"));
        m_partKept = false;
    }
}

void BackupFileTransfer::resume()
{
    if (m_running || !m_partKept)
        return;
    download(m_backup, m_localPath);
}

QNetworkRequest BackupFileTransfer::rawRequest(const QString &path, const QUrlQuery &query) const
{
    return client::rawRequest(*m_client, rawRequestUrl(*m_client, path, query),
                              qMax(m_client->timeoutMs(), 60000));
}

std::optional<Error> BackupFileTransfer::replyError(QNetworkReply *reply, const QByteArray &body)
{
    return rawReplyError(reply, body, m_tlsRefusal);
}

// ---- download ----

void BackupFileTransfer::download(const Backup &backup, const QString &localPath)
{
    if (m_running || !m_client)
        return;
    ++m_generation;
    m_upload = false;
    m_running = true;
    m_error.reset();
    m_backup = backup;
    m_localPath = localPath;
    m_total = backup.sizeBytes;
    m_done = 0;
    m_hash.reset();
    m_file.setFileName(localPath + QStringLiteral(".part"));
    // A part of an earlier try goes on (its bytes hashed first) while it is
    // shorter than the file; anything else starts over.
    const qint64 part = m_file.exists() ? m_file.size() : 0;
    m_partKept = false;
    if (part > 0 && part < m_total && m_file.open(QIODevice::ReadOnly)) {
        m_done = 0;
        hashStep(); // continues with startDownload()
        return;
    }
    startDownload();
}

void BackupFileTransfer::startDownload()
{
    const qint64 from = m_done;
    if (!m_file.open(from > 0 ? QIODevice::WriteOnly | QIODevice::Append
                              : QIODevice::WriteOnly | QIODevice::Truncate)) {
        fail(transferError(ErrorCode::IoError, m_file.errorString(),
                           QStringLiteral("LOCAL_WRITE_FAILED")));
        return;
    }
    // The backup holds every secret of the server: owner-only.
    m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    emit progress(m_done, m_total);
    QNetworkRequest request = rawRequest(kBackups + u'/' + m_backup.id + QStringLiteral("/download"));
    request.setRawHeader("Accept", "*/*");
    if (from > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(from) + '-');
    m_tlsRefusal.reset();
    m_errorBody.clear();
    QNetworkReply *reply = m_network.get(request);
    m_reply = reply;
    watchRawReplyTls(this, m_client, reply, &m_tlsRefusal);
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::readyRead, this, [this, reply, generation] {
        if (generation != m_generation)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray bytes = reply->readAll();
        if (status != 200 && status != 206) {
            m_errorBody += bytes.left(64 * 1024);
            return;
        }
        if (m_file.write(bytes) != bytes.size()) {
            fail(transferError(ErrorCode::IoError, m_file.errorString(),
                               QStringLiteral("LOCAL_WRITE_FAILED")));
            return;
        }
        m_hash.addData(bytes);
        m_done += bytes.size();
        emit progress(m_done, m_total);
    });
    connect(reply, &QNetworkReply::finished, this, [this, generation] {
        if (generation == m_generation)
            downloadAnswered();
    });
}

void BackupFileTransfer::downloadAnswered()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    const QByteArray rest = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200 || status == 206) {
        m_file.write(rest);
        m_hash.addData(rest);
        m_done += rest.size();
    }
    m_file.close();
    if (const auto error = replyError(reply, m_errorBody + rest)) {
        // Cut off on the way: the part stays for resume().
        m_partKept = (status == 200 || status == 206) && m_done > 0 && m_done < m_total;
        if (!m_partKept)
            QFile::remove(m_file.fileName());
        const bool kept = m_partKept;
        fail(*error);
        m_partKept = kept;
        return;
    }
    const QString sha = QString::fromLatin1(m_hash.result().toHex());
    if (m_done != m_total || (!m_backup.checksum.isEmpty() && sha != m_backup.checksum)) {
        QFile::remove(m_file.fileName());
        fail(transferError(ErrorCode::ValidationError,
                           QStringLiteral("the file received is not the backup's (%1 of %2 "
                                          "bytes, checksum %3)")
                               .arg(m_done)
                               .arg(m_total)
                               .arg(sha.left(12)),
                           QStringLiteral("DOWNLOAD_MISMATCH")));
        return;
    }
    QFile::remove(m_localPath);
    if (!QFile::rename(m_file.fileName(), m_localPath)) {
        fail(transferError(ErrorCode::IoError,
                           QStringLiteral("cannot move the download to %1").arg(m_localPath),
                           QStringLiteral("LOCAL_WRITE_FAILED")));
        return;
    }
    m_running = false;
    emit progress(m_done, m_total);
    emit finished();
}

// ---- upload ----

void BackupFileTransfer::upload(const QString &localPath)
{
    if (m_running || !m_client)
        return;
    ++m_generation;
    m_upload = true;
    m_running = true;
    m_partKept = false;
    m_error.reset();
    m_localPath = localPath;
    m_uploadId.clear();
    m_hash.reset();
    m_done = 0;
    m_file.setFileName(localPath);
    if (!m_file.open(QIODevice::ReadOnly)) {
        fail(transferError(ErrorCode::IoError, m_file.errorString(),
                           QStringLiteral("LOCAL_READ_FAILED")));
        return;
    }
    m_total = m_file.size();
    if (m_total == 0) {
        fail(transferError(ErrorCode::ValidationError, QStringLiteral("the file is empty"),
                           QStringLiteral("EMPTY_FILE")));
        return;
    }
    emit progress(0, m_total);
    hashStep();
}

// One read of the file per event-loop turn: an upload's whole file, or a
// download's part kept from an earlier try.
void BackupFileTransfer::hashStep()
{
    const QByteArray bytes = m_file.read(m_chunk);
    if (bytes.isEmpty() && !m_file.atEnd()) {
        fail(transferError(ErrorCode::IoError, m_file.errorString(),
                           QStringLiteral("LOCAL_READ_FAILED")));
        return;
    }
    m_hash.addData(bytes);
    if (!m_upload)
        m_done += bytes.size();
    if (!m_file.atEnd()) {
        QTimer::singleShot(0, this, [this, generation = m_generation] {
            if (generation == m_generation)
                hashStep();
        });
        return;
    }
    m_file.close();
    if (!m_upload)
        return startDownload();
    m_sha256 = QString::fromLatin1(m_hash.result().toHex());
    beginUpload();
}

void BackupFileTransfer::beginUpload()
{
    m_client->send(
        ApiRequest::post(kBackups + QStringLiteral("/uploads"),
                         QJsonObject{{QStringLiteral("size"), m_total},
                                     {QStringLiteral("sha256"), m_sha256}}),
        within(this, [this, generation = m_generation](Result<ApiResponse> r) {
            if (generation != m_generation)
                return;
            if (!r)
                return fail(r.error());
            m_uploadId = json::object(r.value()).value(QStringLiteral("upload_id")).toString();
            if (!m_file.open(QIODevice::ReadOnly))
                return fail(transferError(ErrorCode::IoError, m_file.errorString(),
                                          QStringLiteral("LOCAL_READ_FAILED")));
            sendChunk();
        }));
}

void BackupFileTransfer::sendChunk()
{
    if (m_done >= m_total) {
        m_file.close();
        return finishUpload();
    }
    if (!m_file.seek(m_done))
        return fail(transferError(ErrorCode::IoError, m_file.errorString(),
                                  QStringLiteral("LOCAL_READ_FAILED")));
    const QByteArray bytes = m_file.read(m_chunk);
    if (bytes.isEmpty())
        return fail(transferError(ErrorCode::IoError,
                                  QStringLiteral("the file changed while it was sent"),
                                  QStringLiteral("LOCAL_READ_FAILED")));
    QUrlQuery offset;
    offset.addQueryItem(QStringLiteral("offset"), QString::number(m_done));
    QNetworkRequest request =
        rawRequest(kBackups + QStringLiteral("/uploads/") + m_uploadId, offset);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/octet-stream"));
    m_tlsRefusal.reset();
    QNetworkReply *reply = m_network.put(request, bytes);
    m_reply = reply;
    watchRawReplyTls(this, m_client, reply, &m_tlsRefusal);
    const qint64 length = bytes.size();
    connect(reply, &QNetworkReply::uploadProgress, this,
            [this, generation = m_generation](qint64 sent, qint64) {
                if (generation == m_generation)
                    emit progress(qMin(m_done + sent, m_total), m_total);
            });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, length, generation = m_generation] {
                if (generation != m_generation)
                    return;
                m_reply = nullptr;
                reply->deleteLater();
                if (const auto error = replyError(reply, reply->readAll()))
                    return fail(*error);
                m_done += length;
                emit progress(m_done, m_total);
                sendChunk();
            });
}

void BackupFileTransfer::finishUpload()
{
    m_client->send(
        ApiRequest::post(kBackups + QStringLiteral("/uploads/") + m_uploadId +
                             QStringLiteral("/finish"),
                         QJsonObject()),
        within(this, [this, generation = m_generation](Result<ApiResponse> r) {
            if (generation != m_generation)
                return;
            // The server discarded it either way.
            m_uploadId.clear();
            if (!r)
                return fail(r.error());
            m_uploaded = json::backup(json::object(r.value()));
            m_running = false;
            emit finished();
        }));
}

} // namespace hm::client
