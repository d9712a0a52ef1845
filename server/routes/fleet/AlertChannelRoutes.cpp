// /api/v1/alerts/channels*: parse, authorise, call AlertChannels, render
// (docs/api.md "Alerts", channels). Administrators only: a channel sends
// the fleet's alerts out of the server, and its secret signs them. No
// answer holds a secret (secret_set says whether one is stored) or a
// receiver's reply.

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/PagedReply.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/fleet/FleetRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/fleet/AlertChannels.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using fleet::AlertChannels;
using Method = http::Method;

namespace {

const QString kChannelsTag = QStringLiteral("Alerts");

// The fields given; `config` as an object, or as seed 002's JSON string.
Result<fleet::AlertChannelDetails> channelDetails(const QJsonObject &body)
{
    fleet::AlertChannelDetails d;
    for (const auto &[field, out] :
         {std::pair{QStringLiteral("name"), &d.name}, std::pair{QStringLiteral("type"), &d.type}}) {
        if (!body.contains(field))
            continue;
        if (!body.value(field).isString())
            return auth::fieldError(field, QStringLiteral("a string"));
        *out = body.value(field).toString();
    }
    if (body.contains(QStringLiteral("enabled"))) {
        if (!body.value(QStringLiteral("enabled")).isBool())
            return auth::fieldError(QStringLiteral("enabled"), QStringLiteral("true or false"));
        d.enabled = body.value(QStringLiteral("enabled")).toBool();
    }
    if (body.contains(QStringLiteral("config"))) {
        const QJsonValue config = body.value(QStringLiteral("config"));
        if (config.isObject()) {
            d.config = config.toObject();
        } else if (config.isString()) {
            const QJsonDocument parsed = QJsonDocument::fromJson(config.toString().toUtf8());
            if (!parsed.isObject())
                return auth::fieldError(QStringLiteral("config"),
                                        QStringLiteral("an object (or its JSON text)"));
            d.config = parsed.object();
        } else {
            return auth::fieldError(QStringLiteral("config"),
                                    QStringLiteral("an object (or its JSON text)"));
        }
    }
    return d;
}

QJsonObject channelSchema()
{
    return object(
        {{QStringLiteral("id"), string()},
         {QStringLiteral("name"), string()},
         {QStringLiteral("type"), enumOf({QStringLiteral("webhook"), QStringLiteral("email")})},
         {QStringLiteral("enabled"), boolean()},
         {QStringLiteral("config"),
          object({{QStringLiteral("url"), string(QStringLiteral("webhook"))},
                  {QStringLiteral("smtp_host"), string(QStringLiteral("email"))},
                  {QStringLiteral("smtp_port"), integer()},
                  {QStringLiteral("security"),
                   enumOf({QStringLiteral("starttls"), QStringLiteral("tls"),
                           QStringLiteral("none")})},
                  {QStringLiteral("username"), string()},
                  {QStringLiteral("from"), string()},
                  {QStringLiteral("to"), arrayOf(string())},
                  {QStringLiteral("ca_pem"), string()}})},
         {QStringLiteral("secret_set"), boolean()},
         {QStringLiteral("created_at"), string()},
         {QStringLiteral("updated_at"), string()}});
}

QJsonObject channelBodySchema()
{
    return object(
        {{QStringLiteral("name"), string()},
         {QStringLiteral("type"), enumOf({QStringLiteral("webhook"), QStringLiteral("email")})},
         {QStringLiteral("enabled"), boolean()},
         {QStringLiteral("config"),
          object({{QStringLiteral("url"), string(QStringLiteral("webhook: http or https"))},
                  {QStringLiteral("secret"),
                   string(QStringLiteral("webhook: 16 to 256 characters; write-only; signs "
                                         "every message (X-HiveMind-Signature)"))},
                  {QStringLiteral("smtp_host"), string(QStringLiteral("email"))},
                  {QStringLiteral("smtp_port"), integer(QStringLiteral("default 587"))},
                  {QStringLiteral("security"),
                   enumOf({QStringLiteral("starttls"), QStringLiteral("tls"),
                           QStringLiteral("none")})},
                  {QStringLiteral("username"), string()},
                  {QStringLiteral("password"), string(QStringLiteral("write-only"))},
                  {QStringLiteral("from"), string()},
                  {QStringLiteral("to"),
                   string(QStringLiteral("addresses: an array, or comma-separated text"))},
                  {QStringLiteral("ca_pem"),
                   string(QStringLiteral("PEM certificates to trust (a private CA)"))}})}});
}

QJsonObject deliverySchema()
{
    return object(
        {{QStringLiteral("id"), string()},
         {QStringLiteral("channel_id"), string()},
         {QStringLiteral("record_id"), nullable(string())},
         {QStringLiteral("event"),
          enumOf({QStringLiteral("firing"), QStringLiteral("resolved"), QStringLiteral("test")})},
         {QStringLiteral("status"), enumOf({QStringLiteral("pending"), QStringLiteral("delivered"),
                                            QStringLiteral("failed")})},
         {QStringLiteral("attempts"), integer()},
         {QStringLiteral("next_attempt_at"), nullable(string())},
         {QStringLiteral("last_status"), nullable(integer())},
         {QStringLiteral("last_error"), nullable(string())},
         {QStringLiteral("created_at"), string()},
         {QStringLiteral("updated_at"), string()}});
}

ApiReply replyDeliveries(AlertChannels &channels, const RequestContext &c)
{
    HM_TRY(paging, parsePaging(c.request.query()));
    HM_TRY(page,
           channels.deliveries(c.pathArgs.at(0), paging.value().size, paging.value().offset()));
    QJsonArray items;
    for (const repositories::AlertDeliveryRow &row : page.value().items)
        items.append(AlertChannels::deliveryJson(row));
    return pagedReply(items, paging.value(), page.value().total);
}

} // namespace

void registerAlertChannelRoutes(ApiRouter &router, auth::AuthModule &auth, AlertChannels &channels)
{
    // The same routes under seed 002's name (/api/alerts/channels).
    for (const QString &base :
         {QStringLiteral("/api/v1/alerts/channels"), QStringLiteral("/api/alerts/channels")}) {
        const QJsonObject channel = channelSchema();
        auth::addProtectedRoute(
            router, auth, Method::Get, base, Role::Admin,
            [&channels](const RequestContext &, const Principal &) -> ApiReply {
                HM_TRY(all, channels.channels());
                QJsonArray items;
                for (const repositories::AlertChannelRow &row : all.value())
                    items.append(AlertChannels::channelJson(row));
                return ApiReply::ok(QJsonObject{{QStringLiteral("items"), items}});
            },
            routeDoc(kChannelsTag, QStringLiteral("The notification channels, by name"))
                .response(object({{QStringLiteral("items"), arrayOf(channel)}})));
        auth::addProtectedRoute(
            router, auth, Method::Post, base, Role::Admin,
            [&channels](const RequestContext &c, const Principal &p) -> ApiReply {
                HM_TRY(body, c.jsonObject());
                HM_TRY(details, channelDetails(body.value()));
                HM_TRY(created, channels.create(p, auth::clientInfo(c), details.value()));
                return ApiReply::ok(AlertChannels::channelJson(created.value()), 201);
            },
            [&] {
                RouteDoc d = routeDoc(kChannelsTag, QStringLiteral("Create a notification channel"),
                                      {ErrorCode::ValidationError})
                                 .request(channelBodySchema())
                                 .response(channel);
                d.successStatus = 201;
                return d;
            }());
        auth::addProtectedRoute(
            router, auth, Method::Get, base + QStringLiteral("/{id}"), Role::Admin,
            [&channels](const RequestContext &c, const Principal &) -> ApiReply {
                HM_TRY(found, channels.channel(c.pathArgs.at(0)));
                return ApiReply::ok(AlertChannels::channelJson(found.value()));
            },
            routeDoc(kChannelsTag, QStringLiteral("One notification channel"),
                     {ErrorCode::ResourceNotFound})
                .response(channel));
        auth::addProtectedRoute(
            router, auth, Method::Put, base + QStringLiteral("/{id}"), Role::Admin,
            [&channels](const RequestContext &c, const Principal &p) -> ApiReply {
                HM_TRY(body, c.jsonObject());
                HM_TRY(details, channelDetails(body.value()));
                HM_TRY(updated,
                       channels.update(p, auth::clientInfo(c), c.pathArgs.at(0), details.value()));
                return ApiReply::ok(AlertChannels::channelJson(updated.value()));
            },
            routeDoc(kChannelsTag,
                     QStringLiteral("Change a notification channel (the fields given; a config "
                                    "without secret keeps the stored one)"),
                     {ErrorCode::ResourceNotFound, ErrorCode::ValidationError})
                .request(channelBodySchema())
                .response(channel));
        auth::addProtectedRoute(
            router, auth, Method::Delete, base + QStringLiteral("/{id}"), Role::Admin,
            [&channels](const RequestContext &c, const Principal &p) -> ApiReply {
                HM_TRY_STATUS(channels.remove(p, auth::clientInfo(c), c.pathArgs.at(0)));
                return ApiReply::ok(QJsonObject{{QStringLiteral("id"), c.pathArgs.at(0)},
                                                {QStringLiteral("deleted"), true}});
            },
            routeDoc(kChannelsTag,
                     QStringLiteral("Delete a notification channel and its deliveries"),
                     {ErrorCode::ResourceNotFound})
                .response(object(
                    {{QStringLiteral("id"), string()}, {QStringLiteral("deleted"), boolean()}})));
        auth::addProtectedRoute(
            router, auth, Method::Post, base + QStringLiteral("/{id}/test"), Role::Admin,
            [&channels](const RequestContext &c, const Principal &p) -> ApiReply {
                const DeferredReply reply = c.defer();
                channels.test(p, auth::clientInfo(c), c.pathArgs.at(0),
                              [reply](Result<QJsonObject> outcome) {
                                  reply.send(outcome ? ApiReply::ok(outcome.value())
                                                     : ApiReply::failure(outcome.error()));
                              });
                return ApiReply::deferred();
            },
            routeDoc(kChannelsTag,
                     QStringLiteral("Send a test message now and say how it went (never the "
                                    "receiver's answer)"),
                     {ErrorCode::ResourceNotFound})
                .response(object({{QStringLiteral("success"), boolean()},
                                  {QStringLiteral("http_status"), integer()},
                                  {QStringLiteral("smtp_code"), integer()},
                                  {QStringLiteral("error"), string()},
                                  {QStringLiteral("duration_ms"), integer()},
                                  {QStringLiteral("delivery_id"), string()}},
                                 {QStringLiteral("success")})));
        RouteDoc deliveriesDoc =
            routeDoc(kChannelsTag, QStringLiteral("A channel's deliveries, newest first"),
                     {ErrorCode::ResourceNotFound})
                .response(object({{QStringLiteral("items"), arrayOf(deliverySchema())},
                                  {QStringLiteral("pagination"), object({})}}));
        deliveriesDoc.queryParameters = QJsonArray{query(QStringLiteral("page"), integer()),
                                                   query(QStringLiteral("size"), integer())};
        auth::addProtectedRoute(
            router, auth, Method::Get, base + QStringLiteral("/{id}/deliveries"), Role::Admin,
            [&channels](const RequestContext &c, const Principal &) {
                return replyDeliveries(channels, c);
            },
            std::move(deliveriesDoc));
    }
}

} // namespace hm::server
