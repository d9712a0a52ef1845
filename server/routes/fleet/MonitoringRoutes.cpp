// Seed 001's /api/v1/monitoring/*: parse, authorise, call Monitoring (and
// the WireGuard and BGP services for the dashboard's service metrics),
// render (docs/api.md "Monitoring (seed 001)").

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/BodyFields.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/fleet/FleetRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/fleet/Monitoring.h"
#include "server/services/vpn/BgpService.h"
#include "server/services/vpn/WireGuardService.h"

#include <QJsonArray>
#include <limits>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QString kMonitoringTag = QStringLiteral("monitoring");

Error withReason(Error error, const QString &reason)
{
    error.details.insert(QStringLiteral("reason"), reason);
    return error;
}

// ?time_range (seed 001: 1h, 6h, 24h, 7d, 30d; default 1h).
Result<QString> timeRangeOf(const QUrlQuery &query)
{
    const QString range = queryValue(query, QStringLiteral("time_range"));
    if (range.isEmpty())
        return QStringLiteral("1h");
    if (!fleet::Monitoring::timeRanges().contains(range))
        return withReason(auth::fieldError(QStringLiteral("time_range"),
                                           QStringLiteral("one of ") +
                                               fleet::Monitoring::timeRanges().join(u", ")),
                          QStringLiteral("UNKNOWN_TIME_RANGE"));
    return range;
}

Result<fleet::SystemMetricQuery> systemMetricQueryOf(const QUrlQuery &query)
{
    fleet::SystemMetricQuery q;
    q.metric = queryValue(query, QStringLiteral("metric"));
    if (!fleet::Monitoring::systemMetricNames().contains(q.metric))
        return withReason(auth::fieldError(QStringLiteral("metric"),
                                           QStringLiteral("one of ") +
                                               fleet::Monitoring::systemMetricNames().join(u", ")),
                          QStringLiteral("UNKNOWN_METRIC"));
    auto start = parseTime(query, {QStringLiteral("start_time")});
    if (!start)
        return withReason(start.error(), QStringLiteral("INVALID_TIME"));
    auto end = parseTime(query, {QStringLiteral("end_time")});
    if (!end)
        return withReason(end.error(), QStringLiteral("INVALID_TIME"));
    q.endMs = end.value().isValid() ? end.value().toMSecsSinceEpoch() : auth::nowMs();
    q.startMs =
        start.value().isValid() ? start.value().toMSecsSinceEpoch() : q.endMs - 3600 * 1000LL;
    if (q.startMs > q.endMs)
        return withReason(
            auth::fieldError(QStringLiteral("start_time"), QStringLiteral("not after end_time")),
            QStringLiteral("INVALID_TIME_RANGE"));
    q.interval = queryValue(query, QStringLiteral("interval"));
    if (!q.interval.isEmpty() && !fleet::Monitoring::intervals().contains(q.interval))
        return withReason(auth::fieldError(QStringLiteral("interval"),
                                           QStringLiteral("one of ") +
                                               fleet::Monitoring::intervals().join(u", ")),
                          QStringLiteral("UNKNOWN_INTERVAL"));
    q.nodeId = queryValue(query, QStringLiteral("node_id"));
    return q;
}

// Seed 001's rule body. Fields HiveMind's rules have no place for are
// named in ignored_fields of the answer, never dropped silently.
Result<fleet::SeedAlertRule> seedAlertRuleOf(const QJsonObject &body)
{
    fleet::SeedAlertRule rule;
    std::optional<QString> name;
    std::optional<QString> metric;
    std::optional<QString> condition;
    std::optional<QString> level;
    for (const auto &[field, out] : {std::pair{QStringLiteral("name"), &name},
                                     std::pair{QStringLiteral("metric_name"), &metric},
                                     std::pair{QStringLiteral("condition"), &condition},
                                     std::pair{QStringLiteral("level"), &level}}) {
        if (Status s = body::readString(body, field, out, body::IfNull::Ignore); !s)
            return s.error();
    }
    if (!name || name->trimmed().isEmpty())
        return auth::fieldError(QStringLiteral("name"), QStringLiteral("required"));
    if (!metric)
        return auth::fieldError(QStringLiteral("metric_name"), QStringLiteral("required"));
    rule.details.name = *name;
    rule.metricName = *metric;
    // HiveMind's rules fire when the value is above the threshold.
    rule.condition = condition.value_or(QStringLiteral(">"));
    if (rule.condition != QLatin1String(">"))
        return withReason(auth::fieldError(QStringLiteral("condition"),
                                           QStringLiteral("only \">\": rules fire above the "
                                                          "threshold")),
                          QStringLiteral("UNSUPPORTED_CONDITION"));
    if (!body.value(QStringLiteral("threshold")).isDouble())
        return auth::fieldError(QStringLiteral("threshold"), QStringLiteral("a number"));
    rule.details.threshold = body.value(QStringLiteral("threshold")).toDouble();
    if (body.contains(QStringLiteral("duration"))) {
        auto duration =
            body::wholeNumber(body.value(QStringLiteral("duration")), QStringLiteral("duration"), 0,
                              86400, QStringLiteral("whole seconds, 0 to 86400"));
        if (!duration)
            return duration.error();
        rule.details.durationSeconds = duration.value();
    }
    std::optional<bool> enabled;
    if (Status s = body::readBool(body, QStringLiteral("enabled"), &enabled); !s)
        return s.error();
    rule.details.enabled = enabled;
    std::optional<QStringList> channels;
    if (Status s = body::readStringList(body, QStringLiteral("notification_channels"), &channels);
        !s)
        return s.error();
    rule.channels = channels.value_or(QStringList());
    // Every HiveMind alert is a "warning"; another level is not kept.
    if (level && *level != QLatin1String("warning"))
        rule.ignoredFields << QStringLiteral("level");
    for (const QString &field : {QStringLiteral("description"), QStringLiteral("tags"),
                                 QStringLiteral("cooldown_minutes")}) {
        if (body.contains(field))
            rule.ignoredFields << field;
    }
    return rule;
}

QJsonObject number(const QString &description = {})
{
    QJsonObject n{{QStringLiteral("type"), QStringLiteral("number")}};
    if (!description.isEmpty())
        n.insert(QStringLiteral("description"), description);
    return n;
}

QJsonObject dashboardSchema()
{
    const QJsonObject usage = object({{QStringLiteral("total"), nullable(number())},
                                      {QStringLiteral("used"), nullable(number())},
                                      {QStringLiteral("free"), nullable(number())},
                                      {QStringLiteral("usage_percent"), nullable(number())}});
    QJsonObject disk = usage;
    QJsonObject diskProperties = disk.value(QStringLiteral("properties")).toObject();
    diskProperties.insert(QStringLiteral("read_bytes_per_second"), nullable(number()));
    diskProperties.insert(QStringLiteral("write_bytes_per_second"), nullable(number()));
    disk.insert(QStringLiteral("properties"), diskProperties);
    return object(
        {{QStringLiteral("time_range"), string()},
         {QStringLiteral("system_metrics"),
          object(
              {{QStringLiteral("scope"), enumOf({QStringLiteral("fleet"), QStringLiteral("node")})},
               {QStringLiteral("node_id"), string()},
               {QStringLiteral("nodes"), integer(QStringLiteral("nodes whose reports count"))},
               {QStringLiteral("cpu"),
                object({{QStringLiteral("usage"), nullable(number())},
                        {QStringLiteral("cores"), nullable(number())},
                        {QStringLiteral("load_average"), nullable(arrayOf(number()))}})},
               {QStringLiteral("memory"), usage},
               {QStringLiteral("disk"), disk},
               {QStringLiteral("network"),
                object({{QStringLiteral("bytes_recv_per_second"), nullable(number())},
                        {QStringLiteral("bytes_sent_per_second"), nullable(number())}})}})},
         {QStringLiteral("service_metrics"),
          object({{QStringLiteral("wireguard"),
                   object({{QStringLiteral("servers_count"), integer()},
                           {QStringLiteral("clients_count"), integer()},
                           {QStringLiteral("total_traffic"), integer()},
                           {QStringLiteral("active_connections"), integer()}})},
                  {QStringLiteral("bgp"),
                   object({{QStringLiteral("sessions_count"), integer()},
                           {QStringLiteral("established_sessions"), integer()},
                           {QStringLiteral("routes_received"), integer()},
                           {QStringLiteral("routes_advertised"), integer()}})}})},
         {QStringLiteral("alerts"), object({{QStringLiteral("active"), integer()},
                                            {QStringLiteral("critical"), integer()},
                                            {QStringLiteral("warning"), integer()},
                                            {QStringLiteral("info"), integer()},
                                            {QStringLiteral("recent"), arrayOf(object({}))}})}});
}

// service_metrics.bgp from the sessions as BIRD shows them.
QJsonObject bgpFigures(const QJsonObject &list)
{
    qint64 established = 0;
    double received = 0;
    double advertised = 0;
    const QJsonArray sessions = list.value(QStringLiteral("sessions")).toArray();
    for (const QJsonValue &session : sessions) {
        const QJsonObject s = session.toObject();
        if (s.value(QStringLiteral("status")).toString() == QLatin1String("established"))
            ++established;
        received += s.value(QStringLiteral("routes_received")).toDouble();
        advertised += s.value(QStringLiteral("routes_advertised")).toDouble();
    }
    return {{QStringLiteral("sessions_count"), sessions.size()},
            {QStringLiteral("established_sessions"), established},
            {QStringLiteral("routes_received"), received},
            {QStringLiteral("routes_advertised"), advertised}};
}

} // namespace

void registerMonitoringRoutes(ApiRouter &router, auth::AuthModule &auth,
                              fleet::Monitoring &monitoring, vpn::WireGuardService &wireguard,
                              vpn::BgpService &bgp)
{
    RouteDoc dashboardDoc =
        routeDoc(kMonitoringTag,
                 QStringLiteral("Seed 001's monitoring dashboard from the fleet's latest "
                                "reports, the WireGuard and BGP services and the alert records"),
                 {ErrorCode::ValidationError, ErrorCode::ResourceNotFound})
            .response(dashboardSchema());
    dashboardDoc.queryParameters = {
        query(QStringLiteral("time_range"), enumOf(fleet::Monitoring::timeRanges()),
              QStringLiteral("how far back alerts.recent reaches (default 1h)")),
        query(QStringLiteral("refresh"), boolean(),
              QStringLiteral("accepted; the figures are always current")),
        query(QStringLiteral("node_id"), string(),
              QStringLiteral("system_metrics of this node instead of the online fleet"))};
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/monitoring/dashboard"), Role::Viewer,
        [&monitoring, &wireguard, &bgp](const RequestContext &c, const Principal &) -> ApiReply {
            const QUrlQuery query = c.request.query();
            HM_TRY(range, timeRangeOf(query));
            HM_TRY(system, monitoring.systemMetrics(queryValue(query, QStringLiteral("node_id"))));
            HM_TRY(alerts, monitoring.alertsSummary(auth::nowMs() -
                                                    fleet::Monitoring::timeRangeMs(range.value())));
            HM_TRY(tunnels, wireguard.overview());
            QJsonObject answer{{QStringLiteral("time_range"), range.value()},
                               {QStringLiteral("system_metrics"), system.value()},
                               {QStringLiteral("alerts"), alerts.value()}};
            const DeferredReply reply = c.defer();
            vpn::BgpSessionQuery all;
            all.limit = std::numeric_limits<int>::max();
            bgp.listSessions(
                all, [reply, answer, wg = tunnels.value()](Result<QJsonObject> sessions) {
                    if (!sessions)
                        return reply.send(ApiReply::failure(sessions.error()));
                    QJsonObject data = answer;
                    data.insert(QStringLiteral("service_metrics"),
                                QJsonObject{{QStringLiteral("wireguard"), wg},
                                            {QStringLiteral("bgp"), bgpFigures(sessions.value())}});
                    reply.send(ApiReply::ok(data));
                });
            return ApiReply::deferred();
        },
        std::move(dashboardDoc));

    RouteDoc historyDoc =
        routeDoc(kMonitoringTag,
                 QStringLiteral("One seed 001 system metric over time from the fleet's metric "
                                "history, one series per node"),
                 {ErrorCode::ValidationError, ErrorCode::ResourceNotFound})
            .response(object(
                {{QStringLiteral("metric"), string()},
                 {QStringLiteral("unit"), string()},
                 {QStringLiteral("tier"), string(QStringLiteral("the history tier read"))},
                 {QStringLiteral("data_points"),
                  arrayOf(object({{QStringLiteral("timestamp"), string()},
                                  {QStringLiteral("value"), number()},
                                  {QStringLiteral("tags"),
                                   object({{QStringLiteral("host"), string()},
                                           {QStringLiteral("node_id"), string()}})}}))},
                 {QStringLiteral("statistics"), object({{QStringLiteral("min"), nullable(number())},
                                                        {QStringLiteral("max"), nullable(number())},
                                                        {QStringLiteral("avg"), nullable(number())},
                                                        {QStringLiteral("count"), integer()}})}}));
    historyDoc.queryParameters = {
        query(QStringLiteral("metric"), enumOf(fleet::Monitoring::systemMetricNames())),
        query(QStringLiteral("start_time"), string(),
              QStringLiteral("ISO-8601; default an hour "
                             "before end_time")),
        query(QStringLiteral("end_time"), string(), QStringLiteral("ISO-8601; default now")),
        query(QStringLiteral("interval"), enumOf(fleet::Monitoring::intervals())),
        query(QStringLiteral("node_id"), string(), QStringLiteral("one node; default all"))};
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/monitoring/metrics/system"),
        Role::Viewer,
        [&monitoring](const RequestContext &c, const Principal &) -> ApiReply {
            HM_TRY(query, systemMetricQueryOf(c.request.query()));
            HM_TRY(history, monitoring.systemMetricHistory(query.value()));
            return ApiReply::ok(history.value());
        },
        std::move(historyDoc));

    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/monitoring/alerts/rules"), Role::Admin,
        [&monitoring](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(body, c.jsonObject());
            HM_TRY(rule, seedAlertRuleOf(body.value()));
            HM_TRY(created, monitoring.createSeedRule(p, auth::clientInfo(c), rule.value()));
            return ApiReply::ok(created.value(), 201);
        },
        routeDoc(kMonitoringTag,
                 QStringLiteral("Seed 001's alert rule: a fleet alert rule (cpu, memory or disk "
                                "over a threshold)"),
                 {ErrorCode::ValidationError})
            .request(object(
                {{QStringLiteral("name"), string()},
                 {QStringLiteral("metric_name"),
                  enumOf({QStringLiteral("system.cpu.usage"), QStringLiteral("system.memory.usage"),
                          QStringLiteral("system.disk.usage")})},
                 {QStringLiteral("condition"), enumOf({QStringLiteral(">")})},
                 {QStringLiteral("threshold"), number()},
                 {QStringLiteral("duration"), integer()},
                 {QStringLiteral("enabled"), boolean()},
                 {QStringLiteral("level"), string()},
                 {QStringLiteral("notification_channels"), arrayOf(string())},
                 {QStringLiteral("description"), string()},
                 {QStringLiteral("cooldown_minutes"), integer()},
                 {QStringLiteral("tags"), object({})}},
                {QStringLiteral("name"), QStringLiteral("metric_name"),
                 QStringLiteral("threshold")}))
            .response(object({{QStringLiteral("id"), string()},
                              {QStringLiteral("name"), string()},
                              {QStringLiteral("metric_name"), string()},
                              {QStringLiteral("condition"), string()},
                              {QStringLiteral("threshold"), number()},
                              {QStringLiteral("level"), enumOf({QStringLiteral("warning")})},
                              {QStringLiteral("duration"), integer()},
                              {QStringLiteral("enabled"), boolean()},
                              {QStringLiteral("notification_channels"), arrayOf(string())},
                              {QStringLiteral("ignored_fields"), arrayOf(string())},
                              {QStringLiteral("rule"), object({})},
                              {QStringLiteral("created_at"), string()},
                              {QStringLiteral("updated_at"), string()}}))
            .status(201));
}

} // namespace hm::server
