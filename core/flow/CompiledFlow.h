#pragma once

#include "flow/ComponentInterface.h"
#include "flow/FlowDefinition.h"
#include "flow/FlowGraph.h"
#include "flow/FlowSettings.h"
#include "flow/Mapping.h"
#include "flow/StringIndex.h"

#include <QHash>
#include <QList>
#include <QString>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace hm::flow {

// An input of a node and the parsed mapping that feeds it.
struct InputBinding
{
    QString input;
    Mapping mapping;
};

// One node after compile(). Indices are dense (0..nodeCount-1, in
// definition order); its graph neighbours and inputs are asked of the
// CompiledFlow, which keeps them in flat arrays.
struct CompiledNode
{
    QString id;
    QString component;
    QString version;
    QJsonObject config;
    std::shared_ptr<const ComponentInterface> interface;
    // Initial value of the fan-in pending counter: one per distinct parent
    // (seed 003 §5.2 "初始值 = 上游節點數"), so two edges from the same
    // parent (say a condition's true and false) count once.
    int inDegree = 0;
};

struct CompiledEdge
{
    QString id;
    int source = -1;
    int target = -1;
    QString sourceHandle; // never empty: absent handles become "default"
    QString targetHandle;
};

// A flow version checked and indexed once, then shared read-only by every
// execution pinned to it (hence immutable and handed out as a shared_ptr
// to const). Only compile() builds one.
class CompiledFlow
{
public:
    int nodeCount() const { return static_cast<int>(m_nodes.size()); }
    const CompiledNode &node(int index) const { return m_nodes[static_cast<size_t>(index)]; }
    // Dense index of a node id, or -1.
    int indexOf(const QString &nodeId) const { return m_indexById.find(nodeId); }
    int indexOf(QStringView nodeId) const { return m_indexById.find(nodeId); }

    // Distinct parents / children of a node, ascending.
    std::span<const int> dependencies(int index) const { return m_graph.parents.of(index); }
    std::span<const int> dependents(int index) const { return m_graph.children.of(index); }
    // Indices of the edges entering / leaving a node, ascending.
    std::span<const int> incomingEdges(int index) const { return m_inEdges.of(index); }
    std::span<const int> outgoingEdges(int index) const { return m_outEdges.of(index); }
    // The node's mapped inputs, sorted by input name.
    std::span<const InputBinding> inputs(int index) const
    {
        const auto i = static_cast<size_t>(index);
        return {m_inputs.data() + m_inputOffsets[i], m_inputs.data() + m_inputOffsets[i + 1]};
    }

    int edgeCount() const { return static_cast<int>(m_edges.size()); }
    const CompiledEdge &edge(int index) const { return m_edges[static_cast<size_t>(index)]; }

    const QList<int> &roots() const { return m_roots; }   // no dependencies
    const QList<int> &leaves() const { return m_leaves; } // no dependents
    // Kahn's order: every node after all its dependencies; ties broken by
    // definition order, so the order is stable across runs.
    const QList<int> &topologicalOrder() const { return m_topoOrder; }
    // Position of a node in topologicalOrder().
    int topologicalPosition(int index) const { return m_topoPos[static_cast<size_t>(index)]; }

    // Whether `ancestor` is reachable from `node` by walking dependencies
    // backwards (a node is not its own ancestor): only then can its outputs
    // exist when `node` runs. A backward search pruned by topological
    // position, so typical checks (a parent, a grandparent) are cheap and
    // no V×V table is kept per flow.
    bool isAncestor(int ancestor, int node) const;

    const FlowDefinition &definition() const { return m_definition; }
    const FlowSettings &settings() const { return m_settings; }
    // Parsed concurrency scopeKey when the scope is trigger_key.
    const std::optional<Mapping> &scopeKey() const { return m_scopeKey; }

private:
    friend class FlowCompiler;
    CompiledFlow() = default;

    FlowDefinition m_definition;
    FlowSettings m_settings;
    std::optional<Mapping> m_scopeKey;
    std::vector<CompiledNode> m_nodes;
    std::vector<CompiledEdge> m_edges;
    Digraph m_graph;
    Adjacency m_inEdges;
    Adjacency m_outEdges;
    std::vector<InputBinding> m_inputs;
    std::vector<size_t> m_inputOffsets{0};
    StringIndex m_indexById; // views into m_nodes[].id
    QList<int> m_roots;
    QList<int> m_leaves;
    QList<int> m_topoOrder;
    std::vector<int> m_topoPos;
};

using CompiledFlowPtr = std::shared_ptr<const CompiledFlow>;

} // namespace hm::flow
