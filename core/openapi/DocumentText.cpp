#include "openapi/DocumentText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <charconv>
#include <cmath>
#include <istream>
#include <limits>
#include <streambuf>
#include <string>
#include <unordered_map>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace hm::openapi {

namespace {

Error textError(const QString &reason, const QString &message, int line = 0, int column = 0)
{
    QJsonObject details{{QStringLiteral("reason"), reason}};
    if (line > 0) {
        details.insert(QStringLiteral("line"), line);
        details.insert(QStringLiteral("column"), column);
    }
    QString text = message;
    if (line > 0)
        text = QStringLiteral("%1 (line %2, column %3)").arg(message).arg(line).arg(column);
    return Error{ErrorCode::SchemaParseError, text, details};
}

// ---- JSON ---------------------------------------------------------------

void lineColumnAt(const QByteArray &text, qsizetype offset, int *line, int *column)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    *line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (text.at(i) == '\n') {
            ++*line;
            lineStart = i + 1;
        }
    }
    *column = static_cast<int>(offset - lineStart) + 1;
}

// Depth and node count of a parsed JSON value, so that JSON and YAML texts
// of one document are held to the same bounds.
bool withinBounds(const QJsonValue &value, int depth, const TextLimits &limits, qint64 *nodes)
{
    if (++*nodes > limits.maxNodes)
        return false;
    if ((value.isObject() || value.isArray()) && depth > limits.maxDepth)
        return false;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!withinBounds(it.value(), depth + 1, limits, nodes))
                return false;
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array) {
            if (!withinBounds(item, depth + 1, limits, nodes))
                return false;
        }
    }
    return true;
}

Result<QJsonValue> readJson(const QByteArray &text, const TextLimits &limits)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        int line = 0;
        int column = 0;
        lineColumnAt(text, parseError.offset, &line, &column);
        return textError(QStringLiteral("SYNTAX"),
                         QStringLiteral("not valid JSON: %1").arg(parseError.errorString()), line,
                         column);
    }
    const QJsonValue root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    qint64 nodes = 0;
    if (!withinBounds(root, 1, limits, &nodes)) {
        return nodes > limits.maxNodes
                   ? textError(QStringLiteral("TOO_LARGE"),
                               QStringLiteral("the document has more than %1 values")
                                   .arg(limits.maxNodes))
                   : textError(QStringLiteral("TOO_DEEP"),
                               QStringLiteral("the document nests deeper than %1 levels")
                                   .arg(limits.maxDepth));
    }
    return root;
}

// ---- YAML ---------------------------------------------------------------

// Raised by the event handler to stop yaml-cpp's parser; caught in readYaml.
struct StopParse
{
    QString reason;
    QString message;
    YAML::Mark mark;
};

bool allOf(const std::string &s, size_t from, bool (*pred)(char))
{
    if (from >= s.size())
        return false;
    for (size_t i = from; i < s.size(); ++i) {
        if (!pred(s[i]))
            return false;
    }
    return true;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isOctal(char c)
{
    return c >= '0' && c <= '7';
}
bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

QJsonValue integerValue(const std::string &s, size_t from, int base)
{
    qint64 v = 0;
    const char *first = s.data() + from;
    const char *last = s.data() + s.size();
    if (base == 10 && *first == '+')
        ++first;
    const auto [ptr, ec] = std::from_chars(first, last, v, base);
    if (ec == std::errc() && ptr == last)
        return QJsonValue(v);
    // Beyond 64 bits: a double, as JSON readers do.
    double d = 0;
    if (base == 10) {
        std::from_chars(first, last, d);
        return QJsonValue(d);
    }
    for (const char *p = first; p != last; ++p) {
        const int digit = isDigit(*p) ? *p - '0' : (*p | 0x20) - 'a' + 10;
        d = d * base + digit;
    }
    return QJsonValue(d);
}

// YAML 1.2 float: [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool isYamlFloat(const std::string &s)
{
    size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+'))
        ++i;
    size_t intDigits = 0;
    while (i < s.size() && isDigit(s[i])) {
        ++i;
        ++intDigits;
    }
    size_t fracDigits = 0;
    bool dot = false;
    if (i < s.size() && s[i] == '.') {
        dot = true;
        ++i;
        while (i < s.size() && isDigit(s[i])) {
            ++i;
            ++fracDigits;
        }
    }
    if (intDigits == 0 && fracDigits == 0)
        return false;
    if (intDigits == 0 && !dot)
        return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+'))
            ++i;
        if (!allOf(s, i, isDigit))
            return false;
        return true;
    }
    return i == s.size();
}

// A plain scalar under the YAML 1.2 core schema; text is s as a QString.
QJsonValue resolvePlain(const std::string &s, const QString &text)
{
    if (s.empty())
        return QJsonValue(QJsonValue::Null);
    const char c = s[0];
    if (c == '~' || c == 'n' || c == 'N') {
        if (s == "~" || s == "null" || s == "Null" || s == "NULL")
            return QJsonValue(QJsonValue::Null);
    }
    if (c == 't' || c == 'T') {
        if (s == "true" || s == "True" || s == "TRUE")
            return true;
    }
    if (c == 'f' || c == 'F') {
        if (s == "false" || s == "False" || s == "FALSE")
            return false;
    }
    if (c == '.' || c == '-' || c == '+') {
        const size_t at = (c == '.') ? 0 : 1;
        const std::string rest = s.substr(at);
        if (rest == ".inf" || rest == ".Inf" || rest == ".INF")
            return c == '-' ? -std::numeric_limits<double>::infinity()
                            : std::numeric_limits<double>::infinity();
        if (c == '.' && (s == ".nan" || s == ".NaN" || s == ".NAN"))
            return std::numeric_limits<double>::quiet_NaN();
    }
    if (isDigit(c) || c == '-' || c == '+' || c == '.') {
        if (s.size() > 2 && s[0] == '0' && s[1] == 'o' && allOf(s, 2, isOctal))
            return integerValue(s, 2, 8);
        if (s.size() > 2 && s[0] == '0' && s[1] == 'x' && allOf(s, 2, isHex))
            return integerValue(s, 2, 16);
        const size_t digitsFrom = (c == '-' || c == '+') ? 1 : 0;
        if (allOf(s, digitsFrom, isDigit))
            return integerValue(s, 0, 10);
        if (isYamlFloat(s)) {
            double d = 0;
            const char *first = s.data() + (c == '+' ? 1 : 0);
            std::from_chars(first, s.data() + s.size(), d);
            return d;
        }
    }
    return text;
}

bool endsWith(const std::string &s, const char *suffix)
{
    const std::string_view sv(s);
    const std::string_view suf(suffix);
    return sv.size() >= suf.size() && sv.substr(sv.size() - suf.size()) == suf;
}

QJsonValue scalarValue(const std::string &tag, const std::string &value, const QString &text)
{
    // "?": plain scalar; "!": quoted or block scalar (yaml-cpp's convention).
    if (tag == "?")
        return resolvePlain(value, text);
    if (tag == "!" || endsWith(tag, ":str"))
        return text;
    if (endsWith(tag, ":int") || endsWith(tag, ":float") || endsWith(tag, ":bool") ||
        endsWith(tag, ":null"))
        return resolvePlain(value, text);
    return text; // unknown local tags: the text
}

class JsonBuilder final : public YAML::EventHandler
{
public:
    explicit JsonBuilder(const TextLimits &limits) : m_limits(limits) {}

    QJsonValue root() const { return m_root; }
    bool done() const { return m_haveRoot; }

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        count(1, mark);
        deliver(Item{QJsonValue(QJsonValue::Null), 1, true, QStringLiteral("null"), true}, anchor,
                mark);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const auto it = m_anchors.find(anchor);
        if (it == m_anchors.end())
            throw StopParse{QStringLiteral("SYNTAX"), QStringLiteral("unknown alias"), mark};
        count(it->second.size, mark);
        Item item = it->second;
        item.plain = false; // an alias is never the "<<" merge key itself
        deliver(item, YAML::NullAnchor, mark);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        count(1, mark);
        const QString text = QString::fromStdString(value);
        // A mapping key needs only its text.
        const bool isKey = anchor == YAML::NullAnchor && !m_stack.empty() &&
                           m_stack.back().kind == Frame::Map && !m_stack.back().haveKey;
        deliver(
            Item{isKey ? QJsonValue() : scalarValue(tag, value, text), 1, true, text, tag == "?"},
            anchor, mark);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(Frame::Sequence, anchor, mark);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(Frame::Map, anchor, mark);
    }
    void OnMapEnd() override { close(); }

private:
    struct Item
    {
        QJsonValue value;
        qint64 size = 1;
        bool scalar = false;
        QString text; // a scalar's text, for mapping keys
        bool plain = false;
    };
    struct Frame
    {
        enum Kind
        {
            Map,
            Sequence
        } kind;
        YAML::anchor_t anchor;
        YAML::Mark mark;
        qint64 startTotal;
        QJsonObject object;
        QJsonArray array;
        QString key;
        bool haveKey = false;
        bool mergeKey = false;
        QList<QJsonValue> merges;
    };

    void count(qint64 n, const YAML::Mark &mark)
    {
        m_total += n;
        if (m_total > m_limits.maxNodes) {
            throw StopParse{QStringLiteral("TOO_LARGE"),
                            QStringLiteral("the document has more than %1 values (aliases "
                                           "expanded)")
                                .arg(m_limits.maxNodes),
                            mark};
        }
    }

    void open(Frame::Kind kind, YAML::anchor_t anchor, const YAML::Mark &mark)
    {
        count(1, mark);
        if (static_cast<int>(m_stack.size()) + 1 > m_limits.maxDepth) {
            throw StopParse{
                QStringLiteral("TOO_DEEP"),
                QStringLiteral("the document nests deeper than %1 levels").arg(m_limits.maxDepth),
                mark};
        }
        Frame frame{kind, anchor, mark, m_total - 1, {}, {}, {}, false, false, {}};
        m_stack.push_back(std::move(frame));
    }

    void close()
    {
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        Item item;
        item.size = m_total - frame.startTotal;
        if (frame.kind == Frame::Map) {
            // "<<": explicit keys win, then earlier merged maps over later ones.
            for (const QJsonValue &merge : std::as_const(frame.merges)) {
                const QJsonArray maps = merge.isArray() ? merge.toArray() : QJsonArray{merge};
                for (const QJsonValue &map : maps) {
                    if (!map.isObject())
                        throw StopParse{QStringLiteral("SYNTAX"),
                                        QStringLiteral("a \"<<\" merge needs a mapping"),
                                        frame.mark};
                    const QJsonObject object = map.toObject();
                    for (auto it = object.begin(); it != object.end(); ++it) {
                        if (!frame.object.contains(it.key()))
                            frame.object.insert(it.key(), it.value());
                    }
                }
            }
            item.value = frame.object;
        } else {
            item.value = frame.array;
        }
        deliver(item, frame.anchor, frame.mark);
    }

    void deliver(const Item &item, YAML::anchor_t anchor, const YAML::Mark &mark)
    {
        if (anchor != YAML::NullAnchor)
            m_anchors[anchor] = item;
        if (m_stack.empty()) {
            if (!m_haveRoot) {
                m_root = item.value;
                m_haveRoot = true;
            }
            return;
        }
        Frame &parent = m_stack.back();
        if (parent.kind == Frame::Sequence) {
            parent.array.append(item.value);
            return;
        }
        if (!parent.haveKey) {
            if (!item.scalar)
                throw StopParse{QStringLiteral("SYNTAX"),
                                QStringLiteral("mapping keys must be scalars"), mark};
            parent.key = item.text;
            parent.haveKey = true;
            parent.mergeKey = item.plain && item.text == QLatin1String("<<");
            return;
        }
        if (parent.mergeKey)
            parent.merges.append(item.value);
        else
            parent.object.insert(parent.key, item.value);
        parent.haveKey = false;
        parent.mergeKey = false;
    }

    const TextLimits &m_limits;
    std::vector<Frame> m_stack;
    std::unordered_map<YAML::anchor_t, Item> m_anchors;
    QJsonValue m_root;
    bool m_haveRoot = false;
    qint64 m_total = 0;
};

// An istream over the text without copying it.
class ByteArrayBuffer final : public std::streambuf
{
public:
    explicit ByteArrayBuffer(const QByteArray &text)
    {
        char *begin = const_cast<char *>(text.constData());
        setg(begin, begin, begin + text.size());
    }
};

Result<QJsonValue> readYaml(const QByteArray &text, const TextLimits &limits)
{
    ByteArrayBuffer buffer(text);
    std::istream stream(&buffer);
    JsonBuilder builder(limits);
    try {
        YAML::Parser parser(stream);
        parser.HandleNextDocument(builder);
    } catch (const StopParse &stop) {
        return textError(stop.reason, stop.message, stop.mark.line + 1, stop.mark.column + 1);
    } catch (const YAML::DeepRecursion &e) {
        return textError(QStringLiteral("TOO_DEEP"),
                         QStringLiteral("the document nests too deeply"), e.mark.line + 1,
                         e.mark.column + 1);
    } catch (const YAML::Exception &e) {
        return textError(QStringLiteral("SYNTAX"),
                         QStringLiteral("not valid YAML: %1").arg(QString::fromStdString(e.msg)),
                         e.mark.line + 1, e.mark.column + 1);
    } catch (const std::exception &e) {
        return textError(QStringLiteral("SYNTAX"),
                         QStringLiteral("not valid YAML: %1").arg(QString::fromUtf8(e.what())));
    }
    if (!builder.done())
        return textError(QStringLiteral("SYNTAX"), QStringLiteral("the document is empty"));
    return builder.root();
}

// ---- YAML writer --------------------------------------------------------

void appendEscaped(QByteArray &out, const QString &s, bool *lossless)
{
    out += '"';
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s.at(i).unicode();
        if (c == u'"') {
            out += "\\\"";
        } else if (c == u'\\') {
            out += "\\\\";
        } else if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
        } else if (c == u'\n') {
            out += "\\n";
        } else if (c == u'\t') {
            out += "\\t";
        } else if (c == u'\r') {
            out += "\\r";
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && s.at(i + 1).isLowSurrogate()) {
            const char32_t code = QChar::surrogateToUcs4(c, s.at(i + 1).unicode());
            ++i;
            out += "\\U" + QByteArray::number(static_cast<uint>(code), 16).rightJustified(8, '0');
        } else {
            char16_t unit = c;
            if (QChar::isSurrogate(c)) {
                if (lossless)
                    *lossless = false;
                unit = 0xfffd;
            }
            out += "\\u" + QByteArray::number(static_cast<uint>(unit), 16).rightJustified(4, '0');
        }
    }
    out += '"';
}

void appendScalar(QByteArray &out, const QJsonValue &value, bool *lossless)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (!std::isfinite(d)) {
            out += "null"; // as QJsonDocument writes it
        } else if (const qint64 i = value.toInteger(std::numeric_limits<qint64>::min());
                   i != std::numeric_limits<qint64>::min() || d == static_cast<double>(i)) {
            out += QByteArray::number(i);
        } else {
            out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        }
        break;
    }
    case QJsonValue::String:
        appendEscaped(out, value.toString(), lossless);
        break;
    case QJsonValue::Array:
        out += "[]";
        break;
    case QJsonValue::Object:
        out += "{}";
        break;
    }
}

bool isNonEmptyContainer(const QJsonValue &v)
{
    return (v.isObject() && !v.toObject().isEmpty()) || (v.isArray() && !v.toArray().isEmpty());
}

void appendBlock(QByteArray &out, const QJsonValue &value, int indent, bool *lossless)
{
    const QByteArray pad(indent, ' ');
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            out += pad;
            const qsizetype keyStart = out.size();
            appendEscaped(out, it.key(), lossless);
            // An implicit key is at most 1024 characters: longer ones are
            // written as explicit "? key" entries.
            if (out.size() - keyStart > 1000) {
                out.insert(keyStart, "? ");
                out += '\n';
                out += pad;
            }
            out += ':';
            if (isNonEmptyContainer(it.value())) {
                out += '\n';
                appendBlock(out, it.value(), indent + 2, lossless);
            } else {
                out += ' ';
                appendScalar(out, it.value(), lossless);
                out += '\n';
            }
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array) {
            out += pad;
            out += '-';
            if (isNonEmptyContainer(item)) {
                out += '\n';
                appendBlock(out, item, indent + 2, lossless);
            } else {
                out += ' ';
                appendScalar(out, item, lossless);
                out += '\n';
            }
        }
    }
}

} // namespace

Result<QJsonValue> readDocumentText(const QByteArray &text, TextFormat format,
                                    const TextLimits &limits)
{
    if (text.size() > limits.maxBytes) {
        return textError(
            QStringLiteral("TOO_LARGE"),
            QStringLiteral("the document is larger than %1 bytes").arg(limits.maxBytes));
    }
    if (format == TextFormat::Auto) {
        format = TextFormat::Yaml;
        for (const char c : text) {
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                continue;
            if (c == '{' || c == '[')
                format = TextFormat::Json;
            break;
        }
        // A UTF-8 byte order mark before JSON.
        if (text.startsWith("\xEF\xBB\xBF")) {
            const QByteArray rest = text.mid(3).trimmed();
            if (rest.startsWith('{') || rest.startsWith('['))
                return readJson(text.mid(3), limits);
        }
    }
    return format == TextFormat::Json ? readJson(text, limits) : readYaml(text, limits);
}

QByteArray writeYamlText(const QJsonValue &value, bool *lossless)
{
    if (lossless)
        *lossless = true;
    QByteArray out;
    if (isNonEmptyContainer(value)) {
        appendBlock(out, value, 0, lossless);
    } else {
        appendScalar(out, value, lossless);
        out += '\n';
    }
    return out;
}

} // namespace hm::openapi
