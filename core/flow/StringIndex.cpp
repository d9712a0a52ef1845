#include "flow/StringIndex.h"

#include <QHashFunctions>
#include <algorithm>
#include <bit>
#include <cstring>

namespace hm::flow {

namespace {

__extension__ typedef unsigned __int128 Wide; // -Wpedantic: a GCC/Clang extension

quint64 mix(quint64 a, quint64 b)
{
    const Wide product = static_cast<Wide>(a) * b;
    return static_cast<quint64>(product) ^ static_cast<quint64>(product >> 64);
}

quint64 load(const unsigned char *p, size_t n)
{
    quint64 v = 0;
    std::memcpy(&v, p, n);
    return v;
}

// Ids and names are short: hash up to 16 bytes with two multiplications
// (wyhash's scheme, keyed by the seed) instead of calling qHash(), which
// costs several times more per key on this path. Longer keys use qHash().
size_t hashBytes(const void *data, size_t length, size_t seed)
{
    constexpr quint64 k0 = 0xa0761d6478bd642fULL;
    constexpr quint64 k1 = 0xe7037ed1a0b428dbULL;
    if (length > 16)
        return qHashBits(data, length, seed);
    const auto *p = static_cast<const unsigned char *>(data);
    quint64 a = 0;
    quint64 b = 0;
    if (length >= 8) {
        a = load(p, 8);
        b = load(p + length - 8, 8);
    } else if (length >= 4) {
        a = load(p, 4);
        b = load(p + length - 4, 4);
    } else if (length > 0) {
        a = (quint64(p[0]) << 16) | (quint64(p[length >> 1]) << 8) | p[length - 1];
    }
    return static_cast<size_t>(mix(mix(a ^ k1, b ^ seed) ^ k0, length ^ k1));
}

size_t hashOf(QStringView key, size_t seed)
{
    return hashBytes(key.data(), static_cast<size_t>(key.size()) * sizeof(QChar), seed);
}

size_t hashOf(QByteArrayView key, size_t seed)
{
    return hashBytes(key.data(), static_cast<size_t>(key.size()), seed);
}

// Sizes first; memcmp is not handed the null data of an empty view.
bool sameText(QStringView a, QStringView b)
{
    return a.size() == b.size() &&
           (a.isEmpty() ||
            std::memcmp(a.data(), b.data(), static_cast<size_t>(a.size()) * sizeof(QChar)) == 0);
}

bool sameText(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() &&
           (a.isEmpty() || std::memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0);
}

quint64 slotTag(size_t hash)
{
    return static_cast<quint64>(hash) & 0xffffffff00000000ULL;
}

} // namespace

template <typename View> void BasicViewIndex<View>::reserve(qsizetype count)
{
    m_keys.reserve(static_cast<size_t>(count));
    const size_t wanted = std::bit_ceil(static_cast<size_t>(count) * 2 + 2);
    if (wanted > m_slots.size())
        rehash(wanted);
}

template <typename View> void BasicViewIndex<View>::rehash(size_t slotCount)
{
    if (m_slots.empty())
        m_seed = QHashSeed::globalSeed();
    m_slots.assign(slotCount, 0);
    const size_t mask = slotCount - 1;
    for (size_t i = 0; i < m_keys.size(); ++i) {
        const size_t hash = hashOf(m_keys[i], m_seed);
        size_t slot = hash & mask;
        while (m_slots[slot] != 0)
            slot = (slot + 1) & mask;
        m_slots[slot] = slotTag(hash) | (i + 1);
    }
}

template <typename View> int BasicViewIndex<View>::find(View key) const
{
    if (m_slots.empty())
        return -1;
    const size_t mask = m_slots.size() - 1;
    const size_t hash = hashOf(key, m_seed);
    const quint64 tag = slotTag(hash);
    for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        const quint64 entry = m_slots[slot];
        if (entry == 0)
            return -1;
        const auto index = static_cast<size_t>(entry & 0xffffffffu) - 1;
        if ((entry & 0xffffffff00000000ULL) == tag && sameText(m_keys[index], key))
            return static_cast<int>(index);
    }
}

template <typename View> std::pair<int, bool> BasicViewIndex<View>::insert(View key)
{
    if ((m_keys.size() + 1) * 2 > m_slots.size())
        rehash(std::bit_ceil((m_keys.size() + 1) * 4));
    const size_t mask = m_slots.size() - 1;
    const size_t hash = hashOf(key, m_seed);
    const quint64 tag = slotTag(hash);
    size_t slot = hash & mask;
    for (;; slot = (slot + 1) & mask) {
        const quint64 entry = m_slots[slot];
        if (entry == 0)
            break;
        const auto index = static_cast<size_t>(entry & 0xffffffffu) - 1;
        if ((entry & 0xffffffff00000000ULL) == tag && sameText(m_keys[index], key))
            return {static_cast<int>(index), false};
    }
    m_keys.push_back(key);
    m_slots[slot] = tag | m_keys.size();
    return {static_cast<int>(m_keys.size()) - 1, true};
}

template class BasicViewIndex<QStringView>;
template class BasicViewIndex<QByteArrayView>;

QString StringPool::get(QStringView text)
{
    const int found = m_index.find(text);
    if (found >= 0)
        return m_strings[static_cast<size_t>(found)];
    // The index keeps a view of the pool's own copy, whose characters stay
    // put when m_strings grows (a QString moves its pointer, not its data).
    m_strings.push_back(text.toString());
    m_index.insert(m_strings.back());
    return m_strings.back();
}

void Latin1Pool::rehash(size_t slotCount)
{
    if (m_slots.empty())
        m_seed = QHashSeed::globalSeed();
    m_slots.assign(slotCount, 0);
    const size_t mask = slotCount - 1;
    for (size_t i = 0; i < m_strings.size(); ++i) {
        // Pooled strings are ASCII, so their Latin-1 bytes hash as the text did.
        const QByteArray bytes = m_strings[i].toLatin1();
        const size_t hash = hashOf(QByteArrayView(bytes), m_seed);
        size_t slot = hash & mask;
        while (m_slots[slot] != 0)
            slot = (slot + 1) & mask;
        m_slots[slot] = slotTag(hash) | (i + 1);
    }
}

void Latin1Pool::reserve(qsizetype count)
{
    m_strings.reserve(static_cast<size_t>(count));
    const size_t wanted = std::bit_ceil(static_cast<size_t>(count) * 2 + 2);
    if (wanted > m_slots.size())
        rehash(wanted);
}

QString Latin1Pool::get(QByteArrayView ascii)
{
    if ((m_strings.size() + 1) * 2 > m_slots.size())
        rehash(std::bit_ceil((m_strings.size() + 1) * 4));
    const size_t mask = m_slots.size() - 1;
    const size_t hash = hashOf(ascii, m_seed);
    const quint64 tag = slotTag(hash);
    size_t slot = hash & mask;
    for (;; slot = (slot + 1) & mask) {
        const quint64 entry = m_slots[slot];
        if (entry == 0)
            break;
        const QString &pooled = m_strings[static_cast<size_t>(entry & 0xffffffffu) - 1];
        if ((entry & 0xffffffff00000000ULL) == tag && pooled.size() == ascii.size() &&
            std::equal(ascii.begin(), ascii.end(), pooled.utf16(), [](char a, char16_t b) {
                return char16_t(static_cast<unsigned char>(a)) == b;
            }))
            return pooled;
    }
    m_strings.push_back(QString::fromLatin1(ascii));
    m_slots[slot] = tag | m_strings.size();
    return m_strings.back();
}

} // namespace hm::flow
