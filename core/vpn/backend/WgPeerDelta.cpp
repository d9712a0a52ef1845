#include "vpn/backend/WgPeerDelta.h"

#include "crypto/Sha256.h"

namespace hm::vpn {

size_t qHash(const WgPeerId &id, size_t seed) noexcept
{
    return qHashBits(id.text.data(), id.text.size(), seed);
}

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

// One section of a setconf text: the [Interface] one or a [Peer].
struct WgSetconfSection
{
    bool peer = false;
    QByteArrayView text;
    QByteArrayView publicKey; // a peer's, as written
};

// Calls `visit` for each section in order, without copying the text.
template <typename Visit> void forEachSection(QByteArrayView text, Visit &&visit)
{
    WgSetconfSection section;
    qsizetype start = -1;
    const auto close = [&](qsizetype end) {
        if (start < 0)
            return;
        section.text = text.sliced(start, end - start);
        visit(section);
    };
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = text.sliced(pos, end - pos).trimmed();
        // Most lines are neither a header nor a key: one byte tells.
        const char first = line.isEmpty() ? 0 : line.front();
        if (first == '[' && (line == "[Interface]" || line == "[Peer]")) {
            close(pos);
            start = pos;
            section = {line == "[Peer]", {}, {}};
        } else if (first == 'P' && section.peer && line.startsWith("PublicKey")) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0 && line.first(eq).trimmed() == "PublicKey")
                section.publicKey = line.sliced(eq + 1).trimmed();
        }
        pos = end + 1;
    }
    close(text.size());
}

WgPeerSetting settingOf(const WgSetconfSection &section)
{
    WgPeerSetting s;
    s.publicKey = QString::fromLatin1(section.publicKey);
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

// The digest of one pass over a text; `onPeer(section, id, digest)` sees
// each peer with a usable key as it goes.
template <typename OnPeer>
WgSetconfDigest digestPass(QByteArrayView setconf, qsizetype expectedPeers, OnPeer &&onPeer)
{
    WgSetconfDigest digest;
    digest.peerHashes.reserve(expectedPeers);
    crypto::Sha256 hasher; // one context for every section
    bool usable = true;
    forEachSection(setconf, [&](const WgSetconfSection &s) {
        hasher.addData(s.text.trimmed());
        const QByteArray hash = hasher.result();
        if (!s.peer) {
            usable = usable && digest.interfaceHash.isEmpty();
            digest.interfaceHash = hash;
            return;
        }
        WgPeerId id;
        WgSectionDigest sectionDigest;
        if (s.publicKey.size() != qsizetype(id.text.size())) {
            usable = false;
            return;
        }
        std::memcpy(id.text.data(), s.publicKey.data(), id.text.size());
        std::memcpy(sectionDigest.sha256.data(), hash.constData(), sectionDigest.sha256.size());
        const qsizetype before = digest.peerHashes.size();
        digest.peerHashes.insert(id, sectionDigest);
        if (digest.peerHashes.size() == before) { // the same peer twice
            usable = false;
            return;
        }
        onPeer(s, id, sectionDigest);
    });
    if (!usable)
        digest.interfaceHash.clear();
    return digest;
}

} // namespace

WgSetconfDigest digestOfSetconf(QByteArrayView setconf)
{
    return digestPass(setconf, 0, [](const auto &, const auto &, const auto &) {});
}

WgPeerDelta peerDelta(const WgSetconfDigest &before, QByteArrayView afterSetconf,
                      WgSetconfDigest &after)
{
    WgPeerDelta delta;
    qsizetype kept = 0; // peers of `before` still in the text
    after = digestPass(
        afterSetconf, before.peerHashes.size(),
        [&](const WgSetconfSection &s, const WgPeerId &id, const WgSectionDigest &digest) {
            const auto it = before.peerHashes.constFind(id);
            if (it != before.peerHashes.cend())
                ++kept;
            if (it == before.peerHashes.cend() || !(it.value() == digest))
                delta.changed << settingOf(s);
        });
    delta.interfaceChanged = before.interfaceHash.isEmpty() || after.interfaceHash.isEmpty() ||
                             before.interfaceHash != after.interfaceHash;
    // Only when some peer went does `before` need a walk.
    if (kept < before.peerHashes.size())
        for (auto it = before.peerHashes.cbegin(); it != before.peerHashes.cend(); ++it)
            if (!after.peerHashes.contains(it.key()))
                delta.removed << QString::fromLatin1(it.key().text.data(),
                                                     qsizetype(it.key().text.size()));
    return delta;
}

} // namespace hm::vpn
