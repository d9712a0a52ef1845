#include "ReferenceServer.h"

#include "BlobClient.h"
#include "Components.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonParseError>

namespace refcomp {

namespace {

using Status = QHttpServerResponder::StatusCode;

QJsonObject ok(const QJsonObject &outputs)
{
    return QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                       {QStringLiteral("outputs"), outputs}};
}

QJsonObject error(const QString &code, const QString &message, bool retryable)
{
    return QJsonObject{{QStringLiteral("status"), QStringLiteral("error")},
                       {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                             {QStringLiteral("message"), message}}},
                       {QStringLiteral("retryable"), retryable}};
}

void reply(QHttpServerResponder &responder, const QJsonObject &body, int status = 200)
{
    responder.write(QJsonDocument(body), static_cast<Status>(status));
}

QString jobKey(const QJsonObject &job)
{
    return job.value(QStringLiteral("execution_id")).toString() + QLatin1Char('/') +
           job.value(QStringLiteral("node_id")).toString();
}

// An input, falling back to the config value of the same name.
QJsonValue setting(const QJsonObject &job, const QString &name)
{
    const QJsonValue input = job.value(QStringLiteral("inputs")).toObject().value(name);
    if (!input.isUndefined() && !input.isNull())
        return input;
    return job.value(QStringLiteral("config")).toObject().value(name);
}

std::optional<BlobAccess> blobAccess(const QJsonObject &job)
{
    const QJsonObject blob = job.value(QStringLiteral("blob")).toObject();
    const QUrl base(blob.value(QStringLiteral("base_url")).toString());
    if (!base.isValid() || base.isEmpty())
        return std::nullopt;
    return BlobAccess{base, blob.value(QStringLiteral("token")).toString()};
}

} // namespace

ReferenceServer::ReferenceServer()
{
    m_http.route(QStringLiteral("/execute"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     execute(request, std::move(responder));
                 });
    m_http.route(QStringLiteral("/cancel"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     cancel(request, std::move(responder));
                 });
    m_http.route(QStringLiteral("/health"), QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                     reply(responder,
                           QJsonObject{{QStringLiteral("status"), m_healthStatus},
                                       {QStringLiteral("components"), componentSummaries()}});
                 });
    // Tests only: what /health reports from now on ({"status": "unhealthy"}),
    // while /execute keeps working.
    m_http.route(QStringLiteral("/control/health"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     const QString status = QJsonDocument::fromJson(request.body())
                                                .object()
                                                .value(QStringLiteral("status"))
                                                .toString();
                     m_healthStatus = status.isEmpty() ? QStringLiteral("healthy") : status;
                     reply(responder, QJsonObject{{QStringLiteral("status"), m_healthStatus}});
                 });
    m_http.route(QStringLiteral("/interface"), QHttpServerRequest::Method::Get,
                 [](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                     responder.write(QJsonDocument(interfaceDefs()));
                 });
    m_http.route(QStringLiteral("/stats"), QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                     reply(responder, stats());
                 });
    m_http.setMissingHandler(
        [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            reply(responder,
                  error(QStringLiteral("RESOURCE_NOT_FOUND"),
                        QStringLiteral("no route for %1").arg(request.url().path()), false),
                  404);
        });
}

quint16 ReferenceServer::listen(const QHostAddress &address, quint16 port)
{
    return m_http.listen(address, port);
}

QJsonObject ReferenceServer::stats() const
{
    return QJsonObject{{QStringLiteral("executed"), m_executed},
                       {QStringLiteral("cancelled"), m_cancelled},
                       {QStringLiteral("requests"), m_requests}};
}

void ReferenceServer::execute(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    ++m_executed;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return reply(responder,
                     error(QStringLiteral("VALIDATION_ERROR"),
                           QStringLiteral("the request body is not a JSON object"), false),
                     400);
    const QJsonObject job = document.object();
    const QString component = job.value(QStringLiteral("component")).toString();
    const QString key = jobKey(job);
    const int seen = ++m_requestCount[key];

    // Kept for tests: what the engine sent, headers included.
    m_requests.append(QJsonObject{
        {QStringLiteral("execution_id"), job.value(QStringLiteral("execution_id"))},
        {QStringLiteral("node_id"), job.value(QStringLiteral("node_id"))},
        {QStringLiteral("component"), component},
        {QStringLiteral("attempt"), job.value(QStringLiteral("attempt"))},
        {QStringLiteral("deadline_ms"), job.value(QStringLiteral("deadline_ms"))},
        {QStringLiteral("seen"), seen},
        {QStringLiteral("header_execution"),
         QString::fromUtf8(request.value(QByteArrayLiteral("X-HiveMind-Execution")))},
        {QStringLiteral("header_node"),
         QString::fromUtf8(request.value(QByteArrayLiteral("X-HiveMind-Node")))},
        {QStringLiteral("header_attempt"),
         QString::fromUtf8(request.value(QByteArrayLiteral("X-HiveMind-Attempt")))},
        // The blob access as given (base_url, token): lets tests use the
        // server's blob endpoint as a component would.
        {QStringLiteral("blob"), job.value(QStringLiteral("blob"))},
    });
    while (m_requests.size() > 100)
        m_requests.removeFirst();

    const QJsonObject inputs = job.value(QStringLiteral("inputs")).toObject();
    if (!isKnownComponent(component))
        return reply(responder,
                     error(QStringLiteral("COMPONENT_NOT_FOUND"),
                           QStringLiteral("no component \"%1\" here").arg(component), false),
                     404);
    if (component == QLatin1String("echo"))
        return reply(responder, ok(inputs));
    if (component == QLatin1String("uppercase")) {
        const QJsonValue text = inputs.value(QStringLiteral("text"));
        if (!text.isString())
            return reply(responder,
                         error(QStringLiteral("VALIDATION_ERROR"),
                               QStringLiteral("input \"text\" must be a string"), false));
        return reply(responder,
                     ok(QJsonObject{{QStringLiteral("text"), text.toString().toUpper()}}));
    }
    if (component == QLatin1String("malformed")) {
        const QString kind = inputs.value(QStringLiteral("kind")).toString();
        if (kind == QLatin1String("shape"))
            return reply(responder,
                         QJsonObject{{QStringLiteral("status"), QStringLiteral("maybe")}});
        if (kind == QLatin1String("outputs"))
            return reply(responder, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                                {QStringLiteral("outputs"), QJsonArray{1}}});
        return responder.write(QByteArrayLiteral("{\"status\": \"ok\", \"outputs\": {"),
                               QByteArrayLiteral("application/json"));
    }
    if (component == QLatin1String("sleep"))
        return runSleep(key, job, std::move(responder));
    if (component == QLatin1String("fail"))
        return runFail(key, job, std::move(responder));
    if (component == QLatin1String("blob-size"))
        return runBlobSize(key, job, std::move(responder));
    runMakeBlob(key, job, std::move(responder));
}

void ReferenceServer::cancel(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    m_cancelled.append(QJsonObject{
        {QStringLiteral("execution_id"), body.value(QStringLiteral("execution_id"))},
        {QStringLiteral("node_id"), body.value(QStringLiteral("node_id"))},
        {QStringLiteral("attempt"), body.value(QStringLiteral("attempt"))},
    });
    const QString key = jobKey(body);
    const bool known = m_pending.count(key) > 0;
    // The engine has usually hung up already; complete() then only forgets.
    complete(key, error(QStringLiteral("EXECUTION_CANCELLED"), QStringLiteral("cancelled"), false));
    reply(responder, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                 {QStringLiteral("found"), known}});
}

void ReferenceServer::park(const QString &key, QHttpServerResponder &&responder)
{
    // A retry of the same node replaces an older parked request.
    complete(key,
             error(QStringLiteral("EXECUTION_CANCELLED"), QStringLiteral("superseded"), false));
    Pending pending;
    pending.socket = responder.socket();
    pending.responder = std::make_unique<QHttpServerResponder>(std::move(responder));
    m_pending[key] = std::move(pending);
}

void ReferenceServer::complete(const QString &key, const QJsonObject &body, int httpStatus)
{
    auto it = m_pending.find(key);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(it->second);
    m_pending.erase(it);
    // complete() may run inside that timer's timeout(): no direct delete.
    if (pending.timer) {
        pending.timer->stop();
        pending.timer.release()->deleteLater();
    }
    if (pending.socket && pending.socket->state() == QAbstractSocket::ConnectedState)
        reply(*pending.responder, body, httpStatus);
}

void ReferenceServer::runSleep(const QString &key, const QJsonObject &job,
                               QHttpServerResponder &&responder)
{
    const int ms = setting(job, QStringLiteral("ms")).toInt(1000);
    park(key, std::move(responder));
    auto timer = std::make_unique<QTimer>();
    timer->setSingleShot(true);
    QObject::connect(timer.get(), &QTimer::timeout, [this, key, ms] {
        complete(key, ok(QJsonObject{{QStringLiteral("slept_ms"), ms}}));
    });
    timer->start(ms);
    m_pending[key].timer = std::move(timer);
}

void ReferenceServer::runFail(const QString &key, const QJsonObject &job,
                              QHttpServerResponder &&responder)
{
    const QJsonValue failTimes = setting(job, QStringLiteral("fail_times"));
    const int seen = m_requestCount.value(key);
    if (failTimes.isDouble() && seen > failTimes.toInt())
        return reply(responder, ok(QJsonObject{{QStringLiteral("attempts"), seen}}));
    const QString code =
        setting(job, QStringLiteral("code")).toString(QStringLiteral("INTERNAL_ERROR"));
    const QString message =
        setting(job, QStringLiteral("message")).toString(QStringLiteral("failed on purpose"));
    const QJsonValue retryable = setting(job, QStringLiteral("retryable"));
    const int httpStatus = setting(job, QStringLiteral("http_status")).toInt(200);
    QJsonObject body = error(code, message, retryable.toBool(false));
    // Without the input, leave the decision to the engine's defaults.
    if (!retryable.isBool())
        body.remove(QStringLiteral("retryable"));
    reply(responder, body, httpStatus);
}

void ReferenceServer::runBlobSize(const QString &key, const QJsonObject &job,
                                  QHttpServerResponder &&responder)
{
    const auto access = blobAccess(job);
    const QString ref = job.value(QStringLiteral("inputs"))
                            .toObject()
                            .value(QStringLiteral("data"))
                            .toObject()
                            .value(QStringLiteral("$ref"))
                            .toString();
    if (!access || !ref.startsWith(QLatin1String("blob:")))
        return reply(responder,
                     error(QStringLiteral("VALIDATION_ERROR"),
                           QStringLiteral("needs a blob reference and blob access"), false));
    park(key, std::move(responder));
    getBlob(m_network, *access, ref.mid(5),
            [this, key](std::optional<QByteArray> data, const QString &why) {
                if (!data)
                    return complete(key, error(QStringLiteral("NETWORK_ERROR"), why, true));
                complete(key, ok(QJsonObject{{QStringLiteral("size"), data->size()}}));
            });
}

void ReferenceServer::runMakeBlob(const QString &key, const QJsonObject &job,
                                  QHttpServerResponder &&responder)
{
    const auto access = blobAccess(job);
    const int size = setting(job, QStringLiteral("size")).toInt(-1);
    if (!access || size < 0)
        return reply(responder, error(QStringLiteral("VALIDATION_ERROR"),
                                      QStringLiteral("needs a size and blob access"), false));
    park(key, std::move(responder));
    const QString id = newBlobId();
    putBlob(m_network, *access, id, QByteArray(size, 'x'),
            [this, key, id, size](const QString &why) {
                if (!why.isEmpty())
                    return complete(key, error(QStringLiteral("NETWORK_ERROR"), why, true));
                complete(key, ok(QJsonObject{{QStringLiteral("data"),
                                              QJsonObject{{QStringLiteral("$ref"),
                                                           QString(QStringLiteral("blob:") + id)}}},
                                             {QStringLiteral("size"), size}}));
            });
}

} // namespace refcomp
