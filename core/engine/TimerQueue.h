#pragma once

// Many one-shot deadlines on one QTimer: node timeouts, retry back-offs,
// flow timeouts and cancel grace periods. A QTimer per running node would
// cost a timer registration each; here it is a heap push. Lives on the
// engine thread; callbacks run there.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <functional>
#include <queue>
#include <unordered_map>
#include <vector>

namespace hm::engine {

class TimerQueue : public QObject
{
    Q_OBJECT
public:
    using Id = quint64;

    explicit TimerQueue(QObject *parent = nullptr);

    // Runs `callback` once, `delayMs` from now. Never 0: ids start at 1.
    Id schedule(qint64 delayMs, std::function<void()> callback);
    // Forgets a pending timer; harmless for fired or unknown ids.
    void cancel(Id id);
    int pendingCount() const { return static_cast<int>(m_callbacks.size()); }
    // Milliseconds until a pending timer fires (0 when due); -1 for fired,
    // cancelled or unknown ids. Lets tests see what was scheduled (a retry
    // back-off, a flow timeout) without waiting for it.
    qint64 remainingMs(Id id) const;

private:
    void fire();
    void rearm();

    struct Entry
    {
        qint64 deadline;
        Id id;
        bool operator>(const Entry &other) const
        {
            return deadline != other.deadline ? deadline > other.deadline : id > other.id;
        }
    };
    QElapsedTimer m_clock;
    QTimer m_timer;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> m_heap;
    struct Pending
    {
        qint64 deadline;
        std::function<void()> callback;
    };
    std::unordered_map<Id, Pending> m_callbacks;
    Id m_nextId = 1;
};

} // namespace hm::engine
