#include "flow/Mapping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <limits>

namespace hm::flow {

namespace {

const QString kMappingRefKey = QStringLiteral("$ref");
const QString kExpressionPrefix = QStringLiteral("$.");

bool isNameChar(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_') ||
           c == QLatin1Char('-');
}

bool isPlainName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (QChar c : name) {
        if (!isNameChar(c))
            return false;
    }
    return true;
}

QString quoted(const QString &name)
{
    QString escaped = name;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QStringLiteral("[\"") + escaped + QStringLiteral("\"]");
}

QString nameSegment(const QString &name)
{
    return isPlainName(name) ? QLatin1Char('.') + name : quoted(name);
}

Error mappingError(const QString &message, const QJsonObject &details = {})
{
    return Error{ErrorCode::InvalidInputMapping, message, details};
}

// Recursive descent over the small expression grammar; one pass, no
// backtracking, and every failure names the position it stopped at.
class ExpressionParser
{
public:
    ExpressionParser(const QString &text, MappingNames *names) : m_text(text), m_names(names) {}

    Result<Mapping> parse()
    {
        Mapping m;
        if (!parseInto(m))
            return *m_error;
        return m;
    }

    // On failure error() says why and `m` is half filled.
    bool parseInto(Mapping &m)
    {
        m_pos = kExpressionPrefix.size();
        const QStringView root = readName();
        if (root == QLatin1StringView("trigger")) {
            m.kind = Mapping::Kind::Trigger;
        } else if (root == QLatin1StringView("nodes")) {
            m.kind = Mapping::Kind::NodeOutput;
            if (atEnd())
                return failed(QStringLiteral("expected a node id after \"$.nodes\""));
            if (!readNameSegment(&m.nodeId, QStringLiteral("node id"), true))
                return false;
            if (atEnd() || peek() != QLatin1Char('.'))
                return failed(QStringLiteral("expected \".output\" after the node id"));
            ++m_pos;
            if (readName() != QLatin1StringView("output"))
                return failed(QStringLiteral("expected \".output\" after the node id"));
            if (!atEnd() && !readNameSegment(&m.output, QStringLiteral("output name"), false))
                return false;
        } else {
            m_pos = kExpressionPrefix.size();
            return failed(root.isEmpty()
                              ? QStringLiteral("expected \"trigger\" or \"nodes\" after \"$.\"")
                              : QStringLiteral("unknown root \"%1\"; expected \"trigger\" or "
                                               "\"nodes\"")
                                    .arg(root));
        }
        if (!atEnd()) {
            // Every segment starts with '.' or '[': one allocation for the
            // path instead of one per growth step.
            const QStringView rest = QStringView(m_text).mid(m_pos);
            m.path.reserve(rest.count(QLatin1Char('.')) + rest.count(QLatin1Char('[')));
        }
        while (!atEnd()) {
            PathSegment segment;
            if (!readSegment(&segment))
                return false;
            m.path.append(std::move(segment));
        }
        return true;
    }

    const Error &error() const { return *m_error; }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return m_text.at(m_pos); }

    Error fail(const QString &what)
    {
        QJsonObject details;
        details.insert(QStringLiteral("expression"), m_text);
        details.insert(QStringLiteral("position"), static_cast<int>(m_pos));
        m_error = mappingError(QStringLiteral("invalid mapping \"%1\" at position %2: %3")
                                   .arg(m_text)
                                   .arg(m_pos)
                                   .arg(what),
                               details);
        return *m_error;
    }

    bool failed(const QString &what)
    {
        fail(what);
        return false;
    }

    // A view: names are compared or handed to m_names, and only copied
    // when kept.
    QStringView readName()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isNameChar(peek()))
            ++m_pos;
        return QStringView(m_text).mid(start, m_pos - start);
    }

    QString keep(QStringView name, bool isNodeId)
    {
        if (!m_names)
            return name.toString();
        return isNodeId ? m_names->nodeId(name) : m_names->name(name);
    }

    // `.name` or `["name"]`, for node ids and output names (no indexes).
    bool readNameSegment(QString *out, const QString &what, bool isNodeId)
    {
        if (peek() == QLatin1Char('.')) {
            ++m_pos;
            const QStringView name = readName();
            if (name.isEmpty()) {
                fail(QStringLiteral("expected the %1 after \".\"").arg(what));
                return false;
            }
            *out = keep(name, isNodeId);
            return true;
        }
        if (peek() == QLatin1Char('[') && m_pos + 1 < m_text.size() &&
            m_text.at(m_pos + 1) == QLatin1Char('"')) {
            ++m_pos;
            if (!readQuoted(out) || !expectClose())
                return false;
            if (out->isEmpty()) {
                fail(QStringLiteral("the %1 must not be empty").arg(what));
                return false;
            }
            return true;
        }
        fail(QStringLiteral("expected \".\" and the %1").arg(what));
        return false;
    }

    bool readSegment(PathSegment *segment)
    {
        const QChar c = peek();
        if (c == QLatin1Char('.')) {
            ++m_pos;
            segment->kind = PathSegment::Kind::Key;
            const QStringView name = readName();
            if (name.isEmpty()) {
                fail(QStringLiteral("expected a name after \".\""));
                return false;
            }
            segment->key = keep(name, false);
            return true;
        }
        if (c == QLatin1Char('[')) {
            ++m_pos;
            if (atEnd()) {
                fail(QStringLiteral("expected an index or a quoted name after \"[\""));
                return false;
            }
            if (peek() == QLatin1Char('"')) {
                segment->kind = PathSegment::Kind::Key;
                return readQuoted(&segment->key) && expectClose();
            }
            segment->kind = PathSegment::Kind::Index;
            return readIndex(&segment->index) && expectClose();
        }
        fail(QStringLiteral("unexpected \"%1\"; expected \".\" or \"[\"").arg(c));
        return false;
    }

    bool readIndex(int *index)
    {
        const qsizetype start = m_pos;
        qint64 value = 0;
        while (!atEnd() && peek().isDigit() && peek().unicode() < 128) {
            value = value * 10 + (peek().unicode() - '0');
            if (value > std::numeric_limits<int>::max()) {
                fail(QStringLiteral("index too large"));
                return false;
            }
            ++m_pos;
        }
        if (m_pos == start) {
            fail(QStringLiteral("expected a non-negative index or a quoted name after \"[\""));
            return false;
        }
        *index = static_cast<int>(value);
        return true;
    }

    // At the opening quote; reads to the closing one.
    bool readQuoted(QString *out)
    {
        ++m_pos;
        out->clear();
        while (!atEnd()) {
            const QChar c = peek();
            ++m_pos;
            if (c == QLatin1Char('"'))
                return true;
            if (c == QLatin1Char('\\')) {
                if (atEnd() || (peek() != QLatin1Char('"') && peek() != QLatin1Char('\\'))) {
                    fail(QStringLiteral("only \\\" and \\\\ may be escaped"));
                    return false;
                }
                out->append(peek());
                ++m_pos;
                continue;
            }
            out->append(c);
        }
        fail(QStringLiteral("unterminated quoted name"));
        return false;
    }

    bool expectClose()
    {
        if (atEnd() || peek() != QLatin1Char(']')) {
            fail(QStringLiteral("expected \"]\""));
            return false;
        }
        ++m_pos;
        return true;
    }

    const QString &m_text;
    MappingNames *m_names;
    qsizetype m_pos = 0;
    std::optional<Error> m_error;
};

Result<Mapping> parseRef(const QJsonObject &obj)
{
    const QJsonValue ref = obj.value(kMappingRefKey);
    if (obj.size() != 1)
        return mappingError(QStringLiteral("a $ref object must have no other members"));
    if (!ref.isString())
        return mappingError(QStringLiteral("$ref must be a string"));
    const QString text = ref.toString();
    Mapping m;
    const QString nodePrefix = QStringLiteral("node:");
    const QString blobPrefix = QStringLiteral("blob:");
    if (text.startsWith(nodePrefix)) {
        // node:<id>:output:<name>; ids may hold ':' so split at the last marker.
        const QString rest = text.mid(nodePrefix.size());
        const QString marker = QStringLiteral(":output:");
        const qsizetype at = rest.lastIndexOf(marker);
        if (at <= 0 || at + marker.size() >= rest.size())
            return mappingError(
                QStringLiteral("invalid $ref \"%1\"; expected node:<id>:output:<name>").arg(text));
        m.kind = Mapping::Kind::NodeOutput;
        m.nodeId = rest.left(at);
        m.output = rest.mid(at + marker.size());
        return m;
    }
    if (text.startsWith(blobPrefix) && text.size() > blobPrefix.size()) {
        m.kind = Mapping::Kind::BlobRef;
        m.blobId = text.mid(blobPrefix.size());
        m.literal = obj;
        return m;
    }
    return mappingError(
        QStringLiteral("invalid $ref \"%1\"; expected node:<id>:output:<name> or blob:<id>")
            .arg(text));
}

} // namespace

QString Mapping::toString() const
{
    QString text;
    switch (kind) {
    case Kind::Literal:
    case Kind::BlobRef:
        if (literal.isString())
            return literal.toString();
        return QString::fromUtf8(
            QJsonDocument(QJsonArray{literal}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
    case Kind::Trigger:
        text = QStringLiteral("$.trigger");
        break;
    case Kind::NodeOutput:
        text = QStringLiteral("$.nodes") + nameSegment(nodeId) + QStringLiteral(".output");
        if (!output.isEmpty())
            text += nameSegment(output);
        break;
    }
    for (const PathSegment &s : path) {
        if (s.kind == PathSegment::Kind::Index)
            text += QLatin1Char('[') + QString::number(s.index) + QLatin1Char(']');
        else
            text += nameSegment(s.key);
    }
    return text;
}

std::optional<Error> parseMappingInto(const QJsonValue &value, Mapping &out, MappingNames *names)
{
    if (value.isString()) {
        // One toString(): each call copies the string out of the JSON.
        const QString text = value.toString();
        if (text.startsWith(kExpressionPrefix)) {
            ExpressionParser parser(text, names);
            if (!parser.parseInto(out))
                return parser.error();
            return std::nullopt;
        }
    }
    if (value.isObject() && value.toObject().contains(kMappingRefKey)) {
        Result<Mapping> ref = parseRef(value.toObject());
        if (!ref)
            return ref.error();
        out = std::move(ref).value();
        return std::nullopt;
    }
    if (value.isUndefined())
        return mappingError(QStringLiteral("a mapping needs a value"));
    out.kind = Mapping::Kind::Literal;
    out.literal = value;
    return std::nullopt;
}

Result<Mapping> parseMapping(const QJsonValue &value, MappingNames *names)
{
    Mapping m;
    if (std::optional<Error> error = parseMappingInto(value, m, names))
        return *std::move(error);
    return m;
}

Result<Mapping> parseScopeKey(const QString &scopeKey)
{
    const QString text =
        scopeKey.startsWith(kExpressionPrefix) ? scopeKey : QStringLiteral("$.trigger.") + scopeKey;
    Result<Mapping> parsed = ExpressionParser(text, nullptr).parse();
    if (!parsed)
        return parsed;
    if (parsed.value().kind != Mapping::Kind::Trigger || parsed.value().path.isEmpty())
        return mappingError(
            QStringLiteral("scopeKey \"%1\" must name a field of the trigger input").arg(scopeKey));
    return parsed;
}

} // namespace hm::flow
