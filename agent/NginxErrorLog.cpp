#include "agent/NginxErrorLog.h"

#include "agent/NginxConfigText.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace hm::agent {

namespace {

// What one look reads of a log past its mark: a reload writes a few lines.
constexpr qint64 kNginxLogReadBytes = 256 * 1024;

QString buildOption(const QString &output, const QString &name)
{
    const QRegularExpression option(QStringLiteral("(?:^|\\s)--%1=(\\S+)").arg(name));
    const QRegularExpressionMatch match = option.match(output);
    return match.hasMatch() ? match.captured(1) : QString();
}

// A port in use is tried again (five times, half a second apart) before
// nginx gives up with "still could not bind()": not yet its verdict.
bool isRetriedBind(const QByteArray &line)
{
    return line.contains("bind() to ") && line.contains("failed (98: ");
}

} // namespace

NginxBuildPaths parseNginxBuildPaths(const QString &versionOutput)
{
    return {buildOption(versionOutput, QStringLiteral("prefix")),
            buildOption(versionOutput, QStringLiteral("error-log-path"))};
}

QStringList nginxErrorLogFiles(const QString &confText, const QString &prefix,
                               const NginxBuildPaths &build)
{
    QStringList given = nginxErrorLogDirectives(confText);
    if (given.isEmpty() && !build.errorLog.isEmpty())
        given << build.errorLog;
    QStringList files;
    for (const QString &path : std::as_const(given)) {
        if (path == QLatin1String("stderr") || path.startsWith(QLatin1String("syslog:")) ||
            path.startsWith(QLatin1String("memory:")))
            continue;
        const QString full =
            QFileInfo(path).isAbsolute() || prefix.isEmpty() ? path : QDir(prefix).filePath(path);
        if (QFileInfo(full).isAbsolute() && !files.contains(full))
            files << full;
    }
    return files;
}

QList<NginxLogMark> markNginxLogs(const QStringList &paths)
{
    QList<NginxLogMark> marks;
    for (const QString &path : paths)
        marks.append({path, QFileInfo(path).size()});
    return marks;
}

QString nginxEmergSince(const QList<NginxLogMark> &marks)
{
    for (const NginxLogMark &mark : marks) {
        QFile log(mark.path);
        if (!log.open(QIODevice::ReadOnly))
            continue;
        const qint64 size = log.size();
        if (size == mark.offset)
            continue;
        // Smaller than at the mark: rotated meanwhile, all of it is new.
        if (size > mark.offset)
            log.seek(mark.offset);
        const QByteArray written = log.read(kNginxLogReadBytes);
        // Whole lines only: the last may be half written.
        const qsizetype end = written.lastIndexOf('\n');
        if (end < 0)
            continue;
        QStringList said;
        for (const QByteArray &line : written.left(end).split('\n')) {
            if (!line.contains("[emerg]"))
                continue;
            said << QString::fromUtf8(line).trimmed();
            if (!isRetriedBind(line))
                return said.join(u'\n');
        }
    }
    return {};
}

} // namespace hm::agent
