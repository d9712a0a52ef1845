#pragma once

// Parsers of one process's /proc/[pid] files, for LinuxProcessTable. They
// take the file's bytes, so tests feed them fixed inputs (a comm with spaces
// and parentheses, a truncated command line).

#include <QByteArray>
#include <QString>
#include <optional>

namespace hm::agent::procfs {

// The fields of /proc/[pid]/stat the process table shows; times in clock
// ticks, rss in pages.
struct PidStat
{
    qint64 pid = 0;
    QString comm;
    char state = '?';
    qint64 ppid = 0;
    qint64 pgrp = 0;
    qint64 session = 0;
    quint64 utime = 0;
    quint64 stime = 0;
    int threads = 0;
    quint64 startTicks = 0; // since boot
    quint64 vsizeBytes = 0;
    qint64 rssPages = 0;
};
std::optional<PidStat> parsePidStat(const QByteArray &text);

// The effective uid of /proc/[pid]/status's "Uid:" line (real, effective,
// saved, filesystem).
std::optional<uint> parseStatusEffectiveUid(const QByteArray &text);

// /proc/[pid]/cmdline (NUL-separated argv) joined by spaces, at most
// maxChars characters; a longer one is cut and ends in "…".
QString joinCommandLine(const QByteArray &raw, qsizetype maxChars);

} // namespace hm::agent::procfs
