#include "canvas/FlowLayout.h"

#include <QByteArray>
#include <QMutex>
#include <graphviz/cgraph.h>
#include <graphviz/graphviz_version.h>
#include <graphviz/gvc.h>

namespace hm::app {

namespace {

constexpr double kPointsPerInch = 72.0;

// Graphviz keeps global state (cgraph's and dot's statics): one layout at
// a time in the process, whichever worker asks (two editors may).
QMutex graphvizMutex;

// cgraph's setters take char *; the strings are copied, so temporaries do.
void set(void *object, const char *name, const QByteArray &value)
{
    agsafeset(object, const_cast<char *>(name), const_cast<char *>(value.constData()),
              const_cast<char *>(""));
}

} // namespace

QString GraphvizLayout::name() const
{
    return QStringLiteral("Graphviz dot %1").arg(QString::fromLatin1(PACKAGE_VERSION));
}

QHash<QString, QPointF> GraphvizLayout::layout(const LayoutGraph &graph) const
{
    QHash<QString, QPointF> positions;
    if (graph.nodes.isEmpty())
        return positions;

    // The context is this call's own, made and freed on the calling thread.
    QMutexLocker lock(&graphvizMutex);
    GVC_t *gvc = gvContext();
    Agraph_t *g = agopen(const_cast<char *>("flow"), Agdirected, nullptr);
    set(g, "rankdir", "LR");
    // Graphviz measures separations in inches.
    set(g, "ranksep", QByteArray::number(kRankGap / kPointsPerInch));
    set(g, "nodesep", QByteArray::number(kNodeGap / kPointsPerInch));
    set(g, "splines", "false"); // the canvas draws its own curves

    QHash<QString, Agnode_t *> nodes;
    for (const LayoutGraph::Node &node : graph.nodes) {
        QByteArray id = node.id.toUtf8();
        Agnode_t *n = agnode(g, id.data(), 1);
        set(n, "shape", "box");
        set(n, "fixedsize", "true");
        set(n, "label", "");
        set(n, "width", QByteArray::number(node.size.width() / kPointsPerInch));
        set(n, "height", QByteArray::number(node.size.height() / kPointsPerInch));
        nodes.insert(node.id, n);
    }
    for (const LayoutGraph::Edge &edge : graph.edges) {
        Agnode_t *s = nodes.value(edge.source);
        Agnode_t *t = nodes.value(edge.target);
        if (s && t && s != t)
            agedge(g, s, t, nullptr, 1);
    }

    if (gvLayout(gvc, g, "dot") == 0) {
        // dot's y axis points up and coordinates are node centres.
        const double top = GD_bb(g).UR.y;
        for (const LayoutGraph::Node &node : graph.nodes) {
            const pointf centre = ND_coord(nodes.value(node.id));
            positions.insert(node.id, QPointF(centre.x - node.size.width() / 2.0,
                                              top - centre.y - node.size.height() / 2.0));
        }
        gvFreeLayout(gvc, g);
    }
    agclose(g);
    gvFreeContext(gvc);
    lock.unlock();
    if (positions.isEmpty())
        return LayeredLayout().layout(graph);
    return positions;
}

} // namespace hm::app
