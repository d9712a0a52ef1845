#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>
#include <utility>
#include <vector>

namespace hm::flow {

// Numbers distinct strings 0, 1, 2 ... in the order they are added and
// finds them again without allocating. Keys are views: the owner keeps the
// strings alive and unchanged for as long as the index is used (a
// CompiledFlow's node ids, the ids of the definition being compiled, the
// JSON text being read).
//
// Replaces QHash<QString, int> / QSet<QString> on the compile path, where a
// node per entry meant one allocation per node and edge of the flow. Open
// addressing with linear probing over a power-of-two table kept at most
// half full; hashed with Qt's per-process seed, so crafted ids cannot be
// made to collide.
template <typename View> class BasicViewIndex
{
public:
    void reserve(qsizetype count);
    int size() const { return static_cast<int>(m_keys.size()); }

    // Index of the key, or -1.
    int find(View key) const;
    // Adds the key unless present. Returns its index and whether it was
    // added.
    std::pair<int, bool> insert(View key);

private:
    void rehash(size_t slotCount);

    std::vector<View> m_keys;
    // Per slot the key's index + 1 (0 = empty) in the low half and the top
    // of its hash in the high half, so a probe only reads a key whose hash
    // matches.
    std::vector<quint64> m_slots;
    size_t m_seed = 0;
};

using StringIndex = BasicViewIndex<QStringView>;
using ByteIndex = BasicViewIndex<QByteArrayView>;

extern template class BasicViewIndex<QStringView>;
extern template class BasicViewIndex<QByteArrayView>;

// One shared QString per distinct text: repeated names (output names,
// member names of mapping paths) cost a lookup instead of an allocation.
class StringPool
{
public:
    QString get(QStringView text);

private:
    StringIndex m_index; // views into m_strings' characters
    std::vector<QString> m_strings;
};

// The same for ASCII text read from JSON bytes (node ids, names). A probe
// compares with the pooled string's own characters, which sit next to the
// reference count that handing out a copy touches anyway.
class Latin1Pool
{
public:
    void reserve(qsizetype count);
    QString get(QByteArrayView ascii);

private:
    void rehash(size_t slotCount);

    std::vector<QString> m_strings;
    std::vector<quint64> m_slots; // as in BasicViewIndex
    size_t m_seed = 0;
};

} // namespace hm::flow
