#include "flow/FlowGraph.h"

#include <QtGlobal>
#include <algorithm>
#include <bit>

namespace hm::flow {

Digraph Digraph::fromEdges(int nodeCount, std::vector<std::pair<int, int>> edges)
{
    // Bucketed by source (a counting sort, linear in the edges), then each
    // node's few children sorted and deduplicated in place: cheaper than
    // sorting all the pairs, and the result is the same.
    const auto n = static_cast<size_t>(nodeCount);
    Digraph g;
    std::vector<int> &childOffsets = g.children.offsets;
    childOffsets.assign(n + 1, 0);
    for (const auto &edge : edges)
        ++childOffsets[static_cast<size_t>(edge.first) + 1];
    for (size_t i = 0; i < n; ++i)
        childOffsets[i + 1] += childOffsets[i];
    std::vector<int> children(edges.size());
    {
        std::vector<int> fill(childOffsets.begin(), childOffsets.end() - 1);
        for (const auto &[from, to] : edges)
            children[static_cast<size_t>(fill[static_cast<size_t>(from)]++)] = to;
    }
    // Sort and deduplicate each bucket, compacting the list as we go.
    size_t write = 0;
    for (size_t i = 0; i < n; ++i) {
        const auto first = children.begin() + childOffsets[i];
        const auto last = children.begin() + childOffsets[i + 1];
        std::sort(first, last);
        const auto end = std::unique(first, last);
        childOffsets[i] = static_cast<int>(write);
        for (auto it = first; it != end; ++it)
            children[write++] = *it;
    }
    childOffsets[n] = static_cast<int>(write);
    children.resize(write);
    g.children.list = std::move(children);

    // Parents: walking sources in ascending order appends each node's
    // parents ascending too.
    std::vector<int> &parentOffsets = g.parents.offsets;
    parentOffsets.assign(n + 1, 0);
    for (int to : g.children.list)
        ++parentOffsets[static_cast<size_t>(to) + 1];
    for (size_t i = 0; i < n; ++i)
        parentOffsets[i + 1] += parentOffsets[i];
    g.parents.list.resize(g.children.list.size());
    std::vector<int> fill(parentOffsets.begin(), parentOffsets.end() - 1);
    for (size_t from = 0; from < n; ++from) {
        for (int to : g.children.of(static_cast<int>(from)))
            g.parents.list[static_cast<size_t>(fill[static_cast<size_t>(to)]++)] =
                static_cast<int>(from);
    }
    return g;
}

namespace {

// The ready nodes of Kahn's algorithm as a two-level bitset: taking the
// lowest and adding one are a few word operations, where a binary heap
// costs a logarithmic number of moves for each.
class ReadySet
{
public:
    explicit ReadySet(int size)
        : m_words((static_cast<size_t>(size) + 63) / 64, 0),
          m_summary((m_words.size() + 63) / 64, 0)
    {}

    void add(int index)
    {
        const auto i = static_cast<size_t>(index);
        m_words[i / 64] |= quint64(1) << (i % 64);
        m_summary[i / 4096] |= quint64(1) << ((i / 64) % 64);
        m_first = std::min(m_first, i / 4096);
    }

    // The lowest index in the set, removed; -1 when empty.
    int takeLowest()
    {
        while (m_first < m_summary.size() && m_summary[m_first] == 0)
            ++m_first;
        if (m_first == m_summary.size())
            return -1;
        quint64 &summary = m_summary[m_first];
        const size_t w = m_first * 64 + static_cast<size_t>(std::countr_zero(summary));
        const auto bit = static_cast<size_t>(std::countr_zero(m_words[w]));
        m_words[w] &= m_words[w] - 1;
        if (m_words[w] == 0)
            summary &= summary - 1;
        return static_cast<int>(w * 64 + bit);
    }

private:
    std::vector<quint64> m_words;
    std::vector<quint64> m_summary; // bit w: m_words[w] is not zero
    size_t m_first = 0;             // no summary word before this one is set
};

} // namespace

QList<int> topologicalOrder(const Digraph &graph)
{
    const int n = graph.size();
    std::vector<int> pending(static_cast<size_t>(n));
    ReadySet ready(n);
    for (int i = 0; i < n; ++i) {
        pending[static_cast<size_t>(i)] = static_cast<int>(graph.parents.of(i).size());
        if (pending[static_cast<size_t>(i)] == 0)
            ready.add(i);
    }
    QList<int> order;
    order.reserve(n);
    for (int node = ready.takeLowest(); node >= 0; node = ready.takeLowest()) {
        order.append(node);
        for (int child : graph.children.of(node)) {
            if (--pending[static_cast<size_t>(child)] == 0)
                ready.add(child);
        }
    }
    return order;
}

QList<QList<int>> findCycles(const Digraph &graph, int limit)
{
    enum : unsigned char
    {
        White,
        Grey,
        Black
    };
    const int n = graph.size();
    std::vector<unsigned char> colour(static_cast<size_t>(n), White);
    std::vector<int> stackPos(static_cast<size_t>(n), -1);
    // Explicit DFS stack of (node, index of the next child to visit).
    std::vector<std::pair<int, int>> stack;
    QList<QList<int>> cycles;

    for (int start = 0; start < n && cycles.size() < limit; ++start) {
        if (colour[static_cast<size_t>(start)] != White)
            continue;
        stack.emplace_back(start, 0);
        colour[static_cast<size_t>(start)] = Grey;
        stackPos[static_cast<size_t>(start)] = 0;
        while (!stack.empty()) {
            auto &[node, next] = stack.back();
            const std::span<const int> kids = graph.children.of(node);
            if (static_cast<size_t>(next) == kids.size()) {
                colour[static_cast<size_t>(node)] = Black;
                stackPos[static_cast<size_t>(node)] = -1;
                stack.pop_back();
                continue;
            }
            const int child = kids[static_cast<size_t>(next++)];
            const auto c = colour[static_cast<size_t>(child)];
            if (c == White) {
                colour[static_cast<size_t>(child)] = Grey;
                stackPos[static_cast<size_t>(child)] = static_cast<int>(stack.size());
                stack.emplace_back(child, 0); // invalidates node/next; loop re-reads
            } else if (c == Grey && cycles.size() < limit) {
                // Back edge node -> child: the stack from child up to node.
                QList<int> cycle;
                for (size_t i = static_cast<size_t>(stackPos[static_cast<size_t>(child)]);
                     i < stack.size(); ++i)
                    cycle.append(stack[i].first);
                const auto lowest = std::min_element(cycle.begin(), cycle.end());
                std::rotate(cycle.begin(), lowest, cycle.end());
                cycles.append(cycle);
            }
        }
    }
    return cycles;
}

} // namespace hm::flow
