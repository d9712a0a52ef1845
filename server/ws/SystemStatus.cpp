#include "server/ws/SystemStatus.h"

#include "fleet/FilesystemUse.h"

#include <QFile>
#include <QStorageInfo>
#include <cmath>

namespace hm::server::ws {

namespace {

QByteArray readProc(const char *path)
{
    QFile file(QString::fromLatin1(path));
    // /proc files report size 0: read to EOF.
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

double percent(double part, double whole)
{
    return whole > 0 ? std::round(part * 1000.0 / whole) / 10.0 : 0.0;
}

// "MemTotal:  16314516 kB" -> bytes, -1 when missing.
qint64 meminfo(const QByteArray &text, const QByteArray &name)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(name) && line.size() > name.size() && line.at(name.size()) == ':')
            return line.mid(name.size() + 1).simplified().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

} // namespace

QJsonObject SystemStatusSampler::sample()
{
    QJsonObject data;

    // "cpu  user nice system idle iowait irq softirq steal …": busy is all
    // but idle and iowait.
    const QList<QByteArray> cpu =
        readProc("/proc/stat").split('\n').value(0).simplified().split(' ');
    if (cpu.size() >= 9 && cpu.at(0) == "cpu") {
        quint64 total = 0;
        for (int i = 1; i <= 8; ++i)
            total += cpu.at(i).toULongLong();
        const quint64 idle = cpu.at(4).toULongLong() + cpu.at(5).toULongLong();
        const quint64 busy = total - idle;
        const bool advanced = total > m_lastTotal;
        data.insert(QStringLiteral("cpu_usage"),
                    advanced ? percent(double(busy - m_lastBusy), double(total - m_lastTotal))
                             : percent(double(busy), double(total)));
        m_lastBusy = busy;
        m_lastTotal = total;
    } else {
        data.insert(QStringLiteral("cpu_usage"), QJsonValue());
    }

    const QByteArray mem = readProc("/proc/meminfo");
    const qint64 memTotal = meminfo(mem, "MemTotal");
    const qint64 memAvailable = meminfo(mem, "MemAvailable");
    if (memTotal > 0 && memAvailable >= 0) {
        data.insert(QStringLiteral("memory_usage"),
                    percent(double(memTotal - memAvailable), double(memTotal)));
        data.insert(QStringLiteral("memory_total"), memTotal);
        data.insert(QStringLiteral("memory_available"), memAvailable);
    } else {
        data.insert(QStringLiteral("memory_usage"), QJsonValue());
    }

    const QStorageInfo disk(m_dataDir);
    if (disk.isValid() && disk.bytesTotal() > 0) {
        // As df counts it (fleet/FilesystemUse.h), like the agents' figure.
        const fleet::FilesystemUse use =
            fleet::filesystemUse(disk.bytesTotal(), disk.bytesFree(), disk.bytesAvailable());
        data.insert(QStringLiteral("disk_usage"), percent(double(use.used), double(use.capacity)));
        data.insert(QStringLiteral("disk_total"), disk.bytesTotal());
        data.insert(QStringLiteral("disk_available"), disk.bytesAvailable());
    } else {
        data.insert(QStringLiteral("disk_usage"), QJsonValue());
    }

    // /proc/net/dev: two header lines, then "iface: rx_bytes … (8 rx
    // fields) tx_bytes …".
    const QByteArray net = readProc("/proc/net/dev");
    if (!net.isEmpty()) {
        qint64 sent = 0;
        qint64 received = 0;
        for (const QByteArray &line : net.split('\n').mid(2)) {
            const qsizetype colon = line.indexOf(':');
            if (colon < 0 || line.left(colon).trimmed() == "lo")
                continue;
            const QList<QByteArray> fields = line.mid(colon + 1).simplified().split(' ');
            if (fields.size() < 9)
                continue;
            received += fields.at(0).toLongLong();
            sent += fields.at(8).toLongLong();
        }
        data.insert(QStringLiteral("network_traffic"),
                    QJsonObject{{QStringLiteral("bytes_sent"), sent},
                                {QStringLiteral("bytes_recv"), received}});
    } else {
        data.insert(QStringLiteral("network_traffic"), QJsonValue());
    }
    return data;
}

} // namespace hm::server::ws
