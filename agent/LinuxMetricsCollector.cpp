#include "agent/LinuxMetricsCollector.h"

#include "agent/LinuxTcpSocketCount.h"
#include "fleet/FilesystemUse.h"

#include <QDir>
#include <QFile>
#include <QNetworkInterface>
#include <QSet>
#include <QSysInfo>
#include <cmath>
#include <optional>
#include <sys/statvfs.h>

namespace hm::agent {

namespace {

QByteArray readSystemFile(const QString &path)
{
    QFile file(path);
    // /proc files report size 0: read until the end, not by size.
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

struct FilesystemSize
{
    qint64 size = 0;  // every block, as df's Size
    qint64 total = 0; // what unprivileged writers can fill: used + available
    qint64 used = 0;
};

std::optional<FilesystemSize> filesystemSize(const QString &path)
{
    struct statvfs info
    {
    };
    if (::statvfs(QFile::encodeName(path).constData(), &info) != 0 || info.f_blocks == 0)
        return std::nullopt;
    const auto unit = qint64(info.f_frsize ? info.f_frsize : info.f_bsize);
    // "total" is what the services on the machine can fill (df's Size less
    // root's reserve), so used / total is df's Use% (fleet/FilesystemUse.h).
    const fleet::FilesystemUse use = fleet::filesystemUse(
        qint64(info.f_blocks) * unit, qint64(info.f_bfree) * unit, qint64(info.f_bavail) * unit);
    return FilesystemSize{qint64(info.f_blocks) * unit, use.capacity, use.used};
}

// Collects values, each name once and within the protocol's limits, in the
// order added: the machine-wide values come first, so that a machine with
// very many cores, disks or interfaces loses per-item values, not those.
class MetricList
{
public:
    void add(const QString &name, double value)
    {
        if (m_values.size() >= fleet::kMaxReportValues || !std::isfinite(value) ||
            !fleet::isValidMetricName(name) || m_names.contains(name))
            return;
        m_names.insert(name);
        m_values.append(fleet::MetricValue{name, value});
    }
    QList<fleet::MetricValue> take() { return std::move(m_values); }

private:
    QList<fleet::MetricValue> m_values;
    QSet<QString> m_names;
};

// "disk." + part + ".total" must stay within the 64 characters of a name.
QString boundedNamePart(const QString &part)
{
    return part.left(48);
}

int countProcesses()
{
    int count = 0;
    const QStringList entries =
        QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        entry.toLongLong(&numeric);
        count += numeric ? 1 : 0;
    }
    return count;
}

} // namespace

QList<fleet::MetricValue> LinuxMetricsCollector::collect()
{
    MetricList metrics;
    const bool hasPrevious = m_sinceLast.isValid();
    const double seconds = hasPrevious ? double(m_sinceLast.nsecsElapsed()) / 1e9 : 0.0;
    m_sinceLast.start();

    // CPU
    const QList<procfs::CpuTimes> cpu =
        procfs::parseCpuStat(readSystemFile(QStringLiteral("/proc/stat")));
    QHash<QString, procfs::CpuTimes> previousCpu;
    for (const procfs::CpuTimes &times : std::as_const(m_cpu))
        previousCpu.insert(times.name, times);
    QList<fleet::MetricValue> perCore;
    for (const procfs::CpuTimes &times : cpu) {
        if (!previousCpu.contains(times.name))
            continue;
        const auto busy = procfs::cpuBusyPercent(previousCpu.value(times.name), times);
        if (!busy)
            continue;
        if (times.name == u"cpu")
            metrics.add(QStringLiteral("cpu_usage"), *busy);
        else
            perCore.append(fleet::MetricValue{QStringLiteral("cpu.") + times.name.mid(3), *busy});
    }
    m_cpu = cpu;

    if (const auto load = procfs::parseLoadAvg(readSystemFile(QStringLiteral("/proc/loadavg")))) {
        metrics.add(QStringLiteral("load_avg_1"), (*load)[0]);
        metrics.add(QStringLiteral("load_avg_5"), (*load)[1]);
        metrics.add(QStringLiteral("load_avg_15"), (*load)[2]);
    }

    // Memory
    const QHash<QString, qint64> memory =
        procfs::parseMemInfo(readSystemFile(QStringLiteral("/proc/meminfo")));
    if (memory.contains(QStringLiteral("MemTotal"))) {
        const qint64 total = memory.value(QStringLiteral("MemTotal"));
        const qint64 available =
            memory.value(QStringLiteral("MemAvailable"), memory.value(QStringLiteral("MemFree")));
        metrics.add(QStringLiteral("memory_total"), double(total));
        metrics.add(QStringLiteral("memory_used"), double(std::max<qint64>(0, total - available)));
    }
    if (memory.contains(QStringLiteral("SwapTotal"))) {
        const qint64 total = memory.value(QStringLiteral("SwapTotal"));
        metrics.add(QStringLiteral("swap_total"), double(total));
        metrics.add(QStringLiteral("swap_used"),
                    double(std::max<qint64>(0, total - memory.value(QStringLiteral("SwapFree")))));
    }

    // Filesystems
    if (const auto root = filesystemSize(QStringLiteral("/"))) {
        metrics.add(QStringLiteral("disk_total"), double(root->total));
        metrics.add(QStringLiteral("disk_used"), double(root->used));
    }

    // Disk and network throughput
    const QList<procfs::DiskIo> disks =
        procfs::parseDiskStats(readSystemFile(QStringLiteral("/proc/diskstats")));
    if (hasPrevious && seconds > 0) {
        quint64 read = 0;
        quint64 written = 0;
        for (const procfs::DiskIo &disk : disks) {
            const auto previous = m_disks.constFind(disk.name);
            if (previous == m_disks.constEnd() || disk.readBytes < previous->readBytes ||
                disk.writtenBytes < previous->writtenBytes)
                continue; // new disk or a reset counter
            read += disk.readBytes - previous->readBytes;
            written += disk.writtenBytes - previous->writtenBytes;
        }
        metrics.add(QStringLiteral("disk_read_bps"), double(read) / seconds);
        metrics.add(QStringLiteral("disk_write_bps"), double(written) / seconds);
    }
    m_disks.clear();
    for (const procfs::DiskIo &disk : disks)
        m_disks.insert(disk.name, disk);

    const QList<procfs::NetIo> interfaces =
        procfs::parseNetDev(readSystemFile(QStringLiteral("/proc/net/dev")));
    QList<fleet::MetricValue> perInterface;
    if (hasPrevious && seconds > 0) {
        quint64 in = 0;
        quint64 out = 0;
        for (const procfs::NetIo &net : interfaces) {
            const auto previous = m_net.constFind(net.name);
            if (previous == m_net.constEnd() || net.rxBytes < previous->rxBytes ||
                net.txBytes < previous->txBytes)
                continue;
            in += net.rxBytes - previous->rxBytes;
            out += net.txBytes - previous->txBytes;
            const QString part =
                QStringLiteral("net.") + boundedNamePart(procfs::metricNamePart(net.name));
            perInterface.append({part + QStringLiteral(".rx_bps"),
                                 double(net.rxBytes - previous->rxBytes) / seconds});
            perInterface.append({part + QStringLiteral(".tx_bps"),
                                 double(net.txBytes - previous->txBytes) / seconds});
        }
        metrics.add(QStringLiteral("network_in"), double(in) / seconds);
        metrics.add(QStringLiteral("network_out"), double(out) / seconds);
    }
    m_net.clear();
    for (const procfs::NetIo &net : interfaces)
        m_net.insert(net.name, net);

    // Counts
    metrics.add(QStringLiteral("tcp_connections"), countTcpSockets());
    metrics.add(QStringLiteral("processes"), countProcesses());
    if (const auto uptime = procfs::parseUptime(readSystemFile(QStringLiteral("/proc/uptime"))))
        metrics.add(QStringLiteral("uptime"), *uptime);

    // Per item, after every machine-wide value.
    for (const fleet::MetricValue &value : std::as_const(perCore))
        metrics.add(value.name, value.value);
    const QList<procfs::Mount> mounts =
        procfs::parseRealMounts(readSystemFile(QStringLiteral("/proc/mounts")));
    for (const procfs::Mount &mount : mounts) {
        const auto size = filesystemSize(mount.mountPoint);
        if (!size)
            continue;
        const QString part =
            QStringLiteral("disk.") + boundedNamePart(procfs::mountMetricName(mount.mountPoint));
        metrics.add(part + QStringLiteral(".total"), double(size->total));
        metrics.add(part + QStringLiteral(".used"), double(size->used));
    }
    for (const fleet::MetricValue &value : std::as_const(perInterface))
        metrics.add(value.name, value.value);
    const QDir thermal(QStringLiteral("/sys/class/thermal"));
    for (const QString &zone : thermal.entryList({QStringLiteral("thermal_zone*")},
                                                 QDir::Dirs | QDir::System, QDir::Name)) {
        bool ok = false;
        const double milli = readSystemFile(thermal.filePath(zone + QStringLiteral("/temp")))
                                 .trimmed()
                                 .toDouble(&ok);
        if (ok)
            metrics.add(QStringLiteral("temp.") + procfs::metricNamePart(zone), milli / 1000.0);
    }
    return metrics.take();
}

std::unique_ptr<MetricsCollector> createMetricsCollector()
{
    return std::make_unique<LinuxMetricsCollector>();
}

SystemFacts collectSystemFacts()
{
    SystemFacts facts;
    facts.os = QStringLiteral("Linux");
    facts.arch = QSysInfo::currentCpuArchitecture();
    facts.kernel = QSysInfo::kernelVersion();
    int cores = 0;
    for (const procfs::CpuTimes &times :
         procfs::parseCpuStat(readSystemFile(QStringLiteral("/proc/stat"))))
        cores += times.name == u"cpu" ? 0 : 1;
    facts.cpuCores = cores;
    facts.cpuModel = procfs::parseCpuModel(readSystemFile(QStringLiteral("/proc/cpuinfo")));
    facts.memoryTotal = procfs::parseMemInfo(readSystemFile(QStringLiteral("/proc/meminfo")))
                            .value(QStringLiteral("MemTotal"));
    if (const auto root = filesystemSize(QStringLiteral("/")))
        facts.diskTotal = root->size;
    facts.uptimeSeconds =
        qint64(procfs::parseUptime(readSystemFile(QStringLiteral("/proc/uptime"))).value_or(0));

    // The address the machine reaches the world with: the default route's
    // interface, else the first interface that is up and not loopback.
    const QString routeInterface =
        procfs::parseDefaultRouteInterface(readSystemFile(QStringLiteral("/proc/net/route")));
    QList<QNetworkInterface> candidates;
    if (!routeInterface.isEmpty())
        candidates.append(QNetworkInterface::interfaceFromName(routeInterface));
    candidates.append(QNetworkInterface::allInterfaces());
    for (const QNetworkInterface &interface : std::as_const(candidates)) {
        if (!interface.isValid() || !(interface.flags() & QNetworkInterface::IsUp) ||
            (interface.flags() & QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &entry : interface.addressEntries()) {
            if (entry.ip().protocol() == QAbstractSocket::IPv4Protocol) {
                facts.ip = entry.ip().toString();
                return facts;
            }
        }
    }
    return facts;
}

} // namespace hm::agent
