#include "flowgraph/FlowGraphCommands.h"

#include "flowgraph/FlowGraphModel.h"

#include <algorithm>

namespace hm::app {

FlowGraphCommand::FlowGraphCommand(FlowGraphModel *model, const QString &text)
    : QUndoCommand(text), m_model(model)
{}

void FlowGraphCommand::insertNode(int index, const QJsonObject &json)
{
    m_model->insertNode(index, json);
}

QJsonObject FlowGraphCommand::takeNode(const QString &id, int *index)
{
    return m_model->takeNode(id, index);
}

void FlowGraphCommand::insertEdge(int index, const QJsonObject &json)
{
    m_model->insertEdge(index, json);
}

QJsonObject FlowGraphCommand::takeEdge(const QString &id, int *index)
{
    return m_model->takeEdge(id, index);
}

void FlowGraphCommand::setNodeMember(const QString &id, const QString &key, const QJsonValue &value)
{
    m_model->setNodeMember(id, key, value);
}

void FlowGraphCommand::setSettingsJson(const QJsonObject &settings)
{
    m_model->setSettingsJson(settings);
}

// --- InsertItemsCommand -------------------------------------------------------

InsertItemsCommand::InsertItemsCommand(FlowGraphModel *model, QList<QJsonObject> nodes,
                                       QList<QJsonObject> edges, const QString &text)
    : FlowGraphCommand(model, text), m_nodes(std::move(nodes)), m_edges(std::move(edges))
{}

void InsertItemsCommand::redo()
{
    // Nodes first: an edge is only ever inserted between existing nodes.
    for (const QJsonObject &node : std::as_const(m_nodes))
        insertNode(m_model->nodeCount(), node);
    for (const QJsonObject &edge : std::as_const(m_edges))
        insertEdge(m_model->edgeCount(), edge);
}

void InsertItemsCommand::undo()
{
    for (auto it = m_edges.crbegin(); it != m_edges.crend(); ++it)
        takeEdge(it->value(QStringLiteral("id")).toString(), nullptr);
    for (auto it = m_nodes.crbegin(); it != m_nodes.crend(); ++it)
        takeNode(it->value(QStringLiteral("id")).toString(), nullptr);
}

// --- RemoveItemsCommand -------------------------------------------------------

RemoveItemsCommand::RemoveItemsCommand(FlowGraphModel *model, const QStringList &nodeIds,
                                       const QStringList &edgeIds, const QString &text)
    : FlowGraphCommand(model, text)
{
    for (const QString &id : nodeIds) {
        if (model->hasNode(id) && !m_nodeIds.contains(id))
            m_nodeIds.append(id);
    }
    QStringList edges = edgeIds;
    for (const QString &id : std::as_const(m_nodeIds)) {
        edges += model->edgesOf(id, PortDirection::In);
        edges += model->edgesOf(id, PortDirection::Out);
    }
    for (const QString &id : std::as_const(edges)) {
        if (model->edge(id) && !m_edgeIds.contains(id))
            m_edgeIds.append(id);
    }
}

void RemoveItemsCommand::redo()
{
    // Taken from the back of the definition to its front and put back from
    // front to back: every item returns to exactly the index it had.
    auto byIndexDescending = [](const QStringList &ids, auto indexOf) {
        QList<QPair<int, QString>> order;
        for (const QString &id : ids)
            order.append({indexOf(id), id});
        std::sort(order.begin(), order.end(),
                  [](const auto &a, const auto &b) { return a.first > b.first; });
        return order;
    };
    const QStringList allEdges = m_model->edgeIds();
    const QStringList allNodes = m_model->nodeIds();
    m_takenEdges.clear();
    m_takenNodes.clear();
    for (const auto &[index, id] :
         byIndexDescending(m_edgeIds, [&](const QString &id) { return allEdges.indexOf(id); })) {
        Taken taken;
        taken.json = takeEdge(id, &taken.index);
        m_takenEdges.append(taken);
    }
    for (const auto &[index, id] :
         byIndexDescending(m_nodeIds, [&](const QString &id) { return allNodes.indexOf(id); })) {
        Taken taken;
        taken.json = takeNode(id, &taken.index);
        m_takenNodes.append(taken);
    }
}

void RemoveItemsCommand::undo()
{
    for (auto it = m_takenNodes.crbegin(); it != m_takenNodes.crend(); ++it)
        insertNode(it->index, it->json);
    for (auto it = m_takenEdges.crbegin(); it != m_takenEdges.crend(); ++it)
        insertEdge(it->index, it->json);
}

// --- MoveNodesCommand ---------------------------------------------------------

namespace {

// The node's "position" with x and y replaced; other members of the
// position object, if a stored flow has any, stay.
QJsonValue movedPosition(const QJsonValue &before, QPointF to)
{
    QJsonObject position = before.toObject();
    position.insert(QStringLiteral("x"), to.x());
    position.insert(QStringLiteral("y"), to.y());
    return position;
}

} // namespace

MoveNodesCommand::MoveNodesCommand(FlowGraphModel *model, const QHash<QString, QPointF> &positions,
                                   int gesture, const QString &text)
    : FlowGraphCommand(model, text), m_gesture(gesture)
{
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        const FlowNode *node = model->node(it.key());
        if (!node)
            continue;
        const QJsonValue before = node->json.value(QStringLiteral("position"));
        m_nodeIds.append(it.key());
        m_before.insert(it.key(), before);
        m_after.insert(it.key(), movedPosition(before, it.value()));
    }
    std::sort(m_nodeIds.begin(), m_nodeIds.end());
    // A "move" to where the nodes already are (a click without a drag) is
    // no step at all: the stack drops obsolete commands.
    setObsolete(m_before == m_after);
}

void MoveNodesCommand::redo()
{
    for (const QString &id : std::as_const(m_nodeIds))
        setNodeMember(id, QStringLiteral("position"), m_after.value(id));
}

void MoveNodesCommand::undo()
{
    for (const QString &id : std::as_const(m_nodeIds))
        setNodeMember(id, QStringLiteral("position"), m_before.value(id));
}

int MoveNodesCommand::id() const
{
    return m_gesture == 0 ? -1 : kId;
}

bool MoveNodesCommand::mergeWith(const QUndoCommand *other)
{
    const auto *move = dynamic_cast<const MoveNodesCommand *>(other);
    if (!move || move->m_gesture != m_gesture || m_gesture == 0 || move->m_nodeIds != m_nodeIds)
        return false;
    m_after = move->m_after;
    // Dragged back to where it started: the whole drag disappears.
    setObsolete(m_before == m_after);
    return true;
}

// --- SetNodeMemberCommand -----------------------------------------------------

SetNodeMemberCommand::SetNodeMemberCommand(FlowGraphModel *model, const QString &nodeId,
                                           const QString &key, const QJsonValue &value,
                                           const QString &text, int gesture)
    : FlowGraphCommand(model, text), m_nodeId(nodeId), m_key(key), m_after(value),
      m_gesture(gesture)
{
    if (const FlowNode *node = model->node(nodeId))
        m_before = node->json.value(key);
}

int SetNodeMemberCommand::id() const
{
    return m_gesture == 0 ? -1 : kId;
}

bool SetNodeMemberCommand::mergeWith(const QUndoCommand *other)
{
    const auto *set = dynamic_cast<const SetNodeMemberCommand *>(other);
    if (!set || m_gesture == 0 || set->m_gesture != m_gesture || set->m_nodeId != m_nodeId ||
        set->m_key != m_key)
        return false;
    m_after = set->m_after;
    setObsolete(m_before == m_after);
    return true;
}

void SetNodeMemberCommand::redo()
{
    setNodeMember(m_nodeId, m_key, m_after);
}

void SetNodeMemberCommand::undo()
{
    setNodeMember(m_nodeId, m_key, m_before);
}

// --- SetSettingsCommand -------------------------------------------------------

SetSettingsCommand::SetSettingsCommand(FlowGraphModel *model, const QJsonObject &settings,
                                       const QString &text, int gesture)
    : FlowGraphCommand(model, text), m_before(model->settings()), m_after(settings),
      m_gesture(gesture)
{}

int SetSettingsCommand::id() const
{
    return m_gesture == 0 ? -1 : kId;
}

bool SetSettingsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *set = dynamic_cast<const SetSettingsCommand *>(other);
    if (!set || m_gesture == 0 || set->m_gesture != m_gesture)
        return false;
    m_after = set->m_after;
    setObsolete(m_before == m_after);
    return true;
}

void SetSettingsCommand::redo()
{
    setSettingsJson(m_after);
}

void SetSettingsCommand::undo()
{
    setSettingsJson(m_before);
}

} // namespace hm::app
