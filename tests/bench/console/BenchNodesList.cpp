// The Nodes list with 1,000 live nodes (issue 35, "Benchmarks": console
// CPU < 25 % of one core, scrolling frame p95 < 16 ms). A real
// hivemind-server over loopback; the agents are SimulatedAgents
// (tests/support: real nodes enrolled through the API, real signed
// /ws/agent connections, a report per agent per second) in a child process
// of this executable, so neither their CPU nor the server's counts as the
// console's. The console is the real NodesPage with every row loaded (its
// sparklines from GET /nodes/sparklines, then /ws/events' node_metrics every
// 5 s).
//
//   QT_QPA_PLATFORM=offscreen BenchNodesList [--agents N] [--seconds S]
//
// Prints: enrolment and connection time, rows and sparklines loaded; the
// console process's CPU (utime + stime, all its threads) over S seconds
// with the list open and idle, then over S seconds of scrolling (a wheel
// notch, three rows, every 16 ms, wrapping at the end: ListScrollBench.h)
// with the frame times (notch + synchronous repaint of the viewport) p50 /
// p95 / max and how late the 16 ms ticks came; the batches and the cells they changed. Each
// with the load average. Figures: docs/benchmarks.md, "The Nodes list with
// 1,000 live nodes". Timings are never asserted.

#include "ClientThreadPool.h"
#include "ListScrollBench.h"
#include "SimulatedAgents.h"
#include "fleet/NodeListModel.h"
#include "fleet/NodesPage.h"
#include "widgets/LiveEvents.h"

#include <QProcess>
#include <QTableView>
#include <atomic>
#include <thread>

using namespace hm::app;
using namespace hm::bench;

namespace {

int fail(const QString &what)
{
    return benchFail("BenchNodesList", what);
}

// The child: `agents` simulated agents against the server the parent
// started (its URL and the administrator's token in the environment, never
// on the command line), "READY" once every one is welcomed, reporting until
// the parent closes our stdin.
int simulate(int argc, char **argv, int agents)
{
    QCoreApplication app(argc, argv);
    hm::test::SimulatedAgents::Options options;
    options.server = QUrl(qEnvironmentVariable("HIVEMIND_BENCH_URL"));
    options.adminToken = qEnvironmentVariable("HIVEMIND_BENCH_TOKEN");
    options.count = agents;
    options.threads = 1;
    options.namePrefix = QStringLiteral("node");
    hm::test::SimulatedAgents simulated(options);
    if (const QString failure = simulated.enrol(std::max(120000, agents * 200)); !failure.isEmpty())
        return fail(QStringLiteral("enrolment: ") + failure);
    if (const QString failure = simulated.connectAll(std::max(60000, agents * 20));
        !failure.isEmpty())
        return fail(QStringLiteral("connecting: ") + failure);
    std::printf("READY\n");
    std::fflush(stdout);
    // The parent closes our stdin when it is done: read it off the main
    // thread's loop with a blocking read on a thread of its own.
    std::atomic<bool> done = false;
    std::thread reader([&done] {
        char c = 0;
        while (std::fread(&c, 1, 1, stdin) == 1) {
        }
        done = true;
    });
    while (!done)
        QTest::qWait(200);
    reader.join();
    const auto totals = simulated.totals();
    simulated.stop(5000);
    std::fprintf(stderr, "simulator: sent %lld, acked %lld, closed %d\n",
                 static_cast<long long>(totals.sent), static_cast<long long>(totals.acked),
                 totals.closed);
    return 0;
}

QList<double> sparkOf(const NodeListModel *model, int row)
{
    return model->index(row, NodeListModel::CpuColumn)
        .data(NodeListModel::SparklineRole)
        .value<QList<double>>();
}

} // namespace

int main(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    const int agents = benchArgument(args, "--agents", 1000);
    const int seconds = benchArgument(args, "--seconds", 60);
    if (args.contains(QLatin1String("--simulate")))
        return simulate(argc, argv, agents);

    if (const auto raised = raiseFileLimit(2 * qint64(agents) + 512))
        std::printf("RLIMIT_NOFILE raised to %llu\n", static_cast<unsigned long long>(*raised));
    QApplication app(argc, argv);
    std::printf("platform %s, %d agents reporting every second, %d s a phase; load at start %s\n",
                qPrintable(QGuiApplication::platformName()), agents, seconds,
                qPrintable(loadAverage()));
    std::fflush(stdout);

    BenchServer server;
    if (const QString failure = server.start(); !failure.isEmpty())
        return fail(failure);
    if (server.http
            ->json("PUT", QStringLiteral("/api/v1/nodes/agent-settings"), {{"interval_s", 1}},
                   server.token)
            .status != 200)
        return fail(QStringLiteral("agent settings not accepted"));

    // The agents in a process of their own.
    QProcess simulator;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HIVEMIND_BENCH_URL"), server.url.toString());
    environment.insert(QStringLiteral("HIVEMIND_BENCH_TOKEN"), server.token);
    simulator.setProcessEnvironment(environment);
    simulator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer phase;
    phase.start();
    simulator.start(
        QCoreApplication::applicationFilePath(),
        {QStringLiteral("--simulate"), QStringLiteral("--agents"), QString::number(agents)});
    if (!QTest::qWaitFor(
            [&] { return simulator.canReadLine() || simulator.state() == QProcess::NotRunning; },
            std::max(180000, agents * 250)) ||
        !simulator.readLine().startsWith("READY"))
        return fail(QStringLiteral("the simulated agents did not come up"));
    report("agents", QStringLiteral("%1 enrolled, connected and reporting after %2 s")
                         .arg(agents)
                         .arg(double(phase.elapsed()) / 1000, 0, 'f', 1));

    // The console: the Nodes section with every row loaded.
    phase.restart();
    NodesPage page;
    page.resize(1280, 800);
    page.setSession(&server.client, server.admin);
    page.show();
    if (!QTest::qWaitForWindowExposed(&page))
        return fail(QStringLiteral("the page was not exposed"));
    NodeListModel *model = page.model();
    auto *view = page.findChild<QTableView *>(QStringLiteral("nodes.list"));
    if (!QTest::qWaitFor([&] { return model->state() == NodeListModel::State::Ready; }, 60000))
        return fail(QStringLiteral("the list did not load"));
    while (model->canFetchMore({})) {
        const int before = model->rowCount();
        model->fetchMore({});
        if (!QTest::qWaitFor([&] { return model->rowCount() > before; }, 60000))
            return fail(QStringLiteral("a page did not come"));
    }
    const auto withSparklines = [&] {
        int rows = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            rows += sparkOf(model, row).isEmpty() ? 0 : 1;
        return rows;
    };
    (void)QTest::qWaitFor([&] { return withSparklines() == model->rowCount(); }, 60000);
    report("list loaded", QStringLiteral("%1 rows, %2 with sparklines, in %3")
                              .arg(model->rowCount())
                              .arg(withSparklines())
                              .arg(ms(double(phase.elapsed()))));
    // The two reads a page costs, warm (what the list's paging asks): the
    // rows and their sparklines, 100 each, median of 5.
    {
        QStringList ids;
        for (int row = 0; row < 100 && row < model->rowCount(); ++row)
            ids << model->node(row)->id;
        const auto timed = [&](const QString &path, qsizetype *bytes) {
            std::vector<double> times;
            for (int i = 0; i < 5; ++i) {
                QElapsedTimer clock;
                clock.start();
                const Answer answer = server.http->get(path, server.token);
                times.push_back(double(clock.nsecsElapsed()) / 1e6);
                *bytes = answer.raw.size();
            }
            return percentile(times, 50);
        };
        qsizetype listBytes = 0;
        qsizetype sparkBytes = 0;
        const double list = timed(QStringLiteral("/api/v1/nodes?size=100"), &listBytes);
        const double spark =
            timed(QStringLiteral("/api/v1/nodes/sparklines?ids=") + ids.join(u','), &sparkBytes);
        report("a page of 100 rows",
               QStringLiteral("GET /nodes %1 (%2 KiB), GET /nodes/sparklines %3 (%4 KiB)")
                   .arg(ms(list))
                   .arg(double(listBytes) / 1024, 0, 'f', 1)
                   .arg(ms(spark))
                   .arg(double(sparkBytes) / 1024, 0, 'f', 1));
    }
    if (!QTest::qWaitFor([&] { return page.isLive(); }, 30000))
        return fail(QStringLiteral("/ws/events did not open"));

    // What the live batches do to the model.
    qint64 cellSignals = 0;
    QObject::connect(model, &QAbstractItemModel::dataChanged, model,
                     [&cellSignals](const QModelIndex &from, const QModelIndex &to) {
                         if (from.column() <= NodeListModel::CpuColumn &&
                             to.column() >= NodeListModel::CpuColumn)
                             ++cellSignals;
                     });
    int batches = 0;
    QObject::connect(page.findChild<LiveEvents *>(), &LiveEvents::message, model,
                     [&batches](const QString &type) {
                         if (type == QLatin1String("node_metrics"))
                             ++batches;
                     });
    const auto batchesText = [&] {
        return QStringLiteral("%1 node_metrics batches, %2 rows changed")
            .arg(batches)
            .arg(cellSignals);
    };

    // Idle with the list open.
    QTest::qWait(2000);
    batches = 0;
    cellSignals = 0;
    double cpu = consoleCpuPercent([&] { QTest::qWait(seconds * 1000); });
    reportConsoleCpu("idle, list open: console CPU", cpu, batchesText());

    // Scrolling: a wheel notch every 16 ms, wrapping at the end.
    WheelScroll scroll(view);
    batches = 0;
    cellSignals = 0;
    cpu = scroll.run(seconds);
    reportConsoleCpu("scrolling: console CPU", cpu,
                     batchesText() + QStringLiteral(", %1 rows a notch, %2 times through all")
                                         .arg(scroll.notchStep())
                                         .arg(scroll.wraps()));
    scroll.report();

    simulator.closeWriteChannel();
    if (!simulator.waitForFinished(60000))
        simulator.kill();
    return 0;
}
