// A 1,000-node execution watched live (issue 11, Benchmarks): event-to-paint
// latency in the Executions section's viewer (ExecutionViewer: its own
// WebSocket watcher, state, graph, Gantt and log) and the longest time the
// UI thread was blocked, against a real hivemind-server over loopback.
//
// Per node event: from its arrival in the console (the watcher's `event`
// signal) and from the server's own timestamp on it, to the end of the next
// paint of the graph's viewport. The watchdog is a 5 ms precise QTimer that
// measures its own lateness. Two shapes, both gated by an http-request node
// that waits until the viewer is live (HeldHttp):
//   burst: 999 noop nodes fanned out from the gate (about 2,000 node events
//          within a few milliseconds);
//   paced: 999 delay nodes (25 ms each) in 40 ranks of 25 with 1,500 edges
//          (events spread over about a second).
//
//   QT_QPA_PLATFORM=offscreen build/ci/bin/BenchExecutionViewer [--runs N]

#include "ConsoleBench.h"
#include "HeldHttp.h"
#include "PaintProbe.h"
#include "client/ExecutionWatcher.h"
#include "executions/ExecutionFeed.h"
#include "executions/ExecutionGraphView.h"
#include "executions/ExecutionState.h"
#include "executions/ExecutionViewer.h"

#include <QDateTime>

using namespace hm::app;
using namespace hm::bench;

namespace {

struct Measured
{
    std::vector<double> fromArrival; // ms
    std::vector<double> fromServer;  // ms (the server's timestamp has ms resolution)
    double longestBlockMs = 0;
    double longestBusyMs = 0; // the UI thread's CPU time between two ticks
    int blocksOver50 = 0;
    int events = 0;
    int paints = 0;
    double wallMs = 0;
    double openMs = 0; // openExecution to live with the graph of 1,000 nodes
};

QJsonObject burstFlow()
{
    QJsonArray nodes{flowNode(QStringLiteral("gate"), QStringLiteral("http-request"),
                              {{"url", "$.trigger.gate"}})};
    QJsonArray edges;
    for (int i = 1; i < 1000; ++i) {
        const QString id = QStringLiteral("n%1").arg(i, 4, 10, QLatin1Char('0'));
        nodes.append(flowNode(id, QStringLiteral("noop")));
        edges.append(flowEdge(QStringLiteral("gate"), id));
    }
    return flowDefinition(nodes, edges);
}

QJsonObject pacedFlow()
{
    // n0000 is the gate; ranks of 25 after it.
    QJsonObject definition = layeredFlow(1000, 1500, 25, [](int i, const QString &id) {
        if (i == 0)
            return flowNode(id, QStringLiteral("http-request"), {{"url", "$.trigger.gate"}});
        return flowNode(id, QStringLiteral("delay"), {}, {{"ms", 25}});
    });
    // Every node of the first rank waits for the gate.
    QJsonArray edges = definition.value("edges").toArray();
    for (int i = 1; i < 25; ++i)
        edges.append(flowEdge(QStringLiteral("n0000"),
                              QStringLiteral("n%1").arg(i, 4, 10, QLatin1Char('0'))));
    definition["edges"] = edges;
    return definition;
}

std::optional<Measured> watchOnce(BenchServer &server, ExecutionViewer &viewer,
                                  const QString &flowId)
{
    HeldHttp gate;
    const QString id = trigger(server, flowId, {{"gate", gate.url().toString()}});
    if (id.isEmpty())
        return std::nullopt;
    const qint64 openStart = PaintProbe::nowNs();
    viewer.openExecution(id);
    if (!QTest::qWaitFor(
            [&] {
                return viewer.feed()->connection() == ExecutionFeed::Connection::Live &&
                       viewer.state()->nodeCount() == 1000;
            },
            60000))
        return std::nullopt;
    const double openMs = double(PaintProbe::nowNs() - openStart) / 1e6;
    if (!gate.waitRequests(1))
        return std::nullopt;
    QTest::qWait(300); // the first paints of the graph settle

    Measured m;
    m.openMs = openMs;
    struct Pending
    {
        qint64 arrivalNs;
        qint64 serverMs;
    };
    std::vector<Pending> pending;
    auto *watcher = viewer.feed()->watcher();
    const auto eventConnection = QObject::connect(
        watcher, &hm::client::ExecutionWatcher::event, [&](const QJsonObject &message) {
            if (!message.value("type").toString().startsWith("node_"))
                return;
            ++m.events;
            const QDateTime at =
                QDateTime::fromString(message.value("timestamp").toString(), Qt::ISODateWithMs);
            pending.push_back({PaintProbe::nowNs(), at.isValid() ? at.toMSecsSinceEpoch() : 0});
        });
    PaintProbe probe(viewer.graph()->viewport());
    probe.onPaint = [&](qint64) {
        if (pending.empty())
            return;
        ++m.paints;
        auto painted = std::make_shared<std::vector<Pending>>(std::move(pending));
        pending.clear();
        QTimer::singleShot(0, &viewer, [&m, painted] {
            const qint64 now = PaintProbe::nowNs();
            const qint64 wall = QDateTime::currentMSecsSinceEpoch();
            for (const Pending &p : *painted) {
                m.fromArrival.push_back(double(now - p.arrivalNs) / 1e6);
                if (p.serverMs > 0)
                    m.fromServer.push_back(double(wall - p.serverMs));
            }
        });
    };

    // The watchdog: how late a 5 ms timer fires is how long the thread
    // could not run it.
    QTimer watchdog;
    watchdog.setTimerType(Qt::PreciseTimer);
    watchdog.setInterval(5);
    qint64 lastTick = PaintProbe::nowNs();
    double lastCpu = threadCpuMs();
    QObject::connect(&watchdog, &QTimer::timeout, [&] {
        const qint64 now = PaintProbe::nowNs();
        const double cpu = threadCpuMs();
        m.longestBusyMs = std::max(m.longestBusyMs, cpu - lastCpu);
        lastCpu = cpu;
        const double late = double(now - lastTick) / 1e6 - 5.0;
        m.longestBlockMs = std::max(m.longestBlockMs, late);
        if (late > 50)
            ++m.blocksOver50;
        lastTick = now;
    });
    watchdog.start();

    const qint64 start = PaintProbe::nowNs();
    gate.release(0);
    const bool ended = QTest::qWaitFor(
        [&] { return viewer.feed()->connection() == ExecutionFeed::Connection::Ended; }, 120000);
    m.wallMs = double(PaintProbe::nowNs() - start) / 1e6;
    QTest::qWait(300); // the last frame
    watchdog.stop();
    QObject::disconnect(eventConnection);
    if (!ended)
        return std::nullopt;
    return m;
}

void reportShape(const char *name, const std::vector<Measured> &runs)
{
    std::vector<double> arrival;
    std::vector<double> serverSide;
    double block = 0;
    double busy = 0;
    int over = 0;
    int events = 0;
    int paints = 0;
    double wall = 0;
    std::vector<double> opens;
    for (const Measured &m : runs) {
        opens.push_back(m.openMs);
        arrival.insert(arrival.end(), m.fromArrival.begin(), m.fromArrival.end());
        serverSide.insert(serverSide.end(), m.fromServer.begin(), m.fromServer.end());
        block = std::max(block, m.longestBlockMs);
        busy = std::max(busy, m.longestBusyMs);
        over += m.blocksOver50;
        events += m.events;
        paints += m.paints;
        wall += m.wallMs;
    }
    const double p99 = percentile(arrival, 99);
    report(qPrintable(QStringLiteral("%1: event arrival to paint").arg(QLatin1String(name))),
           QStringLiteral("%1 runs, %2 node events, %3 graph paints, p50 %4, p99 %5, max %6 "
                          "(execution %7 per run)")
               .arg(runs.size())
               .arg(events)
               .arg(paints)
               .arg(ms(percentile(arrival, 50)), ms(p99), ms(maximum(arrival)),
                    ms(wall / double(runs.size()))),
           QStringLiteral("p99 < 100 ms"), p99 < 100);
    report(qPrintable(QStringLiteral("%1: server timestamp to paint").arg(QLatin1String(name))),
           QStringLiteral("p50 %1, p99 %2, max %3")
               .arg(ms(percentile(serverSide, 50)), ms(percentile(serverSide, 99)),
                    ms(maximum(serverSide))),
           QStringLiteral("p99 < 100 ms"), percentile(serverSide, 99) < 100);
    report(
        qPrintable(QStringLiteral("%1: opening the execution until live").arg(QLatin1String(name))),
        QStringLiteral("median %1, max %2 (flow fetched, laid out, scene built, WebSocket)")
            .arg(ms(percentile(opens, 50)), ms(maximum(opens))));
    report(qPrintable(QStringLiteral("%1: UI thread blocked").arg(QLatin1String(name))),
           QStringLiteral("longest %1, %2 times over 50 ms; the most CPU the UI thread "
                          "spent between two ticks: %3")
               .arg(ms(block))
               .arg(over)
               .arg(ms(busy)),
           QStringLiteral("never > 50 ms"), block <= 50);
}

// With --explain: every event whose delivery took over 30 ms on the UI
// thread (receiver class, event type), to find what blocks it.
class ExplainingApplication final : public QApplication
{
public:
    using QApplication::QApplication;
    bool explain = false;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!explain || m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        const qint64 start = PaintProbe::nowNs();
        const int type = event->type();
        const bool result = QApplication::notify(receiver, event);
        const double took = double(PaintProbe::nowNs() - start) / 1e6;
        --m_depth;
        if (took > 30)
            std::printf("  slow event: %.1f ms, %s (%s), type %d\n", took,
                        receiver->metaObject()->className(), qPrintable(receiver->objectName()),
                        type);
        return result;
    }

private:
    int m_depth = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    ExplainingApplication app(argc, argv);
    app.explain = app.arguments().contains(QStringLiteral("--explain"));
    const qsizetype at = app.arguments().indexOf(QStringLiteral("--runs"));
    const int runs = at >= 0 ? app.arguments().value(at + 1).toInt() : 3;

    BenchServer server;
    if (const QString problem = server.start(); !problem.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(problem));
        return 1;
    }
    QString why;
    const QJsonObject unlimited{
        {"concurrency", QJsonObject{{"mode", "allow"}, {"maxInstances", 100}}}};
    const QString burst = storeFlow(server, QStringLiteral("Burst"), burstFlow(), &why, unlimited);
    const QString paced = storeFlow(server, QStringLiteral("Paced"), pacedFlow(), &why, unlimited);
    if (burst.isEmpty() || paced.isEmpty()) {
        std::fprintf(stderr, "flows not stored: %s\n", qPrintable(why));
        return 1;
    }

    ExecutionViewer viewer;
    viewer.resize(1400, 900);
    viewer.show();
    if (!QTest::qWaitForWindowExposed(&viewer))
        return 1;
    viewer.setClient(&server.client);

    for (const auto &[name, flow] : {std::pair{"burst (999 noop fanned out)", burst},
                                     std::pair{"paced (999 delay 25 ms, 1,500 edges)", paced}}) {
        // --only burst|paced: one shape (for a profile).
        const qsizetype only = app.arguments().indexOf(QStringLiteral("--only"));
        if (only >= 0 && !QString::fromLatin1(name).startsWith(app.arguments().value(only + 1)))
            continue;
        std::vector<Measured> measured;
        for (int run = 0; run < runs; ++run) {
            auto m = watchOnce(server, viewer, flow);
            if (!m) {
                std::fprintf(stderr, "%s: run %d did not complete\n", name, run);
                return 1;
            }
            measured.push_back(std::move(*m));
        }
        reportShape(name, measured);
    }
    return 0;
}
