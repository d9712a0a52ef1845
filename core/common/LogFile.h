#pragma once

#include <QByteArray>
#include <QString>
#include <cstdio>

namespace hm::logging {

// A log file that rotates itself by size (logrotate's `size` + `rotate N`,
// without a cron job or a SIGHUP): when the next write would take the file
// past maxBytes it is renamed PATH.1 (PATH.1 becomes PATH.2, …), files past
// PATH.<keep> are deleted, and a new PATH is started. A write is never
// split across two files, so every line is whole in exactly one of them.
//
// Not thread-safe: LogOutput's flusher thread is its only writer, which
// keeps the renames and the disk waits off every other thread.
class LogFile
{
public:
    struct Options
    {
        QString path;
        qint64 maxBytes = 10 * 1024 * 1024;
        int keep = 5; // rotated files kept besides PATH (0: PATH only)
    };

    explicit LogFile(Options options);
    ~LogFile();
    LogFile(const LogFile &) = delete;
    LogFile &operator=(const LogFile &) = delete;

    // Opens (appending to) PATH; an empty string or why it cannot.
    QString open();
    // Appends `bytes` (whole lines), rotating first when they do not fit.
    // False when the write failed (the disk is full, the file is gone).
    bool write(const QByteArray &bytes);
    // Rotated files: PATH.1 … PATH.<keep>.
    static QString rotatedName(const QString &path, int index);

    const Options &options() const { return m_options; }

private:
    void rotate();

    Options m_options;
    std::FILE *m_file = nullptr;
    qint64 m_size = 0;
};

} // namespace hm::logging
