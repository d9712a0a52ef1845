// The execution viewer (issue 11, item 8) against a real hivemind-server:
// a fan-in flow watched live until every node completed, with a Gantt bar
// per node run; a failing flow with its failed node, error and skipped
// descendants; Cancel confirmed through MessageBox; Re-run from the failed
// node; a dropped WebSocket resumed with no event missed or applied twice;
// a 1,000-node execution repainted once per frame, not once per event.
// With HIVEMIND_SCREENSHOT_DIR set, also saves the list and the viewer of a
// real 10-node execution in en, zh_TW and zh_CN.

#include "ExecutionTestSupport.h"
#include "canvas/FlowItems.h"
#include "canvas/FlowScene.h"
#include "client/ExecutionWatcher.h"
#include "executions/ExecutionFeed.h"
#include "executions/ExecutionGraphView.h"
#include "executions/ExecutionListModel.h"
#include "executions/ExecutionState.h"
#include "executions/ExecutionViewer.h"
#include "executions/ExecutionsPage.h"
#include "executions/GanttTimeline.h"
#include "executions/NodeDetailPanel.h"
#include "shell/LanguageManager.h"
#include "widgets/MessageBox.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QtTest>
#include <map>
#include <memory>

using namespace hm::test;
using hm::app::ExecutionFeed;
using hm::app::ExecutionsPage;
using hm::app::ExecutionState;
using hm::app::ExecutionViewer;
using hm::app::MessageBox;
using hm::app::RunStatus;

namespace {

constexpr int kWaitMs = 30000;

// gate (held) -> B (delay), C (delay) -> D (noop): a fan-in.
QJsonObject fanIn()
{
    return flowDefinition(
        {heldNode("A", "gate"), delayNode("B", 20), delayNode("C", 40), flowNode("D", "noop")},
        {flowEdge("A", "B"), flowEdge("A", "C"), flowEdge("B", "D"), flowEdge("C", "D")});
}

// gate -> call (fails with HTTP 500 twice: two attempts) -> after1 -> after2;
// gate -> side (completes: an independent branch).
QJsonObject failing()
{
    return flowDefinition({heldNode("gate", "gate"),
                           flowNode("call", "http-request", {{"url", "$.trigger.service"}},
                                    {{"failOnHttpError", true}}),
                           flowNode("after1", "noop"), flowNode("after2", "noop"),
                           delayNode("side", 10)},
                          {flowEdge("gate", "call"), flowEdge("call", "after1"),
                           flowEdge("after1", "after2"), flowEdge("gate", "side")});
}

QJsonObject retryTwice()
{
    return {{"retry", QJsonObject{{"maxAttempts", 2}, {"backoffMs", 50}}}};
}

// A held chain: each node waits for the test.
QJsonObject heldChain(int length)
{
    QJsonArray nodes;
    QJsonArray edges;
    for (int i = 0; i < length; ++i) {
        nodes.append(heldNode(QStringLiteral("h%1").arg(i), QStringLiteral("url")));
        if (i > 0)
            edges.append(flowEdge(QStringLiteral("h%1").arg(i - 1), QStringLiteral("h%1").arg(i)));
    }
    return flowDefinition(nodes, edges);
}

// Ten nodes for the screenshots: a fetch, a fan-out of four, a flaky call
// retried, a fan-in and a tail.
QJsonObject tenNodes()
{
    return flowDefinition(
        {heldNode("fetch-orders", "gate"), delayNode("validate", 60),
         delayNode("enrich-customers", 180), delayNode("price-lines", 120),
         flowNode("check-stock", "http-request", {{"url", "$.trigger.flaky"}},
                  {{"failOnHttpError", true}}),
         delayNode("tax-rules", 90), flowNode("merge", "noop"), delayNode("render-invoice", 150),
         delayNode("archive", 70), flowNode("notify", "log")},
        {flowEdge("fetch-orders", "validate"), flowEdge("validate", "enrich-customers"),
         flowEdge("validate", "price-lines"), flowEdge("validate", "check-stock"),
         flowEdge("validate", "tax-rules"), flowEdge("enrich-customers", "merge"),
         flowEdge("price-lines", "merge"), flowEdge("check-stock", "merge"),
         flowEdge("tax-rules", "merge"), flowEdge("merge", "render-invoice"),
         flowEdge("render-invoice", "archive"), flowEdge("render-invoice", "notify")});
}

// Every number after the first snapshot's, up to `last`, applied once or
// covered by a resumed snapshot, never both; empty when so.
QString sequenceAccount(const ExecutionState &state, qint64 last)
{
    std::map<qint64, int> applied;
    for (const qint64 seq : state.appliedSequences())
        ++applied[seq];
    for (qint64 seq = state.firstSnapshotSequence() + 1; seq <= last; ++seq) {
        const int times = applied.count(seq) ? applied.at(seq) : 0;
        bool covered = false;
        for (const auto &[from, to] : state.coveredSequences())
            covered = covered || (seq > from && seq <= to);
        if (times > 1)
            return QStringLiteral("seq %1 applied %2 times").arg(seq).arg(times);
        if (times == 1 && covered)
            return QStringLiteral("seq %1 applied and covered").arg(seq);
        if (times == 0 && !covered)
            return QStringLiteral("seq %1 missed").arg(seq);
    }
    return {};
}

} // namespace

class TestExecutionViewer : public QObject, private ServerFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void fanInCompletesLive();
    void failureShowsErrorAndSkippedDescendants();
    void rerunFromTheFailedNode();
    void cancelIsConfirmed();
    void droppedConnectionResumesWithoutGapsOrRepeats();
    void thousandNodesRepaintPerFrame();
    void screenshots();

private:
    ExecutionViewer *viewer() const { return m_page->viewer(); }
    ExecutionState *state() const { return viewer()->state(); }
    template <typename T> T *child(const QString &name) const
    {
        return m_page->findChild<T *>(name);
    }
    RunStatus nodeStatus(const QString &id) const
    {
        const hm::app::NodeRun *n = state()->node(id);
        return n ? n->status : RunStatus::Unknown;
    }
    RunStatus drawnStatus(const QString &id) const
    {
        const auto *item = viewer()->graph()->flowScene()->nodeItem(id);
        return item ? item->runStatus() : RunStatus::Unknown;
    }
    QString newFlow(const QString &name, const QJsonObject &definition,
                    const QJsonObject &settings = {})
    {
        return createPublishedFlow(*m_http, m_admin, name, definition, settings);
    }
    // Opens the viewer on the execution and waits until it is live.
    bool openLive(const QString &id)
    {
        m_page->openExecution(id);
        return QTest::qWaitFor(
            [&] { return viewer()->feed()->connection() == ExecutionFeed::Connection::Live; },
            kWaitMs);
    }
    bool waitEnded()
    {
        return QTest::qWaitFor(
            [&] { return viewer()->feed()->connection() == ExecutionFeed::Connection::Ended; },
            kWaitMs);
    }
    // Layouts redone after texts changed (their requests are posted events
    // that the processing of other events may post again).
    static void settle()
    {
        for (int i = 0; i < 5; ++i)
            QApplication::processEvents();
    }
    QJsonObject serverStatus(const QString &id)
    {
        return m_http->get("/api/v1/executions/" + id + "/status", m_admin).data();
    }
    void showPage()
    {
        m_page = std::make_unique<ExecutionsPage>();
        m_page->resize(1400, 900);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_page->setClient(&m_client);
    }

    QTemporaryDir m_config;
    std::unique_ptr<hm::app::LanguageManager> m_languages;
    hm::client::ApiClient m_client;
    std::unique_ptr<ExecutionsPage> m_page;
    QString m_failedExecution;
    QString m_failingFlow;
    std::unique_ptr<HeldHttp> m_service; // the failing flow's "service"
};

void TestExecutionViewer::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HiveMindTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestExecutionViewer"));
    QSettings().clear();
    m_languages = std::make_unique<hm::app::LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));
    const QString problem = startServer();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString signedIn = signIn(m_client, m_http->base());
    QVERIFY2(signedIn.isEmpty(), qPrintable(signedIn));
}

void TestExecutionViewer::init()
{
    showPage();
}

void TestExecutionViewer::cleanup()
{
    MessageBox::setNextAnswer(QMessageBox::NoButton);
    m_page.reset();
}

// Watched from before its first node ends: every node ends completed on the
// canvas and in the state, and the Gantt has one bar per node run.
void TestExecutionViewer::fanInCompletesLive()
{
    const QString flow = newFlow(QStringLiteral("Fan-in"), fanIn());
    QVERIFY(!flow.isEmpty());
    HeldHttp gate;
    const QString id = startExecution(*m_http, m_admin, flow, {{"gate", gate.url().toString()}});
    QVERIFY(!id.isEmpty());
    QVERIFY(openLive(id));
    QVERIFY(gate.waitRequests(1));
    QTRY_COMPARE(nodeStatus("A"), RunStatus::Running);
    QTRY_COMPARE(drawnStatus("A"), RunStatus::Running);
    QCOMPARE(child<hm::app::RunStatusBadge>(QStringLiteral("execution.status"))->status(),
             RunStatus::Running);
    QVERIFY(viewer()->timeline()->showsNowLine());
    QTRY_COMPARE(child<QLabel>(QStringLiteral("execution.title"))->text(),
                 QStringLiteral("Fan-in"));
    QCOMPARE(child<QLabel>(QStringLiteral("execution.version"))->text(),
             QStringLiteral("Version 1"));
    // The Gantt in topological order (A first, D last).
    QTRY_COMPARE(state()->nodeIds(), (QStringList{"A", "B", "C", "D"}));

    gate.release(0);
    QVERIFY(waitEnded());
    QCOMPARE(state()->status(), RunStatus::Completed);
    for (const char *node : {"A", "B", "C", "D"}) {
        QCOMPARE(nodeStatus(node), RunStatus::Completed);
        QTRY_COMPARE(drawnStatus(node), RunStatus::Completed);
        QCOMPARE(viewer()->timeline()->barCount(node), 1);
        QVERIFY(viewer()->timeline()->barRect(node, 0).width() >= 3);
    }
    // D starts after both B and C ended: its bar begins right of theirs.
    QVERIFY(viewer()->timeline()->barRect("D", 0).left() >=
            viewer()->timeline()->barRect("C", 0).left());
    QVERIFY(!viewer()->timeline()->showsNowLine());
    QCOMPARE(child<hm::app::RunStatusBadge>(QStringLiteral("execution.status"))->text(),
             QStringLiteral("Completed"));
    QCOMPARE(child<QLabel>(QStringLiteral("execution.progress"))->text(),
             QStringLiteral("4 of 4 nodes finished"));
    // Events were applied one by one (this was watched live), each once.
    QVERIFY(state()->appliedSequences().size() >= 8);
    const QString account =
        sequenceAccount(*state(), serverStatus(id).value("event_sequence").toInteger());
    QVERIFY2(account.isEmpty(), qPrintable(account));

    // Selecting a bar selects the node in the graph and shows its detail.
    auto *gantt = viewer()->timeline();
    QTest::mouseClick(gantt->viewport(), Qt::LeftButton, Qt::NoModifier,
                      gantt->barRect("C", 0).center());
    QCOMPARE(viewer()->graph()->selectedNode(), QStringLiteral("C"));
    QCOMPARE(viewer()->detail()->nodeId(), QStringLiteral("C"));
    QTRY_VERIFY(!viewer()->detail()->detail().isEmpty());
    QCOMPARE(viewer()->detail()->detail().value("status").toString(), QStringLiteral("completed"));
    // And the other way round.
    viewer()->graph()->flowScene()->selectNodes({"B"});
    QCOMPARE(gantt->selectedNode(), QStringLiteral("B"));
    QCOMPARE(viewer()->detail()->nodeId(), QStringLiteral("B"));
    // The log tells the story, filterable.
    auto *log = child<QListView>(QStringLiteral("execution.log"));
    QVERIFY(log->model()->rowCount() >= 10);
    child<QLineEdit>(QStringLiteral("execution.log.filter"))->setText(QStringLiteral("COMPLETED"));
    QTRY_COMPARE(log->model()->rowCount(), 5); // four nodes and the execution
    for (int row = 0; row < log->model()->rowCount(); ++row)
        QVERIFY(
            log->model()->index(row, 0).data().toString().contains(QStringLiteral("completed")));
    child<QLineEdit>(QStringLiteral("execution.log.filter"))->clear();
    child<QComboBox>(QStringLiteral("execution.log.level"))->setCurrentIndex(2); // errors only
    QCOMPARE(log->model()->rowCount(), 0);
}

// A node fails after two attempts: it shows failed with the server's error,
// its descendants skipped, the independent branch completed.
void TestExecutionViewer::failureShowsErrorAndSkippedDescendants()
{
    m_failingFlow = newFlow(QStringLiteral("Failing"), failing(), retryTwice());
    QVERIFY(!m_failingFlow.isEmpty());
    HeldHttp gate;
    m_service = std::make_unique<HeldHttp>();
    m_service->answerAll(500);
    gate.answerAll(200);
    gate.answerAll(0); // held again: the gate waits for the test
    const QString id =
        startExecution(*m_http, m_admin, m_failingFlow,
                       {{"gate", gate.url().toString()}, {"service", m_service->url().toString()}});
    QVERIFY(!id.isEmpty());
    QVERIFY(openLive(id));
    QVERIFY(gate.waitRequests(1));
    gate.release(0);
    QVERIFY(waitEnded());
    m_failedExecution = id;

    QCOMPARE(state()->status(), RunStatus::Failed);
    QCOMPARE(nodeStatus("call"), RunStatus::Failed);
    QCOMPARE(drawnStatus("call"), RunStatus::Failed);
    for (const char *node : {"after1", "after2"}) {
        QCOMPARE(nodeStatus(node), RunStatus::Skipped);
        QCOMPARE(drawnStatus(node), RunStatus::Skipped);
        QCOMPARE(viewer()->timeline()->barCount(node), 0);
    }
    QCOMPARE(nodeStatus("side"), RunStatus::Completed);
    QCOMPARE(nodeStatus("gate"), RunStatus::Completed);
    // Two attempts, the first retried after a wait.
    QCOMPARE(viewer()->timeline()->barCount("call"), 2);
    const hm::app::NodeRun *call = state()->node("call");
    QVERIFY(call->attempts.first().willRetry);
    QCOMPARE(call->attempts.last().outcome, RunStatus::Failed);
    QVERIFY(viewer()->timeline()->barRect("call", 1).left() >
            viewer()->timeline()->barRect("call", 0).right());

    // Its detail: the server's error.
    viewer()->selectNode("call");
    QTRY_VERIFY(!viewer()->detail()->detail().isEmpty());
    const QString error =
        child<QPlainTextEdit>(QStringLiteral("execution.nodeDetail.error"))->toPlainText();
    QVERIFY2(error.contains(QStringLiteral("HTTP 500")), qPrintable(error));
    QCOMPARE(child<QTableWidget>(QStringLiteral("execution.nodeDetail.attempts"))->rowCount(), 2);
    viewer()->selectNode("after2");
    const QString skipped =
        child<QPlainTextEdit>(QStringLiteral("execution.nodeDetail.error"))->toPlainText();
    QVERIFY2(skipped.contains(QStringLiteral("depends on failed")), qPrintable(skipped));

    // Cancel and kill are over; re-run from the failed node is offered.
    QVERIFY(!child<QPushButton>(QStringLiteral("execution.cancel"))->isEnabled());
    QVERIFY(!child<QPushButton>(QStringLiteral("execution.kill"))->isEnabled());
    QVERIFY(child<QPushButton>(QStringLiteral("execution.rerun"))->isEnabled());
    QVERIFY(child<QAction>(QStringLiteral("action.rerunFromFailed"))->isEnabled());
    // The log says what failed and what was skipped.
    auto *log = child<QListView>(QStringLiteral("execution.log"));
    QStringList lines;
    for (int row = 0; row < log->model()->rowCount(); ++row)
        lines.append(log->model()->index(row, 0).data().toString());
    const QString all = lines.join(u'\n');
    QVERIFY2(all.contains(QStringLiteral("call failed on attempt 1 and will be retried")),
             qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("after2 skipped")), qPrintable(all));
}

// Re-run from the failed node once the service answers: a new execution in
// the viewer, the nodes before the failure reused, the rest completed.
void TestExecutionViewer::rerunFromTheFailedNode()
{
    QVERIFY(!m_failedExecution.isEmpty());
    m_service->answerAll(200);
    m_page->openExecution(m_failedExecution);
    QVERIFY(waitEnded());
    QCOMPARE(state()->status(), RunStatus::Failed);
    QSignalSpy opened(viewer(), &ExecutionViewer::executionOpened);
    child<QAction>(QStringLiteral("action.rerunFromFailed"))->trigger();
    QTRY_COMPARE(opened.size(), 1);
    const QString rerun = opened.first().first().toString();
    QVERIFY(rerun != m_failedExecution);
    QCOMPARE(viewer()->executionId(), rerun);
    QVERIFY(waitEnded());
    QCOMPARE(state()->status(), RunStatus::Completed);
    QCOMPARE(state()->rerunOf(), m_failedExecution);
    for (const char *node : {"gate", "call", "after1", "after2", "side"})
        QCOMPARE(nodeStatus(node), RunStatus::Completed);
    QVERIFY(state()->node("gate")->reused);
    QVERIFY(!state()->node("call")->reused);

    // The server's refusal in words: re-running a running... no — here a
    // re-run of an execution that does not exist.
    m_page->openExecution(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    QTRY_COMPARE(viewer()->feed()->connection(), ExecutionFeed::Connection::Failed);
    QTRY_VERIFY2(viewer()->message().contains(QStringLiteral("does not exist")),
                 qPrintable(viewer()->message()));
}

// Cancel asks first (MessageBox): No changes nothing, Yes cancels.
void TestExecutionViewer::cancelIsConfirmed()
{
    const QString flow = newFlow(QStringLiteral("To cancel"), heldChain(2));
    QVERIFY(!flow.isEmpty());
    HeldHttp held;
    const QString id = startExecution(*m_http, m_admin, flow, {{"url", held.url().toString()}});
    QVERIFY(!id.isEmpty());
    QVERIFY(openLive(id));
    QVERIFY(held.waitRequests(1));
    auto *cancel = child<QPushButton>(QStringLiteral("execution.cancel"));
    QTRY_VERIFY(cancel->isEnabled());
    // The flow's name arrives on its own read; until then the question
    // names the flow by id (a busy machine clicks before it is there).
    QTRY_COMPARE(child<QLabel>(QStringLiteral("execution.title"))->text(),
                 QStringLiteral("To cancel"));

    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("execution.confirmCancel"));
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("To cancel")));
    // No request went out (the button is disabled while one is on its way).
    QVERIFY(cancel->isEnabled());
    QCOMPARE(serverStatus(id).value("status").toString(), QStringLiteral("running"));

    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(waitEnded());
    QCOMPARE(state()->status(), RunStatus::Cancelled);
    QCOMPARE(serverStatus(id).value("status").toString(), QStringLiteral("cancelled"));
    QCOMPARE(nodeStatus("h1"), RunStatus::Cancelled); // never started
    QVERIFY(!cancel->isEnabled());
    QCOMPARE(child<hm::app::RunStatusBadge>(QStringLiteral("execution.status"))->text(),
             QStringLiteral("Cancelled"));
}

// The WebSocket is dropped while nodes wait; nodes end while nobody
// watches; the viewer resumes by itself and ends with the server's
// statuses, every event number applied once or covered by the snapshot.
void TestExecutionViewer::droppedConnectionResumesWithoutGapsOrRepeats()
{
    const int length = 5;
    const QString flow = newFlow(QStringLiteral("Reconnect"), heldChain(length));
    QVERIFY(!flow.isEmpty());
    HeldHttp held;
    const QString id = startExecution(*m_http, m_admin, flow, {{"url", held.url().toString()}});
    QVERIFY(!id.isEmpty());
    QVERIFY(openLive(id));
    hm::client::ExecutionWatcher *watcher = viewer()->feed()->watcher();
    for (int drop = 0; drop < 2; ++drop) {
        const int node = drop * 2;
        QVERIFY(held.waitRequests(node + 1));
        QTRY_COMPARE(nodeStatus(QStringLiteral("h%1").arg(node)), RunStatus::Running);
        watcher->abort(QStringLiteral("test drops the connection"));
        // While the viewer is away (it waits 250 ms before resuming), a node
        // ends and the next starts.
        held.release(node);
        QVERIFY(held.waitRequests(node + 2));
        QTRY_COMPARE(viewer()->feed()->connection(), ExecutionFeed::Connection::Live);
        QCOMPARE(watcher->resumeCount(), drop + 1);
        held.release(node + 1);
    }
    QVERIFY(held.waitRequests(length));
    held.release(length - 1);
    QVERIFY(waitEnded());

    const QJsonObject server = serverStatus(id);
    QCOMPARE(state()->status(), RunStatus::Completed);
    for (const QJsonValue n : server.value("nodes").toArray()) {
        const QString node = n.toObject().value("node_id").toString();
        QCOMPARE(hm::app::runStatusName(nodeStatus(node)), n.toObject().value("status").toString());
        QCOMPARE(drawnStatus(node), nodeStatus(node));
    }
    QCOMPARE(watcher->duplicatesDropped(), 0);
    const QString account = sequenceAccount(*state(), server.value("event_sequence").toInteger());
    QVERIFY2(account.isEmpty(), qPrintable(account));
    QCOMPARE(state()->lastSequence(), server.value("event_sequence").toInteger());
    // What was not seen one by one is in the log as such.
    auto *log = child<QListView>(QStringLiteral("execution.log"));
    QStringList lines;
    for (int row = 0; row < log->model()->rowCount(); ++row)
        lines.append(log->model()->index(row, 0).data().toString());
    QCOMPARE(lines.filter(QStringLiteral("Connection to the server lost")).size(), 2);
    QCOMPARE(lines.filter(QStringLiteral("Reconnected")).size(), 2);
}

// 1,000 nodes in parallel: thousands of events, a few dozen repaints.
void TestExecutionViewer::thousandNodesRepaintPerFrame()
{
    QJsonArray nodes{heldNode("gate", "gate")};
    QJsonArray edges;
    for (int i = 0; i < 1000; ++i) {
        const QString node = QStringLiteral("n%1").arg(i);
        nodes.append(flowNode(node, "noop"));
        edges.append(flowEdge("gate", node));
    }
    const QString flow = newFlow(QStringLiteral("Wide"), flowDefinition(nodes, edges));
    QVERIFY(!flow.isEmpty());
    HeldHttp gate;
    const QString id = startExecution(*m_http, m_admin, flow, {{"gate", gate.url().toString()}});
    QVERIFY(!id.isEmpty());
    QVERIFY(openLive(id));
    QTRY_COMPARE(state()->nodeCount(), 1001);
    QVERIFY(gate.waitRequests(1));
    QSignalSpy frames(state(), &ExecutionState::nodesChanged);
    const qsizetype before = state()->appliedSequences().size();
    gate.release(0);
    QVERIFY(waitEnded());
    const qsizetype events = state()->appliedSequences().size() - before;
    QCOMPARE(state()->countOf(RunStatus::Completed), 1001);
    QVERIFY2(events >= 2000, qPrintable(QString::number(events)));
    QVERIFY2(
        frames.size() * 20 < events,
        qPrintable(QStringLiteral("%1 repaints for %2 events").arg(frames.size()).arg(events)));
}

void TestExecutionViewer::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return; // only when asked for (docs/screenshots)
    QVERIFY(QDir().mkpath(dir));
    // The page as the main window shows it: its style sheet and background.
    QFile style(QStringLiteral(":/styles/console.qss"));
    QVERIFY(style.open(QIODevice::ReadOnly));
    m_page->setAttribute(Qt::WA_StyledBackground, true);
    m_page->setProperty("sectionPage", true);
    m_page->setStyleSheet(QString::fromUtf8(style.readAll()));

    // Earlier runs for the list: quick ones, a failed one, a running one.
    const QString reportFlow =
        newFlow(QStringLiteral("Daily report"),
                flowDefinition({delayNode("collect", 40), flowNode("send", "noop")},
                               {flowEdge("collect", "send")}));
    for (int i = 0; i < 3; ++i)
        QVERIFY(!startExecution(*m_http, m_admin, reportFlow).isEmpty());
    const QString failFlow =
        newFlow(QStringLiteral("Nightly sync"), flowDefinition({heldNode("call", "url")}));
    QVERIFY(
        !startExecution(*m_http, m_admin, failFlow, {{"url", "http://127.0.0.1:1/"}}).isEmpty());
    HeldHttp running;
    const QString runFlow =
        newFlow(QStringLiteral("Backup databases"), flowDefinition({heldNode("dump", "url")}));
    QVERIFY(
        !startExecution(*m_http, m_admin, runFlow, {{"url", running.url().toString()}}).isEmpty());
    QVERIFY(running.waitRequests(1));

    // A real 10-node execution watched live: check-stock answers 500 and
    // 503 before 200, so its row shows three attempts and the waits.
    const QString flow = newFlow(QStringLiteral("Invoice run"), tenNodes(),
                                 {{"retry", QJsonObject{{"maxAttempts", 3}, {"backoffMs", 150}}}});
    QVERIFY(!flow.isEmpty());
    HeldHttp gate;
    HeldHttp flaky;
    flaky.script({500, 503});
    const QString id =
        startExecution(*m_http, m_admin, flow,
                       {{"gate", gate.url().toString()}, {"flaky", flaky.url().toString()}});
    QVERIFY(!id.isEmpty());
    QVERIFY(openLive(id));
    QVERIFY(gate.waitRequests(1));
    QTest::qWait(120); // the first node visibly runs a while
    gate.release(0);
    QVERIFY(flaky.waitRequests(3));
    QTest::qWait(200); // the third attempt of check-stock takes a while
    flaky.release(2);
    QVERIFY(waitEnded());
    QCOMPARE(state()->status(), RunStatus::Completed);
    QCOMPARE(viewer()->timeline()->barCount(QStringLiteral("check-stock")), 3);
    viewer()->selectNode(QStringLiteral("check-stock"));
    QTRY_VERIFY(!viewer()->detail()->detail().isEmpty());
    child<QTabWidget>(QStringLiteral("execution.nodeDetail.tabs"))->setCurrentIndex(3);
    viewer()->graph()->fitToView();

    // The same page in each language: switched live, nothing reloaded.
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_languages->setLanguage(language, hm::app::LanguageManager::Persist::No));
        settle();
        QVERIFY(m_page->grab().save(dir + QStringLiteral("/execution-viewer-") + language +
                                    QStringLiteral(".png")));
        m_page->showList();
        QTRY_VERIFY(m_page->model()->rowCount() >= 6);
        m_page->list()->selectRow(m_page->model()->rowOf(id));
        settle();
        QVERIFY(m_page->grab().save(dir + QStringLiteral("/executions-list-") + language +
                                    QStringLiteral(".png")));
        m_page->openExecution(id); // back to the same, still-live viewer
        QCOMPARE(state()->status(), RunStatus::Completed);
    }
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));
    running.release(0);
}

QTEST_MAIN(TestExecutionViewer)
#include "TestExecutionViewer.moc"
