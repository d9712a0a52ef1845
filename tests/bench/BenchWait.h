#pragma once

// Runs the calling thread's event loop until a condition holds, sleeping
// in between: for a bench's main thread while the measured work runs on
// other threads or processes.
//
// Not QCoreApplication::processEvents(flags, maxTime): that overload drops
// WaitForMoreEvents and loops over passes that do not wait, so a loop
// around it spins. BenchFileDownload's main thread took a whole core of a
// 2-core machine that way, during every reference and download it
// measured. Nor QTest::qWaitFor: benches do not all link QtTest, and it
// sleeps 10 ms between passes, which would sit inside every key → echo
// time BenchTerminalRoundTrip measures; here an event ends the wait at
// once.

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

namespace hm::bench {

// Whether `done` held within `ms`; it is looked at after every event and
// at least every `checkMs`.
template <typename Predicate> bool waitFor(Predicate done, int ms, int checkMs = 10)
{
    QTimer tick; // wakes a waiting pass, so `done` is looked at again
    tick.start(checkMs);
    const QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

} // namespace hm::bench
