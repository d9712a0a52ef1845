#include "canvas/LayoutRunner.h"

#include <QtConcurrent/QtConcurrentRun>

namespace hm::app {

LayoutRunner::LayoutRunner(std::shared_ptr<const FlowLayout> engine, QObject *parent)
    : QObject(parent), m_engine(std::move(engine))
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        m_running = false;
        emit finished(m_watcher.result());
    });
}

bool LayoutRunner::start(const LayoutGraph &graph)
{
    if (m_running)
        return false;
    m_running = true;
    // Everything the worker touches is its own copy or the shared engine,
    // whose layout() keeps no state between calls.
    m_watcher.setFuture(QtConcurrent::run([engine = m_engine, graph, gate = m_gate] {
        if (gate)
            gate();
        return engine->layout(graph);
    }));
    return true;
}

} // namespace hm::app
