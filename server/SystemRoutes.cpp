#include "server/SystemRoutes.h"

#include "common/Logging.h"
#include "hivemind/Version.h"
#include "server/ApiEnvelope.h"
#include "server/ApiRouter.h"
#include "store/Database.h"

#include <QJsonArray>

namespace hm::server {

void registerSystemRoutes(ApiRouter &router, store::Database &database, const QElapsedTimer &uptime)
{
    RouteDoc health;
    health.tag = QStringLiteral("system");
    health.summary = QStringLiteral("Liveness and database health (503 when unhealthy)");
    health.responseSchema = schema::object({{QStringLiteral("status"), schema::string()},
                                            {QStringLiteral("database"), schema::string()},
                                            {QStringLiteral("version"), schema::string()},
                                            {QStringLiteral("uptime_seconds"), schema::integer()},
                                            {QStringLiteral("timestamp"), schema::string()}});
    health.errors = {ErrorCode::ServiceUnavailable};
    // Load balancers poll it; a limit would take a healthy instance out.
    health.rateLimited = false;
    RouteDoc versionDoc;
    versionDoc.tag = QStringLiteral("system");
    versionDoc.summary = QStringLiteral("Server, API and Qt versions and the features served");
    versionDoc.responseSchema =
        schema::object({{QStringLiteral("version"), schema::string()},
                        {QStringLiteral("build_date"), schema::string()},
                        {QStringLiteral("api_version"), schema::string()},
                        {QStringLiteral("qt_version"), schema::string()},
                        {QStringLiteral("features"), schema::arrayOf(schema::string())}});

    router.addRoute(
        QHttpServerRequest::Method::Get, QStringLiteral("/api/v1/health"),
        [&database, &uptime](const RequestContext &) {
            const Status db = database.checkHealth();
            QJsonObject data{{QStringLiteral("status"),
                              db.ok() ? QStringLiteral("healthy") : QStringLiteral("unhealthy")},
                             {QStringLiteral("database"),
                              db.ok() ? QStringLiteral("connected") : QStringLiteral("error")},
                             {QStringLiteral("version"), QString::fromLatin1(version::kVersion)},
                             {QStringLiteral("uptime_seconds"), uptime.elapsed() / 1000},
                             {QStringLiteral("timestamp"), isoUtcNow()}};
            if (db.ok())
                return ApiReply::ok(data);
            qCWarning(lcServer) << "health check: database" << db.error().toString();
            // 503 so load balancers take the instance out; the
            // body still tells what is wrong.
            return ApiReply::failure(Error{ErrorCode::ServiceUnavailable,
                                           QStringLiteral("database check failed"), data});
        },
        health);

    router.addRoute(
        QHttpServerRequest::Method::Get, QStringLiteral("/api/v1/version"),
        [](const RequestContext &) {
            return ApiReply::ok(QJsonObject{
                {QStringLiteral("version"), QString::fromLatin1(version::kVersion)},
                {QStringLiteral("build_date"), QString::fromLatin1(version::kBuildDate)},
                {QStringLiteral("api_version"), QString::fromLatin1(version::kApiVersion)},
                {QStringLiteral("qt_version"), QString::fromLatin1(qVersion())},
                // Grows as modules land; lists only what this build serves.
                {QStringLiteral("features"), QJsonArray{QStringLiteral("encrypted_store"),
                                                        QStringLiteral("envelope_encryption")}}});
        },
        versionDoc);
}

} // namespace hm::server
