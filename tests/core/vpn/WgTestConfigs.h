#pragma once

// Seeded random wg-quick configurations for TestWgQuickText (and anything
// else that wants many valid configs): every field kind, IPv4 and IPv6,
// host names, comments, server hooks.

#include "vpn/WgQuickConfig.h"

#include <QRandomGenerator>

namespace hm::vpn::testing {

inline QString randomWgKey(QRandomGenerator &random)
{
    QByteArray bytes(32, Qt::Uninitialized);
    for (char &b : bytes)
        b = char(random.bounded(256));
    return QString::fromLatin1(bytes.toBase64());
}

inline QHostAddress randomWgAddress(QRandomGenerator &random, bool v6)
{
    if (!v6)
        return QHostAddress(random.generate());
    Q_IPV6ADDR raw;
    for (auto &b : raw.c)
        b = quint8(random.bounded(256));
    if (random.bounded(3) == 0) // runs of zeros, "::" in the text
        for (int i = 4; i < 12; ++i)
            raw.c[i] = 0;
    if (random.bounded(8) == 0) { // IPv4-mapped
        for (int i = 0; i < 10; ++i)
            raw.c[i] = 0;
        raw.c[10] = raw.c[11] = 0xff;
    }
    return QHostAddress(raw);
}

inline WgCidr randomWgCidr(QRandomGenerator &random)
{
    const bool v6 = random.bounded(2) == 1;
    return WgCidr{randomWgAddress(random, v6), int(random.bounded(v6 ? 129 : 33))};
}

inline QString randomWgLabel(QRandomGenerator &random)
{
    static const QString letters = QStringLiteral("abcdefghijklmnopqrstuvwxyz0123456789");
    QString label;
    const int length = 1 + int(random.bounded(10));
    for (int i = 0; i < length; ++i)
        label += letters[int(random.bounded(i == 0 ? 26 : letters.size()))];
    if (length > 2 && random.bounded(4) == 0)
        label[1] = u'-';
    return label;
}

inline QString randomWgHostName(QRandomGenerator &random)
{
    QStringList labels;
    const int count = 1 + int(random.bounded(3));
    for (int i = 0; i < count; ++i)
        labels << randomWgLabel(random);
    return labels.join(u'.');
}

inline QString randomWgComment(QRandomGenerator &random)
{
    static const QString chars =
        QStringLiteral("abc XYZ 019 =#;[]$`'\"\\-_.:/äöü漢字") + QChar(0x263a);
    if (random.bounded(3) == 0)
        return QStringLiteral("Name = ") + randomWgLabel(random);
    QString text;
    const int length = int(random.bounded(30));
    for (int i = 0; i < length; ++i)
        text += chars[int(random.bounded(chars.size()))];
    return text.trimmed();
}

inline QStringList randomWgComments(QRandomGenerator &random)
{
    QStringList comments;
    const int count = random.bounded(4) == 0 ? int(random.bounded(3)) + 1 : 0;
    for (int i = 0; i < count; ++i)
        comments << randomWgComment(random);
    return comments;
}

// A valid config; with serverHooks, hook lines such as the server writes.
inline WgQuickConfig randomWgQuickConfig(QRandomGenerator &random, bool serverHooks)
{
    WgQuickConfig config;
    WgInterface &in = config.interface;
    in.comments = randomWgComments(random);
    in.privateKey = randomWgKey(random);
    for (int i = int(random.bounded(4)); i > 0; --i)
        in.addresses << randomWgCidr(random);
    if (random.bounded(2))
        in.listenPort = quint16(random.bounded(65536));
    for (int i = int(random.bounded(3)); i > 0; --i)
        in.dns << randomWgAddress(random, random.bounded(2) == 1);
    for (int i = int(random.bounded(3)); i > 0; --i)
        in.dnsSearch << randomWgHostName(random);
    if (random.bounded(2))
        in.mtu = 576 + int(random.bounded(65536 - 576));
    static const QStringList tables = {QStringLiteral("off"), QStringLiteral("auto"),
                                       QStringLiteral("1234"), QStringLiteral("vpn_table")};
    if (random.bounded(2))
        in.table = tables[int(random.bounded(tables.size()))];
    if (random.bounded(2))
        in.fwMark = random.bounded(3) == 0 ? 0u : random.generate();
    if (random.bounded(2))
        in.saveConfig = random.bounded(2) == 1;
    if (serverHooks && random.bounded(2)) {
        in.hooks.postUp << QStringLiteral("iptables -A FORWARD -i %i -j ACCEPT; "
                                          "iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE");
        in.hooks.postDown << QStringLiteral("iptables -D FORWARD -i %i -j ACCEPT");
        if (random.bounded(2))
            in.hooks.preUp << QStringLiteral("sysctl -w net.ipv4.ip_forward=1");
        if (random.bounded(2))
            in.hooks.preDown << QStringLiteral("logger wg down");
    }
    for (int p = int(random.bounded(6)); p > 0; --p) {
        WgPeer peer;
        peer.comments = randomWgComments(random);
        peer.publicKey = randomWgKey(random);
        if (random.bounded(2))
            peer.presharedKey = randomWgKey(random);
        for (int i = int(random.bounded(4)); i > 0; --i)
            peer.allowedIps << randomWgCidr(random);
        switch (random.bounded(4)) {
        case 0:
            break;
        case 1:
            peer.endpointHost = randomWgAddress(random, false).toString();
            break;
        case 2:
            peer.endpointHost = randomWgAddress(random, true).toString();
            break;
        default:
            peer.endpointHost = randomWgHostName(random);
        }
        if (!peer.endpointHost.isEmpty())
            peer.endpointPort = quint16(1 + random.bounded(65535));
        if (random.bounded(2))
            peer.persistentKeepalive = quint16(random.bounded(65536));
        config.peers << peer;
    }
    if (random.bounded(5) == 0)
        config.trailingComments << randomWgComment(random);
    return config;
}

// Only what wg(8) reads: no Address, DNS, MTU, Table, hooks, SaveConfig
// and no comments.
inline WgQuickConfig wgFieldsOnly(WgQuickConfig config)
{
    WgInterface in;
    in.privateKey = config.interface.privateKey;
    in.listenPort = config.interface.listenPort;
    in.fwMark = config.interface.fwMark;
    config.interface = in;
    config.trailingComments.clear();
    for (WgPeer &peer : config.peers)
        peer.comments.clear();
    return config;
}

} // namespace hm::vpn::testing
