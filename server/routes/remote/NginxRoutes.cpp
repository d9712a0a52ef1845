// /api/v1/nodes/{id}/nginx/*: parse, authorise (the role here, the grant
// and the agent in the service), call NginxOps, render (docs/api.md "Node
// Nginx"). Seed 002's /api/servers/{id}/nginx/* are the same routes with
// the seed's methods (POST for the config update) and body field names
// ("config"; "content" is taken too).

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/remote/RemoteRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/remote/NginxOps.h"

#include <QJsonArray>
#include <cmath>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;
using remote::NginxOps;

namespace {

const QString kNginxTag = QStringLiteral("Node Nginx");
// A config body is at most 512 KiB of text; its JSON a little more.
constexpr qsizetype kNginxBodyBytes = 2 * 1024 * 1024;

const QList<ErrorCode> kNginxErrors{
    ErrorCode::ResourceNotFound,    ErrorCode::Forbidden, ErrorCode::NodeOffline,
    ErrorCode::CapabilityDisabled,  ErrorCode::Timeout,   ErrorCode::RateLimitExceeded,
    ErrorCode::ComponentUnavailable};

QList<ErrorCode> nginxErrorsWith(const QList<ErrorCode> &more)
{
    QList<ErrorCode> errors = kNginxErrors;
    errors += more;
    return errors;
}

NginxOps::Done nginxReply(const DeferredReply &reply, int status = 200)
{
    return [reply, status](Result<QJsonObject> outcome) {
        reply.send(outcome ? ApiReply::ok(outcome.value(), status)
                           : ApiReply::failure(outcome.error()));
    };
}

// The config text: seed 002 calls it "config", the agent "content".
Result<QString> configBody(const QJsonObject &body)
{
    for (const char *field : {"config", "content"}) {
        const QJsonValue value = body.value(QLatin1String(field));
        if (value.isUndefined())
            continue;
        if (!value.isString())
            return auth::fieldError(
                QLatin1String(field),
                QStringLiteral("%1 must be a string").arg(QLatin1String(field)));
        return value.toString();
    }
    return auth::fieldError(QStringLiteral("config"), QStringLiteral("config is required"));
}

Result<QString> optionalString(const QJsonObject &body, const QString &field)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString())
        return auth::fieldError(field, QStringLiteral("%1 must be a string").arg(field));
    return value.toString();
}

Result<bool> optionalBool(const QJsonObject &body, const QString &field)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull())
        return false;
    if (!value.isBool())
        return auth::fieldError(field, QStringLiteral("%1 must be true or false").arg(field));
    return value.toBool();
}

Result<int> daysOf(const QJsonObject &body)
{
    const QJsonValue value = body.value(QStringLiteral("days"));
    if (value.isUndefined() || value.isNull())
        return 365;
    const double days = value.toDouble(-1);
    if (!value.isDouble() || days != std::floor(days) || days < 1 || days > 3650)
        return auth::fieldError(QStringLiteral("days"),
                                QStringLiteral("days: a whole number from 1 to 3650"));
    return int(days);
}

QJsonObject statusSchema()
{
    return object({{QStringLiteral("running"), boolean()},
                   {QStringLiteral("pid"), integer()},
                   {QStringLiteral("version"), string(QStringLiteral("e.g. 1.22.1"))},
                   {QStringLiteral("config_ok"), boolean(QStringLiteral("nginx -t passed"))},
                   {QStringLiteral("config_test"), string(QStringLiteral("nginx -t's output"))},
                   {QStringLiteral("binary"), string()},
                   {QStringLiteral("conf"), string(QStringLiteral("the main config file"))}});
}

QJsonObject controlSchema()
{
    return object({{QStringLiteral("running"), boolean()},
                   {QStringLiteral("pid"), integer()},
                   {QStringLiteral("reloaded"), boolean()}});
}

QJsonObject changeSchema()
{
    return object({{QStringLiteral("name"), string()},
                   {QStringLiteral("path"), string()},
                   {QStringLiteral("enabled"), boolean()},
                   {QStringLiteral("size"), integer()},
                   {QStringLiteral("sha256"), string()},
                   {QStringLiteral("changed"), boolean()},
                   {QStringLiteral("deleted"), boolean()},
                   {QStringLiteral("tested"), boolean(QStringLiteral("nginx -t passed"))},
                   {QStringLiteral("reloaded"), boolean(QStringLiteral("a running nginx "
                                                                       "reloaded it"))}});
}

QJsonObject siteSchema(bool withContent)
{
    QJsonObject properties{{QStringLiteral("name"), string()},
                           {QStringLiteral("enabled"), boolean()},
                           {QStringLiteral("server_name"), arrayOf(string())},
                           {QStringLiteral("listen"), arrayOf(string())},
                           {QStringLiteral("size"), integer()},
                           {QStringLiteral("modified"), string(QStringLiteral("ISO-8601"))}};
    if (withContent) {
        properties.insert(QStringLiteral("content"), string());
        properties.insert(QStringLiteral("sha256"), string());
    }
    return object(properties);
}

QJsonObject certificateSchema()
{
    return object({{QStringLiteral("domain"), string()},
                   {QStringLiteral("site"), string(QStringLiteral("the site naming it; null: "
                                                                  "the generated one"))},
                   {QStringLiteral("certificate_path"), string()},
                   {QStringLiteral("key_path"), string()},
                   {QStringLiteral("subject"), string()},
                   {QStringLiteral("issuer"), string()},
                   {QStringLiteral("sans"), arrayOf(string())},
                   {QStringLiteral("not_before"), string(QStringLiteral("ISO-8601"))},
                   {QStringLiteral("not_after"), string(QStringLiteral("ISO-8601"))},
                   {QStringLiteral("days_left"), integer()},
                   {QStringLiteral("expired"), boolean()},
                   {QStringLiteral("self_signed"), boolean()},
                   {QStringLiteral("generated"), boolean()},
                   {QStringLiteral("fingerprint_sha256"), string()}});
}

QJsonObject configWriteSchema(bool withName)
{
    QJsonObject properties{
        {QStringLiteral("config"), string(QStringLiteral("the whole file, plain text, at most "
                                                         "512 KiB (\"content\" is taken too)"))},
        {QStringLiteral("expected_sha256"),
         string(QStringLiteral("the sha256 the file had when read: CONFLICT if it changed"))}};
    if (withName) {
        properties.insert(QStringLiteral("name"),
                          string(QStringLiteral("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}, no \"..\"")));
        properties.insert(QStringLiteral("enable"), boolean(QStringLiteral("link it into "
                                                                           "sites-enabled too")));
        properties.remove(QStringLiteral("expected_sha256"));
    }
    return object(properties);
}

// Registers `handler` under both prefixes: /api/v1/nodes/{id}/nginx and
// seed 002's /api/servers/{id}/nginx, each with its own methods.
struct NginxRoute
{
    QList<Method> v1Methods;
    QList<Method> seedMethods;
    QString suffix;
    std::function<ApiReply(const RequestContext &, const Principal &)> handler;
    RouteDoc doc;
    bool largeBody = false;
};

void addNginxRoute(ApiRouter &router, auth::AuthModule &auth, const NginxRoute &route)
{
    const auto add = [&](Method method, const QString &path, bool seed) {
        RouteDoc doc = route.doc;
        if (seed)
            doc.summary = QStringLiteral("Seed 002: ") + doc.summary;
        auth::addProtectedRoute(router, auth, method, path, Role::User, route.handler, doc);
        if (route.largeBody)
            router.setMaxBodyBytes(method, path, kNginxBodyBytes);
    };
    for (const Method method : route.v1Methods)
        add(method, QStringLiteral("/api/v1/nodes/{id}/nginx") + route.suffix, false);
    for (const Method method : route.seedMethods)
        add(method, QStringLiteral("/api/servers/{id}/nginx") + route.suffix, true);
}

} // namespace

void registerNginxRoutes(ApiRouter &router, auth::AuthModule &auth, remote::NginxOps &nginx)
{
    const QList<Method> get{Method::Get};
    const QList<Method> post{Method::Post};

    addNginxRoute(
        router, auth,
        {get, get, QStringLiteral("/status"),
         [&nginx](const RequestContext &c, const Principal &p) {
             const DeferredReply reply = c.defer();
             nginx.status(p, auth::clientInfo(c), c.pathArgs.at(0), nullptr, nginxReply(reply));
             return ApiReply::deferred();
         },
         routeDoc(kNginxTag,
                  QStringLiteral("nginx on the node: running, pid, version, nginx -t's verdict "
                                 "(needs the nginx grant and an agent that grants nginx)"),
                  kNginxErrors)
             .response(statusSchema())});

    for (const QString &verb : {QStringLiteral("start"), QStringLiteral("stop"),
                                QStringLiteral("restart"), QStringLiteral("reload")}) {
        const QString summary =
            verb == u"start"     ? QStringLiteral("Start nginx (after nginx -t); audited")
            : verb == u"stop"    ? QStringLiteral("Stop nginx gracefully (-s quit) and wait "
                                                     "until it is gone; audited")
            : verb == u"restart" ? QStringLiteral("Stop and start nginx (refused before "
                                                  "stopping when nginx -t fails); audited")
                                 : QStringLiteral("Reload nginx's config (after nginx -t); "
                                                  "audited");
        addNginxRoute(router, auth,
                      {post, post, u'/' + verb,
                       [&nginx, verb](const RequestContext &c, const Principal &p) {
                           const DeferredReply reply = c.defer();
                           nginx.control(p, auth::clientInfo(c), c.pathArgs.at(0), verb, nullptr,
                                         nginxReply(reply));
                           return ApiReply::deferred();
                       },
                       routeDoc(kNginxTag, summary,
                                nginxErrorsWith({ErrorCode::Conflict, ErrorCode::ServiceUnavailable,
                                                 ErrorCode::ValidationError}))
                           .response(controlSchema())});
    }

    addNginxRoute(
        router, auth,
        {get, get, QStringLiteral("/config"),
         [&nginx](const RequestContext &c, const Principal &p) {
             const DeferredReply reply = c.defer();
             nginx.config(p, auth::clientInfo(c), c.pathArgs.at(0), nullptr, nginxReply(reply));
             return ApiReply::deferred();
         },
         routeDoc(kNginxTag, QStringLiteral("nginx's main config file"),
                  nginxErrorsWith({ErrorCode::PayloadTooLarge, ErrorCode::IoError}))
             .response(
                 object({{QStringLiteral("path"), string()},
                         {QStringLiteral("content"), string()},
                         {QStringLiteral("size"), integer()},
                         {QStringLiteral("sha256"), string()},
                         {QStringLiteral("modified"), string(QStringLiteral("ISO-8601"))}}))});
    addNginxRoute(
        router, auth,
        {{Method::Put},
         post,
         QStringLiteral("/config"),
         [&nginx](const RequestContext &c, const Principal &p) {
             HM_TRY(body, c.jsonObject(kNginxBodyBytes));
             HM_TRY(content, configBody(body.value()));
             HM_TRY(expected, optionalString(body.value(), QStringLiteral("expected_sha256")));
             const DeferredReply reply = c.defer();
             nginx.updateConfig(p, auth::clientInfo(c), c.pathArgs.at(0), content.value(),
                                expected.value(), nullptr, nginxReply(reply));
             return ApiReply::deferred();
         },
         routeDoc(
             kNginxTag,
             QStringLiteral("Replace the main config: checked with nginx -t and reloaded "
                            "when nginx runs; refused (VALIDATION_ERROR, details.code "
                            "NGINX_CONFIG_INVALID, nginx's message) and undone otherwise; "
                            "audited with its size and sha256"),
             nginxErrorsWith({ErrorCode::Conflict, ErrorCode::PayloadTooLarge, ErrorCode::IoError}))
             .request(configWriteSchema(false))
             .response(changeSchema()),
         true});

    addNginxRoute(
        router, auth,
        {get, get, QStringLiteral("/sites"),
         [&nginx](const RequestContext &c, const Principal &p) {
             const DeferredReply reply = c.defer();
             nginx.sites(p, auth::clientInfo(c), c.pathArgs.at(0), nullptr, nginxReply(reply));
             return ApiReply::deferred();
         },
         routeDoc(kNginxTag,
                  QStringLiteral("The sites in sites-available, each enabled or not, with "
                                 "their server names and listen addresses"),
                  kNginxErrors)
             .response(object({{QStringLiteral("sites"), arrayOf(siteSchema(false))},
                               {QStringLiteral("truncated"), boolean()}}))});
    addNginxRoute(
        router, auth,
        {post, post, QStringLiteral("/sites"),
         [&nginx](const RequestContext &c, const Principal &p) {
             HM_TRY(body, c.jsonObject(kNginxBodyBytes));
             const QJsonValue name = body->value(QStringLiteral("name"));
             if (!name.isString())
                 return ApiReply::failure(
                     auth::fieldError(QStringLiteral("name"), QStringLiteral("name is required")));
             HM_TRY(content, configBody(body.value()));
             HM_TRY(enable, optionalBool(body.value(), QStringLiteral("enable")));
             const DeferredReply reply = c.defer();
             nginx.createSite(p, auth::clientInfo(c), c.pathArgs.at(0), name.toString(),
                              content.value(), enable.value(), nullptr, nginxReply(reply, 201));
             return ApiReply::deferred();
         },
         routeDoc(
             kNginxTag,
             QStringLiteral("Create a site in sites-available (enable: also link it); "
                            "checked with nginx -t and undone when refused; audited"),
             nginxErrorsWith({ErrorCode::Conflict, ErrorCode::PayloadTooLarge, ErrorCode::IoError}))
             .request(configWriteSchema(true))
             .response(changeSchema())
             .status(201),
         true});

    const QString oneSite = QStringLiteral("/sites/{name}");
    addNginxRoute(router, auth,
                  {get, get, oneSite,
                   [&nginx](const RequestContext &c, const Principal &p) {
                       const DeferredReply reply = c.defer();
                       nginx.site(p, auth::clientInfo(c), c.pathArgs.at(0), c.pathArgs.at(1),
                                  nullptr, nginxReply(reply));
                       return ApiReply::deferred();
                   },
                   routeDoc(kNginxTag, QStringLiteral("One site's config and summary"),
                            nginxErrorsWith({ErrorCode::PayloadTooLarge, ErrorCode::IoError}))
                       .response(siteSchema(true))});
    addNginxRoute(
        router, auth,
        {{Method::Put},
         {Method::Put},
         oneSite,
         [&nginx](const RequestContext &c, const Principal &p) {
             HM_TRY(body, c.jsonObject(kNginxBodyBytes));
             HM_TRY(content, configBody(body.value()));
             HM_TRY(expected, optionalString(body.value(), QStringLiteral("expected_sha256")));
             const DeferredReply reply = c.defer();
             nginx.updateSite(p, auth::clientInfo(c), c.pathArgs.at(0), c.pathArgs.at(1),
                              content.value(), expected.value(), nullptr, nginxReply(reply));
             return ApiReply::deferred();
         },
         routeDoc(
             kNginxTag,
             QStringLiteral("Replace a site's config: checked with nginx -t and reloaded "
                            "when enabled and nginx runs; undone when refused "
                            "(NGINX_CONFIG_INVALID); audited with size and sha256"),
             nginxErrorsWith({ErrorCode::Conflict, ErrorCode::PayloadTooLarge, ErrorCode::IoError}))
             .request(configWriteSchema(false))
             .response(changeSchema()),
         true});
    addNginxRoute(
        router, auth,
        {{Method::Delete},
         {Method::Delete},
         oneSite,
         [&nginx](const RequestContext &c, const Principal &p) {
             const DeferredReply reply = c.defer();
             nginx.deleteSite(p, auth::clientInfo(c), c.pathArgs.at(0), c.pathArgs.at(1), nullptr,
                              nginxReply(reply));
             return ApiReply::deferred();
         },
         routeDoc(kNginxTag,
                  QStringLiteral("Delete a site (and its link in sites-enabled); checked with "
                                 "nginx -t; audited"),
                  nginxErrorsWith({ErrorCode::IoError}))
             .response(changeSchema())});
    for (const bool enable : {true, false})
        addNginxRoute(
            router, auth,
            {post, post,
             oneSite + (enable ? QStringLiteral("/enable") : QStringLiteral("/disable")),
             [&nginx, enable](const RequestContext &c, const Principal &p) {
                 const DeferredReply reply = c.defer();
                 nginx.setSiteEnabled(p, auth::clientInfo(c), c.pathArgs.at(0), c.pathArgs.at(1),
                                      enable, nullptr, nginxReply(reply));
                 return ApiReply::deferred();
             },
             routeDoc(kNginxTag,
                      enable ? QStringLiteral("Enable a site (a symlink in sites-enabled), "
                                              "checked with nginx -t and reloaded; audited")
                             : QStringLiteral("Disable a site (its symlink removed), reloaded; "
                                              "audited"),
                      nginxErrorsWith({ErrorCode::Conflict, ErrorCode::IoError}))
                 .response(changeSchema())});

    const QString oneDomain = QStringLiteral("/ssl/{domain}");
    addNginxRoute(
        router, auth,
        {get, get, oneDomain,
         [&nginx](const RequestContext &c, const Principal &p) {
             const DeferredReply reply = c.defer();
             nginx.certificate(p, auth::clientInfo(c), c.pathArgs.at(0), c.pathArgs.at(1).toLower(),
                               nullptr, nginxReply(reply));
             return ApiReply::deferred();
         },
         routeDoc(kNginxTag,
                  QStringLiteral("The certificate a site names for the domain (or the "
                                 "generated one): subject, issuer, names, dates, days left, "
                                 "self-signed"),
                  nginxErrorsWith({ErrorCode::IoError}))
             .response(certificateSchema())});
    addNginxRoute(
        router, auth,
        {post, post, oneDomain,
         [&nginx](const RequestContext &c, const Principal &p) {
             HM_TRY(body, c.jsonObject());
             HM_TRY(days, daysOf(body.value()));
             HM_TRY(overwrite, optionalBool(body.value(), QStringLiteral("overwrite")));
             const DeferredReply reply = c.defer();
             nginx.generateCertificate(p, auth::clientInfo(c), c.pathArgs.at(0),
                                       c.pathArgs.at(1).toLower(), days.value(), overwrite.value(),
                                       nullptr, nginxReply(reply, 201));
             return ApiReply::deferred();
         },
         routeDoc(kNginxTag,
                  QStringLiteral("Generate a self-signed certificate (EC P-256) for the domain "
                                 "into the agent's nginx_ssl_dir (DOMAIN.crt, DOMAIN.key 0600); "
                                 "CONFLICT when one exists unless overwrite; audited"),
                  nginxErrorsWith({ErrorCode::Conflict, ErrorCode::IoError}))
             .request(object({{QStringLiteral("days"), integer(QStringLiteral("1 to 3650, "
                                                                              "default 365"))},
                              {QStringLiteral("overwrite"), boolean()}}))
             .response(certificateSchema())
             .status(201)});
}

} // namespace hm::server
