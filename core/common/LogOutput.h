#pragma once

#include <QByteArray>

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
};

} // namespace hm::logging
