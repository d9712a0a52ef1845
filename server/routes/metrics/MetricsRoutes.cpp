#include "server/api/ApiRouter.h"
#include "server/api/OpenApi.h"
#include "server/routes/AdminRoutes.h"
#include "server/services/system/Metrics.h"

#include <QJsonDocument>

namespace hm::server {

void registerMetricsAndDocsRoutes(ApiRouter &router, std::function<QString()> serverUrl)
{
    // Public like /health: scrapers rarely carry credentials, and the
    // numbers hold no user data. Bind to a private address or filter
    // /metrics at the proxy when that matters.
    RouteDoc metrics;
    metrics.tag = QStringLiteral("system");
    metrics.summary = QStringLiteral("Prometheus metrics (text format 0.0.4)");
    metrics.contentType = "text/plain; version=0.0.4; charset=utf-8";
    metrics.rateLimited = false;
    router.addRoute(
        http::Method::Get, QStringLiteral("/metrics"),
        [metrics](const RequestContext &) {
            return ApiReply::raw(Metrics::instance().exposition(), metrics.contentType);
        },
        metrics);

    RouteDoc openApi;
    openApi.tag = QStringLiteral("system");
    openApi.summary = QStringLiteral("This API's OpenAPI 3.0.3 document");
    openApi.contentType = "application/json";
    router.addRoute(
        http::Method::Get, QStringLiteral("/api/v1/openapi.json"),
        [&router, serverUrl = std::move(serverUrl)](const RequestContext &) {
            // From the configuration, never from the request's Host: a
            // document that names whatever host the client claimed points
            // "Try it out" (and anything generated from it) there.
            const QString server = serverUrl ? serverUrl() : QString();
            return ApiReply::raw(
                QJsonDocument(buildOpenApiDocument(router.routes(),
                                                   server.isEmpty() ? QStringLiteral("/") : server))
                    .toJson(QJsonDocument::Compact),
                "application/json");
        },
        openApi);
}

} // namespace hm::server
