#include "client/Ipv6PoolsApi.h"

#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "client/ApiQuery.h"
#include "client/ApiRequest.h"

#include <QJsonArray>

namespace hm::client {

namespace json {

Ipv6AllocationRow ipv6Allocation(const QJsonObject &o)
{
    Ipv6AllocationRow row;
    row.id = o.value(QStringLiteral("id")).toInteger();
    row.poolId = o.value(QStringLiteral("pool_id")).toInteger();
    row.clientId = o.value(QStringLiteral("client_id")).toInteger();
    row.clientName = o.value(QStringLiteral("client_name")).toString();
    row.allocatedPrefix = o.value(QStringLiteral("allocated_prefix")).toString();
    row.status = o.value(QStringLiteral("status")).toString();
    row.allocatedAt = time(o.value(QStringLiteral("allocated_at")));
    row.expiresAt = time(o.value(QStringLiteral("expires_at")));
    row.description = o.value(QStringLiteral("description")).toString();
    return row;
}

Ipv6PoolRow ipv6Pool(const QJsonObject &o)
{
    Ipv6PoolRow row;
    row.id = o.value(QStringLiteral("id")).toInteger();
    row.name = o.value(QStringLiteral("name")).toString();
    row.prefix = o.value(QStringLiteral("prefix")).toString();
    row.prefixLength = o.value(QStringLiteral("prefix_length")).toInt();
    row.totalExact = o.value(QStringLiteral("total_prefixes_exact")).toString();
    row.availableExact = o.value(QStringLiteral("available_prefixes_exact")).toString();
    row.allocatedPrefixes = o.value(QStringLiteral("allocated_prefixes")).toInteger();
    row.reservedPrefixes = o.value(QStringLiteral("reserved_prefixes")).toInteger();
    row.autoAssign = o.value(QStringLiteral("auto_assign")).toBool(true);
    row.status = o.value(QStringLiteral("status")).toString();
    row.description = o.value(QStringLiteral("description")).toString();
    row.createdAt = time(o.value(QStringLiteral("created_at")));
    row.updatedAt = time(o.value(QStringLiteral("updated_at")));
    for (const QJsonValue &item : o.value(QStringLiteral("allocations")).toArray()) {
        Ipv6AllocationRow a = ipv6Allocation(item.toObject());
        a.poolId = row.id;
        row.allocations.append(a);
    }
    return row;
}

} // namespace json

namespace {

const QString kIpv6PoolPath = QStringLiteral("/api/v1/ipv6/pools");
const QString kIpv6AllocationPath = QStringLiteral("/api/v1/ipv6/allocations");

QJsonValue ipv6TextOrNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

Ipv6PoolRow readIpv6Pool(const ApiResponse &r)
{
    return json::ipv6Pool(r.data.toObject());
}

Ipv6AllocationRow readIpv6Allocation(const ApiResponse &r)
{
    return json::ipv6Allocation(r.data.toObject());
}

Status ipv6Nothing(const ApiResponse &)
{
    return Status();
}

} // namespace

QJsonObject Ipv6PoolChange::toJson() const
{
    QJsonObject o;
    if (name)
        o.insert(QStringLiteral("name"), *name);
    if (prefix)
        o.insert(QStringLiteral("prefix"), *prefix);
    if (prefixLength)
        o.insert(QStringLiteral("prefix_length"), *prefixLength);
    if (description)
        o.insert(QStringLiteral("description"), ipv6TextOrNull(*description));
    if (status)
        o.insert(QStringLiteral("status"), *status);
    if (autoAssign)
        o.insert(QStringLiteral("auto_assign"), *autoAssign);
    if (reservedPrefixes)
        o.insert(QStringLiteral("reserved_prefixes"), *reservedPrefixes);
    return o;
}

QJsonObject Ipv6AllocationRequest::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("pool_id"), poolId);
    if (clientId > 0)
        o.insert(QStringLiteral("client_id"), clientId);
    else
        o.insert(QStringLiteral("client_name"), clientName);
    if (!customPrefix.isEmpty())
        o.insert(QStringLiteral("custom_prefix"), customPrefix);
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    if (expiresAt.isValid())
        o.insert(QStringLiteral("expires_at"), expiresAt.toUTC().toString(Qt::ISODateWithMs));
    return o;
}

void Ipv6PoolsApi::pools(const Ipv6PoolFilter &filter, Callback<Page<Ipv6PoolRow>> done)
{
    QUrlQuery query = pageQuery(filter.page);
    addIfSet(query, QStringLiteral("status"), filter.status);
    addIfSet(query, QStringLiteral("search"), filter.search);
    m_client.call<Page<Ipv6PoolRow>>(
        ApiRequest::get(kIpv6PoolPath, query),
        [](const ApiResponse &r) {
            return json::page<Ipv6PoolRow>(r.data.toObject(), QStringLiteral("pools"),
                                           json::ipv6Pool);
        },
        std::move(done));
}

void Ipv6PoolsApi::pool(qint64 id, Callback<Ipv6PoolRow> done)
{
    m_client.call<Ipv6PoolRow>(ApiRequest::get(kIpv6PoolPath + u'/' + QString::number(id)),
                               readIpv6Pool, std::move(done));
}

void Ipv6PoolsApi::createPool(const Ipv6PoolChange &pool, Callback<Ipv6PoolRow> done)
{
    m_client.call<Ipv6PoolRow>(ApiRequest::post(kIpv6PoolPath, pool.toJson()), readIpv6Pool,
                               std::move(done));
}

void Ipv6PoolsApi::updatePool(qint64 id, const Ipv6PoolChange &change, Callback<Ipv6PoolRow> done)
{
    m_client.call<Ipv6PoolRow>(
        ApiRequest::put(kIpv6PoolPath + u'/' + QString::number(id), change.toJson()),
        readIpv6Pool, std::move(done));
}

void Ipv6PoolsApi::removePool(qint64 id, bool force, Callback<void> done)
{
    ApiRequest request = ApiRequest::del(kIpv6PoolPath + u'/' + QString::number(id));
    if (force)
        request.query.addQueryItem(QStringLiteral("force"), QStringLiteral("true"));
    m_client.call<void>(std::move(request), ipv6Nothing, std::move(done));
}

void Ipv6PoolsApi::allocations(const Ipv6AllocationFilter &filter,
                               Callback<Page<Ipv6AllocationRow>> done)
{
    QUrlQuery query = pageQuery(filter.page);
    if (filter.poolId > 0)
        query.addQueryItem(QStringLiteral("pool_id"), QString::number(filter.poolId));
    if (filter.clientId > 0)
        query.addQueryItem(QStringLiteral("client_id"), QString::number(filter.clientId));
    addIfSet(query, QStringLiteral("status"), filter.status);
    addIfSet(query, QStringLiteral("search"), filter.search);
    m_client.call<Page<Ipv6AllocationRow>>(
        ApiRequest::get(kIpv6AllocationPath, query),
        [](const ApiResponse &r) {
            return json::page<Ipv6AllocationRow>(r.data.toObject(), QStringLiteral("allocations"),
                                                 json::ipv6Allocation);
        },
        std::move(done));
}

void Ipv6PoolsApi::allocation(qint64 id, Callback<Ipv6AllocationRow> done)
{
    m_client.call<Ipv6AllocationRow>(
        ApiRequest::get(kIpv6AllocationPath + u'/' + QString::number(id)), readIpv6Allocation,
        std::move(done));
}

void Ipv6PoolsApi::allocate(const Ipv6AllocationRequest &request,
                            Callback<Ipv6AllocationRow> done)
{
    m_client.call<Ipv6AllocationRow>(ApiRequest::post(kIpv6AllocationPath, request.toJson()),
                                     readIpv6Allocation, std::move(done));
}

void Ipv6PoolsApi::release(qint64 id, Callback<void> done)
{
    m_client.call<void>(ApiRequest::del(kIpv6AllocationPath + u'/' + QString::number(id)),
                        ipv6Nothing, std::move(done));
}

} // namespace hm::client
