#pragma once

// df(1)'s Use% of the filesystem holding a path, the reference our disk
// figures are held against (fleet/FilesystemUse.h): `df -P -k PATH`, its
// fifth column. Nothing when df is not there or says something else.

#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <optional>

namespace hm::test {

inline std::optional<int> dfUsePercent(const QString &path)
{
    const QString df = QStandardPaths::findExecutable(QStringLiteral("df"));
    if (df.isEmpty())
        return std::nullopt;
    QProcess process;
    process.start(df, {QStringLiteral("-P"), QStringLiteral("-k"), path});
    if (!process.waitForFinished(10000) || process.exitCode() != 0)
        return std::nullopt;
    // "Filesystem 1024-blocks Used Available Capacity Mounted on", then the
    // filesystem's line.
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    const QList<QByteArray> fields = lines.value(1).simplified().split(' ');
    QByteArray capacity = fields.value(4);
    if (!capacity.endsWith('%'))
        return std::nullopt;
    capacity.chop(1);
    bool ok = false;
    const int percent = capacity.toInt(&ok);
    return ok ? std::optional<int>(percent) : std::nullopt;
}

} // namespace hm::test
