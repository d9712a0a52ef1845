#include "agent/LinuxProcParsers.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace hm::agent::procfs {

namespace {

QList<QByteArray> procFields(const QByteArray &line)
{
    return line.simplified().split(' ');
}

quint64 procNumber(const QList<QByteArray> &fields, qsizetype index)
{
    return index < fields.size() ? fields.at(index).toULongLong() : 0;
}

// /proc/mounts writes space, tab, newline and backslash as \ooo.
QString decodeMountField(const QByteArray &field)
{
    QByteArray out;
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field.at(i) == '\\' && i + 3 < field.size()) {
            bool ok = false;
            const int code = field.mid(i + 1, 3).toInt(&ok, 8);
            if (ok) {
                out.append(char(code));
                i += 3;
                continue;
            }
        }
        out.append(field.at(i));
    }
    return QString::fromUtf8(out);
}

bool isPseudoFilesystem(const QString &type)
{
    static const QSet<QString> pseudo{
        QStringLiteral("proc"),        QStringLiteral("sysfs"),
        QStringLiteral("devtmpfs"),    QStringLiteral("devpts"),
        QStringLiteral("tmpfs"),       QStringLiteral("ramfs"),
        QStringLiteral("cgroup"),      QStringLiteral("cgroup2"),
        QStringLiteral("securityfs"),  QStringLiteral("pstore"),
        QStringLiteral("bpf"),         QStringLiteral("debugfs"),
        QStringLiteral("tracefs"),     QStringLiteral("configfs"),
        QStringLiteral("fusectl"),     QStringLiteral("mqueue"),
        QStringLiteral("hugetlbfs"),   QStringLiteral("autofs"),
        QStringLiteral("binfmt_misc"), QStringLiteral("rpc_pipefs"),
        QStringLiteral("nsfs"),        QStringLiteral("efivarfs"),
        QStringLiteral("selinuxfs"),   QStringLiteral("squashfs"),
        QStringLiteral("overlay"),     QStringLiteral("devfs"),
        QStringLiteral("nfsd"),        QStringLiteral("fuse.gvfsd-fuse"),
        QStringLiteral("fuse.portal"), QStringLiteral("fuse.lxcfs"),
        QStringLiteral("zramfs")};
    return pseudo.contains(type);
}

} // namespace

QList<CpuTimes> parseCpuStat(const QByteArray &text)
{
    QList<CpuTimes> cpus;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith("cpu"))
            continue;
        const QList<QByteArray> fields = procFields(line);
        CpuTimes times;
        times.name = QString::fromLatin1(fields.first());
        // user nice system idle iowait irq softirq steal; guest time is
        // already part of user.
        for (qsizetype i = 1; i <= 8; ++i)
            times.total += procNumber(fields, i);
        times.idle = procNumber(fields, 4) + procNumber(fields, 5);
        cpus.append(times);
    }
    return cpus;
}

std::optional<double> cpuBusyPercent(const CpuTimes &before, const CpuTimes &after)
{
    if (after.total <= before.total || after.idle < before.idle)
        return std::nullopt;
    const double total = double(after.total - before.total);
    const double idle = double(after.idle - before.idle);
    return std::clamp(100.0 * (total - idle) / total, 0.0, 100.0);
}

std::optional<std::array<double, 3>> parseLoadAvg(const QByteArray &text)
{
    const QList<QByteArray> fields = procFields(text);
    if (fields.size() < 3)
        return std::nullopt;
    std::array<double, 3> averages{};
    for (int i = 0; i < 3; ++i) {
        bool ok = false;
        averages[size_t(i)] = fields.at(i).toDouble(&ok);
        if (!ok)
            return std::nullopt;
    }
    return averages;
}

QHash<QString, qint64> parseMemInfo(const QByteArray &text)
{
    QHash<QString, qint64> values;
    for (const QByteArray &line : text.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QList<QByteArray> fields = procFields(line.mid(colon + 1));
        bool ok = false;
        const qint64 number = fields.value(0).toLongLong(&ok);
        if (!ok)
            continue;
        const bool kiB = fields.value(1) == "kB";
        values.insert(QString::fromLatin1(line.left(colon)), kiB ? number * 1024 : number);
    }
    return values;
}

QList<Mount> parseRealMounts(const QByteArray &text)
{
    QList<Mount> mounts;
    QSet<QString> devices;
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> fields = procFields(line);
        if (fields.size() < 3)
            continue;
        Mount mount{decodeMountField(fields.at(0)), decodeMountField(fields.at(1)),
                    QString::fromLatin1(fields.at(2))};
        if (isPseudoFilesystem(mount.fsType) || mount.device == u"none" ||
            devices.contains(mount.device))
            continue;
        devices.insert(mount.device);
        mounts.append(mount);
    }
    return mounts;
}

QString metricNamePart(const QString &name)
{
    QString out;
    for (const QChar c : name.toLower()) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'_' ||
                        u == u'.' || u == u':' || u == u'-';
        out.append(ok ? c : QChar(u'_'));
    }
    return out;
}

QString mountMetricName(const QString &mountPoint)
{
    QString trimmed = mountPoint;
    while (trimmed.startsWith(u'/'))
        trimmed.remove(0, 1);
    while (trimmed.endsWith(u'/'))
        trimmed.chop(1);
    if (trimmed.isEmpty())
        return QStringLiteral("root");
    // '.' separates the parts of a metric name ("disk.<mount>.used").
    return metricNamePart(trimmed).replace(u'.', u'_');
}

bool isWholeDisk(const QString &name)
{
    static const QRegularExpression whole(
        QStringLiteral("^(?:(?:sd|vd|xvd|hd)[a-z]+|nvme[0-9]+n[0-9]+|mmcblk[0-9]+)$"));
    return whole.match(name).hasMatch();
}

QList<DiskIo> parseDiskStats(const QByteArray &text)
{
    // major minor name reads merged sectors-read ms writes merged
    // sectors-written …; a sector is 512 bytes here whatever the device's.
    QList<DiskIo> disks;
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> fields = procFields(line);
        if (fields.size() < 10)
            continue;
        const QString name = QString::fromLatin1(fields.at(2));
        if (!isWholeDisk(name))
            continue;
        disks.append(DiskIo{name, procNumber(fields, 5) * 512, procNumber(fields, 9) * 512});
    }
    return disks;
}

QList<NetIo> parseNetDev(const QByteArray &text)
{
    QList<NetIo> interfaces;
    for (const QByteArray &line : text.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.contains('|'))
            continue; // the two header lines
        const QString name = QString::fromLatin1(line.left(colon).trimmed());
        if (name == u"lo" || name.isEmpty())
            continue;
        const QList<QByteArray> fields = procFields(line.mid(colon + 1));
        if (fields.size() < 9)
            continue;
        interfaces.append(NetIo{name, procNumber(fields, 0), procNumber(fields, 8)});
    }
    return interfaces;
}

int countTcpConnections(const QByteArray &text)
{
    int lines = 0;
    for (const QByteArray &line : text.split('\n'))
        lines += line.trimmed().isEmpty() ? 0 : 1;
    return std::max(0, lines - 1);
}

std::optional<double> parseUptime(const QByteArray &text)
{
    bool ok = false;
    const double seconds = procFields(text).value(0).toDouble(&ok);
    return ok ? std::optional<double>(seconds) : std::nullopt;
}

QString parseCpuModel(const QByteArray &text)
{
    QString fallback;
    for (const QByteArray &line : text.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray key = line.left(colon).trimmed();
        const QString value = QString::fromUtf8(line.mid(colon + 1).trimmed());
        if (key == "model name" && !value.isEmpty())
            return value;
        if ((key == "Hardware" || key == "Processor" || key == "cpu model") && fallback.isEmpty())
            fallback = value;
    }
    return fallback;
}

QString parseDefaultRouteInterface(const QByteArray &text)
{
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> fields = procFields(line);
        if (fields.size() >= 2 && fields.at(1) == "00000000")
            return QString::fromLatin1(fields.at(0));
    }
    return {};
}

} // namespace hm::agent::procfs
