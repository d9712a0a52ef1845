#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace hm::app {

// What changed between two versions of a flow (issue 11, item 5): nodes
// added, removed and changed (component or version, config, input
// mappings, position, other members), edges added and removed, and the
// flow settings. Computed from the stored definition and settings JSON
// alone, so it needs no catalogue and no widgets; the version diff on the
// canvas (FlowVersionViewer) draws it.
//
// Nodes are matched by id. Edges are matched by what they connect (source,
// source handle, target, target handle, "default" where a handle is left
// out), not by their ids: an edge re-made with another id connects the
// same ports and is no change. Config and settings differences are listed
// per leaf member as a dotted path ("headers.Accept", "retry.maxAttempts");
// mappings per input name; arrays compare whole.
struct FlowDiff
{
    enum class Kind
    {
        Added,
        Removed,
        Changed,
    };

    // Which parts of a changed node differ.
    enum Aspect
    {
        ComponentAspect = 0x01, // component or version
        ConfigAspect = 0x02,
        MappingsAspect = 0x04,
        PositionAspect = 0x08,
        OtherAspect = 0x10, // any other member of the node's JSON
    };

    // One member that differs: `before` or `after` is undefined when the
    // member is only in one of the two.
    struct ValueChange
    {
        QString path;
        QJsonValue before;
        QJsonValue after;
        bool operator==(const ValueChange &) const = default;
    };

    struct NodeChange
    {
        QString nodeId;
        Kind kind = Kind::Changed;
        int aspects = 0;             // Aspect flags; Changed only
        QJsonObject before;          // the node as it was (Removed, Changed)
        QJsonObject after;           // the node as it is (Added, Changed)
        QList<ValueChange> config;   // Changed: config members
        QList<ValueChange> mappings; // Changed: input mappings by input name
        QList<ValueChange> other;    // Changed: component, version, position, other members
        // Only the position differs: moved, drawn unmarked on the canvas.
        bool movedOnly() const { return kind == Kind::Changed && aspects == PositionAspect; }
    };

    struct EdgeChange
    {
        Kind kind = Kind::Added; // Added or Removed
        QJsonObject edge;        // as stored in the version that has it
        QString source;
        QString sourceHandle;
        QString target;
        QString targetHandle;
    };

    QList<NodeChange> nodes; // after's order, then removed nodes in before's order
    QList<EdgeChange> edges; // added in after's order, then removed in before's order
    QList<ValueChange> settings;
    // Members of the definition other than nodes and edges (schemaVersion…).
    QList<ValueChange> document;

    bool isEmpty() const
    {
        return nodes.isEmpty() && edges.isEmpty() && settings.isEmpty() && document.isEmpty();
    }
    int count(Kind kind) const;     // nodes of that kind (moved-only ones count as Changed)
    int edgeCount(Kind kind) const; // edges of that kind
    const NodeChange *node(const QString &nodeId) const;

    // `before` → `after`. Settings that are empty on one side compare as
    // empty objects (the server's defaults are not filled in).
    static FlowDiff compute(const QJsonObject &beforeDefinition, const QJsonObject &beforeSettings,
                            const QJsonObject &afterDefinition, const QJsonObject &afterSettings);
    // What the canvas draws for a diff: `after`'s definition with the
    // removed nodes and edges of this diff put back (removed edges get a
    // fresh id when after uses theirs). Ids of put-back edges: removedEdgeIds.
    QJsonObject overlay(const QJsonObject &afterDefinition, QStringList *removedEdgeIds) const;

    // The leaf members that differ between two JSON values, as dotted paths
    // under `prefix` (objects are descended, anything else compares whole).
    static void compareValues(const QString &prefix, const QJsonValue &before,
                              const QJsonValue &after, QList<ValueChange> *out);
};

} // namespace hm::app
