#include "client/SystemApi.h"

#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "client/ApiQuery.h"

namespace hm::client {
namespace {

void addTime(QUrlQuery &query, const QString &name, const QDateTime &time)
{
    if (time.isValid())
        addIfSet(query, name, time.toUTC().toString(Qt::ISODateWithMs));
}

// A page of typed rows, each read once by T::fromJson.
template <typename T> auto pageOf(const QString &listKey)
{
    return [listKey](const ApiResponse &r) {
        return json::page<T>(r.data.toObject(), listKey, &T::fromJson);
    };
}

} // namespace

void SystemApi::info(Callback<QJsonObject> done)
{
    m_client.call<QJsonObject>(ApiRequest::get(QStringLiteral("/api/v1/system/info")), json::object,
                               std::move(done));
}

void SystemApi::config(Callback<QJsonObject> done)
{
    m_client.call<QJsonObject>(ApiRequest::get(QStringLiteral("/api/v1/system/config")),
                               json::object, std::move(done));
}

void SystemApi::updateConfig(const QJsonObject &changes, Callback<QJsonObject> done)
{
    m_client.call<QJsonObject>(ApiRequest::put(QStringLiteral("/api/v1/system/config"), changes),
                               json::object, std::move(done));
}

void SystemApi::routes(Callback<QJsonArray> done)
{
    m_client.call<QJsonArray>(
        ApiRequest::get(QStringLiteral("/api/v1/system/routes")),
        [](const ApiResponse &r) {
            return r.data.toObject().value(QStringLiteral("routes")).toArray();
        },
        std::move(done));
}

namespace {

void addAuditFilter(QUrlQuery &query, const AuditFilter &filter)
{
    addIfSet(query, QStringLiteral("user_id"), filter.userId);
    addIfSet(query, QStringLiteral("action"), filter.action);
    addIfSet(query, QStringLiteral("action_contains"), filter.actionContains);
    addIfSet(query, QStringLiteral("category"), filter.category);
    addIfSet(query, QStringLiteral("resource_type"), filter.resourceType);
    addIfSet(query, QStringLiteral("node_id"), filter.nodeId);
    addTime(query, QStringLiteral("from"), filter.from);
    addTime(query, QStringLiteral("to"), filter.to);
}

} // namespace

void SystemApi::audit(const AuditFilter &filter, Callback<Page<AuditEntry>> done)
{
    QUrlQuery query = pageQuery(filter.page);
    addAuditFilter(query, filter);
    addIfSet(query, QStringLiteral("before_id"), filter.beforeId);
    m_client.call<Page<AuditEntry>>(ApiRequest::get(QStringLiteral("/api/v1/audit"), query),
                                    pageOf<AuditEntry>(QStringLiteral("audit_logs")),
                                    std::move(done));
}

namespace {

void addLogFilter(QUrlQuery &query, const LogFilter &filter)
{
    addIfSet(query, QStringLiteral("level"), filter.level);
    addIfSet(query, QStringLiteral("module"), filter.module);
    addIfSet(query, QStringLiteral("search"), filter.search);
    addIfSet(query, QStringLiteral("request_id"), filter.requestId);
    addTime(query, QStringLiteral("from"), filter.from);
    addTime(query, QStringLiteral("to"), filter.to);
    if (filter.afterId > 0)
        query.addQueryItem(QStringLiteral("after_id"), QString::number(filter.afterId));
    if (filter.beforeId > 0)
        query.addQueryItem(QStringLiteral("before_id"), QString::number(filter.beforeId));
}

} // namespace

void SystemApi::exportLogs(const LogFilter &filter, const QString &format,
                           Callback<QByteArray> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("format"), format);
    addLogFilter(query, filter);
    ApiRequest request = ApiRequest::get(QStringLiteral("/api/v1/logs/export"), query);
    request.rawBody = true;
    m_client.call<QByteArray>(
        std::move(request), [](const ApiResponse &r) { return r.body; }, std::move(done));
}

void SystemApi::exportAudit(const AuditFilter &filter, const QString &format,
                            Callback<QByteArray> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("format"), format);
    addAuditFilter(query, filter);
    ApiRequest request = ApiRequest::get(QStringLiteral("/api/v1/audit/export"), query);
    request.rawBody = true;
    m_client.call<QByteArray>(
        std::move(request), [](const ApiResponse &r) { return r.body; }, std::move(done));
}

void SystemApi::logs(const LogFilter &filter, Callback<Page<LogLine>> done)
{
    QUrlQuery query = pageQuery(filter.page);
    addLogFilter(query, filter);
    m_client.call<Page<LogLine>>(ApiRequest::get(QStringLiteral("/api/v1/logs"), query),
                                 pageOf<LogLine>(QStringLiteral("logs")), std::move(done));
}

} // namespace hm::client
