#include "vpn/WgDump.h"

#include "vpn/WgFieldCheck.h"

#include <QDebug>
#include <QJsonArray>
#include <algorithm>
#include <array>
#include <limits>
#include <optional>

namespace hm::vpn {

namespace {

constexpr QByteArrayView kWgDumpNone("(none)");

Error wgDumpError(int line, const char *what)
{
    // Never the line itself: an interface line holds the private key.
    return Error{ErrorCode::ValidationError,
                 QStringLiteral("wg dump line %1: %2").arg(line).arg(QLatin1String(what)),
                 QJsonObject{{QStringLiteral("line"), line}}};
}

bool wgDumpNumber(QByteArrayView text, quint64 max, quint64 &out)
{
    if (text.isEmpty() || text.size() > 20)
        return false;
    quint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
        const quint64 digit = quint64(c - '0');
        if (value > (max - digit) / 10)
            return false;
        value = value * 10 + digit;
    }
    out = value;
    return true;
}

bool wgDumpHex(QByteArrayView text, quint32 &out)
{
    if (text.size() < 3 || text.size() > 10 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        return false;
    quint32 value = 0;
    for (const char c : text.sliced(2)) {
        quint32 digit;
        if (c >= '0' && c <= '9')
            digit = quint32(c - '0');
        else if (c >= 'a' && c <= 'f')
            digit = quint32(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            digit = quint32(c - 'A' + 10);
        else
            return false;
        value = value * 16 + digit;
    }
    out = value;
    return true;
}

// A public key as wg prints it: 43 base64 characters and '='. The string
// is built from the checked Latin-1 bytes.
bool wgDumpKey(QByteArrayView text, QString &out)
{
    if (text.size() != 44 || text[43] != '=')
        return false;
    static constexpr auto base64 = [] {
        std::array<bool, 256> table{};
        for (int c = 0; c < 256; ++c)
            table[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '+' || c == '/';
        return table;
    }();
    bool ok = true;
    for (qsizetype i = 0; i < 43; ++i)
        ok &= base64[quint8(text[i])];
    if (!ok)
        return false;
    out = QString::fromLatin1(text);
    return true;
}

// IPv6 text of hex groups with at most one "::" (what wg prints: no
// embedded IPv4 part, which the caller hands to parseIpLiteral).
bool wgDumpIpv6(QByteArrayView text, Q_IPV6ADDR &out)
{
    quint16 groups[8] = {};
    int count = 0;
    int gap = -1; // index in groups where "::" stands
    qsizetype i = 0;
    const qsizetype n = text.size();
    if (n < 2 || n > 39)
        return false;
    if (text[0] == ':') {
        if (text[1] != ':')
            return false;
        gap = 0;
        i = 2;
        if (i == n) {
            std::fill(std::begin(out.c), std::end(out.c), quint8(0));
            return true;
        }
    }
    while (i < n) {
        quint32 value = 0;
        int digits = 0;
        while (i < n && text[i] != ':') {
            const char c = text[i];
            quint32 digit;
            if (c >= '0' && c <= '9')
                digit = quint32(c - '0');
            else if (c >= 'a' && c <= 'f')
                digit = quint32(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                digit = quint32(c - 'A' + 10);
            else
                return false;
            value = value * 16 + digit;
            if (++digits > 4)
                return false;
            ++i;
        }
        if (digits == 0 || count == 8)
            return false;
        groups[count++] = quint16(value);
        if (i == n)
            break;
        ++i; // ':'
        if (i < n && text[i] == ':') {
            if (gap >= 0)
                return false;
            gap = count;
            ++i;
            if (i == n)
                break;
        } else if (i == n) {
            return false; // a trailing single ':'
        }
    }
    if (gap < 0 ? count != 8 : count > 7)
        return false;
    quint16 full[8] = {};
    if (gap < 0) {
        std::copy(groups, groups + 8, full);
    } else {
        std::copy(groups, groups + gap, full);
        std::copy(groups + gap, groups + count, full + 8 - (count - gap));
    }
    for (int g = 0; g < 8; ++g) {
        out.c[2 * g] = quint8(full[g] >> 8);
        out.c[2 * g + 1] = quint8(full[g] & 0xff);
    }
    return true;
}

bool wgDumpCidr(QByteArrayView text, WgCidr &out)
{
    const qsizetype slash = text.indexOf('/');
    if (slash <= 0)
        return false;
    const QByteArrayView addressText = text.first(slash);
    quint64 length = 0;
    if (!wgDumpNumber(text.sliced(slash + 1), 128, length))
        return false;
    // Fast path for IPv4, what most allowed-ips are.
    if (!addressText.contains(':')) {
        quint32 ip = 0;
        int parts = 0;
        qsizetype start = 0;
        while (start <= addressText.size()) {
            qsizetype dot = addressText.indexOf('.', start);
            if (dot < 0)
                dot = addressText.size();
            quint64 part = 0;
            if (!wgDumpNumber(addressText.sliced(start, dot - start), 255, part))
                return false;
            ip = (ip << 8) | quint32(part);
            ++parts;
            start = dot + 1;
        }
        if (parts != 4 || length > 32)
            return false;
        out.address = QHostAddress(ip);
        out.prefixLength = int(length);
        return true;
    }
    if (length > 128)
        return false;
    Q_IPV6ADDR raw;
    if (wgDumpIpv6(addressText, raw)) {
        out.address = QHostAddress(raw);
    } else {
        // Forms the fast path leaves out (an embedded IPv4 part).
        const auto address = parseIpLiteral(QString::fromLatin1(addressText));
        if (!address)
            return false;
        out.address = *address;
    }
    out.prefixLength = int(length);
    return true;
}

bool wgDumpEndpoint(QByteArrayView text, WgDumpPeer &peer)
{
    if (text == kWgDumpNone)
        return true;
    const qsizetype colon = text.lastIndexOf(':');
    if (colon <= 0)
        return false;
    QByteArrayView host = text.first(colon);
    quint64 port = 0;
    if (!wgDumpNumber(text.sliced(colon + 1), 65535, port))
        return false;
    if (host.startsWith('[')) {
        if (host.size() < 3 || !host.endsWith(']'))
            return false;
        host = host.sliced(1, host.size() - 2);
    }
    for (const char c : host) // IP literals, an IPv6 scope ("%eth0")
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              c == '.' || c == ':' || c == '%' || c == '-' || c == '_'))
            return false;
    if (host.isEmpty())
        return false;
    peer.endpointHost = QString::fromLatin1(host);
    peer.endpointPort = quint16(port);
    return true;
}

constexpr int kWgDumpMaxColumns = 9;

// Splits at tabs into at most kWgDumpMaxColumns + 1 columns; returns the count.
int wgDumpColumns(QByteArrayView line, std::array<QByteArrayView, kWgDumpMaxColumns + 1> &columns)
{
    int count = 0;
    qsizetype start = 0;
    while (count <= kWgDumpMaxColumns) {
        const qsizetype tab = line.indexOf('\t', start);
        if (tab < 0) {
            columns[count++] = line.sliced(start);
            return count;
        }
        columns[count++] = line.sliced(start, tab - start);
        start = tab + 1;
    }
    return count;
}

std::optional<Error> wgDumpInterfaceLine(int lineNumber, const QByteArrayView *columns,
                                         const QString &name, WgDump &dump)
{
    // columns[0] is the private key: skipped, never read.
    WgDumpInterface in;
    in.name = name;
    if (columns[1] != kWgDumpNone && !wgDumpKey(columns[1], in.publicKey))
        return wgDumpError(lineNumber, "the interface's public key is not a key");
    quint64 port = 0;
    if (!wgDumpNumber(columns[2], 65535, port))
        return wgDumpError(lineNumber, "the listen port is not a port");
    in.listenPort = quint16(port);
    if (columns[3] != QByteArrayView("off")) {
        quint64 decimal = 0;
        if (wgDumpNumber(columns[3], 0xffffffffu, decimal))
            in.fwMark = quint32(decimal);
        else if (!wgDumpHex(columns[3], in.fwMark))
            return wgDumpError(lineNumber, "the fwmark is neither off nor a number");
    }
    dump.interfaces.append(std::move(in));
    return std::nullopt;
}

bool wgDumpPeerLine(const QByteArrayView *columns, const QString &interfaceName, WgDumpPeer &peer)
{
    peer.interfaceName = interfaceName;
    if (!wgDumpKey(columns[0], peer.publicKey))
        return false;
    if (columns[1] != kWgDumpNone) {
        QString ignored;
        if (!wgDumpKey(columns[1], ignored))
            return false;
        peer.hasPresharedKey = true; // the key itself is not kept
    }
    if (!wgDumpEndpoint(columns[2], peer))
        return false;
    if (columns[3] != kWgDumpNone) {
        qsizetype start = 0;
        const QByteArrayView list = columns[3];
        while (start <= list.size()) {
            qsizetype comma = list.indexOf(',', start);
            if (comma < 0)
                comma = list.size();
            WgCidr cidr;
            if (!wgDumpCidr(list.sliced(start, comma - start), cidr))
                return false;
            peer.allowedIps.append(std::move(cidr));
            start = comma + 1;
        }
    }
    quint64 handshake = 0;
    if (!wgDumpNumber(columns[4], quint64(std::numeric_limits<qint64>::max()), handshake) ||
        !wgDumpNumber(columns[5], std::numeric_limits<quint64>::max(), peer.transferRx) ||
        !wgDumpNumber(columns[6], std::numeric_limits<quint64>::max(), peer.transferTx))
        return false;
    peer.latestHandshake = qint64(handshake);
    if (columns[7] != QByteArrayView("off")) {
        quint64 keepalive = 0;
        if (!wgDumpNumber(columns[7], 65535, keepalive))
            return false;
        peer.persistentKeepalive = quint16(keepalive);
    }
    return true;
}

// The line at `pos` (without its newline); `pos` moves past it and
// `lineNumber` counts it.
QByteArrayView wgDumpNextLine(QByteArrayView text, qsizetype &pos, int &lineNumber)
{
    qsizetype end = text.indexOf('\n', pos);
    if (end < 0)
        end = text.size();
    const QByteArrayView line = text.sliced(pos, end - pos);
    pos = end + 1;
    ++lineNumber;
    return line;
}

Result<WgDump> wgDumpParse(QByteArrayView text, const QString *singleInterface)
{
    WgDump dump;
    std::array<QByteArrayView, kWgDumpMaxColumns + 1> columns;
    const int offset = singleInterface ? 0 : 1;
    QString currentName;
    if (singleInterface) {
        if (auto checked = checkInterfaceName(*singleInterface); !checked)
            return checked.error();
        currentName = *singleInterface;
    }
    bool expectInterface = true;
    int lineNumber = 0;
    qsizetype pos = 0;
    dump.peers.reserve(qsizetype(std::count(text.begin(), text.end(), '\n')) + 1);
    while (pos < text.size()) {
        const QByteArrayView line = wgDumpNextLine(text, pos, lineNumber);
        if (line.isEmpty())
            continue;
        const int count = wgDumpColumns(line, columns);
        if (!singleInterface) {
            if (count != 5 && count != 9)
                return wgDumpError(lineNumber, "neither an interface nor a peer line");
            const QByteArrayView name = columns[0];
            if (count == 5) {
                const QString nameText = QString::fromLatin1(name);
                if (!checkInterfaceName(nameText))
                    return wgDumpError(lineNumber, "not an interface name");
                for (const WgDumpInterface &seen : dump.interfaces)
                    if (seen.name == nameText)
                        return wgDumpError(lineNumber, "an interface listed twice");
                currentName = nameText;
                expectInterface = true;
            } else if (name != QByteArrayView(currentName.toLatin1()) || expectInterface) {
                return wgDumpError(lineNumber, "a peer line outside its interface");
            }
        }
        if (expectInterface) {
            if (count != 4 + offset)
                return wgDumpError(lineNumber, "not an interface line");
            if (auto failed =
                    wgDumpInterfaceLine(lineNumber, columns.data() + offset, currentName, dump))
                return *failed;
            expectInterface = false;
            continue;
        }
        if (count != 8 + offset)
            return wgDumpError(lineNumber, "not a peer line");
        WgDumpPeer peer;
        if (!wgDumpPeerLine(columns.data() + offset, currentName, peer))
            return wgDumpError(lineNumber, "a peer field is malformed");
        dump.peers.append(std::move(peer));
    }
    if (singleInterface && dump.interfaces.isEmpty())
        return wgDumpError(lineNumber, "no interface line");
    return dump;
}

} // namespace

Result<WgDump> parseWgDump(QByteArrayView text, const QString &interfaceName)
{
    return wgDumpParse(text, &interfaceName);
}

Result<WgDump> parseWgDumpAll(QByteArrayView text)
{
    return wgDumpParse(text, nullptr);
}

Result<WgDump> parseWgDumpPeers(QByteArrayView text, const QString &interfaceName,
                                const QStringList &publicKeys)
{
    if (auto checked = checkInterfaceName(interfaceName); !checked)
        return checked.error();
    WgDump dump;
    std::array<QByteArrayView, kWgDumpMaxColumns + 1> columns;
    // The interface line first, checked as the whole parse checks it.
    qsizetype pos = 0;
    int lineNumber = 0;
    while (pos < text.size() && dump.interfaces.isEmpty()) {
        const QByteArrayView line = wgDumpNextLine(text, pos, lineNumber);
        if (line.isEmpty())
            continue;
        if (wgDumpColumns(line, columns) != 4)
            return wgDumpError(lineNumber, "not an interface line");
        if (auto failed = wgDumpInterfaceLine(lineNumber, columns.data(), interfaceName, dump))
            return *failed;
    }
    if (dump.interfaces.isEmpty())
        return wgDumpError(lineNumber, "no interface line");
    // Then only the wanted peers' lines: a key at the start of a line,
    // followed by a tab, is that peer's line (nothing else starts a line).
    const QByteArrayView peers = text.sliced(qMin(pos, text.size()));
    QList<std::pair<qsizetype, QByteArrayView>> found; // by offset, as wg printed them
    QByteArray needle;
    const auto take = [&](qsizetype at) {
        qsizetype end = peers.indexOf('\n', at);
        if (end < 0)
            end = peers.size();
        found.append({at, peers.sliced(at, end - at)});
    };
    for (const QString &key : publicKeys) {
        needle = key.toLatin1() + '\t';
        if (peers.startsWith(needle))
            take(0);
        // Every line it starts (wg prints a peer once; a dump that does
        // not is read as the whole parse reads it).
        needle.prepend('\n');
        for (qsizetype at = peers.indexOf(needle); at >= 0; at = peers.indexOf(needle, at + 1))
            take(at + 1);
    }
    std::sort(found.begin(), found.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    // A key asked for twice is one peer.
    found.erase(std::unique(found.begin(), found.end(),
                            [](const auto &a, const auto &b) { return a.first == b.first; }),
                found.end());
    for (const auto &[offset, line] : std::as_const(found)) {
        const int number =
            lineNumber + 1 + int(std::count(peers.begin(), peers.begin() + offset, '\n'));
        if (wgDumpColumns(line, columns) != 8)
            return wgDumpError(number, "not a peer line");
        WgDumpPeer peer;
        if (!wgDumpPeerLine(columns.data(), interfaceName, peer))
            return wgDumpError(number, "a peer field is malformed");
        dump.peers.append(std::move(peer));
    }
    return dump;
}

QJsonObject wgDumpToJson(const WgDump &dump)
{
    QJsonArray interfaces;
    for (const WgDumpInterface &in : dump.interfaces)
        interfaces.append(QJsonObject{{QStringLiteral("name"), in.name},
                                      {QStringLiteral("public_key"), in.publicKey},
                                      {QStringLiteral("listen_port"), in.listenPort},
                                      {QStringLiteral("fwmark"), qint64(in.fwMark)}});
    QJsonArray peers;
    for (const WgDumpPeer &peer : dump.peers) {
        QJsonArray allowed;
        for (const WgCidr &cidr : peer.allowedIps)
            allowed.append(cidr.toString());
        peers.append(QJsonObject{
            {QStringLiteral("interface"), peer.interfaceName},
            {QStringLiteral("public_key"), peer.publicKey},
            {QStringLiteral("has_preshared_key"), peer.hasPresharedKey},
            {QStringLiteral("endpoint_host"), peer.endpointHost},
            {QStringLiteral("endpoint_port"), peer.endpointPort},
            {QStringLiteral("allowed_ips"), allowed},
            {QStringLiteral("latest_handshake"), peer.latestHandshake},
            {QStringLiteral("transfer_rx"), QString::number(peer.transferRx)},
            {QStringLiteral("transfer_tx"), QString::number(peer.transferTx)},
            {QStringLiteral("persistent_keepalive"), peer.persistentKeepalive},
        });
    }
    return QJsonObject{{QStringLiteral("interfaces"), interfaces},
                       {QStringLiteral("peers"), peers}};
}

} // namespace hm::vpn

QDebug operator<<(QDebug debug, const hm::vpn::WgDump &dump)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "WgDump(";
    for (const auto &in : dump.interfaces)
        debug << in.name << " " << in.publicKey << " port " << in.listenPort << "; ";
    for (const auto &peer : dump.peers) {
        debug << peer.interfaceName << " peer " << peer.publicKey
              << (peer.hasPresharedKey ? " psk" : "") << " " << peer.endpointHost << ":"
              << peer.endpointPort << " [";
        for (const auto &cidr : peer.allowedIps)
            debug << cidr.toString() << " ";
        debug << "] hs " << peer.latestHandshake << " rx " << peer.transferRx << " tx "
              << peer.transferTx << " ka " << peer.persistentKeepalive << "; ";
    }
    debug << ")";
    return debug;
}
