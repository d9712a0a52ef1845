#include "engine/http/ComponentProtocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace hm::engine::http {

namespace {

const QString kStatus = QStringLiteral("status");
const QString kError = QStringLiteral("error");

// Replies are quoted in error details for diagnosis; a component answering
// a huge HTML page must not flood the execution log.
QString excerpt(const QByteArray &body)
{
    constexpr qsizetype kMax = 512;
    QString text = QString::fromUtf8(body.left(kMax));
    if (body.size() > kMax)
        text += QStringLiteral("…");
    return text;
}

NodeOutcome malformed(const QString &label, const QString &why, const QByteArray &body)
{
    // Not retryable: a component that breaks the protocol will most likely
    // break it the same way on the next attempt.
    return NodeOutcome::failed(
        Error{ErrorCode::InternalError,
              QStringLiteral("component %1 sent a malformed reply: %2").arg(label, why),
              {{QStringLiteral("reason"), QStringLiteral("MALFORMED_REPLY")},
               {QStringLiteral("body"), excerpt(body)}}},
        false);
}

// {"code","message"} of a protocol error body, when the body is one.
bool readErrorObject(const QJsonObject &reply, QString *code, QString *message)
{
    const QJsonValue error = reply.value(kError);
    if (!error.isObject())
        return false;
    *code = error.toObject().value(QStringLiteral("code")).toString();
    *message = error.toObject().value(QStringLiteral("message")).toString();
    return true;
}

// `fixedCode` set: the HTTP status decides the code (5xx is always
// COMPONENT_UNAVAILABLE); otherwise the component's code when the catalogue
// knows it, else `fallback`.
NodeOutcome componentError(const QJsonObject &reply, const QString &label, int httpStatus,
                           ErrorCode fallback, bool defaultRetryable, bool fixedCode = false)
{
    QString code;
    QString message;
    readErrorObject(reply, &code, &message);
    bool known = false;
    const ErrorCode parsed = errorCodeFromName(code, &known);
    known = known && !fixedCode;
    QJsonObject details{{QStringLiteral("http_status"), httpStatus}};
    // Codes outside the catalogue are the component's own; keep them for
    // the execution log instead of losing them to INTERNAL_ERROR.
    if (!code.isEmpty())
        details.insert(QStringLiteral("component_code"), code);
    if (message.isEmpty())
        message = QStringLiteral("HTTP %1").arg(httpStatus);
    const QJsonValue retryable = reply.value(QStringLiteral("retryable"));
    return NodeOutcome::failed(
        Error{known ? parsed : fallback, QStringLiteral("%1: %2").arg(label, message), details},
        retryable.isBool() ? retryable.toBool() : defaultRetryable);
}

void readLogs(const QJsonObject &reply, NodeOutcome *outcome)
{
    const QJsonArray logs = reply.value(QStringLiteral("logs")).toArray();
    for (const QJsonValue &line : logs) {
        if (line.isString())
            outcome->logs.append(line.toString());
    }
}

} // namespace

QUrl endpointUrl(const QUrl &endpoint, const QString &path)
{
    QUrl url = endpoint;
    QString prefix = url.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + QLatin1Char('/') + path);
    return url;
}

QJsonObject executeRequestBody(const NodeTask &task, const QUrl &blobBaseUrl)
{
    QJsonObject body{
        {QStringLiteral("execution_id"), task.executionId},
        {QStringLiteral("node_id"), task.nodeId},
        {QStringLiteral("component"), task.component},
        {QStringLiteral("version"), task.version},
        {QStringLiteral("config"), task.config},
        {QStringLiteral("inputs"), task.inputs},
        {QStringLiteral("attempt"), task.attempt},
    };
    if (task.timeoutMs > 0)
        body.insert(QStringLiteral("deadline_ms"), task.timeoutMs);
    if (!blobBaseUrl.isEmpty())
        body.insert(QStringLiteral("blob"),
                    QJsonObject{{QStringLiteral("base_url"), blobBaseUrl.toString()},
                                {QStringLiteral("token"), task.blobToken}});
    return body;
}

QJsonObject cancelRequestBody(const NodeTask &task)
{
    return QJsonObject{{QStringLiteral("execution_id"), task.executionId},
                       {QStringLiteral("node_id"), task.nodeId},
                       {QStringLiteral("attempt"), task.attempt}};
}

NodeOutcome outcomeFromExecuteReply(int httpStatus, const QByteArray &body, const QString &label)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const bool isObject = parseError.error == QJsonParseError::NoError && document.isObject();
    const QJsonObject reply = document.object();

    if (httpStatus >= 500 || httpStatus == 429 || httpStatus == 408) {
        // The component (or a proxy in front of it) is overloaded or broken
        // right now: worth another attempt unless it says otherwise.
        return componentError(reply, label, httpStatus, ErrorCode::ComponentUnavailable, true,
                              true);
    }
    if (httpStatus == 404 && !(isObject && reply.contains(kError)))
        return NodeOutcome::failed(
            Error{ErrorCode::ComponentNotFound,
                  QStringLiteral("%1: the endpoint does not serve this component").arg(label),
                  {{QStringLiteral("http_status"), httpStatus}}},
            false);
    if (httpStatus >= 400)
        return componentError(reply, label, httpStatus, ErrorCode::ValidationError, false);
    if (httpStatus < 200 || httpStatus >= 300)
        return malformed(label, QStringLiteral("unexpected HTTP status %1").arg(httpStatus), body);

    if (parseError.error != QJsonParseError::NoError)
        return malformed(label, QStringLiteral("invalid JSON (%1)").arg(parseError.errorString()),
                         body);
    if (!isObject)
        return malformed(label, QStringLiteral("the body is not a JSON object"), body);

    const QString status = reply.value(kStatus).toString();
    if (status == QLatin1String("ok")) {
        const QJsonValue outputs = reply.value(QStringLiteral("outputs"));
        if (!outputs.isUndefined() && !outputs.isNull() && !outputs.isObject())
            return malformed(label, QStringLiteral("\"outputs\" is not an object"), body);
        const QJsonValue handle = reply.value(QStringLiteral("handle"));
        if (!handle.isUndefined() && (!handle.isString() || handle.toString().isEmpty()))
            return malformed(label, QStringLiteral("\"handle\" is not a non-empty string"), body);
        NodeOutcome outcome = NodeOutcome::completed(outputs.toObject());
        if (handle.isString())
            outcome.handle = handle.toString();
        readLogs(reply, &outcome);
        return outcome;
    }
    if (status == QLatin1String("error")) {
        if (!reply.value(kError).isObject())
            return malformed(label, QStringLiteral("status \"error\" without an \"error\" object"),
                             body);
        // An error the component reports itself is about this input, so by
        // default retrying would fail the same way.
        NodeOutcome outcome =
            componentError(reply, label, httpStatus, ErrorCode::InternalError, false);
        readLogs(reply, &outcome);
        return outcome;
    }
    return malformed(label, QStringLiteral("\"status\" is neither \"ok\" nor \"error\""), body);
}

NodeOutcome outcomeFromNetworkError(QNetworkReply::NetworkError error, const QString &errorText,
                                    const QString &label)
{
    const QJsonObject details{{QStringLiteral("network_error"), static_cast<int>(error)}};
    switch (error) {
    case QNetworkReply::TimeoutError:
        return NodeOutcome::failed(Error{ErrorCode::ExecutionTimeout,
                                         QStringLiteral("%1 timed out: %2").arg(label, errorText),
                                         details},
                                   true);
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        // A bad endpoint URL does not heal by retrying.
        return NodeOutcome::failed(
            Error{ErrorCode::ComponentUnavailable,
                  QStringLiteral("%1 cannot be called: %2").arg(label, errorText), details},
            false);
    default:
        return NodeOutcome::failed(
            Error{ErrorCode::ComponentUnavailable,
                  QStringLiteral("%1 is unavailable: %2").arg(label, errorText), details},
            true);
    }
}

} // namespace hm::engine::http
