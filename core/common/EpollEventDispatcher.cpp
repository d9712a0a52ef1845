#include "common/EpollEventDispatcher.h"

#include "common/Logging.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimerEvent>
#include <cerrno>
#include <cstring>
#include <limits>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace hm {

namespace {

// Descriptors reported per epoll_wait; more wait for the next pass.
constexpr int kMaxEvents = 256;

quint32 interestOf(bool read, bool write, bool exception)
{
    return (read ? quint32(EPOLLIN) : 0u) | (write ? quint32(EPOLLOUT) : 0u) |
           (exception ? quint32(EPOLLPRI) : 0u);
}

void sendActivation(QSocketNotifier *notifier)
{
    QEvent event(QEvent::SockAct);
    QCoreApplication::sendEvent(notifier, &event);
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent) : QAbstractEventDispatcher(parent)
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    m_wake = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    m_background = epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0 || m_wake < 0 || m_background < 0) {
        qCWarning(lcServer) << "epoll event dispatcher unavailable:" << std::strerror(errno);
        return;
    }
    // Both read as ready in m_epoll: the eventfd when written, the
    // background set while any descriptor in it is ready.
    for (int *fd : {&m_wake, &m_background}) {
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.fd = *fd;
        if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, *fd, &event) != 0) {
            qCWarning(lcServer) << "epoll event dispatcher unavailable:" << std::strerror(errno);
            ::close(*fd);
            *fd = -1;
            return;
        }
    }
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wake >= 0)
        ::close(m_wake);
    if (m_background >= 0)
        ::close(m_background);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

// --- socket notifiers ---------------------------------------------------

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    if (fd < 0)
        return;
    auto it = m_watches.find(fd);
    if (it == m_watches.end()) {
        it = m_watches.insert(fd, Watch{});
        it->serial = m_nextSerial++;
    }
    Watch &watch = *it;
    switch (notifier->type()) {
    case QSocketNotifier::Read:
        watch.read = notifier;
        break;
    case QSocketNotifier::Write:
        watch.write = notifier;
        // Activated on the next pass without asking the kernel (see the
        // header); watched by epoll only if it is still on after that.
        if (!watch.writeAssumed) {
            watch.writeAssumed = true;
            ++m_assumedWrites;
            m_assumedQueue.emplace_back(fd, watch.serial);
        }
        break;
    case QSocketNotifier::Exception:
        watch.exception = notifier;
        break;
    }
    updateInterest(fd, watch);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    Watch &watch = *it;
    if (watch.read == notifier)
        watch.read = nullptr;
    else if (watch.write == notifier) {
        watch.write = nullptr;
        if (watch.writeAssumed) {
            watch.writeAssumed = false;
            --m_assumedWrites;
        }
    } else if (watch.exception == notifier)
        watch.exception = nullptr;
    else
        return;
    if (!watch.read && !watch.write && !watch.exception) {
        forget(fd);
        return;
    }
    updateInterest(fd, watch);
}

void EpollEventDispatcher::updateInterest(int fd, Watch &watch)
{
    if (!watch.pollable)
        return;
    const quint32 wanted =
        interestOf(watch.read, watch.write && !watch.writeAssumed, watch.exception);
    if (watch.inEpoll ? wanted == watch.events : wanted == 0)
        return; // nothing changes (a write notifier alone waits unwatched)
    epoll_event event{};
    event.events = wanted;
    event.data.fd = fd;
    if (watch.inEpoll) {
        if (epoll_ctl(epollOf(watch), EPOLL_CTL_MOD, fd, &event) == 0) {
            watch.events = wanted;
            return;
        }
        if (errno != ENOENT) {
            qCWarning(lcServer) << "epoll: cannot watch descriptor" << fd << std::strerror(errno);
            return;
        }
        // The descriptor was closed and reused without Qt telling us: add
        // it afresh.
    }
    if (epoll_ctl(epollOf(watch), EPOLL_CTL_ADD, fd, &event) == 0) {
        watch.inEpoll = true;
        watch.events = wanted;
        return;
    }
    if (errno == EPERM) {
        // A regular file: poll() calls it always ready, and so do we.
        watch.pollable = false;
        ++m_unpollable;
        return;
    }
    qCWarning(lcServer) << "epoll: cannot watch descriptor" << fd << std::strerror(errno);
}

void EpollEventDispatcher::forget(int fd)
{
    const auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    if (it->writeAssumed)
        --m_assumedWrites;
    if (!it->pollable)
        --m_unpollable;
    if (it->background)
        --m_backgroundWatches;
    // A descriptor already closed left epoll by itself (EBADF, ENOENT).
    if (it->inEpoll)
        epoll_ctl(epollOf(*it), EPOLL_CTL_DEL, fd, nullptr);
    m_watches.erase(it);
}

bool EpollEventDispatcher::setBackground(int fd, bool background)
{
    const auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return false;
    Watch &watch = *it;
    if (watch.background == background)
        return true;
    if (watch.inEpoll) {
        // Moved between the sets with the interest it has; a failure leaves
        // it where it was.
        epoll_event event{};
        event.events = watch.events;
        event.data.fd = fd;
        const int to = background ? m_background : m_epoll;
        if (epoll_ctl(to, EPOLL_CTL_ADD, fd, &event) != 0) {
            qCWarning(lcServer) << "epoll: cannot move descriptor" << fd << std::strerror(errno);
            return false;
        }
        epoll_ctl(epollOf(watch), EPOLL_CTL_DEL, fd, nullptr);
    }
    watch.background = background;
    m_backgroundWatches += background ? 1 : -1;
    return true;
}

bool EpollEventDispatcher::isBackground(int fd) const
{
    const auto it = m_watches.constFind(fd);
    return it != m_watches.cend() && it->background;
}

int EpollEventDispatcher::activateSocketNotifiers(const std::vector<std::pair<int, quint64>> &ready,
                                                  const std::vector<quint32> &events)
{
    int activated = 0;
    for (size_t i = 0; i < ready.size(); ++i) {
        const auto [fd, serial] = ready[i];
        const quint32 revents = events[i];
        // Looked up afresh before each activation: a handler may have
        // switched notifiers off, deleted them, or closed the descriptor and
        // opened another one with the same number (a new serial).
        auto watchOf = [this, fd = fd, serial = serial]() -> Watch * {
            const auto it = m_watches.find(fd);
            return it != m_watches.end() && it->serial == serial ? &*it : nullptr;
        };
        if (revents & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
            if (Watch *watch = watchOf(); watch && watch->read) {
                sendActivation(watch->read);
                ++activated;
            }
        }
        if (revents & (EPOLLOUT | EPOLLERR)) {
            if (Watch *watch = watchOf(); watch && watch->write && !watch->writeAssumed) {
                sendActivation(watch->write);
                ++activated;
            }
        }
        if (revents & EPOLLPRI) {
            if (Watch *watch = watchOf(); watch && watch->exception) {
                sendActivation(watch->exception);
                ++activated;
            }
        }
    }
    return activated;
}

int EpollEventDispatcher::activateAssumedWrites()
{
    if (m_assumedWrites == 0 && m_unpollable == 0) {
        m_assumedQueue.clear(); // only notifiers switched off again
        return 0;
    }
    // Taken first: activations change m_watches and queue new writes (for
    // the next pass). Only regular files need a look at every watch, and
    // they are rare; the written sockets are listed as they are switched on.
    std::vector<std::pair<int, quint64>> due;
    due.swap(m_assumedQueue);
    if (m_unpollable > 0) {
        for (auto it = m_watches.cbegin(); it != m_watches.cend(); ++it) {
            if (!it->pollable && !it->writeAssumed) // those are listed
                due.emplace_back(it.key(), it->serial);
        }
    }
    int activated = 0;
    for (const auto &[fd, serial] : due) {
        auto it = m_watches.find(fd);
        // Gone, reused, or already served (listed twice, switched off and on).
        if (it == m_watches.end() || it->serial != serial || (it->pollable && !it->writeAssumed))
            continue;
        if (!it->pollable && it->read) {
            sendActivation(it->read);
            ++activated;
            it = m_watches.find(fd);
            if (it == m_watches.end() || it->serial != serial)
                continue;
        }
        if (!it->write)
            continue;
        const bool assumed = it->writeAssumed;
        if (assumed) {
            // From now on the kernel says when it is writable, should the
            // notifier stay on after this activation.
            it->writeAssumed = false;
            --m_assumedWrites;
        }
        if (assumed || !it->pollable) {
            sendActivation(it->write);
            ++activated;
        }
        it = m_watches.find(fd);
        if (it != m_watches.end() && it->serial == serial && it->write && !it->writeAssumed)
            updateInterest(fd, *it);
    }
    return activated;
}

// --- timers ---------------------------------------------------------------

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    unregisterTimer(timerId);
    Timer timer;
    timer.object = object;
    timer.intervalMs = qMax<qint64>(0, interval);
    timer.type = timerType;
    timer.due = Clock::now() + std::chrono::milliseconds(timer.intervalMs);
    m_timerQueue.emplace(timer.due, timerId);
    m_timers.insert(timerId, timer);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    m_timerQueue.erase({it->due, timerId});
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->object == object) {
            m_timerQueue.erase({it->due, it.key()});
            it = m_timers.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> result;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it) {
        if (it->object == object)
            result.append(TimerInfo(it.key(), int(it->intervalMs), it->type));
    }
    return result;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.constFind(timerId);
    if (it == m_timers.cend())
        return -1;
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(it->due - Clock::now()).count();
    return int(qMax<qint64>(0, left));
}

int EpollEventDispatcher::activateTimers()
{
    if (m_timerQueue.empty())
        return 0;
    const Clock::time_point now = Clock::now();
    // Each timer that is due fires once per pass (a 0 ms timer too), so the
    // ones due now are collected before any fires.
    std::vector<int> due;
    for (const auto &[when, id] : m_timerQueue) {
        if (when > now)
            break;
        due.push_back(id);
    }
    int fired = 0;
    for (const int id : due) {
        auto it = m_timers.find(id);
        if (it == m_timers.end() || it->firing)
            continue;
        // Next due one interval on; a timer that fell behind (a long
        // handler, a suspended machine) fires once and resumes from now
        // rather than catching up in a burst.
        m_timerQueue.erase({it->due, id});
        const auto interval = std::chrono::milliseconds(it->intervalMs);
        it->due += interval;
        if (it->due < now)
            it->due = now + interval;
        m_timerQueue.emplace(it->due, id);
        it->firing = true;
        QObject *object = it->object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        ++fired;
        // The handler may have stopped it (or restarted it under a new id).
        it = m_timers.find(id);
        if (it != m_timers.end())
            it->firing = false;
    }
    return fired;
}

int EpollEventDispatcher::waitTimeoutMs(bool canWait, bool timers, bool notifiers) const
{
    if (!canWait || (notifiers && (m_assumedWrites > 0 || m_unpollable > 0)))
        return 0;
    if (!timers || m_timerQueue.empty())
        return -1; // until a socket or a wake-up
    const auto left = m_timerQueue.begin()->first - Clock::now();
    if (left <= Clock::duration::zero())
        return 0;
    // Rounded up: waking before the timer is due would spin until it is.
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(left).count();
    return int(qMin<qint64>(ms, std::numeric_limits<int>::max()));
}

// --- the pass -------------------------------------------------------------

void EpollEventDispatcher::wakeUp()
{
    // One write per wake-up however many threads post meanwhile.
    if (!m_wakePending.exchange(true, std::memory_order_acq_rel)) {
        const eventfd_t one = 1;
        [[maybe_unused]] const auto written = ::write(m_wake, &one, sizeof one);
    }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.store(true, std::memory_order_release);
    wakeUp();
}

void EpollEventDispatcher::drainWake()
{
    eventfd_t count = 0;
    [[maybe_unused]] const auto read = ::read(m_wake, &count, sizeof count);
}

bool EpollEventDispatcher::collectReady(const epoll_event *events, int count,
                                        std::vector<std::pair<int, quint64>> &ready,
                                        std::vector<quint32> &readyEvents, int &handled)
{
    bool backgroundReady = false;
    for (int i = 0; i < count; ++i) {
        const int fd = events[i].data.fd;
        if (fd == m_background) {
            backgroundReady = true;
            continue;
        }
        if (fd == m_wake) {
            drainWake();
            m_wakePending.store(false, std::memory_order_release);
            ++handled; // the posted events go out at the next pass's start
            continue;
        }
        const auto it = m_watches.constFind(fd);
        if (it == m_watches.cend()) {
            // Closed and reused behind our back, or left over: stop hearing
            // it (in whichever set it was).
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
            epoll_ctl(m_background, EPOLL_CTL_DEL, fd, nullptr);
            continue;
        }
        ready.emplace_back(fd, it->serial);
        readyEvents.push_back(events[i].events);
    }
    return backgroundReady;
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    // An interrupt from before this pass (QEventLoop::exit() from another
    // thread after the loop checked its exit flag) is taken here, as Qt's
    // own dispatcher does, but it still keeps this pass from sleeping: its
    // wake-up is drained just below, so a pass that only cleared the flag
    // slept through the exit, and a thread's quit() then waited forever.
    // Qt's dispatcher keeps the wake-up until after its poll instead.
    const bool interruptedBefore = m_interrupted.exchange(false, std::memory_order_acq_rel);
    emit awake();
    // Cleared before the posted events are sent: a post from now on writes
    // the eventfd again, so the wait below cannot sleep through it.
    if (m_wakePending.load(std::memory_order_acquire)) {
        drainWake();
        m_wakePending.store(false, std::memory_order_release);
    }
    QCoreApplication::sendPostedEvents();

    const bool includeTimers = !(flags & QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !(flags & QEventLoop::ExcludeSocketNotifiers);
    const bool canWait = (flags & QEventLoop::WaitForMoreEvents) && !interruptedBefore &&
                         !m_interrupted.load(std::memory_order_acquire) &&
                         !m_wakePending.load(std::memory_order_acquire);
    if (canWait)
        emit aboutToBlock();
    // Interrupted while the posted events were sent: back to the loop.
    if (m_interrupted.load(std::memory_order_acquire))
        return false;

    const int timeoutMs = waitTimeoutMs(canWait, includeTimers, includeNotifiers);

    epoll_event events[kMaxEvents];
    int count = 0;
    do {
        count = epoll_wait(m_epoll, events, kMaxEvents, timeoutMs);
    } while (count < 0 && errno == EINTR && timeoutMs == 0);
    if (count < 0 && errno != EINTR)
        qCWarning(lcServer) << "epoll_wait:" << std::strerror(errno);

    int handled = 0;
    std::vector<std::pair<int, quint64>> ready;
    std::vector<quint32> readyEvents;
    ready.reserve(size_t(qMax(0, count)));
    readyEvents.reserve(size_t(qMax(0, count)));
    const bool backgroundReady = collectReady(events, count, ready, readyEvents, handled);
    // The background's batch after the others (their order is the order of
    // activation), and only as many as kBackgroundBatch: epoll hands the
    // rest out on the next passes, oldest first.
    if (backgroundReady && includeNotifiers) {
        epoll_event background[kBackgroundBatch];
        const int more = epoll_wait(m_background, background, kBackgroundBatch, 0);
        if (more > 0)
            collectReady(background, more, ready, readyEvents, handled);
    }
    if (includeNotifiers) {
        handled += activateSocketNotifiers(ready, readyEvents);
        handled += activateAssumedWrites();
    }
    if (includeTimers)
        handled += activateTimers();
    return handled > 0;
}

} // namespace hm
