#pragma once

// An event dispatcher on Linux's epoll, for threads that serve many
// sockets (the server's HTTP thread): Qt's own (QEventDispatcherUNIX)
// rebuilds and ppoll()s the whole list of socket notifiers on every pass,
// so each wake-up costs time in proportion to the open connections, and on
// a virtual machine every one of those per-socket polls is expensive. Here
// the kernel keeps the interest list and a pass costs in proportion to
// what is ready.
//
// Write notifiers are not put into epoll at once: a socket is nearly
// always writable, and QAbstractSocket switches its write notifier on for
// every answer and off once written, which would be two epoll_ctl calls
// per answer. A write notifier that is switched on is activated on the
// next pass without asking the kernel; only one still on after that (the
// socket's buffer was full) is watched through epoll. Users of write
// notifiers handle a write that would block (EAGAIN) anyway.
//
// Background descriptors (setBackground): bulk traffic such as thousands
// of agents reporting. They sit in an epoll set of their own, nested in the
// main one, and a pass serves at most kBackgroundBatch of them, after the
// other ready descriptors. Without it an operator's request queued behind
// every agent socket that became ready before it: epoll hands out ready
// descriptors in the order they became ready, 256 a pass, so with 10,000
// agents a request waited tens of passes while the thread caught up.
//
// Timers are kept in due order and fire at their interval (every timer
// type is served precisely, which each type allows). Posted events are
// sent at the start of every pass; a post from any thread wakes the
// dispatcher through an eventfd.
//
// Built on Linux only; createScalableEventDispatcher() (EventDispatcher.h)
// is the portable entry point.

#include <QAbstractEventDispatcher>
#include <QHash>
#include <atomic>
#include <chrono>
#include <set>
#include <utility>
#include <vector>

struct epoll_event;

namespace hm {

class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    // Background descriptors served per pass, after the others: with agents'
    // reports at some 50 µs each, a request arriving meanwhile waits for at
    // most about 3 ms of them.
    static constexpr int kBackgroundBatch = 64;

    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    // False when epoll or the eventfd could not be made (then use Qt's).
    bool isValid() const { return m_epoll >= 0 && m_wake >= 0 && m_background >= 0; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    // Serves `fd`'s notifiers (at least one registered) after the other
    // ready descriptors, a bounded batch a pass; false when `fd` has no
    // notifier here. The mark lasts until every notifier of `fd` is
    // unregistered: a descriptor reused later starts in the foreground.
    bool setBackground(int fd, bool background);
    bool isBackground(int fd) const;
    // How many descriptors are marked background now.
    int backgroundCount() const { return m_backgroundWatches; }

    void wakeUp() override;
    void interrupt() override;

private:
    using Clock = std::chrono::steady_clock;

    // The notifiers of one descriptor.
    struct Watch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        quint32 events = 0;        // the interest epoll holds for it
        bool inEpoll = false;      // added (EPOLL_CTL_ADD succeeded)
        bool pollable = true;      // false: epoll refused it (a regular file)
        bool writeAssumed = false; // write notifier on, not yet in epoll
        quint64 serial = 0;        // tells a reused descriptor from the old one
        bool background = false;   // in m_background's set, not m_epoll's
    };
    struct Timer
    {
        QObject *object = nullptr;
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        Clock::time_point due;
        bool firing = false; // its event is being delivered (no recursion)
    };

    int epollOf(const Watch &watch) const { return watch.background ? m_background : m_epoll; }
    void updateInterest(int fd, Watch &watch);
    // Turns epoll's events into (descriptor, serial) of known watches; true
    // when the background set was among them.
    bool collectReady(const epoll_event *events, int count,
                      std::vector<std::pair<int, quint64>> &ready,
                      std::vector<quint32> &readyEvents, int &handled);
    void forget(int fd);
    int activateSocketNotifiers(const std::vector<std::pair<int, quint64>> &ready,
                                const std::vector<quint32> &events);
    int activateAssumedWrites();
    int activateTimers();
    // For epoll_wait: 0 when something is due now, -1 for no limit.
    int waitTimeoutMs(bool canWait, bool timers, bool notifiers) const;
    void drainWake();

    int m_epoll = -1;
    int m_wake = -1;
    int m_background = -1; // epoll set of the background descriptors, in m_epoll
    std::atomic<bool> m_wakePending{false};
    std::atomic<bool> m_interrupted{false};

    QHash<int, Watch> m_watches;
    quint64 m_nextSerial = 1;
    int m_assumedWrites = 0; // watches with writeAssumed
    // (descriptor, serial) of write notifiers switched on since the last
    // pass: served without scanning every watch.
    std::vector<std::pair<int, quint64>> m_assumedQueue;
    int m_unpollable = 0;        // watches epoll refused: ready on every pass
    int m_backgroundWatches = 0; // watches with background

    QHash<int, Timer> m_timers;
    std::set<std::pair<Clock::time_point, int>> m_timerQueue; // (due, id)
};

} // namespace hm
