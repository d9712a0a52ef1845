#include "engine/http/HttpRequestExecutor.h"

#include "engine/http/PendingReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QStringDecoder>
#include <QTimer>

namespace hm::engine {

using http::PendingReply;

namespace {

flow::PortDef port(const char *name, flow::PortType type, bool required,
                   std::optional<QJsonValue> defaultValue, const char *description)
{
    return flow::PortDef{QString::fromLatin1(name), type, required, std::move(defaultValue),
                         QString::fromUtf8(description)};
}

bool isJsonType(const QByteArray &mime)
{
    return mime == "application/json" || mime.endsWith("+json");
}

bool isTextType(const QByteArray &mime)
{
    return mime.startsWith("text/") || mime == "application/xml" || mime.endsWith("+xml") ||
           mime == "application/javascript" || mime == "application/x-www-form-urlencoded" ||
           mime == "application/yaml";
}

std::optional<QString> asUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

// Input validation failures: the node's inputs are wrong, so no retry.
NodeOutcome badInput(const QString &message)
{
    return NodeOutcome::failed(Error{ErrorCode::ValidationError, message}, false);
}

QString safeUrl(const QUrl &url)
{
    // Query strings and user info often carry secrets; logs get neither.
    return url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment);
}

struct Call
{
    QByteArray method;
    QNetworkRequest request;
    QByteArray body;
    int timeoutMs = 0;
};

// Turns the inputs into a request, or says what is wrong with them.
std::variant<Call, NodeOutcome> buildCall(const NodeTask &task)
{
    const QJsonObject &in = task.inputs;
    Call call;
    const QJsonValue method = in.value(QStringLiteral("method"));
    if (!method.isUndefined() && !method.isNull() && !method.isString())
        return badInput(QStringLiteral("http-request: \"method\" must be a string"));
    call.method = method.toString(QStringLiteral("GET")).trimmed().toUpper().toLatin1();
    if (call.method.isEmpty())
        call.method = "GET";

    const QUrl url(in.value(QStringLiteral("url")).toString(), QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return badInput(QStringLiteral("http-request: \"url\" must be an absolute http(s) URL"));
    call.request.setUrl(url);

    const QJsonValue headers = in.value(QStringLiteral("headers"));
    if (!headers.isUndefined() && !headers.isNull() && !headers.isObject())
        return badInput(QStringLiteral("http-request: \"headers\" must be an object"));
    const QJsonObject headerObject = headers.toObject();
    bool hasContentType = false;
    for (auto it = headerObject.begin(); it != headerObject.end(); ++it) {
        QString value;
        if (it.value().isString())
            value = it.value().toString();
        else if (it.value().isDouble() || it.value().isBool())
            value = it.value().toVariant().toString();
        else
            return badInput(
                QStringLiteral("http-request: header \"%1\" must be a string").arg(it.key()));
        if (it.key().compare(QLatin1String("content-type"), Qt::CaseInsensitive) == 0)
            hasContentType = true;
        call.request.setRawHeader(it.key().toUtf8(), value.toUtf8());
    }

    const QJsonValue body = in.value(QStringLiteral("body"));
    QByteArray contentType;
    if (body.isString()) {
        call.body = body.toString().toUtf8();
        contentType = "text/plain; charset=utf-8";
    } else if (!body.isUndefined() && !body.isNull()) {
        // Wrapped in an array so scalars serialise too, then unwrapped.
        const QByteArray wrapped = QJsonDocument(QJsonArray{body}).toJson(QJsonDocument::Compact);
        call.body = wrapped.mid(1, wrapped.size() - 2);
        contentType = "application/json";
    }
    if (!contentType.isEmpty() && !hasContentType)
        call.request.setRawHeader("Content-Type", contentType);

    const QJsonValue timeout = in.value(QStringLiteral("timeout_ms"));
    if (!timeout.isUndefined() && !timeout.isNull() && !timeout.isDouble())
        return badInput(QStringLiteral("http-request: \"timeout_ms\" must be an integer"));
    const int inputTimeout = timeout.toInt(0);
    // The tighter of the node's timeout and the input's.
    call.timeoutMs = task.timeoutMs;
    if (inputTimeout > 0 && (call.timeoutMs <= 0 || inputTimeout < call.timeoutMs))
        call.timeoutMs = inputTimeout;
    return call;
}

QJsonObject responseHeaders(const QNetworkReply &reply)
{
    // Lower-case names (HTTP names are case-insensitive); repeated headers
    // joined with ", " as RFC 9110 allows.
    QJsonObject headers;
    for (const auto &[name, value] : reply.rawHeaderPairs()) {
        const QString key = QString::fromLatin1(name).toLower();
        const QString text = QString::fromLatin1(value);
        const QJsonValue existing = headers.value(key);
        headers.insert(key, existing.isString() ? existing.toString() + QStringLiteral(", ") + text
                                                : text);
    }
    return headers;
}

class HttpRequestRun final : public NodeRun
{
public:
    HttpRequestRun(NodeTask task, NodeDone done) : m_task(std::move(task)), m_done(std::move(done))
    {}

    void begin(QNetworkAccessManager *network)
    {
        auto built = buildCall(m_task);
        if (auto *failure = std::get_if<NodeOutcome>(&built)) {
            finishLater(std::move(*failure));
            return;
        }
        Call call = std::get<Call>(std::move(built));
        if (!network) {
            finishLater(NodeOutcome::failed(
                Error{ErrorCode::NetworkError, QStringLiteral("http-request: no network access")},
                true));
            return;
        }
        m_method = call.method;
        m_url = call.request.url();
        m_timeoutMs = call.timeoutMs;
        QNetworkReply *reply =
            call.body.isEmpty() && call.method == "GET"
                ? network->get(call.request)
                : network->sendCustomRequest(call.request, call.method, call.body);
        m_call = std::make_unique<PendingReply>(
            reply, call.timeoutMs, kHttpRequestMaxResponseBytes,
            [this](QNetworkReply &r, PendingReply::End how) { onEnd(r, how); });
    }

    void cancel() override
    {
        if (m_finished)
            return;
        if (m_call)
            m_call->abandon();
        finishLater(NodeOutcome::cancelled());
    }

private:
    void onEnd(QNetworkReply &reply, PendingReply::End how)
    {
        const QString where = QString::fromLatin1(m_method) + QLatin1Char(' ') + safeUrl(m_url);
        if (how == PendingReply::End::TimedOut)
            return finish(NodeOutcome::failed(
                Error{ErrorCode::ExecutionTimeout,
                      QStringLiteral("%1: no answer within %2 ms").arg(where).arg(m_timeoutMs)},
                true));
        if (how == PendingReply::End::TooLarge)
            return finish(
                NodeOutcome::failed(Error{ErrorCode::PayloadTooLarge,
                                          QStringLiteral("%1: the response exceeds %2 bytes")
                                              .arg(where)
                                              .arg(kHttpRequestMaxResponseBytes)},
                                    false));

        const QVariant statusAttribute = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!statusAttribute.isValid()) {
            // No HTTP answer at all: refused, reset, DNS, TLS. The target may
            // well be back on the next attempt.
            return finish(NodeOutcome::failed(
                Error{ErrorCode::NetworkError,
                      QStringLiteral("%1 failed: %2").arg(where, reply.errorString()),
                      {{QStringLiteral("network_error"), static_cast<int>(reply.error())}}},
                true));
        }
        const int status = statusAttribute.toInt();
        const QByteArray bytes = reply.readAll();
        const QByteArray contentType =
            reply.header(QNetworkRequest::ContentTypeHeader).toByteArray();
        QString encoding;
        const QJsonValue body = decodeHttpBody(bytes, contentType, &encoding);
        const QString logLine =
            QStringLiteral("%1 -> %2 (%3 bytes)").arg(where).arg(status).arg(bytes.size());

        const bool failOnHttpError =
            m_task.config.value(QStringLiteral("failOnHttpError")).toBool(false);
        if (failOnHttpError && (status < 200 || status >= 300)) {
            const bool retryable = status >= 500 || status == 408 || status == 429;
            NodeOutcome outcome = NodeOutcome::failed(
                Error{retryable ? ErrorCode::ServiceUnavailable : ErrorCode::ValidationError,
                      QStringLiteral("%1 answered HTTP %2").arg(where).arg(status),
                      {{QStringLiteral("status"), status}}},
                retryable);
            outcome.logs.append(logLine);
            return finish(std::move(outcome));
        }
        NodeOutcome outcome = NodeOutcome::completed(QJsonObject{
            {QStringLiteral("status"), status},
            {QStringLiteral("headers"), responseHeaders(reply)},
            {QStringLiteral("body"), body},
            {QStringLiteral("body_encoding"), encoding},
        });
        outcome.logs.append(logLine);
        finish(std::move(outcome));
    }

    void finish(NodeOutcome outcome)
    {
        if (m_finished)
            return;
        m_finished = true;
        NodeDone done = std::move(m_done);
        done(std::move(outcome)); // may destroy this run
    }

    void finishLater(NodeOutcome outcome)
    {
        if (m_finishPending)
            return;
        m_finishPending = true;
        QTimer::singleShot(0, &m_guard, [this, outcome = std::move(outcome)]() mutable {
            finish(std::move(outcome));
        });
    }

    NodeTask m_task;
    NodeDone m_done;
    QByteArray m_method;
    QUrl m_url;
    int m_timeoutMs = 0;
    std::unique_ptr<PendingReply> m_call;
    QObject m_guard;
    bool m_finished = false;
    bool m_finishPending = false;
};

class HttpRequestExecutor final : public NodeExecutor
{
public:
    explicit HttpRequestExecutor(QNetworkAccessManager *network) : m_network(network) {}

    std::unique_ptr<NodeRun> start(const NodeTask &task, NodeDone done) override
    {
        auto run = std::make_unique<HttpRequestRun>(task, std::move(done));
        run->begin(m_network);
        return run;
    }

private:
    QPointer<QNetworkAccessManager> m_network;
};

} // namespace

flow::ComponentInterface httpRequestInterface()
{
    using flow::PortType;
    flow::ComponentInterface iface;
    iface.name = QString::fromLatin1(kHttpRequestComponent);
    iface.version = QString::fromLatin1(kHttpRequestVersion);
    iface.inputs = {
        port("method", PortType::String, false, QJsonValue(QStringLiteral("GET")), "HTTP method"),
        port("url", PortType::String, true, std::nullopt, "absolute http(s) URL"),
        port("headers", PortType::Object, false, QJsonValue(QJsonObject{}),
             "request headers, name to string value"),
        port("body", PortType::Any, false, std::nullopt,
             "a string is sent as text, anything else as JSON"),
        port("timeout_ms", PortType::Integer, false, std::nullopt,
             "call deadline; the node timeout still applies"),
    };
    iface.outputs = {
        port("status", PortType::Integer, false, std::nullopt, "HTTP status code"),
        port("headers", PortType::Object, false, std::nullopt, "response headers, lower-case"),
        port("body", PortType::Any, false, std::nullopt, "JSON value, text or base64"),
        port("body_encoding", PortType::String, false, std::nullopt, "json, text, base64 or none"),
    };
    iface.configSchema = QJsonObject{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("failOnHttpError"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("boolean")}}}}},
    };
    return iface;
}

std::unique_ptr<NodeExecutor> makeHttpRequestExecutor(QNetworkAccessManager *network)
{
    return std::make_unique<HttpRequestExecutor>(network);
}

QJsonValue decodeHttpBody(const QByteArray &body, const QByteArray &contentType, QString *encoding)
{
    const QByteArray mime = contentType.split(';').first().trimmed().toLower();
    if (body.isEmpty()) {
        *encoding = QStringLiteral("none");
        return QJsonValue(QString());
    }
    if (isJsonType(mime)) {
        // Wrapped so a scalar document ("42", "\"x\"") parses as well.
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray('[' + body + ']'), &error);
        if (error.error == QJsonParseError::NoError && doc.array().size() == 1) {
            *encoding = QStringLiteral("json");
            return doc.array().first();
        }
    }
    const bool textual = isTextType(mime) || isJsonType(mime) || mime.isEmpty() ||
                         contentType.toLower().contains("charset=");
    if (textual) {
        if (auto text = asUtf8(body)) {
            *encoding = QStringLiteral("text");
            return *text;
        }
    }
    *encoding = QStringLiteral("base64");
    return QString::fromLatin1(body.toBase64());
}

} // namespace hm::engine
