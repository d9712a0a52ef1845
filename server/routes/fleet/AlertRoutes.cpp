// /api/v1/alerts/*: parse, authorise, call AlertService, render
// (docs/api.md "Alerts"). Anyone signed in reads rules and records;
// administrators manage rules; users and up resolve records.

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/PagedReply.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/fleet/FleetRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/fleet/AlertService.h"

#include <QJsonArray>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QString kAlertsTag = QStringLiteral("Alerts");

// The fields of a rule body that were given; seed 002's server_id is the
// node's id.
Result<fleet::AlertRuleDetails> alertRuleDetails(const QJsonObject &body)
{
    fleet::AlertRuleDetails d;
    const auto text = [&body](const QString &field, std::optional<QString> *out) -> Status {
        if (!body.contains(field))
            return {};
        const QJsonValue v = body.value(field);
        if (v.isNull()) {
            *out = QString();
            return {};
        }
        if (!v.isString())
            return auth::fieldError(field, QStringLiteral("a string"));
        *out = v.toString();
        return {};
    };
    for (const auto &[field, out] :
         {std::pair{QStringLiteral("name"), &d.name}, std::pair{QStringLiteral("type"), &d.type},
          std::pair{QStringLiteral("label"), &d.label},
          std::pair{QStringLiteral("probe_id"), &d.probeId},
          std::pair{QStringLiteral("container"), &d.container},
          std::pair{QStringLiteral("node_id"), &d.nodeId},
          std::pair{QStringLiteral("server_id"), &d.nodeId}}) {
        if (Status s = text(field, out); !s)
            return s.error();
    }
    if (body.contains(QStringLiteral("threshold"))) {
        if (!body.value(QStringLiteral("threshold")).isDouble())
            return auth::fieldError(QStringLiteral("threshold"), QStringLiteral("a number"));
        d.threshold = body.value(QStringLiteral("threshold")).toDouble();
    }
    if (body.contains(QStringLiteral("duration"))) {
        const QJsonValue v = body.value(QStringLiteral("duration"));
        if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()))
            return auth::fieldError(QStringLiteral("duration"), QStringLiteral("whole seconds"));
        d.durationSeconds = qint64(v.toDouble());
    }
    if (body.contains(QStringLiteral("renotify"))) {
        const QJsonValue v = body.value(QStringLiteral("renotify"));
        if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()))
            return auth::fieldError(QStringLiteral("renotify"), QStringLiteral("whole seconds"));
        d.renotifySeconds = qint64(v.toDouble());
    }
    if (body.contains(QStringLiteral("enabled"))) {
        if (!body.value(QStringLiteral("enabled")).isBool())
            return auth::fieldError(QStringLiteral("enabled"), QStringLiteral("true or false"));
        d.enabled = body.value(QStringLiteral("enabled")).toBool();
    }
    return d;
}

QJsonObject ruleSchema()
{
    const QJsonObject number{{QStringLiteral("type"), QStringLiteral("number")}};
    return object(
        {{QStringLiteral("id"), string()},
         {QStringLiteral("name"), string()},
         {QStringLiteral("type"),
          enumOf({QStringLiteral("cpu"), QStringLiteral("memory"), QStringLiteral("disk"),
                  QStringLiteral("load"), QStringLiteral("network"), QStringLiteral("offline"),
                  QStringLiteral("probe"), QStringLiteral("certificate"),
                  QStringLiteral("container_down"), QStringLiteral("container_unhealthy")})},
         {QStringLiteral("threshold"), number},
         {QStringLiteral("duration"), integer(QStringLiteral("seconds"))},
         {QStringLiteral("renotify"),
          integer(QStringLiteral("seconds between repeats while open; 0: once"))},
         {QStringLiteral("enabled"), boolean()},
         {QStringLiteral("node_id"), nullable(string())},
         {QStringLiteral("label"), nullable(string())},
         {QStringLiteral("probe_id"), nullable(string())},
         {QStringLiteral("container"), nullable(string())},
         {QStringLiteral("created_at"), string()},
         {QStringLiteral("updated_at"), string()}});
}

QJsonObject ruleBodySchema()
{
    const QJsonObject number{{QStringLiteral("type"), QStringLiteral("number")}};
    return object(
        {{QStringLiteral("name"), string()},
         {QStringLiteral("type"), string(QStringLiteral("cpu, memory, disk, load, "
                                                        "network, offline, probe, "
                                                        "certificate, container_down or "
                                                        "container_unhealthy"))},
         {QStringLiteral("threshold"), number},
         {QStringLiteral("duration"), integer(QStringLiteral("seconds, 0 to 86400"))},
         {QStringLiteral("renotify"), integer(QStringLiteral("0 (once), or 60 to 604800 seconds"))},
         {QStringLiteral("enabled"), boolean()},
         {QStringLiteral("node_id"), nullable(string())},
         {QStringLiteral("label"), nullable(string())},
         {QStringLiteral("probe_id"),
          nullable(string(QStringLiteral("probe and certificate rules: the probe")))},
         {QStringLiteral("container"),
          nullable(string(QStringLiteral("container rules: a container name, a glob with * "
                                         "and ?, or any")))}});
}

QJsonObject recordSchema()
{
    const QJsonObject number{{QStringLiteral("type"), QStringLiteral("number")}};
    return object(
        {{QStringLiteral("id"), string()},
         {QStringLiteral("rule_id"), nullable(string())},
         {QStringLiteral("rule_name"), string()},
         {QStringLiteral("node_id"), string()},
         {QStringLiteral("node_name"), string()},
         {QStringLiteral("type"), string()},
         {QStringLiteral("status"), enumOf({QStringLiteral("active"), QStringLiteral("resolved")})},
         {QStringLiteral("value"), number},
         {QStringLiteral("threshold"), number},
         {QStringLiteral("created_at"), string()},
         {QStringLiteral("resolved_at"), nullable(string())},
         {QStringLiteral("resolved_by"), nullable(string())},
         {QStringLiteral("resolved_by_name"), nullable(string())}});
}

QJsonObject maintenanceSchema()
{
    return object({{QStringLiteral("id"), string()},
                   {QStringLiteral("name"), string()},
                   {QStringLiteral("starts_at"), string()},
                   {QStringLiteral("ends_at"), string()},
                   {QStringLiteral("node_id"), nullable(string())},
                   {QStringLiteral("label"), nullable(string())},
                   {QStringLiteral("created_at"), string()}});
}

Result<repositories::MaintenanceRow> maintenanceBody(const QJsonObject &body)
{
    repositories::MaintenanceRow w;
    for (const auto &[field, out] : {std::pair{QStringLiteral("name"), &w.name},
                                     std::pair{QStringLiteral("node_id"), &w.nodeId},
                                     std::pair{QStringLiteral("server_id"), &w.nodeId},
                                     std::pair{QStringLiteral("label"), &w.label}}) {
        const QJsonValue v = body.value(field);
        if (v.isUndefined() || v.isNull())
            continue;
        if (!v.isString())
            return auth::fieldError(field, QStringLiteral("a string"));
        *out = v.toString().trimmed();
    }
    for (const auto &[field, out] : {std::pair{QStringLiteral("starts_at"), &w.startsAt},
                                     std::pair{QStringLiteral("ends_at"), &w.endsAt}}) {
        const qint64 at = auth::parseIsoMs(body.value(field).toString());
        if (at <= 0)
            return auth::fieldError(field, QStringLiteral("an ISO-8601 time"));
        *out = at;
    }
    return w;
}

ApiReply replyRecords(fleet::AlertService &alerts, const RequestContext &c)
{
    QUrlQuery query = c.request.query();
    // Seed 002 pages with `limit`.
    if (!query.hasQueryItem(QStringLiteral("size")) && query.hasQueryItem(QStringLiteral("limit")))
        query.addQueryItem(QStringLiteral("size"), query.queryItemValue(QStringLiteral("limit")));
    HM_TRY(paging, parsePaging(query));
    repositories::AlertRecordFilter filter;
    filter.nodeId = queryValue(query, QStringLiteral("node_id"));
    if (filter.nodeId.isEmpty())
        filter.nodeId = queryValue(query, QStringLiteral("server_id"));
    filter.type = queryValue(query, QStringLiteral("type"));
    if (filter.type.isEmpty())
        filter.type = queryValue(query, QStringLiteral("alert_type"));
    if (!filter.type.isEmpty() && !hm::fleet::alertTypeFromName(filter.type))
        return ApiReply::failure(
            auth::fieldError(QStringLiteral("type"),
                             QStringLiteral("one of cpu, memory, disk, load, network, offline")));
    const QString onlyOpen = queryValue(query, QStringLiteral("only_unresolved"));
    filter.onlyOpen = onlyOpen == QLatin1String("true") || onlyOpen == QLatin1String("1");
    filter.limit = paging.value().size;
    filter.offset = paging.value().offset();
    HM_TRY(page, alerts.records(filter));
    QJsonArray items;
    for (const repositories::AlertRecordRow &row : page.value().items)
        items.append(fleet::AlertService::recordJson(row));
    return pagedReply(items, paging.value(), page.value().total);
}

} // namespace

void registerAlertRoutes(ApiRouter &router, auth::AuthModule &auth, fleet::AlertService &alerts)
{
    // The same routes under seed 002's names: /api/alerts/settings for the
    // rules, /api/alerts/records.
    for (const auto &[rulesBase, recordsBase] :
         {std::pair{QStringLiteral("/api/v1/alerts/rules"),
                    QStringLiteral("/api/v1/alerts/records")},
          std::pair{QStringLiteral("/api/alerts/settings"),
                    QStringLiteral("/api/alerts/records")}}) {
        const QJsonObject rule = ruleSchema();
        auth::addProtectedRoute(
            router, auth, Method::Get, rulesBase, Role::Viewer,
            [&alerts](const RequestContext &, const Principal &) -> ApiReply {
                HM_TRY(rules, alerts.rules());
                QJsonArray items;
                for (const repositories::AlertRuleRow &row : rules.value())
                    items.append(fleet::AlertService::ruleJson(row));
                return ApiReply::ok(QJsonObject{{QStringLiteral("items"), items}});
            },
            routeDoc(kAlertsTag, QStringLiteral("The alert rules, by name"))
                .response(object({{QStringLiteral("items"), arrayOf(rule)}})));
        auth::addProtectedRoute(
            router, auth, Method::Post, rulesBase, Role::Admin,
            [&alerts](const RequestContext &c, const Principal &p) -> ApiReply {
                HM_TRY(body, c.jsonObject());
                HM_TRY(details, alertRuleDetails(body.value()));
                // Seed 002's body names no rule: it is called after what it
                // watches ("cpu over 80").
                fleet::AlertRuleDetails given = details.value();
                if (!given.name && given.type && !given.type->trimmed().isEmpty())
                    given.name = given.threshold ? QStringLiteral("%1 over %2")
                                                       .arg(given.type->trimmed())
                                                       .arg(*given.threshold)
                                                 : given.type->trimmed();
                HM_TRY(created, alerts.createRule(p, auth::clientInfo(c), given));
                return ApiReply::ok(fleet::AlertService::ruleJson(created.value()), 201);
            },
            [&] {
                RouteDoc d = routeDoc(kAlertsTag, QStringLiteral("Create an alert rule"),
                                      {ErrorCode::ValidationError})
                                 .request(ruleBodySchema())
                                 .response(rule);
                d.successStatus = 201;
                return d;
            }());
        auth::addProtectedRoute(
            router, auth, Method::Get, rulesBase + QStringLiteral("/{id}"), Role::Viewer,
            [&alerts](const RequestContext &c, const Principal &) -> ApiReply {
                HM_TRY(found, alerts.rule(c.pathArgs.at(0)));
                return ApiReply::ok(fleet::AlertService::ruleJson(found.value()));
            },
            routeDoc(kAlertsTag, QStringLiteral("One alert rule"), {ErrorCode::ResourceNotFound})
                .response(rule));
        auth::addProtectedRoute(
            router, auth, Method::Put, rulesBase + QStringLiteral("/{id}"), Role::Admin,
            [&alerts](const RequestContext &c, const Principal &p) -> ApiReply {
                HM_TRY(body, c.jsonObject());
                HM_TRY(details, alertRuleDetails(body.value()));
                HM_TRY(updated, alerts.updateRule(p, auth::clientInfo(c), c.pathArgs.at(0),
                                                  details.value()));
                return ApiReply::ok(fleet::AlertService::ruleJson(updated.value()));
            },
            routeDoc(kAlertsTag,
                     QStringLiteral("Change an alert rule (the fields given); its open alerts "
                                    "resolve and it is evaluated afresh"),
                     {ErrorCode::ResourceNotFound, ErrorCode::ValidationError})
                .request(ruleBodySchema())
                .response(rule));
        auth::addProtectedRoute(
            router, auth, Method::Delete, rulesBase + QStringLiteral("/{id}"), Role::Admin,
            [&alerts](const RequestContext &c, const Principal &p) -> ApiReply {
                HM_TRY_STATUS(alerts.deleteRule(p, auth::clientInfo(c), c.pathArgs.at(0)));
                return ApiReply::ok(QJsonObject{{QStringLiteral("id"), c.pathArgs.at(0)},
                                                {QStringLiteral("deleted"), true}});
            },
            routeDoc(kAlertsTag,
                     QStringLiteral("Delete an alert rule; its open alerts resolve, its records "
                                    "stay"),
                     {ErrorCode::ResourceNotFound})
                .response(object(
                    {{QStringLiteral("id"), string()}, {QStringLiteral("deleted"), boolean()}})));

        RouteDoc recordsDoc =
            routeDoc(kAlertsTag, QStringLiteral("Alert records, newest first"),
                     {ErrorCode::ValidationError})
                .response(object({{QStringLiteral("items"), arrayOf(recordSchema())},
                                  {QStringLiteral("pagination"), object({})}}));
        recordsDoc.queryParameters = QJsonArray{
            query(QStringLiteral("node_id"), string(),
                  QStringLiteral("one node (seed: server_id)")),
            query(QStringLiteral("type"), string(), QStringLiteral("one type (seed: alert_type)")),
            query(QStringLiteral("only_unresolved"), boolean(), QStringLiteral("open ones only")),
            query(QStringLiteral("page"), integer()),
            query(QStringLiteral("size"), integer(), QStringLiteral("seed: limit"))};
        auth::addProtectedRoute(
            router, auth, Method::Get, recordsBase, Role::Viewer,
            [&alerts](const RequestContext &c, const Principal &) {
                return replyRecords(alerts, c);
            },
            std::move(recordsDoc));
        auth::addProtectedRoute(
            router, auth, Method::Post, recordsBase + QStringLiteral("/{id}/resolve"), Role::User,
            [&alerts](const RequestContext &c, const Principal &p) -> ApiReply {
                HM_TRY(resolved, alerts.resolve(p, auth::clientInfo(c), c.pathArgs.at(0)));
                return ApiReply::ok(fleet::AlertService::recordJson(resolved.value()));
            },
            routeDoc(kAlertsTag, QStringLiteral("Resolve an open alert by hand"),
                     {ErrorCode::ResourceNotFound, ErrorCode::Conflict})
                .response(recordSchema()));
    }

    const QJsonObject window = maintenanceSchema();
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/alerts/maintenance"), Role::Viewer,
        [&alerts](const RequestContext &, const Principal &) -> ApiReply {
            HM_TRY(windows, alerts.maintenance());
            QJsonArray items;
            for (const repositories::MaintenanceRow &row : windows.value())
                items.append(fleet::AlertService::maintenanceJson(row));
            return ApiReply::ok(QJsonObject{{QStringLiteral("items"), items}});
        },
        routeDoc(kAlertsTag, QStringLiteral("Maintenance windows not over yet, the soonest first"))
            .response(object({{QStringLiteral("items"), arrayOf(window)}})));
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/alerts/maintenance"), Role::Admin,
        [&alerts](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(body, c.jsonObject());
            HM_TRY(parsed, maintenanceBody(body.value()));
            HM_TRY(created, alerts.createMaintenance(p, auth::clientInfo(c), parsed.value()));
            return ApiReply::ok(fleet::AlertService::maintenanceJson(created.value()), 201);
        },
        [&] {
            RouteDoc d =
                routeDoc(
                    kAlertsTag,
                    QStringLiteral("A maintenance window: the nodes covered raise no new alert "
                                   "from starts_at to ends_at"),
                    {ErrorCode::ValidationError})
                    .request(object(
                        {{QStringLiteral("name"), string()},
                         {QStringLiteral("starts_at"), string(QStringLiteral("ISO-8601"))},
                         {QStringLiteral("ends_at"),
                          string(QStringLiteral("ISO-8601, at most 30 days after starts_at"))},
                         {QStringLiteral("node_id"), nullable(string())},
                         {QStringLiteral("label"), nullable(string())}}))
                    .response(window);
            d.successStatus = 201;
            return d;
        }());
    auth::addProtectedRoute(
        router, auth, Method::Delete, QStringLiteral("/api/v1/alerts/maintenance/{id}"),
        Role::Admin,
        [&alerts](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY_STATUS(alerts.deleteMaintenance(p, auth::clientInfo(c), c.pathArgs.at(0)));
            return ApiReply::ok(QJsonObject{{QStringLiteral("id"), c.pathArgs.at(0)},
                                            {QStringLiteral("deleted"), true}});
        },
        routeDoc(kAlertsTag, QStringLiteral("End a maintenance window now (delete it)"),
                 {ErrorCode::ResourceNotFound})
            .response(object(
                {{QStringLiteral("id"), string()}, {QStringLiteral("deleted"), boolean()}})));
}

} // namespace hm::server
