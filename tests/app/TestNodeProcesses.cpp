// Node detail, "Processes" (issue 38) against a real in-process server and
// real hivemind-agent processes: "web-1" runs an agent started with
// --allow processes, "db-1" one with the default capabilities. A `sleep`
// child of the test shows in the list (searched on the agent), is killed
// with TERM through the UI (the dialog answered through DialogSeam) and is
// gone from the machine and the list; the agent refuses to signal itself
// and the view says so in words; a header click sorts on the server; the
// selection survives the refreshes; the tab shows only where /access says
// processes are usable (not for db-1, nor for a VIEWER). With
// HIVEMIND_SCREENSHOT_DIR set, `screenshots` saves the tab in en, zh_TW
// and zh_CN.

#include "AdminTestSupport.h"
#include "ColumnAlignmentSupport.h"
#include "NodeAgentSupport.h"
#include "NodeTabGrantSupport.h"
#include "ServerProcess.h"
#include "client/NodesApi.h"
#include "client/RemoteApi.h"
#include "fleet/KillProcessDialog.h"
#include "fleet/NodeListModel.h"
#include "fleet/NodeProcessModel.h"
#include "fleet/NodeProcessesView.h"
#include "fleet/NodesPage.h"
#include "widgets/MessageBox.h"
#include "widgets/SectionEmptyState.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>

using namespace hm::app;
using namespace hm::client;
using namespace admintest;

namespace {

ProcessRow processRow(qint64 pid, const QString &name)
{
    ProcessRow p;
    p.pid = pid;
    p.name = name;
    p.user = QStringLiteral("root");
    p.state = QStringLiteral("S");
    return p;
}

} // namespace

class TestNodeProcesses : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init() { DialogSeam::setNextHandler({}); }
    void modelUpdatesRowsInPlace();
    void aSleepIsFoundAndKilledThroughTheUi();
    void theAgentItselfIsProtected();
    void headerClickSortsOnTheServerAndTheSelectionStays();
    void numbersSortLargestFirstOnEveryClick();
    void tabOnlyWhereProcessesAreUsable();
    void offlineNodeSaysSo();
    void headersSitLikeTheirColumns();
    void screenshots();

private:
    ApiClient *client() { return m_server.connection->client(); }
    bool startAgent(NodeAgent &agent, const QString &name, const QString &label,
                    const QStringList &extra)
    {
        return m_agents.start(*client(), m_server.connection->baseUrl(), agent, name, label, extra);
    }
    static bool tabShown(NodesPage &page)
    {
        auto *tabs = child<QTabWidget>(&page, "nodes.detailTabs");
        return tabs->isTabVisible(tabs->indexOf(page.processesView()));
    }

    AdminServer m_server;
    NodeAgents m_agents;
    NodeAgent m_web;
    NodeAgent m_db;
};

void TestNodeProcesses::initTestCase()
{
    QVERIFY(m_server.start("TestNodeProcesses"));
    QVERIFY(m_agents.isValid());
    QVERIFY(startAgent(m_web, QStringLiteral("web-1"), QStringLiteral("web"),
                       {QStringLiteral("--allow"), QStringLiteral("processes")}));
    QVERIFY(startAgent(m_db, QStringLiteral("db-1"), QStringLiteral("db"), {}));
    for (const NodeAgent *agent : {&m_web, &m_db})
        QTRY_VERIFY_WITH_TIMEOUT(nodeOnline(*client(), agent->nodeId), 30000);
}

void TestNodeProcesses::cleanupTestCase()
{
    for (NodeAgent *agent : {&m_web, &m_db})
        agent->stop();
    m_server.stop();
}

void TestNodeProcesses::modelUpdatesRowsInPlace()
{
    NodeProcessModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProcesses({processRow(10, QStringLiteral("a")), processRow(20, QStringLiteral("b")),
                        processRow(30, QStringLiteral("c")), processRow(40, QStringLiteral("d"))});
    QCOMPARE(model.rowCount(), 4);
    const QPersistentModelIndex selected = model.index(2, NodeProcessModel::NameColumn); // pid 30
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    // 20 ended, 50 started, the order changed (30 is busiest now).
    model.setProcesses({processRow(30, QStringLiteral("c")), processRow(50, QStringLiteral("e")),
                        processRow(10, QStringLiteral("a")), processRow(40, QStringLiteral("d"))});
    QCOMPARE(resets.count(), 0);
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(selected.isValid());
    QCOMPARE(selected.row(), 0);
    QCOMPARE(selected.data(NodeProcessModel::PidRole).toLongLong(), 30);
    for (int row = 0; row < 4; ++row)
        QCOMPARE(model.index(row, 0).data(NodeProcessModel::PidRole).toLongLong(),
                 QList<qint64>({30, 50, 10, 40}).at(row));
    // Numbers read right-aligned; the state in words.
    QVERIFY(Qt::Alignment(model.index(0, NodeProcessModel::CpuColumn)
                              .data(Qt::TextAlignmentRole)
                              .value<Qt::Alignment>())
                .testFlag(Qt::AlignRight));
    QCOMPARE(model.index(0, NodeProcessModel::StateColumn).data().toString(),
             QStringLiteral("Sleeping"));
    // Sorting asks the server: only for the columns it sorts by.
    QSignalSpy sortRequests(&model, &NodeProcessModel::sortRequested);
    model.sort(NodeProcessModel::CommandColumn, Qt::AscendingOrder);
    QCOMPARE(sortRequests.count(), 0);
    model.sort(NodeProcessModel::PidColumn, Qt::AscendingOrder);
    QCOMPARE(sortRequests.count(), 1);
    QCOMPARE(model.sortKeyInUse(), QStringLiteral("pid"));
    // What the agent could not tell is a dash, not an empty cell.
    ProcessRow unknown = processRow(60, QStringLiteral("f"));
    unknown.user.clear();
    unknown.uid = -1;
    ProcessRow numbered = processRow(70, QStringLiteral("g"));
    numbered.user.clear();
    numbered.uid = 4242;
    model.setProcesses({unknown, numbered});
    QCOMPARE(model.index(0, NodeProcessModel::UserColumn).data().toString(), QStringLiteral("—"));
    QCOMPARE(model.index(0, NodeProcessModel::StartedColumn).data().toString(),
             QStringLiteral("—"));
    QCOMPARE(model.index(1, NodeProcessModel::UserColumn).data().toString(),
             QStringLiteral("4242"));
    model.setProcesses({});
    QCOMPARE(model.rowCount(), 0);
}

void TestNodeProcesses::aSleepIsFoundAndKilledThroughTheUi()
{
    QProcess sleeper;
    sleeper.start(QStringLiteral("sleep"), {QStringLiteral("300")});
    QVERIFY(sleeper.waitForStarted());
    const qint64 pid = sleeper.processId();
    // Another sleep listed next to it: after the kill the selection must
    // not move on to it.
    QProcess bystander;
    bystander.start(QStringLiteral("sleep"), {QStringLiteral("301")});
    QVERIFY(bystander.waitForStarted());

    auto page = nodesPageOn(client(), m_server.admin, m_web.nodeId);
    QVERIFY(page);
    QVERIFY(tabShown(*page));
    NodeProcessesView *view = page->processesView();
    QAbstractItemModelTester tester(view->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    child<QTabWidget>(page.get(), "nodes.detailTabs")->setCurrentWidget(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 1, 20000);
    QVERIFY2(child<QLabel>(view, "nodes.processes.status")
                ->text()
                .contains(QRegularExpression(QStringLiteral("^\\d+ of \\d+ processes$"))),
             qPrintable(child<QLabel>(view, "nodes.processes.status")->text()));
    child<QLineEdit>(view, "nodes.processes.search")->setText(QStringLiteral("sleep"));
    // The search is the agent's: the sleep is found and nothing without
    // "sleep" stays.
    const auto onlySleeps = [view] {
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const ProcessRow *p = view->model()->process(row);
            if (!(p->name + p->command + p->user).contains(QLatin1String("sleep")))
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowOfPid(pid) >= 0 &&
                                 view->model()->rowOfPid(bystander.processId()) >= 0 &&
                                 onlySleeps(),
                             20000);

    auto *kill = child<QPushButton>(view, "nodes.processes.kill");
    QVERIFY(!kill->isEnabled()); // nothing selected yet
    child<QTableView>(view, "nodes.processes.list")->selectRow(view->model()->rowOfPid(pid));
    QVERIFY(kill->isEnabled());
    QString asked;
    QString defaultSignal;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        asked = child<QLabel>(dialog, "nodes.processes.killText")->text();
        auto *signal = child<QComboBox>(dialog, "nodes.processes.signal");
        defaultSignal = signal->currentData().toString();
        signal->setCurrentIndex(signal->findData(QStringLiteral("TERM")));
        return int(QDialog::Accepted);
    });
    kill->click();
    QCOMPARE(defaultSignal, QStringLiteral("TERM"));
    QVERIFY2(asked.contains(QStringLiteral("\"sleep\"")) &&
                 asked.contains(QStringLiteral("pid %1").arg(pid)) &&
                 asked.contains(QLatin1String("web-1")),
             qPrintable(asked));
    QTRY_COMPARE_WITH_TIMEOUT(sleeper.state(), QProcess::NotRunning, 20000);
    QCOMPARE(sleeper.exitStatus(), QProcess::CrashExit); // by the signal
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowOfPid(pid) < 0, 20000);
    // A live refresh may drop the row before the kill's answer sets the message.
    QTRY_COMPARE(child<QLabel>(view, "nodes.processes.message")->text(),
             QStringLiteral("Sent SIGTERM to \"sleep\" (pid %1).").arg(pid));
    // Said again after a language switch (it stayed in English).
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(
        child<QLabel>(view, "nodes.processes.message")->text(),
        QCoreApplication::translate("hm::app::NodeProcessesView", "Sent SIG%1 to \"%2\" (pid %3).")
            .arg(QStringLiteral("TERM"), QStringLiteral("sleep"))
            .arg(pid));
    QVERIFY(child<QLabel>(view, "nodes.processes.message")->text().contains(u"sleep"));
    QVERIFY(!child<QLabel>(view, "nodes.processes.message")->text().startsWith(u"Sent"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_COMPARE(child<QLabel>(view, "nodes.processes.message")->text(),
                 QStringLiteral("Sent SIGTERM to \"sleep\" (pid %1).").arg(pid));
    // Nothing is selected after the kill: a second press cannot hit
    // another process, Kill waits for the user to choose again.
    auto *list = child<QTableView>(view, "nodes.processes.list");
    QVERIFY(view->model()->rowOfPid(bystander.processId()) >= 0);
    QVERIFY(!list->selectionModel()->hasSelection());
    QVERIFY(!kill->isEnabled());
    bool askedAgain = false;
    DialogSeam::setNextHandler([&](QDialog *) {
        askedAgain = true;
        return int(QDialog::Rejected);
    });
    kill->click();
    QVERIFY(!askedAgain);
    DialogSeam::setNextHandler({});
    list->selectRow(view->model()->rowOfPid(bystander.processId()));
    QVERIFY(kill->isEnabled());
    bystander.kill();
    bystander.waitForFinished();
}

void TestNodeProcesses::theAgentItselfIsProtected()
{
    const qint64 agentPid = m_web.process->processId();
    auto page = nodesPageOn(client(), m_server.admin, m_web.nodeId);
    QVERIFY(page);
    NodeProcessesView *view = page->processesView();
    child<QTabWidget>(page.get(), "nodes.detailTabs")->setCurrentWidget(view);
    child<QLineEdit>(view, "nodes.processes.search")->setText(QString::number(agentPid));
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowOfPid(agentPid) >= 0, 20000);
    child<QTableView>(view, "nodes.processes.list")->selectRow(view->model()->rowOfPid(agentPid));
    DialogSeam::setNextHandler([](QDialog *dialog) {
        auto *signal = child<QComboBox>(dialog, "nodes.processes.signal");
        signal->setCurrentIndex(signal->findData(QStringLiteral("KILL")));
        return int(QDialog::Accepted);
    });
    child<QPushButton>(view, "nodes.processes.kill")->click();
    auto *message = child<QLabel>(view, "nodes.processes.message");
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible() && !message->text().isEmpty(), 20000);
    QVERIFY2(message->text().contains(
                 QLatin1String("this process is protected (pid 1 or the agent itself)")),
             qPrintable(message->text()));
    QCOMPARE(message->property("tone").toString(), QStringLiteral("bad"));
    QCOMPARE(m_web.process->state(), QProcess::Running);
    // Cancelled: nothing is sent.
    DialogSeam::setNextHandler([](QDialog *) { return int(QDialog::Rejected); });
    child<QPushButton>(view, "nodes.processes.kill")->click();
    QCOMPARE(m_web.process->state(), QProcess::Running);
}

void TestNodeProcesses::headerClickSortsOnTheServerAndTheSelectionStays()
{
    QProcess first;
    QProcess second;
    for (QProcess *p : {&first, &second}) {
        p->start(QStringLiteral("sleep"), {QStringLiteral("301")});
        QVERIFY(p->waitForStarted());
    }
    auto page = nodesPageOn(client(), m_server.admin, m_web.nodeId);
    QVERIFY(page);
    NodeProcessesView *view = page->processesView();
    child<QTabWidget>(page.get(), "nodes.detailTabs")->setCurrentWidget(view);
    // Both sleeps and nothing else: a long list may be cut at 500.
    child<QLineEdit>(view, "nodes.processes.search")->setText(QStringLiteral("sleep 301"));
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowOfPid(first.processId()) >= 0 &&
                                 view->model()->rowOfPid(second.processId()) >= 0,
                             20000);
    auto *list = child<QTableView>(view, "nodes.processes.list");
    // PID, ascending: a header click the server answers in that order.
    list->horizontalHeader()->setSortIndicator(NodeProcessModel::PidColumn, Qt::AscendingOrder);
    QCOMPARE(view->model()->sortKeyInUse(), QStringLiteral("pid"));
    const int before = view->answers();
    QTRY_VERIFY_WITH_TIMEOUT(view->answers() > before && !view->isLoading(), 20000);
    for (int row = 1; row < view->model()->rowCount(); ++row)
        QVERIFY(view->model()->process(row - 1)->pid < view->model()->process(row)->pid);
    // A column the server cannot sort by keeps the order.
    list->horizontalHeader()->setSortIndicator(NodeProcessModel::CommandColumn,
                                               Qt::AscendingOrder);
    QCOMPARE(list->horizontalHeader()->sortIndicatorSection(), int(NodeProcessModel::PidColumn));

    // The selected process stays selected over refreshes, in place.
    const qint64 pid = second.processId();
    list->selectRow(view->model()->rowOfPid(pid));
    const int seen = view->answers();
    QTRY_VERIFY_WITH_TIMEOUT(view->answers() >= seen + 2, 20000);
    const QModelIndexList selected = list->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data(NodeProcessModel::PidRole).toLongLong(), pid);
    for (QProcess *p : {&first, &second}) {
        p->kill();
        p->waitForFinished();
    }
}

void TestNodeProcesses::numbersSortLargestFirstOnEveryClick()
{
    auto page = nodesPageOn(client(), m_server.admin, m_web.nodeId);
    QVERIFY(page);
    page->show();
    NodeProcessesView *view = page->processesView();
    child<QTabWidget>(page.get(), "nodes.detailTabs")->setCurrentWidget(view);
    NodeProcessModel *model = view->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 2 && !view->isLoading(), 20000);
    auto *list = child<QTableView>(view, "nodes.processes.list");
    QHeaderView *header = list->horizontalHeader();
    const auto clickHeader = [&](int column) {
        const int before = view->answers();
        const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                        header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
        return QTest::qWaitFor([&] { return view->answers() > before && !view->isLoading(); },
                               20000);
    };
    const auto sorted = [&](auto value, bool descending) {
        for (int row = 1; row < model->rowCount(); ++row) {
            const auto a = value(*model->process(row - 1));
            const auto b = value(*model->process(row));
            if (descending ? a < b : b < a)
                return false;
        }
        return true;
    };
    const auto pid = [](const ProcessRow &p) { return p.pid; };
    const auto memory = [](const ProcessRow &p) { return p.memoryRss; };
    // Each first click on a number: the largest on top; each click answered.
    QVERIFY(clickHeader(NodeProcessModel::MemoryColumn));
    QCOMPARE(header->sortIndicatorSection(), int(NodeProcessModel::MemoryColumn));
    QCOMPARE(model->sortOrder(), Qt::DescendingOrder);
    QVERIFY(sorted(memory, true));
    QVERIFY(clickHeader(NodeProcessModel::PidColumn));
    QCOMPARE(model->sortKeyInUse(), QStringLiteral("pid"));
    QCOMPARE(model->sortOrder(), Qt::DescendingOrder);
    QVERIFY(sorted(pid, true));
    // A second click on the same column turns it round.
    QVERIFY(clickHeader(NodeProcessModel::PidColumn));
    QCOMPARE(model->sortOrder(), Qt::AscendingOrder);
    QVERIFY(sorted(pid, false));
    // Text from A.
    QVERIFY(clickHeader(NodeProcessModel::NameColumn));
    QCOMPARE(model->sortKeyInUse(), QStringLiteral("name"));
    QCOMPARE(model->sortOrder(), Qt::AscendingOrder);
    QVERIFY(clickHeader(NodeProcessModel::CpuColumn));
    QCOMPARE(model->sortKeyInUse(), QStringLiteral("cpu"));
    QCOMPARE(model->sortOrder(), Qt::DescendingOrder);
}

void TestNodeProcesses::tabOnlyWhereProcessesAreUsable()
{
    // The administrator, on a node whose agent does not grant processes.
    auto db = nodesPageOn(client(), m_server.admin, m_db.nodeId);
    QVERIFY(db);
    QVERIFY(!tabShown(*db));
    // Another node and back: /access is read on every pick.
    auto *list = child<QTableView>(db.get(), "nodes.list");
    QSignalSpy accessRead(db.get(), &NodesPage::nodeAccessRead);
    list->selectRow(db->model()->rowOf(m_web.nodeId));
    QTRY_COMPARE_WITH_TIMEOUT(accessRead.count(), 1, 20000);
    QVERIFY(tabShown(*db));
    list->selectRow(db->model()->rowOf(m_db.nodeId));
    QTRY_COMPARE_WITH_TIMEOUT(accessRead.count(), 2, 20000);
    QVERIFY(!tabShown(*db));

    // A VIEWER never acts; a USER only with a grant for the node's label.
    const SignedInNodePage granted = checkNodeTabGrant(
        m_server, {m_web.nodeId, QStringLiteral("web"), QStringLiteral("processes"),
                   [](NodesPage &page) -> QWidget * { return page.processesView(); }});
    if (!granted.page)
        return; // checkNodeTabGrant said why
    QTRY_VERIFY_WITH_TIMEOUT(granted.page->processesView()->model()->rowCount() > 1, 20000);
}

void TestNodeProcesses::offlineNodeSaysSo()
{
    auto row = await<NodeRow>([&](auto done) { NodesApi(*client()).get(m_web.nodeId, done); });
    QVERIFY(row.ok());
    NodeProcessesView view;
    view.setClient(client());
    view.resize(900, 300);
    view.show();
    QCOMPARE(child<QLabel>(&view, "nodes.processes.emptyTitle")->text(),
             QStringLiteral("No node selected"));
    NodeRow offline = row.value();
    offline.status = QStringLiteral("offline");
    offline.online = false;
    view.setNode(&offline);
    QCOMPARE(child<QLabel>(&view, "nodes.processes.emptyTitle")->text(),
             QStringLiteral("The node is offline"));
    QVERIFY(!child<QLineEdit>(&view, "nodes.processes.search")->isVisible());
    QVERIFY(!view.isLoading()); // nothing asked of an offline node
    // Online again: read at once.
    view.setNode(&row.value());
    QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowCount() > 1, 20000);
    // The db agent does not grant processes: said as such, not as a failure.
    auto db = await<NodeRow>([&](auto done) { NodesApi(*client()).get(m_db.nodeId, done); });
    QVERIFY(db.ok());
    view.setNode(&db.value());
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(&view, "nodes.processes.emptyTitle")->text(),
                              QStringLiteral("This node's agent does not allow processes"), 20000);
}

// The titles sat left over the right-aligned numbers in one table and
// centred in the next: each sits like its column's values now.
void TestNodeProcesses::headersSitLikeTheirColumns()
{
    auto page = nodesPageOn(client(), m_server.admin, m_web.nodeId);
    QVERIFY(page);
    NodeProcessesView *view = page->processesView();
    child<QTabWidget>(page.get(), "nodes.detailTabs")->setCurrentWidget(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 0 && !view->isLoading(), 20000);
    const QHeaderView *header = child<QTableView>(view, "nodes.processes.list")->horizontalHeader();
    QCOMPARE(headerAlignment(header, NodeProcessModel::PidColumn), Qt::AlignRight);
    QCOMPARE(cellAlignment(header, 0, NodeProcessModel::PidColumn), Qt::AlignRight);
    QCOMPARE(headerAlignment(header, NodeProcessModel::NameColumn), Qt::AlignLeft);
    QCOMPARE(cellAlignment(header, 0, NodeProcessModel::NameColumn), Qt::AlignLeft);
    const QString unlike = headersUnlikeCells(header, 0);
    QVERIFY2(unlike.isEmpty(), qPrintable(unlike));
}

void TestNodeProcesses::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    // Real processes of this machine, a sleep among them to select.
    QProcess sleeper;
    sleeper.start(QStringLiteral("sleep"), {QStringLiteral("302")});
    QVERIFY(sleeper.waitForStarted());
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        auto page = nodesPageOn(client(), m_server.admin, m_web.nodeId);
        QVERIFY(page);
        NodeProcessesView *view = page->processesView();
        child<QTabWidget>(page.get(), "nodes.detailTabs")->setCurrentWidget(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 2 && !view->isLoading(), 20000);
        // The sleep when the busiest 500 hold it, else the third row.
        const int row = view->model()->rowOfPid(sleeper.processId());
        child<QTableView>(view, "nodes.processes.list")->selectRow(row >= 0 ? row : 2);
        QApplication::processEvents();
        QVERIFY(page->grab().save(dir + QStringLiteral("/nodes-processes-%1.png").arg(language)));
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    sleeper.kill();
    sleeper.waitForFinished();
}

QTEST_MAIN(TestNodeProcesses)
#include "TestNodeProcesses.moc"
