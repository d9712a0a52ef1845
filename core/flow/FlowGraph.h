#pragma once

#include <QList>
#include <algorithm>
#include <span>
#include <utility>
#include <vector>

namespace hm::flow {

// Graph algorithms over dense node indices, kept apart from the flow types so
// they can be tested and reasoned about on their own. Everything here is
// iterative: a 10,000-node chain must not recurse 10,000 deep.
//
// Adjacency is stored compressed (CSR): one offsets array and one flat list
// instead of a list per node, so a 10,000-node graph costs a handful of
// allocations rather than tens of thousands.
struct Adjacency
{
    std::vector<int> offsets{0}; // nodeCount + 1 entries
    std::vector<int> list;

    std::span<const int> of(int node) const
    {
        const auto i = static_cast<size_t>(node);
        return {list.data() + offsets[i], list.data() + offsets[i + 1]};
    }
};

struct Digraph
{
    Adjacency parents;  // distinct, ascending
    Adjacency children; // distinct, ascending

    int size() const { return static_cast<int>(parents.offsets.size()) - 1; }

    // Builds the graph from (from, to) pairs in any order; duplicates (two
    // edges between the same nodes) collapse into one.
    static Digraph fromEdges(int nodeCount, std::vector<std::pair<int, int>> edges);
};

// Kahn's algorithm, taking the lowest ready index first. With a cycle the
// result is shorter than the graph: the nodes on or behind cycles are left
// out.
QList<int> topologicalOrder(const Digraph &graph);

// Cycles found by a depth-first search, one per back edge, each listed in
// edge order and rotated to start at its lowest index. At most `limit`
// cycles, since a dense tangle could have very many.
QList<QList<int>> findCycles(const Digraph &graph, int limit);

// Answers "is A an ancestor of N?" by walking parents backwards from N.
// With topological positions the walk skips every node placed before A,
// which cannot lead to A; without them (a graph with a cycle) it is a plain
// search. Reuses its scratch space between queries, so keep one per thread.
// ParentsOf: callable int -> std::span<const int> (ascending).
template <typename ParentsOf> class AncestorSearch
{
public:
    AncestorSearch(int nodeCount, ParentsOf parentsOf, const std::vector<int> *topoPos)
        : m_parentsOf(parentsOf), m_topoPos(topoPos), m_seen(static_cast<size_t>(nodeCount), 0)
    {}

    bool isAncestor(int ancestor, int node)
    {
        if (ancestor == node)
            return false;
        const std::span<const int> direct = m_parentsOf(node);
        if (std::binary_search(direct.begin(), direct.end(), ancestor))
            return true; // the common case: mapping from a parent
        if (m_topoPos &&
            (*m_topoPos)[static_cast<size_t>(ancestor)] >= (*m_topoPos)[static_cast<size_t>(node)])
            return false;
        if (++m_stamp == 0) { // wrapped: forget every old mark
            std::fill(m_seen.begin(), m_seen.end(), 0);
            m_stamp = 1;
        }
        m_stack.clear();
        m_stack.push_back(node);
        m_seen[static_cast<size_t>(node)] = m_stamp;
        while (!m_stack.empty()) {
            const int current = m_stack.back();
            m_stack.pop_back();
            for (int parent : m_parentsOf(current)) {
                if (parent == ancestor)
                    return true;
                auto &mark = m_seen[static_cast<size_t>(parent)];
                if (mark == m_stamp)
                    continue;
                mark = m_stamp;
                if (m_topoPos && (*m_topoPos)[static_cast<size_t>(parent)] <
                                     (*m_topoPos)[static_cast<size_t>(ancestor)])
                    continue; // placed before the ancestor: cannot lead to it
                m_stack.push_back(parent);
            }
        }
        return false;
    }

private:
    ParentsOf m_parentsOf;
    const std::vector<int> *m_topoPos;
    std::vector<unsigned> m_seen;
    std::vector<int> m_stack;
    unsigned m_stamp = 0;
};

} // namespace hm::flow
