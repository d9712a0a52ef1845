#include "client/ExecutionsApi.h"

#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "client/ApiQuery.h"
#include "client/FlowsApi.h"

namespace hm::client {
namespace {

const QString kExecutions = QStringLiteral("/api/v1/executions");

CancelOutcome readCancel(const ApiResponse &r)
{
    return json::cancelOutcome(r.data.toObject());
}

} // namespace

void ExecutionsApi::list(const ExecutionFilter &filter, Callback<Page<ExecutionSummary>> done)
{
    QUrlQuery query = pageQuery(PageRequest{filter.page, filter.size});
    addIfSet(query, QStringLiteral("flow_id"), filter.flowId);
    addIfSet(query, QStringLiteral("status"), filter.status);
    const auto addTime = [&query](const QString &name, const QDateTime &time) {
        if (time.isValid())
            addIfSet(query, name, time.toUTC().toString(Qt::ISODateWithMs));
    };
    addTime(QStringLiteral("from"), filter.from);
    addTime(QStringLiteral("to"), filter.to);
    m_client.call<Page<ExecutionSummary>>(
        ApiRequest::get(kExecutions, query),
        [](const ApiResponse &r) {
            return json::page<ExecutionSummary>(r.data.toObject(), QStringLiteral("items"),
                                                json::executionSummary);
        },
        std::move(done));
}

void ExecutionsApi::stats(int hours, Callback<QJsonObject> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("hours"), QString::number(hours));
    m_client.call<QJsonObject>(ApiRequest::get(kExecutions + QStringLiteral("/stats"), query),
                               json::object, std::move(done));
}

void ExecutionsApi::get(const QString &id, Callback<QJsonObject> done)
{
    m_client.call<QJsonObject>(ApiRequest::get(kExecutions + u'/' + id), json::object,
                               std::move(done));
}

void ExecutionsApi::status(const QString &id, Callback<QJsonObject> done)
{
    m_client.call<QJsonObject>(ApiRequest::get(kExecutions + u'/' + id + QStringLiteral("/status")),
                               json::object, std::move(done));
}

void ExecutionsApi::node(const QString &id, const QString &nodeId, Callback<QJsonObject> done)
{
    m_client.call<QJsonObject>(
        ApiRequest::get(kExecutions + u'/' + id + QStringLiteral("/nodes/") +
                        QString::fromLatin1(QUrl::toPercentEncoding(nodeId))),
        json::object, std::move(done));
}

void ExecutionsApi::cancel(const QString &id, const QString &reason, const QString &message,
                           Callback<CancelOutcome> done)
{
    QJsonObject body;
    if (!reason.isEmpty())
        body.insert(QStringLiteral("reason"), reason);
    if (!message.isEmpty())
        body.insert(QStringLiteral("message"), message);
    m_client.call<CancelOutcome>(
        ApiRequest::post(kExecutions + u'/' + id + QStringLiteral("/cancel"), body), readCancel,
        std::move(done));
}

void ExecutionsApi::kill(const QString &id, Callback<CancelOutcome> done)
{
    m_client.call<CancelOutcome>(
        ApiRequest::post(kExecutions + u'/' + id + QStringLiteral("/kill")), readCancel,
        std::move(done));
}

void ExecutionsApi::rerun(const QString &id, const QString &from, const QString &version,
                          Callback<TriggerOutcome> done)
{
    QJsonObject body;
    if (!from.isEmpty())
        body.insert(QStringLiteral("from"), from);
    if (!version.isEmpty())
        body.insert(QStringLiteral("version"), version);
    m_client.send(ApiRequest::post(kExecutions + u'/' + id + QStringLiteral("/rerun"), body),
                  [done = std::move(done)](Result<ApiResponse> answer) {
                      done(readTriggerAnswer(std::move(answer)));
                  });
}

void ExecutionsApi::components(Callback<QJsonArray> done)
{
    m_client.call<QJsonArray>(
        ApiRequest::get(QStringLiteral("/api/v1/components")),
        [](const ApiResponse &r) {
            return r.data.toObject().value(QStringLiteral("items")).toArray();
        },
        std::move(done));
}

} // namespace hm::client
