#include "vpn/IpAddress.h"

#include <QJsonObject>
#include <cmath>

namespace hm::vpn {

QString addressFamilyName(AddressFamily family)
{
    switch (family) {
    case AddressFamily::Ipv4:
        return QStringLiteral("ipv4");
    case AddressFamily::Ipv6:
        return QStringLiteral("ipv6");
    case AddressFamily::Dual:
        return QStringLiteral("dual");
    }
    return QStringLiteral("ipv4");
}

std::optional<AddressFamily> addressFamilyFromName(QStringView name)
{
    if (name == u"ipv4")
        return AddressFamily::Ipv4;
    if (name == u"ipv6")
        return AddressFamily::Ipv6;
    if (name == u"dual")
        return AddressFamily::Dual;
    return std::nullopt;
}

QString Ip128::toString() const
{
    if (isZero())
        return QStringLiteral("0");
    // Long division by 10 over four 32-bit limbs, most significant first.
    quint32 limbs[4] = {quint32(hi >> 32), quint32(hi), quint32(lo >> 32), quint32(lo)};
    QString digits;
    bool nonZero = true;
    while (nonZero) {
        quint64 remainder = 0;
        nonZero = false;
        for (quint32 &limb : limbs) {
            const quint64 current = (remainder << 32) | limb;
            limb = quint32(current / 10);
            remainder = current % 10;
            nonZero = nonZero || limb != 0;
        }
        digits.prepend(QChar(u'0' + char16_t(remainder)));
    }
    return digits;
}

IpCount IpCount::powerOfTwo(int exponent)
{
    IpCount count;
    if (exponent >= 128)
        count.m_twoTo128 = true;
    else if (exponent >= 0)
        count.m_value = Ip128::fromU64(1) << exponent;
    return count;
}

IpCount IpCount::minusSaturated(const IpCount &other) const
{
    if (*this <= other)
        return {};
    if (m_twoTo128) {
        // 2^128 - x is the two's complement of x, for 0 < x < 2^128.
        if (other.m_value.isZero())
            return *this;
        return IpCount(~other.m_value + Ip128::fromU64(1));
    }
    return IpCount(m_value - other.m_value);
}

IpCount IpCount::plusSaturated(const IpCount &other) const
{
    if (m_twoTo128 || other.m_twoTo128)
        return powerOfTwo(128);
    const Ip128 sum = m_value + other.m_value;
    if (sum < m_value) // wrapped: the true sum is 2^128 or more
        return powerOfTwo(128);
    return IpCount(sum);
}

std::strong_ordering IpCount::operator<=>(const IpCount &other) const
{
    if (m_twoTo128 != other.m_twoTo128)
        return m_twoTo128 ? std::strong_ordering::greater : std::strong_ordering::less;
    return m_value <=> other.m_value;
}

QString IpCount::toString() const
{
    if (m_twoTo128)
        return QStringLiteral("340282366920938463463374607431768211456");
    return m_value.toString();
}

quint64 IpCount::toSaturatedU64() const
{
    if (m_twoTo128 || m_value.hi != 0)
        return ~quint64(0);
    return m_value.lo;
}

double IpCount::toDouble() const
{
    if (m_twoTo128)
        return std::ldexp(1.0, 128);
    return std::ldexp(double(m_value.hi), 64) + double(m_value.lo);
}

namespace {

// Strict dotted quad: four decimal parts of 0..255 without leading zeros.
// QHostAddress alone also takes "10.1" and octal "010.0.0.1" (= 8.0.0.1),
// which would let one address be written several ways.
bool isStrictDottedQuad(QStringView text)
{
    int parts = 0;
    qsizetype i = 0;
    while (i <= text.size()) {
        qsizetype j = i;
        while (j < text.size() && text[j] >= u'0' && text[j] <= u'9')
            ++j;
        const qsizetype digits = j - i;
        if (digits == 0 || digits > 3 || (digits > 1 && text[i] == u'0'))
            return false;
        if (text.mid(i, digits).toInt() > 255)
            return false;
        ++parts;
        if (j == text.size())
            break;
        if (text[j] != u'.')
            return false;
        i = j + 1;
    }
    return parts == 4;
}

Error addressError(const QString &message)
{
    return Error{ErrorCode::ValidationError, message,
                 QJsonObject{{QStringLiteral("reason"), QStringLiteral("invalid_address")}}};
}

} // namespace

Result<IpAddress> IpAddress::parse(QStringView text)
{
    if (text.isEmpty())
        return addressError(QStringLiteral("empty IP address"));
    const bool looksV6 = text.contains(u':');
    if (!looksV6 && !isStrictDottedQuad(text))
        return addressError(
            QStringLiteral("\"%1\" is not an IPv4 address (a.b.c.d)").arg(text.toString()));
    if (looksV6) {
        for (const QChar c : text) {
            if (!(c.isDigit() || c == u':' || c == u'.' || (c >= u'a' && c <= u'f') ||
                  (c >= u'A' && c <= u'F')))
                return addressError(
                    QStringLiteral("\"%1\" is not an IPv6 address (no zone ids or spaces)")
                        .arg(text.toString()));
        }
    }
    QHostAddress host;
    if (!host.setAddress(text.toString()))
        return addressError(QStringLiteral("\"%1\" is not an IP address").arg(text.toString()));
    const std::optional<IpAddress> address = fromQHostAddress(host);
    if (!address)
        return addressError(QStringLiteral("\"%1\" is not an IP address").arg(text.toString()));
    return *address;
}

std::optional<IpAddress> IpAddress::fromQHostAddress(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return ipv4(address.toIPv4Address());
    if (address.protocol() != QAbstractSocket::IPv6Protocol || !address.scopeId().isEmpty())
        return std::nullopt;
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    // ::ffff:a.b.c.d only; QHostAddress::toIPv4Address also converts "::".
    bool mapped = bytes[10] == 0xff && bytes[11] == 0xff;
    for (int i = 0; i < 10; ++i)
        mapped = mapped && bytes[i] == 0;
    if (mapped)
        return ipv4(quint32(bytes[12]) << 24 | quint32(bytes[13]) << 16 | quint32(bytes[14]) << 8 |
                    quint32(bytes[15]));
    quint64 hi = 0;
    quint64 lo = 0;
    for (int i = 0; i < 8; ++i) {
        hi = (hi << 8) | bytes[i];
        lo = (lo << 8) | bytes[i + 8];
    }
    return ipv6(Ip128(hi, lo));
}

std::optional<IpAddress> IpAddress::plus(Ip128 offset) const
{
    const Ip128 sum = m_value + offset;
    if (sum < m_value)
        return std::nullopt;
    if (!m_v6 && (sum.hi != 0 || sum.lo > 0xffffffffULL))
        return std::nullopt;
    return IpAddress(m_v6, sum);
}

QHostAddress IpAddress::toQHostAddress() const
{
    if (!m_valid)
        return {};
    if (!m_v6)
        return QHostAddress(quint32(m_value.lo));
    Q_IPV6ADDR bytes;
    for (int i = 0; i < 8; ++i) {
        bytes[i] = quint8(m_value.hi >> (56 - 8 * i));
        bytes[i + 8] = quint8(m_value.lo >> (56 - 8 * i));
    }
    return QHostAddress(bytes);
}

QString IpAddress::toString() const
{
    return toQHostAddress().toString();
}

std::strong_ordering IpAddress::operator<=>(const IpAddress &other) const
{
    if (m_valid != other.m_valid)
        return m_valid ? std::strong_ordering::greater : std::strong_ordering::less;
    if (m_v6 != other.m_v6)
        return m_v6 ? std::strong_ordering::greater : std::strong_ordering::less;
    return m_value <=> other.m_value;
}

Ip128 hostMask(int bitWidth, int length)
{
    if (length >= bitWidth)
        return {};
    return Ip128::max() >> (128 - bitWidth + length);
}

} // namespace hm::vpn
