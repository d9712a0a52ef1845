#include "server/repositories/WireGuardRepository.h"

#include "store/Constraints.h"
#include "store/Database.h"
#include "store/Like.h"
#include "store/SelectOne.h"
#include "store/SelectPage.h"

namespace hm::server::repositories {

namespace {

const QString kWgServerColumns = QStringLiteral(
    "id, name, interface, listen_port, ipv4_address, ipv6_address, public_key, private_key, "
    "dns_servers, mtu, persistent_keepalive, allowed_ips, endpoint_host, auto_start, "
    "description, desired_state, created_at, updated_at, "
    "(SELECT COUNT(*) FROM wg_clients c WHERE c.server_id = wg_servers.id)");

const QString kWgClientColumns = QStringLiteral(
    "id, server_id, name, address_family, ipv4_address, ipv6_address, public_key, private_key, "
    "preshared_key, allowed_ips, dns_servers, persistent_keepalive, enabled, expires_at, "
    "description, created_at, updated_at");

// Which unique column a violation names (sqlite's message lists them).
Error wgConflict(const Error &error, const QList<std::pair<QString, QString>> &columns)
{
    for (const auto &[column, field] : columns) {
        if (error.message.contains(column))
            return Error{ErrorCode::Conflict,
                         field + QStringLiteral(": already taken on this server"),
                         {{QStringLiteral("field"), field}}};
    }
    return Error{ErrorCode::Conflict, QStringLiteral("a unique value is already taken")};
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

WgServerRow readWgServer(const store::Statement &s)
{
    WgServerRow row;
    row.id = s.int64(0);
    row.name = s.text(1);
    row.interfaceName = s.text(2);
    row.listenPort = int(s.int64(3));
    row.ipv4Address = s.text(4);
    row.ipv6Address = s.text(5);
    row.publicKey = s.text(6);
    row.sealedPrivateKey = s.text(7);
    row.dnsServers = decodeWgList(s.text(8));
    row.mtu = int(s.int64(9));
    row.persistentKeepalive = int(s.int64(10));
    row.allowedIps = decodeWgList(s.text(11));
    row.endpointHost = s.text(12);
    row.autoStart = s.int64(13) != 0;
    row.description = s.text(14);
    row.desiredState = s.text(15);
    row.createdAt = s.int64(16);
    row.updatedAt = s.int64(17);
    row.clientsCount = s.int64(18);
    return row;
}

WgClientRow readWgClient(const store::Statement &s)
{
    WgClientRow row;
    row.id = s.int64(0);
    row.serverId = s.int64(1);
    row.name = s.text(2);
    row.addressFamily = s.text(3);
    row.ipv4Address = s.text(4);
    row.ipv6Address = s.text(5);
    row.publicKey = s.text(6);
    row.sealedPrivateKey = s.text(7);
    row.sealedPresharedKey = s.text(8);
    row.allowedIps = decodeWgList(s.text(9));
    row.dnsServers = decodeWgList(s.text(10));
    row.persistentKeepalive = int(s.int64(11));
    row.enabled = s.int64(12) != 0;
    if (!s.isNull(13))
        row.expiresAt = s.int64(13);
    row.description = s.text(14);
    row.createdAt = s.int64(15);
    row.updatedAt = s.int64(16);
    return row;
}

const QList<std::pair<QString, QString>> kServerUnique{
    {QStringLiteral("interface"), QStringLiteral("interface")}};
const QList<std::pair<QString, QString>> kClientUnique{
    {QStringLiteral("ipv4_address"), QStringLiteral("ipv4_address")},
    {QStringLiteral("ipv6_address"), QStringLiteral("ipv6_address")},
    {QStringLiteral("name"), QStringLiteral("name")}};

} // namespace

QString encodeWgList(const QStringList &items)
{
    return items.join(QLatin1Char(','));
}

QStringList decodeWgList(const QString &text)
{
    return text.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

Result<store::Page<WgServerRow>> listWgServers(store::Database &db, const WgServerFilter &filter)
{
    store::PagedQuery query;
    query.columns = QStringLiteral("SELECT ") + kWgServerColumns;
    query.from = QStringLiteral("FROM wg_servers");
    if (!filter.search.isEmpty()) {
        query.conditions << store::likeAnyCondition({u"name", u"interface", u"description"},
                                                    filter.search, query.binds);
    }
    if (!filter.desiredState.isEmpty()) {
        query.conditions << QStringLiteral("desired_state = ?");
        query.binds << filter.desiredState;
    }
    const auto idList = [&query](const QList<qint64> &ids) {
        QStringList marks;
        for (const qint64 id : ids) {
            marks << QStringLiteral("?");
            query.binds << id;
        }
        return marks.join(u',');
    };
    if (filter.onlyIds) {
        query.conditions << (filter.onlyIds->isEmpty()
                                 ? QStringLiteral("0")
                                 : QStringLiteral("id IN (") + idList(*filter.onlyIds) + u')');
    }
    if (!filter.exceptIds.isEmpty())
        query.conditions << QStringLiteral("id NOT IN (") + idList(filter.exceptIds) + u')';
    query.orderBy = QStringLiteral("ORDER BY id");
    query.limit = filter.limit;
    query.offset = filter.offset;
    return store::selectPageAs(db, query, readWgServer);
}

Result<std::optional<WgServerRow>> wgServerById(store::Database &db, qint64 id)
{
    return store::selectOneAs(db,
                              QStringLiteral("SELECT ") + kWgServerColumns +
                                  QStringLiteral(" FROM wg_servers WHERE id = ?"),
                              {id}, readWgServer);
}

Result<qint64> insertWgServer(store::Database &db, const WgServerRow &r)
{
    const Status s = db.execute(
        QStringLiteral("INSERT INTO wg_servers (name, interface, listen_port, ipv4_address, "
                       "ipv6_address, public_key, private_key, dns_servers, mtu, "
                       "persistent_keepalive, allowed_ips, endpoint_host, auto_start, "
                       "description, desired_state, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {r.name, r.interfaceName, r.listenPort, nullIfEmpty(r.ipv4Address),
         nullIfEmpty(r.ipv6Address), r.publicKey, r.sealedPrivateKey, encodeWgList(r.dnsServers),
         r.mtu, r.persistentKeepalive, encodeWgList(r.allowedIps), r.endpointHost,
         r.autoStart ? 1 : 0, r.description, r.desiredState, r.createdAt, r.updatedAt});
    if (!s) {
        if (store::isUniqueViolation(s.error()))
            return wgConflict(s.error(), kServerUnique);
        return s.error();
    }
    return db.lastInsertRowId();
}

Status updateWgServer(store::Database &db, const WgServerRow &r)
{
    const Status s =
        db.execute(QStringLiteral("UPDATE wg_servers SET name = ?, interface = ?, listen_port = ?, "
                                  "ipv4_address = ?, ipv6_address = ?, dns_servers = ?, mtu = ?, "
                                  "persistent_keepalive = ?, allowed_ips = ?, endpoint_host = ?, "
                                  "auto_start = ?, description = ?, updated_at = ? WHERE id = ?"),
                   {r.name, r.interfaceName, r.listenPort, nullIfEmpty(r.ipv4Address),
                    nullIfEmpty(r.ipv6Address), encodeWgList(r.dnsServers), r.mtu,
                    r.persistentKeepalive, encodeWgList(r.allowedIps), r.endpointHost,
                    r.autoStart ? 1 : 0, r.description, r.updatedAt, r.id});
    if (!s && store::isUniqueViolation(s.error()))
        return wgConflict(s.error(), kServerUnique);
    return s;
}

Status setWgServerPrivateKey(store::Database &db, qint64 id, const QString &sealed)
{
    return db.execute(QStringLiteral("UPDATE wg_servers SET private_key = ? WHERE id = ?"),
                      {sealed, id});
}

Status setWgServerState(store::Database &db, qint64 id, const QString &state, qint64 now)
{
    return db.execute(
        QStringLiteral("UPDATE wg_servers SET desired_state = ?, updated_at = ? WHERE id = ?"),
        {state, now, id});
}

Result<int> deleteWgServer(store::Database &db, qint64 id)
{
    if (Status s = db.execute(QStringLiteral("DELETE FROM wg_servers WHERE id = ?"), {id}); !s)
        return s.error();
    return db.changes();
}

Result<QList<WgServerRow>> wgServersToRun(store::Database &db)
{
    QList<WgServerRow> rows;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT ") + kWgServerColumns +
            QStringLiteral(" FROM wg_servers WHERE desired_state = 'running' OR auto_start = 1 "
                           "ORDER BY id"),
        {}, [&rows](const store::Statement &s) { rows.append(readWgServer(s)); });
    if (!read)
        return read.error();
    return rows;
}

Result<bool> wgListenPortTaken(store::Database &db, int port, qint64 exceptId)
{
    auto found = db.selectOne(
        QStringLiteral("SELECT id FROM wg_servers WHERE listen_port = ? AND id <> ? LIMIT 1"),
        {port, exceptId});
    if (!found)
        return found.error();
    return found.value().has_value();
}

Result<QList<WgServerRow>> allWgServers(store::Database &db)
{
    QList<WgServerRow> rows;
    const Status read =
        db.forEachRow(QStringLiteral("SELECT ") + kWgServerColumns +
                          QStringLiteral(" FROM wg_servers ORDER BY id"),
                      {}, [&rows](const store::Statement &s) { rows.append(readWgServer(s)); });
    if (!read)
        return read.error();
    return rows;
}

Result<store::Page<WgClientRow>> listWgClients(store::Database &db, const WgClientFilter &filter)
{
    store::PagedQuery query;
    query.columns = QStringLiteral("SELECT ") + kWgClientColumns;
    query.from = QStringLiteral("FROM wg_clients");
    if (filter.serverId) {
        query.conditions << QStringLiteral("server_id = ?");
        query.binds << *filter.serverId;
    }
    if (filter.status == QLatin1String("disabled")) {
        query.conditions << QStringLiteral("enabled = 0");
    } else if (filter.status == QLatin1String("active")) {
        query.conditions << QStringLiteral(
            "enabled = 1 AND (expires_at IS NULL OR expires_at > ?)");
        query.binds << filter.nowMs;
    } else if (filter.status == QLatin1String("expired")) {
        query.conditions << QStringLiteral("enabled = 1 AND expires_at IS NOT NULL AND "
                                           "expires_at <= ?");
        query.binds << filter.nowMs;
    }
    if (!filter.search.isEmpty()) {
        query.conditions << store::likeAnyCondition(
            {u"name", u"ipv4_address", u"ipv6_address", u"description"}, filter.search,
            query.binds);
    }
    query.orderBy = QStringLiteral("ORDER BY id");
    query.limit = filter.limit;
    query.offset = filter.offset;
    return store::selectPageAs(db, query, readWgClient);
}

Result<std::optional<WgClientRow>> wgClientById(store::Database &db, qint64 id)
{
    return store::selectOneAs(db,
                              QStringLiteral("SELECT ") + kWgClientColumns +
                                  QStringLiteral(" FROM wg_clients WHERE id = ?"),
                              {id}, readWgClient);
}

Result<QList<WgClientRow>> wgClientsOfServer(store::Database &db, qint64 serverId)
{
    QList<WgClientRow> rows;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT ") + kWgClientColumns +
            QStringLiteral(" FROM wg_clients WHERE server_id = ? ORDER BY id"),
        {serverId}, [&rows](const store::Statement &s) { rows.append(readWgClient(s)); });
    if (!read)
        return read.error();
    return rows;
}

Result<QList<WgPeerRow>> wgActivePeersOfServer(store::Database &db, qint64 serverId, qint64 nowMs)
{
    QList<WgPeerRow> rows;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT id, name, public_key, preshared_key, ipv4_address, ipv6_address "
                       "FROM wg_clients WHERE server_id = ? AND enabled = 1 "
                       "AND (expires_at IS NULL OR expires_at > ?) ORDER BY id"),
        {serverId, nowMs}, [&rows](const store::Statement &s) {
            rows.append({s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)});
        });
    if (!read)
        return read.error();
    return rows;
}

Result<std::optional<WgPeerRow>> wgActivePeerOfServer(store::Database &db, qint64 serverId,
                                                      qint64 clientId, qint64 nowMs)
{
    std::optional<WgPeerRow> row;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT id, name, public_key, preshared_key, ipv4_address, ipv6_address "
                       "FROM wg_clients WHERE id = ? AND server_id = ? AND enabled = 1 "
                       "AND (expires_at IS NULL OR expires_at > ?)"),
        {clientId, serverId, nowMs}, [&row](const store::Statement &s) {
            row = WgPeerRow{s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)};
        });
    if (!read)
        return read.error();
    return row;
}

Result<QList<WgClientAddresses>> wgClientAddressesOfServer(store::Database &db, qint64 serverId)
{
    QList<WgClientAddresses> rows;
    const Status read =
        db.forEachRow(QStringLiteral("SELECT id, ipv4_address, ipv6_address FROM wg_clients "
                                     "WHERE server_id = ?"),
                      {serverId}, [&rows](const store::Statement &s) {
                          rows.append({s.int64(0), s.text(1), s.text(2)});
                      });
    if (!read)
        return read.error();
    return rows;
}

Result<qint64> insertWgClient(store::Database &db, const WgClientRow &r)
{
    const Status s = db.execute(
        QStringLiteral("INSERT INTO wg_clients (server_id, name, address_family, ipv4_address, "
                       "ipv6_address, public_key, private_key, preshared_key, allowed_ips, "
                       "dns_servers, persistent_keepalive, enabled, expires_at, description, "
                       "created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {r.serverId, r.name, r.addressFamily, nullIfEmpty(r.ipv4Address),
         nullIfEmpty(r.ipv6Address), r.publicKey, r.sealedPrivateKey,
         nullIfEmpty(r.sealedPresharedKey), encodeWgList(r.allowedIps), encodeWgList(r.dnsServers),
         r.persistentKeepalive, r.enabled ? 1 : 0,
         r.expiresAt ? QVariant(*r.expiresAt) : QVariant(), r.description, r.createdAt,
         r.updatedAt});
    if (!s) {
        if (store::isUniqueViolation(s.error()))
            return wgConflict(s.error(), kClientUnique);
        return s.error();
    }
    return db.lastInsertRowId();
}

Status updateWgClient(store::Database &db, const WgClientRow &r)
{
    const Status s = db.execute(
        QStringLiteral("UPDATE wg_clients SET name = ?, address_family = ?, ipv4_address = ?, "
                       "ipv6_address = ?, allowed_ips = ?, dns_servers = ?, "
                       "persistent_keepalive = ?, enabled = ?, expires_at = ?, description = ?, "
                       "updated_at = ? WHERE id = ?"),
        {r.name, r.addressFamily, nullIfEmpty(r.ipv4Address), nullIfEmpty(r.ipv6Address),
         encodeWgList(r.allowedIps), encodeWgList(r.dnsServers), r.persistentKeepalive,
         r.enabled ? 1 : 0, r.expiresAt ? QVariant(*r.expiresAt) : QVariant(), r.description,
         r.updatedAt, r.id});
    if (!s && store::isUniqueViolation(s.error()))
        return wgConflict(s.error(), kClientUnique);
    return s;
}

Status setWgClientKeys(store::Database &db, qint64 id, const QString &sealedPrivate,
                       const QString &sealedPreshared)
{
    return db.execute(
        QStringLiteral("UPDATE wg_clients SET private_key = ?, preshared_key = ? WHERE id = ?"),
        {sealedPrivate, nullIfEmpty(sealedPreshared), id});
}

Result<int> deleteWgClient(store::Database &db, qint64 id)
{
    if (Status s = db.execute(QStringLiteral("DELETE FROM wg_clients WHERE id = ?"), {id}); !s)
        return s.error();
    return db.changes();
}

Result<QList<qint64>> wgServersWithExpiries(store::Database &db, qint64 fromMs, qint64 toMs)
{
    QList<qint64> ids;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT DISTINCT server_id FROM wg_clients WHERE enabled = 1 AND "
                       "expires_at > ? AND expires_at <= ? ORDER BY server_id"),
        {fromMs, toMs}, [&ids](const store::Statement &s) { ids.append(s.int64(0)); });
    if (!read)
        return read.error();
    return ids;
}

} // namespace hm::server::repositories
