// The Linux collector: its parsers on fixed /proc texts (the expected
// numbers worked out by hand below), and the live collector against what
// this test reads from /proc itself.

#include "../support/DfUsePercent.h"
#include "agent/LinuxMetricsCollector.h"
#include "agent/LinuxProcParsers.h"
#include "agent/LinuxTcpSocketCount.h"

#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <cmath>
#include <memory>
#include <vector>

using namespace hm;
using namespace hm::agent;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QHash<QString, double> byName(const QList<fleet::MetricValue> &values)
{
    QHash<QString, double> out;
    for (const auto &value : values)
        out.insert(value.name, value.value);
    return out;
}

} // namespace

class TestLinuxMetricsCollector : public QObject
{
    Q_OBJECT
private slots:
    void cpuStat()
    {
        const QByteArray before = "cpu  100 0 50 800 50 0 0 0 0 0\n"
                                  "cpu0 60 0 20 400 20 0 0 0 0 0\n"
                                  "cpu1 40 0 30 400 30 0 0 0 0 0\n"
                                  "intr 12345\nctxt 999\n";
        // cpu: +100 user, +100 system, +150 idle, +50 iowait → total +400,
        // idle (idle + iowait) +200 → busy 50 %.
        // cpu0: +90 user, +10 idle → total +100, idle +10 → 90 %.
        // cpu1: +0 busy, +100 idle → 0 %.
        const QByteArray after = "cpu  200 0 150 950 100 0 0 0 0 0\n"
                                 "cpu0 150 0 20 410 20 0 0 0 0 0\n"
                                 "cpu1 40 0 30 500 30 0 0 0 0 0\n";
        const auto a = procfs::parseCpuStat(before);
        const auto b = procfs::parseCpuStat(after);
        QCOMPARE(a.size(), 3);
        QCOMPARE(a.at(0).name, QStringLiteral("cpu"));
        QCOMPARE(a.at(0).total, quint64(1000));
        QCOMPARE(a.at(0).idle, quint64(850));
        QCOMPARE(a.at(2).name, QStringLiteral("cpu1"));
        QCOMPARE(*procfs::cpuBusyPercent(a.at(0), b.at(0)), 50.0);
        QCOMPARE(*procfs::cpuBusyPercent(a.at(1), b.at(1)), 90.0);
        QCOMPARE(*procfs::cpuBusyPercent(a.at(2), b.at(2)), 0.0);
        QVERIFY(!procfs::cpuBusyPercent(a.at(0), a.at(0))); // no time passed
        QVERIFY(!procfs::cpuBusyPercent(b.at(0), a.at(0))); // counters went back
    }

    void loadAvgAndUptime()
    {
        const auto load = procfs::parseLoadAvg("0.52 1.25 2.00 3/456 7890\n");
        QVERIFY(load);
        QCOMPARE((*load)[0], 0.52);
        QCOMPARE((*load)[1], 1.25);
        QCOMPARE((*load)[2], 2.0);
        QVERIFY(!procfs::parseLoadAvg("garbage"));
        QCOMPARE(*procfs::parseUptime("12345.67 54321.00\n"), 12345.67);
    }

    void memInfo()
    {
        const auto memory = procfs::parseMemInfo("MemTotal:       16000000 kB\n"
                                                 "MemFree:         1000000 kB\n"
                                                 "MemAvailable:    6000000 kB\n"
                                                 "SwapTotal:       2000000 kB\n"
                                                 "SwapFree:        1500000 kB\n"
                                                 "HugePages_Total:       4\n");
        QCOMPARE(memory.value("MemTotal"), qint64(16384000000)); // 16000000 × 1024
        QCOMPARE(memory.value("MemAvailable"), qint64(6144000000));
        QCOMPARE(memory.value("SwapFree"), qint64(1536000000));
        QCOMPARE(memory.value("HugePages_Total"), qint64(4)); // no unit: as is
    }

    void mounts()
    {
        const QByteArray text = "sysfs /sys sysfs rw,nosuid 0 0\n"
                                "proc /proc proc rw 0 0\n"
                                "/dev/sda2 / ext4 rw,relatime 0 0\n"
                                "tmpfs /run tmpfs rw 0 0\n"
                                "/dev/sda1 /boot/efi vfat rw 0 0\n"
                                "/dev/mapper/data /var/lib ext4 rw 0 0\n"
                                "cgroup2 /sys/fs/cgroup cgroup2 rw 0 0\n"
                                "/dev/sda2 /home/bind ext4 rw 0 0\n" // bind mount of the root disk
                                "/dev/sdb1 /mnt/My\\040Disk xfs rw 0 0\n";
        const auto mounts = procfs::parseRealMounts(text);
        QStringList points;
        for (const auto &mount : mounts)
            points.append(mount.mountPoint);
        QCOMPARE(points, (QStringList{"/", "/boot/efi", "/var/lib", "/mnt/My Disk"}));
        QCOMPARE(procfs::mountMetricName("/"), QStringLiteral("root"));
        QCOMPARE(procfs::mountMetricName("/var/lib"), QStringLiteral("var_lib"));
        QCOMPARE(procfs::mountMetricName("/boot/efi"), QStringLiteral("boot_efi"));
        QCOMPARE(procfs::mountMetricName("/mnt/My Disk"), QStringLiteral("mnt_my_disk"));
        QCOMPARE(procfs::mountMetricName("/srv/v1.2/"), QStringLiteral("srv_v1_2"));
        QVERIFY(fleet::isValidMetricName(QStringLiteral("disk.") +
                                         procfs::mountMetricName("/mnt/Ünï") +
                                         QStringLiteral(".used")));
    }

    void diskStats()
    {
        const QByteArray text =
            "   8       0 sda 1000 10 2048 500 400 20 4096 300 0 700 800 0 0 0 0\n"
            "   8       1 sda1 900 10 1024 400 300 20 2048 200 0 600 700 0 0 0 0\n"
            " 259       0 nvme0n1 10 0 100 5 10 0 200 5 0 10 10 0 0 0 0\n"
            " 259       1 nvme0n1p1 10 0 100 5 10 0 200 5 0 10 10 0 0 0 0\n"
            "   7       0 loop0 5 0 10 1 0 0 0 0 0 1 1 0 0 0 0\n"
            " 253       0 dm-0 5 0 10 1 0 0 0 0 0 1 1 0 0 0 0\n";
        const auto disks = procfs::parseDiskStats(text);
        QCOMPARE(disks.size(), 2);
        QCOMPARE(disks.at(0).name, QStringLiteral("sda"));
        QCOMPARE(disks.at(0).readBytes, quint64(2048 * 512));
        QCOMPARE(disks.at(0).writtenBytes, quint64(4096 * 512));
        QCOMPARE(disks.at(1).name, QStringLiteral("nvme0n1"));
        QCOMPARE(disks.at(1).writtenBytes, quint64(200 * 512));
        QVERIFY(procfs::isWholeDisk("mmcblk0"));
        QVERIFY(!procfs::isWholeDisk("mmcblk0p1"));
        QVERIFY(procfs::isWholeDisk("vdb"));
        QVERIFY(!procfs::isWholeDisk("vdb3"));
    }

    void netDevAndTcp()
    {
        const QByteArray netDev =
            "Inter-|   Receive                                                |  Transmit\n"
            " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets "
            "errs drop fifo colls carrier compressed\n"
            "    lo:  5000      50    0    0    0     0          0         0     5000      50    "
            "0    0    0     0       0          0\n"
            "  eth0: 123456    100    0    0    0     0          0         0   654321     200    "
            "0    0    0     0       0          0\n"
            "wlan0:7 1 0 0 0 0 0 0 9 1 0 0 0 0 0 0\n";
        const auto interfaces = procfs::parseNetDev(netDev);
        QCOMPARE(interfaces.size(), 2);
        QCOMPARE(interfaces.at(0).name, QStringLiteral("eth0"));
        QCOMPARE(interfaces.at(0).rxBytes, quint64(123456));
        QCOMPARE(interfaces.at(0).txBytes, quint64(654321));
        QCOMPARE(interfaces.at(1).name, QStringLiteral("wlan0"));
        QCOMPARE(interfaces.at(1).rxBytes, quint64(7));
        QCOMPARE(interfaces.at(1).txBytes, quint64(9));

        const QByteArray tcp =
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid\n"
            "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000\n"
            "   1: 0100007F:1F91 0100007F:C350 01 00000000:00000000 00:00000000 00000000  1000\n";
        QCOMPARE(procfs::countTcpConnections(tcp), 2);
        QCOMPARE(procfs::countTcpConnections("  sl  local_address\n"), 0);
        QCOMPARE(procfs::countTcpConnections(""), 0);
    }

    // The netlink counts (one dump, one per family) mean what the
    // /proc/net/tcp{,6} lines mean: with
    // this test's own sockets open over loopback (listeners, established
    // pairs, TIME_WAIT left by closed ones, IPv4 and IPv6), both readings
    // agree. Other processes on the machine open and close sockets too, so
    // the /proc reading is taken between two netlink readings and only
    // compared when those two agree (nothing changed in between).
    void tcpCountNetlinkMatchesProc()
    {
        const auto baseline = countTcpSocketsNetlink();
        QVERIFY2(baseline.has_value(), "netlink sock_diag is not available");

        std::vector<std::unique_ptr<QTcpServer>> servers;
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (const QHostAddress &address :
             {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)}) {
            auto server = std::make_unique<QTcpServer>();
            if (!server->listen(address))
                continue; // no IPv6 on this host
            for (int i = 0; i < 5; ++i) {
                auto client = std::make_unique<QTcpSocket>();
                client->connectToHost(address, server->serverPort());
                QVERIFY(client->waitForConnected(5000));
                QVERIFY(server->waitForNewConnection(5000));
                QTcpSocket *accepted = server->nextPendingConnection();
                QVERIFY(accepted);
                if (i < 2) {
                    // The closing side keeps a TIME_WAIT socket.
                    client->disconnectFromHost();
                    QVERIFY(accepted->waitForDisconnected(5000));
                    accepted->close();
                }
                sockets.push_back(std::move(client));
            }
            servers.push_back(std::move(server));
        }
        QVERIFY(!servers.empty());

        // 2 listeners at most, 3 established pairs each, TIME_WAITs.
        const int ownAtLeast = int(servers.size()) * (1 + 3 * 2);
        bool compared = false;
        for (int attempt = 0; attempt < 100 && !compared; ++attempt) {
            const auto before = countTcpSocketsNetlink();
            const int proc = countTcpSocketsProc();
            const auto perFamily = countTcpSocketsPerFamily();
            const auto after = countTcpSocketsOneDump();
            QVERIFY(before && perFamily && after);
            if (*before != *after)
                continue;
            QCOMPARE(proc, *before);
            QCOMPARE(*perFamily, *before);
            QVERIFY2(*before >= ownAtLeast, "the test's own sockets are not counted");
            QCOMPARE(countTcpSockets(), *before);
            compared = true;
        }
        QVERIFY2(compared, "the machine's sockets never held still between two readings");
    }
    void cpuModelAndRoute()
    {
        QCOMPARE(procfs::parseCpuModel("processor\t: 0\nvendor_id\t: GenuineIntel\n"
                                       "model name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n"),
                 QStringLiteral("Intel(R) Xeon(R) CPU @ 2.20GHz"));
        QCOMPARE(procfs::parseDefaultRouteInterface("Iface\tDestination\tGateway \tFlags\n"
                                                    "eth1\t0000A8C0\t00000000\t0001\n"
                                                    "eth0\t00000000\t0100A8C0\t0003\n"),
                 QStringLiteral("eth0"));
    }

    void liveCollector()
    {
        LinuxMetricsCollector collector;
        const auto first = byName(collector.collect());
        // Absolute values only on the first call.
        QVERIFY(!first.contains("cpu_usage"));
        QVERIFY(!first.contains("network_in"));
        const auto memory = procfs::parseMemInfo(readAll("/proc/meminfo"));
        QCOMPARE(first.value("memory_total"), double(memory.value("MemTotal")));
        QVERIFY(first.value("memory_used") > 0);
        QVERIFY(first.value("memory_used") <= first.value("memory_total"));
        QVERIFY(first.value("disk_total") > 0);
        QVERIFY(first.contains("disk.root.total") || first.contains("disk_total"));
        // The root disk's share in use is df's Use% (root's reserved blocks
        // are not room the services have): used / total, rounded up as df
        // does, within a point for writes between the two readings.
        if (const auto df = hm::test::dfUsePercent(QStringLiteral("/"))) {
            const double ours = first.value("disk_used") * 100.0 / first.value("disk_total");
            QVERIFY2(std::abs(std::ceil(ours) - *df) <= 1,
                     qPrintable(QStringLiteral("ours %1 %, df %2 %").arg(ours).arg(*df)));
        }
        QVERIFY(first.value("uptime") > 0);
        QVERIFY(first.contains("load_avg_15"));

        int processes = 0;
        for (const QString &entry : QDir("/proc").entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            bool numeric = false;
            entry.toInt(&numeric);
            processes += numeric ? 1 : 0;
        }
        QVERIFY2(
            qAbs(first.value("processes") - processes) <= 50,
            qPrintable(QStringLiteral("%1 vs %2").arg(first.value("processes")).arg(processes)));

        // Rates need time to pass in /proc/stat: wait (no sleep) until every
        // CPU's counters moved on from what the collector has seen.
        const auto atFirst = procfs::parseCpuStat(readAll("/proc/stat"));
        const auto allMoved = [&atFirst] {
            const auto now = procfs::parseCpuStat(readAll("/proc/stat"));
            if (now.size() != atFirst.size())
                return false;
            for (qsizetype i = 0; i < now.size(); ++i) {
                if (now.at(i).total <= atFirst.at(i).total)
                    return false;
            }
            return true;
        };
        QTRY_VERIFY(allMoved());
        const auto secondList = collector.collect();
        const auto second = byName(secondList);
        QVERIFY(second.contains("cpu_usage"));
        QVERIFY(second.value("cpu_usage") >= 0 && second.value("cpu_usage") <= 100);
        QVERIFY(second.contains("network_in") && second.contains("network_out"));
        QVERIFY(second.contains("disk_read_bps") && second.contains("disk_write_bps"));

        int cores = 0;
        for (const QByteArray &line : readAll("/proc/stat").split('\n'))
            cores += line.startsWith("cpu") && !line.startsWith("cpu ") ? 1 : 0;
        int coreValues = 0;
        for (auto it = second.begin(); it != second.end(); ++it)
            coreValues += it.key().startsWith("cpu.") ? 1 : 0;
        QCOMPARE(coreValues, cores);
        for (int core = 0; core < cores; ++core)
            QVERIFY(second.contains(QStringLiteral("cpu.%1").arg(core)));

        // What the collector gives is what the protocol takes.
        fleet::ReportMessage report;
        report.seq = 1;
        report.timeMs = 1700000000000LL;
        report.metrics = secondList;
        QCOMPARE(second.size(), secondList.size()); // each name once
        const auto parsed = fleet::parseAgentMessage(fleet::serialize(report));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    }

    void systemFacts()
    {
        const SystemFacts facts = collectSystemFacts();
        QCOMPARE(facts.os, QStringLiteral("Linux"));
        QVERIFY(!facts.arch.isEmpty());
        QVERIFY(facts.cpuCores >= 1);
        QCOMPARE(facts.memoryTotal,
                 procfs::parseMemInfo(readAll("/proc/meminfo")).value("MemTotal"));
        QVERIFY(facts.diskTotal > 0);
        QVERIFY(!facts.kernel.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLinuxMetricsCollector)
#include "TestLinuxMetricsCollector.moc"
