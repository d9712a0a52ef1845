#include "common/LogOutput.h"

#include "common/LogFile.h"
#include "common/ThreadName.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

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
    bool urgent = false;  // file mode: a warning waits, write without the interval
    const bool buffered = !HM_ISATTY(HM_FILENO(stderr));
    // File mode (setFile): only the flusher, or flush() and exit holding
    // fileMutex, write it; lines dropped while the disk was behind.
    std::unique_ptr<LogFile> file;
    std::mutex fileMutex;
    qint64 dropped = 0;
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

// File mode: takes what is pending and writes it to the file outside the
// mutex, so loggers keep appending while the disk works. Caller holds
// `lock` (on s.mutex); it is held again on return. Lock order: fileMutex,
// then mutex (the batch taken first is written first).
void writeFile(State &s, std::unique_lock<std::mutex> &lock)
{
    lock.unlock();
    std::lock_guard fileLock(s.fileMutex);
    lock.lock();
    QByteArray batch;
    batch.swap(s.pending);
    const qint64 dropped = std::exchange(s.dropped, 0);
    s.urgent = false;
    lock.unlock();
    if (dropped > 0)
        batch += "log output fell behind the disk: " + QByteArray::number(dropped) +
                 " lines dropped\n";
    if (!batch.isEmpty() && !s.file->write(batch)) {
        // Nowhere else to say it: stderr, once per failed batch.
        std::fputs("hivemind: cannot write the log file\n", stderr);
        std::fflush(stderr);
    }
    lock.lock();
}

void runFlusher(State &s)
{
    nameCurrentThread("hivemind-log");
    std::unique_lock lock(s.mutex);
    while (!s.stopped) {
        s.wake.wait(lock, [&] { return !s.pending.isEmpty() || s.stopped; });
        // Let the interval's lines gather, then write them in one go (a
        // warning for the file cuts the wait short).
        s.wake.wait_for(lock, std::chrono::milliseconds(LogOutput::kFlushIntervalMs),
                        [&] { return s.stopped || s.urgent; });
        if (s.file)
            writeFile(s, lock);
        else
            writeOut(s);
    }
}

void stopAtExit()
{
    State &s = state();
    {
        std::unique_lock lock(s.mutex);
        s.stopped = true;
        if (s.file)
            writeFile(s, lock);
        else
            writeOut(s);
    }
    s.wake.notify_one();
    if (s.flusher.joinable())
        s.flusher.join();
}

// Caller holds the mutex.
void startFlusher(State &s)
{
    if (s.started)
        return;
    s.started = true;
    s.flusher = std::thread([&s] { runFlusher(s); });
    std::atexit(stopAtExit);
}

} // namespace

void LogOutput::write(const QByteArray &line, bool urgent)
{
    State &s = state();
    std::unique_lock lock(s.mutex);
    if (s.file) {
        if (s.stopped) {
            // After exit's last flush: written at once, there is no HTTP
            // thread left to hold up.
            s.pending += line;
            writeFile(s, lock);
            return;
        }
        if (s.pending.size() >= kMaxFileBacklogBytes) {
            ++s.dropped;
            return;
        }
        const bool wasEmpty = s.pending.isEmpty();
        s.pending += line;
        if (urgent || s.pending.size() >= kMaxPendingBytes) {
            s.urgent = true;
            s.wake.notify_one();
        } else if (wasEmpty) {
            s.wake.notify_one();
        }
        return;
    }
    s.pending += line;
    if (urgent || !s.buffered || s.stopped || s.pending.size() >= kMaxPendingBytes) {
        writeOut(s);
        return;
    }
    startFlusher(s);
    // The flusher sleeps on an empty buffer; once woken it stays busy for
    // the interval, so this is one notification per interval, not per line.
    if (s.pending.size() == line.size())
        s.wake.notify_one();
}

void LogOutput::flush()
{
    State &s = state();
    std::unique_lock lock(s.mutex);
    if (s.file)
        writeFile(s, lock);
    else
        writeOut(s);
}

QString LogOutput::setFile(const QString &path, qint64 maxBytes, int keep)
{
    auto file = std::make_unique<LogFile>(LogFile::Options{path, maxBytes, keep});
    if (QString failure = file->open(); !failure.isEmpty())
        return failure;
    State &s = state();
    std::lock_guard fileLock(s.fileMutex);
    std::unique_lock lock(s.mutex);
    // What was logged before goes where it was meant to go.
    writeOut(s);
    s.file = std::move(file);
    startFlusher(s);
    return {};
}

} // namespace hm::logging
