#include "client/BgpApi.h"

#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "client/ApiQuery.h"
#include "client/ApiRequest.h"

#include <QJsonArray>

namespace hm::client {

namespace json {

BgpSessionRow bgpSession(const QJsonObject &o)
{
    const QJsonObject config = o.value(QStringLiteral("config")).toObject();
    const QJsonObject stats = o.value(QStringLiteral("statistics")).toObject();
    BgpSessionRow row;
    row.id = o.value(QStringLiteral("id")).toInteger();
    row.name = o.value(QStringLiteral("name")).toString();
    row.neighbor = o.value(QStringLiteral("neighbor")).toString();
    row.remoteAs = qint64(o.value(QStringLiteral("remote_as")).toDouble());
    row.localAs = qint64(o.value(QStringLiteral("local_as")).toDouble());
    row.status = o.value(QStringLiteral("status")).toString();
    row.uptime = qint64(o.value(QStringLiteral("uptime")).toDouble());
    row.routesReceived = qint64(o.value(QStringLiteral("routes_received")).toDouble());
    row.routesAdvertised = qint64(o.value(QStringLiteral("routes_advertised")).toDouble());
    row.lastUpdate = time(o.value(QStringLiteral("last_update")));
    row.lastError = o.value(QStringLiteral("last_error")).toString();
    row.unavailableReason = o.value(QStringLiteral("unavailable_reason")).toString();
    row.enabled = o.value(QStringLiteral("enabled")).toBool(true);
    row.description = o.value(QStringLiteral("description")).toString();
    row.birdProtocol = o.value(QStringLiteral("bird_protocol")).toString();
    row.hasPassword = config.value(QStringLiteral("password")).isString();
    row.holdTime = config.value(QStringLiteral("hold_time")).toInt(90);
    row.keepalive = config.value(QStringLiteral("keepalive")).toInt(30);
    row.connectRetry = config.value(QStringLiteral("connect_retry")).toInt(120);
    // The TTL is multihop_ttl; multihop is seed 001's boolean (an older
    // server sent the TTL there).
    const QJsonValue multihop = config.value(QStringLiteral("multihop"));
    const QJsonValue ttl = config.value(QStringLiteral("multihop_ttl"));
    row.multihop = ttl.isDouble()      ? ttl.toInt()
                   : multihop.isBool() ? (multihop.toBool() ? 64 : 0)
                                       : multihop.toInt();
    row.ttlSecurity = config.value(QStringLiteral("ttl_security")).toBool();
    row.ipv6NextHop = config.value(QStringLiteral("ipv6_next_hop")).toString();
    row.updatesReceived = qint64(stats.value(QStringLiteral("updates_received")).toDouble());
    row.updatesSent = qint64(stats.value(QStringLiteral("updates_sent")).toDouble());
    for (const QJsonValue &w : o.value(QStringLiteral("warnings")).toArray())
        row.warnings.append(w.toObject().value(QStringLiteral("code")).toString());
    row.routesImported = qint64(stats.value(QStringLiteral("routes_imported")).toDouble());
    row.routesFiltered = qint64(stats.value(QStringLiteral("routes_filtered")).toDouble());
    row.routesExported = qint64(stats.value(QStringLiteral("routes_exported")).toDouble());
    row.routesPreferred = qint64(stats.value(QStringLiteral("routes_preferred")).toDouble());
    row.createdAt = time(o.value(QStringLiteral("created_at")));
    row.updatedAt = time(o.value(QStringLiteral("updated_at")));
    return row;
}

BgpRouteRow bgpRoute(const QJsonObject &o)
{
    const auto optionalNumber = [&o](const QString &key) -> std::optional<qint64> {
        const QJsonValue v = o.value(key);
        if (!v.isDouble())
            return std::nullopt;
        return qint64(v.toDouble());
    };
    BgpRouteRow row;
    row.prefix = o.value(QStringLiteral("prefix")).toString();
    row.nextHop = o.value(QStringLiteral("next_hop")).toString();
    row.asPath = o.value(QStringLiteral("as_path")).toString();
    row.origin = o.value(QStringLiteral("origin")).toString();
    row.localPref = optionalNumber(QStringLiteral("local_pref"));
    row.med = optionalNumber(QStringLiteral("med"));
    row.communities = strings(o.value(QStringLiteral("communities")));
    row.protocol = o.value(QStringLiteral("protocol")).toString();
    row.sessionId = o.value(QStringLiteral("session_id")).toInteger();
    row.type = o.value(QStringLiteral("type")).toString();
    row.since = o.value(QStringLiteral("since")).toString();
    row.primary = o.value(QStringLiteral("primary")).toBool();
    return row;
}

BgpAnnouncement bgpAnnouncement(const QJsonObject &o)
{
    BgpAnnouncement row;
    row.id = o.value(QStringLiteral("id")).toInteger();
    row.prefix = o.value(QStringLiteral("prefix")).toString();
    row.family = o.value(QStringLiteral("family")).toString();
    row.description = o.value(QStringLiteral("description")).toString();
    row.createdAt = time(o.value(QStringLiteral("created_at")));
    return row;
}

} // namespace json

namespace {

const QString kBgpSessionPath = QStringLiteral("/api/v1/bgp/sessions");
const QString kBgpRoutePath = QStringLiteral("/api/v1/bgp/routes");
const QString kBgpAnnouncementPath = QStringLiteral("/api/v1/bgp/announcements");

QString bgpSessionPath(qint64 id, const char *tail = "")
{
    return kBgpSessionPath + u'/' + QString::number(id) + QLatin1String(tail);
}

BgpSessionRow readBgpSession(const ApiResponse &r)
{
    return json::bgpSession(r.data.toObject());
}

BgpRunState readBgpRunState(const ApiResponse &r)
{
    const QJsonObject o = r.data.toObject();
    return {o.value(QStringLiteral("id")).toInteger(), o.value(QStringLiteral("enabled")).toBool()};
}

Status bgpNothing(const ApiResponse &)
{
    return Status();
}

} // namespace

QJsonObject BgpSessionChange::toJson() const
{
    QJsonObject o;
    if (name)
        o.insert(QStringLiteral("name"), *name);
    if (neighbor)
        o.insert(QStringLiteral("neighbor"), *neighbor);
    if (remoteAs)
        o.insert(QStringLiteral("remote_as"), *remoteAs);
    if (localAs)
        o.insert(QStringLiteral("local_as"), *localAs);
    if (password)
        o.insert(QStringLiteral("password"),
                 password->isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(*password));
    if (holdTime)
        o.insert(QStringLiteral("hold_time"), *holdTime);
    if (keepalive)
        o.insert(QStringLiteral("keepalive"), *keepalive);
    if (connectRetry)
        o.insert(QStringLiteral("connect_retry"), *connectRetry);
    if (multihop)
        o.insert(QStringLiteral("multihop"), *multihop);
    if (ttlSecurity)
        o.insert(QStringLiteral("ttl_security"), *ttlSecurity);
    if (enabled)
        o.insert(QStringLiteral("enabled"), *enabled);
    if (description)
        o.insert(QStringLiteral("description"),
                 description->isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(*description));
    if (ipv6NextHop)
        o.insert(QStringLiteral("ipv6_next_hop"),
                 ipv6NextHop->isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(*ipv6NextHop));
    return o;
}

void BgpApi::sessions(const BgpSessionFilter &filter, Callback<Page<BgpSessionRow>> done)
{
    QUrlQuery query = pageQuery(filter.page);
    addIfSet(query, QStringLiteral("status"), filter.status);
    addIfSet(query, QStringLiteral("neighbor"), filter.neighbor);
    addIfSet(query, QStringLiteral("search"), filter.search);
    m_client.call<Page<BgpSessionRow>>(
        ApiRequest::get(kBgpSessionPath, query),
        [](const ApiResponse &r) {
            return json::page<BgpSessionRow>(r.data.toObject(), QStringLiteral("sessions"),
                                             json::bgpSession);
        },
        std::move(done));
}

void BgpApi::session(qint64 id, Callback<BgpSessionRow> done)
{
    m_client.call<BgpSessionRow>(ApiRequest::get(bgpSessionPath(id)), readBgpSession,
                                 std::move(done));
}

void BgpApi::createSession(const BgpSessionChange &session, Callback<BgpSessionRow> done)
{
    m_client.call<BgpSessionRow>(ApiRequest::post(kBgpSessionPath, session.toJson()),
                                 readBgpSession, std::move(done));
}

void BgpApi::updateSession(qint64 id, const BgpSessionChange &change,
                           Callback<BgpSessionRow> done)
{
    m_client.call<BgpSessionRow>(ApiRequest::put(bgpSessionPath(id), change.toJson()),
                                 readBgpSession, std::move(done));
}

void BgpApi::removeSession(qint64 id, Callback<void> done)
{
    m_client.call<void>(ApiRequest::del(bgpSessionPath(id)), bgpNothing, std::move(done));
}

void BgpApi::startSession(qint64 id, Callback<BgpRunState> done)
{
    m_client.call<BgpRunState>(ApiRequest::post(bgpSessionPath(id, "/start")), readBgpRunState,
                               std::move(done));
}

void BgpApi::stopSession(qint64 id, Callback<BgpRunState> done)
{
    m_client.call<BgpRunState>(ApiRequest::post(bgpSessionPath(id, "/stop")), readBgpRunState,
                               std::move(done));
}

void BgpApi::routes(const BgpRouteFilter &filter, Callback<Page<BgpRouteRow>> done)
{
    QUrlQuery query = pageQuery(filter.page);
    if (filter.sessionId > 0)
        query.addQueryItem(QStringLiteral("session_id"), QString::number(filter.sessionId));
    addIfSet(query, QStringLiteral("prefix"), filter.prefix);
    m_client.call<Page<BgpRouteRow>>(
        ApiRequest::get(kBgpRoutePath, query),
        [](const ApiResponse &r) {
            return json::page<BgpRouteRow>(r.data.toObject(), QStringLiteral("routes"),
                                           json::bgpRoute);
        },
        std::move(done));
}

void BgpApi::announcements(Callback<QList<BgpAnnouncement>> done)
{
    m_client.call<QList<BgpAnnouncement>>(
        ApiRequest::get(kBgpAnnouncementPath),
        [](const ApiResponse &r) {
            QList<BgpAnnouncement> rows;
            const QJsonArray items =
                r.data.toObject().value(QStringLiteral("announcements")).toArray();
            for (const QJsonValue &item : items)
                rows.append(json::bgpAnnouncement(item.toObject()));
            return rows;
        },
        std::move(done));
}

void BgpApi::announce(const QString &prefix, const QString &description,
                      Callback<BgpAnnouncement> done)
{
    QJsonObject body{{QStringLiteral("prefix"), prefix}};
    if (!description.isEmpty())
        body.insert(QStringLiteral("description"), description);
    m_client.call<BgpAnnouncement>(
        ApiRequest::post(kBgpAnnouncementPath, body),
        [](const ApiResponse &r) { return json::bgpAnnouncement(r.data.toObject()); },
        std::move(done));
}

void BgpApi::withdraw(qint64 id, Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::del(kBgpAnnouncementPath + u'/' + QString::number(id)), bgpNothing,
        std::move(done));
}

} // namespace hm::client
