#pragma once

#include <QByteArray>
#include <QString>

namespace hm::logging {

// Where the log handler's lines go: stderr, written in batches.
//
// A line per request used to cost the HTTP thread a write(2) of its own
// (with the file system's write path behind it when stderr is a file),
// about a tenth of a triggered chain's server time. So, as nginx's
// `access_log ... buffer= flush=` does:
// - warnings and worse are written at once, after whatever is pending, so
//   they are never late and never out of order;
// - info and debug lines are collected and written by a small flusher
//   thread at most kFlushIntervalMs later (or at once when 64 KiB are
//   pending, or at exit);
// - when stderr is a terminal every line is written at once, like stdio's
//   own line buffering, for someone watching.
// With setFile() the lines go to a rotated file instead (see there).
// A process killed with SIGKILL loses at most the last interval of info
// lines; the durable record of what happened is the store, not the log.
class LogOutput
{
public:
    static constexpr int kFlushIntervalMs = 50;
    static constexpr qsizetype kMaxPendingBytes = 64 * 1024;

    // `urgent`: written before this returns (warnings and worse).
    static void write(const QByteArray &line, bool urgent);
    // Writes everything pending now (tests, and before an abort).
    static void flush();

    // From now on every line goes to this file instead of stderr, rotated
    // by size (LogFile). All file work, warnings included, happens on the
    // flusher thread: a thread that logs only appends to memory, so a slow
    // or full disk never holds up the HTTP thread. A warning wakes the
    // flusher at once instead of after the interval. (The handler flushes
    // after an error or a fatal message itself: those often come right
    // before an abort, and are rare enough to cost their thread a write.) Should the disk fall
    // kMaxFileBacklogBytes behind, further lines are dropped and counted,
    // and a line saying how many is written when it catches up. Returns an
    // empty string, or why the file cannot be opened (nothing changes).
    static QString setFile(const QString &path, qint64 maxBytes, int keep);
    static constexpr qsizetype kMaxFileBacklogBytes = 16 * 1024 * 1024;
};

} // namespace hm::logging
