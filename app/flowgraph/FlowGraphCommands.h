#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPointF>
#include <QStringList>
#include <QUndoCommand>

namespace hm::app {

class FlowGraphModel;

// Base of every edit of a FlowGraphModel. Commands change the model only
// through its primitive changes (insert/take a node or edge, set a node
// member), which emit the signals the scene mirrors. Each command keeps the
// exact JSON it replaced, so undo gives back the definition byte for byte.
// The model's edit methods check an edit and push the command; pushing one
// directly skips those checks.
class FlowGraphCommand : public QUndoCommand
{
public:
    explicit FlowGraphCommand(FlowGraphModel *model, const QString &text);

protected:
    void insertNode(int index, const QJsonObject &json);
    QJsonObject takeNode(const QString &id, int *index);
    void insertEdge(int index, const QJsonObject &json);
    QJsonObject takeEdge(const QString &id, int *index);
    void setNodeMember(const QString &id, const QString &key, const QJsonValue &value);
    void setSettingsJson(const QJsonObject &settings);

    FlowGraphModel *m_model;
};

// Appends nodes and edges (add node, connect, paste); undo takes them out.
class InsertItemsCommand : public FlowGraphCommand
{
public:
    InsertItemsCommand(FlowGraphModel *model, QList<QJsonObject> nodes, QList<QJsonObject> edges,
                       const QString &text);
    void redo() override;
    void undo() override;

private:
    QList<QJsonObject> m_nodes;
    QList<QJsonObject> m_edges;
};

// Removes nodes with every edge attached to them, and edges; undo puts each
// back at its old place in the definition.
class RemoveItemsCommand : public FlowGraphCommand
{
public:
    RemoveItemsCommand(FlowGraphModel *model, const QStringList &nodeIds,
                       const QStringList &edgeIds, const QString &text);
    void redo() override;
    void undo() override;

private:
    struct Taken
    {
        int index = -1;
        QJsonObject json;
    };
    QStringList m_nodeIds;
    QStringList m_edgeIds;     // the given edges and those attached to the nodes
    QList<Taken> m_takenNodes; // in the order taken: descending index
    QList<Taken> m_takenEdges;
};

// New positions for some nodes. Moves with the same non-zero gesture and
// the same nodes merge (dragging); a layout is one step that never merges.
class MoveNodesCommand : public FlowGraphCommand
{
public:
    static constexpr int kId = 0x464d; // QUndoCommand::id() for merging
    MoveNodesCommand(FlowGraphModel *model, const QHash<QString, QPointF> &positions, int gesture,
                     const QString &text);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    int m_gesture;
    QStringList m_nodeIds;               // sorted, to compare selections
    QHash<QString, QJsonValue> m_before; // "position" as it was (undefined: absent)
    QHash<QString, QJsonValue> m_after;
};

// Replaces one member of a node (config, inputMappings). Changes of the
// same member of the same node with the same non-zero gesture merge: the
// inspector gives each field edit (typing in one field) its own gesture, so
// a word typed is one undo step. An edit typed back to where it began
// disappears from the stack.
class SetNodeMemberCommand : public FlowGraphCommand
{
public:
    static constexpr int kId = 0x464e;
    SetNodeMemberCommand(FlowGraphModel *model, const QString &nodeId, const QString &key,
                         const QJsonValue &value, const QString &text, int gesture = 0);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    QString m_nodeId;
    QString m_key;
    QJsonValue m_before;
    QJsonValue m_after;
    int m_gesture;
};

// New flow settings; merges like SetNodeMemberCommand.
class SetSettingsCommand : public FlowGraphCommand
{
public:
    static constexpr int kId = 0x4653;
    SetSettingsCommand(FlowGraphModel *model, const QJsonObject &settings, const QString &text,
                       int gesture = 0);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    QJsonObject m_before;
    QJsonObject m_after;
    int m_gesture;
};

} // namespace hm::app
