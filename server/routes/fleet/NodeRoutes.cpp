// /api/v1/nodes*: parse, authorise, call FleetService, render.

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/PagedReply.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/fleet/FleetRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/fleet/BucketItemsText.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/fleet/NodeJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>
#include <array>
#include <cmath>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QString kNodesTag = QStringLiteral("Nodes");

// The fields of a create or update body that were given.
Result<fleet::NodeDetails> nodeDetails(const QJsonObject &body)
{
    fleet::NodeDetails details;
    if (body.contains(QStringLiteral("name"))) {
        auto name = auth::requiredString(body, QStringLiteral("name"));
        if (!name)
            return name.error();
        details.name = name.value();
    }
    if (body.contains(QStringLiteral("description"))) {
        auto description = auth::optionalString(body, QStringLiteral("description"));
        if (!description)
            return description.error();
        details.description = description.value();
    }
    if (body.contains(QStringLiteral("ip"))) {
        // Seed 002's address of a server that is not enrolled yet.
        auto ip = auth::optionalString(body, QStringLiteral("ip"));
        if (!ip)
            return ip.error();
        details.ip = ip.value();
    }
    if (body.contains(QStringLiteral("labels"))) {
        auto labels = auth::optionalStringList(body, QStringLiteral("labels"));
        if (!labels)
            return labels.error();
        details.labels = labels.value();
    } else if (body.contains(QStringLiteral("tags"))) {
        // Seed 002 spells the labels as one comma-separated string.
        auto tags = auth::optionalString(body, QStringLiteral("tags"));
        if (!tags)
            return tags.error();
        QStringList labels;
        for (const QString &tag : tags.value().split(u',', Qt::SkipEmptyParts)) {
            if (!tag.trimmed().isEmpty())
                labels << tag.trimmed();
        }
        details.labels = labels;
    }
    return details;
}

Result<qint64> enrolmentHours(const QJsonObject &body)
{
    const QJsonValue value = body.value(QStringLiteral("expires_in_hours"));
    if (value.isUndefined() || value.isNull())
        return fleet::kDefaultEnrolmentHours;
    if (!value.isDouble() || value.toDouble() != double(qint64(value.toDouble())))
        return auth::fieldError(QStringLiteral("expires_in_hours"),
                                QStringLiteral("a whole number of hours"));
    return qint64(value.toDouble());
}

QJsonObject ticketJson(const fleet::EnrolmentTicket &ticket)
{
    return {{QStringLiteral("secret"), ticket.secret},
            {QStringLiteral("expires_at"), auth::isoOrNull(ticket.expiresAt)},
            {QStringLiteral("command"), ticket.command}};
}

ApiReply replyNodeList(fleet::FleetService &fleet, const RequestContext &c)
{
    const QUrlQuery query = c.request.query();
    HM_TRY(paging, parsePaging(query));
    HM_TRY(search, parseSearch(query));
    repositories::NodeFilter filter;
    filter.search = search.value();
    filter.label = queryValue(query, QStringLiteral("label"));
    if (filter.label.size() > 32)
        return ApiReply::failure(
            auth::fieldError(QStringLiteral("label"), QStringLiteral("at most 32 characters")));
    filter.limit = paging.value().size;
    filter.offset = paging.value().offset();
    const QString status = queryValue(query, QStringLiteral("status"));
    if (!status.isEmpty() && status != QLatin1String("pending") &&
        status != QLatin1String("online") && status != QLatin1String("offline"))
        return ApiReply::failure(auth::fieldError(
            QStringLiteral("status"), QStringLiteral("one of pending, online, offline")));
    HM_TRY(page, fleet.list(filter, status));
    QJsonArray items;
    for (const repositories::NodeRow &row : page.value().items)
        items.append(fleet::nodeJson(row, fleet.isOnline(row.id)));
    return pagedReply(items, paging.value(), page.value().total);
}

ApiReply replyNode(fleet::FleetService &fleet, const RequestContext &c)
{
    HM_TRY(row, fleet.get(c.pathArgs.at(0)));
    return ApiReply::ok(fleet::nodeJson(row.value(), fleet.isOnline(row.value().id)));
}

ApiReply replyUpdatedNode(fleet::FleetService &fleet, const RequestContext &c, const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(details, nodeDetails(body.value()));
    HM_TRY(row, fleet.update(p, auth::clientInfo(c), c.pathArgs.at(0), details.value()));
    return ApiReply::ok(fleet::nodeJson(row.value(), fleet.isOnline(row.value().id)));
}

ApiReply replyDeletedNode(fleet::FleetService &fleet, const RequestContext &c, const Principal &p)
{
    HM_TRY_STATUS(fleet.remove(p, auth::clientInfo(c), c.pathArgs.at(0)));
    return ApiReply::ok(
        QJsonObject{{QStringLiteral("id"), c.pathArgs.at(0)}, {QStringLiteral("deleted"), true}});
}

ApiReply replyCreatedNode(fleet::FleetService &fleet, const RequestContext &c, const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    if (!body.value().contains(QStringLiteral("name")))
        return ApiReply::failure(
            auth::fieldError(QStringLiteral("name"), QStringLiteral("required")));
    HM_TRY(details, nodeDetails(body.value()));
    HM_TRY(hours, enrolmentHours(body.value()));
    HM_TRY(created, fleet.create(p, auth::clientInfo(c), details.value(), hours.value()));
    return ApiReply::ok(
        QJsonObject{{QStringLiteral("node"), fleet::nodeJson(created.value().node, false)},
                    {QStringLiteral("enrolment"), ticketJson(created.value().enrolment)}},
        201);
}

// Seed 002's register body, plus the agent's public key.
Result<fleet::Registration> registrationOf(const QJsonObject &body)
{
    fleet::Registration r;
    struct TextField
    {
        const char *key;
        QString *target;
    };
    const TextField texts[] = {{"name", &r.name},
                               {"ip", &r.facts.ip},
                               {"os", &r.facts.os},
                               {"arch", &r.facts.arch},
                               {"cpu_model", &r.facts.cpuModel},
                               {"system_info", &r.facts.systemInfo},
                               {"agent_version", &r.facts.agentVersion}};
    for (const TextField &field : texts) {
        auto value = auth::optionalString(body, QLatin1String(field.key));
        if (!value)
            return value.error();
        *field.target = value.value();
    }
    const struct
    {
        const char *key;
        qint64 *target;
    } counts[] = {{"cpu_cores", &r.facts.cpuCores},
                  {"memory_total", &r.facts.memoryTotal},
                  {"disk_total", &r.facts.diskTotal}};
    for (const auto &field : counts) {
        const QJsonValue value = body.value(QLatin1String(field.key));
        if (value.isUndefined() || value.isNull())
            continue;
        if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 9.0e15)
            return auth::fieldError(QLatin1String(field.key), QStringLiteral("a whole number"));
        *field.target = qint64(value.toDouble());
    }
    auto key = auth::requiredString(body, QStringLiteral("public_key"));
    if (!key)
        return key.error();
    const auto decoded = QByteArray::fromBase64Encoding(key.value().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return auth::fieldError(QStringLiteral("public_key"), QStringLiteral("base64"));
    r.publicKey = decoded.decoded;
    auto capabilities = auth::optionalStringList(body, QStringLiteral("capabilities"));
    if (!capabilities)
        return capabilities.error();
    r.capabilities = capabilities.value();
    return r;
}

ApiReply registerAgent(fleet::FleetService &fleet, const RequestContext &c)
{
    const QString secret = QString::fromLatin1(c.header("X-Secret-Key")).trimmed();
    if (secret.isEmpty())
        return ApiReply::failure(
            Error{ErrorCode::Unauthorized, QStringLiteral("the X-Secret-Key header is missing")});
    HM_TRY(body, c.jsonObject());
    HM_TRY(r, registrationOf(body.value()));
    HM_TRY(enrolled, fleet.enrol(secret, r.value(), c.clientIp()));
    QJsonObject answer{{QStringLiteral("node_id"), enrolled.value().nodeId},
                       {QStringLiteral("name"), enrolled.value().name},
                       {QStringLiteral("fingerprint"), enrolled.value().fingerprint}};
    // The agent pins it: only builds this key signed are installed there.
    if (!enrolled.value().releaseKey.isEmpty())
        answer.insert(QStringLiteral("release_key"),
                      QString::fromLatin1(enrolled.value().releaseKey.toBase64()));
    return ApiReply::ok(answer, 201);
}

ApiReply nodeMetrics(fleet::FleetService &fleet, const RequestContext &c)
{
    const QUrlQuery query = c.request.query();
    HM_TRY(start, parseTime(query, {QStringLiteral("start"), QStringLiteral("start_time")}));
    HM_TRY(end, parseTime(query, {QStringLiteral("end"), QStringLiteral("end_time")}));
    const qint64 endMs = end.value().isValid() ? end.value().toMSecsSinceEpoch() : auth::nowMs();
    const qint64 startMs =
        start.value().isValid() ? start.value().toMSecsSinceEpoch() : endMs - 3600 * 1000;
    if (startMs > endMs)
        return ApiReply::failure(
            auth::fieldError(QStringLiteral("start"), QStringLiteral("not after end")));
    qint64 limit = 1000;
    const QString limitText = queryValue(query, QStringLiteral("limit"));
    if (!limitText.isEmpty()) {
        bool ok = false;
        limit = limitText.toLongLong(&ok);
        if (!ok || limit < 1 || limit > 10000)
            return ApiReply::failure(
                auth::fieldError(QStringLiteral("limit"), QStringLiteral("1 to 10000")));
    }
    QSet<QString> names;
    for (const QString &name :
         queryValue(query, QStringLiteral("metrics")).split(u',', Qt::SkipEmptyParts)) {
        if (!hm::fleet::isValidMetricName(name.trimmed()))
            return ApiReply::failure(auth::fieldError(
                QStringLiteral("metrics"), QStringLiteral("metric names separated by commas")));
        names.insert(name.trimmed());
    }
    HM_TRY(history, fleet.metricsText(c.pathArgs.at(0), startMs, endMs, limit,
                                      queryValue(query, QStringLiteral("tier")), names));
    // The envelope around the pre-written items, as ApiReply::ok() would
    // write it (keys sorted): a year of buckets as QJsonObjects cost 10-40x
    // the 20 ms goal (docs/benchmarks.md, issue 35).
    QByteArray body;
    body.reserve(history.value().items.size() + 128);
    body += "{\"data\":{\"items\":";
    body += history.value().items;
    body += ",\"node_id\":";
    fleet::appendJsonString(body, c.pathArgs.at(0));
    body += ",\"tier\":";
    fleet::appendJsonString(body, history.value().tier);
    body += "},\"success\":true}";
    return ApiReply::raw(std::move(body), QByteArrayLiteral("application/json"));
}

// ?ids=a,b,c for GET /nodes/sparklines: node ids (UUIDs), at most one page
// of the list (100), duplicates once.
Result<QStringList> sparklineIds(const QUrlQuery &query)
{
    constexpr qsizetype kMaxSparklineIds = 100;
    const QString text = queryValue(query, QStringLiteral("ids"));
    QStringList ids;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString id = part.trimmed();
        if (id.size() != 36 || QUuid::fromString(id).isNull())
            return auth::fieldError(QStringLiteral("ids"),
                                    QStringLiteral("node ids separated by commas"));
        if (!ids.contains(id))
            ids << id;
        if (ids.size() > kMaxSparklineIds)
            return auth::fieldError(QStringLiteral("ids"),
                                    QStringLiteral("at most %1 node ids").arg(kMaxSparklineIds));
    }
    if (ids.isEmpty())
        return auth::fieldError(QStringLiteral("ids"), QStringLiteral("required"));
    return ids;
}

QJsonArray seriesJson(const std::array<double, fleet::NodeSparklines::kPoints> &values)
{
    QJsonArray out;
    for (const double v : values)
        out.append(v < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(std::round(v * 10) / 10));
    return out;
}

ApiReply replySparklines(fleet::FleetService &fleet, const RequestContext &c)
{
    HM_TRY(ids, sparklineIds(c.request.query()));
    qint64 endMs = 0;
    HM_TRY(series, fleet.sparklines(ids.value(), &endMs));
    QJsonArray items;
    for (const fleet::NodeSparklines::Series &s : series.value())
        items.append(QJsonObject{{QStringLiteral("node_id"), s.nodeId},
                                 {QStringLiteral("cpu_usage"), seriesJson(s.cpu)},
                                 {QStringLiteral("memory_percent"), seriesJson(s.memory)},
                                 {QStringLiteral("disk_percent"), seriesJson(s.disk)}});
    return ApiReply::ok(
        QJsonObject{{QStringLiteral("step_s"), fleet::NodeSparklines::kStepMs / 1000},
                    {QStringLiteral("points"), fleet::NodeSparklines::kPoints},
                    {QStringLiteral("end"), auth::isoOrNull(endMs)},
                    {QStringLiteral("items"), items}});
}

QJsonObject nodeSchema()
{
    return object(
        {{QStringLiteral("id"), string()},
         {QStringLiteral("name"), string()},
         {QStringLiteral("description"), string()},
         {QStringLiteral("labels"), arrayOf(string())},
         {QStringLiteral("tags"), string(QStringLiteral("the labels joined by commas (seed 002)"))},
         {QStringLiteral("status"),
          enumOf({QStringLiteral("pending"), QStringLiteral("online"), QStringLiteral("offline")})},
         {QStringLiteral("online"), boolean()},
         {QStringLiteral("enrolled"), boolean()},
         {QStringLiteral("fingerprint"),
          nullable(string(QStringLiteral("SHA256:… of the agent's Ed25519 public key")))},
         {QStringLiteral("ip"), nullable(string())},
         {QStringLiteral("os"), nullable(string())},
         {QStringLiteral("arch"), nullable(string())},
         {QStringLiteral("cpu_cores"), nullable(integer())},
         {QStringLiteral("cpu_model"), nullable(string())},
         {QStringLiteral("memory_total"), nullable(integer(QStringLiteral("bytes")))},
         {QStringLiteral("disk_total"), nullable(integer(QStringLiteral("bytes")))},
         {QStringLiteral("system_info"), nullable(string())},
         {QStringLiteral("agent_version"), nullable(string())},
         {QStringLiteral("capabilities"), arrayOf(string())},
         {QStringLiteral("last_seq"), integer()},
         {QStringLiteral("last_heartbeat"), nullable(string())},
         {QStringLiteral("enrolled_at"), nullable(string())},
         {QStringLiteral("created_at"), string()}},
        {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("status")});
}

QJsonObject ticketSchema()
{
    return object(
        {{QStringLiteral("secret"),
          string(QStringLiteral("single use; shown only in this answer"))},
         {QStringLiteral("expires_at"), string()},
         {QStringLiteral("command"),
          string(QStringLiteral("hivemind-agent command line that enrols with it"))}},
        {QStringLiteral("secret"), QStringLiteral("expires_at"), QStringLiteral("command")});
}

QJsonObject nodeBodySchema(bool create)
{
    QJsonObject properties{
        {QStringLiteral("name"), string(QStringLiteral("1 to 64 characters, unique"))},
        {QStringLiteral("description"), string(QStringLiteral("at most 1000 characters"))},
        {QStringLiteral("labels"),
         arrayOf(string(QStringLiteral("1 to 32 of a-z A-Z 0-9 _ . : -; at most 16")))},
        {QStringLiteral("tags"),
         string(QStringLiteral("seed 002's labels joined by commas (when labels is absent)"))}};
    properties.insert(QStringLiteral("ip"),
                      nullable(string(QStringLiteral(
                          "seed 002: the node's address (IPv4 or IPv6) until its agent enrols "
                          "and reports its own; null or empty: none"))));
    if (create) {
        properties.insert(QStringLiteral("expires_in_hours"),
                          integer(QStringLiteral("the enrolment secret's lifetime, 1 to 720 "
                                                 "(default 24)")));
    }
    return object(properties, create ? QStringList{QStringLiteral("name")} : QStringList{});
}

} // namespace

namespace {

// Seed 002's /api/servers routes over the same services: the list as
// {servers: [node]} (no paging, at most 10,000), update by PUT, the
// history as monitor. POST /api/servers/{id}/monitor is not served: agents
// report over /ws/agent, signed, never with a shared secret.
void registerSeedServerRoutes(ApiRouter &router, auth::AuthModule &auth, fleet::FleetService &fleet)
{
    const QString seed = QStringLiteral(" (seed 002's name for /api/v1/nodes%1)");
    RouteDoc listDoc =
        routeDoc(kNodesTag, QStringLiteral("The fleet's nodes by name") + seed.arg(QString()))
            .response(object({{QStringLiteral("servers"), arrayOf(nodeSchema())}}));
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/servers"), Role::Viewer,
        [&fleet](const RequestContext &c, const Principal &) -> ApiReply {
            const QUrlQuery query = c.request.query();
            HM_TRY(search, parseSearch(query));
            repositories::NodeFilter filter;
            filter.search = search.value();
            filter.label = queryValue(query, QStringLiteral("label"));
            filter.limit = 10000;
            HM_TRY(page, fleet.list(filter));
            QJsonArray servers;
            for (const repositories::NodeRow &row : page.value().items)
                servers.append(fleet::nodeJson(row, fleet.isOnline(row.id)));
            return ApiReply::ok(QJsonObject{{QStringLiteral("servers"), servers}});
        },
        std::move(listDoc));
    RouteDoc createDoc =
        routeDoc(kNodesTag,
                 QStringLiteral("Create a node and its enrolment secret") + seed.arg(QString()),
                 {ErrorCode::ResourceAlreadyExists})
            .request(nodeBodySchema(true))
            .response(object({{QStringLiteral("node"), nodeSchema()},
                              {QStringLiteral("enrolment"), ticketSchema()}}));
    createDoc.successStatus = 201;
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/servers"), Role::Admin,
        [&fleet](const RequestContext &c, const Principal &p) {
            return replyCreatedNode(fleet, c, p);
        },
        std::move(createDoc));
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/servers/{id}"), Role::Viewer,
        [&fleet](const RequestContext &c, const Principal &) { return replyNode(fleet, c); },
        routeDoc(kNodesTag, QStringLiteral("One node") + seed.arg(QStringLiteral("/{id}")),
                 {ErrorCode::ResourceNotFound})
            .response(nodeSchema()));
    auth::addProtectedRoute(
        router, auth, Method::Put, QStringLiteral("/api/servers/{id}"), Role::Admin,
        [&fleet](const RequestContext &c, const Principal &p) {
            return replyUpdatedNode(fleet, c, p);
        },
        routeDoc(kNodesTag,
                 QStringLiteral("Rename a node, describe it, set its labels (tags) or its ip") +
                     seed.arg(QStringLiteral("/{id}, PATCH")),
                 {ErrorCode::ResourceNotFound, ErrorCode::ResourceAlreadyExists})
            .request(nodeBodySchema(false))
            .response(nodeSchema()));
    auth::addProtectedRoute(
        router, auth, Method::Delete, QStringLiteral("/api/servers/{id}"), Role::Admin,
        [&fleet](const RequestContext &c, const Principal &p) {
            return replyDeletedNode(fleet, c, p);
        },
        routeDoc(kNodesTag,
                 QStringLiteral("Delete a node and its history") +
                     seed.arg(QStringLiteral("/{id}")),
                 {ErrorCode::ResourceNotFound})
            .response(object(
                {{QStringLiteral("id"), string()}, {QStringLiteral("deleted"), boolean()}})));
    RouteDoc monitorDoc =
        routeDoc(kNodesTag,
                 QStringLiteral("A node's metric history") +
                     seed.arg(QStringLiteral("/{id}/metrics")),
                 {ErrorCode::ResourceNotFound, ErrorCode::ValidationError})
            .response(object({{QStringLiteral("node_id"), string()},
                              {QStringLiteral("tier"), string()},
                              {QStringLiteral("items"), arrayOf(object({}, {}, false))}}));
    monitorDoc.queryParameters =
        QJsonArray{query(QStringLiteral("start_time"), string(), QStringLiteral("ISO-8601")),
                   query(QStringLiteral("end_time"), string(), QStringLiteral("ISO-8601")),
                   query(QStringLiteral("limit"), integer(), QStringLiteral("1 to 10000"))};
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/servers/{id}/monitor"), Role::Viewer,
        [&fleet](const RequestContext &c, const Principal &) { return nodeMetrics(fleet, c); },
        std::move(monitorDoc));
}

} // namespace

void registerNodeRoutes(ApiRouter &router, auth::AuthModule &auth, fleet::FleetService &fleet)
{
    registerSeedServerRoutes(router, auth, fleet);

    RouteDoc listDoc =
        routeDoc(kNodesTag, QStringLiteral("The fleet's nodes by name, with their status"))
            .response(object({{QStringLiteral("items"), arrayOf(nodeSchema())},
                              {QStringLiteral("pagination"), pagination()}}));
    listDoc.queryParameters = paging();
    listDoc.queryParameters.append(
        query(QStringLiteral("search"), string(),
              QStringLiteral("name, description or address contains it")));
    listDoc.queryParameters.append(
        query(QStringLiteral("label"), string(), QStringLiteral("has exactly this label")));
    listDoc.queryParameters.append(query(
        QStringLiteral("status"),
        enumOf({QStringLiteral("pending"), QStringLiteral("online"), QStringLiteral("offline")}),
        QStringLiteral("pending: no agent yet; online: its agent is connected; "
                       "offline: enrolled, not connected")));
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/nodes"), Role::Viewer,
        [&fleet](const RequestContext &c, const Principal &) { return replyNodeList(fleet, c); },
        std::move(listDoc));

    RouteDoc createDoc =
        routeDoc(kNodesTag,
                 QStringLiteral(
                     "Create a node and its single-use enrolment secret (shown once, with the "
                     "install command that carries it)"),
                 {ErrorCode::ResourceAlreadyExists})
            .request(nodeBodySchema(true))
            .response(object({{QStringLiteral("node"), nodeSchema()},
                              {QStringLiteral("enrolment"), ticketSchema()}}));
    createDoc.successStatus = 201;
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/nodes"), Role::Admin,
        [&fleet](const RequestContext &c, const Principal &p) {
            return replyCreatedNode(fleet, c, p);
        },
        std::move(createDoc));

    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/nodes/{id}"), Role::Viewer,
        [&fleet](const RequestContext &c, const Principal &) { return replyNode(fleet, c); },
        routeDoc(kNodesTag, QStringLiteral("One node"), {ErrorCode::ResourceNotFound})
            .response(nodeSchema()));

    auth::addProtectedRoute(
        router, auth, Method::Patch, QStringLiteral("/api/v1/nodes/{id}"), Role::Admin,
        [&fleet](const RequestContext &c, const Principal &p) {
            return replyUpdatedNode(fleet, c, p);
        },
        routeDoc(kNodesTag, QStringLiteral("Rename a node, describe it, set its labels or its ip"),
                 {ErrorCode::ResourceNotFound, ErrorCode::ResourceAlreadyExists})
            .request(nodeBodySchema(false))
            .response(nodeSchema()));

    auth::addProtectedRoute(
        router, auth, Method::Delete, QStringLiteral("/api/v1/nodes/{id}"), Role::Admin,
        [&fleet](const RequestContext &c, const Principal &p) {
            return replyDeletedNode(fleet, c, p);
        },
        routeDoc(kNodesTag,
                 QStringLiteral("Delete a node and its history; its agent is disconnected at once "
                                "and its key revoked"),
                 {ErrorCode::ResourceNotFound})
            .response(object(
                {{QStringLiteral("id"), string()}, {QStringLiteral("deleted"), boolean()}})));

    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/nodes/{id}/enrolment"), Role::Admin,
        [&fleet](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(body, c.jsonObject());
            HM_TRY(hours, enrolmentHours(body.value()));
            HM_TRY(ticket,
                   fleet.renewEnrolment(p, auth::clientInfo(c), c.pathArgs.at(0), hours.value()));
            return ApiReply::ok(ticketJson(ticket.value()), 201);
        },
        [] {
            RouteDoc d =
                routeDoc(
                    kNodesTag,
                    QStringLiteral("A new enrolment secret for the node (shown once); an enrolled "
                                   "node's key is revoked and its agent disconnected"),
                    {ErrorCode::ResourceNotFound})
                    .request(object({{QStringLiteral("expires_in_hours"), integer()}}))
                    .response(ticketSchema());
            d.successStatus = 201;
            return d;
        }());

    RouteDoc metricsDoc =
        routeDoc(
            kNodesTag,
            QStringLiteral(
                "A node's metric history in a time range from the tier that holds it "
                "(raw reports, or 1-minute, 15-minute or 1-hour avg/min/max/count), "
                "oldest first; with more than `limit` buckets, neighbouring ones merged into at "
                "most `limit` points (raw: the newest `limit` reports)"),
            {ErrorCode::ResourceNotFound, ErrorCode::ValidationError})
            .response(object(
                {{QStringLiteral("node_id"), string()},
                 {QStringLiteral("tier"), enumOf({QStringLiteral("raw"), QStringLiteral("1m"),
                                                  QStringLiteral("15m"), QStringLiteral("1h")})},
                 {QStringLiteral("items"),
                  arrayOf(object({{QStringLiteral("seq"), integer()},
                                  {QStringLiteral("time"), string()},
                                  {QStringLiteral("metrics"), object({}, {}, false)},
                                  {QStringLiteral("min"), object({}, {}, false)},
                                  {QStringLiteral("max"), object({}, {}, false)},
                                  {QStringLiteral("count"), object({}, {}, false)}}))}}));
    metricsDoc.queryParameters = QJsonArray{
        query(QStringLiteral("start"), string(), QStringLiteral("ISO-8601; default end - 1 h")),
        query(QStringLiteral("end"), string(), QStringLiteral("ISO-8601; default now")),
        query(QStringLiteral("limit"), integer(), QStringLiteral("1 to 10000, default 1000")),
        query(QStringLiteral("tier"), string(),
              QStringLiteral("raw, 1m, 15m or 1h; default: by the range")),
        query(QStringLiteral("metrics"), string(),
              QStringLiteral("only these metrics, names separated by commas; default: all"))};
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/nodes/{id}/metrics"), Role::Viewer,
        [&fleet](const RequestContext &c, const Principal &) { return nodeMetrics(fleet, c); },
        std::move(metricsDoc));

    // The Nodes list's sparklines: a page of nodes' last 15 minutes.
    const QJsonObject percents =
        arrayOf(nullable(QJsonObject{{QStringLiteral("type"), QStringLiteral("number")}}));
    RouteDoc sparklinesDoc =
        routeDoc(kNodesTag,
                 QStringLiteral("The last 15 minutes of CPU, memory and disk (root mount) use "
                                "of up to 100 nodes in 30 points of 30 s, each the average of "
                                "the reports in it (null: none), oldest first; unknown ids are "
                                "left out"),
                 {ErrorCode::ValidationError})
            .response(object(
                {{QStringLiteral("step_s"), integer()},
                 {QStringLiteral("points"), integer()},
                 {QStringLiteral("end"), string(QStringLiteral("start of the last point's 30 s"))},
                 {QStringLiteral("items"),
                  arrayOf(object({{QStringLiteral("node_id"), string()},
                                  {QStringLiteral("cpu_usage"), percents},
                                  {QStringLiteral("memory_percent"), percents},
                                  {QStringLiteral("disk_percent"), percents}}))}}));
    sparklinesDoc.queryParameters = QJsonArray{
        query(QStringLiteral("ids"), string(),
              QStringLiteral("node ids separated by commas, 1 to 100 (a page of the list)"))};
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/nodes/sparklines"), Role::Viewer,
        [&fleet](const RequestContext &c, const Principal &) { return replySparklines(fleet, c); },
        std::move(sparklinesDoc));

    // The fleet at a glance (the Dashboard's card).
    const QJsonObject number{{QStringLiteral("type"), QStringLiteral("number")}};
    const QJsonObject ranked = arrayOf(object({{QStringLiteral("node_id"), string()},
                                               {QStringLiteral("name"), string()},
                                               {QStringLiteral("value"), number}}));
    RouteDoc summaryDoc =
        routeDoc(kNodesTag,
                 QStringLiteral(
                     "The fleet at a glance: nodes online, offline and pending, averages over "
                     "the online nodes' latest reports and the top consumers"),
                 {ErrorCode::ValidationError})
            .response(object(
                {{QStringLiteral("total"), integer()},
                 {QStringLiteral("online"), integer()},
                 {QStringLiteral("offline"), integer()},
                 {QStringLiteral("pending"), integer()},
                 {QStringLiteral("reporting"),
                  integer(QStringLiteral("online nodes with a report since the server started"))},
                 {QStringLiteral("averages"),
                  object({{QStringLiteral("cpu_usage"), nullable(number)},
                          {QStringLiteral("memory_percent"), nullable(number)},
                          {QStringLiteral("disk_percent"), nullable(number)},
                          {QStringLiteral("load_avg_1"), nullable(number)}})},
                 {QStringLiteral("network"),
                  object({{QStringLiteral("in"), number}, {QStringLiteral("out"), number}})},
                 {QStringLiteral("top"), object({{QStringLiteral("cpu_usage"), ranked},
                                                 {QStringLiteral("memory_percent"), ranked},
                                                 {QStringLiteral("disk_percent"), ranked},
                                                 {QStringLiteral("network"), ranked}})}}));
    summaryDoc.queryParameters = QJsonArray{
        query(QStringLiteral("top"), integer(), QStringLiteral("0 to 20 per list, default 5"))};
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/nodes/summary"), Role::Viewer,
        [&fleet](const RequestContext &c, const Principal &) -> ApiReply {
            int top = 5;
            const QString text = queryValue(c.request.query(), QStringLiteral("top"));
            if (!text.isEmpty()) {
                bool ok = false;
                top = text.toInt(&ok);
                if (!ok || top < 0 || top > fleet::FleetSummary::kMaxTop)
                    return ApiReply::failure(
                        auth::fieldError(QStringLiteral("top"), QStringLiteral("0 to 20")));
            }
            HM_TRY(summary, fleet.summary(top));
            return ApiReply::ok(summary.value());
        },
        std::move(summaryDoc));

    const QJsonObject settingsSchema =
        object({{QStringLiteral("interval_s"),
                 integer(QStringLiteral("seconds between two reports of an agent, 1 to 3600"))}},
               {QStringLiteral("interval_s")});
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/nodes/agent-settings"), Role::Viewer,
        [&fleet](const RequestContext &, const Principal &) -> ApiReply {
            return ApiReply::ok(
                QJsonObject{{QStringLiteral("interval_s"), fleet.settings().intervalSeconds}});
        },
        routeDoc(kNodesTag, QStringLiteral("The settings every agent follows"))
            .response(settingsSchema));
    auth::addProtectedRoute(
        router, auth, Method::Put, QStringLiteral("/api/v1/nodes/agent-settings"), Role::Admin,
        [&fleet](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(body, c.jsonObject());
            const QJsonValue interval = body.value().value(QStringLiteral("interval_s"));
            if (!interval.isDouble() || interval.toDouble() != double(interval.toInt()))
                return ApiReply::failure(auth::fieldError(
                    QStringLiteral("interval_s"), QStringLiteral("a whole number of seconds")));
            HM_TRY(settings, fleet.setSettings(p, auth::clientInfo(c),
                                               hm::fleet::AgentSettings{interval.toInt(), {}}));
            return ApiReply::ok(
                QJsonObject{{QStringLiteral("interval_s"), settings.value().intervalSeconds}});
        },
        routeDoc(kNodesTag,
                 QStringLiteral("Change the agents' settings; connected agents get them at once"))
            .request(settingsSchema)
            .response(settingsSchema));

    const auto registerHandler = [&fleet](const RequestContext &c) {
        return registerAgent(fleet, c);
    };
    for (const QString &path :
         {QStringLiteral("/api/v1/nodes/register"), QStringLiteral("/api/servers/register")}) {
        RouteDoc d =
            routeDoc(
                kNodesTag,
                QStringLiteral("An agent enrols with its single-use secret (X-Secret-Key header, "
                               "never the URL) and its Ed25519 public key; seed 002's register "
                               "body"),
                {ErrorCode::InvalidCredentials, ErrorCode::Unauthorized})
                .request(object(
                    {{QStringLiteral("public_key"), string(QStringLiteral("base64, 32 bytes"))},
                     {QStringLiteral("name"), string()},
                     {QStringLiteral("ip"), string()},
                     {QStringLiteral("os"), string()},
                     {QStringLiteral("arch"), string()},
                     {QStringLiteral("cpu_cores"), integer()},
                     {QStringLiteral("cpu_model"), string()},
                     {QStringLiteral("memory_total"), integer()},
                     {QStringLiteral("disk_total"), integer()},
                     {QStringLiteral("system_info"), string()},
                     {QStringLiteral("agent_version"), string()},
                     {QStringLiteral("capabilities"), arrayOf(string())}},
                    {QStringLiteral("public_key")}))
                .response(object({{QStringLiteral("node_id"), string()},
                                  {QStringLiteral("name"), string()},
                                  {QStringLiteral("fingerprint"), string()},
                                  {QStringLiteral("release_key"),
                                   string(QStringLiteral("base64 Ed25519 release public key "
                                                         "the agent pins"))}}));
        d.successStatus = 201;
        d.headerParameters = QJsonArray{header(QStringLiteral("X-Secret-Key"), string(),
                                               QStringLiteral("the enrolment secret"))};
        router.addRoute(Method::Post, path, registerHandler, std::move(d));
    }

    registerNodeExpositionRoute(router, auth, fleet);
}

} // namespace hm::server
