#include "server/services/vpn/Ipv6PoolService.h"

#include "common/Logging.h"
#include "server/api/AuthCommon.h"
#include "server/api/Roles.h"
#include "server/repositories/WireGuardRepository.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/vpn/WireGuardService.h"
#include "store/Database.h"
#include "vpn/IpPrefix.h"
#include "vpn/PrefixPool.h"
#include "vpn/SpecialPrefixes.h"
#include "vpn/WgFieldCheck.h"

#include <QDateTime>
#include <QJsonArray>

namespace hm::server::vpn {

using namespace repositories;
using hm::vpn::AddressFamily;
using hm::vpn::IpCount;
using hm::vpn::IpPrefix;
using hm::vpn::PrefixPool;

namespace {

constexpr qsizetype kV6MaxName = 64;
constexpr qsizetype kV6MaxDescription = 256;

Error v6RuleError(const QString &field, const QString &message, const QString &reason = {})
{
    QJsonObject details{{QStringLiteral("field"), field}};
    if (!reason.isEmpty())
        details.insert(QStringLiteral("reason"), reason);
    return Error{ErrorCode::ValidationError, field + QStringLiteral(": ") + message, details};
}

Error v6Conflict(const QString &field, const QString &message, QJsonObject details = {})
{
    details.insert(QStringLiteral("field"), field);
    return Error{ErrorCode::Conflict, field + QStringLiteral(": ") + message, details};
}

// A core/vpn PrefixPool refusal under the API's field name; its code
// (VALIDATION_ERROR or CONFLICT) and details.reason stay.
Error v6PoolProblem(const Error &error, const QString &field)
{
    Error renamed{error.code == ErrorCode::Conflict ? ErrorCode::Conflict
                                                    : ErrorCode::ValidationError,
                  field + QStringLiteral(": ") + error.message, error.details};
    renamed.details.insert(QStringLiteral("field"), field);
    if (!renamed.details.contains(QStringLiteral("reason")))
        renamed.details.insert(QStringLiteral("reason"), QStringLiteral("invalid_prefix"));
    return renamed;
}

Error v6PoolNotFound()
{
    return Error{ErrorCode::ResourceNotFound, QStringLiteral("IPv6 pool not found")};
}

Error v6AllocationNotFound()
{
    return Error{ErrorCode::ResourceNotFound, QStringLiteral("IPv6 allocation not found")};
}

Status requireV6Admin(const auth::Principal &caller)
{
    if (caller.role != auth::Role::Admin)
        return Error{ErrorCode::InsufficientPermissions,
                     QStringLiteral("only administrators change IPv6 pools and allocations")};
    return {};
}

Status v6CheckText(const QString &field, const QString &value, bool required, qsizetype max)
{
    if (value.isEmpty()) {
        if (required)
            return v6RuleError(field, QStringLiteral("required"));
        return {};
    }
    if (value.size() > max)
        return v6RuleError(field, QStringLiteral("at most %1 characters").arg(max));
    if (Status s = hm::vpn::checkApiField(u"Name", value); !s)
        return v6RuleError(field, QStringLiteral("holds characters that are not allowed"));
    return {};
}

// A pool's prefix: IPv6, canonical network (host bits zero).
Result<IpPrefix> v6PoolPrefix(const QString &text)
{
    auto parts = IpPrefix::parseParts(text.trimmed());
    if (!parts)
        return v6RuleError(QStringLiteral("prefix"),
                           QStringLiteral("an IPv6 prefix such as 2001:db8::/48"),
                           QStringLiteral("invalid_prefix"));
    const auto &[address, length] = parts.value();
    if (address.family() != AddressFamily::Ipv6)
        return v6RuleError(QStringLiteral("prefix"),
                           QStringLiteral("an IPv6 prefix (IPv4 prefixes are not delegated)"),
                           QStringLiteral("not_ipv6"));
    const auto prefix = IpPrefix::fromAddress(address, length);
    if (!prefix)
        return v6RuleError(QStringLiteral("prefix"), QStringLiteral("a length of 0 to 128"),
                           QStringLiteral("invalid_prefix"));
    if (prefix->network() != address)
        return v6RuleError(QStringLiteral("prefix"),
                           QStringLiteral("misaligned: host bits are set (did you mean %1?)")
                               .arg(prefix->toString()),
                           QStringLiteral("misaligned"));
    if (const auto special = hm::vpn::specialUseOverlap(*prefix))
        return v6RuleError(QStringLiteral("prefix"),
                           QStringLiteral("%1 overlaps %2: its prefixes cannot be delegated")
                               .arg(prefix->toString(), *special),
                           QStringLiteral("special_use"));
    return *prefix;
}

// How many prefixes inside tunnel subnets an automatic allocation passes
// over before it gives up (a tunnel as large as the pool would otherwise
// be walked prefix by prefix).
constexpr int kMaxTunnelSkips = 4096;

// The IPv6 subnets of the WireGuard servers: a delegated prefix must not
// cover a tunnel's own addresses (the client would receive, and may send
// from, every other client's address).
Result<QList<std::pair<IpPrefix, QString>>> v6TunnelSubnets(store::Database &db)
{
    auto servers = allWgServers(db);
    if (!servers)
        return servers.error();
    QList<std::pair<IpPrefix, QString>> out;
    for (const WgServerRow &server : servers.value()) {
        auto parts = IpPrefix::parseParts(server.ipv6Address);
        if (!parts)
            continue;
        if (auto prefix = IpPrefix::fromAddress(parts.value().first, parts.value().second))
            out.append({*prefix, server.name});
    }
    return out;
}

// The PrefixPool of a stored pool with its stored allocations taken.
Result<PrefixPool> v6PoolOf(const Ipv6PoolRow &row, const QList<Ipv6AllocationRow> &allocations)
{
    auto prefix = IpPrefix::parse(row.prefix);
    if (!prefix)
        return prefix.error();
    auto pool = PrefixPool::create(prefix.value(), row.prefixLength, quint64(row.reservedPrefixes));
    if (!pool)
        return pool.error();
    for (const Ipv6AllocationRow &a : allocations)
        (void)pool.value().allocate(a.prefix); // stored ones always fit (checked on the way in)
    return pool;
}

// A count as a JSON number when a double holds it exactly (<= 2^53), null
// otherwise; the exact decimal text is always there beside it.
QJsonValue v6CountNumber(const IpCount &count)
{
    if (count > IpCount::powerOfTwo(53))
        return QJsonValue();
    return count.toDouble();
}

QJsonObject v6PoolAuditDetails(const Ipv6PoolRow &row)
{
    return {{QStringLiteral("name"), row.name},
            {QStringLiteral("prefix"), row.prefix},
            {QStringLiteral("prefix_length"), row.prefixLength},
            {QStringLiteral("reserved_prefixes"), double(row.reservedPrefixes)},
            {QStringLiteral("auto_assign"), row.autoAssign},
            {QStringLiteral("status"), row.status}};
}

QJsonObject v6AllocationAuditDetails(const Ipv6AllocationRow &row)
{
    return {{QStringLiteral("pool_id"), row.poolId},
            {QStringLiteral("client_id"), row.clientId ? QJsonValue(*row.clientId) : QJsonValue()},
            {QStringLiteral("client_name"), row.clientName},
            {QStringLiteral("allocated_prefix"), row.prefix}};
}

} // namespace

Ipv6PoolService::Ipv6PoolService(store::Database &db) : m_db(db), m_now(&auth::nowMs)
{
    m_expiryTimer.setInterval(kExpiryCheckMs);
    QObject::connect(&m_expiryTimer, &QTimer::timeout, &m_expiryTimer, [this] {
        if (auto released = releaseExpired(); !released)
            qCWarning(lcServer).noquote()
                << "expired IPv6 allocations not released:" << released.error().message;
    });
    m_expiryTimer.start();
}

Result<int> Ipv6PoolService::releaseExpired()
{
    auto expired = expiredIpv6Allocations(m_db, now(), 100);
    if (!expired)
        return expired.error();
    int released = 0;
    for (const Ipv6AllocationRow &row : expired.value()) {
        auto deleted = deleteIpv6Allocation(m_db, row.id);
        if (!deleted)
            return deleted.error();
        if (deleted.value() == 0)
            continue;
        ++released;
        auth::audit(m_db, QStringLiteral("IPV6_PREFIX_EXPIRED"), QString(),
                    QStringLiteral("ipv6_allocation"), QString::number(row.id), QString(),
                    QString(), v6AllocationAuditDetails(row));
        resyncClient(row.clientId);
    }
    return released;
}

qint64 Ipv6PoolService::now() const
{
    return m_now ? m_now() : QDateTime::currentMSecsSinceEpoch();
}

void Ipv6PoolService::resyncClient(const std::optional<qint64> &clientId)
{
    if (m_wireguard && clientId)
        m_wireguard->resyncServerOfClient(*clientId);
}

// ---- pools -----------------------------------------------------------------

Result<store::Page<Ipv6PoolRow>> Ipv6PoolService::listPools(const Ipv6PoolFilter &filter)
{
    return listIpv6Pools(m_db, filter);
}

Result<Ipv6PoolRow> Ipv6PoolService::pool(qint64 id)
{
    auto row = ipv6PoolById(m_db, id);
    if (!row)
        return row.error();
    if (!row.value())
        return v6PoolNotFound();
    return *row.value();
}

Result<Ipv6PoolRow> Ipv6PoolService::validatedPool(Ipv6PoolRow row, const Ipv6PoolDetails &details,
                                                   bool hasAllocations)
{
    if (details.name)
        row.name = details.name->trimmed();
    if (Status s = v6CheckText(QStringLiteral("name"), row.name, true, kV6MaxName); !s)
        return s.error();
    if (details.description)
        row.description = details.description->trimmed();
    if (Status s =
            v6CheckText(QStringLiteral("description"), row.description, false, kV6MaxDescription);
        !s)
        return s.error();
    if (details.status) {
        if (*details.status != QLatin1String("active") &&
            *details.status != QLatin1String("disabled"))
            return v6RuleError(QStringLiteral("status"), QStringLiteral("active or disabled"));
        row.status = *details.status;
    }
    if (details.autoAssign)
        row.autoAssign = *details.autoAssign;

    IpPrefix prefix;
    if (details.prefix) {
        auto parsed = v6PoolPrefix(*details.prefix);
        if (!parsed)
            return parsed.error();
        prefix = parsed.value();
    } else {
        auto parsed = IpPrefix::parse(row.prefix);
        if (!parsed)
            return parsed.error();
        prefix = parsed.value();
    }
    const int length = details.prefixLength.value_or(row.prefixLength);
    if (hasAllocations && prefix.toString() != row.prefix)
        return v6Conflict(QStringLiteral("prefix"),
                          QStringLiteral("fixed while the pool holds allocations"));
    if (hasAllocations && length != row.prefixLength)
        return v6Conflict(QStringLiteral("prefix_length"),
                          QStringLiteral("fixed while the pool holds allocations"));
    if (length < prefix.length() || length > 128)
        return v6RuleError(QStringLiteral("prefix_length"),
                           QStringLiteral("between the pool's /%1 and 128").arg(prefix.length()));
    row.prefix = prefix.toString();
    row.prefixLength = length;
    if (details.reservedPrefixes)
        row.reservedPrefixes = *details.reservedPrefixes;
    auto empty = PrefixPool::create(prefix, length, 0);
    if (!empty)
        return v6PoolProblem(empty.error(), QStringLiteral("prefix_length"));
    if (row.reservedPrefixes < 0 ||
        IpCount::fromU64(quint64(row.reservedPrefixes)) >= empty.value().totalCount())
        return v6RuleError(QStringLiteral("reserved_prefixes"),
                           QStringLiteral("0 or more and fewer than the pool's %1 prefixes")
                               .arg(empty.value().totalCount().toString()));
    return row;
}

Result<Ipv6PoolRow> Ipv6PoolService::createPool(const auth::Principal &caller,
                                                const auth::ClientInfo &client,
                                                const Ipv6PoolDetails &details)
{
    if (Status s = requireV6Admin(caller); !s)
        return s.error();
    for (const auto &[field, given] :
         {std::pair{QStringLiteral("name"), details.name.has_value()},
          std::pair{QStringLiteral("prefix"), details.prefix.has_value()},
          std::pair{QStringLiteral("prefix_length"), details.prefixLength.has_value()}}) {
        if (!given)
            return v6RuleError(field, QStringLiteral("required"));
    }
    Ipv6PoolRow row;
    row.prefix = QStringLiteral("::/0"); // replaced: the prefix is required
    auto checked = validatedPool(row, details, false);
    if (!checked)
        return checked.error();
    row = checked.value();
    row.createdAt = now();
    row.updatedAt = row.createdAt;
    {
        // The overlap check and the insert in one transaction.
        auto txn = m_db.begin();
        if (!txn)
            return txn.error();
        auto pools = allIpv6Pools(m_db);
        if (!pools)
            return pools.error();
        const IpPrefix mine = *IpPrefix::parse(row.prefix);
        for (const Ipv6PoolRow &other : pools.value()) {
            auto theirs = IpPrefix::parse(other.prefix);
            if (theirs && theirs.value().overlaps(mine))
                return v6Conflict(
                    QStringLiteral("prefix"),
                    QStringLiteral("overlaps the pool \"%1\" (%2)").arg(other.name, other.prefix),
                    {{QStringLiteral("pool_id"), other.id},
                     {QStringLiteral("pool_name"), other.name},
                     {QStringLiteral("reason"), QStringLiteral("overlapping")}});
        }
        auto id = insertIpv6Pool(m_db, row);
        if (!id)
            return id.error();
        row.id = id.value();
        if (Status s = txn.value().commit(); !s)
            return s.error();
    }
    auth::audit(m_db, QStringLiteral("IPV6_POOL_CREATED"), caller.userId,
                QStringLiteral("ipv6_pool"), QString::number(row.id), client.ip, client.userAgent,
                v6PoolAuditDetails(row));
    if (m_poolsChanged)
        m_poolsChanged();
    return pool(row.id);
}

Result<Ipv6PoolRow> Ipv6PoolService::updatePool(const auth::Principal &caller,
                                                const auth::ClientInfo &client, qint64 id,
                                                const Ipv6PoolDetails &details)
{
    if (Status s = requireV6Admin(caller); !s)
        return s.error();
    Ipv6PoolRow row;
    {
        auto txn = m_db.begin();
        if (!txn)
            return txn.error();
        auto existing = pool(id);
        if (!existing)
            return existing.error();
        auto checked =
            validatedPool(existing.value(), details, existing.value().allocatedCount > 0);
        if (!checked)
            return checked.error();
        row = checked.value();
        // More reserved prefixes: none of them may be allocated.
        if (row.reservedPrefixes > existing.value().reservedPrefixes &&
            existing.value().allocatedCount > 0) {
            auto allocations = ipv6AllocationsOfPool(m_db, id);
            if (!allocations)
                return allocations.error();
            auto prefix = IpPrefix::parse(row.prefix);
            auto fresh = prefix ? PrefixPool::create(prefix.value(), row.prefixLength,
                                                     quint64(row.reservedPrefixes))
                                : Result<PrefixPool>(prefix.error());
            if (!fresh)
                return fresh.error();
            for (const Ipv6AllocationRow &a : allocations.value()) {
                auto parts = IpPrefix::parseParts(a.prefix);
                if (!parts)
                    continue;
                const Status fits = fresh.value().check(parts.value().first, parts.value().second);
                if (!fits && fits.error().details.value(QStringLiteral("reason")).toString() ==
                                 QLatin1String("reserved"))
                    return v6Conflict(QStringLiteral("reserved_prefixes"),
                                      QStringLiteral("allocation %1 (%2) falls in the reserved "
                                                     "range; release it first")
                                          .arg(a.id)
                                          .arg(a.prefix),
                                      {{QStringLiteral("allocation_id"), a.id},
                                       {QStringLiteral("reason"), QStringLiteral("reserved")}});
            }
        }
        if (row.prefix != existing.value().prefix) {
            auto pools = allIpv6Pools(m_db);
            if (!pools)
                return pools.error();
            const IpPrefix mine = *IpPrefix::parse(row.prefix);
            for (const Ipv6PoolRow &other : pools.value()) {
                if (other.id == id)
                    continue;
                auto theirs = IpPrefix::parse(other.prefix);
                if (theirs && theirs.value().overlaps(mine))
                    return v6Conflict(QStringLiteral("prefix"),
                                      QStringLiteral("overlaps the pool \"%1\" (%2)")
                                          .arg(other.name, other.prefix),
                                      {{QStringLiteral("pool_id"), other.id},
                                       {QStringLiteral("pool_name"), other.name},
                                       {QStringLiteral("reason"), QStringLiteral("overlapping")}});
            }
        }
        row.updatedAt = now();
        if (Status s = updateIpv6Pool(m_db, row); !s)
            return s.error();
        if (Status s = txn.value().commit(); !s)
            return s.error();
    }
    auth::audit(m_db, QStringLiteral("IPV6_POOL_UPDATED"), caller.userId,
                QStringLiteral("ipv6_pool"), QString::number(id), client.ip, client.userAgent,
                v6PoolAuditDetails(row));
    if (m_poolsChanged)
        m_poolsChanged();
    return pool(id);
}

Status Ipv6PoolService::removePool(const auth::Principal &caller, const auth::ClientInfo &client,
                                   qint64 id, bool force)
{
    if (Status s = requireV6Admin(caller); !s)
        return s.error();
    Ipv6PoolRow existing;
    QList<Ipv6AllocationRow> released;
    {
        auto txn = m_db.begin();
        if (!txn)
            return txn.error();
        auto found = pool(id);
        if (!found)
            return found.error();
        existing = found.value();
        auto allocations = ipv6AllocationsOfPool(m_db, id);
        if (!allocations)
            return allocations.error();
        if (!allocations.value().isEmpty() && !force)
            return Error{ErrorCode::Conflict,
                         QStringLiteral("the pool holds %1 allocations: release them first, or "
                                        "delete with force=true")
                             .arg(allocations.value().size()),
                         {{QStringLiteral("field"), QStringLiteral("force")},
                          {QStringLiteral("allocations"), qint64(allocations.value().size())}}};
        released = allocations.value();
        // Its allocations go with it (ON DELETE CASCADE).
        auto deleted = deleteIpv6Pool(m_db, id);
        if (!deleted)
            return deleted.error();
        if (deleted.value() == 0)
            return v6PoolNotFound();
        if (Status s = txn.value().commit(); !s)
            return s.error();
    }
    for (const Ipv6AllocationRow &a : released) {
        auth::audit(m_db, QStringLiteral("IPV6_PREFIX_RELEASED"), caller.userId,
                    QStringLiteral("ipv6_allocation"), QString::number(a.id), client.ip,
                    client.userAgent, v6AllocationAuditDetails(a));
    }
    QJsonObject details = v6PoolAuditDetails(existing);
    details.insert(QStringLiteral("released_allocations"), qint64(released.size()));
    auth::audit(m_db, QStringLiteral("IPV6_POOL_DELETED"), caller.userId,
                QStringLiteral("ipv6_pool"), QString::number(id), client.ip, client.userAgent,
                details);
    QList<qint64> resynced;
    for (const Ipv6AllocationRow &a : released) {
        if (a.clientId && !resynced.contains(*a.clientId)) {
            resynced << *a.clientId;
            resyncClient(a.clientId);
        }
    }
    if (m_poolsChanged)
        m_poolsChanged();
    return {};
}

Result<QJsonObject> Ipv6PoolService::poolJson(const Ipv6PoolRow &row)
{
    auto prefix = IpPrefix::parse(row.prefix);
    if (!prefix)
        return prefix.error();
    auto counted =
        PrefixPool::create(prefix.value(), row.prefixLength, quint64(row.reservedPrefixes));
    if (!counted)
        return counted.error();
    const IpCount total = counted.value().totalCount();
    const IpCount available = total.minusSaturated(IpCount::fromU64(quint64(row.reservedPrefixes)))
                                  .minusSaturated(IpCount::fromU64(quint64(row.allocatedCount)));
    auto recent = recentIpv6Allocations(m_db, row.id, kRecentAllocations);
    if (!recent)
        return recent.error();
    QJsonArray allocations;
    for (const Ipv6AllocationRow &a : recent.value())
        allocations.append(QJsonObject{
            {QStringLiteral("id"), a.id},
            {QStringLiteral("client_id"), a.clientId ? QJsonValue(*a.clientId) : QJsonValue()},
            {QStringLiteral("client_name"), a.clientName},
            {QStringLiteral("allocated_prefix"), a.prefix},
            {QStringLiteral("status"), a.status},
            {QStringLiteral("allocated_at"), auth::isoOrNull(a.allocatedAt)}});
    return QJsonObject{{QStringLiteral("id"), row.id},
                       {QStringLiteral("name"), row.name},
                       {QStringLiteral("prefix"), row.prefix},
                       {QStringLiteral("prefix_length"), row.prefixLength},
                       {QStringLiteral("total_prefixes"), v6CountNumber(total)},
                       {QStringLiteral("total_prefixes_exact"), total.toString()},
                       {QStringLiteral("allocated_prefixes"), double(row.allocatedCount)},
                       {QStringLiteral("available_prefixes"), v6CountNumber(available)},
                       {QStringLiteral("available_prefixes_exact"), available.toString()},
                       {QStringLiteral("reserved_prefixes"), double(row.reservedPrefixes)},
                       {QStringLiteral("auto_assign"), row.autoAssign},
                       {QStringLiteral("status"), row.status},
                       {QStringLiteral("description"), row.description},
                       {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)},
                       {QStringLiteral("updated_at"), auth::isoOrNull(row.updatedAt)},
                       {QStringLiteral("allocations"), allocations}};
}

// ---- allocations -----------------------------------------------------------

Result<store::Page<Ipv6AllocationRow>>
Ipv6PoolService::listAllocations(const Ipv6AllocationFilter &filter)
{
    return listIpv6Allocations(m_db, filter);
}

Result<Ipv6AllocationRow> Ipv6PoolService::allocation(qint64 id)
{
    auto row = ipv6AllocationById(m_db, id);
    if (!row)
        return row.error();
    if (!row.value())
        return v6AllocationNotFound();
    return *row.value();
}

Result<Ipv6AllocationRow> Ipv6PoolService::allocate(const auth::Principal &caller,
                                                    const auth::ClientInfo &client,
                                                    const Ipv6AllocationDetails &details)
{
    if (Status s = requireV6Admin(caller); !s)
        return s.error();
    if (!details.poolId)
        return v6RuleError(QStringLiteral("pool_id"), QStringLiteral("required"));
    Ipv6AllocationRow row;
    row.poolId = *details.poolId;
    if (details.clientId) {
        auto wg = wgClientById(m_db, *details.clientId);
        if (!wg)
            return wg.error();
        if (!wg.value())
            return v6RuleError(QStringLiteral("client_id"),
                               QStringLiteral("no such WireGuard client"));
        row.clientId = *details.clientId;
        row.clientName = wg.value()->name;
    } else {
        row.clientName = details.clientName.value_or(QString()).trimmed();
        if (Status s = v6CheckText(QStringLiteral("client_name"), row.clientName, true, kV6MaxName);
            !s)
            return s.error();
    }
    row.description = details.description.value_or(QString()).trimmed();
    if (Status s =
            v6CheckText(QStringLiteral("description"), row.description, false, kV6MaxDescription);
        !s)
        return s.error();
    row.allocatedAt = now();
    if (details.expiresAt) {
        if (*details.expiresAt <= row.allocatedAt)
            return v6RuleError(QStringLiteral("expires_at"), QStringLiteral("in the future"));
        row.expiresAt = *details.expiresAt;
    }
    const QString custom = details.customPrefix.value_or(QString()).trimmed();
    if (custom.isEmpty() && !details.autoAssign.value_or(true))
        return v6RuleError(QStringLiteral("custom_prefix"),
                           QStringLiteral("required when auto_assign is false"));
    {
        // The choice and the insert in one transaction; the unique index on
        // the prefix answers CONFLICT if anything slipped past.
        auto txn = m_db.begin();
        if (!txn)
            return txn.error();
        auto poolRow = ipv6PoolById(m_db, row.poolId);
        if (!poolRow)
            return poolRow.error();
        if (!poolRow.value())
            return v6RuleError(QStringLiteral("pool_id"), QStringLiteral("no such pool"));
        const Ipv6PoolRow &pool = *poolRow.value();
        if (pool.status != QLatin1String("active"))
            return v6Conflict(QStringLiteral("pool_id"), QStringLiteral("the pool is disabled"),
                              {{QStringLiteral("reason"), QStringLiteral("pool_disabled")}});
        if (custom.isEmpty() && !pool.autoAssign)
            return v6RuleError(QStringLiteral("custom_prefix"),
                               QStringLiteral("required: the pool assigns no prefixes by itself "
                                              "(its auto_assign is false)"));
        auto taken = ipv6AllocationsOfPool(m_db, pool.id);
        if (!taken)
            return taken.error();
        auto prefixes = v6PoolOf(pool, taken.value());
        if (!prefixes)
            return prefixes.error();
        auto tunnels = v6TunnelSubnets(m_db);
        if (!tunnels)
            return tunnels.error();
        const auto tunnelOf = [&](const IpPrefix &p) -> std::optional<QString> {
            for (const auto &[subnet, name] : tunnels.value()) {
                if (subnet.overlaps(p))
                    return QStringLiteral("%1 of WireGuard server \"%2\"")
                        .arg(subnet.toString(), name);
            }
            return std::nullopt;
        };
        if (custom.isEmpty()) {
            // The next free prefix that is no tunnel's; the ones skipped
            // stay taken in this copy of the pool only.
            for (int skipped = 0; row.prefix.isEmpty(); ++skipped) {
                auto next = prefixes.value().allocateNext();
                if (!next)
                    return v6PoolProblem(next.error(), QStringLiteral("pool_id"));
                if (const auto tunnel = tunnelOf(next.value()); !tunnel)
                    row.prefix = next.value().toString();
                else if (skipped >= kMaxTunnelSkips)
                    return v6Conflict(
                        QStringLiteral("pool_id"),
                        QStringLiteral("the free prefixes lie in the tunnel subnet "
                                       "%1; choose a custom_prefix outside it")
                            .arg(*tunnel),
                        {{QStringLiteral("reason"), QStringLiteral("tunnel_subnet")}});
            }
        } else {
            auto chosen = prefixes.value().allocate(custom);
            if (!chosen)
                return v6PoolProblem(chosen.error(), QStringLiteral("custom_prefix"));
            if (const auto tunnel = tunnelOf(chosen.value()))
                return v6Conflict(QStringLiteral("custom_prefix"),
                                  QStringLiteral("%1 overlaps the tunnel subnet %2")
                                      .arg(chosen.value().toString(), *tunnel),
                                  {{QStringLiteral("reason"), QStringLiteral("tunnel_subnet")}});
            row.prefix = chosen.value().toString();
        }
        auto id = insertIpv6Allocation(m_db, row);
        if (!id)
            return id.error();
        row.id = id.value();
        if (Status s = txn.value().commit(); !s)
            return s.error();
    }
    auth::audit(m_db, QStringLiteral("IPV6_PREFIX_ALLOCATED"), caller.userId,
                QStringLiteral("ipv6_allocation"), QString::number(row.id), client.ip,
                client.userAgent, v6AllocationAuditDetails(row));
    resyncClient(row.clientId);
    return row;
}

Status Ipv6PoolService::release(const auth::Principal &caller, const auth::ClientInfo &client,
                                qint64 id)
{
    if (Status s = requireV6Admin(caller); !s)
        return s.error();
    auto existing = allocation(id);
    if (!existing)
        return existing.error();
    auto deleted = deleteIpv6Allocation(m_db, id);
    if (!deleted)
        return deleted.error();
    if (deleted.value() == 0)
        return v6AllocationNotFound();
    auth::audit(m_db, QStringLiteral("IPV6_PREFIX_RELEASED"), caller.userId,
                QStringLiteral("ipv6_allocation"), QString::number(id), client.ip, client.userAgent,
                v6AllocationAuditDetails(existing.value()));
    resyncClient(existing.value().clientId);
    return {};
}

QJsonObject Ipv6PoolService::allocationJson(const Ipv6AllocationRow &row)
{
    return {{QStringLiteral("id"), row.id},
            {QStringLiteral("pool_id"), row.poolId},
            {QStringLiteral("client_id"), row.clientId ? QJsonValue(*row.clientId) : QJsonValue()},
            {QStringLiteral("client_name"), row.clientName},
            {QStringLiteral("allocated_prefix"), row.prefix},
            {QStringLiteral("status"), row.status},
            {QStringLiteral("allocated_at"), auth::isoOrNull(row.allocatedAt)},
            {QStringLiteral("expires_at"),
             row.expiresAt ? auth::isoOrNull(*row.expiresAt) : QJsonValue()},
            {QStringLiteral("description"), row.description}};
}

} // namespace hm::server::vpn
