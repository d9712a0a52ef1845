#include "server/routes/system/SystemRoutes.h"

#include "common/IsoTime.h"
#include "common/Logging.h"
#include "hivemind/Version.h"
#include "server/api/ApiEnvelope.h"
#include "server/api/ApiRouter.h"
#include "server/services/system/ServedFeatures.h"
#include "store/Database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <memory>

namespace hm::server {
namespace {

// Load balancers may poll health many times a second. The database check
// (one SQLite read transaction) runs at most once a second on the monotonic
// clock; requests in between answer its last result, so a database that
// breaks turns health to 503 within about a second, and one that recovers
// turns it back as fast. Used on the server thread only.
class HealthCheckCache
{
public:
    static constexpr qint64 kMaxAgeMs = 1000;

    explicit HealthCheckCache(store::Database &database) : m_database(database) {}

    const Status &status()
    {
        if (!m_checked.isValid() || m_checked.hasExpired(kMaxAgeMs)) {
            m_status = m_database.checkHealth();
            m_checked.start();
            if (!m_status.ok())
                qCWarning(lcServer) << "health check: database" << m_status.error().toString();
        }
        return m_status;
    }

private:
    store::Database &m_database;
    QElapsedTimer m_checked;
    Status m_status;
};

// The healthy answer, serialised by hand: it is the most polled route and
// building it through QJsonObject and QJsonDocument cost more than
// everything else it does. The bytes are exactly what
// QJsonDocument(successEnvelope(data)).toJson(Compact) gives: keys in
// QJsonObject's sorted order, no spaces (TestHttpRouting compares them).
class HealthyBody
{
public:
    HealthyBody()
    {
        // The version as a JSON string literal, escaped once.
        QByteArray version = QJsonDocument(QJsonArray{QString::fromLatin1(version::kVersion)})
                                 .toJson(QJsonDocument::Compact);
        version = version.mid(1, version.size() - 2); // drop [ ]
        m_suffix =
            QByteArrayLiteral(",\"version\":") + version + QByteArrayLiteral("},\"success\":true}");
    }

    QByteArray build(qint64 uptimeSeconds, int activeAgents) const
    {
        static constexpr QByteArrayView kPrefix = R"({"data":{"active_agents":)";
        static constexpr QByteArrayView kDatabase =
            R"(,"database":"connected","status":"healthy","timestamp":")";
        QByteArray body;
        body.reserve(kPrefix.size() + kDatabase.size() + kIsoUtcMsLength + 50 + m_suffix.size());
        body += kPrefix;
        body += QByteArray::number(activeAgents);
        body += kDatabase;
        char time[kIsoUtcMsLength];
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (writeIsoUtcMs(now, time))
            body.append(time, kIsoUtcMsLength);
        else
            body += formatIsoUtcMs(now).toLatin1();
        body += R"(","uptime_seconds":)";
        body += QByteArray::number(uptimeSeconds);
        body += m_suffix;
        return body;
    }

private:
    QByteArray m_suffix;
};

} // namespace

void registerSystemRoutes(ApiRouter &router, store::Database &database, const QElapsedTimer &uptime,
                          std::function<int()> activeAgents)
{
    RouteDoc health;
    health.tag = QStringLiteral("system");
    health.summary = QStringLiteral("Liveness and database health (503 when unhealthy)");
    health.responseSchema = schema::object(
        {{QStringLiteral("active_agents"), schema::integer(QStringLiteral("agents connected now"))},
         {QStringLiteral("status"), schema::string()},
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

    auto cache = std::make_shared<HealthCheckCache>(database);
    auto healthy = std::make_shared<const HealthyBody>();
    // Seed 002's /api/health is the same check with the same body.
    for (const QString &healthPath :
         {QStringLiteral("/api/v1/health"), QStringLiteral("/api/health")})
        router.addRoute(
            http::Method::Get, healthPath,
            [cache, healthy, &uptime, activeAgents](const RequestContext &) {
                if (cache->status().ok())
                    return ApiReply::raw(healthy->build(uptime.elapsed() / 1000, activeAgents()),
                                         "application/json");
                const QJsonObject data{
                    {QStringLiteral("active_agents"), activeAgents()},
                    {QStringLiteral("status"), QStringLiteral("unhealthy")},
                    {QStringLiteral("database"), QStringLiteral("error")},
                    {QStringLiteral("version"), QString::fromLatin1(version::kVersion)},
                    {QStringLiteral("uptime_seconds"), uptime.elapsed() / 1000},
                    {QStringLiteral("timestamp"), isoUtcNow()}};
                // 503 so load balancers take the instance out; the
                // body still tells what is wrong.
                return ApiReply::failure(Error{ErrorCode::ServiceUnavailable,
                                               QStringLiteral("database check failed"), data});
            },
            health);

    router.addRoute(
        http::Method::Get, QStringLiteral("/api/v1/version"),
        [](const RequestContext &) {
            return ApiReply::ok(QJsonObject{
                {QStringLiteral("version"), QString::fromLatin1(version::kVersion)},
                {QStringLiteral("build_date"), QString::fromLatin1(version::kBuildDate)},
                {QStringLiteral("api_version"), QString::fromLatin1(version::kApiVersion)},
                {QStringLiteral("qt_version"), QString::fromLatin1(qVersion())},
                // What this build serves, one name per area.
                {QStringLiteral("features"), QJsonArray::fromStringList(servedFeatures())}});
        },
        versionDoc);

    // Seed 002's GET /api/version with its field names (in the envelope,
    // like the other seed routes): the build time as build_time; no Go,
    // so qt_version in go_version's place, and no git_commit (a release is
    // named by its version).
    RouteDoc seedVersionDoc = versionDoc;
    seedVersionDoc.summary = QStringLiteral("Seed 002's version: the server's, its build time");
    seedVersionDoc.responseSchema =
        schema::object({{QStringLiteral("version"), schema::string()},
                        {QStringLiteral("build_time"), schema::string()},
                        {QStringLiteral("api_version"), schema::string()},
                        {QStringLiteral("qt_version"), schema::string()}});
    router.addRoute(
        http::Method::Get, QStringLiteral("/api/version"),
        [](const RequestContext &) {
            return ApiReply::ok(QJsonObject{
                {QStringLiteral("version"), QString::fromLatin1(version::kVersion)},
                {QStringLiteral("build_time"), QString::fromLatin1(version::kBuildDate)},
                {QStringLiteral("api_version"), QString::fromLatin1(version::kApiVersion)},
                {QStringLiteral("qt_version"), QString::fromLatin1(qVersion())}});
        },
        seedVersionDoc);
}

} // namespace hm::server
