#pragma once

#include "common/Result.h"

#include <QString>

class QFile;

// Durable files without stalling everyone else's fsync.
//
// A file that an answer calls done (a completed backup, an uploaded one)
// must be on disk before the answer: syncFile() then syncDirectory() of
// the directory that holds its new name. But a single fsync of hundreds
// of megabytes at the end holds up the file system's journal: on ext4
// (data=ordered) every other process's fsync — the database WAL's commit
// among them — waits behind it for as long as the device takes to write
// it all. WriteBehind spreads that write over the writing instead: each
// `step` bytes it starts the device on the newest step and waits for the
// one before, so at most two steps are ever dirty and the final sync has
// little left to do. Linux only (sync_file_range); elsewhere it does
// nothing and the final sync does all the work.
namespace hm::filesync {

// fsync (F_FULLFSYNC on macOS, FlushFileBuffers on Windows) of an open file,
// after flushing QFile's own buffer.
Status syncFile(QFile &file);

// Makes the directory's entries (a file created or renamed in it) durable.
// A no-op where the platform cannot open a directory (Windows).
Status syncDirectory(const QString &dir);

class WriteBehind
{
public:
    explicit WriteBehind(qint64 step = qint64(8) * 1024 * 1024) : m_step(step) {}
    // Call after writing; `file` is open for writing and QFile's buffer is
    // flushed as needed. Errors are ignored: syncFile() reports them.
    void wrote(QFile &file);

private:
    qint64 m_step;
    qint64 m_started = 0; // bytes handed to the device so far
    qint64 m_previous = -1; // start of the step before the newest
};

} // namespace hm::filesync
