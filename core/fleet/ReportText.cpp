#include "fleet/ReportText.h"

#include "common/JsonNumber.h"

#include <cmath>
#include <cstring>
#include <type_traits>

namespace hm::fleet {

// Named, not anonymous: hivemind_fleet is a unity build, and AgentProtocol.cpp
// has helpers of its own.
namespace reporttext {

// Longer number tokens are declined: an agent writes a double in at most 24
// characters (shortest round trip), Qt's reader takes the rare long one.
constexpr int kMaxNumberChars = 48;

// Whole numbers parseAgentMessage takes for seq and time_ms (parseReport).
constexpr qint64 kMaxSeq = qint64(1) << 53;
constexpr qint64 kMinTimeMs = 946684800000LL;
constexpr qint64 kMaxTimeMs = 253402300799000LL;

bool isMetricNameChar(unsigned c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == ':'
           || c == '-';
}

// A key or a string value: plain printable ASCII between the quotes.
template <typename Char> struct Span
{
    const Char *data = nullptr;
    qsizetype size = 0;

    template <size_t N> bool is(const char (&literal)[N]) const
    {
        if (size != qsizetype(N - 1))
            return false;
        for (qsizetype i = 0; i < size; ++i) {
            if (unsigned(std::make_unsigned_t<Char>(data[i])) != unsigned(literal[i]))
                return false;
        }
        return true;
    }
};

// Strictly after `previous` in code-unit order, the order a QJsonObject
// keeps its keys in (equal to byte order for the ASCII names taken here).
template <typename Char> bool isAfter(const Span<Char> &previous, const Span<Char> &key)
{
    const qsizetype common = std::min(previous.size, key.size);
    for (qsizetype i = 0; i < common; ++i) {
        const auto a = unsigned(std::make_unsigned_t<Char>(previous.data[i]));
        const auto b = unsigned(std::make_unsigned_t<Char>(key.data[i]));
        if (a != b)
            return b > a;
    }
    return key.size > previous.size;
}

bool sameName(const QString &name, const Span<char16_t> &key)
{
    return name.size() == key.size
           && std::memcmp(name.utf16(), key.data, size_t(key.size) * sizeof(char16_t)) == 0;
}

bool sameName(const QString &name, const Span<char> &key)
{
    if (name.size() != key.size)
        return false;
    const char16_t *units = reinterpret_cast<const char16_t *>(name.utf16());
    for (qsizetype i = 0; i < key.size; ++i) {
        if (units[i] != char16_t(static_cast<unsigned char>(key.data[i])))
            return false;
    }
    return true;
}

QString makeName(const Span<char16_t> &key)
{
    return QString(reinterpret_cast<const QChar *>(key.data), key.size);
}

QString makeName(const Span<char> &key)
{
    return QString::fromLatin1(key.data, key.size);
}

template <typename Char> class Cursor
{
public:
    Cursor(const Char *begin, const Char *end) : m_p(begin), m_end(end) {}

    static unsigned code(Char c) { return unsigned(std::make_unsigned_t<Char>(c)); }

    // Qt's reader skips exactly these between tokens.
    void skipSpace()
    {
        while (m_p < m_end) {
            const unsigned c = code(*m_p);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                return;
            ++m_p;
        }
    }

    bool atEnd()
    {
        skipSpace();
        return m_p == m_end;
    }

    bool eat(char c)
    {
        skipSpace();
        if (m_p < m_end && code(*m_p) == unsigned(c)) {
            ++m_p;
            return true;
        }
        return false;
    }

    // A string of printable ASCII without escapes (quotes excluded).
    bool plainString(Span<Char> *out)
    {
        skipSpace();
        if (m_p >= m_end || code(*m_p) != '"')
            return false;
        const Char *start = ++m_p;
        while (m_p < m_end) {
            const unsigned c = code(*m_p);
            if (c == '"') {
                *out = Span<Char>{start, qsizetype(m_p - start)};
                ++m_p;
                return true;
            }
            if (c < 0x20 || c >= 0x7f || c == '\\')
                return false;
            ++m_p;
        }
        return false;
    }

    bool key(Span<Char> *out) { return plainString(out) && eat(':'); }

    // A JSON number as Qt's reader hands it out through toDouble(); false
    // for what Qt might refuse or read differently: out of range,
    // subnormal, negative zero written with a fraction or an exponent, and
    // anything beyond strict JSON syntax.
    bool number(double *out)
    {
        skipSpace();
        const Char *start = m_p;
        bool integer = true;
        const Char *end = json::scanNumber(m_p, m_end, &integer);
        if (!end)
            return false;
        m_p = end;
        const qsizetype length = m_p - start;
        if (length > kMaxNumberChars)
            return false;
        // ASCII by scanNumber: one char per code unit.
        char text[kMaxNumberChars];
        for (qsizetype i = 0; i < length; ++i)
            text[i] = char(code(start[i]));
        return json::numberValue(text, text + length, integer, out);
    }

    // parseReport's integerAt: a whole number in [min, max].
    bool wholeNumber(qint64 min, qint64 max, qint64 *out)
    {
        double d = 0;
        if (!number(&d) || d != std::floor(d) || d < double(min) || d > double(max))
            return false;
        *out = qint64(d);
        return true;
    }

private:
    const Char *m_p;
    const Char *m_end;
};

} // namespace reporttext

template <typename Char>
std::optional<ReportMessage> ReportTextReader::readAny(const Char *begin, const Char *end)
{
    using namespace reporttext;
    // Everything taken is ASCII, so characters are bytes: parseAgentMessage's
    // size limit is the same count.
    if (end - begin > kMaxAgentMessageBytes)
        return std::nullopt;
    Cursor<Char> in(begin, end);
    if (!in.eat('{'))
        return std::nullopt;
    ReportMessage report;
    bool namesChanged = false;
    unsigned seen = 0;
    do {
        Span<Char> key;
        if (!in.key(&key))
            return std::nullopt;
        unsigned bit = 0;
        if (key.is("type")) {
            bit = 1;
            Span<Char> type;
            if (!in.plainString(&type) || !type.is("report"))
                return std::nullopt;
        } else if (key.is("seq")) {
            bit = 2;
            if (!in.wholeNumber(1, kMaxSeq, &report.seq))
                return std::nullopt;
        } else if (key.is("time_ms")) {
            bit = 4;
            if (!in.wholeNumber(kMinTimeMs, kMaxTimeMs, &report.timeMs))
                return std::nullopt;
        } else if (key.is("metrics")) {
            bit = 8;
            if (!in.eat('{'))
                return std::nullopt;
            report.metrics.reserve(std::max<qsizetype>(m_names.size(), 16));
            if (!in.eat('}')) {
                Span<Char> previous;
                do {
                    Span<Char> name;
                    if (report.metrics.size() >= kMaxReportValues || !in.key(&name)
                        || name.size < 1 || name.size > kMaxMetricNameLength)
                        return std::nullopt;
                    for (qsizetype i = 0; i < name.size; ++i) {
                        if (!isMetricNameChar(Cursor<Char>::code(name.data[i])))
                            return std::nullopt;
                    }
                    // Ascending: the order Qt's object keeps, and no name twice
                    // (Qt would keep one of them).
                    if (previous.data && !isAfter(previous, name))
                        return std::nullopt;
                    previous = name;
                    double value = 0;
                    if (!in.number(&value))
                        return std::nullopt;
                    const qsizetype at = report.metrics.size();
                    if (at < m_names.size() && sameName(m_names.at(at), name)) {
                        report.metrics.append(MetricValue{m_names.at(at), value});
                    } else {
                        namesChanged = true;
                        report.metrics.append(MetricValue{makeName(name), value});
                    }
                } while (in.eat(','));
                if (!in.eat('}'))
                    return std::nullopt;
            }
        } else {
            // containers, or a member parseAgentMessage would ignore.
            return std::nullopt;
        }
        if (seen & bit)
            return std::nullopt;
        seen |= bit;
    } while (in.eat(','));
    if (!in.eat('}') || !in.atEnd() || seen != 15)
        return std::nullopt;
    if (namesChanged || report.metrics.size() != m_names.size()) {
        m_names.clear();
        m_names.reserve(report.metrics.size());
        for (const MetricValue &metric : std::as_const(report.metrics))
            m_names.append(metric.name);
    }
    return report;
}

QString ackText(qint64 seq)
{
    return QLatin1String("{\"seq\":") + QString::number(seq) + QLatin1String(",\"type\":\"ack\"}");
}

std::optional<ReportMessage> ReportTextReader::read(QStringView frame)
{
    const auto *units = reinterpret_cast<const char16_t *>(frame.utf16());
    return readAny(units, units + frame.size());
}

std::optional<ReportMessage> ReportTextReader::read(QByteArrayView frame)
{
    return readAny(frame.data(), frame.data() + frame.size());
}

} // namespace hm::fleet
