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

// Calls `visit` for each section in order, without copying the text. A
// section ends with its last line that is neither blank nor a comment: the
// comments written above the next [Peer] (its name) are not part of the
// peer before it, so a peer's digest depends on its own lines only, the
// same in a whole config and in a patch of a few peers.
template <typename Visit> void forEachSection(QByteArrayView text, Visit &&visit)
{
    WgSetconfSection section;
    qsizetype start = -1;
    qsizetype contentEnd = 0; // after the section's last line with content
    const auto close = [&]() {
        if (start < 0)
            return;
        section.text = text.sliced(start, contentEnd - start);
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
            close();
            start = pos;
            section = {line == "[Peer]", {}, {}};
        } else if (first == 'P' && section.peer && line.startsWith("PublicKey")) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0 && line.first(eq).trimmed() == "PublicKey")
                section.publicKey = line.sliced(eq + 1).trimmed();
        }
        if (first != 0 && first != '#')
            contentEnd = end;
        pos = end + 1;
    }
    close();
}

bool peerIdOf(QStringView key, WgPeerId &id)
{
    if (key.size() != qsizetype(id.text.size()))
        return false;
    for (qsizetype i = 0; i < key.size(); ++i) {
        if (key[i].unicode() > 0x7f)
            return false;
        id.text[size_t(i)] = char(key[i].unicode());
    }
    return true;
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

WgPeerDelta peerPatch(const WgSetconfDigest &before, QByteArrayView patchSetconf,
                      const QStringList &removed, WgSetconfDigest &patch)
{
    WgPeerDelta delta;
    patch = digestPass(
        patchSetconf, 0,
        [&](const WgSetconfSection &s, const WgPeerId &id, const WgSectionDigest &digest) {
            const auto it = before.peerHashes.constFind(id);
            if (it == before.peerHashes.cend() || !(it.value() == digest))
                delta.changed << settingOf(s);
        });
    delta.interfaceChanged = before.interfaceHash.isEmpty() || patch.interfaceHash.isEmpty() ||
                             before.interfaceHash != patch.interfaceHash;
    for (const QString &key : removed) {
        WgPeerId id;
        if (!peerIdOf(key, id)) {
            delta.interfaceChanged = true; // not a key renderStripped writes
            continue;
        }
        if (before.peerHashes.contains(id) && !patch.peerHashes.contains(id))
            delta.removed << key;
    }
    return delta;
}

void applyPatch(WgSetconfDigest &applied, const WgSetconfDigest &patch, const QStringList &removed)
{
    for (const QString &key : removed) {
        WgPeerId id;
        if (peerIdOf(key, id) && !patch.peerHashes.contains(id))
            applied.peerHashes.remove(id);
    }
    for (auto it = patch.peerHashes.cbegin(); it != patch.peerHashes.cend(); ++it)
        applied.peerHashes.insert(it.key(), it.value());
}

} // namespace hm::vpn
