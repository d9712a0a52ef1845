#include "flow/DefinitionText.h"

#include "common/JsonNumber.h"
#include "flow/StringIndex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>
#include <cstring>
#include <vector>

namespace hm::flow {

namespace {

// Far below Qt's own limit (1024), so nothing accepted here is refused there.
constexpr int kMaxDepth = 200;

// Member names are compared as sized byte strings; with the literal's
// length known, memcmp inlines.
template <size_t N> bool is(QByteArrayView key, const char (&literal)[N])
{
    return key.size() == qsizetype(N - 1) && std::memcmp(key.data(), literal, N - 1) == 0;
}

bool isDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

bool isHexDigit(unsigned char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Length of the well-formed UTF-8 sequence of one non-ASCII scalar value at
// p, or 0. Noncharacters count as malformed here: whatever Qt's reader makes
// of them, the fallback path will make the same.
int utf8Sequence(const unsigned char *p, const unsigned char *end)
{
    const unsigned char lead = p[0];
    int length = 0;
    char32_t cp = 0;
    char32_t minimum = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        cp = lead & 0x1Fu;
        minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        cp = lead & 0x0Fu;
        minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        cp = lead & 0x07u;
        minimum = 0x10000;
    } else {
        return 0;
    }
    if (end - p < length)
        return 0;
    for (int i = 1; i < length; ++i) {
        if ((p[i] & 0xC0u) != 0x80u)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3Fu);
    }
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFEu) == 0xFFFEu)
        return 0;
    return length;
}

// The last few distinct values of a field (handles, component names and
// versions), compared byte for byte before the pool is asked: such fields
// take a handful of values over thousands of nodes and edges.
class Recent
{
public:
    const QString *find(QByteArrayView text) const
    {
        for (const Entry &e : m_entries) {
            if (e.text.size() == text.size() &&
                std::memcmp(e.text.data(), text.data(), static_cast<size_t>(text.size())) == 0)
                return &e.value;
        }
        return nullptr;
    }
    void add(QByteArrayView text, const QString &value)
    {
        if (m_entries.size() < kSize)
            m_entries.push_back(Entry{text, value});
        else
            m_entries[m_next++ % kSize] = Entry{text, value};
    }

private:
    static constexpr size_t kSize = 4;
    struct Entry
    {
        QByteArrayView text;
        QString value;
    };
    std::vector<Entry> m_entries;
    size_t m_next = 0;
};

class Reader
{
public:
    explicit Reader(QByteArrayView text)
        : m_p(reinterpret_cast<const unsigned char *>(text.data())), m_end(m_p + text.size())
    {
        // A stored node with its edges takes some 350 bytes and brings one
        // new id; a guess on the high side spares rehashing (the pool still
        // grows if it is short).
        m_names.reserve(text.size() / 256);
    }

    std::optional<FlowDefinition> read()
    {
        FlowDefinition def;
        unsigned seen = 0;
        if (!eat('{'))
            return std::nullopt;
        if (!eat('}')) {
            do {
                QByteArrayView key;
                if (!readKey(&key))
                    return std::nullopt;
                unsigned bit = 0;
                bool ok = false;
                if (is(key, "nodes")) {
                    bit = 1;
                    ok = readArray([&] { return readNode(def.nodes); });
                } else if (is(key, "edges")) {
                    bit = 2;
                    ok =
                        atNull() ? literal("null") : readArray([&] { return readEdge(def.edges); });
                } else if (is(key, "schemaVersion")) {
                    bit = 4;
                    ok = readSchemaVersion(&def.schemaVersion);
                } else {
                    ok = skipValue(0);
                }
                if (!ok || (seen & bit))
                    return std::nullopt;
                seen |= bit;
            } while (eat(','));
            if (!eat('}'))
                return std::nullopt;
        }
        skipSpace();
        if (m_p != m_end || !(seen & 1))
            return std::nullopt;
        if (!buildObjects(def))
            return std::nullopt;
        return def;
    }

private:
    // --- tokens ---

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool eat(unsigned char c)
    {
        skipSpace();
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }

    bool atNull()
    {
        skipSpace();
        return m_p < m_end && *m_p == 'n';
    }

    bool literal(const char *word)
    {
        const auto length = static_cast<qsizetype>(std::strlen(word));
        if (m_end - m_p < length || std::memcmp(m_p, word, static_cast<size_t>(length)) != 0)
            return false;
        m_p += length;
        return true;
    }

    // A string without escapes or control characters, quotes excluded;
    // *ascii tells whether it is all ASCII.
    bool plainString(QByteArrayView *out, bool *ascii)
    {
        skipSpace();
        if (m_p >= m_end || *m_p != '"')
            return false;
        const unsigned char *start = ++m_p;
        bool onlyAscii = true;
        while (m_p < m_end) {
            const unsigned char c = *m_p;
            if (c == '"') {
                *out = QByteArrayView(start, m_p - start);
                *ascii = onlyAscii;
                ++m_p;
                return true;
            }
            if (c < 0x20 || c == '\\')
                return false;
            if (c < 0x80) {
                ++m_p;
                continue;
            }
            const int length = utf8Sequence(m_p, m_end);
            if (length == 0)
                return false;
            onlyAscii = false;
            m_p += length;
        }
        return false;
    }

    bool readKey(QByteArrayView *key)
    {
        bool ascii = false;
        return plainString(key, &ascii) && eat(':');
    }

    // A JSON number as Qt's reader would hand it out as a double. Refuses
    // what Qt might refuse or keep differently: out of range, subnormal,
    // negative zero written with a fraction or exponent.
    bool number(double *out)
    {
        skipSpace();
        bool integer = true;
        const unsigned char *end = json::scanNumber(m_p, m_end, &integer);
        if (!end)
            return false;
        const char *first = reinterpret_cast<const char *>(m_p);
        m_p = end;
        return json::numberValue(first, reinterpret_cast<const char *>(end), integer, out);
    }

    // --- skipping (unknown members, and finding the end of objects handed
    // to Qt's reader); as strict as Qt's reader or stricter ---

    bool skipString()
    {
        ++m_p; // opening quote
        while (m_p < m_end) {
            const unsigned char c = *m_p;
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (c < 0x20)
                return false;
            if (c == '\\') {
                if (m_end - m_p < 2)
                    return false;
                switch (m_p[1]) {
                case '"':
                case '\\':
                case '/':
                case 'b':
                case 'f':
                case 'n':
                case 'r':
                case 't':
                    m_p += 2;
                    continue;
                case 'u':
                    if (m_end - m_p < 6)
                        return false;
                    for (int i = 2; i < 6; ++i) {
                        if (!isHexDigit(m_p[i]))
                            return false;
                    }
                    m_p += 6;
                    continue;
                default:
                    return false;
                }
            }
            if (c < 0x80) {
                ++m_p;
                continue;
            }
            const int length = utf8Sequence(m_p, m_end);
            if (length == 0)
                return false;
            m_p += length;
        }
        return false;
    }

    bool skipValue(int depth)
    {
        skipSpace();
        if (m_p >= m_end)
            return false;
        switch (*m_p) {
        case '{':
            return skipObject(depth + 1);
        case '[':
            return skipArray(depth + 1);
        case '"':
            return skipString();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default: {
            double ignored = 0;
            return number(&ignored);
        }
        }
    }

    // At '{'.
    bool skipObject(int depth)
    {
        if (depth > kMaxDepth)
            return false;
        ++m_p;
        if (eat('}'))
            return true;
        do {
            skipSpace();
            if (m_p >= m_end || *m_p != '"' || !skipString() || !eat(':') || !skipValue(depth))
                return false;
        } while (eat(','));
        return eat('}');
    }

    // At '['.
    bool skipArray(int depth)
    {
        if (depth > kMaxDepth)
            return false;
        ++m_p;
        if (eat(']'))
            return true;
        do {
            if (!skipValue(depth))
                return false;
        } while (eat(','));
        return eat(']');
    }

    // --- fields ---

    template <typename Item> bool readArray(Item item)
    {
        if (!eat('['))
            return false;
        if (eat(']'))
            return true;
        do {
            if (!item())
                return false;
        } while (eat(','));
        return eat(']');
    }

    enum class Share
    {
        No,     // unique (edge ids)
        Pool,   // node ids: a node and the edges naming it share the characters
        Recent, // few distinct values (component names, versions, handles)
    };

    QString stringOf(QByteArrayView text, bool ascii, Share share, Recent *recent)
    {
        if (!ascii)
            return QString::fromUtf8(text);
        switch (share) {
        case Share::No:
            break;
        case Share::Pool:
            return m_names.get(text);
        case Share::Recent: {
            if (const QString *known = recent->find(text))
                return *known;
            const QString value = m_names.get(text);
            recent->add(text, value);
            return value;
        }
        }
        return QString::fromLatin1(text);
    }

    // A non-empty string.
    bool requiredString(QString *out, Share share, Recent *recent = nullptr)
    {
        QByteArrayView text;
        bool ascii = false;
        if (!plainString(&text, &ascii) || text.isEmpty())
            return false;
        *out = stringOf(text, ascii, share, recent);
        return true;
    }

    // A handle: null (absent), or a string. "default", by far the most
    // common, becomes kDefaultHandle, whose copies cost no reference count.
    bool handle(QString *out)
    {
        if (atNull())
            return literal("null");
        QByteArrayView text;
        bool ascii = false;
        if (!plainString(&text, &ascii))
            return false;
        *out =
            is(text, "default") ? kDefaultHandle : stringOf(text, ascii, Share::Recent, &m_handles);
        return true;
    }

    bool optionalNumber(double *out) { return atNull() ? literal("null") : number(out); }

    bool readSchemaVersion(int *out)
    {
        if (atNull())
            return literal("null");
        double d = 0;
        if (!number(&d) || std::trunc(d) != d || d < 1 || d > kCurrentSchemaVersion)
            return false;
        *out = static_cast<int>(d);
        return true;
    }

    bool readPosition(Position *pos)
    {
        if (atNull())
            return literal("null");
        if (!eat('{'))
            return false;
        if (eat('}'))
            return true;
        unsigned seen = 0;
        do {
            QByteArrayView key;
            if (!readKey(&key))
                return false;
            unsigned bit = 0;
            bool ok = false;
            if (is(key, "x")) {
                bit = 1;
                ok = optionalNumber(&pos->x);
            } else if (is(key, "y")) {
                bit = 2;
                ok = optionalNumber(&pos->y);
            } else {
                ok = skipValue(1);
            }
            if (!ok || (seen & bit))
                return false;
            seen |= bit;
        } while (eat(','));
        return eat('}');
    }

    // config / inputMappings: null or {} is an empty object; anything else
    // is checked here and built later by Qt's reader, once per distinct
    // text (many nodes share a config).
    bool objectField(qsizetype node, bool isConfig)
    {
        if (atNull())
            return literal("null");
        if (m_p >= m_end || *m_p != '{')
            return false;
        const unsigned char *start = m_p;
        ++m_p;
        if (eat('}'))
            return true;
        m_p = start;
        if (!skipObject(1))
            return false;
        const QByteArrayView text(start, m_p - start);
        const auto [index, added] = m_objectIndex.insert(text);
        if (added)
            m_objectTexts.push_back(text);
        m_pending.push_back(Pending{node, isConfig, index});
        return true;
    }

    bool readNode(QList<NodeDef> &nodes)
    {
        if (!eat('{'))
            return false;
        NodeDef node;
        const qsizetype index = nodes.size();
        unsigned seen = 0;
        if (!eat('}')) {
            do {
                QByteArrayView key;
                if (!readKey(&key))
                    return false;
                unsigned bit = 0;
                bool ok = false;
                if (is(key, "id")) {
                    bit = 1;
                    ok = requiredString(&node.id, Share::Pool);
                } else if (is(key, "component")) {
                    bit = 2;
                    ok = requiredString(&node.component, Share::Recent, &m_components);
                } else if (is(key, "version")) {
                    bit = 4;
                    ok = requiredString(&node.version, Share::Recent, &m_versions);
                } else if (is(key, "position")) {
                    bit = 8;
                    ok = readPosition(&node.position);
                } else if (is(key, "config")) {
                    bit = 16;
                    ok = objectField(index, true);
                } else if (is(key, "inputMappings")) {
                    bit = 32;
                    ok = objectField(index, false);
                } else {
                    ok = skipValue(1);
                }
                if (!ok || (seen & bit))
                    return false;
                seen |= bit;
            } while (eat(','));
            if (!eat('}'))
                return false;
        }
        if ((seen & 7u) != 7u)
            return false;
        nodes.append(std::move(node));
        return true;
    }

    bool readEdge(QList<EdgeDef> &edges)
    {
        if (!eat('{'))
            return false;
        EdgeDef edge;
        unsigned seen = 0;
        if (!eat('}')) {
            do {
                QByteArrayView key;
                if (!readKey(&key))
                    return false;
                unsigned bit = 0;
                bool ok = false;
                if (is(key, "id")) {
                    bit = 1;
                    ok = requiredString(&edge.id, Share::No);
                } else if (is(key, "source")) {
                    bit = 2;
                    ok = requiredString(&edge.source, Share::Pool);
                } else if (is(key, "target")) {
                    bit = 4;
                    ok = requiredString(&edge.target, Share::Pool);
                } else if (is(key, "sourceHandle")) {
                    bit = 8;
                    ok = handle(&edge.sourceHandle);
                } else if (is(key, "targetHandle")) {
                    bit = 16;
                    ok = handle(&edge.targetHandle);
                } else {
                    ok = skipValue(1);
                }
                if (!ok || (seen & bit))
                    return false;
                seen |= bit;
            } while (eat(','));
            if (!eat('}'))
                return false;
        }
        if ((seen & 7u) != 7u)
            return false;
        edges.append(std::move(edge));
        return true;
    }

    // One QJsonDocument for every distinct config and inputMappings text.
    bool buildObjects(FlowDefinition &def)
    {
        if (m_pending.empty())
            return true;
        qsizetype size = 2;
        for (const QByteArrayView text : m_objectTexts)
            size += text.size() + 1;
        QByteArray batch;
        batch.reserve(size);
        batch.append('[');
        for (size_t i = 0; i < m_objectTexts.size(); ++i) {
            if (i > 0)
                batch.append(',');
            batch.append(m_objectTexts[i]);
        }
        batch.append(']');
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(batch, &error);
        if (error.error != QJsonParseError::NoError || !doc.isArray())
            return false;
        const QJsonArray array = doc.array();
        if (static_cast<size_t>(array.size()) != m_objectTexts.size())
            return false;
        std::vector<QJsonObject> objects;
        objects.reserve(m_objectTexts.size());
        for (const QJsonValueConstRef value : array) {
            if (!value.isObject())
                return false;
            objects.push_back(value.toObject());
        }
        for (const Pending &p : m_pending) {
            NodeDef &node = def.nodes[p.node];
            (p.isConfig ? node.config : node.inputMappings) =
                objects[static_cast<size_t>(p.object)];
        }
        return true;
    }

    struct Pending
    {
        qsizetype node;
        bool isConfig;
        int object; // index into m_objectTexts
    };

    const unsigned char *m_p;
    const unsigned char *m_end;
    Latin1Pool m_names;
    Recent m_components;
    Recent m_versions;
    Recent m_handles;
    ByteIndex m_objectIndex; // views into the text
    std::vector<QByteArrayView> m_objectTexts;
    std::vector<Pending> m_pending;
};

} // namespace

std::optional<FlowDefinition> readDefinitionText(QByteArrayView text)
{
    return Reader(text).read();
}

} // namespace hm::flow
