#include "vpn/IpPrefix.h"

#include <QJsonObject>

namespace hm::vpn {

namespace {

Error prefixError(const QString &reason, const QString &message)
{
    return Error{ErrorCode::ValidationError, message,
                 QJsonObject{{QStringLiteral("reason"), reason}}};
}

} // namespace

std::optional<IpPrefix> IpPrefix::fromAddress(const IpAddress &address, int length)
{
    if (address.isNull() || length < 0 || length > address.bitWidth())
        return std::nullopt;
    IpPrefix prefix;
    const Ip128 network = address.value() & ~hostMask(address.bitWidth(), length);
    prefix.m_network =
        address.isIpv4() ? IpAddress::ipv4(quint32(network.lo)) : IpAddress::ipv6(network);
    prefix.m_length = length;
    return prefix;
}

Result<std::pair<IpAddress, int>> IpPrefix::parseParts(QStringView text)
{
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 0)
        return prefixError(
            QStringLiteral("invalid_prefix"),
            QStringLiteral("\"%1\" has no prefix length (address/length)").arg(text.toString()));
    const QStringView lengthText = text.mid(slash + 1);
    // Decimal without sign or leading zero: one spelling per prefix.
    bool digitsOnly = !lengthText.isEmpty() && lengthText.size() <= 3 &&
                      !(lengthText.size() > 1 && lengthText.front() == u'0');
    for (const QChar c : lengthText)
        digitsOnly = digitsOnly && c >= u'0' && c <= u'9';
    if (!digitsOnly)
        return prefixError(
            QStringLiteral("invalid_prefix"),
            QStringLiteral("\"%1\" has no valid prefix length").arg(text.toString()));
    int length = lengthText.toInt();
    const QStringView addressText = text.left(slash);
    auto address = IpAddress::parse(addressText);
    if (!address)
        return prefixError(QStringLiteral("invalid_prefix"), address.error().message);
    // IpAddress::parse turned an IPv4-mapped address into IPv4: the length
    // moves with it.
    if (address->isIpv4() && addressText.contains(u':')) {
        if (length < 96)
            return prefixError(QStringLiteral("invalid_prefix"),
                               QStringLiteral("IPv4-mapped prefix \"%1\" is shorter than /96")
                                   .arg(text.toString()));
        length -= 96;
    }
    if (length > address->bitWidth())
        return prefixError(QStringLiteral("invalid_prefix"),
                           QStringLiteral("prefix length /%1 is beyond %2 bits")
                               .arg(length)
                               .arg(address->bitWidth()));
    return std::pair<IpAddress, int>(*address, length);
}

Result<IpPrefix> IpPrefix::parse(QStringView text)
{
    auto parts = parseParts(text);
    if (!parts)
        return parts.error();
    const auto [address, length] = *parts;
    const IpPrefix prefix = *fromAddress(address, length);
    if (prefix.network() != address)
        return prefixError(QStringLiteral("host_bits_set"),
                           QStringLiteral("\"%1\" has host bits set; the network is %2")
                               .arg(text.toString(), prefix.toString()));
    return prefix;
}

IpAddress IpPrefix::lastAddress() const
{
    const Ip128 last = m_network.value() | hostMask(bitWidth(), m_length);
    return m_network.isIpv4() ? IpAddress::ipv4(quint32(last.lo)) : IpAddress::ipv6(last);
}

IpCount IpPrefix::size() const
{
    return IpCount::powerOfTwo(bitWidth() - m_length);
}

bool IpPrefix::contains(const IpAddress &address) const
{
    if (isNull() || address.isNull() || address.family() != family())
        return false;
    return (address.value() & ~hostMask(bitWidth(), m_length)) == m_network.value();
}

bool IpPrefix::contains(const IpPrefix &other) const
{
    return !other.isNull() && other.m_length >= m_length && contains(other.m_network);
}

bool IpPrefix::overlaps(const IpPrefix &other) const
{
    // Two prefixes either nest or are disjoint.
    return contains(other) || other.contains(*this);
}

QString IpPrefix::toString() const
{
    if (isNull())
        return {};
    return m_network.toString() + u'/' + QString::number(m_length);
}

} // namespace hm::vpn
