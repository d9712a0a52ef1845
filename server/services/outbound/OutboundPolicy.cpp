#include "server/services/outbound/OutboundPolicy.h"

#include "common/Logging.h"
#include "server/services/system/SystemConfig.h"

#include <QHostInfo>
#include <QPointer>
#include <array>

namespace hm::server::outbound {
namespace {

struct Range
{
    const char *network;
    int prefix;
};

// IPv4 ranges that are not public (IANA special-purpose registry, the
// entries not marked "globally reachable").
constexpr std::array kIpv4NotPublic{
    Range{"0.0.0.0", 8},       // "this network"
    Range{"10.0.0.0", 8},      // private
    Range{"100.64.0.0", 10},   // shared address space (carrier NAT)
    Range{"127.0.0.0", 8},     // loopback
    Range{"169.254.0.0", 16},  // link-local, cloud metadata 169.254.169.254
    Range{"172.16.0.0", 12},   // private
    Range{"192.0.0.0", 24},    // protocol assignments
    Range{"192.0.2.0", 24},    // documentation
    Range{"192.88.99.0", 24},  // 6to4 relay anycast (deprecated)
    Range{"192.168.0.0", 16},  // private
    Range{"198.18.0.0", 15},   // benchmarking
    Range{"198.51.100.0", 24}, // documentation
    Range{"203.0.113.0", 24},  // documentation
    Range{"224.0.0.0", 4},     // multicast
    Range{"240.0.0.0", 4},     // reserved, broadcast
};

constexpr std::array kIpv6NotPublic{
    Range{"::", 128},        // unspecified
    Range{"::1", 128},       // loopback
    Range{"100::", 64},      // discard
    Range{"2001:db8::", 32}, // documentation
    Range{"2001::", 23},     // IETF protocol assignments (Teredo, ORCHID…)
    Range{"fc00::", 7},      // unique local
    Range{"fe80::", 10},     // link-local
    Range{"fec0::", 10},     // site-local (deprecated)
    Range{"ff00::", 8},      // multicast
};

template <std::size_t N> bool inAny(const QHostAddress &address, const std::array<Range, N> &ranges)
{
    for (const Range &range : ranges) {
        if (address.isInSubnet(QHostAddress(QString::fromLatin1(range.network)), range.prefix))
            return true;
    }
    return false;
}

} // namespace

bool isPublicAddress(const QHostAddress &address)
{
    if (address.isNull())
        return false;
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return !inAny(address, kIpv4NotPublic);
    // An IPv6 address that carries an IPv4 one is judged by that.
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    if (mapped)
        return isPublicAddress(QHostAddress(v4));
    if (address.isInSubnet(QHostAddress(QStringLiteral("64:ff9b::")), 96)) {
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        const quint32 embedded = (quint32(bytes[12]) << 24) | (quint32(bytes[13]) << 16) |
                                 (quint32(bytes[14]) << 8) | quint32(bytes[15]);
        return isPublicAddress(QHostAddress(embedded));
    }
    return !inAny(address, kIpv6NotPublic);
}

bool OutboundPolicy::allowsPrivateNetworks() const
{
    return !m_db || system_config::allowPrivateNetworks(system_config::load(*m_db));
}

Status OutboundPolicy::check(const QHostAddress &address, const QString &host,
                             const QString &field) const
{
    if (isPublicAddress(address) || allowsPrivateNetworks())
        return {};
    // The address is the server's own finding, not a remote's words.
    return Error{ErrorCode::ValidationError,
                 QStringLiteral("%1 is at %2, a private or reserved address: the server only "
                                "sends requests for users to public addresses unless an "
                                "administrator allows private networks (system configuration "
                                "security.allow_private_networks)")
                     .arg(host, address.toString()),
                 {{QStringLiteral("field"), field},
                  {QStringLiteral("reason"), QStringLiteral("PRIVATE_ADDRESS")},
                  {QStringLiteral("host"), host},
                  {QStringLiteral("address"), address.toString()}}};
}

void OutboundPolicy::admit(const QString &host, const QString &field, QObject *context,
                           std::function<void(Status)> done) const
{
    admitAddresses(host, field, context,
                   [done = std::move(done)](Result<QList<QHostAddress>> admitted) {
                       done(admitted ? Status{} : Status{admitted.error()});
                   });
}

void OutboundPolicy::admitAddresses(const QString &host, const QString &field, QObject *context,
                                    std::function<void(Result<QList<QHostAddress>>)> done) const
{
    using Addresses = Result<QList<QHostAddress>>;
    // Brackets of an IPv6 URL host are not part of the address.
    QString bare = host;
    if (bare.startsWith(u'[') && bare.endsWith(u']'))
        bare = bare.mid(1, bare.size() - 2);
    const QHostAddress literal(bare);
    if (!literal.isNull()) {
        const Status checked = check(literal, host, field);
        QMetaObject::invokeMethod(
            context,
            [done = std::move(done), checked] {
                done(checked ? Addresses(QList<QHostAddress>{}) : Addresses(checked.error()));
            },
            Qt::QueuedConnection);
        return;
    }
    if (allowsPrivateNetworks()) {
        QMetaObject::invokeMethod(
            context, [done = std::move(done)] { done(QList<QHostAddress>{}); },
            Qt::QueuedConnection);
        return;
    }
    const OutboundPolicy policy = *this;
    QHostInfo::lookupHost(bare, context, [policy, host, field, done](const QHostInfo &info) {
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
            return done(Error{ErrorCode::ServiceUnavailable,
                              QStringLiteral("the host name %1 does not resolve").arg(host),
                              {{QStringLiteral("field"), field},
                               {QStringLiteral("reason"), QStringLiteral("UNREACHABLE")},
                               {QStringLiteral("host"), host}}});
        // Every address: a name with one public and one private address
        // could be connected to either.
        for (const QHostAddress &address : info.addresses()) {
            if (Status s = policy.check(address, host, field); !s) {
                qCInfo(lcServer).noquote()
                    << "outbound: refused" << host << "at" << address.toString()
                    << "(private networks are not allowed)";
                return done(s.error());
            }
        }
        done(info.addresses());
    });
}

} // namespace hm::server::outbound
