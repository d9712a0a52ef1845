#include "canvas/FlowLayout.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>

namespace hm::app {

std::unique_ptr<FlowLayout> FlowLayout::create()
{
#ifdef HIVEMIND_HAVE_GRAPHVIZ
    return std::make_unique<GraphvizLayout>();
#else
    return std::make_unique<LayeredLayout>();
#endif
}

QString LayeredLayout::name() const
{
    return QCoreApplication::translate("hm::app::FlowLayout", "built-in layered layout");
}

QHash<QString, QPointF> LayeredLayout::layout(const LayoutGraph &graph) const
{
    QHash<QString, int> index;
    for (int i = 0; i < graph.nodes.size(); ++i)
        index.insert(graph.nodes[i].id, i);
    const int n = static_cast<int>(graph.nodes.size());
    QList<QList<int>> parents(n), children(n);
    for (const LayoutGraph::Edge &e : graph.edges) {
        const int s = index.value(e.source, -1);
        const int t = index.value(e.target, -1);
        if (s < 0 || t < 0 || s == t)
            continue;
        parents[t].append(s);
        children[s].append(t);
    }

    // Longest path from a source, in topological order (Kahn). The model
    // refuses cycles, but a hand-made document could hold one: whatever
    // Kahn cannot reach goes to rank 0 rather than looping.
    QList<int> rank(n, 0), indegree(n, 0), order;
    for (int i = 0; i < n; ++i)
        indegree[i] = static_cast<int>(parents[i].size());
    for (int i = 0; i < n; ++i) {
        if (indegree[i] == 0)
            order.append(i);
    }
    for (int k = 0; k < order.size(); ++k) {
        const int u = order[k];
        for (int v : std::as_const(children[u])) {
            rank[v] = std::max(rank[v], rank[u] + 1);
            if (--indegree[v] == 0)
                order.append(v);
        }
    }

    const int ranks = n == 0 ? 0 : *std::max_element(rank.begin(), rank.end()) + 1;
    QList<QList<int>> byRank(ranks);
    for (int i = 0; i < n; ++i)
        byRank[rank[i]].append(i);

    QHash<QString, QPointF> positions;
    QList<double> centreY(n, 0.0);
    double x = 0.0;
    for (QList<int> &members : byRank) {
        // One barycentre pass: a node sits near its parents, which keeps
        // edges short and mostly uncrossed for the flows people draw.
        std::stable_sort(members.begin(), members.end(), [&](int a, int b) {
            auto mean = [&](int i) {
                if (parents[i].isEmpty())
                    return static_cast<double>(i);
                double sum = 0.0;
                for (int p : std::as_const(parents[i]))
                    sum += centreY[p];
                return sum / static_cast<double>(parents[i].size());
            };
            return mean(a) < mean(b);
        });
        double width = 0.0;
        double y = 0.0;
        for (int i : std::as_const(members)) {
            const QSizeF size = graph.nodes[i].size;
            positions.insert(graph.nodes[i].id, QPointF(x, y));
            centreY[i] = y + size.height() / 2.0;
            y += size.height() + kNodeGap;
            width = std::max(width, size.width());
        }
        x += width + kRankGap;
    }
    return positions;
}

} // namespace hm::app
