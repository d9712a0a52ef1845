// The flow editor's figures (issue 11, Benchmarks): opening a stored
// 1,000-node flow, pan/zoom frame times on a 1,000-node, 1,500-edge flow
// and the auto-layout of those 1,000 nodes, in the Flows section's real
// editor (FlowEditorPage, what the console hosts) against a real
// hivemind-server over loopback. See README.md.
//
//   QT_QPA_PLATFORM=offscreen build/ci/bin/BenchFlowEditor [--runs N]

#include "ConsoleBench.h"
#include "PaintProbe.h"
#include "canvas/FlowEditorWidget.h"
#include "canvas/FlowView.h"
#include "client/FlowsApi.h"
#include "flowgraph/FlowGraphModel.h"
#include "flows/FlowAutosave.h"
#include "flows/FlowEditorPage.h"

#include <QAction>
#include <QEventLoop>
#include <QScrollBar>
#include <QUndoStack>
#include <cmath>

using namespace hm::app;
using namespace hm::bench;

namespace {

int runsFromArguments(const QStringList &arguments, int fallback)
{
    const qsizetype at = arguments.indexOf(QStringLiteral("--runs"));
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1).toInt() : fallback;
}

double elapsedMs(qint64 fromNs, qint64 toNs)
{
    return double(toNs - fromNs) / 1e6;
}

struct Frames
{
    std::vector<double> wall;
    std::vector<double> cpu; // the UI thread's CPU time per frame
    void append(const Frames &other)
    {
        wall.insert(wall.end(), other.wall.begin(), other.wall.end());
        cpu.insert(cpu.end(), other.cpu.begin(), other.cpu.end());
    }
};

void reportFrames(const char *name, const Frames &frames, bool withGoal)
{
    const double p95 = percentile(frames.wall, 95);
    report(name,
           QStringLiteral("%1 frames, p50 %2, p95 %3, max %4; thread CPU p50 %5, p95 %6, max %7")
               .arg(frames.wall.size())
               .arg(ms(percentile(frames.wall, 50)), ms(p95), ms(maximum(frames.wall)),
                    ms(percentile(frames.cpu, 50)), ms(percentile(frames.cpu, 95)),
                    ms(maximum(frames.cpu))),
           withGoal ? QStringLiteral("p95 < 16 ms") : QString(), p95 < 16.0);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = runsFromArguments(app.arguments(), 5);

    BenchServer server;
    if (const QString problem = server.start(); !problem.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(problem));
        return 1;
    }
    QString why;
    const QJsonObject definition = editorFlow(1000, 1500);
    const QString flowId = storeFlow(server, QStringLiteral("Bench 1000"), definition, &why);
    if (flowId.isEmpty()) {
        std::fprintf(stderr, "flow not stored: %s\n", qPrintable(why));
        return 1;
    }
    std::printf("flow: %lld nodes, %lld edges, %lld bytes of JSON\n",
                qlonglong(definition.value("nodes").toArray().size()),
                qlonglong(definition.value("edges").toArray().size()),
                qlonglong(QJsonDocument(definition).toJson(QJsonDocument::Compact).size()));

    QTemporaryDir autosave;
    FlowEditorPage page(&server.client, FlowAutosave(autosave.path()));
    page.resize(1400, 900);
    page.show();
    if (!QTest::qWaitForWindowExposed(&page)) {
        std::fprintf(stderr, "the page was not exposed\n");
        return 1;
    }
    FlowEditorWidget *editor = page.editor();
    FlowView *view = editor->view();
    PaintProbe probe(view->viewport());

    // --- 2. open a stored 1,000-node flow: fetch, parse, model and scene,
    // first paint. The first open also fetches the component catalogue.
    std::vector<double> opens;
    double firstOpen = 0;
    for (int run = 0; run <= runs; ++run) {
        page.closeFlow();
        QApplication::processEvents();
        probe.arm([&] { return !page.isLoading() && page.model()->nodeCount() == 1000; });
        const qint64 start = PaintProbe::nowNs();
        page.open(flowId);
        if (!QTest::qWaitFor([&] { return probe.painted(); }, 60000)) {
            std::fprintf(stderr, "the flow was not painted\n");
            return 1;
        }
        const double took = elapsedMs(start, probe.paintedAtNs());
        if (run == 0)
            firstOpen = took;
        else
            opens.push_back(took);
        QTest::qWait(200); // the fit-to-view the page schedules, versions list
    }
    report("open stored 1,000-node flow, first (with the catalogue)", ms(firstOpen),
           QStringLiteral("< 300 ms"), firstOpen < 300);
    report("open stored 1,000-node flow, again",
           QStringLiteral("%1 runs, median %2, max %3")
               .arg(opens.size())
               .arg(ms(percentile(opens, 50)), ms(maximum(opens))),
           QStringLiteral("< 300 ms"), maximum(opens) < 300);

    // Where an open goes: the fetch alone, the model's load alone.
    {
        std::vector<double> fetches;
        std::vector<double> loads;
        for (int run = 0; run < runs; ++run) {
            const qint64 start = PaintProbe::nowNs();
            auto detail = await<hm::client::FlowDetail>(
                [&](auto done) { hm::client::FlowsApi(server.client).get(flowId, done); });
            fetches.push_back(elapsedMs(start, PaintProbe::nowNs()));
            if (!detail)
                return 1;
            FlowGraphModel model;
            model.setCatalogue(page.model()->catalogue());
            const qint64 loadStart = PaintProbe::nowNs();
            (void)model.load(detail->latestVersion.definition, detail->latestVersion.settings);
            loads.push_back(elapsedMs(loadStart, PaintProbe::nowNs()));
        }
        // The same load into a shown editor (scene items built from the
        // model's signals), then one paint at fit-to-view.
        std::vector<double> sceneLoads;
        std::vector<double> firstPaints;
        for (int run = 0; run < runs; ++run) {
            FlowGraphModel model;
            model.setCatalogue(page.model()->catalogue());
            FlowEditorWidget widget(&model);
            widget.resize(1400, 900);
            widget.show();
            (void)QTest::qWaitForWindowExposed(&widget);
            const qint64 loadStart = PaintProbe::nowNs();
            (void)model.load(definition);
            const qint64 loaded = PaintProbe::nowNs();
            widget.view()->fitToView();
            widget.view()->viewport()->repaint();
            sceneLoads.push_back(elapsedMs(loadStart, loaded));
            firstPaints.push_back(elapsedMs(loaded, PaintProbe::nowNs()));
        }
        report("  of which FlowGraphModel::load into a shown editor (scene built)",
               QStringLiteral("median %1").arg(ms(percentile(sceneLoads, 50))));
        report("  of which fit-to-view and the first repaint of the canvas",
               QStringLiteral("median %1").arg(ms(percentile(firstPaints, 50))));
        report("  of which GET /flows/{id} (fetch + parse by the client)",
               QStringLiteral("median %1").arg(ms(percentile(fetches, 50))));
        report("  of which FlowGraphModel::load alone (no scene)",
               QStringLiteral("median %1").arg(ms(percentile(loads, 50))));
    }

    // --- 3. pan/zoom: every step is the view's own function, then the
    // viewport is repainted at once; the frame is both.
    Frames *into = nullptr;
    auto frame = [&](auto &&step) {
        const qint64 start = PaintProbe::nowNs();
        const double cpu = threadCpuMs();
        step();
        view->viewport()->repaint();
        into->cpu.push_back(threadCpuMs() - cpu);
        into->wall.push_back(elapsedMs(start, PaintProbe::nowNs()));
    };
    Frames all;
    Frames fitPan;
    Frames zooms;
    Frames pans;
    view->fitToView();
    QApplication::processEvents();
    const double fitZoom = view->zoom();
    // BENCH_SCREENSHOT=file.png: the canvas at fit-to-view, to look at.
    if (const QString shot = qEnvironmentVariable("BENCH_SCREENSHOT"); !shot.isEmpty())
        view->grab().save(shot);
    into = &fitPan;
    for (int i = 0; i < 60; ++i) {
        const int dx = (i % 20 < 10) ? 15 : -15;
        frame([&] {
            view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->value() + dx);
            view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + dx / 3);
        });
    }
    into = &zooms;
    for (int i = 0; i < 120; ++i) {
        // 0.1 .. 2.0 and back, geometric steps.
        const double t = i < 60 ? i / 59.0 : (119 - i) / 59.0;
        const double zoom = 0.1 * std::pow(20.0, t);
        frame([&] { view->setZoom(zoom); });
    }
    view->setZoom(1.0);
    view->centerOn(view->sceneRect().center());
    QApplication::processEvents();
    into = &pans;
    for (int i = 0; i < 120; ++i) {
        const int dx = (i % 40 < 20) ? 40 : -40;
        frame([&] {
            view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->value() + dx);
            view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + dx / 2);
        });
    }
    all.append(fitPan);
    all.append(zooms);
    all.append(pans);
    std::printf("view %dx%d, fit zoom %.3f\n", view->viewport()->width(),
                view->viewport()->height(), fitZoom);
    reportFrames("pan/zoom frame, all", all, true);
    reportFrames("  pan at fit-to-view (all 1,000 nodes visible)", fitPan, false);
    reportFrames("  zoom 0.1x..2.0x..0.1x", zooms, false);
    reportFrames("  pan at 100%", pans, false);

    // --- 5. auto-layout of the 1,000 nodes through the editor's command.
    QAction *layout = editor->action(QStringLiteral("autoLayout"));
    std::vector<double> layouts;
    std::vector<double> layoutsPainted;
    for (int run = 0; run < std::max(3, runs / 2); ++run) {
        // Scatter the nodes first so that every run lays out the same mess.
        QHash<QString, QPointF> scattered;
        const QStringList ids = page.model()->nodeIds();
        for (int i = 0; i < ids.size(); ++i)
            scattered.insert(ids[i], QPointF((i * 7919) % 5000, (i * 104729) % 4000));
        (void)page.model()->applyLayout(scattered);
        QApplication::processEvents();
        const qint64 start = PaintProbe::nowNs();
        // The layout runs in a worker: to its result, applied.
        QEventLoop wait;
        const QMetaObject::Connection done =
            QObject::connect(editor, &FlowEditorWidget::layoutFinished, &wait, &QEventLoop::quit);
        layout->trigger();
        if (editor->isLayingOut())
            wait.exec();
        QObject::disconnect(done);
        const qint64 laidOut = PaintProbe::nowNs();
        view->viewport()->repaint();
        const qint64 painted = PaintProbe::nowNs();
        layouts.push_back(elapsedMs(start, laidOut));
        layoutsPainted.push_back(elapsedMs(start, painted));
        QApplication::processEvents();
    }
    report(qPrintable(QStringLiteral("auto-layout of 1,000 nodes (%1), to the next paint")
                          .arg(editor->layoutName())),
           QStringLiteral("%1 runs, median %2, max %3 (the command alone: median %4)")
               .arg(layoutsPainted.size())
               .arg(ms(percentile(layoutsPainted, 50)), ms(maximum(layoutsPainted)),
                    ms(percentile(layouts, 50))),
           QStringLiteral("< 1 s"), maximum(layoutsPainted) < 1000);
    page.model()->undoStack()->clear();
    return 0;
}
