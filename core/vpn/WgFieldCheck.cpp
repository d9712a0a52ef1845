#include "vpn/WgFieldCheck.h"

#include <QByteArray>
#include <QJsonObject>

namespace hm::vpn {

namespace {

bool wgCheckIsControl(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0x2028 || u == 0x2029;
}

bool wgCheckIsAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool wgCheckIsHexDigit(QChar c)
{
    return wgCheckIsAsciiDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

bool wgCheckIsBase64Char(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || wgCheckIsAsciiDigit(c) ||
           c == u'+' || c == u'/';
}

std::optional<quint32> wgCheckParseUnsigned(QStringView text, quint32 max)
{
    if (text.isEmpty() || text.size() > 10)
        return std::nullopt;
    quint64 value = 0;
    for (const QChar c : text) {
        if (!wgCheckIsAsciiDigit(c))
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    if (value > max)
        return std::nullopt;
    return quint32(value);
}

bool wgCheckIsIpv4(QStringView text)
{
    int parts = 0;
    for (const QStringView part : text.split(u'.')) {
        ++parts;
        if (part.isEmpty() || part.size() > 3 || (part.size() > 1 && part[0] == u'0'))
            return false;
        if (!wgCheckParseUnsigned(part, 255))
            return false;
    }
    return parts == 4;
}

} // namespace

Error wgFieldError(const QString &field, const QString &reason)
{
    return Error{ErrorCode::ValidationError, field + QStringLiteral(": ") + reason,
                 QJsonObject{{QStringLiteral("field"), field}}};
}

Status checkInterfaceName(QStringView name)
{
    const QString field = QStringLiteral("InterfaceName");
    if (name.isEmpty() || name.size() > 15)
        return wgFieldError(field, QStringLiteral("must be 1 to 15 characters"));
    for (const QChar c : name) {
        const bool ok = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') ||
                        wgCheckIsAsciiDigit(c) || c == u'_' || c == u'=' || c == u'+' ||
                        c == u'.' || c == u'-';
        if (!ok)
            return wgFieldError(field,
                                QStringLiteral("only letters, digits and _=+.- are allowed"));
    }
    return {};
}

Status checkKey(const QString &field, QStringView key)
{
    const Error bad = wgFieldError(field, QStringLiteral("not a WireGuard key (44 characters of "
                                                         "base64 for 32 bytes)"));
    if (key.size() != 44 || key[43] != u'=')
        return bad;
    for (qsizetype i = 0; i < 43; ++i)
        if (!wgCheckIsBase64Char(key[i]))
            return bad;
    // The last character before '=' carries 4 bits of the 32nd byte and
    // 2 zero bits: only the canonical encodings are keys.
    const QByteArray decoded = QByteArray::fromBase64(key.toLatin1());
    if (decoded.size() != 32 || decoded.toBase64() != key.toLatin1())
        return bad;
    return {};
}

std::optional<QHostAddress> parseIpLiteral(QStringView text)
{
    if (text.isEmpty() || text.size() > 45)
        return std::nullopt;
    if (text.contains(u':')) {
        for (const QChar c : text)
            if (!(wgCheckIsHexDigit(c) || c == u':' || c == u'.'))
                return std::nullopt;
        // An embedded IPv4 part must be a strict dotted quad too.
        const qsizetype lastColon = text.lastIndexOf(u':');
        if (text.indexOf(u'.') >= 0 && !wgCheckIsIpv4(text.mid(lastColon + 1)))
            return std::nullopt;
        QHostAddress address;
        if (!address.setAddress(text.toString()) ||
            address.protocol() != QAbstractSocket::IPv6Protocol)
            return std::nullopt;
        return address;
    }
    if (!wgCheckIsIpv4(text))
        return std::nullopt;
    QHostAddress address;
    if (!address.setAddress(text.toString()))
        return std::nullopt;
    return address;
}

std::optional<WgCidr> parseCidr(QStringView text)
{
    const qsizetype slash = text.indexOf(u'/');
    const auto address = parseIpLiteral(slash < 0 ? text : text.left(slash));
    if (!address)
        return std::nullopt;
    const int maxLength = address->protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32;
    int length = maxLength;
    if (slash >= 0) {
        const QStringView lengthText = text.mid(slash + 1);
        if (lengthText.size() > 3 || (lengthText.size() > 1 && lengthText[0] == u'0'))
            return std::nullopt;
        const auto parsed = wgCheckParseUnsigned(lengthText, quint32(maxLength));
        if (!parsed)
            return std::nullopt;
        length = int(*parsed);
    }
    return WgCidr{*address, length};
}

Status checkCidr(const QString &field, QStringView text)
{
    if (!parseCidr(text))
        return wgFieldError(field, QStringLiteral("not an IP address with an optional /prefix"));
    return {};
}

bool isValidHostName(QStringView host)
{
    if (host.isEmpty() || host.size() > 253)
        return false;
    if (parseIpLiteral(host))
        return true;
    bool allNumeric = true;
    for (const QStringView label : host.split(u'.')) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
            return false;
        for (const QChar c : label) {
            const bool ok = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') ||
                            wgCheckIsAsciiDigit(c) || c == u'-';
            if (!ok)
                return false;
            if (!wgCheckIsAsciiDigit(c))
                allNumeric = false;
        }
    }
    // "1.2.3" or "010.0.0.1" are not names, and not addresses either.
    return !allNumeric;
}

Status checkEndpointHost(const QString &field, QStringView host)
{
    if (!isValidHostName(host))
        return wgFieldError(field,
                            QStringLiteral("the host is neither a DNS name nor an IP address"));
    return {};
}

std::optional<std::pair<QString, quint16>> parseEndpoint(QStringView text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    QStringView host = text.left(colon);
    const QStringView portText = text.mid(colon + 1);
    if (host.startsWith(u'[')) {
        if (!host.endsWith(u']') || host.size() < 3)
            return std::nullopt;
        host = host.mid(1, host.size() - 2);
        const auto address = parseIpLiteral(host);
        if (!address || address->protocol() != QAbstractSocket::IPv6Protocol)
            return std::nullopt;
    } else if (host.contains(u':') || !isValidHostName(host)) {
        return std::nullopt;
    }
    if (portText.size() > 1 && portText[0] == u'0')
        return std::nullopt;
    const auto port = wgCheckParseUnsigned(portText, 65535);
    if (!port || *port == 0)
        return std::nullopt;
    return std::pair{host.toString(), quint16(*port)};
}

Status checkDnsEntry(const QString &field, QStringView entry)
{
    if (!isValidHostName(entry))
        return wgFieldError(field, QStringLiteral("neither an IP address nor a search domain"));
    return {};
}

Status checkCommentText(const QString &field, QStringView text)
{
    if (text.size() > 256)
        return wgFieldError(field, QStringLiteral("longer than 256 characters"));
    for (const QChar c : text)
        if (wgCheckIsControl(c))
            return wgFieldError(field,
                                QStringLiteral("contains a line break or control character"));
    if (text != text.trimmed())
        return wgFieldError(field, QStringLiteral("starts or ends with white space"));
    return {};
}

Status checkHookLine(const QString &field, QStringView line)
{
    if (line.trimmed().isEmpty())
        return wgFieldError(field, QStringLiteral("is empty"));
    for (const QChar c : line)
        if (wgCheckIsControl(c))
            return wgFieldError(field,
                                QStringLiteral("contains a line break or control character"));
    if (line.contains(u'#'))
        return wgFieldError(field,
                            QStringLiteral("contains '#', which wg-quick reads as a comment"));
    if (line != line.trimmed())
        return wgFieldError(field, QStringLiteral("starts or ends with white space"));
    return {};
}

Status checkTable(QStringView table)
{
    const QString field = QStringLiteral("Table");
    if (table == u"off" || table == u"auto")
        return {};
    if (wgCheckParseUnsigned(table, 0xffffffffu) && !(table.size() > 1 && table[0] == u'0'))
        return {};
    bool ok = !table.isEmpty() && table.size() <= 31 && !wgCheckIsAsciiDigit(table[0]);
    for (const QChar c : table)
        ok = ok && ((c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') ||
                    wgCheckIsAsciiDigit(c) || c == u'_' || c == u'-');
    if (!ok)
        return wgFieldError(field, QStringLiteral("must be off, auto, a number or a table name"));
    return {};
}

Status checkApiField(QStringView field, QStringView value)
{
    const auto is = [field](QStringView name) {
        return field.compare(name, Qt::CaseInsensitive) == 0;
    };
    if (is(u"PreUp") || is(u"PostUp") || is(u"PreDown") || is(u"PostDown"))
        return wgFieldError(field.toString(),
                            QStringLiteral("hook commands are never accepted from API input"));
    if (is(u"PrivateKey") || is(u"PublicKey") || is(u"PresharedKey"))
        return checkKey(field.toString(), value);
    if (is(u"Address") || is(u"AllowedIPs"))
        return checkCidr(field.toString(), value);
    if (is(u"Endpoint")) {
        if (!parseEndpoint(value))
            return wgFieldError(field.toString(),
                                QStringLiteral("not host:port (IPv6 in brackets, port 1..65535)"));
        return {};
    }
    if (is(u"DNS"))
        return checkDnsEntry(field.toString(), value);
    if (is(u"ListenPort") || is(u"PersistentKeepalive")) {
        if (!wgCheckParseUnsigned(value, 65535) || (value.size() > 1 && value[0] == u'0'))
            return wgFieldError(field.toString(), QStringLiteral("not a number 0..65535"));
        return {};
    }
    if (is(u"MTU")) {
        const auto mtu = wgCheckParseUnsigned(value, 65535);
        if (!mtu || *mtu < 576)
            return wgFieldError(field.toString(), QStringLiteral("not a number 576..65535"));
        return {};
    }
    if (is(u"FwMark")) {
        if (value != u"off" && !wgCheckParseUnsigned(value, 0xffffffffu))
            return wgFieldError(field.toString(), QStringLiteral("not off or a number"));
        return {};
    }
    if (is(u"Table"))
        return checkTable(value);
    if (is(u"SaveConfig")) {
        if (value != u"true" && value != u"false")
            return wgFieldError(field.toString(), QStringLiteral("not true or false"));
        return {};
    }
    if (is(u"InterfaceName"))
        return checkInterfaceName(value);
    if (is(u"Name") || is(u"Description") || is(u"Comment")) {
        if (value.trimmed().isEmpty())
            return wgFieldError(field.toString(), QStringLiteral("is empty"));
        if (auto checked = checkCommentText(field.toString(), value); !checked)
            return checked;
        // Stricter than a comment needs: a name may end up in a log line,
        // a file name or a generated command one day.
        for (const QChar c : value)
            if (QStringView(u"[]=;$`#\\\"'").contains(c))
                return wgFieldError(field.toString(),
                                    QStringLiteral("contains one of [ ] = ; $ ` \\ # \" '"));
        return {};
    }
    return wgFieldError(QStringLiteral("field"), QStringLiteral("unknown WireGuard field"));
}

Status checkConfig(const WgQuickConfig &config, HookSource hooks)
{
    const auto checkComments = [](const QString &field, const QStringList &comments) -> Status {
        for (const QString &comment : comments)
            if (auto checked = checkCommentText(field, comment); !checked)
                return checked;
        return {};
    };
    const WgInterface &in = config.interface;
    if (auto c = checkComments(QStringLiteral("Interface comment"), in.comments); !c)
        return c;
    if (auto c = checkKey(QStringLiteral("PrivateKey"), in.privateKey); !c)
        return c;
    for (const WgCidr &cidr : in.addresses)
        if (auto c = checkCidr(QStringLiteral("Address"), cidr.toString()); !c)
            return c;
    for (const QHostAddress &dns : in.dns)
        if (auto c = checkDnsEntry(QStringLiteral("DNS"), dns.toString()); !c)
            return c;
    for (const QString &search : in.dnsSearch) {
        // A search domain that reads as an IP literal would come back as a resolver.
        if (parseIpLiteral(search) || !isValidHostName(search))
            return wgFieldError(QStringLiteral("DNS"), QStringLiteral("not a search domain"));
    }
    if (in.mtu && (*in.mtu < 576 || *in.mtu > 65535))
        return wgFieldError(QStringLiteral("MTU"), QStringLiteral("not a number 576..65535"));
    if (!in.table.isEmpty())
        if (auto c = checkTable(in.table); !c)
            return c;
    if (hooks == HookSource::ApiInput && !in.hooks.isEmpty()) {
        const QString field = !in.hooks.preUp.isEmpty()     ? QStringLiteral("PreUp")
                              : !in.hooks.postUp.isEmpty()  ? QStringLiteral("PostUp")
                              : !in.hooks.preDown.isEmpty() ? QStringLiteral("PreDown")
                                                            : QStringLiteral("PostDown");
        return wgFieldError(field,
                            QStringLiteral("hook commands are never accepted from API input"));
    }
    const std::pair<QString, const QStringList *> hookLists[] = {
        {QStringLiteral("PreUp"), &in.hooks.preUp},
        {QStringLiteral("PostUp"), &in.hooks.postUp},
        {QStringLiteral("PreDown"), &in.hooks.preDown},
        {QStringLiteral("PostDown"), &in.hooks.postDown},
    };
    for (const auto &[field, lines] : hookLists)
        for (const QString &line : *lines)
            if (auto c = checkHookLine(field, line); !c)
                return c;
    for (const WgPeer &peer : config.peers) {
        if (auto c = checkComments(QStringLiteral("Peer comment"), peer.comments); !c)
            return c;
        if (auto c = checkKey(QStringLiteral("PublicKey"), peer.publicKey); !c)
            return c;
        if (!peer.presharedKey.isEmpty())
            if (auto c = checkKey(QStringLiteral("PresharedKey"), peer.presharedKey); !c)
                return c;
        for (const WgCidr &cidr : peer.allowedIps)
            if (auto c = checkCidr(QStringLiteral("AllowedIPs"), cidr.toString()); !c)
                return c;
        if (!peer.endpointHost.isEmpty() || peer.endpointPort != 0) {
            if (auto c = checkEndpointHost(QStringLiteral("Endpoint"), peer.endpointHost); !c)
                return c;
            if (peer.endpointPort == 0)
                return wgFieldError(QStringLiteral("Endpoint"), QStringLiteral("port 0"));
        }
    }
    if (auto c = checkComments(QStringLiteral("Trailing comment"), config.trailingComments); !c)
        return c;
    return {};
}

QString WgPeer::name() const
{
    for (const QString &comment : comments) {
        const qsizetype eq = comment.indexOf(u'=');
        if (eq > 0 &&
            QStringView(comment).left(eq).trimmed().compare(u"Name", Qt::CaseInsensitive) == 0)
            return QStringView(comment).mid(eq + 1).trimmed().toString();
    }
    return {};
}

} // namespace hm::vpn
