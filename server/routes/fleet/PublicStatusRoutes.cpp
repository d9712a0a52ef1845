// The public status page (issue 35, docs/api.md "Public status"): its
// settings under /api/v1/public-status (viewers read, administrators
// change), and the page itself under /public/… and seed 002's
// /api/settings/public, unauthenticated and read-only, and as HTML for
// browsers at /status. While the page is
// off, and for any node it does not show, the public routes answer exactly
// what an unknown route answers, so they tell nothing about what exists.

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/RouteAudit.h"
#include "server/api/RouteHelpers.h"
#include "server/i18n/ServerLanguage.h"
#include "server/routes/fleet/FleetRoutes.h"
#include "server/routes/fleet/PublicStatusPage.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/auth/RateLimiter.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/fleet/PublicStatus.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <memory>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using fleet::PublicStatus;
using Method = http::Method;

namespace {

const QString kPublicTag = QStringLiteral("Public status");
// The router's answer to a path it has no route for, word for word.
ApiReply noSuchRoute(const RequestContext &c)
{
    return ApiReply::failure(Error{ErrorCode::ResourceNotFound,
                                   QStringLiteral("No route for %1 %2")
                                       .arg(methodName(c.request.method()), c.request.path())});
}

// Public content: cacheable for a few seconds by anyone, never a cookie.
ApiReply publicReply(QJsonValue data, const auth::RateLimiter::Decision &decision)
{
    ApiReply reply = ApiReply::ok(data);
    reply.headers = auth::rateLimitHeaders(decision);
    reply.headers.append(
        {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("public, max-age=5")});
    return reply;
}

struct PublicRange
{
    QString name;
    qint64 ms;
};

const QList<PublicRange> &publicRanges()
{
    static const QList<PublicRange> ranges = {{QStringLiteral("1h"), 3600LL * 1000},
                                              {QStringLiteral("24h"), 24 * 3600LL * 1000},
                                              {QStringLiteral("7d"), 7 * 24 * 3600LL * 1000},
                                              {QStringLiteral("30d"), 30 * 24 * 3600LL * 1000}};
    return ranges;
}

QJsonObject publicSettingsSchema()
{
    return object({{QStringLiteral("enabled"), boolean(QStringLiteral("off by default"))},
                   {QStringLiteral("title"), string(QStringLiteral("at most 100 characters"))},
                   {QStringLiteral("nodes"),
                    arrayOf(object({{QStringLiteral("id"), string()},
                                    {QStringLiteral("display_name"),
                                     string(QStringLiteral("shown instead of the node's name"))}},
                                   {QStringLiteral("id")}))},
                   {QStringLiteral("show_addresses"), boolean(QStringLiteral("off by default"))}});
}

// A public route: off → the unknown-route answer; then the per-address
// limit; then the handler.
template <typename Handler>
void addPublicRoute(ApiRouter &router, const QString &path, PublicStatus &status,
                    std::shared_ptr<auth::RateLimiter> limiter, Handler handler, RouteDoc doc)
{
    // Our own, stricter, limit; the router's anonymous one would count too.
    doc.rateLimited = false;
    router.addRoute(
        Method::Get, path,
        [&status, limiter = std::move(limiter), handler](const RequestContext &c) -> ApiReply {
            if (!status.settings().enabled)
                return noSuchRoute(c);
            const auto decision = limiter->hit(c.clientIp(), fleet::kPublicRequestsPerMinute,
                                               60 * 1000, auth::nowMs());
            if (!decision.allowed) {
                ApiReply reply = ApiReply::failure(auth::rateLimitError(decision));
                reply.headers = auth::rateLimitHeaders(decision);
                return reply;
            }
            return handler(c, decision);
        },
        std::move(doc));
}

} // namespace

void registerPublicStatusRoutes(ApiRouter &router, auth::AuthModule &auth,
                                fleet::FleetService &fleet, PublicStatus &status,
                                std::shared_ptr<auth::RateLimiter> limiter)
{
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/public-status"), Role::Viewer,
        [&status](const RequestContext &, const Principal &) -> ApiReply {
            return ApiReply::ok(fleet::publicStatusJson(status.settings()));
        },
        routeDoc(kPublicTag, QStringLiteral("The public status page's settings"))
            .response(publicSettingsSchema()));
    auth::addProtectedRoute(
        router, auth, Method::Put, QStringLiteral("/api/v1/public-status"), Role::Admin,
        [&status, &auth](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(body, c.jsonObject());
            HM_TRY(parsed, fleet::parsePublicStatus(body.value()));
            HM_TRY(saved, status.setSettings(parsed.value(), p.userId));
            const fleet::PublicStatusSettings &s = saved.value();
            auth::auditAction(auth.db, c, p.userId, QStringLiteral("NODE_PUBLIC_STATUS_CHANGED"),
                              QStringLiteral("settings"), QStringLiteral("fleet.public_status"),
                              {{QStringLiteral("enabled"), s.enabled},
                               {QStringLiteral("nodes"), qint64(s.nodes.size())},
                               {QStringLiteral("show_addresses"), s.showAddresses}});
            return ApiReply::ok(fleet::publicStatusJson(s));
        },
        routeDoc(kPublicTag,
                 QStringLiteral("Change the public status page's settings (all of them: a "
                                "field left out takes its default)"))
            .request(publicSettingsSchema())
            .response(publicSettingsSchema()));

    addPublicRoute(
        router, QStringLiteral("/api/settings/public"), status, limiter,
        [&status](const RequestContext &, const auth::RateLimiter::Decision &d) {
            const fleet::PublicStatusSettings s = status.settings();
            return publicReply(QJsonObject{{QStringLiteral("enabled"), s.enabled},
                                           {QStringLiteral("title"), s.title}},
                               d);
        },
        routeDoc(kPublicTag, QStringLiteral("Seed 002: the public page's title (no sign-in)")));
    addPublicRoute(
        router, QStringLiteral("/public/api/v1/status"), status, limiter,
        [&status](const RequestContext &, const auth::RateLimiter::Decision &d) -> ApiReply {
            HM_TRY(page, status.page());
            return publicReply(page.value(), d);
        },
        routeDoc(kPublicTag, QStringLiteral("The public page: the chosen nodes (no sign-in)")));
    // The same page for people: HTML in the reader's language (?lang=, else
    // Accept-Language), from the same data as /public/api/v1/status.
    RouteDoc htmlDoc = routeDoc(kPublicTag, QStringLiteral("The public page as HTML, in the "
                                                           "language of ?lang=en|zh-TW|zh-CN or "
                                                           "Accept-Language (no sign-in)"));
    htmlDoc.contentType = "text/html; charset=utf-8";
    addPublicRoute(
        router, QStringLiteral("/status"), status, limiter,
        [&status](const RequestContext &c, const auth::RateLimiter::Decision &d) -> ApiReply {
            const i18n::Language language =
                i18n::requestLanguage(c.request.query().queryItemValue(QStringLiteral("lang")),
                                      c.header("Accept-Language"));
            HM_TRY(page, status.page());
            ApiReply reply =
                ApiReply::raw(publicpage::renderPublicStatusPage(page.value(), language,
                                                                 QDateTime::currentDateTimeUtc()),
                              QByteArrayLiteral("text/html; charset=utf-8"));
            reply.headers = auth::rateLimitHeaders(d);
            reply.headers.append(publicpage::publicStatusPageHeaders(language));
            reply.headers.append(
                {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("public, max-age=5")});
            return reply;
        },
        std::move(htmlDoc));
    addPublicRoute(
        router, QStringLiteral("/public/api/v1/status/nodes/{id}/metrics"), status, limiter,
        [&status, &fleet](const RequestContext &c,
                          const auth::RateLimiter::Decision &d) -> ApiReply {
            const QString &id = c.pathArgs.at(0);
            if (!status.shows(id))
                return noSuchRoute(c);
            const QString name = c.request.query().queryItemValue(QStringLiteral("range"));
            qint64 rangeMs = 0;
            for (const PublicRange &r : publicRanges()) {
                if (r.name == (name.isEmpty() ? QStringLiteral("24h") : name))
                    rangeMs = r.ms;
            }
            if (rangeMs == 0)
                return ApiReply::failure(auth::fieldError(QStringLiteral("range"),
                                                          QStringLiteral("1h, 24h, 7d or 30d")));
            const qint64 now = auth::nowMs();
            HM_TRY(history, fleet.metrics(id, now - rangeMs, now, 500, {}, fleet::publicMetrics()));
            return publicReply(history.value(), d);
        },
        routeDoc(kPublicTag,
                 QStringLiteral("A shown node's basic metrics over range=1h|24h|7d|30d (no "
                                "sign-in)")));
}

} // namespace hm::server
