#include "server/repositories/Ipv6PoolRepository.h"

#include "store/Constraints.h"
#include "store/Database.h"
#include "store/Like.h"
#include "store/SelectOne.h"
#include "store/SelectPage.h"

namespace hm::server::repositories {

namespace {

const QString kIpv6PoolColumns = QStringLiteral(
    "id, name, prefix, prefix_length, reserved_prefixes, auto_assign, status, description, "
    "created_at, updated_at, "
    "(SELECT COUNT(*) FROM ipv6_allocations a WHERE a.pool_id = ipv6_pools.id)");

const QString kIpv6AllocationColumns =
    QStringLiteral("ipv6_allocations.id, ipv6_allocations.pool_id, ipv6_allocations.client_id, "
                   "ipv6_allocations.client_name, ipv6_allocations.prefix, "
                   "ipv6_allocations.status, ipv6_allocations.description, "
                   "ipv6_allocations.allocated_at, ipv6_allocations.expires_at");

Error v6PoolConflict(const Error &error)
{
    const QString field = error.message.contains(QStringLiteral("ipv6_pools.name"))
                              ? QStringLiteral("name")
                              : QStringLiteral("prefix");
    return Error{ErrorCode::Conflict,
                 field + QStringLiteral(": another pool has it"),
                 {{QStringLiteral("field"), field}}};
}

Ipv6PoolRow readIpv6Pool(const store::Statement &s)
{
    Ipv6PoolRow row;
    row.id = s.int64(0);
    row.name = s.text(1);
    row.prefix = s.text(2);
    row.prefixLength = int(s.int64(3));
    row.reservedPrefixes = s.int64(4);
    row.autoAssign = s.int64(5) != 0;
    row.status = s.text(6);
    row.description = s.text(7);
    row.createdAt = s.int64(8);
    row.updatedAt = s.int64(9);
    row.allocatedCount = s.int64(10);
    return row;
}

Ipv6AllocationRow readIpv6Allocation(const store::Statement &s)
{
    Ipv6AllocationRow row;
    row.id = s.int64(0);
    row.poolId = s.int64(1);
    if (!s.isNull(2))
        row.clientId = s.int64(2);
    row.clientName = s.text(3);
    row.prefix = s.text(4);
    row.status = s.text(5);
    row.description = s.text(6);
    row.allocatedAt = s.int64(7);
    if (!s.isNull(8))
        row.expiresAt = s.int64(8);
    return row;
}

Result<QList<Ipv6AllocationRow>> v6Allocations(store::Database &db, const QString &tail,
                                               const QVariantList &binds)
{
    QList<Ipv6AllocationRow> rows;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT ") + kIpv6AllocationColumns + QStringLiteral(" ") + tail, binds,
        [&rows](const store::Statement &s) { rows.append(readIpv6Allocation(s)); });
    if (!read)
        return read.error();
    return rows;
}

} // namespace

Result<store::Page<Ipv6PoolRow>> listIpv6Pools(store::Database &db, const Ipv6PoolFilter &filter)
{
    store::PagedQuery query;
    query.columns = QStringLiteral("SELECT ") + kIpv6PoolColumns;
    query.from = QStringLiteral("FROM ipv6_pools");
    if (!filter.search.isEmpty()) {
        query.conditions << store::likeAnyCondition({u"name", u"prefix", u"description"},
                                                    filter.search, query.binds);
    }
    if (!filter.status.isEmpty()) {
        query.conditions << QStringLiteral("status = ?");
        query.binds << filter.status;
    }
    query.orderBy = QStringLiteral("ORDER BY id");
    query.limit = filter.limit;
    query.offset = filter.offset;
    return store::selectPageAs(db, query, readIpv6Pool);
}

Result<std::optional<Ipv6PoolRow>> ipv6PoolById(store::Database &db, qint64 id)
{
    return store::selectOneAs(db,
                              QStringLiteral("SELECT ") + kIpv6PoolColumns +
                                  QStringLiteral(" FROM ipv6_pools WHERE id = ?"),
                              {id}, readIpv6Pool);
}

Result<QList<Ipv6PoolRow>> allIpv6Pools(store::Database &db)
{
    QList<Ipv6PoolRow> rows;
    const Status read =
        db.forEachRow(QStringLiteral("SELECT ") + kIpv6PoolColumns +
                          QStringLiteral(" FROM ipv6_pools ORDER BY id"),
                      {}, [&rows](const store::Statement &s) { rows.append(readIpv6Pool(s)); });
    if (!read)
        return read.error();
    return rows;
}

Result<qint64> insertIpv6Pool(store::Database &db, const Ipv6PoolRow &r)
{
    const Status s = db.execute(
        QStringLiteral("INSERT INTO ipv6_pools (name, prefix, prefix_length, reserved_prefixes, "
                       "auto_assign, status, description, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {r.name, r.prefix, r.prefixLength, r.reservedPrefixes, r.autoAssign ? 1 : 0, r.status,
         r.description, r.createdAt, r.updatedAt});
    if (!s) {
        if (store::isUniqueViolation(s.error()))
            return v6PoolConflict(s.error());
        return s.error();
    }
    return db.lastInsertRowId();
}

Status updateIpv6Pool(store::Database &db, const Ipv6PoolRow &r)
{
    const Status s = db.execute(
        QStringLiteral("UPDATE ipv6_pools SET name = ?, prefix = ?, prefix_length = ?, "
                       "reserved_prefixes = ?, auto_assign = ?, status = ?, description = ?, "
                       "updated_at = ? WHERE id = ?"),
        {r.name, r.prefix, r.prefixLength, r.reservedPrefixes, r.autoAssign ? 1 : 0, r.status,
         r.description, r.updatedAt, r.id});
    if (!s && store::isUniqueViolation(s.error()))
        return v6PoolConflict(s.error());
    return s;
}

Result<int> deleteIpv6Pool(store::Database &db, qint64 id)
{
    if (Status s = db.execute(QStringLiteral("DELETE FROM ipv6_pools WHERE id = ?"), {id}); !s)
        return s.error();
    return db.changes();
}

Result<store::Page<Ipv6AllocationRow>> listIpv6Allocations(store::Database &db,
                                                           const Ipv6AllocationFilter &filter)
{
    store::PagedQuery query;
    query.columns = QStringLiteral("SELECT ") + kIpv6AllocationColumns;
    query.from = QStringLiteral("FROM ipv6_allocations");
    if (filter.poolId) {
        query.conditions << QStringLiteral("pool_id = ?");
        query.binds << *filter.poolId;
    }
    if (filter.clientId) {
        query.conditions << QStringLiteral("client_id = ?");
        query.binds << *filter.clientId;
    }
    if (!filter.status.isEmpty()) {
        query.conditions << QStringLiteral("status = ?");
        query.binds << filter.status;
    }
    if (!filter.search.isEmpty()) {
        query.conditions << store::likeAnyCondition({u"client_name", u"prefix", u"description"},
                                                    filter.search, query.binds);
    }
    query.orderBy = QStringLiteral("ORDER BY id");
    query.limit = filter.limit;
    query.offset = filter.offset;
    return store::selectPageAs(db, query, readIpv6Allocation);
}

Result<std::optional<Ipv6AllocationRow>> ipv6AllocationById(store::Database &db, qint64 id)
{
    return store::selectOneAs(db,
                              QStringLiteral("SELECT ") + kIpv6AllocationColumns +
                                  QStringLiteral(" FROM ipv6_allocations WHERE id = ?"),
                              {id}, readIpv6Allocation);
}

Result<QList<Ipv6AllocationRow>> ipv6AllocationsOfPool(store::Database &db, qint64 poolId)
{
    return v6Allocations(db, QStringLiteral("FROM ipv6_allocations WHERE pool_id = ? ORDER BY id"),
                         {poolId});
}

Result<QList<Ipv6AllocationRow>> recentIpv6Allocations(store::Database &db, qint64 poolId,
                                                       int limit)
{
    return v6Allocations(
        db, QStringLiteral("FROM ipv6_allocations WHERE pool_id = ? ORDER BY id DESC LIMIT ?"),
        {poolId, limit});
}

Result<QList<Ipv6AllocationRow>> expiredIpv6Allocations(store::Database &db, qint64 nowMs,
                                                        int limit)
{
    return v6Allocations(db,
                         QStringLiteral("FROM ipv6_allocations WHERE expires_at IS NOT NULL AND "
                                        "expires_at <= ? ORDER BY expires_at LIMIT ?"),
                         {nowMs, limit});
}

Result<QList<Ipv6AllocationRow>> ipv6AllocationsOfWgServer(store::Database &db, qint64 serverId)
{
    return v6Allocations(db,
                         QStringLiteral("FROM ipv6_allocations JOIN wg_clients c "
                                        "ON c.id = ipv6_allocations.client_id "
                                        "WHERE c.server_id = ? ORDER BY ipv6_allocations.id"),
                         {serverId});
}

Result<QList<Ipv6AllocationRow>> ipv6AllocationsOfClient(store::Database &db, qint64 clientId)
{
    return v6Allocations(db,
                         QStringLiteral("FROM ipv6_allocations WHERE client_id = ? "
                                        "ORDER BY ipv6_allocations.id"),
                         {clientId});
}

Result<qint64> insertIpv6Allocation(store::Database &db, const Ipv6AllocationRow &r)
{
    const Status s = db.execute(
        QStringLiteral("INSERT INTO ipv6_allocations (pool_id, client_id, client_name, prefix, "
                       "status, description, allocated_at, expires_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {r.poolId, r.clientId ? QVariant(*r.clientId) : QVariant(), r.clientName, r.prefix,
         r.status, r.description, r.allocatedAt,
         r.expiresAt ? QVariant(*r.expiresAt) : QVariant()});
    if (!s) {
        if (store::isUniqueViolation(s.error()))
            return Error{ErrorCode::Conflict,
                         QStringLiteral("custom_prefix: %1 is allocated already").arg(r.prefix),
                         {{QStringLiteral("field"), QStringLiteral("custom_prefix")},
                          {QStringLiteral("reason"), QStringLiteral("overlapping")}}};
        return s.error();
    }
    return db.lastInsertRowId();
}

Result<int> deleteIpv6Allocation(store::Database &db, qint64 id)
{
    if (Status s = db.execute(QStringLiteral("DELETE FROM ipv6_allocations WHERE id = ?"), {id});
        !s)
        return s.error();
    return db.changes();
}

} // namespace hm::server::repositories
