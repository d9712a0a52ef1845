#pragma once

// Parsers of the /proc files the Linux collector reads. They take the file's
// text, so tests feed them fixed inputs; LinuxMetricsCollector reads the
// real files.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <array>
#include <optional>

namespace hm::agent::procfs {

// One "cpu" or "cpuN" line of /proc/stat, in clock ticks.
struct CpuTimes
{
    QString name;      // "cpu" for the total, "cpu0", "cpu1", …
    quint64 idle = 0;  // idle + iowait
    quint64 total = 0; // user nice system idle iowait irq softirq steal
};
QList<CpuTimes> parseCpuStat(const QByteArray &text);
// Busy share of the time between two readings, 0 … 100; nothing when no
// time passed or the counters went back.
std::optional<double> cpuBusyPercent(const CpuTimes &before, const CpuTimes &after);

// /proc/loadavg: the 1, 5 and 15 minute averages.
std::optional<std::array<double, 3>> parseLoadAvg(const QByteArray &text);

// /proc/meminfo: every "Key: value kB" line, in bytes.
QHash<QString, qint64> parseMemInfo(const QByteArray &text);

struct Mount
{
    QString device;
    QString mountPoint;
    QString fsType;
};
// /proc/mounts without pseudo filesystems (proc, sysfs, tmpfs, cgroup, …)
// and with each device once (its first mount: bind mounts of one disk are
// not more disks).
QList<Mount> parseRealMounts(const QByteArray &text);
// A mount point as a metric-name part: "/" → "root", "/var/lib" →
// "var_lib"; only a-z 0-9 _ . : - remain.
QString mountMetricName(const QString &mountPoint);
// Any name (interface, zone) in the metric-name alphabet: lower case,
// other characters as '_'.
QString metricNamePart(const QString &name);

// /proc/diskstats, whole disks only (sda, vda, nvme0n1, mmcblk0; not
// partitions, loop, ram or device-mapper devices), in bytes.
struct DiskIo
{
    QString name;
    quint64 readBytes = 0;
    quint64 writtenBytes = 0;
};
QList<DiskIo> parseDiskStats(const QByteArray &text);
bool isWholeDisk(const QString &name);

// /proc/net/dev, without the loopback interface.
struct NetIo
{
    QString name;
    quint64 rxBytes = 0;
    quint64 txBytes = 0;
};
QList<NetIo> parseNetDev(const QByteArray &text);

// Lines of /proc/net/tcp or tcp6 but the header.
int countTcpConnections(const QByteArray &text);
// /proc/uptime's first number, seconds.
std::optional<double> parseUptime(const QByteArray &text);
// The first "model name" of /proc/cpuinfo (or "Hardware"/"Processor" on ARM).
QString parseCpuModel(const QByteArray &text);
// The interface of the default route in /proc/net/route.
QString parseDefaultRouteInterface(const QByteArray &text);

} // namespace hm::agent::procfs
