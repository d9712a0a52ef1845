#include "common/Logging.h"
#include "server/api/ApiRouter.h"
#include "server/api/RouteAudit.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/AdminRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/system/SystemConfig.h"
#include "server/services/system/SystemInfo.h"

#include <QElapsedTimer>

namespace hm::server {
namespace {

using Method = http::Method;
using namespace schema;

void applyConfig(ApiRouter &router, const QJsonObject &config)
{
    router.rateLimits().setLimits(system_config::rateLimits(config));
    system_config::applyLogLevel(config);
}

QJsonObject routeTable(const ApiRouter &router)
{
    QJsonArray routes;
    for (const RouteInfo &route : router.routes())
        routes.append(QJsonObject{{QStringLiteral("method"), methodName(route.method)},
                                  {QStringLiteral("path"), route.path},
                                  {QStringLiteral("summary"), route.doc.summary},
                                  {QStringLiteral("tag"), route.doc.tag},
                                  {QStringLiteral("auth"), route.doc.auth.isEmpty()
                                                               ? QJsonValue(QJsonValue::Null)
                                                               : QJsonValue(route.doc.auth)},
                                  {QStringLiteral("rate_limited"), route.doc.rateLimited}});
    return {{QStringLiteral("routes"), routes}, {QStringLiteral("total"), routes.size()}};
}

} // namespace

void registerSystemAdminRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &database,
                               const QString &dataDir, const QElapsedTimer &uptime)
{
    applyConfig(router, system_config::load(database));

    RouteDoc info;
    info.tag = QStringLiteral("system");
    info.summary = QStringLiteral("Host, application, storage and database facts");
    info.responseSchema = object({{QStringLiteral("system"), object({})},
                                  {QStringLiteral("application"), object({})},
                                  {QStringLiteral("storage"), object({})},
                                  {QStringLiteral("database"), object({})}});
    // Any authenticated caller: the dashboard shows it; nothing in it is secret.
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/system/info"), auth::Role::Viewer,
        [&database, dataDir, &uptime](const RequestContext &, const auth::Principal &) {
            return ApiReply::ok(collectSystemInfo(database, dataDir, uptime.elapsed()));
        },
        info);

    RouteDoc getConfig;
    getConfig.tag = QStringLiteral("system");
    getConfig.summary = QStringLiteral("The system configuration");
    getConfig.responseSchema = system_config::jsonSchema();
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/system/config"), auth::Role::Viewer,
        [&database](const RequestContext &, const auth::Principal &) {
            return ApiReply::ok(system_config::load(database));
        },
        getConfig);

    RouteDoc putConfig = getConfig;
    putConfig.summary = QStringLiteral("Change part of the system configuration (validated; all "
                                       "or nothing)");
    putConfig.requestSchema = system_config::jsonSchema();
    putConfig.errors = {ErrorCode::ValidationError};
    auth::addProtectedRoute(
        router, auth, Method::Put, QStringLiteral("/api/v1/system/config"), auth::Role::Admin,
        [&router, &database](const RequestContext &c, const auth::Principal &p) {
            HM_TRY(body, c.jsonObject());
            HM_TRY(merged, system_config::merge(system_config::load(database), body.value()));
            HM_TRY_STATUS(system_config::save(database, merged.value(), p.userId));
            const QJsonObject config = system_config::load(database);
            applyConfig(router, config);
            qCInfo(lcServer).noquote() << "system config changed by" << p.username
                                       << "keys:" << body.value().keys().join(QStringLiteral(", "));
            auth::auditAction(
                database, c, p.userId, QStringLiteral("SYSTEM_CONFIG_CHANGED"),
                QStringLiteral("settings"), QStringLiteral("system.config"),
                {{QStringLiteral("keys"), QJsonArray::fromStringList(body.value().keys())}});
            return ApiReply::ok(config);
        },
        putConfig);

    RouteDoc routes;
    routes.tag = QStringLiteral("system");
    routes.summary = QStringLiteral("The server's route table");
    routes.responseSchema =
        object({{QStringLiteral("routes"),
                 arrayOf(object({{QStringLiteral("method"), string()},
                                 {QStringLiteral("path"), string()},
                                 {QStringLiteral("summary"), string()},
                                 {QStringLiteral("tag"), string()},
                                 {QStringLiteral("auth"), string(QStringLiteral("role or null"))},
                                 {QStringLiteral("rate_limited"), boolean()}}))},
                {QStringLiteral("total"), integer()}});
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/system/routes"), auth::Role::Admin,
        [&router](const RequestContext &, const auth::Principal &) {
            return ApiReply::ok(routeTable(router));
        },
        routes);
}

} // namespace hm::server
