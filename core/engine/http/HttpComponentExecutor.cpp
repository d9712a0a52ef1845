#include "engine/http/HttpComponentExecutor.h"

#include "common/Logging.h"
#include "engine/http/ComponentProtocol.h"
#include "engine/http/EngineHttpLogging.h"
#include "engine/http/PendingReply.h"
#include "flow/SchemaOrder.h"

#include <QElapsedTimer>
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
    // `endpoints`: the ones to try, in order (at least one, unless
    // refuseUnhealthy() follows).
    HttpComponentRun(QNetworkAccessManager *network, QList<QUrl> endpoints, NodeTask task,
                     NodeDone done)
        : m_network(network), m_endpoints(std::move(endpoints)), m_task(std::move(task)),
          m_done(std::move(done))
    {
        m_endpoint = m_endpoints.value(0);
        updateLabel();
    }

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
                  QStringLiteral("%1 %2 is marked unhealthy by its last health check at every "
                                 "endpoint; not called")
                      .arg(m_task.component, m_task.version),
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
        m_body = QJsonDocument(http::executeRequestBody(m_task, blobBaseUrl))
                     .toJson(QJsonDocument::Compact);
        m_clock.start();
        post();
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
    void updateLabel()
    {
        m_label = QStringLiteral("%1 %2 at %3")
                      .arg(m_task.component, m_task.version, m_endpoint.toDisplayString());
    }

    void post()
    {
        // A failover call gets what is left of the attempt's time.
        const int left = m_task.timeoutMs > 0
                             ? int(qMax<qint64>(1, m_task.timeoutMs - m_clock.elapsed()))
                             : m_task.timeoutMs;
        QNetworkReply *reply = m_network->post(
            taskRequest(http::endpointUrl(m_endpoint, QStringLiteral("execute")), m_task), m_body);
        m_call = std::make_unique<PendingReply>(
            reply, left, http::kMaxReplyBytes,
            [this](QNetworkReply &r, PendingReply::End how) { onEnd(r, how); });
    }

    // Errors that say the request never reached the component.
    static bool neverArrived(QNetworkReply::NetworkError error)
    {
        return error == QNetworkReply::ConnectionRefusedError ||
               error == QNetworkReply::HostNotFoundError;
    }

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
        if (!reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid() &&
            neverArrived(reply.error()) && m_tried + 1 < m_endpoints.size()) {
            qCInfo(lcEngineHttp).noquote() << "component" << m_label << "unreachable ("
                                           << reply.errorString() << "), trying the next endpoint";
            m_failures.append(
                QStringLiteral("%1: %2").arg(m_endpoint.toDisplayString(), reply.errorString()));
            ++m_tried;
            m_endpoint = m_endpoints.at(m_tried);
            updateLabel();
            // Not from inside the finished reply's own signal.
            QTimer::singleShot(0, &m_guard, [this] {
                if (!m_finished && !m_finishPending)
                    post();
            });
            return;
        }
        const QVariant status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            NodeOutcome outcome =
                http::outcomeFromNetworkError(reply.error(), reply.errorString(), m_label);
            if (!m_failures.isEmpty()) {
                outcome.error.message +=
                    QStringLiteral(" (also tried %1)").arg(m_failures.join(QStringLiteral("; ")));
                outcome.error.details.insert(QStringLiteral("endpoints_tried"), m_tried + 1);
            }
            finish(std::move(outcome));
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
    QList<QUrl> m_endpoints;
    QUrl m_endpoint; // the one being called
    qsizetype m_tried = 0;
    QStringList m_failures;
    NodeTask m_task;
    NodeDone m_done;
    QString m_label;
    QByteArray m_body;
    QElapsedTimer m_clock;
    std::unique_ptr<PendingReply> m_call;
    QObject m_guard; // context of queued reports: they die with the run
    bool m_finished = false;
    bool m_finishPending = false;
    bool m_cancelSent = false;
};

} // namespace

HttpComponentExecutor::HttpComponentExecutor(QUrl endpoint, QNetworkAccessManager *network,
                                             QUrl blobBaseUrl)
    : m_endpoints(std::make_shared<ComponentEndpoints>(QList<QUrl>{std::move(endpoint)})),
      m_network(network),
      m_blobUrl([url = std::move(blobBaseUrl)](const NodeTask &) { return url; })
{}

HttpComponentExecutor::HttpComponentExecutor(QUrl endpoint, QNetworkAccessManager *network,
                                             BlobUrlFor blobUrl)
    : m_endpoints(std::make_shared<ComponentEndpoints>(QList<QUrl>{std::move(endpoint)})),
      m_network(network), m_blobUrl(std::move(blobUrl))
{}

HttpComponentExecutor::HttpComponentExecutor(std::shared_ptr<ComponentEndpoints> endpoints,
                                             QNetworkAccessManager *network, BlobUrlFor blobUrl)
    : m_endpoints(endpoints ? std::move(endpoints) : std::make_shared<ComponentEndpoints>()),
      m_network(network), m_blobUrl(std::move(blobUrl))
{}

QUrl HttpComponentExecutor::endpoint() const
{
    return m_endpoints->endpoints().value(0);
}

std::unique_ptr<NodeRun> HttpComponentExecutor::start(const NodeTask &task, NodeDone done)
{
    QList<QUrl> order = m_endpoints->nextOrder();
    const bool refused = order.isEmpty();
    auto run =
        std::make_unique<HttpComponentRun>(m_network, std::move(order), task, std::move(done));
    if (refused)
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
            const QByteArray body = r.readAll();
            QJsonDocument::fromJson(body, &parseError);
            if (parseError.error != QJsonParseError::NoError)
                return done(Error{ErrorCode::ValidationError,
                                  QStringLiteral("the %1 of %2 is not JSON: %3")
                                      .arg(what, where, parseError.errorString())});
            // Config schemas keep the order their author wrote the
            // properties in (the editor's forms show them so).
            done(flow::schemaorder::parseKeepingOrder(body));
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
