// The Executions section's list (issue 11, item 8) against a real
// hivemind-server: the lazy, paged remote model (checked by
// QAbstractItemModelTester), its filters on the server, its honest empty and
// error states, live updates from /ws/events without reloads, and opening an
// execution with Enter or a double-click.

#include "OperationsTestSupport.h"
#include "client/EventHub.h"
#include "executions/ExecutionListModel.h"
#include "executions/ExecutionViewer.h"
#include "executions/ExecutionsPage.h"
#include "shell/LanguageManager.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>
#include <memory>

using namespace hm::test;
using hm::app::ExecutionListModel;
using hm::app::ExecutionsPage;

class TestExecutionList : public QObject, private ConsoleFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void emptyServerSaysSoAndOffersFlows();
    void notSignedInIsAnError();
    void pagesLoadLazily();
    void liveEventsUpdateAndInsertWithoutReload();
    void filtersAreAppliedByTheServer();
    void enterAndDoubleClickOpenTheViewer();

private:
    QWidget *statePanel() const
    {
        return m_page->findChild<QWidget *>(QStringLiteral("executions.empty"));
    }
    QString stateTitle() const
    {
        return statePanel()->findChild<QLabel *>(QStringLiteral("executions.emptyTitle"))->text();
    }
    QString stateText() const
    {
        return statePanel()->findChild<QLabel *>(QStringLiteral("executions.emptyText"))->text();
    }
    bool showsState() const { return statePanel()->isVisible(); }
    void showPage(hm::client::ApiClient *client)
    {
        m_page = std::make_unique<ExecutionsPage>();
        m_page->resize(1100, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_page->setClient(client);
    }
    bool waitReady() const
    {
        return QTest::qWaitFor(
            [&] { return m_page->model()->state() == ExecutionListModel::State::Ready; }, 30000);
    }
    QString newFlow(const QString &name, const QJsonObject &definition,
                    const QJsonObject &settings = {})
    {
        return createPublishedFlow(*m_http, m_admin, name, definition, settings);
    }

    std::unique_ptr<ExecutionsPage> m_page;
    QString m_noopFlow;
    QString m_failFlow;
};

void TestExecutionList::initTestCase()
{
    const QString started = startConsole(QStringLiteral("TestExecutionList"));
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_noopFlow =
        newFlow(QStringLiteral("Nightly report"), flowDefinition({flowNode("only", "noop")}));
    QVERIFY(!m_noopFlow.isEmpty());
    // An http-request to a closed port: fails at once.
    m_failFlow = newFlow(QStringLiteral("Broken import"),
                         flowDefinition({heldNode(QStringLiteral("call"), QStringLiteral("url"))}));
    QVERIFY(!m_failFlow.isEmpty());
}

void TestExecutionList::init()
{
    QSettings().clear();
}

void TestExecutionList::cleanup()
{
    m_page.reset();
}

// No execution at all: not an empty table but what the list is for, and
// the one action that fills it.
void TestExecutionList::emptyServerSaysSoAndOffersFlows()
{
    showPage(&m_client);
    QVERIFY(waitReady());
    QTRY_VERIFY(showsState());
    QCOMPARE(stateTitle(), QStringLiteral("No executions yet"));
    auto *action = statePanel()->findChild<QPushButton *>(QStringLiteral("executions.emptyAction"));
    QVERIFY(action && action->isVisible());
    QCOMPARE(action->text(), QStringLiteral("Go to Flows"));
    QSignalSpy flows(m_page.get(), &ExecutionsPage::showFlowsRequested);
    QTest::mouseClick(action, Qt::LeftButton);
    QCOMPARE(flows.size(), 1);
}

// A client without a session: the server refuses, the page says so in
// words and offers Retry.
void TestExecutionList::notSignedInIsAnError()
{
    hm::client::ApiClient anonymous;
    anonymous.setBaseUrl(m_http->base());
    showPage(&anonymous);
    QTRY_COMPARE(m_page->model()->state(), ExecutionListModel::State::Error);
    QTRY_VERIFY(showsState());
    QCOMPARE(stateTitle(), QStringLiteral("The executions could not be loaded"));
    QVERIFY2(stateText().contains(QStringLiteral("not signed in")), qPrintable(stateText()));
    auto *details = statePanel()->findChild<QLabel *>(QStringLiteral("executions.emptyDetails"));
    QVERIFY2(details->text().contains(QStringLiteral("UNAUTHORIZED")), qPrintable(details->text()));
    auto *retry = statePanel()->findChild<QPushButton *>(QStringLiteral("executions.emptyAction"));
    QCOMPARE(retry->text(), QStringLiteral("Retry"));
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE(m_page->model()->state(), ExecutionListModel::State::Error);
    m_page.reset(); // before the client it uses
}

// 120 executions: pages of 50 come as asked for, newest first, no row
// twice; the model passes QAbstractItemModelTester throughout.
void TestExecutionList::pagesLoadLazily()
{
    for (int i = 0; i < 120; ++i)
        QVERIFY(!startExecution(*m_http, m_admin, m_noopFlow).isEmpty());
    ExecutionListModel model;
    model.setClient(&m_client);
    QTRY_COMPARE(model.state(), ExecutionListModel::State::Ready);
    QCOMPARE(model.rowCount(), ExecutionListModel::kDefaultPageSize);
    QCOMPARE(model.totalCount(), 120);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QVERIFY(!model.canFetchMore({})); // one page at a time
    QTRY_COMPARE(model.rowCount(), 2 * ExecutionListModel::kDefaultPageSize);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QTRY_COMPARE(model.rowCount(), 120);
    QVERIFY(!model.canFetchMore({}));
    QSet<QString> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids.insert(model.item(row)->executionId);
        if (row > 0)
            QVERIFY(model.item(row - 1)->createdAt >= model.item(row)->createdAt);
    }
    QCOMPARE(ids.size(), 120);
    QCOMPARE(model.index(0, ExecutionListModel::FlowColumn).data().toString(),
             QStringLiteral("Nightly report"));
    QCOMPARE(model.index(0, ExecutionListModel::StatusColumn).data().toString(),
             QStringLiteral("Completed"));

    // Under QAbstractItemModelTester, which checks every insertion (and
    // asks for more itself at times): every page.
    ExecutionListModel tested;
    QAbstractItemModelTester tester(&tested,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    tested.setClient(&m_client);
    QTRY_COMPARE(tested.state(), ExecutionListModel::State::Ready);
    QTRY_VERIFY([&] {
        tested.fetchMore({});
        return tested.rowCount() == 120;
    }());
    QVERIFY(!tested.canFetchMore({}));
    // A live event puts a new execution on top, refresh() merges one the
    // model did not hear of, reload() starts over in smaller pages: all
    // under the tester, no row twice.
    const QString heard = startExecution(*m_http, m_admin, m_noopFlow);
    QVERIFY(!heard.isEmpty());
    tested.applyEvent(QStringLiteral("execution_queued"),
                      {{QStringLiteral("execution_id"), heard},
                       {QStringLiteral("flow_id"), m_noopFlow},
                       {QStringLiteral("flow_version"), QStringLiteral("1")},
                       {QStringLiteral("status"), QStringLiteral("queued")}});
    QCOMPARE(tested.rowOf(heard), 0);
    QCOMPARE(tested.totalCount(), 121);
    QCOMPARE(tested.index(0, ExecutionListModel::FlowColumn).data().toString(),
             QStringLiteral("Nightly report"));
    const QString missed = startExecution(*m_http, m_admin, m_noopFlow);
    QVERIFY(!missed.isEmpty());
    tested.refresh();
    QTRY_COMPARE(tested.rowOf(missed), 0);
    QCOMPARE(tested.rowCount(), 122);
    QCOMPARE(tested.totalCount(), 122);
    tested.setPageSize(45);
    tested.reload();
    QCOMPARE(tested.state(), ExecutionListModel::State::Loading);
    QCOMPARE(tested.rowCount(), 0);
    QTRY_COMPARE(tested.state(), ExecutionListModel::State::Ready);
    QTRY_VERIFY([&] {
        tested.fetchMore({});
        return tested.rowCount() == 122;
    }());
    QSet<QString> reloaded;
    for (int row = 0; row < tested.rowCount(); ++row)
        reloaded.insert(tested.item(row)->executionId);
    QCOMPARE(reloaded.size(), 122);

    // The view asks for more as it scrolls.
    showPage(&m_client);
    QVERIFY(waitReady());
    QTRY_COMPARE(m_page->model()->rowCount(), ExecutionListModel::kDefaultPageSize);
    m_page->list()->scrollToBottom();
    QTRY_VERIFY(m_page->model()->rowCount() > ExecutionListModel::kDefaultPageSize);
}

// A new execution appears at the top and its row changes in place as it
// runs and ends; nothing is reloaded.
void TestExecutionList::liveEventsUpdateAndInsertWithoutReload()
{
    HeldHttp held;
    const QString flow =
        newFlow(QStringLiteral("Held"),
                flowDefinition({heldNode(QStringLiteral("wait"), QStringLiteral("url"))}));
    QVERIFY(!flow.isEmpty());
    showPage(&m_client);
    QVERIFY(waitReady());
    QAbstractItemModelTester tester(m_page->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The client's one event stream, which the page follows.
    auto *events = hm::client::EventHub::find(&m_client);
    QVERIFY(events);
    QVERIFY(events->isSubscribed(m_page.get()));
    QTRY_VERIFY(events->isOpen());
    // Every page, as a view scrolling down asks for them.
    QTRY_VERIFY([&] {
        m_page->model()->fetchMore({});
        return m_page->model()->rowCount() == m_page->model()->totalCount();
    }());
    const int before = m_page->model()->rowCount();
    QSignalSpy resets(m_page->model(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_page->model(), &QAbstractItemModel::rowsInserted);

    const QString id = startExecution(*m_http, m_admin, flow, {{"url", held.url().toString()}});
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE(m_page->model()->rowOf(id), 0);
    QCOMPARE(m_page->model()->rowCount(), before + 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QTRY_COMPARE(m_page->model()->item(0)->status, QStringLiteral("running"));
    // The flow's name, though the event only names its id.
    QTRY_COMPARE(m_page->model()->index(0, ExecutionListModel::FlowColumn).data().toString(),
                 QStringLiteral("Held"));
    QVERIFY(held.waitRequests(1));
    held.release(0);
    QTRY_COMPARE(m_page->model()->item(0)->status, QStringLiteral("completed"));
    QVERIFY(m_page->model()->item(0)->durationMs >= 0);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(m_page->model()->rowOf(id), 0);
}

// Status, flow and time range go to the server; no match has its own state
// with a way out.
void TestExecutionList::filtersAreAppliedByTheServer()
{
    for (int i = 0; i < 3; ++i)
        QVERIFY(!startExecution(*m_http, m_admin, m_failFlow, {{"url", "http://127.0.0.1:1/"}})
                     .isEmpty());
    QTRY_VERIFY([&] {
        const Answer a =
            m_http->get("/api/v1/executions?status=failed&flow_id=" + m_failFlow, m_admin);
        return a.body.value("data").toObject().value("items").toArray().size() == 3;
    }());
    showPage(&m_client);
    QVERIFY(waitReady());
    auto *status = m_page->findChild<QComboBox *>(QStringLiteral("executions.filter.status"));
    auto *flow = m_page->findChild<QComboBox *>(QStringLiteral("executions.filter.flow"));
    auto *time = m_page->findChild<QComboBox *>(QStringLiteral("executions.filter.time"));
    QVERIFY(status && flow && time);
    status->setCurrentIndex(status->findData(QStringLiteral("failed")));
    QVERIFY(waitReady());
    QTRY_COMPARE(m_page->model()->rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(m_page->model()->item(row)->status, QStringLiteral("failed"));

    status->setCurrentIndex(0);
    QTRY_VERIFY(flow->findData(m_noopFlow) > 0); // the flows were listed
    flow->setCurrentIndex(flow->findData(m_noopFlow));
    QVERIFY(waitReady());
    QTRY_VERIFY(m_page->model()->rowCount() > 0);
    for (int row = 0; row < m_page->model()->rowCount(); ++row)
        QCOMPARE(m_page->model()->item(row)->flowId, m_noopFlow);
    time->setCurrentIndex(1); // last hour: all of them
    QVERIFY(waitReady());
    QTRY_VERIFY(m_page->model()->rowCount() > 0);

    // Nothing matches: a state of its own, Clear Filters empties the filters.
    status->setCurrentIndex(status->findData(QStringLiteral("cancelled")));
    QVERIFY(waitReady());
    QTRY_VERIFY(showsState());
    QCOMPARE(stateTitle(), QStringLiteral("No executions match these filters"));
    auto *clear = statePanel()->findChild<QPushButton *>(QStringLiteral("executions.emptyAction"));
    QCOMPARE(clear->text(), QStringLiteral("Clear Filters"));
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(status->currentIndex(), 0);
    QCOMPARE(flow->currentIndex(), 0);
    QCOMPARE(time->currentIndex(), 0);
    QVERIFY(waitReady());
    QTRY_VERIFY(m_page->list()->isVisible());
}

void TestExecutionList::enterAndDoubleClickOpenTheViewer()
{
    showPage(&m_client);
    QVERIFY(waitReady());
    QTRY_VERIFY(m_page->model()->rowCount() > 2);
    QTableView *list = m_page->list();
    QTRY_VERIFY(list->isVisible());
    list->setFocus();
    list->selectRow(1);
    list->setCurrentIndex(m_page->model()->index(1, 0));
    const QString second = m_page->model()->item(1)->executionId;
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_VERIFY(m_page->isViewerShown());
    QCOMPARE(m_page->viewer()->executionId(), second);

    m_page->showList();
    QVERIFY(!m_page->isViewerShown());
    QCOMPARE(list->currentIndex().row(), 1); // back where it was
    const QString third = m_page->model()->item(2)->executionId;
    const QRect cell = list->visualRect(m_page->model()->index(2, 1));
    // A double-click as the window system delivers it: press, release,
    // double-click, release.
    const QPoint at = cell.center();
    for (const QEvent::Type type : {QEvent::MouseButtonPress, QEvent::MouseButtonRelease,
                                    QEvent::MouseButtonDblClick, QEvent::MouseButtonRelease}) {
        const bool down = type != QEvent::MouseButtonRelease;
        QMouseEvent event(type, QPointF(at), QPointF(list->viewport()->mapToGlobal(at)),
                          Qt::LeftButton, down ? Qt::LeftButton : Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(list->viewport(), &event);
    }
    QTRY_VERIFY(m_page->isViewerShown());
    QCOMPARE(m_page->viewer()->executionId(), third);
}

QTEST_MAIN(TestExecutionList)
#include "TestExecutionList.moc"
