#pragma once

// `wg show <if> dump` and `wg show all dump` output (wg(8)): one line per
// interface (private-key, public-key, listen-port, fwmark) followed by its
// peers (public-key, preshared-key, endpoint, allowed-ips,
// latest-handshake, transfer-rx, transfer-tx, persistent-keepalive), tab
// separated; the "all" form has the interface name in front of each line.
//
// The interface's private key is skipped while reading and never copied
// into the result; a peer's preshared key is reduced to whether one is
// set. (The input buffer still holds them: the caller clears it.)
// Split on tabs and newlines over the bytes, no regular expressions:
// 10,000 peers take a few milliseconds (tests/bench/BenchWgDump).

#include "common/Result.h"
#include "vpn/WgQuickConfig.h"

#include <QByteArrayView>
#include <QJsonObject>

class QDebug;

namespace hm::vpn {

struct WgDumpInterface
{
    QString name;
    QString publicKey;
    quint16 listenPort = 0;
    quint32 fwMark = 0; // 0: off
    bool operator==(const WgDumpInterface &) const = default;
};

struct WgDumpPeer
{
    QString interfaceName;
    QString publicKey;
    bool hasPresharedKey = false;
    QString endpointHost; // empty: "(none)"; IPv6 without brackets
    quint16 endpointPort = 0;
    QList<WgCidr> allowedIps;   // "(none)": empty
    qint64 latestHandshake = 0; // unix seconds, 0: never
    quint64 transferRx = 0;
    quint64 transferTx = 0;
    quint16 persistentKeepalive = 0; // 0: "off"
    bool operator==(const WgDumpPeer &) const = default;
};

struct WgDump
{
    QList<WgDumpInterface> interfaces;
    QList<WgDumpPeer> peers;
    bool operator==(const WgDump &) const = default;
};

// `wg show <interfaceName> dump`.
Result<WgDump> parseWgDump(QByteArrayView text, const QString &interfaceName);
// The interface line and only the peers of `publicKeys` (those the dump
// has, in the dump's order) of `wg show <interfaceName> dump`: what a
// change that removes a few peers needs of 10,000. Each wanted line is
// found by its key and parsed as parseWgDump() parses it; the other peer
// lines are not read, so a malformed one among them is not seen. Held
// against parseWgDump() filtered by key (TestWgDump).
Result<WgDump> parseWgDumpPeers(QByteArrayView text, const QString &interfaceName,
                                const QStringList &publicKeys);
// `wg show all dump`.
Result<WgDump> parseWgDumpAll(QByteArrayView text);

QJsonObject wgDumpToJson(const WgDump &dump);

} // namespace hm::vpn

QDebug operator<<(QDebug debug, const hm::vpn::WgDump &dump);
