#include "flowgraph/FlowDiff.h"

#include "flowgraph/FlowGraphTypes.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <algorithm>

namespace hm::app {

namespace {

const QString kNodes = QStringLiteral("nodes");
const QString kEdges = QStringLiteral("edges");
const QString kId = QStringLiteral("id");
const QString kConfig = QStringLiteral("config");
const QString kMappings = QStringLiteral("inputMappings");

QString handle(const QJsonObject &edge, const QString &key)
{
    const QString h = edge.value(key).toString();
    return h.isEmpty() ? kDefaultPort : h;
}

// What an edge connects: its identity in a diff.
QString edgeKey(const QJsonObject &edge)
{
    return QStringList{edge.value(QStringLiteral("source")).toString(),
                       handle(edge, QStringLiteral("sourceHandle")),
                       edge.value(QStringLiteral("target")).toString(),
                       handle(edge, QStringLiteral("targetHandle"))}
        .join(QChar(0x1f));
}

FlowDiff::EdgeChange edgeChange(FlowDiff::Kind kind, const QJsonObject &edge)
{
    FlowDiff::EdgeChange change;
    change.kind = kind;
    change.edge = edge;
    change.source = edge.value(QStringLiteral("source")).toString();
    change.sourceHandle = handle(edge, QStringLiteral("sourceHandle"));
    change.target = edge.value(QStringLiteral("target")).toString();
    change.targetHandle = handle(edge, QStringLiteral("targetHandle"));
    return change;
}

QList<QJsonObject> objects(const QJsonObject &definition, const QString &key)
{
    QList<QJsonObject> list;
    for (const QJsonValue &v : definition.value(key).toArray())
        list.append(v.toObject());
    return list;
}

// Member by member, in a stable order: before's keys (QJsonObject sorts
// them), then after's new ones.
QStringList unionKeys(const QJsonObject &before, const QJsonObject &after)
{
    QStringList keys = before.keys();
    for (const QString &k : after.keys()) {
        if (!before.contains(k))
            keys.append(k);
    }
    return keys;
}

QString joined(const QString &prefix, const QString &key)
{
    return prefix.isEmpty() ? key : prefix + u'.' + key;
}

} // namespace

void FlowDiff::compareValues(const QString &prefix, const QJsonValue &before,
                             const QJsonValue &after, QList<ValueChange> *out)
{
    if (before == after)
        return;
    if (before.isObject() && after.isObject()) {
        const QJsonObject b = before.toObject();
        const QJsonObject a = after.toObject();
        for (const QString &key : unionKeys(b, a))
            compareValues(joined(prefix, key), b.value(key), a.value(key), out);
        return;
    }
    out->append(ValueChange{prefix, before, after});
}

FlowDiff FlowDiff::compute(const QJsonObject &beforeDefinition, const QJsonObject &beforeSettings,
                           const QJsonObject &afterDefinition, const QJsonObject &afterSettings)
{
    FlowDiff diff;

    // --- nodes, by id ---
    const QList<QJsonObject> beforeNodes = objects(beforeDefinition, kNodes);
    const QList<QJsonObject> afterNodes = objects(afterDefinition, kNodes);
    QHash<QString, QJsonObject> beforeById;
    for (const QJsonObject &n : beforeNodes)
        beforeById.insert(n.value(kId).toString(), n);
    QSet<QString> afterIds;
    for (const QJsonObject &after : afterNodes) {
        const QString id = after.value(kId).toString();
        afterIds.insert(id);
        const auto found = beforeById.constFind(id);
        if (found == beforeById.cend()) {
            NodeChange change;
            change.nodeId = id;
            change.kind = Kind::Added;
            change.after = after;
            diff.nodes.append(change);
            continue;
        }
        const QJsonObject &before = *found;
        if (before == after)
            continue;
        NodeChange change;
        change.nodeId = id;
        change.kind = Kind::Changed;
        change.before = before;
        change.after = after;
        for (const QString &key : unionKeys(before, after)) {
            const QJsonValue b = before.value(key);
            const QJsonValue a = after.value(key);
            if (b == a)
                continue;
            if (key == kConfig) {
                change.aspects |= ConfigAspect;
                compareValues(QString(), b.toObject(), a.toObject(), &change.config);
            } else if (key == kMappings) {
                change.aspects |= MappingsAspect;
                const QJsonObject bm = b.toObject();
                const QJsonObject am = a.toObject();
                for (const QString &input : unionKeys(bm, am)) {
                    if (bm.value(input) != am.value(input))
                        change.mappings.append(
                            ValueChange{input, bm.value(input), am.value(input)});
                }
            } else {
                if (key == QLatin1String("component") || key == QLatin1String("version"))
                    change.aspects |= ComponentAspect;
                else if (key == QLatin1String("position"))
                    change.aspects |= PositionAspect;
                else
                    change.aspects |= OtherAspect;
                compareValues(key, b, a, &change.other);
            }
        }
        diff.nodes.append(change);
    }
    for (const QJsonObject &before : beforeNodes) {
        const QString id = before.value(kId).toString();
        if (afterIds.contains(id))
            continue;
        NodeChange change;
        change.nodeId = id;
        change.kind = Kind::Removed;
        change.before = before;
        diff.nodes.append(change);
    }

    // --- edges, by what they connect ---
    const QList<QJsonObject> beforeEdges = objects(beforeDefinition, kEdges);
    const QList<QJsonObject> afterEdges = objects(afterDefinition, kEdges);
    QSet<QString> beforeKeys;
    for (const QJsonObject &e : beforeEdges)
        beforeKeys.insert(edgeKey(e));
    QSet<QString> afterKeys;
    for (const QJsonObject &e : afterEdges) {
        const QString key = edgeKey(e);
        afterKeys.insert(key);
        if (!beforeKeys.contains(key))
            diff.edges.append(edgeChange(Kind::Added, e));
    }
    for (const QJsonObject &e : beforeEdges) {
        if (!afterKeys.contains(edgeKey(e)))
            diff.edges.append(edgeChange(Kind::Removed, e));
    }

    // --- settings and the document's other members ---
    compareValues(QString(), beforeSettings, afterSettings, &diff.settings);
    QJsonObject beforeRest = beforeDefinition;
    QJsonObject afterRest = afterDefinition;
    for (const QString &key : {kNodes, kEdges}) {
        beforeRest.remove(key);
        afterRest.remove(key);
    }
    compareValues(QString(), beforeRest, afterRest, &diff.document);
    return diff;
}

QJsonObject FlowDiff::overlay(const QJsonObject &afterDefinition, QStringList *removedEdgeIds) const
{
    QJsonObject merged = afterDefinition;
    QJsonArray nodesArray = afterDefinition.value(kNodes).toArray();
    for (const NodeChange &c : nodes) {
        if (c.kind == Kind::Removed)
            nodesArray.append(c.before);
    }
    merged.insert(kNodes, nodesArray);
    QJsonArray edgesArray = afterDefinition.value(kEdges).toArray();
    QSet<QString> edgeIds;
    for (const QJsonValue &e : std::as_const(edgesArray))
        edgeIds.insert(e.toObject().value(kId).toString());
    for (const EdgeChange &c : edges) {
        if (c.kind != Kind::Removed)
            continue;
        QJsonObject e = c.edge;
        QString id = e.value(kId).toString();
        for (int n = 1; id.isEmpty() || edgeIds.contains(id); ++n)
            id = QStringLiteral("removed-edge-%1").arg(n);
        edgeIds.insert(id);
        e.insert(kId, id);
        edgesArray.append(e);
        if (removedEdgeIds)
            removedEdgeIds->append(id);
    }
    merged.insert(kEdges, edgesArray);
    return merged;
}

int FlowDiff::count(Kind kind) const
{
    return static_cast<int>(std::count_if(nodes.cbegin(), nodes.cend(),
                                          [kind](const NodeChange &c) { return c.kind == kind; }));
}

int FlowDiff::edgeCount(Kind kind) const
{
    return static_cast<int>(std::count_if(edges.cbegin(), edges.cend(),
                                          [kind](const EdgeChange &c) { return c.kind == kind; }));
}

const FlowDiff::NodeChange *FlowDiff::node(const QString &nodeId) const
{
    for (const NodeChange &c : nodes) {
        if (c.nodeId == nodeId)
            return &c;
    }
    return nullptr;
}

} // namespace hm::app
