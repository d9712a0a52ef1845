#include "agent/LinuxProcessFiles.h"

#include <QList>

namespace hm::agent::procfs {

std::optional<PidStat> parsePidStat(const QByteArray &text)
{
    // "pid (comm) state ppid …": comm may hold spaces and ')' itself, so it
    // ends at the last ')'.
    const qsizetype open = text.indexOf('(');
    const qsizetype close = text.lastIndexOf(')');
    if (open <= 0 || close < open)
        return std::nullopt;
    PidStat stat;
    bool ok = false;
    stat.pid = text.left(open).trimmed().toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    stat.comm = QString::fromUtf8(text.mid(open + 1, close - open - 1));
    // Fields after comm, from field 3 (state) on: index = field number - 3.
    const QList<QByteArray> fields = text.mid(close + 1).simplified().split(' ');
    if (fields.size() < 22 || fields.at(0).size() != 1)
        return std::nullopt;
    const auto number = [&fields](qsizetype index) { return fields.at(index).toULongLong(); };
    stat.state = fields.at(0).at(0);
    stat.ppid = fields.at(1).toLongLong();
    stat.pgrp = fields.at(2).toLongLong();
    stat.session = fields.at(3).toLongLong();
    stat.utime = number(11);
    stat.stime = number(12);
    stat.threads = fields.at(17).toInt();
    stat.startTicks = number(19);
    stat.vsizeBytes = number(20);
    stat.rssPages = fields.at(21).toLongLong();
    return stat;
}

std::optional<uint> parseStatusEffectiveUid(const QByteArray &text)
{
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith("Uid:"))
            continue;
        const QList<QByteArray> fields = line.mid(4).simplified().split(' ');
        bool ok = false;
        const uint uid = fields.value(1).toUInt(&ok);
        return ok ? std::optional<uint>(uid) : std::nullopt;
    }
    return std::nullopt;
}

QString joinCommandLine(const QByteArray &raw, qsizetype maxChars)
{
    QByteArray bytes = raw;
    // argv ends with a NUL each; a process that rewrote its argv may leave
    // more of them at the end.
    while (bytes.endsWith('\0'))
        bytes.chop(1);
    bytes.replace('\0', ' ');
    QString line = QString::fromUtf8(bytes);
    if (line.size() > maxChars) {
        line.truncate(maxChars - 1);
        // Do not leave half a surrogate pair before the ellipsis.
        if (!line.isEmpty() && line.back().isHighSurrogate())
            line.chop(1);
        line.append(QChar(0x2026));
    }
    return line;
}

} // namespace hm::agent::procfs
