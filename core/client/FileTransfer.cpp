#include "client/FileTransfer.h"

#include "client/ApiClient.h"
#include "client/ApiError.h"
#include "client/RawRequest.h"
#include "client/RemoteApi.h"
#include "client/Within.h"
#include "common/Logging.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

namespace hm::client {

namespace {

// Bytes hashed per event-loop turn: the console stays responsive while a
// large file is read.
constexpr qint64 kFileTransferHashStep = 1024 * 1024;
// Recoveries of a failed chunk before the transfer gives up (resume() then).
constexpr int kFileTransferMaxRetries = 3;
// An error envelope is small; a download's body beyond this is no envelope.
constexpr qint64 kFileTransferMaxErrorBody = 64 * 1024;

Error fileTransferError(ErrorCode code, const QString &message, const QString &reason)
{
    return Error{code, message, QJsonObject{{QStringLiteral("code"), reason}}};
}

bool fileTransferRecoverable(const Error &error)
{
    const int status = errorHttpStatus(error);
    // No answer, a token to refresh, a timeout or a server that is busy:
    // what the agent has is still there. BAD_OFFSET: our count was wrong.
    return status == 0 || status == 401 || status >= 500 || error.code == ErrorCode::Timeout ||
           errorServerCode(error) == QLatin1String("BAD_OFFSET") ||
           error.details.value(QStringLiteral("code")).toString() == QLatin1String("BAD_OFFSET");
}

} // namespace

FileTransfer::FileTransfer(ApiClient *client, const QString &nodeId, QObject *parent)
    : QObject(parent), m_client(client), m_nodeId(nodeId)
{}

FileTransfer::~FileTransfer()
{
    // An upload left open would hold one of the agent's 32 upload slots.
    if (m_upload && isRunning() && !m_uploadId.isEmpty() && m_client)
        RemoteApi(*m_client).abortUpload(m_nodeId, m_uploadId, [](Result<void>) {});
    ++m_generation;
    dropReply();
}

bool FileTransfer::isRunning() const
{
    return m_state == State::Hashing || m_state == State::Starting || m_state == State::Moving ||
           m_state == State::Finishing;
}

bool FileTransfer::canResume() const
{
    if (!m_upload)
        return m_state == State::Failed && m_partKept;
    return m_upload && m_state == State::Failed && !m_uploadId.isEmpty() && m_file.isOpen();
}

void FileTransfer::setChunkSize(qint64 bytes)
{
    m_chunkSize = qBound<qint64>(1, bytes, kMaxChunkBytes);
}

void FileTransfer::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void FileTransfer::fail(const Error &error)
{
    ++m_generation;
    dropReply();
    m_error = error;
    if (!m_upload) {
        // A part cut off on the way is kept for resume(); after any other
        // failure it is of no use.
        const bool cutOff = error.code == ErrorCode::NetworkError || error.code == ErrorCode::Timeout;
        m_file.close();
        m_partKept = cutOff && m_done > 0 && m_file.exists();
        if (!m_partKept)
            m_file.remove();
    }
    qCInfo(lcClient).noquote() << (m_upload ? "upload" : "download")
                               << "failed:" << error.codeName()
                               << error.details.value(QStringLiteral("code")).toString();
    setState(State::Failed);
    emit failed(error);
}

void FileTransfer::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

// --- upload -------------------------------------------------------------

void FileTransfer::upload(const QString &localPath, const QString &root, const QString &remotePath,
                          bool overwrite)
{
    if (isRunning())
        return;
    m_upload = true;
    m_localPath = localPath;
    m_root = root;
    m_remotePath = remotePath;
    m_overwrite = overwrite;
    m_uploadId.clear();
    m_sha256.clear();
    m_error.reset();
    m_done = 0;
    m_retries = 0;
    m_file.close();
    m_file.setFileName(localPath);
    if (!m_client) {
        fail(fileTransferError(ErrorCode::InternalError, QStringLiteral("not connected"),
                               QStringLiteral("NO_CLIENT")));
        return;
    }
    if (!m_file.open(QIODevice::ReadOnly)) {
        fail(fileTransferError(ErrorCode::IoError, m_file.errorString(),
                               QStringLiteral("LOCAL_READ_FAILED")));
        return;
    }
    m_total = m_file.size();
    m_hash.reset();
    setState(State::Hashing);
    emit progress(0, m_total);
    QTimer::singleShot(0, this, [this, generation = m_generation] {
        if (generation == m_generation)
            hashStep();
    });
}

void FileTransfer::hashStep()
{
    const QByteArray bytes = m_file.read(kFileTransferHashStep);
    if (bytes.isEmpty() && !m_file.atEnd()) {
        fail(fileTransferError(ErrorCode::IoError, m_file.errorString(),
                               QStringLiteral("LOCAL_READ_FAILED")));
        return;
    }
    m_hash.addData(bytes);
    if (!m_file.atEnd()) {
        QTimer::singleShot(0, this, [this, generation = m_generation] {
            if (generation == m_generation)
                hashStep();
        });
        return;
    }
    if (m_file.pos() != m_total) {
        fail(fileTransferError(ErrorCode::Conflict,
                               QStringLiteral("the file changed while it was read"),
                               QStringLiteral("LOCAL_FILE_CHANGED")));
        return;
    }
    m_sha256 = QString::fromLatin1(m_hash.result().toHex());
    beginUpload({});
}

void FileTransfer::beginUpload(const QString &resumeId)
{
    if (!m_client) {
        fail(fileTransferError(ErrorCode::InternalError, QStringLiteral("not connected"),
                               QStringLiteral("NO_CLIENT")));
        return;
    }
    setState(State::Starting);
    UploadRequest request{m_root, m_remotePath, m_total, m_sha256, m_overwrite, resumeId};
    RemoteApi(*m_client).beginUpload(
        m_nodeId, request, within(this, [this, generation = m_generation](Result<UploadState> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                fail(r.error());
                return;
            }
            m_uploadId = r.value().uploadId;
            m_done = r.value().received;
            setState(State::Moving);
            emit progress(m_done, m_total);
            sendChunk();
        }));
}

void FileTransfer::sendChunk()
{
    if (!m_client) {
        fail(fileTransferError(ErrorCode::InternalError, QStringLiteral("not connected"),
                               QStringLiteral("NO_CLIENT")));
        return;
    }
    if (m_done >= m_total) {
        finishUpload();
        return;
    }
    if (!m_file.seek(m_done)) {
        fail(fileTransferError(ErrorCode::IoError, m_file.errorString(),
                               QStringLiteral("LOCAL_READ_FAILED")));
        return;
    }
    const QByteArray chunk = m_file.read(qMin(m_chunkSize, m_total - m_done));
    if (chunk.isEmpty()) {
        fail(fileTransferError(ErrorCode::IoError, m_file.errorString(),
                               QStringLiteral("LOCAL_READ_FAILED")));
        return;
    }
    m_sentChunk = chunk.size();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("offset"), QString::number(m_done));
    QNetworkRequest request = rawRequest(RemoteApi::uploadChunkPath(m_nodeId, m_uploadId), query);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/octet-stream"));
    m_tlsRefusal.reset();
    QNetworkReply *reply = m_network.put(request, chunk);
    m_reply = reply;
    watchRawReplyTls(this, m_client, reply, &m_tlsRefusal);
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64) {
        // The bytes of this chunk on the wire; confirmed only by the answer.
        emit progress(qMin(m_total, m_done + qMin(sent, m_sentChunk)), m_total);
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { chunkAnswered(reply); });
}

void FileTransfer::chunkAnswered(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    const QByteArray body = reply->isOpen() ? reply->read(kFileTransferMaxErrorBody) : QByteArray();
    if (const auto error = replyError(reply, body)) {
        if (fileTransferRecoverable(*error))
            recover(*error);
        else
            fail(*error);
        return;
    }
    const auto answer =
        readEnvelope(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), body,
                     QNetworkReply::NoError, {});
    const qint64 received = answer ? answer.value()
                                         .data.toObject()
                                         .value(QStringLiteral("received"))
                                         .toInteger(m_done + m_sentChunk)
                                   : m_done + m_sentChunk;
    m_retries = 0;
    m_done = qBound<qint64>(0, received, m_total);
    emit progress(m_done, m_total);
    sendChunk();
}

void FileTransfer::recover(const Error &why)
{
    if (++m_retries > kFileTransferMaxRetries || !m_client) {
        fail(why);
        return;
    }
    qCDebug(lcClient).noquote() << "upload chunk failed (" << why.codeName()
                                << "), asking what the agent has";
    // Through ApiClient: an expired token is refreshed on the way.
    RemoteApi(*m_client).uploadStatus(
        m_nodeId, m_uploadId,
        within(this, [this, why, generation = m_generation](Result<UploadState> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                // The agent may have restarted: resume() reopens the upload.
                fail(r.error().code == ErrorCode::NetworkError ? why : r.error());
                return;
            }
            m_done = qBound<qint64>(0, r.value().received, m_total);
            emit progress(m_done, m_total);
            sendChunk();
        }));
}

void FileTransfer::resume()
{
    if (!canResume())
        return;
    m_error.reset();
    m_retries = 0;
    ++m_generation;
    if (!m_upload) {
        m_tokenRetried = false;
        startDownload();
        return;
    }
    beginUpload(m_uploadId);
}

void FileTransfer::finishUpload()
{
    setState(State::Finishing);
    RemoteApi(*m_client).finishUpload(
        m_nodeId, m_uploadId, within(this, [this, generation = m_generation](Result<void> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                fail(r.error());
                return;
            }
            m_file.close();
            m_uploadId.clear();
            setState(State::Done);
            emit finished();
        }));
}

// --- download -------------------------------------------------------------

void FileTransfer::download(const QString &root, const QString &remotePath,
                            const QString &localPath)
{
    if (isRunning())
        return;
    m_upload = false;
    m_root = root;
    m_remotePath = remotePath;
    m_localPath = localPath;
    m_uploadId.clear();
    m_sha256.clear();
    m_error.reset();
    m_done = 0;
    m_total = 0;
    m_tokenRetried = false;
    m_partKept = false;
    m_remoteStamp.clear();
    m_file.close();
    m_file.setFileName(localPath + QStringLiteral(".part"));
    if (!m_client) {
        fail(fileTransferError(ErrorCode::InternalError, QStringLiteral("not connected"),
                               QStringLiteral("NO_CLIENT")));
        return;
    }
    startDownload();
}

void FileTransfer::startDownload()
{
    if (!m_client) {
        fail(fileTransferError(ErrorCode::InternalError, QStringLiteral("not connected"),
                               QStringLiteral("NO_CLIENT")));
        return;
    }
    setState(State::Starting);
    // The size first (and through ApiClient: an expired token is refreshed).
    RemoteApi(*m_client).statFile(
        m_nodeId, m_root, m_remotePath,
        within(this, [this, generation = m_generation](Result<FileEntry> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                fail(r.error());
                return;
            }
            if (!r.value().isFile()) {
                fail(fileTransferError(ErrorCode::ValidationError,
                                       QStringLiteral("only regular files can be downloaded"),
                                       QStringLiteral("NOT_A_FILE")));
                return;
            }
            m_total = r.value().size;
            m_errorBody.clear();
            // The part of an earlier try goes on only while the remote file
            // looks the same; anything else starts over.
            const QString stamp = QString::number(r.value().size) + u'@' +
                                  r.value().modified.toString(Qt::ISODateWithMs);
            const bool resumable = m_partKept && stamp == m_remoteStamp && m_file.exists() &&
                                   m_file.size() == m_done && m_done > 0 && m_done < m_total;
            m_partKept = false;
            m_remoteStamp = stamp;
            if (resumable) {
                m_resumeFrom = m_done;
            } else {
                m_resumeFrom = 0;
                m_done = 0;
                m_hash.reset();
            }
            if (!m_file.open(resumable ? QIODevice::WriteOnly | QIODevice::Append
                                       : QIODevice::WriteOnly | QIODevice::Truncate)) {
                fail(fileTransferError(ErrorCode::IoError, m_file.errorString(),
                                       QStringLiteral("LOCAL_WRITE_FAILED")));
                return;
            }
            setState(State::Moving);
            emit progress(m_done, m_total);
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("root"),
                               QString::fromLatin1(QUrl::toPercentEncoding(m_root)));
            query.addQueryItem(QStringLiteral("path"),
                               QString::fromLatin1(QUrl::toPercentEncoding(m_remotePath)));
            QNetworkRequest request = rawRequest(RemoteApi::downloadPath(m_nodeId), query);
            request.setRawHeader("Accept", "*/*");
            if (m_resumeFrom > 0)
                request.setRawHeader("Range", "bytes=" + QByteArray::number(m_resumeFrom) + '-');
            m_tlsRefusal.reset();
            QNetworkReply *reply = m_network.get(request);
            // Bounded: Qt's HTTP thread would otherwise read as fast as the
            // server sends (a data connection delivers at loopback speed)
            // and pile the file up in memory ahead of the disk writes.
            reply->setReadBufferSize(4 * kMaxChunkBytes);
            m_reply = reply;
            watchRawReplyTls(this, m_client, reply, &m_tlsRefusal);
            connect(reply, &QNetworkReply::readyRead, this, &FileTransfer::downloadBytes);
            connect(reply, &QNetworkReply::finished, this,
                    [this, reply] { downloadAnswered(reply); });
        }));
}

void FileTransfer::downloadBytes()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status >= 300) {
        // An error envelope: kept (bounded) for downloadAnswered().
        m_errorBody += reply->read(kFileTransferMaxErrorBody - m_errorBody.size());
        reply->readAll();
        return;
    }
    if (m_resumeFrom > 0 && status != 206) {
        // The server sent the whole file after all: start the part over.
        m_resumeFrom = 0;
        m_done = 0;
        m_hash.reset();
        if (!m_file.resize(0) || !m_file.seek(0)) {
            fail(fileTransferError(ErrorCode::IoError, m_file.errorString(),
                                   QStringLiteral("LOCAL_WRITE_FAILED")));
            return;
        }
    }
    while (reply->bytesAvailable() > 0) {
        const QByteArray bytes = reply->read(kMaxChunkBytes);
        if (m_file.write(bytes) != bytes.size()) {
            fail(fileTransferError(ErrorCode::IoError, m_file.errorString(),
                                   QStringLiteral("LOCAL_WRITE_FAILED")));
            return;
        }
        m_hash.addData(bytes);
        m_done += bytes.size();
    }
    emit progress(m_done, qMax(m_total, m_done));
}

void FileTransfer::downloadAnswered(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    downloadBytes();
    if (m_state != State::Moving)
        return; // failed while writing
    m_reply = nullptr;
    if (const auto error = replyError(reply, m_errorBody)) {
        // An access token that expired meanwhile: once more (stat refreshes it).
        if (errorHttpStatus(*error) == 401 && !m_tokenRetried) {
            m_tokenRetried = true;
            m_file.close();
            startDownload();
            return;
        }
        fail(*error);
        return;
    }
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() + m_resumeFrom != m_done) {
        fail(fileTransferError(ErrorCode::NetworkError,
                               QStringLiteral("the download ended before its last byte"),
                               QStringLiteral("INCOMPLETE")));
        return;
    }
    m_total = m_done;
    if (!m_file.flush()) {
        fail(fileTransferError(ErrorCode::IoError, m_file.errorString(),
                               QStringLiteral("LOCAL_WRITE_FAILED")));
        return;
    }
    m_file.close();
    // The user chose the target (and to replace it) in the save dialog.
    if (QFileInfo::exists(m_localPath) && !QFile::remove(m_localPath)) {
        fail(fileTransferError(ErrorCode::IoError,
                               QStringLiteral("the target could not be replaced"),
                               QStringLiteral("LOCAL_WRITE_FAILED")));
        return;
    }
    if (!m_file.rename(m_localPath)) {
        fail(fileTransferError(ErrorCode::IoError, m_file.errorString(),
                               QStringLiteral("LOCAL_WRITE_FAILED")));
        return;
    }
    m_sha256 = QString::fromLatin1(m_hash.result().toHex());
    emit progress(m_done, m_total);
    setState(State::Done);
    emit finished();
}

// --- both -------------------------------------------------------------

void FileTransfer::cancel()
{
    if (!isRunning() && !canResume())
        return;
    ++m_generation;
    dropReply();
    if (m_upload) {
        if (!m_uploadId.isEmpty() && m_client)
            RemoteApi(*m_client).abortUpload(m_nodeId, m_uploadId, [](Result<void>) {});
        m_uploadId.clear();
        m_file.close();
    } else {
        m_file.remove();
    }
    setState(State::Cancelled);
    emit cancelled();
}

QNetworkRequest FileTransfer::rawRequest(const QString &path, const QUrlQuery &query) const
{
    return client::rawRequest(*m_client, rawRequestUrl(*m_client, path, query),
                              qMax(m_client->timeoutMs(), 30000));
}

std::optional<Error> FileTransfer::replyError(QNetworkReply *reply, const QByteArray &body)
{
    return rawReplyError(reply, body, m_tlsRefusal);
}

} // namespace hm::client
