#include "vpn/WgQuickText.h"

#include "vpn/VpnLogging.h"
#include "vpn/WgFieldCheck.h"

#include <QJsonObject>

namespace hm::vpn::wgquick {

namespace {

Error wgTextLineError(int line, const QString &field, const QString &reason)
{
    QJsonObject details{{QStringLiteral("line"), line}};
    if (!field.isEmpty())
        details.insert(QStringLiteral("field"), field);
    return Error{ErrorCode::ValidationError,
                 QStringLiteral("line %1: ").arg(line) +
                     (field.isEmpty() ? reason : field + QStringLiteral(": ") + reason),
                 details};
}

void wgTextAppendCidrs(QString &out, const char *key, const QList<WgCidr> &cidrs)
{
    if (cidrs.isEmpty())
        return;
    out += QLatin1String(key) + QStringLiteral(" = ");
    for (qsizetype i = 0; i < cidrs.size(); ++i) {
        if (i > 0)
            out += QStringLiteral(", ");
        out += cidrs[i].toString();
    }
    out += u'\n';
}

void wgTextAppendComments(QString &out, const QStringList &comments)
{
    for (const QString &comment : comments)
        out += (comment.isEmpty() ? QStringLiteral("#") : QStringLiteral("# ") + comment) + u'\n';
}

QString wgTextEndpoint(const WgPeer &peer)
{
    const QString host =
        peer.endpointHost.contains(u':') ? u'[' + peer.endpointHost + u']' : peer.endpointHost;
    return host + u':' + QString::number(peer.endpointPort);
}

Result<QString> wgTextRender(const WgQuickConfig &config, bool stripped)
{
    if (auto checked = checkConfig(config, HookSource::Server); !checked)
        return checked.error();
    const WgInterface &in = config.interface;
    QString out;
    out.reserve(256 + config.peers.size() * 200);
    wgTextAppendComments(out, in.comments);
    out += QStringLiteral("[Interface]\n");
    out += QStringLiteral("PrivateKey = ") + in.privateKey + u'\n';
    if (in.listenPort)
        out += QStringLiteral("ListenPort = ") + QString::number(*in.listenPort) + u'\n';
    if (in.fwMark)
        out += QStringLiteral("FwMark = ") +
               (*in.fwMark == 0 ? QStringLiteral("off") : QString::number(*in.fwMark)) + u'\n';
    if (!stripped) {
        wgTextAppendCidrs(out, "Address", in.addresses);
        if (!in.dns.isEmpty() || !in.dnsSearch.isEmpty()) {
            QStringList entries;
            for (const QHostAddress &dns : in.dns)
                entries << dns.toString();
            entries << in.dnsSearch;
            out += QStringLiteral("DNS = ") + entries.join(QStringLiteral(", ")) + u'\n';
        }
        if (in.mtu)
            out += QStringLiteral("MTU = ") + QString::number(*in.mtu) + u'\n';
        if (!in.table.isEmpty())
            out += QStringLiteral("Table = ") + in.table + u'\n';
        const std::pair<const char *, const QStringList *> hooks[] = {
            {"PreUp", &in.hooks.preUp},
            {"PostUp", &in.hooks.postUp},
            {"PreDown", &in.hooks.preDown},
            {"PostDown", &in.hooks.postDown},
        };
        for (const auto &[key, lines] : hooks)
            for (const QString &line : *lines)
                out += QLatin1String(key) + QStringLiteral(" = ") + line + u'\n';
        if (in.saveConfig)
            out += QStringLiteral("SaveConfig = ") +
                   (*in.saveConfig ? QStringLiteral("true") : QStringLiteral("false")) + u'\n';
    }
    for (const WgPeer &peer : config.peers) {
        out += u'\n';
        wgTextAppendComments(out, peer.comments);
        out += QStringLiteral("[Peer]\n");
        out += QStringLiteral("PublicKey = ") + peer.publicKey + u'\n';
        if (!peer.presharedKey.isEmpty())
            out += QStringLiteral("PresharedKey = ") + peer.presharedKey + u'\n';
        wgTextAppendCidrs(out, "AllowedIPs", peer.allowedIps);
        if (!peer.endpointHost.isEmpty())
            out += QStringLiteral("Endpoint = ") + wgTextEndpoint(peer) + u'\n';
        if (peer.persistentKeepalive)
            out += QStringLiteral("PersistentKeepalive = ") +
                   (*peer.persistentKeepalive == 0 ? QStringLiteral("off")
                                                   : QString::number(*peer.persistentKeepalive)) +
                   u'\n';
    }
    if (!config.trailingComments.isEmpty()) {
        out += u'\n';
        wgTextAppendComments(out, config.trailingComments);
    }
    return out;
}

// A number without sign or leading zeros (wg accepts "0x" for FwMark).
std::optional<quint32> wgTextNumber(QStringView text, quint32 max)
{
    if (text.isEmpty() || text.size() > 10 || (text.size() > 1 && text[0] == u'0'))
        return std::nullopt;
    quint64 value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    if (value > max)
        return std::nullopt;
    return quint32(value);
}

enum class WgTextSection
{
    None,
    Interface,
    Peer,
};

} // namespace

Result<QString> render(const WgQuickConfig &config)
{
    return wgTextRender(config, false);
}

Result<QString> renderStripped(const WgQuickConfig &config)
{
    return wgTextRender(config, true);
}

Result<WgQuickImport> parse(QStringView text)
{
    WgQuickImport result;
    WgQuickConfig &config = result.config;
    WgTextSection section = WgTextSection::None;
    bool sawInterface = false;
    bool sawPrivateKey = false;
    QStringList pendingComments;
    int lineNumber = 0;
    int sectionLine = 0;   // the current section's header
    int interfaceLine = 0; // the [Interface] header
    qsizetype pos = 0;
    // Which single-valued keys the current section already set.
    QStringList seenKeys;
    const auto endSection = [&]() -> Status {
        if (section == WgTextSection::Peer && config.peers.last().publicKey.isEmpty())
            return wgTextLineError(sectionLine, QStringLiteral("PublicKey"),
                                   QStringLiteral("the peer has no PublicKey"));
        return {};
    };
    while (pos <= text.size()) {
        qsizetype end = text.indexOf(u'\n', pos);
        if (end < 0)
            end = text.size();
        QStringView line = text.mid(pos, end - pos);
        const bool lastLine = end == text.size();
        pos = end + 1;
        ++lineNumber;
        if (line.endsWith(u'\r'))
            line.chop(1);
        const qsizetype hash = line.indexOf(u'#');
        const QStringView content = (hash < 0 ? line : line.left(hash)).trimmed();
        if (content.isEmpty()) {
            if (hash >= 0) {
                const QStringView comment = line.mid(hash + 1).trimmed();
                // A comment after a key is dropped, as wg-quick does.
                if (line.left(hash).trimmed().isEmpty()) {
                    if (auto checked = checkCommentText(QStringLiteral("comment"), comment);
                        !checked)
                        return wgTextLineError(lineNumber, QStringLiteral("comment"),
                                               QStringLiteral("contains a control character"));
                    pendingComments << comment.toString();
                }
            }
            if (lastLine)
                break;
            continue;
        }
        if (content.startsWith(u'[')) {
            if (auto ended = endSection(); !ended)
                return ended.error();
            seenKeys.clear();
            if (content.compare(u"[Interface]", Qt::CaseInsensitive) == 0) {
                if (sawInterface)
                    return wgTextLineError(lineNumber, {},
                                           QStringLiteral("a second [Interface] section"));
                sawInterface = true;
                interfaceLine = lineNumber;
                section = WgTextSection::Interface;
                config.interface.comments = pendingComments;
            } else if (content.compare(u"[Peer]", Qt::CaseInsensitive) == 0) {
                section = WgTextSection::Peer;
                config.peers.append(WgPeer{});
                config.peers.last().comments = pendingComments;
            } else {
                return wgTextLineError(lineNumber, {},
                                       QStringLiteral("unknown section (only [Interface] and "
                                                      "[Peer])"));
            }
            pendingComments.clear();
            sectionLine = lineNumber;
            if (lastLine)
                break;
            continue;
        }
        const qsizetype eq = content.indexOf(u'=');
        if (eq < 0)
            return wgTextLineError(lineNumber, {}, QStringLiteral("not a key = value line"));
        const QStringView key = content.left(eq).trimmed();
        const QStringView value = content.mid(eq + 1).trimmed();
        if (section == WgTextSection::None)
            return wgTextLineError(lineNumber, {},
                                   QStringLiteral("a key before the first section"));
        const auto is = [key](QStringView name) {
            return key.compare(name, Qt::CaseInsensitive) == 0;
        };
        // The canonical spelling, for messages: never the value.
        static const QStringList knownKeys = {
            QStringLiteral("PrivateKey"),
            QStringLiteral("Address"),
            QStringLiteral("ListenPort"),
            QStringLiteral("DNS"),
            QStringLiteral("MTU"),
            QStringLiteral("Table"),
            QStringLiteral("FwMark"),
            QStringLiteral("PreUp"),
            QStringLiteral("PostUp"),
            QStringLiteral("PreDown"),
            QStringLiteral("PostDown"),
            QStringLiteral("SaveConfig"),
            QStringLiteral("PublicKey"),
            QStringLiteral("PresharedKey"),
            QStringLiteral("AllowedIPs"),
            QStringLiteral("Endpoint"),
            QStringLiteral("PersistentKeepalive"),
        };
        QString field;
        for (const QString &known : knownKeys)
            if (is(known))
                field = known;
        if (field.isEmpty())
            return wgTextLineError(lineNumber, {}, QStringLiteral("unknown key"));
        const auto bad = [&](const QString &reason) {
            return wgTextLineError(lineNumber, field, reason);
        };
        const bool repeatable = field == u"Address" || field == u"DNS" || field == u"AllowedIPs" ||
                                field.endsWith(u"Up") || field.endsWith(u"Down");
        if (!repeatable) {
            if (seenKeys.contains(field))
                return bad(QStringLiteral("set twice in one section"));
            seenKeys << field;
        }
        if (section == WgTextSection::Interface) {
            WgInterface &in = config.interface;
            if (field == u"PrivateKey") {
                if (!checkKey(field, value))
                    return bad(QStringLiteral("not a WireGuard key"));
                in.privateKey = value.toString();
                sawPrivateKey = true;
            } else if (field == u"Address") {
                for (const QStringView item : value.split(u',')) {
                    const auto cidr = parseCidr(item.trimmed());
                    if (!cidr)
                        return bad(QStringLiteral("not an IP address with an optional /prefix"));
                    in.addresses << *cidr;
                }
            } else if (field == u"ListenPort") {
                const auto port = wgTextNumber(value, 65535);
                if (!port)
                    return bad(QStringLiteral("not a port number"));
                in.listenPort = quint16(*port);
            } else if (field == u"DNS") {
                for (QStringView item : value.split(u',')) {
                    item = item.trimmed();
                    bool addressLike = item.contains(u':');
                    if (!addressLike) {
                        addressLike = !item.isEmpty();
                        for (const QChar c : item)
                            addressLike = addressLike && ((c >= u'0' && c <= u'9') || c == u'.');
                    }
                    if (addressLike) {
                        const auto address = parseIpLiteral(item);
                        if (!address)
                            return bad(QStringLiteral("not an IP address"));
                        in.dns << *address;
                    } else {
                        if (!isValidHostName(item))
                            return bad(QStringLiteral("not a search domain"));
                        in.dnsSearch << item.toString();
                    }
                }
            } else if (field == u"MTU") {
                const auto mtu = wgTextNumber(value, 65535);
                if (!mtu || *mtu < 576)
                    return bad(QStringLiteral("not a number 576..65535"));
                in.mtu = int(*mtu);
            } else if (field == u"Table") {
                if (!checkTable(value))
                    return bad(QStringLiteral("must be off, auto, a number or a table name"));
                in.table = value.toString();
            } else if (field == u"FwMark") {
                if (value.compare(u"off", Qt::CaseInsensitive) == 0) {
                    in.fwMark = 0;
                } else {
                    const auto mark = wgTextNumber(value, 0xffffffffu);
                    if (!mark)
                        return bad(QStringLiteral("not off or a number"));
                    in.fwMark = *mark;
                }
            } else if (field == u"SaveConfig") {
                if (value.compare(u"true", Qt::CaseInsensitive) == 0)
                    in.saveConfig = true;
                else if (value.compare(u"false", Qt::CaseInsensitive) == 0)
                    in.saveConfig = false;
                else
                    return bad(QStringLiteral("not true or false"));
            } else if (field.endsWith(u"Up") || field.endsWith(u"Down")) {
                // Imported hooks are kept apart and never trusted.
                QStringList &list = field == u"PreUp"     ? result.importedHooks.preUp
                                    : field == u"PostUp"  ? result.importedHooks.postUp
                                    : field == u"PreDown" ? result.importedHooks.preDown
                                                          : result.importedHooks.postDown;
                list << value.toString();
                qCDebug(lcVpn) << "wg-quick text: a" << field
                               << "hook was read and set apart, not into the configuration";
            } else {
                return bad(QStringLiteral("not a key of the [Interface] section"));
            }
        } else {
            WgPeer &peer = config.peers.last();
            if (field == u"PublicKey") {
                if (!checkKey(field, value))
                    return bad(QStringLiteral("not a WireGuard key"));
                peer.publicKey = value.toString();
            } else if (field == u"PresharedKey") {
                if (!checkKey(field, value))
                    return bad(QStringLiteral("not a WireGuard key"));
                peer.presharedKey = value.toString();
            } else if (field == u"AllowedIPs") {
                if (value.isEmpty())
                    continue;
                for (const QStringView item : value.split(u',')) {
                    const auto cidr = parseCidr(item.trimmed());
                    if (!cidr)
                        return bad(QStringLiteral("not an IP address with an optional /prefix"));
                    peer.allowedIps << *cidr;
                }
            } else if (field == u"Endpoint") {
                const auto endpoint = parseEndpoint(value);
                if (!endpoint)
                    return bad(QStringLiteral("not host:port (IPv6 in brackets, port 1..65535)"));
                peer.endpointHost = endpoint->first;
                peer.endpointPort = endpoint->second;
            } else if (field == u"PersistentKeepalive") {
                if (value.compare(u"off", Qt::CaseInsensitive) == 0) {
                    peer.persistentKeepalive = 0;
                } else {
                    const auto seconds = wgTextNumber(value, 65535);
                    if (!seconds)
                        return bad(QStringLiteral("not off or a number 0..65535"));
                    peer.persistentKeepalive = quint16(*seconds);
                }
            } else {
                return bad(QStringLiteral("not a key of the [Peer] section"));
            }
        }
        if (lastLine)
            break;
    }
    if (auto ended = endSection(); !ended)
        return ended.error();
    if (!sawInterface)
        return wgTextLineError(lineNumber, {}, QStringLiteral("no [Interface] section"));
    if (!sawPrivateKey)
        return wgTextLineError(interfaceLine, QStringLiteral("PrivateKey"),
                               QStringLiteral("the [Interface] section has no PrivateKey"));
    config.trailingComments = pendingComments;
    return result;
}

} // namespace hm::vpn::wgquick
