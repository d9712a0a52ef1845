#include "client/FlowsApi.h"

#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "client/ApiQuery.h"

namespace hm::client {
namespace {

const QString kFlows = QStringLiteral("/api/v1/flows");

// The server's longest wait plus room for the answer to travel.
constexpr int kDefaultWaitMs = 30000;
constexpr int kWaitMarginMs = 15000;

FlowVersion readVersion(const ApiResponse &r)
{
    return json::flowVersion(r.data.toObject());
}

// base_revision / base_version of a write, where set.
QJsonObject withBase(QJsonObject body, const FlowEditBase &base)
{
    if (base.revision > 0)
        body.insert(QStringLiteral("base_revision"), base.revision);
    if (!base.version.isEmpty())
        body.insert(QStringLiteral("base_version"), base.version);
    return body;
}

} // namespace

Result<TriggerOutcome> readTriggerAnswer(Result<ApiResponse> answer)
{
    if (answer)
        return json::triggerOutcome(answer.value().data.toObject());
    const Error &error = answer.error();
    if (error.code != ErrorCode::ConcurrentDenied)
        return error;
    TriggerOutcome denied;
    denied.state = TriggerOutcome::State::Denied;
    denied.status = QStringLiteral("denied");
    denied.runningExecutions = error.details.value(QStringLiteral("running_executions")).toArray();
    denied.message = error.message;
    return denied;
}

void FlowsApi::list(const QString &search, const PageRequest &page,
                    Callback<Page<FlowSummary>> done)
{
    QUrlQuery query = pageQuery(page);
    addIfSet(query, QStringLiteral("search"), search);
    m_client.call<Page<FlowSummary>>(
        ApiRequest::get(kFlows, query),
        [](const ApiResponse &r) {
            return json::page<FlowSummary>(r.data.toObject(), QStringLiteral("items"),
                                           json::flowSummary);
        },
        std::move(done));
}

void FlowsApi::get(const QString &id, Callback<FlowDetail> done)
{
    m_client.call<FlowDetail>(
        ApiRequest::get(kFlows + u'/' + id),
        [](const ApiResponse &r) { return json::flowDetail(r.data.toObject()); }, std::move(done));
}

void FlowsApi::create(const NewFlow &flow, Callback<FlowSummary> done)
{
    QJsonObject body{{QStringLiteral("name"), flow.name},
                     {QStringLiteral("definition"), flow.definition}};
    if (!flow.description.isEmpty())
        body.insert(QStringLiteral("description"), flow.description);
    if (!flow.settings.isEmpty())
        body.insert(QStringLiteral("settings"), flow.settings);
    m_client.call<FlowSummary>(
        ApiRequest::post(kFlows, body),
        [](const ApiResponse &r) { return json::flowSummary(r.data.toObject()); }, std::move(done));
}

void FlowsApi::remove(const QString &id, Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::del(kFlows + u'/' + id), [](const ApiResponse &) { return Status(); },
        std::move(done));
}

void FlowsApi::addVersion(const QString &id, const QJsonObject &definition,
                          const QJsonObject &settings, Callback<FlowVersion> done)
{
    addVersion(id, definition, settings, FlowEditBase{}, std::move(done));
}

void FlowsApi::addVersion(const QString &id, const QJsonObject &definition,
                          const QJsonObject &settings, const FlowEditBase &base,
                          Callback<FlowVersion> done)
{
    QJsonObject body{{QStringLiteral("definition"), definition}};
    if (!settings.isEmpty())
        body.insert(QStringLiteral("settings"), settings);
    m_client.call<FlowVersion>(
        ApiRequest::post(kFlows + u'/' + id + QStringLiteral("/versions"), withBase(body, base)),
        readVersion, std::move(done));
}

void FlowsApi::versions(const QString &id, Callback<QList<FlowVersion>> done)
{
    m_client.call<QList<FlowVersion>>(
        ApiRequest::get(kFlows + u'/' + id + QStringLiteral("/versions")),
        [](const ApiResponse &r) {
            return json::list<FlowVersion>(
                r.data.toObject().value(QStringLiteral("items")).toArray(), json::flowVersion);
        },
        std::move(done));
}

void FlowsApi::publish(const QString &id, const QString &version, Callback<FlowVersion> done)
{
    publish(id, version, FlowEditBase{}, std::move(done));
}

void FlowsApi::publish(const QString &id, const QString &version, const FlowEditBase &base,
                       Callback<FlowVersion> done)
{
    m_client.call<FlowVersion>(
        ApiRequest::post(kFlows + u'/' + id + QStringLiteral("/publish"),
                         withBase(QJsonObject{{QStringLiteral("version"), version}}, base)),
        readVersion, std::move(done));
}

void FlowsApi::trigger(const QString &id, const TriggerOptions &options,
                       Callback<TriggerOutcome> done)
{
    QJsonObject body{{QStringLiteral("inputs"), options.inputs}};
    QJsonObject callOptions;
    if (!options.version.isEmpty())
        callOptions.insert(QStringLiteral("version"), options.version);
    if (options.priority != 0)
        callOptions.insert(QStringLiteral("priority"), options.priority);
    if (options.timeoutOverrideMs > 0)
        callOptions.insert(QStringLiteral("timeout_override_ms"), options.timeoutOverrideMs);
    if (!options.callbackUrl.isEmpty()) {
        callOptions.insert(QStringLiteral("callback_url"), options.callbackUrl);
        if (!options.callbackSecret.isEmpty())
            callOptions.insert(QStringLiteral("callback_secret"), options.callbackSecret);
    }
    if (!callOptions.isEmpty())
        body.insert(QStringLiteral("options"), callOptions);
    ApiRequest request = ApiRequest::post(kFlows + u'/' + id + QStringLiteral("/trigger"), body);
    if (options.wait) {
        request.query.addQueryItem(QStringLiteral("wait"), QStringLiteral("true"));
        if (options.waitTimeoutMs > 0)
            request.query.addQueryItem(QStringLiteral("timeout_ms"),
                                       QString::number(options.waitTimeoutMs));
        // No byte moves while the server waits: the transfer timeout must
        // outlast the wait.
        const int waitMs = options.waitTimeoutMs > 0 ? options.waitTimeoutMs : kDefaultWaitMs;
        if (m_client.timeoutMs() > 0)
            request.timeoutMs = waitMs + std::max(m_client.timeoutMs(), kWaitMarginMs);
    }
    m_client.send(std::move(request), [done = std::move(done)](Result<ApiResponse> answer) {
        done(readTriggerAnswer(std::move(answer)));
    });
}

void FlowsApi::list(const FlowListFilter &filter, Callback<Page<FlowSummary>> done)
{
    QUrlQuery query = pageQuery(filter.page);
    addIfSet(query, QStringLiteral("search"), filter.search);
    addIfSet(query, QStringLiteral("owner"), filter.owner);
    if (filter.sharedWithMe)
        query.addQueryItem(QStringLiteral("shared_with_me"), QStringLiteral("true"));
    m_client.call<Page<FlowSummary>>(
        ApiRequest::get(kFlows, query),
        [](const ApiResponse &r) {
            return json::page<FlowSummary>(r.data.toObject(), QStringLiteral("items"),
                                           json::flowSummary);
        },
        std::move(done));
}

void FlowsApi::update(const QString &id, const FlowChanges &changes, Callback<FlowSummary> done)
{
    QJsonObject body;
    if (changes.name)
        body.insert(QStringLiteral("name"), *changes.name);
    if (changes.description)
        body.insert(QStringLiteral("description"), *changes.description);
    m_client.call<FlowSummary>(
        ApiRequest::put(kFlows + u'/' + id, body),
        [](const ApiResponse &r) { return json::flowSummary(r.data.toObject()); }, std::move(done));
}

void FlowsApi::shares(const QString &flowId, Callback<QList<FlowShare>> done)
{
    m_client.call<QList<FlowShare>>(
        ApiRequest::get(kFlows + u'/' + flowId + QStringLiteral("/shares")),
        [](const ApiResponse &r) {
            return json::list<FlowShare>(r.data.toObject().value(QStringLiteral("items")).toArray(),
                                         json::flowShare);
        },
        std::move(done));
}

void FlowsApi::share(const QString &flowId, const QString &email, const QString &permission,
                     Callback<FlowShare> done)
{
    m_client.call<FlowShare>(
        ApiRequest::post(kFlows + u'/' + flowId + QStringLiteral("/shares"),
                         QJsonObject{{QStringLiteral("email"), email},
                                     {QStringLiteral("permission"), permission}}),
        [](const ApiResponse &r) { return json::flowShare(r.data.toObject()); }, std::move(done));
}

void FlowsApi::setSharePermission(const QString &flowId, const QString &shareId,
                                  const QString &permission, Callback<FlowShare> done)
{
    m_client.call<FlowShare>(
        ApiRequest::put(kFlows + u'/' + flowId + QStringLiteral("/shares/") + shareId,
                        QJsonObject{{QStringLiteral("permission"), permission}}),
        [](const ApiResponse &r) { return json::flowShare(r.data.toObject()); }, std::move(done));
}

void FlowsApi::removeShare(const QString &flowId, const QString &shareId, Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::del(kFlows + u'/' + flowId + QStringLiteral("/shares/") + shareId),
        [](const ApiResponse &) { return Status(); }, std::move(done));
}

void FlowsApi::webhook(const QString &flowId, Callback<FlowWebhook> done)
{
    m_client.call<FlowWebhook>(
        ApiRequest::get(kFlows + u'/' + flowId + QStringLiteral("/webhook")),
        [](const ApiResponse &r) { return json::flowWebhook(r.data.toObject()); }, std::move(done));
}

void FlowsApi::createWebhook(const QString &flowId, Callback<FlowWebhook> done)
{
    m_client.call<FlowWebhook>(
        ApiRequest::post(kFlows + u'/' + flowId + QStringLiteral("/webhook")),
        [](const ApiResponse &r) { return json::flowWebhook(r.data.toObject()); }, std::move(done));
}

void FlowsApi::removeWebhook(const QString &flowId, Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::del(kFlows + u'/' + flowId + QStringLiteral("/webhook")),
        [](const ApiResponse &) { return Status(); }, std::move(done));
}

} // namespace hm::client
