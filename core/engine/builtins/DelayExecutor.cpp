#include "engine/builtins/DelayExecutor.h"

#include <QTimer>

namespace hm::engine::builtins {

namespace {

class DelayRun final : public NodeRun
{
public:
    DelayRun(qint64 ms, QJsonObject outputs, NodeDone done)
        : m_outputs(std::move(outputs)), m_done(std::move(done))
    {
        m_timer.setSingleShot(true);
        // A coarse timer may fire up to 5 % early; a delay waits at least ms.
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout,
                         [this] { report(NodeOutcome::completed(m_outputs)); });
        m_timer.start(static_cast<int>(std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max())));
    }

    void cancel() override
    {
        if (!m_timer.isActive())
            return;
        m_timer.stop();
        report(NodeOutcome::cancelled());
    }

private:
    void report(NodeOutcome outcome)
    {
        // `done` may destroy this run (later, not from inside): take it first.
        NodeDone done = std::move(m_done);
        m_done = nullptr;
        if (done)
            done(std::move(outcome));
    }

    QTimer m_timer;
    QJsonObject m_outputs;
    NodeDone m_done;
};

} // namespace

std::unique_ptr<NodeRun> DelayExecutor::start(const NodeTask &task, NodeDone done)
{
    qint64 ms = task.config.value(QStringLiteral("ms")).toInteger(-1);
    if (ms < 0)
        ms = task.inputs.value(QStringLiteral("ms")).toInteger(0);
    const QJsonObject &outputs = task.inputs;
    return std::make_unique<DelayRun>(ms, outputs, std::move(done));
}

} // namespace hm::engine::builtins
