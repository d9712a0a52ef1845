#include "common/LogOutput.h"

#include "common/ThreadName.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

#ifdef Q_OS_WIN
#include <io.h>
#define HM_ISATTY _isatty
#define HM_FILENO _fileno
#else
#include <unistd.h>
#define HM_ISATTY isatty
#define HM_FILENO fileno
#endif

namespace hm::logging {
namespace {

// Never destroyed: log lines may still come from static destructors after
// exit() has stopped the flusher (they are then written at once).
struct State
{
    std::mutex mutex;
    std::condition_variable wake;
    QByteArray pending;
    std::thread flusher;
    bool started = false;
    bool stopped = false; // after exit: no flusher any more
    const bool buffered = !HM_ISATTY(HM_FILENO(stderr));
};

State &state()
{
    static State *const s = new State;
    return *s;
}

// Caller holds the mutex: the order of lines is the order of the buffer.
void writeOut(State &s)
{
    if (s.pending.isEmpty())
        return;
    std::fwrite(s.pending.constData(), 1, size_t(s.pending.size()), stderr);
    std::fflush(stderr);
    s.pending.clear();
}

void runFlusher(State &s)
{
    nameCurrentThread("hivemind-log");
    std::unique_lock lock(s.mutex);
    while (!s.stopped) {
        s.wake.wait(lock, [&] { return !s.pending.isEmpty() || s.stopped; });
        // Let the interval's lines gather, then write them in one go.
        s.wake.wait_for(lock, std::chrono::milliseconds(LogOutput::kFlushIntervalMs),
                        [&] { return s.stopped; });
        writeOut(s);
    }
}

void stopAtExit()
{
    State &s = state();
    {
        std::lock_guard lock(s.mutex);
        s.stopped = true;
        writeOut(s);
    }
    s.wake.notify_one();
    if (s.flusher.joinable())
        s.flusher.join();
}

} // namespace

void LogOutput::write(const QByteArray &line, bool urgent)
{
    State &s = state();
    std::unique_lock lock(s.mutex);
    s.pending += line;
    if (urgent || !s.buffered || s.stopped || s.pending.size() >= kMaxPendingBytes) {
        writeOut(s);
        return;
    }
    if (!s.started) {
        s.started = true;
        s.flusher = std::thread([&s] { runFlusher(s); });
        std::atexit(stopAtExit);
    }
    // The flusher sleeps on an empty buffer; once woken it stays busy for
    // the interval, so this is one notification per interval, not per line.
    if (s.pending.size() == line.size())
        s.wake.notify_one();
}

void LogOutput::flush()
{
    State &s = state();
    std::lock_guard lock(s.mutex);
    writeOut(s);
}

} // namespace hm::logging
