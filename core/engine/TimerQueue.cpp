#include "engine/TimerQueue.h"

#include <algorithm>

namespace hm::engine {

TimerQueue::TimerQueue(QObject *parent) : QObject(parent), m_timer(this)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TimerQueue::fire);
}

TimerQueue::Id TimerQueue::schedule(qint64 delayMs, std::function<void()> callback)
{
    const Id id = m_nextId++;
    const qint64 deadline = m_clock.elapsed() + std::max<qint64>(0, delayMs);
    m_heap.push({deadline, id});
    m_callbacks.emplace(id, Pending{deadline, std::move(callback)});
    rearm();
    return id;
}

void TimerQueue::cancel(Id id)
{
    // The heap entry stays and is dropped when it comes up; long timers
    // (flow timeouts) that are nearly always cancelled would pile up, so
    // the heap is rebuilt once most of it is dead.
    if (m_callbacks.erase(id) == 0)
        return;
    if (m_heap.size() > 1024 && m_heap.size() > 2 * m_callbacks.size()) {
        std::vector<Entry> live;
        live.reserve(m_callbacks.size());
        while (!m_heap.empty()) {
            if (m_callbacks.contains(m_heap.top().id))
                live.push_back(m_heap.top());
            m_heap.pop();
        }
        m_heap = decltype(m_heap)(std::greater<>(), std::move(live));
    }
}

qint64 TimerQueue::remainingMs(Id id) const
{
    const auto it = m_callbacks.find(id);
    if (it == m_callbacks.end())
        return -1;
    return std::max<qint64>(0, it->second.deadline - m_clock.elapsed());
}

void TimerQueue::fire()
{
    const qint64 now = m_clock.elapsed();
    while (!m_heap.empty() && m_heap.top().deadline <= now) {
        const Id id = m_heap.top().id;
        m_heap.pop();
        auto it = m_callbacks.find(id);
        if (it == m_callbacks.end())
            continue;
        std::function<void()> callback = std::move(it->second.callback);
        m_callbacks.erase(it);
        callback(); // may schedule or cancel others
    }
    rearm();
}

void TimerQueue::rearm()
{
    while (!m_heap.empty() && !m_callbacks.contains(m_heap.top().id))
        m_heap.pop();
    if (m_heap.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 wait = std::max<qint64>(0, m_heap.top().deadline - m_clock.elapsed());
    if (!m_timer.isActive() || m_timer.remainingTime() > wait)
        m_timer.start(static_cast<int>(std::min<qint64>(wait, std::numeric_limits<int>::max())));
}

} // namespace hm::engine
