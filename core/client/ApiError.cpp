#include "client/ApiError.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>

namespace hm::client {
namespace {

const QString kHttpStatus = QStringLiteral("http_status");
const QString kRequestId = QStringLiteral("request_id");
const QString kServerCode = QStringLiteral("server_code");

QString networkErrorName(QNetworkReply::NetworkError error)
{
    const char *name = QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(error);
    return name ? QString::fromLatin1(name) : QString::number(int(error));
}

// No usable answer: the transport failed, timed out, or something that is
// not the API (a proxy's HTML page) answered.
Error transportError(int httpStatus, QNetworkReply::NetworkError networkError,
                     const QString &errorString, const QString &requestId)
{
    // Qt reports a transfer timeout as a cancelled operation; the client
    // never cancels a reply whose answer it still waits for.
    const bool timedOut = networkError == QNetworkReply::TimeoutError ||
                          networkError == QNetworkReply::OperationCanceledError;
    const ErrorCode code =
        timedOut && httpStatus == 0 ? ErrorCode::Timeout : ErrorCode::NetworkError;
    QString message;
    if (code == ErrorCode::Timeout)
        message = QStringLiteral("the server did not answer in time");
    else if (httpStatus == 0)
        message = errorString.isEmpty() ? QStringLiteral("no answer from the server") : errorString;
    else
        message = QStringLiteral("HTTP %1 without a JSON envelope").arg(httpStatus);
    QJsonObject details{{kHttpStatus, httpStatus}, {kServerCode, errorCodeName(code)}};
    if (networkError != QNetworkReply::NoError)
        details.insert(QStringLiteral("network_error"), networkErrorName(networkError));
    if (!requestId.isEmpty())
        details.insert(kRequestId, requestId);
    return Error{code, message, details};
}

} // namespace

int errorHttpStatus(const Error &error)
{
    return error.details.value(kHttpStatus).toInt();
}

QString errorRequestId(const Error &error)
{
    return error.details.value(kRequestId).toString();
}

QString errorServerCode(const Error &error)
{
    const QString sent = error.details.value(kServerCode).toString();
    return sent.isEmpty() ? error.codeName() : sent;
}

bool isConflict(const Error &error)
{
    return error.code == ErrorCode::Conflict;
}

qint64 conflictCurrentRevision(const Error &error)
{
    return isConflict(error) ? error.details.value(QStringLiteral("current_revision")).toInteger()
                             : 0;
}

QString conflictCurrentVersion(const Error &error)
{
    return isConflict(error) ? error.details.value(QStringLiteral("current_version")).toString()
                             : QString();
}

Result<ApiResponse> readEnvelope(int httpStatus, const QByteArray &body,
                                 QNetworkReply::NetworkError networkError,
                                 const QString &errorString, const QString &requestId)
{
    // An HTTP error status still carries the envelope, so the body is read
    // whenever there is an HTTP answer, whatever Qt calls the status.
    QJsonParseError parseError;
    const QJsonDocument document =
        httpStatus > 0 ? QJsonDocument::fromJson(body, &parseError) : QJsonDocument();
    if (httpStatus <= 0 || parseError.error != QJsonParseError::NoError || !document.isObject())
        return transportError(httpStatus, networkError, errorString, requestId);

    const QJsonObject envelope = document.object();
    if (envelope.value(QStringLiteral("success")).toBool()) {
        return ApiResponse{httpStatus, envelope.value(QStringLiteral("data")),
                           envelope.value(QStringLiteral("message")).toString(), requestId};
    }
    const QJsonObject error = envelope.value(QStringLiteral("error")).toObject();
    const QString sentCode = error.value(QStringLiteral("code")).toString();
    Error result;
    result.code = errorCodeFromName(sentCode); // INTERNAL_ERROR when unknown
    result.message = error.value(QStringLiteral("message")).toString();
    result.details = error.value(QStringLiteral("details")).toObject();
    result.details.insert(kHttpStatus, httpStatus);
    result.details.insert(kServerCode, sentCode);
    const QString id = error.value(QStringLiteral("request_id")).toString();
    result.details.insert(kRequestId, id.isEmpty() ? requestId : id);
    return result;
}

} // namespace hm::client
