#include "flow/FlowDefinition.h"

#include "flow/DefinitionText.h"
#include "flow/JsonRead.h"

#include <QCborMap>
#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>

namespace hm::flow {

namespace {

QString indexed(QLatin1StringView key, qsizetype i)
{
    return key + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
}

// Reads the members of one object of a definition. A 10,000-node flow has
// some 30,000 of them, so: members are found through a QCborMap view of the
// object (the same data, shared; its linear search of a handful of keys
// costs a fraction of QJsonObject's binary search), read in place, strings
// copied out once, and a member's path is only built to report a problem
// with it. The checks and messages are JsonReader's.
template <typename Path> class Members
{
public:
    Members(JsonReader &reader, const QJsonObject &object, const Path &path)
        : m_reader(reader), m_object(&object), m_map(QCborMap::fromJsonObject(object)), m_path(path)
    {}
    Members(JsonReader &reader, const QCborMap &map, const Path &path)
        : m_reader(reader), m_object(nullptr), m_map(map), m_path(path)
    {}

    QString string(QLatin1StringView key, bool required) const
    {
        const auto it = m_map.constFind(key);
        if (it != m_map.constEnd()) {
            const QCborValueConstRef v = it.value();
            if (v.isString()) {
                // Through the QJsonObject's reference, which copies the
                // string out directly; the view's would first take a
                // reference on the whole container and drop it again.
                QString text = m_object ? jsonAt(it).toString() : v.toString();
                if (required && text.isEmpty())
                    m_reader.report(pathOf(key), QStringLiteral("must not be empty"));
                return text;
            }
            if (required || !v.isNull())
                m_reader.wrongType(pathOf(key), "a string", QCborValue(v).toJsonValue());
        } else if (required) {
            m_reader.wrongType(pathOf(key), "a string", QJsonValue(QJsonValue::Undefined));
        }
        return {};
    }

    // An optional handle. "default", the usual one, is given as
    // kDefaultHandle: equal, and copying it on (as every compiled edge
    // does) costs no reference count.
    QString handle(QLatin1StringView key) const
    {
        QString text = string(key, false);
        return text == kDefaultHandle ? kDefaultHandle : text;
    }

    double number(QLatin1StringView key) const
    {
        const auto it = m_map.constFind(key);
        if (it == m_map.constEnd())
            return 0;
        const QCborValueConstRef v = it.value();
        if (v.isDouble() || v.isInteger()) // a JSON number is either
            return v.toDouble();
        if (!v.isNull())
            m_reader.wrongType(pathOf(key), "a number", QCborValue(v).toJsonValue());
        return 0;
    }

    // The member as a map view (for reading on), or an empty one.
    QCborMap map(QLatin1StringView key) const
    {
        const auto it = m_map.constFind(key);
        if (it == m_map.constEnd())
            return {};
        const QCborValueConstRef v = it.value();
        if (v.isMap())
            return v.toMap();
        if (!v.isNull())
            m_reader.wrongType(pathOf(key), "an object", QCborValue(v).toJsonValue());
        return {};
    }

    // The member as the QJsonObject it is (config, inputMappings), taken
    // from the object at the view's position: converting the view would
    // copy it. Only for Members made from a QJsonObject.
    QJsonObject object(QLatin1StringView key) const
    {
        const auto it = m_map.constFind(key);
        if (it == m_map.constEnd())
            return {};
        const QCborValueConstRef v = it.value();
        if (v.isMap())
            return jsonAt(it).toObject();
        if (!v.isNull())
            m_reader.wrongType(pathOf(key), "an object", QCborValue(v).toJsonValue());
        return {};
    }

    QJsonValueConstRef jsonAt(QCborMap::ConstIterator it) const
    {
        return (m_object->constBegin() + (it - m_map.constBegin())).value();
    }

    QString pathOf(QLatin1StringView key) const { return JsonReader::join(m_path(), QString(key)); }

private:
    JsonReader &m_reader;
    const QJsonObject *m_object;
    const QCborMap m_map;
    const Path &m_path;
};

template <typename Object, typename Path>
Members<Path> membersOf(JsonReader &reader, const Object &object, const Path &path)
{
    return Members<Path>(reader, object, path);
}

bool notAnObject(JsonReader &reader, QJsonValueConstRef value, QLatin1StringView list, qsizetype i)
{
    if (value.isObject())
        return false;
    reader.report(indexed(list, i),
                  QStringLiteral("expected an object, got %1").arg(jsonTypeName(value)));
    return true;
}

NodeDef readNode(JsonReader &reader, QJsonValueConstRef value, qsizetype i)
{
    NodeDef node;
    if (notAnObject(reader, value, QLatin1StringView("nodes"), i))
        return node;
    const QJsonObject obj = value.toObject();
    const auto path = [i] { return indexed(QLatin1StringView("nodes"), i); };
    const auto members = membersOf(reader, obj, path);
    node.id = members.string(QLatin1StringView("id"), true);
    node.component = members.string(QLatin1StringView("component"), true);
    node.version = members.string(QLatin1StringView("version"), true);
    const QCborMap position = members.map(QLatin1StringView("position"));
    if (!position.isEmpty()) {
        const auto positionPath = [&] { return members.pathOf(QLatin1StringView("position")); };
        const auto coordinates = membersOf(reader, position, positionPath);
        node.position = Position{coordinates.number(QLatin1StringView("x")),
                                 coordinates.number(QLatin1StringView("y"))};
    }
    node.config = members.object(QLatin1StringView("config"));
    node.inputMappings = members.object(QLatin1StringView("inputMappings"));
    return node;
}

EdgeDef readEdge(JsonReader &reader, QJsonValueConstRef value, qsizetype i)
{
    EdgeDef edge;
    if (notAnObject(reader, value, QLatin1StringView("edges"), i))
        return edge;
    const QJsonObject obj = value.toObject();
    const auto path = [i] { return indexed(QLatin1StringView("edges"), i); };
    const auto members = membersOf(reader, obj, path);
    edge.id = members.string(QLatin1StringView("id"), true);
    edge.source = members.string(QLatin1StringView("source"), true);
    edge.target = members.string(QLatin1StringView("target"), true);
    edge.sourceHandle = members.handle(QLatin1StringView("sourceHandle"));
    edge.targetHandle = members.handle(QLatin1StringView("targetHandle"));
    return edge;
}

} // namespace

Result<FlowDefinition> FlowDefinition::fromJson(const QJsonObject &json)
{
    FlowProblems problems;
    JsonReader reader(&problems, problem::InvalidShape, QLatin1StringView("path"));
    FlowDefinition def;

    const QJsonValue version = json.value(QStringLiteral("schemaVersion"));
    if (!version.isUndefined() && !version.isNull()) {
        const auto v = jsonInteger(version);
        if (!v || *v < 1) {
            reader.report(
                QStringLiteral("schemaVersion"),
                QStringLiteral("expected a positive integer, got %1")
                    .arg(QString::fromUtf8(
                        QJsonDocument(QJsonArray{version}).toJson(QJsonDocument::Compact))));
        } else if (*v > kCurrentSchemaVersion) {
            FlowProblem p;
            p.code = problem::UnsupportedSchemaVersion;
            p.message = QStringLiteral("schemaVersion %1 is newer than the %2 this server reads")
                            .arg(*v)
                            .arg(kCurrentSchemaVersion);
            p.extra.insert(QStringLiteral("schemaVersion"), static_cast<double>(*v));
            problems.append(p);
        } else {
            def.schemaVersion = static_cast<int>(*v);
        }
    }

    const QJsonArray nodes = reader.array(json, QStringLiteral("nodes"), {}, true);
    def.nodes.reserve(nodes.size());
    qsizetype i = 0;
    for (const QJsonValueConstRef node : nodes)
        def.nodes.append(readNode(reader, node, i++));

    // A flow of one node has no edges; the editor may leave the key out.
    const QJsonArray edges = reader.array(json, QStringLiteral("edges"), {}, false);
    def.edges.reserve(edges.size());
    i = 0;
    for (const QJsonValueConstRef edge : edges)
        def.edges.append(readEdge(reader, edge, i++));

    if (!problems.isEmpty())
        return problemsError(problems);
    return def;
}

Result<FlowDefinition> FlowDefinition::fromJson(const QByteArray &text)
{
    // Stored versions are loaded this way: read well-formed text directly.
    // Everything else, errors included, goes through QJsonDocument and the
    // checks above, which report it.
    if (std::optional<FlowDefinition> direct = readDefinitionText(text))
        return std::move(*direct);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        FlowProblem p;
        p.code = problem::InvalidShape;
        p.message = doc.isNull() ? QStringLiteral("not valid JSON at offset %1: %2")
                                       .arg(parseError.offset)
                                       .arg(parseError.errorString())
                                 : QStringLiteral("the definition must be a JSON object");
        p.extra.insert(QStringLiteral("path"), QString());
        return problemsError({p});
    }
    return fromJson(doc.object());
}

QJsonObject FlowDefinition::toJson() const
{
    QJsonArray nodeArray;
    for (const NodeDef &n : nodes) {
        QJsonObject obj;
        obj.insert(QStringLiteral("id"), n.id);
        obj.insert(QStringLiteral("component"), n.component);
        obj.insert(QStringLiteral("version"), n.version);
        obj.insert(QStringLiteral("position"), QJsonObject{{QStringLiteral("x"), n.position.x},
                                                           {QStringLiteral("y"), n.position.y}});
        obj.insert(QStringLiteral("config"), n.config);
        obj.insert(QStringLiteral("inputMappings"), n.inputMappings);
        nodeArray.append(obj);
    }
    QJsonArray edgeArray;
    for (const EdgeDef &e : edges) {
        QJsonObject obj;
        obj.insert(QStringLiteral("id"), e.id);
        obj.insert(QStringLiteral("source"), e.source);
        obj.insert(QStringLiteral("target"), e.target);
        if (!e.sourceHandle.isEmpty())
            obj.insert(QStringLiteral("sourceHandle"), e.sourceHandle);
        if (!e.targetHandle.isEmpty())
            obj.insert(QStringLiteral("targetHandle"), e.targetHandle);
        edgeArray.append(obj);
    }
    QJsonObject json;
    json.insert(QStringLiteral("schemaVersion"), schemaVersion);
    json.insert(QStringLiteral("nodes"), nodeArray);
    json.insert(QStringLiteral("edges"), edgeArray);
    return json;
}

} // namespace hm::flow
