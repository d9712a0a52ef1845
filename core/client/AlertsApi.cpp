#include "client/AlertsApi.h"

#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "client/ApiQuery.h"
#include "client/ApiRequest.h"

#include <QJsonArray>

namespace hm::client {

namespace json {

AlertRuleRow alertRule(const QJsonObject &o)
{
    return {o.value(QStringLiteral("id")).toString(),
            o.value(QStringLiteral("name")).toString(),
            o.value(QStringLiteral("type")).toString(),
            o.value(QStringLiteral("threshold")).toDouble(),
            o.value(QStringLiteral("duration")).toInteger(),
            o.value(QStringLiteral("enabled")).toBool(true),
            o.value(QStringLiteral("node_id")).toString(),
            o.value(QStringLiteral("label")).toString(),
            time(o.value(QStringLiteral("created_at"))),
            time(o.value(QStringLiteral("updated_at"))),
            o.value(QStringLiteral("probe_id")).toString(),
            o.value(QStringLiteral("renotify")).toInteger(),
            o.value(QStringLiteral("container")).toString()};
}

AlertRecordRow alertRecord(const QJsonObject &o)
{
    AlertRecordRow row{o.value(QStringLiteral("id")).toString(),
                       o.value(QStringLiteral("rule_id")).toString(),
                       o.value(QStringLiteral("rule_name")).toString(),
                       o.value(QStringLiteral("node_id")).toString(),
                       o.value(QStringLiteral("node_name")).toString(),
                       o.value(QStringLiteral("type")).toString(),
                       o.value(QStringLiteral("status")).toString() == QLatin1String("active"),
                       o.value(QStringLiteral("value")).toDouble(),
                       o.value(QStringLiteral("threshold")).toDouble(),
                       time(o.value(QStringLiteral("created_at"))),
                       time(o.value(QStringLiteral("resolved_at"))),
                       o.value(QStringLiteral("resolved_by")).toString(),
                       o.value(QStringLiteral("resolved_by_name")).toString()};
    for (const QJsonValue name : o.value(QStringLiteral("containers")).toArray())
        row.containers.append(name.toString());
    row.containersMore = o.value(QStringLiteral("containers_more")).toInt();
    return row;
}

AlertChannelRow alertChannel(const QJsonObject &o)
{
    return {o.value(QStringLiteral("id")).toString(),
            o.value(QStringLiteral("name")).toString(),
            o.value(QStringLiteral("type")).toString(),
            o.value(QStringLiteral("enabled")).toBool(true),
            o.value(QStringLiteral("config")).toObject(),
            o.value(QStringLiteral("secret_set")).toBool(),
            time(o.value(QStringLiteral("created_at"))),
            time(o.value(QStringLiteral("updated_at")))};
}

MaintenanceWindowRow maintenanceWindow(const QJsonObject &o)
{
    return {
        o.value(QStringLiteral("id")).toString(),      o.value(QStringLiteral("name")).toString(),
        time(o.value(QStringLiteral("starts_at"))),    time(o.value(QStringLiteral("ends_at"))),
        o.value(QStringLiteral("node_id")).toString(), o.value(QStringLiteral("label")).toString(),
        time(o.value(QStringLiteral("created_at")))};
}

} // namespace json

QJsonObject MaintenanceWindowChange::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("starts_at"), startsAt.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("ends_at"), endsAt.toUTC().toString(Qt::ISODateWithMs)}};
    if (!nodeId.isEmpty())
        o.insert(QStringLiteral("node_id"), nodeId);
    if (!label.isEmpty())
        o.insert(QStringLiteral("label"), label);
    return o;
}

QJsonObject AlertChannelChange::toJson(bool creating) const
{
    QJsonObject o;
    if (name)
        o.insert(QStringLiteral("name"), *name);
    if (creating)
        o.insert(QStringLiteral("type"), type);
    if (enabled)
        o.insert(QStringLiteral("enabled"), *enabled);
    QJsonObject settings = config.value_or(QJsonObject());
    if (secret && !secret->isEmpty())
        settings.insert(type == QLatin1String("email") ? QStringLiteral("password")
                                                       : QStringLiteral("secret"),
                        *secret);
    if (!settings.isEmpty())
        o.insert(QStringLiteral("config"), settings);
    return o;
}

QJsonObject AlertRuleChange::toJson() const
{
    QJsonObject o;
    const auto text = [&o](const char *field, const std::optional<QString> &value) {
        if (value)
            o.insert(QLatin1String(field),
                     value->isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(*value));
    };
    if (name)
        o.insert(QStringLiteral("name"), *name);
    if (type)
        o.insert(QStringLiteral("type"), *type);
    if (threshold)
        o.insert(QStringLiteral("threshold"), *threshold);
    if (durationSeconds)
        o.insert(QStringLiteral("duration"), *durationSeconds);
    if (enabled)
        o.insert(QStringLiteral("enabled"), *enabled);
    text("node_id", nodeId);
    text("label", label);
    text("probe_id", probeId);
    text("container", container);
    if (renotifySeconds)
        o.insert(QStringLiteral("renotify"), *renotifySeconds);
    return o;
}

namespace {

const QString kRules = QStringLiteral("/api/v1/alerts/rules");
const QString kRecords = QStringLiteral("/api/v1/alerts/records");
const QString kChannels = QStringLiteral("/api/v1/alerts/channels");
const QString kMaintenance = QStringLiteral("/api/v1/alerts/maintenance");

AlertRuleRow readRule(const ApiResponse &r)
{
    return json::alertRule(r.data.toObject());
}

} // namespace

void AlertsApi::rules(Callback<QList<AlertRuleRow>> done)
{
    m_client.call<QList<AlertRuleRow>>(
        ApiRequest::get(kRules),
        [](const ApiResponse &r) {
            QList<AlertRuleRow> rows;
            for (const QJsonValue v : r.data.toObject().value(QStringLiteral("items")).toArray())
                rows.append(json::alertRule(v.toObject()));
            return rows;
        },
        std::move(done));
}

void AlertsApi::createRule(const AlertRuleChange &rule, Callback<AlertRuleRow> done)
{
    m_client.call<AlertRuleRow>(ApiRequest::post(kRules, rule.toJson()), readRule, std::move(done));
}

void AlertsApi::updateRule(const QString &id, const AlertRuleChange &change,
                           Callback<AlertRuleRow> done)
{
    m_client.call<AlertRuleRow>(ApiRequest::put(kRules + u'/' + id, change.toJson()), readRule,
                                std::move(done));
}

void AlertsApi::removeRule(const QString &id, Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::del(kRules + u'/' + id), [](const ApiResponse &) { return Status(); },
        std::move(done));
}

void AlertsApi::records(const AlertRecordFilter &filter, Callback<Page<AlertRecordRow>> done)
{
    QUrlQuery query = pageQuery(filter.page);
    addIfSet(query, QStringLiteral("node_id"), filter.nodeId);
    addIfSet(query, QStringLiteral("type"), filter.type);
    if (filter.onlyActive)
        query.addQueryItem(QStringLiteral("only_unresolved"), QStringLiteral("true"));
    m_client.call<Page<AlertRecordRow>>(
        ApiRequest::get(kRecords, query),
        [](const ApiResponse &r) {
            return json::page<AlertRecordRow>(r.data.toObject(), QStringLiteral("items"),
                                              json::alertRecord);
        },
        std::move(done));
}

void AlertsApi::resolve(const QString &recordId, Callback<AlertRecordRow> done)
{
    m_client.call<AlertRecordRow>(
        ApiRequest::post(kRecords + u'/' + recordId + QStringLiteral("/resolve")),
        [](const ApiResponse &r) { return json::alertRecord(r.data.toObject()); }, std::move(done));
}

void AlertsApi::channels(Callback<QList<AlertChannelRow>> done)
{
    m_client.call<QList<AlertChannelRow>>(
        ApiRequest::get(kChannels),
        [](const ApiResponse &r) {
            QList<AlertChannelRow> rows;
            for (const QJsonValue v : r.data.toObject().value(QStringLiteral("items")).toArray())
                rows.append(json::alertChannel(v.toObject()));
            return rows;
        },
        std::move(done));
}

void AlertsApi::createChannel(const AlertChannelChange &channel, Callback<AlertChannelRow> done)
{
    m_client.call<AlertChannelRow>(
        ApiRequest::post(kChannels, channel.toJson(true)),
        [](const ApiResponse &r) { return json::alertChannel(r.data.toObject()); },
        std::move(done));
}

void AlertsApi::updateChannel(const QString &id, const AlertChannelChange &change,
                              Callback<AlertChannelRow> done)
{
    m_client.call<AlertChannelRow>(
        ApiRequest::put(kChannels + u'/' + id, change.toJson(false)),
        [](const ApiResponse &r) { return json::alertChannel(r.data.toObject()); },
        std::move(done));
}

void AlertsApi::removeChannel(const QString &id, Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::del(kChannels + u'/' + id), [](const ApiResponse &) { return Status(); },
        std::move(done));
}

void AlertsApi::testChannel(const QString &id, Callback<AlertChannelTest> done)
{
    m_client.call<AlertChannelTest>(
        ApiRequest::post(kChannels + u'/' + id + QStringLiteral("/test")),
        [](const ApiResponse &r) {
            const QJsonObject o = r.data.toObject();
            return AlertChannelTest{o.value(QStringLiteral("success")).toBool(),
                                    o.value(QStringLiteral("http_status")).toInt(),
                                    o.value(QStringLiteral("smtp_code")).toInt(),
                                    o.value(QStringLiteral("error")).toString(),
                                    o.value(QStringLiteral("duration_ms")).toInteger(),
                                    o.value(QStringLiteral("delivery_id")).toString()};
        },
        std::move(done));
}

void AlertsApi::maintenanceWindows(Callback<QList<MaintenanceWindowRow>> done)
{
    m_client.call<QList<MaintenanceWindowRow>>(
        ApiRequest::get(kMaintenance),
        [](const ApiResponse &r) {
            QList<MaintenanceWindowRow> rows;
            for (const QJsonValue v : r.data.toObject().value(QStringLiteral("items")).toArray())
                rows.append(json::maintenanceWindow(v.toObject()));
            return rows;
        },
        std::move(done));
}

void AlertsApi::createMaintenanceWindow(const MaintenanceWindowChange &window,
                                        Callback<MaintenanceWindowRow> done)
{
    m_client.call<MaintenanceWindowRow>(
        ApiRequest::post(kMaintenance, window.toJson()),
        [](const ApiResponse &r) { return json::maintenanceWindow(r.data.toObject()); },
        std::move(done));
}

void AlertsApi::endMaintenanceWindow(const QString &id, Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::del(kMaintenance + u'/' + id), [](const ApiResponse &) { return Status(); },
        std::move(done));
}

} // namespace hm::client
