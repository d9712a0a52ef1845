#pragma once

// A wg-quick configuration file (wg-quick(8), wg(8) CONFIGURATION FILE
// FORMAT) as plain values. WgQuickText reads and writes the text,
// WgFieldCheck says what is wrong with a field before it reaches a file or
// a command. Addresses are QHostAddress + prefix length pairs here (no
// dependency on the address plan's types).

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace hm::vpn {

// An address with its prefix length: "10.0.0.1/24", "fd00::/64". A value
// written without a prefix ("10.0.0.1") reads as the full length (/32,
// /128), which is what wg and ip(8) make of it.
struct WgCidr
{
    QHostAddress address;
    int prefixLength = 0;

    QString toString() const { return address.toString() + u'/' + QString::number(prefixLength); }
    bool operator==(const WgCidr &) const = default;
};

// PreUp / PostUp / PreDown / PostDown: shell commands wg-quick runs as
// root. Only hooks the server generates itself are ever rendered; the
// parser never puts hooks read from a file into a WgQuickConfig but hands
// them back apart (WgQuickImport::importedHooks) so the caller refuses or
// drops them, and WgFieldCheck refuses hook fields from API input.
struct WgHooks
{
    QStringList preUp;
    QStringList postUp;
    QStringList preDown;
    QStringList postDown;

    bool isEmpty() const
    {
        return preUp.isEmpty() && postUp.isEmpty() && preDown.isEmpty() && postDown.isEmpty();
    }
    bool operator==(const WgHooks &) const = default;
};

struct WgInterface
{
    // Comment lines written above "[Interface]", without the '#' and the
    // spaces around the text.
    QStringList comments;
    QString privateKey; // base64, 44 characters; a secret
    QList<WgCidr> addresses;
    std::optional<quint16> listenPort;
    QList<QHostAddress> dns; // DNS entries that are IP addresses
    QStringList dnsSearch;   // DNS entries that are search domains
    std::optional<int> mtu;
    QString table;                 // empty: not set; "off", "auto", a number or a table name
    std::optional<quint32> fwMark; // "off" reads as 0
    WgHooks hooks;                 // server-generated only, see WgHooks
    std::optional<bool> saveConfig;

    bool operator==(const WgInterface &) const = default;
};

struct WgPeer
{
    // Comment lines written above "[Peer]". Imported peers keep their
    // names this way: "# Name = laptop" gives the comment "Name = laptop".
    QStringList comments;
    QString publicKey;
    QString presharedKey; // empty: none; a secret
    QList<WgCidr> allowedIps;
    QString endpointHost; // empty: no endpoint; IPv6 literals without brackets
    quint16 endpointPort = 0;
    std::optional<quint16> persistentKeepalive; // "off" reads as 0

    // The value of a "Name = ..." comment line, empty if there is none.
    QString name() const;
    bool operator==(const WgPeer &) const = default;
};

struct WgQuickConfig
{
    WgInterface interface;
    QList<WgPeer> peers;
    // Comment lines after the last key of the file.
    QStringList trailingComments;

    bool operator==(const WgQuickConfig &) const = default;
};

} // namespace hm::vpn
