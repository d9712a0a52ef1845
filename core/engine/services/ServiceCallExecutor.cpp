#include "engine/services/ServiceCallExecutor.h"

#include "engine/http/HttpRequestExecutor.h"
#include "engine/http/PendingReply.h"

#include <QByteArrayMatcher>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QStringMatcher>
#include <QTimer>
#include <algorithm>
#include <optional>
#include <variant>

namespace hm::engine {

using http::PendingReply;

// Named rather than anonymous: the sanitizer build compiles sources in
// unity batches, where another file's anonymous helpers (http-request's
// Call, badInput, responseHeaders) would share this scope.
namespace service_call {

const QString kMask = QStringLiteral("****");
// Error bodies above this size stay out of the error's details.
constexpr qsizetype kMaxErrorBodyBytes = 4096;

// Every form in which one call's secrets could come back: as sent (a
// header value, a query value), percent-encoded (a service echoing its
// URL, Qt's error strings quoting it). Replaced by the project's mask.
class SecretMask
{
public:
    void add(const QString &secret)
    {
        addForm(secret);
        addForm(QString::fromLatin1(QUrl::toPercentEncoding(secret)));
    }
    // A credential header's value, and its token without the scheme
    // ("Bearer abc" -> "abc").
    void addHeaderValue(const QString &value)
    {
        add(value);
        const qsizetype space = value.indexOf(QLatin1Char(' '));
        if (space > 0)
            add(value.mid(space + 1).trimmed());
    }
    bool isEmpty() const { return m_forms.isEmpty(); }

    // Each form replaced by the mask, longest first. Most texts hold none:
    // they are only searched (with matchers built once), not copied.
    QString text(QString text) const
    {
        if (!holdsText(text))
            return text;
        for (const Form &form : m_forms)
            text.replace(form.text, kMask);
        return text;
    }
    QByteArray bytes(QByteArray bytes) const
    {
        if (!holdsBytes(bytes))
            return bytes;
        for (const Form &form : m_forms)
            bytes.replace(form.bytes, kMask.toLatin1());
        return bytes;
    }
    QJsonValue json(const QJsonValue &value) const
    {
        if (!holdsJson(value))
            return value;
        if (value.isString())
            return text(value.toString());
        if (value.isArray()) {
            QJsonArray out;
            for (const QJsonValue &v : value.toArray())
                out.append(json(v));
            return out;
        }
        return object(value.toObject());
    }
    // Keys and values; a copy of the object (shared, not rebuilt) when
    // nothing in it is secret.
    QJsonObject object(const QJsonObject &value) const
    {
        if (!holdsObject(value))
            return value;
        QJsonObject out;
        for (auto it = value.begin(); it != value.end(); ++it)
            out.insert(text(it.key()), json(it.value()));
        return out;
    }

private:
    struct Form
    {
        QString text;
        QByteArray bytes;
        QStringMatcher textMatcher;
        QByteArrayMatcher bytesMatcher;
    };

    bool holdsText(QStringView text) const
    {
        if (text.size() < m_shortest)
            return false;
        for (const Form &form : m_forms) {
            if (form.textMatcher.indexIn(text) >= 0)
                return true;
        }
        return false;
    }
    bool holdsBytes(QByteArrayView bytes) const
    {
        if (bytes.size() < m_shortest)
            return false;
        for (const Form &form : m_forms) {
            if (form.bytesMatcher.indexIn(bytes) >= 0)
                return true;
        }
        return false;
    }
    // Whether a string anywhere in the value, or a key, holds a form.
    bool holdsJson(const QJsonValue &value) const
    {
        switch (value.type()) {
        case QJsonValue::String:
            return holdsText(value.toString());
        case QJsonValue::Array: {
            const QJsonArray array = value.toArray();
            for (const QJsonValue &v : array) {
                if (holdsJson(v))
                    return true;
            }
            return false;
        }
        case QJsonValue::Object:
            return holdsObject(value.toObject());
        default:
            return false;
        }
    }
    bool holdsObject(const QJsonObject &object) const
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (holdsText(it.key()) || holdsJson(it.value()))
                return true;
        }
        return false;
    }

    void addForm(const QString &form)
    {
        if (form.isEmpty())
            return;
        for (const Form &known : std::as_const(m_forms)) {
            if (known.text == form)
                return;
        }
        // Longest first, so a secret inside another is not masked half-way.
        qsizetype at = 0;
        while (at < m_forms.size() && m_forms[at].text.size() >= form.size())
            ++at;
        const QByteArray bytes = form.toUtf8();
        m_forms.insert(at, Form{form, bytes, QStringMatcher(form), QByteArrayMatcher(bytes)});
        // A UTF-8 form is never shorter, in bytes, than its text in UTF-16
        // units: the shortest text bounds both searches.
        m_shortest = m_forms.constLast().text.size();
    }

    QList<Form> m_forms;
    qsizetype m_shortest = 0;
};

void addSecretForms(SecretMask &mask, const ServiceAuth &auth)
{
    for (const QString &secret : auth.secrets)
        mask.add(secret);
    for (const auto &[name, value] : auth.headers)
        mask.addHeaderValue(QString::fromUtf8(value));
    for (const auto &[name, value] : auth.query)
        mask.add(value);
}

// The mask of a credential's secrets. Most calls of a service use the same
// (cached) credential one after the other: its forms (percent-encoded,
// without the scheme) and their matchers are derived once per engine
// thread and reused while the credential stays the same.
SecretMask maskOf(const ServiceAuth &auth)
{
    struct Last
    {
        ServiceAuth auth;
        SecretMask mask;
        bool valid = false;
    };
    thread_local Last last;
    const auto sameValues = [](const auto &a, const auto &b) {
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (a[i].second != b[i].second)
                return false;
        }
        return true;
    };
    if (last.valid && last.auth.secrets == auth.secrets &&
        sameValues(last.auth.headers, auth.headers) && sameValues(last.auth.query, auth.query))
        return last.mask;
    SecretMask mask;
    addSecretForms(mask, auth);
    last.auth = auth;
    last.mask = mask;
    last.valid = true;
    return mask;
}

NodeOutcome badInput(const QString &message, QJsonObject details = {})
{
    return NodeOutcome::failed(Error{ErrorCode::ValidationError, message, std::move(details)},
                               false);
}

// Whether an error from the resolver may go away by itself (the node's
// retry policy then tries again): it says so in details.retryable, or its
// code is a transient one.
bool transient(const Error &error)
{
    const QJsonValue flag = error.details.value(QStringLiteral("retryable"));
    if (flag.isBool())
        return flag.toBool();
    switch (error.code) {
    case ErrorCode::ServiceUnavailable:
    case ErrorCode::NetworkError:
    case ErrorCode::Timeout:
    case ErrorCode::ExecutionTimeout:
    case ErrorCode::DbBusy:
        return true;
    default:
        return false;
    }
}

// A parameter value as text: strings as they are, numbers and booleans
// in JSON notation, objects as compact JSON. nullopt for arrays (the
// caller decides how they are spread) and for no value.
std::optional<QString> scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default:
        return std::nullopt;
    }
}

// OpenAPI's default styles: path and header arrays are "simple" (a,b,c);
// query arrays "form" with explode (k=a&k=b), see buildQuery.
QString joinedText(const QJsonValue &value)
{
    if (!value.isArray())
        return scalarText(value).value_or(QString());
    QStringList parts;
    for (const QJsonValue &v : value.toArray())
        parts.append(scalarText(v).value_or(QString()));
    return parts.join(QLatin1Char(','));
}

bool isPresent(const QJsonValue &value)
{
    return !value.isUndefined() && !value.isNull();
}

QByteArray encodeQueryPair(const QString &name, const QString &value)
{
    return QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
}

void appendQuery(QByteArray &query, const QByteArray &pair)
{
    if (!query.isEmpty())
        query += '&';
    query += pair;
}

struct Call
{
    QByteArray method;
    QByteArray urlWithoutAuth; // fully encoded, query included
    QByteArray query;          // the parameters' part of it
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString where; // "GET http://host/path", no query: for logs and errors
};

// A base URL made ready once per engine thread for as long as its calls
// go to the same service: whether it is an absolute http(s) URL, its
// encoded form without query and fragment and without trailing "/" (the
// path is appended to it), and that form without user info, for logs and
// errors (the same as re-parsing the whole URL and dropping the user info:
// the path appended is already percent-encoded).
struct BasePrefix
{
    QUrl base;
    bool valid = false;
    QByteArray prefix;
    QByteArray wherePrefix;
};

const BasePrefix &basePrefix(const QUrl &base)
{
    thread_local BasePrefix last;
    thread_local bool filled = false;
    if (filled && last.base == base)
        return last;
    BasePrefix made;
    made.base = base;
    const QString scheme = base.scheme();
    made.valid = base.isValid() && !base.host().isEmpty() &&
                 (scheme == QLatin1String("http") || scheme == QLatin1String("https"));
    if (made.valid) {
        made.prefix = base.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment);
        while (made.prefix.endsWith('/'))
            made.prefix.chop(1);
        made.wherePrefix =
            QUrl::fromEncoded(made.prefix).toEncoded(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    }
    last = std::move(made);
    filled = true;
    return last;
}

// Turns the spec and the node's inputs into a request, or says what is
// wrong with the inputs.
std::variant<Call, NodeOutcome> buildCall(const ServiceEndpointSpec &spec, const NodeTask &task)
{
    const QJsonObject &in = task.inputs;
    const QStringList ports = serviceInputPortNames(spec);
    Call call;
    call.method = spec.method.trimmed().toUpper().toLatin1();
    if (call.method.isEmpty())
        call.method = "GET";

    QStringList missing;
    // The value of parameter i, or undefined.
    auto valueOf = [&](qsizetype i) { return in.value(ports[i]); };

    // Path: each {name} from its parameter, percent-encoded whole (a "/"
    // inside a value stays inside its segment).
    QByteArray path;
    const QString &tpl = spec.path;
    static const QByteArray kPathSafe = "/%:@!$&'()*+,;=";
    for (qsizetype at = 0; at < tpl.size();) {
        const qsizetype open = tpl.indexOf(QLatin1Char('{'), at);
        const qsizetype close = open < 0 ? -1 : tpl.indexOf(QLatin1Char('}'), open);
        if (open < 0 || close < 0) {
            path += QUrl::toPercentEncoding(tpl.mid(at), kPathSafe);
            break;
        }
        path += QUrl::toPercentEncoding(tpl.mid(at, open - at), kPathSafe);
        const QString name = tpl.mid(open + 1, close - open - 1);
        QJsonValue value;
        QString port = name;
        for (qsizetype i = 0; i < spec.parameters.size(); ++i) {
            if (spec.parameters[i].in == QLatin1String("path") && spec.parameters[i].name == name) {
                value = valueOf(i);
                port = ports[i];
                break;
            }
        }
        if (value.isUndefined())
            value = in.value(name);
        if (!isPresent(value) || joinedText(value).isEmpty())
            missing.append(port);
        else
            path += QUrl::toPercentEncoding(joinedText(value));
        at = close + 1;
    }
    if (!path.startsWith('/'))
        path.prepend('/');

    QStringList cookies;
    for (qsizetype i = 0; i < spec.parameters.size(); ++i) {
        const ServiceParameter &p = spec.parameters[i];
        if (p.in == QLatin1String("path"))
            continue;
        const QJsonValue value = valueOf(i);
        if (!isPresent(value)) {
            if (p.required)
                missing.append(ports[i]);
            continue;
        }
        if (p.in == QLatin1String("query")) {
            if (value.isArray()) {
                for (const QJsonValue &v : value.toArray())
                    appendQuery(call.query,
                                encodeQueryPair(p.name, scalarText(v).value_or(QString())));
            } else {
                appendQuery(call.query, encodeQueryPair(p.name, *scalarText(value)));
            }
        } else if (p.in == QLatin1String("header") || p.in == QLatin1String("cookie")) {
            const QString text = joinedText(value);
            if (text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\n')))
                return badInput(QStringLiteral("service: %1 \"%2\" must not contain line breaks")
                                    .arg(p.in, ports[i]));
            if (p.in == QLatin1String("header"))
                call.headers.append({p.name.toUtf8(), text.toUtf8()});
            else
                cookies.append(p.name + QLatin1Char('=') + text);
        }
    }
    if (!missing.isEmpty()) {
        return badInput(QStringLiteral("service: missing required parameter(s): %1")
                            .arg(missing.join(QStringLiteral(", "))),
                        {{QStringLiteral("missing"), QJsonArray::fromStringList(missing)}});
    }
    if (!cookies.isEmpty())
        call.headers.append({"Cookie", cookies.join(QStringLiteral("; ")).toUtf8()});

    if (spec.hasBody) {
        const QJsonValue body = in.value(QStringLiteral("body"));
        if (isPresent(body)) {
            const QByteArray contentType = spec.bodyContentType.isEmpty()
                                               ? QByteArrayLiteral("application/json")
                                               : spec.bodyContentType.toUtf8();
            if (body.isString() && !contentType.toLower().contains("json")) {
                call.body = body.toString().toUtf8();
            } else {
                // Wrapped in an array so scalars serialise too, then unwrapped.
                const QByteArray wrapped =
                    QJsonDocument(QJsonArray{body}).toJson(QJsonDocument::Compact);
                call.body = wrapped.mid(1, wrapped.size() - 2);
            }
            call.headers.append({"Content-Type", contentType});
        }
    }

    const BasePrefix &base = basePrefix(spec.baseUrl);
    if (!base.valid)
        return badInput(QStringLiteral("service %1: the base URL is not an absolute http(s) URL")
                            .arg(spec.serviceId));
    call.urlWithoutAuth = base.prefix + path;
    // Encoded as sent, so "%" in it are escapes: never an .arg() template.
    call.where = QString::fromLatin1(call.method) + QLatin1Char(' ') +
                 QString::fromLatin1(base.wherePrefix + path);
    return call;
}

QJsonObject responseHeaders(const QNetworkReply &reply)
{
    // Lower-case names; repeated headers joined with ", " (RFC 9110). Merged
    // in a list first: a few headers, and one insert each into the object.
    const QList<QNetworkReply::RawHeaderPair> &pairs = reply.rawHeaderPairs();
    QList<QPair<QString, QString>> merged;
    merged.reserve(pairs.size());
    for (const auto &[name, value] : pairs) {
        const QString key = QString::fromLatin1(name.toLower());
        const QString text = QString::fromLatin1(value);
        auto same = std::find_if(merged.begin(), merged.end(),
                                 [&key](const auto &header) { return header.first == key; });
        if (same != merged.end())
            same->second += QStringLiteral(", ") + text;
        else
            merged.append({key, text});
    }
    QJsonObject headers;
    for (const auto &[key, text] : std::as_const(merged))
        headers.insert(key, text);
    return headers;
}

class ServiceCallRun final : public NodeRun
{
public:
    ServiceCallRun(NodeTask task, NodeDone done, ServiceResolver *resolver,
                   QNetworkAccessManager *network)
        : m_task(std::move(task)), m_done(std::move(done)), m_resolver(resolver), m_network(network)
    {}

    void begin()
    {
        m_clock.start();
        const QJsonValue serviceId = m_task.config.value(QStringLiteral("serviceId"));
        const QJsonValue endpointId = m_task.config.value(QStringLiteral("endpointId"));
        if (!serviceId.isString() || !endpointId.isString())
            return finishLater(
                badInput(QStringLiteral("service: config needs \"serviceId\" and \"endpointId\"")));
        if (!m_resolver || !m_network)
            return finishLater(NodeOutcome::failed(
                Error{ErrorCode::ServiceUnavailable,
                      QStringLiteral("service: external services are not available here")},
                false));
        m_serviceId = serviceId.toString();
        Result<ServiceEndpointSpec> spec = m_resolver->endpoint(m_serviceId, endpointId.toString());
        if (!spec)
            return finishLater(NodeOutcome::failed(spec.error(), transient(spec.error())));
        auto built = buildCall(*spec, m_task);
        if (auto *failure = std::get_if<NodeOutcome>(&built))
            return finishLater(std::move(*failure));
        m_call = std::get<Call>(std::move(built));
        m_timeoutMs = m_task.timeoutMs > 0 ? m_task.timeoutMs : spec->timeoutMs;
        authorize(false);
    }

    void cancel() override
    {
        if (m_finished)
            return;
        if (m_pending)
            m_pending->abandon();
        finishLater(NodeOutcome::cancelled());
    }

private:
    void authorize(bool forceRefresh)
    {
        QPointer<QObject> guard(&m_guard);
        // The context is the engine thread's network manager, not this run:
        // the resolver checks its context from another thread, which is
        // only safe for an object that is not destroyed meanwhile (the
        // manager goes after the engine thread has stopped). The run's own
        // guard is checked here, on the engine thread.
        m_resolver->authorize(m_serviceId, forceRefresh, m_network.data(),
                              [this, guard](Result<ServiceAuth> auth) {
                                  if (guard)
                                      onAuthorized(std::move(auth));
                              });
    }

    void onAuthorized(Result<ServiceAuth> auth)
    {
        if (m_finished || m_finishPending)
            return;
        if (!auth) {
            Error error = auth.error();
            error.message = QStringLiteral("service %1: authentication failed: %2")
                                .arg(m_serviceId, error.message);
            return finish(NodeOutcome::failed(error, transient(auth.error())));
        }
        if (m_mask.isEmpty())
            m_mask = maskOf(*auth);
        else // after a refresh: the old credential's forms and the new one's
            addSecretForms(m_mask, *auth);
        m_auth = std::move(*auth);
        send();
    }

    void send()
    {
        int remaining = 0;
        if (m_timeoutMs > 0) {
            remaining = m_timeoutMs - static_cast<int>(m_clock.elapsed());
            if (remaining <= 0)
                return finish(timedOut());
        }
        QByteArray query = m_call.query;
        for (const auto &[name, value] : std::as_const(m_auth.query))
            appendQuery(query, encodeQueryPair(name, value));
        QByteArray url = m_call.urlWithoutAuth;
        if (!query.isEmpty())
            url += '?' + query;
        QNetworkRequest request(QUrl::fromEncoded(url));
        // Credentials go to the service's own origin only.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::SameOriginRedirectPolicy);
        for (const auto &[name, value] : std::as_const(m_call.headers))
            request.setRawHeader(name, value);
        for (const auto &[name, value] : std::as_const(m_auth.headers))
            request.setRawHeader(name, value);
        m_callClock.start();
        QNetworkReply *reply =
            m_call.body.isEmpty() && m_call.method == "GET"
                ? m_network->get(request)
                : m_network->sendCustomRequest(request, m_call.method, m_call.body);
        m_pending = std::make_unique<PendingReply>(
            reply, remaining, kServiceMaxResponseBytes,
            [this](QNetworkReply &r, PendingReply::End how) { onEnd(r, how); });
    }

    NodeOutcome timedOut()
    {
        return NodeOutcome::failed(Error{ErrorCode::ExecutionTimeout,
                                         QStringLiteral("%1: no answer within %2 ms")
                                             .arg(m_call.where, QString::number(m_timeoutMs))},
                                   true);
    }

    void log(const QString &result)
    {
        m_logs.append(QStringLiteral("%1 -> %2 in %3 ms")
                          .arg(m_call.where, result, QString::number(m_callClock.elapsed())));
    }

    void onEnd(QNetworkReply &reply, PendingReply::End how)
    {
        if (how == PendingReply::End::TimedOut) {
            log(QStringLiteral("timed out"));
            return finish(timedOut());
        }
        if (how == PendingReply::End::TooLarge) {
            log(QStringLiteral("too large"));
            return finish(NodeOutcome::failed(
                Error{ErrorCode::PayloadTooLarge,
                      QStringLiteral("%1: the response exceeds %2 bytes")
                          .arg(m_call.where, QString::number(kServiceMaxResponseBytes))},
                false));
        }
        const QVariant statusAttribute = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!statusAttribute.isValid()) {
            // No HTTP answer: refused, reset, DNS, TLS. May be back later.
            log(QStringLiteral("no answer"));
            return finish(NodeOutcome::failed(
                Error{ErrorCode::NetworkError,
                      QStringLiteral("%1 failed: %2").arg(m_call.where, reply.errorString()),
                      {{QStringLiteral("network_error"), static_cast<int>(reply.error())}}},
                true));
        }
        const int status = statusAttribute.toInt();
        const QByteArray bytes = m_mask.bytes(reply.readAll());
        log(QStringLiteral("%1 (%2 bytes)").arg(status).arg(bytes.size()));
        if (status == 401 && !m_refreshed) {
            // The credential may have expired since it was cached: once
            // with a fresh one, in this attempt.
            m_refreshed = true;
            return authorize(true);
        }
        QString encoding;
        const QJsonValue body = decodeHttpBody(
            bytes, reply.header(QNetworkRequest::ContentTypeHeader).toByteArray(), &encoding);
        if (status >= 200 && status < 300)
            return finish(NodeOutcome::completed(QJsonObject{
                {QStringLiteral("status"), status},
                {QStringLiteral("headers"), responseHeaders(reply)},
                {QStringLiteral("body"), body},
            }));

        const bool retryable = status >= 500 || status == 408 || status == 429;
        const ErrorCode code = retryable                        ? ErrorCode::ServiceUnavailable
                               : status == 401 || status == 403 ? ErrorCode::ServiceAuthFailed
                                                                : ErrorCode::ValidationError;
        QJsonObject details{{QStringLiteral("status"), status}};
        if (bytes.size() <= kMaxErrorBodyBytes)
            details.insert(QStringLiteral("body"), body);
        finish(NodeOutcome::failed(
            Error{code,
                  QStringLiteral("%1 answered HTTP %2").arg(m_call.where, QString::number(status)),
                  details},
            retryable));
    }

    void finish(NodeOutcome outcome)
    {
        if (m_finished)
            return;
        m_finished = true;
        outcome.logs = m_logs + outcome.logs;
        if (!m_mask.isEmpty()) {
            outcome.outputs = m_mask.object(outcome.outputs);
            outcome.error.message = m_mask.text(outcome.error.message);
            outcome.error.details = m_mask.object(outcome.error.details);
            for (QString &line : outcome.logs)
                line = m_mask.text(line);
        }
        NodeDone done = std::move(m_done);
        done(std::move(outcome)); // may destroy this run
    }

    void finishLater(NodeOutcome outcome)
    {
        if (m_finishPending || m_finished)
            return;
        m_finishPending = true;
        QTimer::singleShot(0, &m_guard, [this, outcome = std::move(outcome)]() mutable {
            finish(std::move(outcome));
        });
    }

    NodeTask m_task;
    NodeDone m_done;
    ServiceResolver *m_resolver;
    QPointer<QNetworkAccessManager> m_network;
    QString m_serviceId;
    Call m_call;
    ServiceAuth m_auth;
    SecretMask m_mask;
    int m_timeoutMs = 0;
    bool m_refreshed = false;
    QElapsedTimer m_clock;     // the attempt
    QElapsedTimer m_callClock; // the current HTTP call
    QStringList m_logs;
    std::unique_ptr<PendingReply> m_pending;
    QObject m_guard;
    bool m_finished = false;
    bool m_finishPending = false;
};

} // namespace service_call

ServiceCallExecutor::ServiceCallExecutor(ServiceResolver *resolver, QNetworkAccessManager *network)
    : m_resolver(resolver), m_network(network)
{}

std::unique_ptr<NodeRun> ServiceCallExecutor::start(const NodeTask &task, NodeDone done)
{
    auto run = std::make_unique<service_call::ServiceCallRun>(task, std::move(done), m_resolver,
                                                              m_network);
    run->begin();
    return run;
}

void registerServiceNode(ExecutorRegistry &registry, ServiceResolver *resolver,
                         QNetworkAccessManager *network)
{
    registry.add(serviceInterface(), std::make_shared<ServiceCallExecutor>(resolver, network),
                 [resolver](const QJsonObject &config) -> Result<flow::ComponentInterface> {
                     if (!resolver)
                         return serviceInterface();
                     return serviceNodeInterface(*resolver, config);
                 });
}

} // namespace hm::engine
