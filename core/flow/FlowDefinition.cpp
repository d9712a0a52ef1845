#include "flow/FlowDefinition.h"

#include "flow/DefinitionText.h"
#include "flow/JsonRead.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hm::flow {

namespace {

QString indexed(const QString &key, qsizetype i)
{
    return key + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
}

Position readPosition(JsonReader &reader, const QJsonObject &node, const QString &prefix)
{
    const QJsonObject pos = reader.object(node, QStringLiteral("position"), prefix);
    const QString posPath = JsonReader::join(prefix, QStringLiteral("position"));
    return Position{reader.number(pos, QStringLiteral("x"), posPath, 0),
                    reader.number(pos, QStringLiteral("y"), posPath, 0)};
}

NodeDef readNode(JsonReader &reader, const QJsonValue &value, const QString &path)
{
    NodeDef node;
    if (!value.isObject()) {
        reader.report(path, QStringLiteral("expected an object, got %1").arg(jsonTypeName(value)));
        return node;
    }
    const QJsonObject obj = value.toObject();
    node.id = reader.string(obj, QStringLiteral("id"), path, true);
    node.component = reader.string(obj, QStringLiteral("component"), path, true);
    node.version = reader.string(obj, QStringLiteral("version"), path, true);
    node.position = readPosition(reader, obj, path);
    node.config = reader.object(obj, QStringLiteral("config"), path);
    node.inputMappings = reader.object(obj, QStringLiteral("inputMappings"), path);
    return node;
}

EdgeDef readEdge(JsonReader &reader, const QJsonValue &value, const QString &path)
{
    EdgeDef edge;
    if (!value.isObject()) {
        reader.report(path, QStringLiteral("expected an object, got %1").arg(jsonTypeName(value)));
        return edge;
    }
    const QJsonObject obj = value.toObject();
    edge.id = reader.string(obj, QStringLiteral("id"), path, true);
    edge.source = reader.string(obj, QStringLiteral("source"), path, true);
    edge.target = reader.string(obj, QStringLiteral("target"), path, true);
    edge.sourceHandle = reader.string(obj, QStringLiteral("sourceHandle"), path, false);
    edge.targetHandle = reader.string(obj, QStringLiteral("targetHandle"), path, false);
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
    for (qsizetype i = 0; i < nodes.size(); ++i)
        def.nodes.append(readNode(reader, nodes.at(i), indexed(QStringLiteral("nodes"), i)));

    // A flow of one node has no edges; the editor may leave the key out.
    const QJsonArray edges = reader.array(json, QStringLiteral("edges"), {}, false);
    def.edges.reserve(edges.size());
    for (qsizetype i = 0; i < edges.size(); ++i)
        def.edges.append(readEdge(reader, edges.at(i), indexed(QStringLiteral("edges"), i)));

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
