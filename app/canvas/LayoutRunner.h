#pragma once

#include "canvas/FlowLayout.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPointF>
#include <QString>
#include <functional>
#include <memory>

namespace hm::app {

// Runs a FlowLayout off the GUI thread: Graphviz's dot on a large flow takes
// long enough to freeze the window. start() hands the worker a copy of the
// graph (plain data: ids, sizes, edges; never the model or the scene) and a
// share of the engine (it outlives an editor closed meanwhile, whose run
// then ends unseen); finished() brings the positions back on the runner's
// thread. One run at a time.
class LayoutRunner final : public QObject
{
    Q_OBJECT

public:
    explicit LayoutRunner(std::shared_ptr<const FlowLayout> engine, QObject *parent = nullptr);

    const FlowLayout &engine() const { return *m_engine; }
    bool isRunning() const { return m_running; }
    // Starts a run; false (nothing started) while one is on its way.
    bool start(const LayoutGraph &graph);

    // Tests: called on the worker before the layout runs, so a test can
    // hold the run there until it lets it go (deterministic, no sleeps).
    void setGateForTests(std::function<void()> gate) { m_gate = std::move(gate); }

signals:
    void finished(const QHash<QString, QPointF> &positions);

private:
    std::shared_ptr<const FlowLayout> m_engine;
    QFutureWatcher<QHash<QString, QPointF>> m_watcher;
    std::function<void()> m_gate;
    bool m_running = false;
};

} // namespace hm::app
