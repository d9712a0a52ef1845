#include "flowgraph/FlowFragment.h"

#include "flow/FlowDefinition.h"
#include "flow/Mapping.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace hm::app {

namespace {

Error pasteError(const QString &message)
{
    return Error{ErrorCode::ValidationError, message};
}

bool isPlainName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('_') &&
            c != QLatin1Char('-'))
            return false;
    }
    return true;
}

// The node segment of "$.nodes<segment>.output…" as the mapping language
// writes it: ".id", or ["id"] with \" and \\ escaped.
QString nodeSegment(const QString &id)
{
    if (isPlainName(id))
        return QLatin1Char('.') + id;
    QString escaped = id;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QStringLiteral("[\"") + escaped + QStringLiteral("\"]");
}

// Length of the node segment at `from` in an expression that parsed, or -1.
qsizetype nodeSegmentLength(const QString &text, qsizetype from, const QString &parsedId)
{
    if (from >= text.size())
        return -1;
    if (text.at(from) == QLatin1Char('.'))
        return 1 + parsedId.size();
    if (text.at(from) != QLatin1Char('[') || from + 1 >= text.size() ||
        text.at(from + 1) != QLatin1Char('"'))
        return -1;
    for (qsizetype i = from + 2; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\\')) {
            ++i;
        } else if (text.at(i) == QLatin1Char('"')) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char(']'))
                return i + 2 - from;
            return -1;
        }
    }
    return -1;
}

// Kahn's algorithm over the fragment: whether some nodes are left on a loop.
bool hasCycle(const QList<QJsonObject> &nodes, const QList<QJsonObject> &edges)
{
    QHash<QString, int> indegree;
    QHash<QString, QStringList> children;
    for (const QJsonObject &n : nodes)
        indegree.insert(n.value(QStringLiteral("id")).toString(), 0);
    for (const QJsonObject &e : edges) {
        const QString source = e.value(QStringLiteral("source")).toString();
        const QString target = e.value(QStringLiteral("target")).toString();
        children[source].append(target);
        ++indegree[target];
    }
    QStringList ready;
    for (auto it = indegree.cbegin(); it != indegree.cend(); ++it) {
        if (it.value() == 0)
            ready.append(it.key());
    }
    qsizetype done = 0;
    while (!ready.isEmpty()) {
        const QString id = ready.takeLast();
        ++done;
        for (const QString &child : children.value(id)) {
            if (--indegree[child] == 0)
                ready.append(child);
        }
    }
    return done != indegree.size();
}

} // namespace

QByteArray fragmentText(const FlowFragment &fragment)
{
    QJsonArray nodes;
    for (const QJsonObject &n : fragment.nodes)
        nodes.append(n);
    QJsonArray edges;
    for (const QJsonObject &e : fragment.edges)
        edges.append(e);
    const QJsonObject root{{QStringLiteral("format"), kFragmentFormat},
                           {QStringLiteral("schemaVersion"), flow::kCurrentSchemaVersion},
                           {QStringLiteral("nodes"), nodes},
                           {QStringLiteral("edges"), edges}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

Result<FlowFragment> readFragment(const QByteArray &text)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return pasteError(
            QCoreApplication::translate("hm::app::FlowFragment",
                                        "The pasted text is not flow nodes: %1 at character %2.")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    if (!doc.isObject() || !doc.object().value(QStringLiteral("nodes")).isArray())
        return pasteError(QCoreApplication::translate(
            "hm::app::FlowFragment",
            "The pasted text is not flow nodes: it has no list of nodes."));
    const QJsonObject root = doc.object();
    if (auto shape = flow::FlowDefinition::fromJson(root); !shape)
        return pasteError(QCoreApplication::translate("hm::app::FlowFragment",
                                                      "The pasted nodes are not valid: %1")
                              .arg(shape.error().message));

    FlowFragment fragment;
    QSet<QString> ids;
    for (const QJsonValue value : root.value(QStringLiteral("nodes")).toArray()) {
        const QJsonObject node = value.toObject();
        const QString id = node.value(QStringLiteral("id")).toString();
        if (ids.contains(id))
            return pasteError(
                QCoreApplication::translate("hm::app::FlowFragment",
                                            "The pasted nodes use the id \"%1\" twice.")
                    .arg(id));
        ids.insert(id);
        fragment.nodes.append(node);
    }
    if (fragment.nodes.isEmpty())
        return pasteError(QCoreApplication::translate("hm::app::FlowFragment",
                                                      "The pasted text holds no nodes."));
    for (const QJsonValue value : root.value(QStringLiteral("edges")).toArray()) {
        const QJsonObject edge = value.toObject();
        for (const QString &end : {QStringLiteral("source"), QStringLiteral("target")}) {
            const QString id = edge.value(end).toString();
            if (!ids.contains(id))
                return pasteError(
                    QCoreApplication::translate(
                        "hm::app::FlowFragment",
                        "A pasted connection refers to the node \"%1\", which is not pasted.")
                        .arg(id));
        }
        fragment.edges.append(edge);
    }
    if (hasCycle(fragment.nodes, fragment.edges))
        return pasteError(QCoreApplication::translate("hm::app::FlowFragment",
                                                      "The pasted connections form a cycle."));
    return fragment;
}

QJsonValue renameNodeReference(const QJsonValue &mapping, const QHash<QString, QString> &renamed)
{
    auto parsed = flow::parseMapping(mapping);
    if (!parsed || parsed.value().kind != flow::Mapping::Kind::NodeOutput)
        return mapping;
    const QString oldId = parsed.value().nodeId;
    const auto it = renamed.constFind(oldId);
    if (it == renamed.constEnd())
        return mapping;

    if (mapping.isString()) {
        // "$.nodes" then the node segment: only that segment is replaced, so
        // the rest of the expression stays exactly as the user wrote it.
        const QString text = mapping.toString();
        const qsizetype from = QStringLiteral("$.nodes").size();
        const qsizetype length = nodeSegmentLength(text, from, oldId);
        if (length < 0)
            return mapping;
        return QString(text.left(from) + nodeSegment(*it) + text.mid(from + length));
    }
    QJsonObject object = mapping.toObject();
    const QString ref = object.value(QStringLiteral("$ref")).toString();
    const QString prefix = QStringLiteral("node:") + oldId + QLatin1Char(':');
    if (!ref.startsWith(prefix))
        return mapping;
    object.insert(QStringLiteral("$ref"), QString(QStringLiteral("node:") + *it + QLatin1Char(':') +
                                                  ref.mid(prefix.size())));
    return object;
}

} // namespace hm::app
