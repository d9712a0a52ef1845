#include "engine/http/HttpComponentExecutor.h"

#include "common/Logging.h"
#include "engine/http/ComponentProtocol.h"
#include "engine/http/EngineHttpLogging.h"
#include "engine/http/PendingReply.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace hm::engine {

using http::PendingReply;

namespace {

QNetworkRequest jsonRequest(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setRawHeader(http::header::kProtocol, QByteArray::number(http::kProtocolVersion));
    return request;
}

QNetworkRequest taskRequest(const QUrl &url, const NodeTask &task)
{
    QNetworkRequest request = jsonRequest(url);
    request.setRawHeader(http::header::kExecution, task.executionId.toUtf8());
    request.setRawHeader(http::header::kNode, task.nodeId.toUtf8());
    request.setRawHeader(http::header::kAttempt, QByteArray::number(task.attempt));
    return request;
}

class HttpComponentRun final : public NodeRun
{
public:
    HttpComponentRun(QNetworkAccessManager *network, QUrl endpoint, NodeTask task, NodeDone done)
        : m_network(network), m_endpoint(std::move(endpoint)), m_task(std::move(task)),
          m_done(std::move(done)),
          m_label(QStringLiteral("%1 %2 at %3")
                      .arg(m_task.component, m_task.version, m_endpoint.toDisplayString()))
    {}

    ~HttpComponentRun() override
    {
        // Abandoned (engine kill, shutdown): no report, but the component
        // should still stop working for nobody.
        if (m_call && m_call->isRunning()) {
            m_call->abandon();
            sendCancel();
        }
    }

    // Gated by the health check: report without calling the component.
    void refuseUnhealthy()
    {
        finishLater(NodeOutcome::failed(
            Error{ErrorCode::ComponentUnavailable,
                  QStringLiteral("%1 is marked unhealthy by its last health check; not called")
                      .arg(m_label),
                  {{QStringLiteral("reason"), QStringLiteral("COMPONENT_UNHEALTHY")}}},
            true));
    }

    void begin(const QUrl &blobBaseUrl)
    {
        if (!m_network) {
            finishLater(NodeOutcome::failed(
                Error{ErrorCode::ComponentUnavailable,
                      QStringLiteral("%1: no network access on this thread").arg(m_label)},
                true));
            return;
        }
        const QByteArray body = QJsonDocument(http::executeRequestBody(m_task, blobBaseUrl))
                                    .toJson(QJsonDocument::Compact);
        QNetworkReply *reply = m_network->post(
            taskRequest(http::endpointUrl(m_endpoint, QStringLiteral("execute")), m_task), body);
        m_call = std::make_unique<PendingReply>(
            reply, m_task.timeoutMs, http::kMaxReplyBytes,
            [this](QNetworkReply &r, PendingReply::End how) { onEnd(r, how); });
    }

    void cancel() override
    {
        if (m_finished)
            return;
        if (m_call && m_call->isRunning()) {
            m_call->abandon();
            sendCancel();
        }
        finishLater(NodeOutcome::cancelled());
    }

private:
    void onEnd(QNetworkReply &reply, PendingReply::End how)
    {
        switch (how) {
        case PendingReply::End::TimedOut:
            sendCancel();
            finish(NodeOutcome::failed(Error{ErrorCode::ExecutionTimeout,
                                             QStringLiteral("%1 did not answer within %2 ms")
                                                 .arg(m_label)
                                                 .arg(m_task.timeoutMs),
                                             {{QStringLiteral("timeout_ms"), m_task.timeoutMs}}},
                                       true));
            return;
        case PendingReply::End::TooLarge:
            finish(NodeOutcome::failed(Error{ErrorCode::PayloadTooLarge,
                                             QStringLiteral("%1 replied with more than %2 bytes")
                                                 .arg(m_label)
                                                 .arg(http::kMaxReplyBytes)},
                                       false));
            return;
        case PendingReply::End::Finished:
            break;
        }
        const QVariant status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            finish(http::outcomeFromNetworkError(reply.error(), reply.errorString(), m_label));
            return;
        }
        finish(http::outcomeFromExecuteReply(status.toInt(), reply.readAll(), m_label));
    }

    void finish(NodeOutcome outcome)
    {
        if (m_finished)
            return;
        m_finished = true;
        qCDebug(lcEngineHttp) << "component" << m_label << "node" << m_task.nodeId << "attempt"
                              << m_task.attempt << "ended" << static_cast<int>(outcome.kind)
                              << outcome.error.toString();
        // Last statement: `done` may destroy this run.
        NodeDone done = std::move(m_done);
        done(std::move(outcome));
    }

    // Reports from the event loop; dropped if the run is destroyed first.
    void finishLater(NodeOutcome outcome)
    {
        if (m_finishPending)
            return;
        m_finishPending = true;
        QTimer::singleShot(0, &m_guard, [this, outcome = std::move(outcome)]() mutable {
            finish(std::move(outcome));
        });
    }

    // Best effort: nobody waits for the answer; the reply cleans itself up
    // (and dies with the manager if that goes first).
    void sendCancel()
    {
        if (!m_network || m_cancelSent)
            return;
        m_cancelSent = true;
        QNetworkRequest request =
            taskRequest(http::endpointUrl(m_endpoint, QStringLiteral("cancel")), m_task);
        request.setTransferTimeout(http::kDiscoveryTimeoutMs);
        QNetworkReply *reply = m_network->post(
            request, QJsonDocument(http::cancelRequestBody(m_task)).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    }

    QPointer<QNetworkAccessManager> m_network;
    QUrl m_endpoint;
    NodeTask m_task;
    NodeDone m_done;
    QString m_label;
    std::unique_ptr<PendingReply> m_call;
    QObject m_guard; // context of queued reports: they die with the run
    bool m_finished = false;
    bool m_finishPending = false;
    bool m_cancelSent = false;
};

} // namespace

HttpComponentExecutor::HttpComponentExecutor(QUrl endpoint, QNetworkAccessManager *network,
                                             QUrl blobBaseUrl)
    : m_endpoint(std::move(endpoint)), m_network(network),
      m_blobUrl([url = std::move(blobBaseUrl)](const NodeTask &) { return url; })
{}

HttpComponentExecutor::HttpComponentExecutor(QUrl endpoint, QNetworkAccessManager *network,
                                             BlobUrlFor blobUrl)
    : m_endpoint(std::move(endpoint)), m_network(network), m_blobUrl(std::move(blobUrl))
{}

std::unique_ptr<NodeRun> HttpComponentExecutor::start(const NodeTask &task, NodeDone done)
{
    auto run = std::make_unique<HttpComponentRun>(m_network, m_endpoint, task, std::move(done));
    if (!m_available.load())
        run->refuseUnhealthy();
    else
        run->begin(m_blobUrl ? m_blobUrl(task) : QUrl());
    return run;
}

Result<QList<flow::ComponentInterface>> parseInterfaceList(const QJsonDocument &document)
{
    if (!document.isArray())
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("the interface list is not a JSON array")};
    QList<flow::ComponentInterface> interfaces;
    const QJsonArray array = document.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return Error{ErrorCode::ValidationError,
                         QStringLiteral("interface [%1] is not an object").arg(i),
                         {{QStringLiteral("index"), i}}};
        auto parsed = flow::ComponentInterface::fromJson(array.at(i).toObject());
        if (!parsed.ok()) {
            Error error = parsed.error();
            error.message = QStringLiteral("interface [%1]: %2").arg(i).arg(error.message);
            error.details.insert(QStringLiteral("index"), i);
            return error;
        }
        interfaces.append(std::move(parsed).value());
    }
    return interfaces;
}

namespace {

// GET <endpoint>/<path> expecting JSON: the plumbing shared by discovery and
// health checks. `done` runs once with the document or COMPONENT_UNAVAILABLE
// (transport, deadline, size, non-2xx) / VALIDATION_ERROR (not JSON).
void getJson(QNetworkAccessManager &network, const QUrl &endpoint, const QString &path,
             const QString &what, std::function<void(Result<QJsonDocument>)> done)
{
    QNetworkReply *reply = network.get(jsonRequest(http::endpointUrl(endpoint, path)));
    // The PendingReply lives as long as the reply; it is freed with it.
    auto *call = new PendingReply(
        reply, http::kDiscoveryTimeoutMs, http::kMaxReplyBytes,
        [endpoint, what, done = std::move(done)](QNetworkReply &r, PendingReply::End how) {
            r.deleteLater(); // frees `call` too, through destroyed()
            const QString where = endpoint.toDisplayString();
            auto fail = [&](const QString &why) {
                done(Error{ErrorCode::ComponentUnavailable,
                           QStringLiteral("cannot read the %1 of %2: %3").arg(what, where, why)});
            };
            if (how == PendingReply::End::TimedOut)
                return fail(QStringLiteral("no answer in time"));
            if (how == PendingReply::End::TooLarge)
                return fail(QStringLiteral("the answer is too large"));
            const int status = r.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status < 200 || status >= 300)
                return fail(status == 0 ? r.errorString() : QStringLiteral("HTTP %1").arg(status));
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(r.readAll(), &parseError);
            if (parseError.error != QJsonParseError::NoError)
                return done(Error{ErrorCode::ValidationError,
                                  QStringLiteral("the %1 of %2 is not JSON: %3")
                                      .arg(what, where, parseError.errorString())});
            done(document);
        });
    QObject::connect(reply, &QObject::destroyed, [call] { delete call; });
}

} // namespace

void fetchInterfaces(QNetworkAccessManager &network, const QUrl &endpoint,
                     InterfacesCallback callback)
{
    getJson(network, endpoint, QStringLiteral("interface"), QStringLiteral("interfaces"),
            [callback = std::move(callback)](Result<QJsonDocument> document) {
                if (!document)
                    return callback(document.error());
                callback(parseInterfaceList(document.value()));
            });
}

Result<ComponentHealth> parseHealth(const QJsonDocument &document)
{
    const QJsonObject body = document.object();
    const QString status = body.value(QStringLiteral("status")).toString();
    if (!document.isObject() || status != QLatin1String("healthy"))
        return Error{ErrorCode::ComponentUnavailable,
                     QStringLiteral("the component service reports status \"%1\"")
                         .arg(status.isEmpty() ? QStringLiteral("(none)") : status),
                     {{QStringLiteral("status"), status}}};
    ComponentHealth health;
    for (const QJsonValue &entry : body.value(QStringLiteral("components")).toArray())
        health.components.append({entry[QStringLiteral("name")].toString(),
                                  entry[QStringLiteral("version")].toString()});
    return health;
}

void checkHealth(QNetworkAccessManager &network, const QUrl &endpoint, HealthCallback callback)
{
    getJson(network, endpoint, QStringLiteral("health"), QStringLiteral("health"),
            [callback = std::move(callback)](Result<QJsonDocument> document) {
                if (!document)
                    return callback(document.error());
                callback(parseHealth(document.value()));
            });
}

} // namespace hm::engine
