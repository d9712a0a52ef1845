#include "vpn/bird/BirdConfig.h"

#include <QSet>

namespace hm::bird {

namespace {

Error birdConfigInvalid(const QString &text)
{
    return Error{ErrorCode::ValidationError, text};
}

Status birdConfigCheckAs(quint32 as, const QString &what)
{
    if (as == 0)
        return birdConfigInvalid(QStringLiteral("%1 must be 1..4294967295").arg(what));
    return {};
}

Status birdConfigCheckRange(int value, int low, int high, const QString &what)
{
    if (value != 0 && (value < low || value > high))
        return birdConfigInvalid(QStringLiteral("%1 must be %2..%3 (or 0 for BIRD's default)")
                                     .arg(what)
                                     .arg(low)
                                     .arg(high));
    return {};
}

Status birdConfigCheckChannel(const BirdChannelPolicy &c, bool ipv4, const QString &session)
{
    if (!c.enabled)
        return {};
    for (const BirdPrefix &p : c.importPrefixes) {
        if (p.length < 0 || p.isIPv4() != ipv4)
            return birdConfigInvalid(
                QStringLiteral("session %1: import prefix %2 is not an %3 prefix")
                    .arg(session, p.toString(),
                         ipv4 ? QStringLiteral("IPv4") : QStringLiteral("IPv6")));
        auto again = BirdPrefix::parse(p.toString());
        if (!again)
            return birdConfigInvalid(
                QStringLiteral("session %1: %2").arg(session, again.error().message));
    }
    if (c.import == BirdImport::Prefixes && c.importPrefixes.isEmpty())
        return birdConfigInvalid(
            QStringLiteral("session %1: import of listed prefixes with no prefix listed")
                .arg(session));
    return {};
}

QString birdConfigChannel(const BirdChannelPolicy &c, bool ipv4, bool extendedNextHop,
                          const QHostAddress &nextHop = {})
{
    QString out =
        QStringLiteral("  %1 {\n").arg(ipv4 ? QStringLiteral("ipv4") : QStringLiteral("ipv6"));
    if (extendedNextHop)
        out += QStringLiteral("    extended next hop on;\n");
    if (!nextHop.isNull())
        out += QStringLiteral("    next hop address %1;\n").arg(nextHop.toString());
    switch (c.import) {
    case BirdImport::All:
        out += QStringLiteral("    import all;\n");
        break;
    case BirdImport::None:
        out += QStringLiteral("    import none;\n");
        break;
    case BirdImport::Prefixes: {
        QStringList set;
        for (const BirdPrefix &p : c.importPrefixes)
            set.append(p.toString() + QLatin1Char('+'));
        out +=
            QStringLiteral("    import where net ~ [ %1 ];\n").arg(set.join(QStringLiteral(", ")));
        break;
    }
    }
    if (c.exportAnnounced)
        out += QStringLiteral("    export where proto = \"%1\";\n")
                   .arg(QLatin1String(ipv4 ? BirdStaticIPv4 : BirdStaticIPv6));
    else
        out += QStringLiteral("    export none;\n");
    out += QStringLiteral("  };\n");
    return out;
}

} // namespace

Status validateBirdConfig(const BirdConfig &config)
{
    if (config.routerId.protocol() != QAbstractSocket::IPv4Protocol ||
        config.routerId == QHostAddress::AnyIPv4)
        return birdConfigInvalid(QStringLiteral("the router id must be a non-zero IPv4 address"));
    if (auto s = birdConfigCheckAs(config.localAs, QStringLiteral("the local AS")); !s)
        return s;
    QSet<QString> announced;
    for (const BirdAnnounced &a : config.announced) {
        auto again = BirdPrefix::parse(a.prefix.toString());
        if (a.prefix.length < 0 || !again || again.value() != a.prefix)
            return birdConfigInvalid(
                QStringLiteral("announced prefix %1 is not a prefix").arg(a.prefix.toString()));
        if (announced.contains(a.prefix.toString()))
            return birdConfigInvalid(
                QStringLiteral("prefix %1 is announced twice").arg(a.prefix.toString()));
        announced.insert(a.prefix.toString());
    }
    QSet<QString> names = {QLatin1String(BirdDeviceProtocol), QLatin1String(BirdStaticIPv4),
                           QLatin1String(BirdStaticIPv6)};
    for (qsizetype i = 0; i < config.sessions.size(); ++i) {
        const BirdBgpSession &s = config.sessions[i];
        if (auto st =
                checkBirdName(s.name, QStringLiteral("the name of BGP session %1").arg(i + 1));
            !st)
            return st;
        if (names.contains(s.name))
            return birdConfigInvalid(QStringLiteral("the name %1 is used twice").arg(s.name));
        names.insert(s.name);
        const QString where = QStringLiteral("session %1: ").arg(s.name);
        if (auto st = checkBirdAddress(s.neighbor, where + QStringLiteral("the neighbor address"));
            !st)
            return st;
        if (!s.localAddress.isNull()) {
            if (auto st =
                    checkBirdAddress(s.localAddress, where + QStringLiteral("the local address"));
                !st)
                return st;
            if (s.localAddress.protocol() != s.neighbor.protocol())
                return birdConfigInvalid(
                    where +
                    QStringLiteral("the local and neighbor addresses are of different families"));
        }
        if (auto st = birdConfigCheckAs(s.remoteAs, where + QStringLiteral("the remote AS")); !st)
            return st;
        if (!s.password.isEmpty()) {
            if (auto st = checkBirdPassword(s.password, s.name); !st)
                return st;
        }
        if (auto st =
                birdConfigCheckRange(s.holdTime, 3, 65535, where + QStringLiteral("the hold time"));
            !st)
            return st;
        if (auto st = birdConfigCheckRange(s.keepaliveTime, 1, 65535,
                                           where + QStringLiteral("the keepalive time"));
            !st)
            return st;
        if (s.holdTime != 0 && s.keepaliveTime != 0 && s.keepaliveTime >= s.holdTime)
            return birdConfigInvalid(
                where + QStringLiteral("the keepalive time must be below the hold time"));
        if (auto st = birdConfigCheckRange(s.connectRetryTime, 1, 65535,
                                           where + QStringLiteral("the connect retry time"));
            !st)
            return st;
        if (auto st = birdConfigCheckRange(s.startDelayTime, 1, 65535,
                                           where + QStringLiteral("the start delay time"));
            !st)
            return st;
        if (auto st = birdConfigCheckRange(s.multihopTtl, 1, 255,
                                           where + QStringLiteral("the multihop TTL"));
            !st)
            return st;
        if (!s.ipv6NextHop.isNull()) {
            if (s.ipv6NextHop.protocol() != QAbstractSocket::IPv6Protocol)
                return birdConfigInvalid(where +
                                         QStringLiteral("the IPv6 next hop is not an IPv6 address"));
            if (auto st = checkBirdAddress(s.ipv6NextHop, where + QStringLiteral("the IPv6 next hop"));
                !st)
                return st;
        }
        if (!s.ipv4.enabled && !s.ipv6.enabled)
            return birdConfigInvalid(where + QStringLiteral("neither ipv4 nor ipv6 is enabled"));
        if (auto st = birdConfigCheckChannel(s.ipv4, true, s.name); !st)
            return st;
        if (auto st = birdConfigCheckChannel(s.ipv6, false, s.name); !st)
            return st;
    }
    return {};
}

Result<QString> renderBirdConfig(const BirdConfig &config)
{
    if (auto st = validateBirdConfig(config); !st)
        return st.error();
    QString out;
    out += QStringLiteral("# Written by HiveMind (core/vpn/bird): replaced on every change.\n");
    out += QStringLiteral("router id %1;\n").arg(config.routerId.toString());
    out += QStringLiteral("timeformat protocol iso long;\n");
    out += QStringLiteral("timeformat route iso long;\n\n");
    out += QStringLiteral("protocol device %1 {\n  scan time 10;\n}\n\n")
               .arg(QLatin1String(BirdDeviceProtocol));
    for (const bool v4 : {true, false}) {
        QString routes;
        for (const BirdAnnounced &a : config.announced) {
            if (a.prefix.isIPv4() != v4)
                continue;
            routes += QStringLiteral("  route %1 %2;\n")
                          .arg(a.prefix.toString(), a.kind == BirdAnnounceKind::Blackhole
                                                        ? QStringLiteral("blackhole")
                                                        : QStringLiteral("unreachable"));
        }
        if (routes.isEmpty())
            continue;
        out += QStringLiteral("protocol static %1 {\n  %2;\n%3}\n\n")
                   .arg(QLatin1String(v4 ? BirdStaticIPv4 : BirdStaticIPv6),
                        v4 ? QStringLiteral("ipv4") : QStringLiteral("ipv6"), routes);
    }
    for (const BirdBgpSession &s : config.sessions) {
        const quint32 localAs = s.localAs != 0 ? s.localAs : config.localAs;
        out += QStringLiteral("protocol bgp %1 {\n").arg(s.name);
        if (s.localAddress.isNull())
            out += QStringLiteral("  local as %1;\n").arg(localAs);
        else
            out +=
                QStringLiteral("  local %1 as %2;\n").arg(s.localAddress.toString()).arg(localAs);
        out += QStringLiteral("  neighbor %1 as %2;\n").arg(s.neighbor.toString()).arg(s.remoteAs);
        if (s.holdTime)
            out += QStringLiteral("  hold time %1;\n").arg(s.holdTime);
        if (s.keepaliveTime)
            out += QStringLiteral("  keepalive time %1;\n").arg(s.keepaliveTime);
        if (s.connectRetryTime)
            out += QStringLiteral("  connect retry time %1;\n").arg(s.connectRetryTime);
        if (s.startDelayTime)
            out += QStringLiteral("  start delay time %1;\n").arg(s.startDelayTime);
        if (!s.password.isEmpty())
            out += QStringLiteral("  password \"%1\";\n").arg(s.password);
        if (s.multihopTtl)
            out += QStringLiteral("  multihop %1;\n").arg(s.multihopTtl);
        else
            out += QStringLiteral("  direct;\n");
        if (s.ttlSecurity)
            out += QStringLiteral("  ttl security on;\n");
        if (!s.enabled)
            out += QStringLiteral("  disabled;\n");
        const bool v6Neighbor = s.neighbor.protocol() == QAbstractSocket::IPv6Protocol;
        if (s.ipv4.enabled)
            out += birdConfigChannel(s.ipv4, true, v6Neighbor);
        if (s.ipv6.enabled)
            out += birdConfigChannel(s.ipv6, false, false, s.ipv6NextHop);
        out += QStringLiteral("}\n\n");
    }
    return out;
}

} // namespace hm::bird
