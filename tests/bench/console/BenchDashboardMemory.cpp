// The dashboard at one system_status point per second for one hour of
// simulated time (issue 12, Benchmarks): console memory growth < 5 MB.
//
// 3,600 points go into DashboardOverview::addSystemStatus, the function the
// dashboard's WebSocket handler calls for each system_status message (it
// passes the arrival time; here the time is simulated: point i carries
// t0 + i seconds, t0 one hour ago, so the history's 15-minute window moves
// exactly as in an hour of real time). The charts' repaint interval is set
// to 0 and the event loop runs after every point, so every point is also
// drawn (a real hour redraws once per second too). Memory: VmRSS of this
// process and the allocator's own count of allocated bytes (jemalloc, as
// the console links it), plus the ring's size.
//
//   QT_QPA_PLATFORM=offscreen build/ci/bin/BenchDashboardMemory

#include "ConsoleBench.h"
#include "allocator/Allocator.h"
#include "dashboard/DashboardOverview.h"
#include "dashboard/MetricsHistory.h"

#include <QDateTime>
#include <QRandomGenerator>

using namespace hm::app;
using namespace hm::bench;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    DashboardOverview dashboard;
    dashboard.resize(1280, 860);
    dashboard.setRepaintIntervalMs(0);
    dashboard.show();
    if (!QTest::qWaitForWindowExposed(&dashboard))
        return 1;
    QTest::qWait(200);

    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    qint64 sent = 0;
    qint64 received = 0;
    QRandomGenerator random(42);
    auto point = [&](int i) {
        sent += 20000 + random.bounded(100000);
        received += 50000 + random.bounded(200000);
        const QJsonObject data{
            {"cpu_usage", 5 + random.bounded(90.0)},
            {"memory_usage", 40 + random.bounded(20.0)},
            {"disk_usage", 61.5},
            {"network_traffic", QJsonObject{{"bytes_sent", sent}, {"bytes_recv", received}}}};
        dashboard.addSystemStatus(data, t0 + qint64(i) * 1000);
        QApplication::processEvents();
    };

    struct Mark
    {
        int points;
        qint64 rssKiB;
        qint64 allocated;
        int ring;
    };
    std::vector<Mark> marks;
    auto mark = [&](int points) {
        QApplication::processEvents();
        marks.push_back(
            {points, residentKiB(), hm::allocator::allocatedBytes(), dashboard.history().size()});
        std::printf("after %4d points: VmRSS %.1f MiB, allocated %.1f MiB, ring %d of %d, "
                    "chart updates %d, CPU points drawn %d\n",
                    points, double(marks.back().rssKiB) / 1024.0,
                    double(marks.back().allocated) / 1048576.0, marks.back().ring,
                    dashboard.history().capacity(), dashboard.chartUpdates(),
                    dashboard.cpuPointCount());
    };

    mark(0);
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 3600; ++i) {
        point(i);
        if (i + 1 == 1 || i + 1 == 60 || i + 1 == 900 || (i + 1) % 900 == 0)
            mark(i + 1);
    }
    const double seconds = double(clock.elapsed()) / 1000.0;
    const Mark &first = marks.at(1);
    const Mark &full = marks.at(3); // 900 points: the 15-minute window is full
    const Mark &last = marks.back();
    const double growthMiB = double(last.rssKiB - first.rssKiB) / 1024.0;
    std::printf("allocator: %s; fed and drew 3,600 points in %.1f s\n",
                qPrintable(hm::allocator::description()), seconds);
    report("dashboard, 1 h of system_status at 1/s: VmRSS growth from the first point",
           QStringLiteral("%1 MiB (%2 → %3 MiB); allocated %4 MiB; ring %5 samples")
               .arg(growthMiB, 0, 'f', 2)
               .arg(double(first.rssKiB) / 1024.0, 0, 'f', 1)
               .arg(double(last.rssKiB) / 1024.0, 0, 'f', 1)
               .arg(double(last.allocated - first.allocated) / 1048576.0, 0, 'f', 2)
               .arg(last.ring),
           QStringLiteral("< 5 MB"), growthMiB * 1.048576 < 5.0);
    report("  VmRSS growth over the last 45 minutes (window full)",
           QStringLiteral("%1 MiB; allocated %2 MiB")
               .arg(double(last.rssKiB - full.rssKiB) / 1024.0, 0, 'f', 2)
               .arg(double(last.allocated - full.allocated) / 1048576.0, 0, 'f', 2));
    return 0;
}
