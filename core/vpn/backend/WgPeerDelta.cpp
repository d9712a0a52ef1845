#include "vpn/backend/WgPeerDelta.h"

#include <QCryptographicHash>

namespace hm::vpn {

namespace {

// QByteArrayView has no split() in Qt 6.4.
QList<QByteArrayView> wgSplitView(QByteArrayView text, char separator)
{
    QList<QByteArrayView> parts;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(separator, start);
        if (end < 0)
            end = text.size();
        parts.append(text.sliced(start, end - start));
        start = end + 1;
    }
    return parts;
}

// The sections of a setconf text: the [Interface] one, then each [Peer].
struct WgSetconfSection
{
    bool peer = false;
    QByteArrayView text;
    QString publicKey;
};

QList<WgSetconfSection> setconfSections(QByteArrayView text)
{
    QList<WgSetconfSection> sections;
    qsizetype start = -1;
    bool peer = false;
    qsizetype pos = 0;
    const auto close = [&](qsizetype end) {
        if (start < 0)
            return;
        WgSetconfSection s{peer, text.sliced(start, end - start), {}};
        if (peer) {
            for (QByteArrayView line : wgSplitView(s.text, '\n')) {
                line = line.trimmed();
                if (line.startsWith("PublicKey")) {
                    const qsizetype eq = line.indexOf('=');
                    if (eq > 0)
                        s.publicKey = QString::fromLatin1(line.sliced(eq + 1).trimmed());
                }
            }
        }
        sections.append(s);
    };
    while (pos < text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = text.sliced(pos, end - pos).trimmed();
        if (line == "[Interface]" || line == "[Peer]") {
            close(pos);
            start = pos;
            peer = line == "[Peer]";
        }
        pos = end + 1;
    }
    close(text.size());
    return sections;
}

QByteArray sectionHash(QByteArrayView text)
{
    return QCryptographicHash::hash(text.trimmed(), QCryptographicHash::Sha256);
}

WgPeerSetting settingOf(const WgSetconfSection &section)
{
    WgPeerSetting s;
    s.publicKey = section.publicKey;
    for (QByteArrayView line : wgSplitView(section.text, '\n')) {
        line = line.trimmed();
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const QByteArrayView key = line.first(eq).trimmed();
        const QByteArrayView value = line.sliced(eq + 1).trimmed();
        if (key == "PresharedKey")
            s.presharedKey = value.toByteArray();
        else if (key == "AllowedIPs")
            for (QByteArrayView item : wgSplitView(value, ','))
                if (!item.trimmed().isEmpty())
                    s.allowedIps << QString::fromLatin1(item.trimmed());
        if (key == "Endpoint")
            s.endpoint = QString::fromUtf8(value);
        else if (key == "PersistentKeepalive")
            s.keepalive = value == "off" ? 0 : QByteArray(value.toByteArray()).toInt();
    }
    return s;
}

} // namespace

WgSetconfDigest digestOfSetconf(QByteArrayView setconf)
{
    WgSetconfDigest digest;
    for (const WgSetconfSection &s : setconfSections(setconf)) {
        if (!s.peer)
            digest.interfaceHash = sectionHash(s.text);
        else if (!s.publicKey.isEmpty())
            digest.peerHashes.insert(s.publicKey, sectionHash(s.text));
    }
    return digest;
}

WgPeerDelta peerDelta(const WgSetconfDigest &before, const WgSetconfDigest &after,
                      QByteArrayView afterSetconf)
{
    WgPeerDelta delta;
    delta.interfaceChanged =
        before.interfaceHash.isEmpty() || before.interfaceHash != after.interfaceHash;
    for (auto it = before.peerHashes.cbegin(); it != before.peerHashes.cend(); ++it)
        if (!after.peerHashes.contains(it.key()))
            delta.removed << it.key();
    for (const WgSetconfSection &s : setconfSections(afterSetconf)) {
        if (!s.peer || s.publicKey.isEmpty())
            continue;
        if (before.peerHashes.value(s.publicKey) != after.peerHashes.value(s.publicKey))
            delta.changed << settingOf(s);
    }
    return delta;
}

} // namespace hm::vpn
