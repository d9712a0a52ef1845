#include "vpn/PrefixPool.h"

#include "vpn/VpnLogging.h"

namespace hm::vpn {

QString prefixPoolProblemName(PrefixPoolProblem problem)
{
    switch (problem) {
    case PrefixPoolProblem::InvalidPool:
        return QStringLiteral("invalid_pool");
    case PrefixPoolProblem::OutsidePool:
        return QStringLiteral("outside_pool");
    case PrefixPoolProblem::WrongLength:
        return QStringLiteral("wrong_length");
    case PrefixPoolProblem::Misaligned:
        return QStringLiteral("misaligned");
    case PrefixPoolProblem::Reserved:
        return QStringLiteral("reserved");
    case PrefixPoolProblem::Overlapping:
        return QStringLiteral("overlapping");
    case PrefixPoolProblem::Exhausted:
        return QStringLiteral("exhausted");
    case PrefixPoolProblem::NotAllocated:
        return QStringLiteral("not_allocated");
    }
    return QStringLiteral("invalid_pool");
}

namespace {

Error poolError(PrefixPoolProblem problem, const QString &message, const IpPrefix &pool)
{
    ErrorCode code = ErrorCode::ValidationError;
    if (problem == PrefixPoolProblem::Overlapping || problem == PrefixPoolProblem::Exhausted)
        code = ErrorCode::Conflict;
    else if (problem == PrefixPoolProblem::NotAllocated)
        code = ErrorCode::ResourceNotFound;
    QJsonObject details{{QStringLiteral("reason"), prefixPoolProblemName(problem)}};
    if (!pool.isNull())
        details.insert(QStringLiteral("pool"), pool.toString());
    return Error{code, message, details};
}

} // namespace

Result<PrefixPool> PrefixPool::create(const IpPrefix &pool, int delegatedLength,
                                      quint64 reservedCount)
{
    if (pool.isNull())
        return poolError(PrefixPoolProblem::InvalidPool, QStringLiteral("no pool prefix"), pool);
    if (delegatedLength < pool.length() || delegatedLength > pool.bitWidth())
        return poolError(PrefixPoolProblem::InvalidPool,
                         QStringLiteral("delegated length /%1 must be between /%2 and /%3")
                             .arg(delegatedLength)
                             .arg(pool.length())
                             .arg(pool.bitWidth()),
                         pool);
    PrefixPool result;
    result.m_pool = pool;
    result.m_delegatedLength = delegatedLength;
    result.m_reservedCount = reservedCount;
    if (IpCount::fromU64(reservedCount) > result.totalCount())
        return poolError(PrefixPoolProblem::InvalidPool,
                         QStringLiteral("%1 reserved prefixes, but %2 holds only %3 /%4 prefixes")
                             .arg(reservedCount)
                             .arg(pool.toString(), result.totalCount().toString())
                             .arg(delegatedLength),
                         pool);
    return result;
}

IpCount PrefixPool::totalCount() const
{
    return IpCount::powerOfTwo(m_delegatedLength - m_pool.length());
}

IpCount PrefixPool::availableCount() const
{
    return totalCount()
        .minusSaturated(IpCount::fromU64(m_reservedCount))
        .minusSaturated(IpCount::fromU64(m_allocated.size()));
}

QJsonObject PrefixPool::countsJson() const
{
    const IpCount total = totalCount();
    const IpCount available = availableCount();
    return QJsonObject{
        {QStringLiteral("total"), total.toString()},
        {QStringLiteral("totalNumber"), total.toDouble()},
        {QStringLiteral("reserved"), QString::number(m_reservedCount)},
        {QStringLiteral("allocated"), QString::number(m_allocated.size())},
        {QStringLiteral("available"), available.toString()},
        {QStringLiteral("availableNumber"), available.toDouble()},
    };
}

Ip128 PrefixPool::lastIndex() const
{
    const IpCount total = totalCount();
    return total.isTwoTo128() ? Ip128::max() : total.value() - Ip128::fromU64(1);
}

Ip128 PrefixPool::indexOf(const IpAddress &address) const
{
    return (address.value() - m_pool.network().value()) >> (m_pool.bitWidth() - m_delegatedLength);
}

IpPrefix PrefixPool::prefixAt(Ip128 index) const
{
    if (m_pool.isNull() || index > lastIndex())
        return {};
    const Ip128 value =
        m_pool.network().value() | (index << (m_pool.bitWidth() - m_delegatedLength));
    const IpAddress address =
        m_pool.network().isIpv4() ? IpAddress::ipv4(quint32(value.lo)) : IpAddress::ipv6(value);
    return *IpPrefix::fromAddress(address, m_delegatedLength);
}

Result<IpPrefix> PrefixPool::allocateNext()
{
    const std::optional<Ip128> index =
        m_allocated.lowestAbsent(Ip128::fromU64(m_reservedCount), lastIndex());
    if (!index || IpCount::fromU64(m_reservedCount) == totalCount())
        return poolError(PrefixPoolProblem::Exhausted,
                         QStringLiteral("no free /%1 prefix left in %2")
                             .arg(m_delegatedLength)
                             .arg(m_pool.toString()),
                         m_pool);
    m_allocated.insert(*index);
    const IpPrefix prefix = prefixAt(*index);
    qCDebug(lcVpn) << "delegated" << prefix.toString() << "from" << m_pool.toString();
    return prefix;
}

Status PrefixPool::check(const IpAddress &address, int length) const
{
    const QString text = address.toString() + u'/' + QString::number(length);
    // A prefix shorter than the pool covers more than the pool.
    if (address.isNull() || !m_pool.contains(address) || length < m_pool.length())
        return poolError(PrefixPoolProblem::OutsidePool,
                         QStringLiteral("%1 is outside the pool %2").arg(text, m_pool.toString()),
                         m_pool);
    if (length != m_delegatedLength)
        return poolError(PrefixPoolProblem::WrongLength,
                         QStringLiteral("%1: the pool %2 delegates /%3 prefixes")
                             .arg(text, m_pool.toString())
                             .arg(m_delegatedLength),
                         m_pool);
    const IpPrefix aligned = *IpPrefix::fromAddress(address, length);
    if (aligned.network() != address)
        return poolError(PrefixPoolProblem::Misaligned,
                         QStringLiteral("%1 is not aligned to /%2 (did you mean %3?)")
                             .arg(text)
                             .arg(length)
                             .arg(aligned.toString()),
                         m_pool);
    const Ip128 index = indexOf(address);
    if (index < Ip128::fromU64(m_reservedCount))
        return poolError(PrefixPoolProblem::Reserved,
                         QStringLiteral("%1 is one of the first %2 reserved prefixes of %3")
                             .arg(text)
                             .arg(m_reservedCount)
                             .arg(m_pool.toString()),
                         m_pool);
    if (m_allocated.contains(index))
        return poolError(PrefixPoolProblem::Overlapping,
                         QStringLiteral("%1 overlaps an existing allocation").arg(text), m_pool);
    return {};
}

Result<IpPrefix> PrefixPool::allocate(const IpAddress &address, int length)
{
    if (Status status = check(address, length); !status)
        return status.error();
    m_allocated.insert(indexOf(address));
    return *IpPrefix::fromAddress(address, length);
}

Result<IpPrefix> PrefixPool::allocate(QStringView text)
{
    auto parts = IpPrefix::parseParts(text);
    if (!parts)
        return parts.error();
    return allocate(parts->first, parts->second);
}

Status PrefixPool::release(const IpPrefix &prefix)
{
    if (!isAllocated(prefix))
        return poolError(
            PrefixPoolProblem::NotAllocated,
            QStringLiteral("%1 is not allocated from %2").arg(prefix.toString(), m_pool.toString()),
            m_pool);
    m_allocated.remove(indexOf(prefix.network()));
    return {};
}

bool PrefixPool::isAllocated(const IpPrefix &prefix) const
{
    return !prefix.isNull() && prefix.length() == m_delegatedLength && m_pool.contains(prefix) &&
           m_allocated.contains(indexOf(prefix.network()));
}

} // namespace hm::vpn
