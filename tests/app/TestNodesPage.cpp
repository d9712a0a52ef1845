// The Nodes section (issue 35, item 3) against a real in-process server
// over loopback: the empty state and its action; enrolling a node through
// the dialog (the label rule checked as typed, the server's field error at
// its field, the install command with the server's address and a one-time
// hme_ secret, copied and taken off the clipboard again), the row arriving
// pending with its details; a new secret; delete through the confirmation
// seam; a viewer's console with every action off and the reason; another
// client's nodes arriving live; the language switch; the count said
// under the list, not in the status bar; the columns chosen in the
// header's menu (kept across pages and languages, with the fit). With
// HIVEMIND_SCREENSHOT_DIR set, `screenshots` saves the section and the
// enrol dialog's result in en, zh_TW and zh_CN.

#include "AdminTestSupport.h"
#include "BaselineSupport.h"
#include "ColumnAlignmentSupport.h"
#include "FieldCheckSupport.h"
#include "FleetAgentSupport.h"
#include "SectionWindow.h"
#include "client/NodesApi.h"
#include "fleet/EnrolNodeDialog.h"
#include "fleet/NodeColumnChoice.h"
#include "fleet/NodeDockerView.h"
#include "fleet/NodeEditDialog.h"
#include "fleet/NodeFilesView.h"
#include "fleet/NodeListDelegate.h"
#include "fleet/NodeListModel.h"
#include "fleet/NodeMetricsView.h"
#include "fleet/NodeProcessesView.h"
#include "fleet/NodesPage.h"
#include "remote/NodeTerminalView.h"
#include "shell/MainWindow.h"
#include "widgets/BreakableLabel.h"
#include "widgets/ChartHover.h"
#include "widgets/ClipboardGuard.h"
#include "widgets/DateTimeText.h"
#include "widgets/MessageBox.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/ThemeManager.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMouseEvent>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QTextLayout>
#include <cmath>

using namespace hm::app;
using hm::test::SectionWindow;
using namespace admintest;
using namespace fleettest;

namespace {

const QString kViewerPassword = QStringLiteral("Viewer#Pass2026");

// HIVEMIND_SCREENSHOT_DIR, made if it is not there yet (the slots before
// `screenshots` save too, and failed on a new directory); empty when unset.
QString tnpScreenshotDir()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QDir().mkpath(dir);
    return dir;
}

int rowNamed(const NodeListModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->node(row)->name == name)
            return row;
    }
    return -1;
}

// `count` reports `stepMs` apart ending now, with the values a busy web
// server sends (CPU in waves, memory and disk steady, traffic in bursts).
void sendHistory(hm::test::AgentPeer &peer, int count, qint64 stepMs)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const double gib = 1024.0 * 1024 * 1024;
    for (int i = 1; i <= count; ++i) {
        const double wave = std::sin(double(i) / 4.0);
        hm::fleet::ReportMessage report{i, now - (count - i) * stepMs, {}};
        report.metrics = {{QStringLiteral("cpu_usage"), 45.0 + 30.0 * wave},
                          {QStringLiteral("load_avg_1"), 1.8 + wave},
                          {QStringLiteral("load_avg_5"), 1.6 + wave / 2},
                          {QStringLiteral("load_avg_15"), 1.5},
                          {QStringLiteral("memory_used"), (9.5 + wave) * gib},
                          {QStringLiteral("memory_total"), 16.0 * gib},
                          {QStringLiteral("swap_used"), 0.4 * gib},
                          {QStringLiteral("swap_total"), 2.0 * gib},
                          {QStringLiteral("disk_used"), 118.0 * gib},
                          {QStringLiteral("disk_total"), 256.0 * gib},
                          {QStringLiteral("network_in"), (2.5 + 2.0 * wave) * 1024 * 1024},
                          {QStringLiteral("network_out"), (1.2 - wave / 2) * 1024 * 1024},
                          {QStringLiteral("disk_read_bps"), (300 + 200 * wave) * 1024},
                          {QStringLiteral("disk_write_bps"), (800 - 300 * wave) * 1024}};
        peer.send(hm::fleet::serialize(report));
    }
}

// Moves the pointer over `view` to where `point` of its first line is
// drawn (or to `at` in the viewport); the point.
QPointF hoverOver(QChartView *view, int pointIndex, QPoint *at = nullptr)
{
    QLineSeries *line = nullptr;
    for (QAbstractSeries *series : view->chart()->series()) {
        line = qobject_cast<QLineSeries *>(series);
        if (line && line->count() > pointIndex)
            break;
        line = nullptr;
    }
    if (!line)
        return {};
    const QPointF point = line->at(pointIndex);
    const QPoint pos =
        view->mapFromScene(view->chart()->mapToScene(view->chart()->mapToPosition(point, line)));
    QMouseEvent move(QEvent::MouseMove, QPointF(pos), view->viewport()->mapToGlobal(QPointF(pos)),
                     Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &move);
    if (at)
        *at = pos;
    return point;
}

int pointsIn(QChartView *view)
{
    int points = 0;
    for (QAbstractSeries *series : view->chart()->series()) {
        if (auto *line = qobject_cast<QLineSeries *>(series))
            points += int(line->count());
    }
    return points;
}

void selectRow(NodesPage *page, int row)
{
    child<QTableView>(page, "nodes.list")->selectRow(row);
}

QHeaderView *listHeader(NodesPage *page)
{
    return child<QTableView>(page, "nodes.list")->horizontalHeader();
}

// Right-clicks the list's header over the Status column's title; the menu
// that opened, or null.
QMenu *openColumnMenu(NodesPage *page)
{
    QHeaderView *header = listHeader(page);
    const QPoint at(header->sectionViewportPosition(NodeListModel::StatusColumn) + 4,
                    header->height() / 2);
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, header->viewport()->mapToGlobal(at));
    QApplication::sendEvent(header->viewport(), &event);
    for (QMenu *menu : header->findChildren<QMenu *>(QStringLiteral("nodes.columnMenu"))) {
        if (menu->isVisible())
            return menu;
    }
    return nullptr;
}

QAction *columnEntry(QMenu *menu, int column)
{
    return menu->findChild<QAction *>(QStringLiteral("nodes.column.") +
                                      NodeColumnChoice::columnKey(column));
}

// Clicks the menu's entry as the operator does (the menu closes).
void choose(QMenu *menu, QAction *entry)
{
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(entry).center());
}

// The part of each row's cell in `column` the style leaves its text,
// against the width the text needs: the texts cut ("Pending enrolm…").
QStringList elidedTexts(const QTableView *view, int column)
{
    // initStyleOption is protected: the delegate's own option for a cell.
    struct OptionOf : QStyledItemDelegate
    {
        using QStyledItemDelegate::initStyleOption;
    } optionOf;
    QStringList cut;
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, column);
        QStyleOptionViewItem option;
        option.initFrom(view);
        option.font = view->font();
        option.fontMetrics = view->fontMetrics();
        option.rect = view->visualRect(index);
        const int icon = view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, view);
        option.decorationSize = QSize(icon, icon);
        option.textElideMode = view->textElideMode();
        optionOf.initStyleOption(&option, index);
        const QRect text =
            view->style()->subElementRect(QStyle::SE_ItemViewItemText, &option, view);
        // The text's margins are inside that rectangle (Fusion: 3 px a side).
        const int margin =
            view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
        if (option.fontMetrics.horizontalAdvance(option.text) > text.width() - 2 * margin)
            cut << QStringLiteral("\"%1\" (%2 of %3 px)")
                       .arg(option.text)
                       .arg(text.width() - 2 * margin)
                       .arg(option.fontMetrics.horizontalAdvance(option.text));
    }
    return cut;
}

} // namespace

class TestNodesPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start("TestNodesPage"));
        ClipboardGuard::setClearDelayMs(400);
    }
    void cleanup()
    {
        for (const QString &id : std::exchange(m_removeAtEnd, {}))
            (void)await<void>([&](auto done) { api().remove(id, done); });
        MessageBox::setNextAnswer(QMessageBox::NoButton);
        DialogSeam::setNextHandler({});
        QSettings().remove(QStringLiteral("nodes")); // the columns chosen
        QVERIFY(
            m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    }
    void cleanupTestCase() { m_server.stop(); }
    void emptyStateThenEnrolThroughTheDialog();
    void newSecretForANode();
    void newSecretDefaultsToCancel();
    void enrolDialogIsAsTallAsItsStep();
    void detailsReadInTheLanguageAndShowWholeValues();
    void longDetailsWrapInTheirColumn();
    void detailValuesSitOnTheirLabelsBaseline();
    void listHeadersSitLikeTheirColumnsAndUnknownsAreDashes();
    void columnsFitTheWindowsWidth();
    void columnsWidenWhenANodeEnrols();
    void statusReadsWholeAtEveryWidth();
    void capabilitiesThatDoNotFitAreCounted();
    void headerMenuHidesAndShowsColumns();
    void columnTurnedOnIsNotFittedAway();
    void countIsUnderTheListNotInTheStatusBar();
    void editRenamesAndRelabels();
    void refusedNameStaysAtItsField();
    void deleteAsksFirst();
    void viewerSeesNoEnabledActions();
    void anotherClientsNodesArriveLive();
    void agentsComingAndGoingShowLive();
    void enrolDialogFollowsTheAgent();
    void metricsTabChartsTheHistory();
    void metricsRangeKeepsItsMilliseconds();
    void sparklinesFollowTheAgentsLive();
    void retranslates();
    void manyRequestsInAMinuteAreAnswered();
    void screenshots();

private:
    hm::client::NodesApi api() { return hm::client::NodesApi(*m_server.connection->client()); }
    void deleteAllNodes();
    // The reports of the last hour the server has stored for the node.
    qsizetype storedReports(const QString &nodeId)
    {
        auto stored =
            await<hm::client::NodeMetrics>([&](auto done) { api().metrics(nodeId, {}, done); });
        return stored.ok() ? stored.value().items.size() : -1;
    }

    // A new node whose agent (`agent`) has enrolled and is connected; its
    // id, or empty when a step failed.
    QString connectedNode(const QString &name, hm::test::AgentPeer &agent, const char *address,
                          const QStringList &labels = {})
    {
        auto made = await<hm::client::EnrolledNode>([&](auto done) {
            api().create(hm::client::NewNode{name, {}, labels, 0}, done);
        });
        if (!made.ok())
            return {};
        const QUrl base = m_server.connection->baseUrl();
        if (enrolAgent(base, made.value().enrolment.secret, agent,
                       {address, "Linux", "x86_64", 4, 16.0 * 1024 * 1024 * 1024, "1.0.0"}) != 201 ||
            !connectAgent(base, agent, made.value().node.id))
            return {};
        return made.value().node.id;
    }

    // A new node described by `node` whose agent (`agent`) has enrolled
    // with `facts` (not connected); its id, or empty when a step failed.
    // The node is deleted when the test function ends (m_removeAtEnd).
    QString enrolledNode(const hm::client::NewNode &node, hm::test::AgentPeer &agent,
                         const AgentFacts &facts)
    {
        auto made = await<hm::client::EnrolledNode>([&](auto done) { api().create(node, done); });
        if (!made.ok())
            return {};
        m_removeAtEnd << made.value().node.id;
        if (enrolAgent(m_server.connection->baseUrl(), made.value().enrolment.secret, agent,
                       facts) != 201)
            return {};
        return made.value().node.id;
    }

    AdminServer m_server;
    QStringList m_removeAtEnd;
};

void TestNodesPage::deleteAllNodes()
{
    auto all = await<hm::client::Page<hm::client::NodeRow>>([&](auto done) {
        hm::client::NodeFilter filter;
        filter.page.size = 100;
        api().list(filter, done);
    });
    QVERIFY(all.ok());
    for (const hm::client::NodeRow &node : all.value().items)
        QVERIFY(await<void>([&](auto done) { api().remove(node.id, done); }).ok());
}

void TestNodesPage::emptyStateThenEnrolThroughTheDialog()
{
    NodesPage page;
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.setSession(m_server.connection->client(), m_server.admin);
    page.resize(1100, 600);
    page.show();
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), NodeListModel::State::Ready, 15000);
    auto *empty = child<SectionEmptyState>(&page, "nodes.empty");
    QVERIFY(empty->isVisible());
    QCOMPARE(child<QLabel>(&page, "nodes.emptyTitle")->text(), QStringLiteral("No nodes yet"));
    auto *emptyAction = child<QPushButton>(&page, "nodes.emptyAction");
    QCOMPARE(emptyAction->text(), QStringLiteral("Enrol a node"));
    QVERIFY(emptyAction->isEnabled());

    QString command;
    QString clipboardAfterCopy;
    bool labelRuleShown = false;
    bool serverFieldShown = false;
    bool expiryShown = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("nodes.enrolDialog"))
            return int(QDialog::Rejected);
        auto *ok = child<QPushButton>(dialog, "nodes.enrolOk");
        if (child<QSpinBox>(dialog, "nodes.expiryHours")->value() != 24)
            return int(QDialog::Rejected);
        child<QLineEdit>(dialog, "nodes.name")->setText(QStringLiteral("web-01"));
        // The label rule, checked as typed.
        child<QLineEdit>(dialog, "nodes.labels")->setText(QStringLiteral("prod, eu west"));
        labelRuleShown =
            child<QLabel>(dialog, "nodes.labelsError")->isVisibleTo(dialog) && !ok->isEnabled();
        child<QLineEdit>(dialog, "nodes.labels")->setText(QStringLiteral("prod, eu-west"));
        child<QLineEdit>(dialog, "nodes.description")->setText(QStringLiteral("front end"));
        // A name the server refuses (taken by a node the test made, any
        // case): said at the name field, the dialog stays.
        auto taken = await<hm::client::EnrolledNode>([&](auto done) {
            api().create(hm::client::NewNode{QStringLiteral("TAKEN"), {}, {}, 0}, done);
        });
        if (!taken.ok())
            return int(QDialog::Rejected);
        child<QLineEdit>(dialog, "nodes.name")->setText(QStringLiteral("taken"));
        ok->click();
        auto *nameError = child<QLabel>(dialog, "nodes.nameError");
        (void)QTest::qWaitFor([&] { return nameError->isVisibleTo(dialog); }, 15000);
        serverFieldShown = nameError->text().contains(QLatin1String("exists already"));
        (void)await<void>([&](auto done) { api().remove(taken.value().node.id, done); });
        child<QLineEdit>(dialog, "nodes.name")->setText(QStringLiteral("web-01"));
        ok->click();
        auto *enrol = static_cast<EnrolNodeDialog *>(dialog);
        (void)QTest::qWaitFor([&] { return enrol->hasResult(); }, 15000);
        command = child<QPlainTextEdit>(dialog, "nodes.command")->toPlainText();
        expiryShown = !child<QLabel>(dialog, "nodes.expires")->text().isEmpty() &&
                      child<QLabel>(dialog, "nodes.secretOnce")->isVisibleTo(dialog) &&
                      child<QLabel>(dialog, "nodes.fingerprintNote")
                          ->text()
                          .contains(QLatin1String("fingerprint"));
        child<QPushButton>(dialog, "nodes.copyCommand")->click();
        clipboardAfterCopy = QGuiApplication::clipboard()->text();
        child<QPushButton>(dialog, "nodes.enrolClose")->click();
        return dialog->result();
    });
    emptyAction->click();
    QVERIFY(labelRuleShown);
    QVERIFY(serverFieldShown);
    QVERIFY(expiryShown);
    const QUrl server = m_server.connection->baseUrl();
    QVERIFY2(command.contains(server.host() + u':' + QString::number(server.port())),
             qPrintable(command));
    QVERIFY2(command.contains(QLatin1String("--enrol-secret 'hme_")), qPrintable(command));
    QCOMPARE(clipboardAfterCopy, command);
    // Off the clipboard again after the (shortened) delay.
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 5000);

    QTRY_VERIFY_WITH_TIMEOUT(rowNamed(page.model(), QStringLiteral("web-01")) >= 0, 15000);
    QCOMPARE(page.model()->rowCount(), 1); // the event and the answer: one row
    QVERIFY(child<QTableView>(&page, "nodes.list")->isVisible());
    const hm::client::NodeRow *node = page.model()->node(0);
    QCOMPARE(node->status, QStringLiteral("pending"));
    QCOMPARE(node->labels, QStringList({QStringLiteral("prod"), QStringLiteral("eu-west")}));
    QCOMPARE(page.model()->index(0, NodeListModel::StatusColumn).data().toString(),
             QStringLiteral("Pending enrolment"));
    // The new node is selected and its details shown.
    QCOMPARE(child<QLabel>(&page, "nodes.detail.name")->text(), QStringLiteral("web-01"));
    QCOMPARE(child<QLabel>(&page, "nodes.detail.labels")->text(), QStringLiteral("prod, eu-west"));
    QCOMPARE(child<QLabel>(&page, "nodes.detail.fingerprint")->text(),
             QStringLiteral("After enrolment"));
}

void TestNodesPage::newSecretForANode()
{
    NodesPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), NodeListModel::State::Ready, 15000);
    const int row = rowNamed(page.model(), QStringLiteral("web-01"));
    QVERIFY(row >= 0);
    auto *renew = child<QPushButton>(&page, "nodes.renew");
    QVERIFY(!renew->isEnabled()); // nothing selected
    selectRow(&page, row);
    QVERIFY(renew->isEnabled());
    QString command;
    bool onlyExpiry = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        onlyExpiry = !child<QLineEdit>(dialog, "nodes.name")->isVisibleTo(dialog) &&
                     child<QSpinBox>(dialog, "nodes.expiryHours")->isVisibleTo(dialog);
        child<QSpinBox>(dialog, "nodes.expiryHours")->setValue(2);
        child<QPushButton>(dialog, "nodes.enrolOk")->click();
        auto *enrol = static_cast<EnrolNodeDialog *>(dialog);
        (void)QTest::qWaitFor([&] { return enrol->hasResult(); }, 15000);
        command = enrol->command();
        return int(QDialog::Accepted);
    });
    renew->click();
    QVERIFY(onlyExpiry);
    QVERIFY2(command.contains(QLatin1String("'hme_")), qPrintable(command));
    QCOMPARE(page.model()->node(row)->status, QStringLiteral("pending"));
}

void TestNodesPage::newSecretDefaultsToCancel()
{
    auto made = await<hm::client::EnrolledNode>([&](auto done) {
        api().create(hm::client::NewNode{QStringLiteral("renew-me"), {}, {}, 0}, done);
    });
    QVERIFY(made.ok());
    NodesPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_VERIFY_WITH_TIMEOUT(rowNamed(page.model(), QStringLiteral("renew-me")) >= 0, 15000);
    selectRow(&page, rowNamed(page.model(), QStringLiteral("renew-me")));
    bool cancelIsDefault = false;
    bool enterCancelled = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        dialog->show();
        QApplication::setActiveWindow(dialog);
        (void)QTest::qWaitForWindowActive(dialog);
        auto *ok = child<QPushButton>(dialog, "nodes.enrolOk");
        auto *cancel = child<QPushButton>(dialog, "nodes.enrolCancel");
        cancelIsDefault = cancel->isDefault() && !ok->isDefault() && !ok->autoDefault();
        // Enter in the expiry field: the default button, Cancel.
        auto *hours = child<QSpinBox>(dialog, "nodes.expiryHours");
        hours->setFocus();
        QTest::keyClick(hours, Qt::Key_Return);
        enterCancelled = !dialog->isVisible() && dialog->result() == QDialog::Rejected;
        return dialog->result();
    });
    child<QPushButton>(&page, "nodes.renew")->click();
    QVERIFY(cancelIsDefault);
    QVERIFY(enterCancelled);
    // No secret was made: the node keeps its first one (still pending, the
    // ticket unchanged on the server is not visible; the dialog never sent).
    QVERIFY(await<void>([&](auto done) { api().remove(made.value().node.id, done); }).ok());
}

void TestNodesPage::enrolDialogIsAsTallAsItsStep()
{
    NodesPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), NodeListModel::State::Ready, 15000);
    int formSlack = -1;
    int resultSlack = -1;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        dialog->show();
        QApplication::processEvents();
        // The form's step is much shorter than the command's: no room left
        // over below its fields.
        auto *form = child<QWidget>(dialog, "nodes.enrolForm");
        formSlack = form->height() - form->sizeHint().height();
        child<QLineEdit>(dialog, "nodes.name")->setText(QStringLiteral("fit-01"));
        child<QPushButton>(dialog, "nodes.enrolOk")->click();
        auto *enrol = static_cast<EnrolNodeDialog *>(dialog);
        (void)QTest::qWaitFor([&] { return enrol->hasResult(); }, 15000);
        QApplication::processEvents();
        // The result's step all in sight.
        auto *result = child<QWidget>(dialog, "nodes.enrolResult");
        resultSlack = result->height() - result->heightForWidth(result->width());
        return int(QDialog::Accepted);
    });
    const auto removeNode = qScopeGuard([&] {
        const int row = rowNamed(page.model(), QStringLiteral("fit-01"));
        if (row >= 0) {
            const QString id = page.model()->node(row)->id;
            (void)await<void>([&](auto done) { api().remove(id, done); });
        }
    });
    child<QPushButton>(&page, "nodes.enrol")->click();
    QVERIFY2(formSlack >= 0 && formSlack < 24, qPrintable(QString::number(formSlack)));
    QVERIFY2(resultSlack >= 0, qPrintable(QString::number(resultSlack)));
    QTRY_VERIFY_WITH_TIMEOUT(rowNamed(page.model(), QStringLiteral("fit-01")) >= 0, 15000);
}

void TestNodesPage::detailsReadInTheLanguageAndShowWholeValues()
{
    const QStringList labels{"staging",    "eu-central", "team-payments",  "gpu",
                             "batch-jobs", "tier-1",     "customer-facing"};
    hm::test::AgentPeer agent;
    AgentFacts facts{"192.0.2.44", "Linux", "x86_64", 2, 8.0 * 1024 * 1024 * 1024, "1.0.0"};
    facts.capabilities =
        QStringList{"metrics", "probes", "terminal", "processes", "files", "docker", "nginx"};
    facts.systemInfo = QStringLiteral(R"({"kernel":"6.18.44-fc-v669","uptime":42690})");
    const QString id =
        enrolledNode(hm::client::NewNode{QStringLiteral("facts-01"), {}, labels, 0}, agent, facts);
    QVERIFY(!id.isEmpty());
    NodesPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    page.resize(1100, 600);
    page.show();
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(id) >= 0, 15000);
    page.openItem(id);
    auto *system = child<QLabel>(&page, "nodes.detail.system");
    auto *capabilities = child<QLabel>(&page, "nodes.detail.capabilities");
    auto *fingerprint = child<QLabel>(&page, "nodes.detail.fingerprint");
    QTRY_COMPARE_WITH_TIMEOUT(system->text(),
                              QStringLiteral("Linux / x86_64, kernel 6.18.44-fc-v669"), 15000);
    auto *tabs = child<QTabWidget>(&page, "nodes.detailTabs");
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        QApplication::processEvents();
        // The capabilities by the names of their tabs, in the language.
        for (QWidget *tab :
             {static_cast<QWidget *>(page.metricsView()),
              static_cast<QWidget *>(page.processesView()),
              static_cast<QWidget *>(page.terminalView()), static_cast<QWidget *>(page.filesView()),
              static_cast<QWidget *>(page.dockerView())}) {
            const QString name = tabs->tabText(tabs->indexOf(tab));
            QVERIFY2(capabilities->text().contains(name),
                     qPrintable(language + u':' + capabilities->text() + u'/' + name));
        }
        if (language != QLatin1String("en"))
            for (const char *raw : {"terminal", "processes", "files"})
                QVERIFY2(!capabilities->text().contains(QLatin1String(raw)),
                         qPrintable(capabilities->text()));
        QVERIFY2(!system->text().contains(u'{'), qPrintable(system->text()));
        // Whole values: the capabilities and labels wrap, the fingerprint
        // has the width.
        QTRY_VERIFY(capabilities->height() >= capabilities->heightForWidth(capabilities->width()));
        auto *labelsShown = child<QLabel>(&page, "nodes.detail.labels");
        QCOMPARE(labelsShown->text(), labels.join(QStringLiteral(", ")));
        QTRY_VERIFY(labelsShown->height() >= labelsShown->heightForWidth(labelsShown->width()));
        QVERIFY(fingerprint->text().startsWith(QLatin1String("SHA256:")));
        QVERIFY2(fingerprint->fontMetrics().horizontalAdvance(fingerprint->text()) <=
                     fingerprint->width(),
                 qPrintable(QString::number(fingerprint->width())));
        QCOMPARE(fingerprint->toolTip(), fingerprint->text());
        // The long values, as the screenshots case does not have them.
        if (const QString dir = tnpScreenshotDir(); !dir.isEmpty())
            QVERIFY(
                page.grab().save(dir + QStringLiteral("/nodes-details-long-%1.png").arg(language)));
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

// In Chinese the values sat 2-3 px above their labels: the label's line
// (Chinese, drawn with the taller CJK font) had its baseline lower than
// the value's (Latin); the monospace fingerprint sat 3 px below its label
// in English. Rounding the ascents up still left a Latin value 1 px high.
// Label and value of every row share a baseline, to the pixel, in every
// language.
void TestNodesPage::detailValuesSitOnTheirLabelsBaseline()
{
    hm::test::AgentPeer agent;
    AgentFacts facts{"10.0.0.11", "Ubuntu 24.04", "x86_64", 8, 16.0 * 1024 * 1024 * 1024, "1.0.0"};
    facts.capabilities = QStringList{"metrics", "terminal", "files"};
    const QString id = enrolledNode(hm::client::NewNode{QStringLiteral("base-01"),
                                                        QStringLiteral("Web front end"),
                                                        {QStringLiteral("prod")},
                                                        0},
                                    agent, facts);
    QVERIFY(!id.isEmpty());
    NodesPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    page.resize(1100, 700);
    page.show();
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(id) >= 0, 15000);
    page.openItem(id);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(&page, "nodes.detail.address")->text(),
                              QStringLiteral("10.0.0.11"), 15000);
    auto *detail = child<QWidget>(&page, "nodes.detail");
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        QApplication::processEvents();
        QList<QList<const QLabel *>> rows;
        for (const char *name :
             {"status", "description", "labels", "address", "system", "cpu", "memory", "disk",
              "agent", "capabilities", "fingerprint", "lastSeen", "enrolled", "created"}) {
            const QString value = QStringLiteral("nodes.detail.") + QLatin1String(name);
            rows.append(QList<const QLabel *>{
                child<QLabel>(detail, (value + QStringLiteral("Label")).toLatin1().constData()),
                child<QLabel>(detail, value.toLatin1().constData())});
        }
        for (const QList<const QLabel *> &row : std::as_const(rows))
            QTRY_VERIFY2(admintest::bsTranslated(row.first(), language),
                         qPrintable(row.first()->text()));
        // Aligned as the new language's texts ask for a layout.
        QTRY_VERIFY2(
            admintest::bsMisalignedRows(rows, detail, 0).isEmpty(),
            qPrintable(language + u' ' + admintest::bsMisalignedRows(rows, detail, 0).join(u"; ")));
    }
}

// The Nodes list centred its titles over left-aligned names and right-
// aligned percentages; what a node has not reported yet was an empty
// cell.
void TestNodesPage::listHeadersSitLikeTheirColumnsAndUnknownsAreDashes()
{
    auto made = await<hm::client::EnrolledNode>([&](auto done) {
        api().create(hm::client::NewNode{QStringLiteral("pending-01"), {}, {}, 0}, done);
    });
    QVERIFY(made.ok());
    m_removeAtEnd << made->node.id;
    NodesPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    page.resize(1280, 700);
    page.show();
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(made->node.id) >= 0, 15000);
    const int row = page.model()->rowOf(made->node.id);
    const QHeaderView *header = child<QTableView>(&page, "nodes.list")->horizontalHeader();
    QCOMPARE(headerAlignment(header, NodeListModel::CpuColumn), Qt::AlignRight);
    QCOMPARE(cellAlignment(header, row, NodeListModel::CpuColumn), Qt::AlignRight);
    QCOMPARE(headerAlignment(header, NodeListModel::NameColumn), Qt::AlignLeft);
    QCOMPARE(cellAlignment(header, row, NodeListModel::NameColumn), Qt::AlignLeft);
    const QString unlike = headersUnlikeCells(header, row);
    QVERIFY2(unlike.isEmpty(), qPrintable(unlike));
    // Not enrolled: no address, system, agent or heartbeat yet.
    for (const int column : {int(NodeListModel::AddressColumn), int(NodeListModel::SystemColumn),
                             int(NodeListModel::AgentColumn), int(NodeListModel::LastSeenColumn)})
        QCOMPARE(page.model()->index(row, column).data().toString(), QStringLiteral("—"));
}

// A long description, CPU model or IPv6 address was cut at its column's
// edge with the whole of it only in a tooltip: they wrap in their column
// (a long token at its separators), all of it in view, and the page does
// not grow past the window for it.
void TestNodesPage::longDetailsWrapInTheirColumn()
{
    QString description;
    while (description.size() < 200)
        description += QStringLiteral("Ingest and replay box of the payments team, rack B7; ");
    description = description.left(200).trimmed();
    QCOMPARE(description.size(), 200);
    const QString cpuModel = QStringLiteral(
        "Intel(R) Xeon(R) Platinum 8480+ Sapphire-Rapids-SP-56-core-engineering-sample @ 2.00GHz");
    const QString address = QStringLiteral("2001:0db8:85a3:0000:0000:8a2e:0370:7334");
    hm::test::AgentPeer agent;
    AgentFacts facts{address, "Linux", "x86_64", 56, 256.0 * 1024 * 1024 * 1024, "1.0.0"};
    facts.cpuModel = cpuModel;
    const QString id = enrolledNode(
        hm::client::NewNode{QStringLiteral("long-facts-01"), description, {}, 0}, agent, facts);
    QVERIFY(!id.isEmpty());
    SectionWindow shown(m_server.languages.get(), m_server.connection.get(), QSize(1000, 700));
    QVERIFY(shown.open(QStringLiteral("nodes")));
    MainWindow &window = shown.window();
    auto *page = shown.page<NodesPage>();
    page->reload();
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowOf(id) >= 0, 15000);
    page->openItem(id);
    auto *scroll = child<QScrollArea>(page, "nodes.detailScroll");
    const QString cpu = QStringLiteral("56 cores, ") + cpuModel;
    for (const auto &[name, whole] :
         {std::pair{"nodes.detail.description", description}, std::pair{"nodes.detail.cpu", cpu},
          std::pair{"nodes.detail.address", address}}) {
        auto *value = child<BreakableLabel>(page, name);
        QTRY_COMPARE_WITH_TIMEOUT(value->value(), whole, 15000);
        QVERIFY(!value->text().contains(QChar(0x2026)));
        QCOMPARE(QString(value->text()).remove(QChar(0x200B)), whole);
        // Wrapped in its column: every piece between breaks fits its width,
        // and the label is as tall as its lines.
        const QStringList pieces = value->text().split(
            QRegularExpression(QStringLiteral("[\\s\\x{200B}]")), Qt::SkipEmptyParts);
        for (const QString &piece : pieces)
            QVERIFY2(
                value->fontMetrics().horizontalAdvance(piece) <= value->width(),
                qPrintable(QStringLiteral("%1: %2 in %3").arg(name, piece).arg(value->width())));
        QTRY_VERIFY2(value->height() >= value->heightForWidth(value->width()), name);
        if (whole != address) // it may fit on a line
            QVERIFY2(value->height() > value->fontMetrics().lineSpacing() * 3 / 2, name);
        // All of it in view (scrolled to where the details are taller than
        // their tab).
        scroll->ensureWidgetVisible(value, 0, 0);
        QTRY_COMPARE(value->visibleRegion().boundingRect(), value->rect());
    }
    // The page keeps the window's height.
    auto *pages = window.findChild<QScrollArea *>(QStringLiteral("pagesScroll"));
    QVERIFY(!pages->verticalScrollBar()->isVisible());
    if (const QString dir = tnpScreenshotDir(); !dir.isEmpty()) {
        scroll->verticalScrollBar()->setValue(0);
        QApplication::processEvents();
        QVERIFY(window.grab().save(dir + QStringLiteral("/nodes-details-wrapped-1000.png")));
    }
}

// The columns were laid out for a 1,280-pixel window: narrower, the last
// ones were cut and the list scrolled sideways. They fit the view's width
// in every language: each header whole, the least needed giving way.
void TestNodesPage::columnsFitTheWindowsWidth()
{
    hm::test::AgentPeer agent;
    const AgentFacts facts{"10.20.30.40", "Ubuntu 24.04", "x86_64", 8, 16.0 * 1024 * 1024 * 1024,
                           "1.0.0"};
    const QString id =
        enrolledNode(hm::client::NewNode{QStringLiteral("payments-ingest-eu-west-01"),
                                         {},
                                         {QStringLiteral("prod"), QStringLiteral("eu-west")},
                                         0},
                     agent, facts);
    QVERIFY(!id.isEmpty());
    MainWindow::Options options;
    options.persistSettings = false;
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        for (const int width : {1024, 1280}) {
            MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
            window.resize(width, 768);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.selectSection(QStringLiteral("nodes")));
            auto *page = window.findChild<NodesPage *>(QStringLiteral("page.nodes"));
            page->reload();
            QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowOf(id) >= 0, 15000);
            auto *view = child<QTableView>(page, "nodes.list");
            QHeaderView *header = view->horizontalHeader();
            const auto used = [&] {
                int total = 0;
                for (int c = 0; c < NodeListModel::ColumnCount; ++c)
                    total += header->isSectionHidden(c) ? 0 : header->sectionSize(c);
                return total;
            };
            QTRY_VERIFY(used() <= view->viewport()->width());
            QApplication::processEvents();
            const QString where = QStringLiteral("%1 at %2: ").arg(language).arg(width);
            QVERIFY2(!view->horizontalScrollBar()->isVisible(), qPrintable(where));
            for (int c = 0; c < NodeListModel::ColumnCount; ++c) {
                if (header->isSectionHidden(c))
                    continue;
                const QString title = view->model()->headerData(c, Qt::Horizontal).toString();
                QVERIFY2(header->sectionSize(c) >= header->sectionSizeHint(c),
                         qPrintable(where + title));
            }
            // What the list is for stays: the name, its status, its load.
            for (const int needed :
                 {int(NodeListModel::NameColumn), int(NodeListModel::StatusColumn),
                  int(NodeListModel::CpuColumn), int(NodeListModel::MemoryColumn),
                  int(NodeListModel::DiskColumn)})
                QVERIFY2(!header->isSectionHidden(needed), qPrintable(where));
            if (width == 1280)
                QVERIFY2(!header->isSectionHidden(NodeListModel::LabelsColumn) &&
                             !header->isSectionHidden(NodeListModel::LastSeenColumn),
                         qPrintable(where));
            if (const QString dir = tnpScreenshotDir(); !dir.isEmpty()) {
                selectRow(page, page->model()->rowOf(id));
                QApplication::processEvents();
                QVERIFY(window.grab().save(
                    dir + QStringLiteral("/nodes-columns-%1-%2.png").arg(width).arg(language)));
            }
        }
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

// A node shown while it waited for its agent had an empty OS and address:
// their columns were fitted to the titles, and when the agent enrolled its
// "Linux" and address were elided ("L…") until the window was resized.
void TestNodesPage::columnsWidenWhenANodeEnrols()
{
    auto made = await<hm::client::EnrolledNode>([&](auto done) {
        api().create(hm::client::NewNode{QStringLiteral("late-agent"), {}, {}, 0}, done);
    });
    QVERIFY(made.ok());
    m_removeAtEnd << made->node.id;
    const QString id = made->node.id;
    SectionWindow shown(m_server.languages.get(), m_server.connection.get(), QSize(1300, 800));
    QVERIFY(shown.open(QStringLiteral("nodes")));
    auto *page = shown.page<NodesPage>();
    page->reload();
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowOf(id) >= 0, 15000);
    auto *view = child<QTableView>(page, "nodes.list");
    QHeaderView *header = view->horizontalHeader();
    const QModelIndex system =
        page->model()->index(page->model()->rowOf(id), NodeListModel::SystemColumn);
    QCOMPARE(system.data().toString(), QStringLiteral("—")); // not reported yet

    hm::test::AgentPeer agent;
    QCOMPARE(enrolAgent(
                 m_server.connection->baseUrl(), made->enrolment.secret, agent,
                 {"10.20.30.40", "Ubuntu 24.04", "x86_64", 8, 16.0 * 1024 * 1024 * 1024, "1.0.0"}),
             201);
    QTRY_COMPARE_WITH_TIMEOUT(page->model()
                                  ->index(page->model()->rowOf(id), NodeListModel::SystemColumn)
                                  .data()
                                  .toString(),
                              QStringLiteral("Ubuntu 24.04"), 15000);
    for (const int column : {int(NodeListModel::SystemColumn), int(NodeListModel::AddressColumn)}) {
        if (header->isSectionHidden(column))
            continue;
        const auto whole = [&] {
            return header->sectionSize(column) >=
                   static_cast<const QAbstractItemView *>(view)->sizeHintForColumn(column);
        };
        QTRY_VERIFY2(whole(),
                     qPrintable(view->model()->headerData(column, Qt::Horizontal).toString()));
    }
}

// At 1,200 pixels the list read "Pending enrolm…": the status column was
// measured narrower than the word the dot stands beside. The status of
// every row reads whole in every language, from the smallest window up,
// and the name still takes the slack.
void TestNodesPage::statusReadsWholeAtEveryWidth()
{
    // Waiting for its agent (pending), and enrolled but not connected.
    auto pending = await<hm::client::EnrolledNode>([&](auto done) {
        api().create(hm::client::NewNode{QStringLiteral("cache-eu-west-02"), {}, {}, 0}, done);
    });
    QVERIFY(pending.ok());
    m_removeAtEnd << pending->node.id;
    hm::test::AgentPeer agent;
    const QString offline = enrolledNode(
        hm::client::NewNode{QStringLiteral("db-01"), {}, {QStringLiteral("prod")}, 0}, agent,
        {"10.0.0.21", "Debian 12", "aarch64", 16, 64.0 * 1024 * 1024 * 1024, "1.0.0"});
    QVERIFY(!offline.isEmpty());
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        // One window per language, resized (each new window asks the server
        // for every section's data again).
        SectionWindow shown(m_server.languages.get(), m_server.connection.get(), QSize(1024, 800));
        QVERIFY(shown.open(QStringLiteral("nodes")));
        MainWindow &window = shown.window();
        auto *page = shown.page<NodesPage>();
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowOf(pending->node.id) >= 0 &&
                                     page->model()->rowOf(offline) >= 0,
                                 15000);
        auto *view = child<QTableView>(page, "nodes.list");
        QHeaderView *header = view->horizontalHeader();
        for (const int width : {1024, 1200, 1280}) {
            window.resize(width, 800);
            QTRY_COMPARE(window.width(), width);
            QTRY_VERIFY(!header->isSectionHidden(NodeListModel::StatusColumn));
            QApplication::processEvents(); // the fit, after the resize
            if (const QString dir = tnpScreenshotDir(); !dir.isEmpty()) {
                QVERIFY(window.grab().save(
                    dir + QStringLiteral("/nodes-status-%1-%2.png").arg(width).arg(language)));
            }
            const QString where = QStringLiteral("%1 at %2: ").arg(language).arg(width);
            QTRY_VERIFY2(elidedTexts(view, NodeListModel::StatusColumn).isEmpty(),
                         qPrintable(where + elidedTexts(view, NodeListModel::StatusColumn)
                                                .join(QStringLiteral(", "))));
            QVERIFY2(!view->horizontalScrollBar()->isVisible(), qPrintable(where));
        }
    }
}

// An agent that grants all seven capabilities in a column made for about
// three icons: as many icons as fit with "+N" after them, never icons cut
// off or left out without a word.
void TestNodesPage::capabilitiesThatDoNotFitAreCounted()
{
    const QFont font = QApplication::font();
    const int em = QFontMetrics(font).averageCharWidth();
    const int column = 12 * em; // the column's width (NodeColumnFit)
    const int shown = hm::app::NodeListDelegate::capabilityIconsShown(column, 7, font);
    QVERIFY2(shown >= 1 && shown < 7, qPrintable(QString::number(shown)));
    // What fits is all shown, with no count: the default install's two,
    // and the three the column was made for.
    QCOMPARE(hm::app::NodeListDelegate::capabilityIconsShown(column, 2, font), 2);
    QCOMPARE(hm::app::NodeListDelegate::capabilityIconsShown(column, 3, font), 3);
    QCOMPARE(hm::app::NodeListDelegate::capabilityIconsShown(400, 7, font), 7);
    QCOMPARE(hm::app::NodeListDelegate::capabilityIconsShown(column, 0, font), 0);
    // Too narrow for even one icon and its count: nothing but the count.
    QCOMPARE(hm::app::NodeListDelegate::capabilityIconsShown(20, 7, font), 0);
}

// The columns the fit hid could not be brought back, nor one the operator
// does not need hidden. The header's context menu lists every column by
// its title, checked while shown; unchecking hides it, for good (a new
// page, as after a restart, and another language keep it hidden); the
// name cannot be hidden; Reset columns brings the fit's columns back.
void TestNodesPage::headerMenuHidesAndShowsColumns()
{
    hm::test::AgentPeer agent;
    const QString id = enrolledNode(
        hm::client::NewNode{QStringLiteral("menu-01"), {}, {QStringLiteral("prod")}, 0}, agent,
        {"10.20.30.41", "Debian 12", "x86_64", 4, 8.0 * 1024 * 1024 * 1024, "1.0.0"});
    QVERIFY(!id.isEmpty());
    const auto openPage = [&](NodesPage &page) {
        page.setSession(m_server.connection->client(), m_server.admin);
        page.resize(1600, 700); // room for every column
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(id) >= 0, 15000);
    };
    {
        NodesPage page;
        openPage(page);
        QHeaderView *header = listHeader(&page);
        QTRY_VERIFY(!header->isSectionHidden(NodeListModel::LabelsColumn));
        QMenu *menu = openColumnMenu(&page);
        QVERIFY(menu);
        // One entry per column, by its title, in the list's order; then Reset.
        QStringList titles;
        for (int c = 0; c < NodeListModel::ColumnCount; ++c)
            titles << page.model()->headerData(c, Qt::Horizontal).toString();
        titles << QStringLiteral("Reset columns");
        QStringList entries;
        for (QAction *action : menu->actions()) {
            if (!action->isSeparator())
                entries << action->text();
        }
        QCOMPARE(entries, titles);
        for (int c = 0; c < NodeListModel::ColumnCount; ++c) {
            QAction *entry = columnEntry(menu, c);
            QVERIFY(entry);
            QVERIFY(entry->isCheckable());
            QCOMPARE(entry->isChecked(), !header->isSectionHidden(c));
        }
        QAction *name = columnEntry(menu, NodeListModel::NameColumn);
        QVERIFY(name->isChecked());
        QVERIFY(!name->isEnabled());
        QVERIFY(!name->toolTip().isEmpty());
        // Nothing chosen yet: nothing to reset.
        QVERIFY(!child<QAction>(menu, "nodes.columns.reset")->isEnabled());
        choose(menu, columnEntry(menu, NodeListModel::LabelsColumn));
        QVERIFY(header->isSectionHidden(NodeListModel::LabelsColumn));
        QVERIFY(!menu->isVisible());
        // The rest keep the view's width between them.
        QTRY_VERIFY(!child<QTableView>(&page, "nodes.list")->horizontalScrollBar()->isVisible());
        menu = openColumnMenu(&page);
        QVERIFY(menu);
        QVERIFY(!columnEntry(menu, NodeListModel::LabelsColumn)->isChecked());
        menu->close();
    }
    // Kept: a page made anew (as after a restart) has it hidden.
    {
        NodesPage page;
        openPage(page);
        QHeaderView *header = listHeader(&page);
        QTRY_VERIFY(header->isSectionHidden(NodeListModel::LabelsColumn));
        QVERIFY(!header->isSectionHidden(NodeListModel::SystemColumn));
        // Another language: the same column hidden, the menu in its words.
        QVERIFY(
            m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
        QTRY_COMPARE(page.model()->headerData(NodeListModel::LabelsColumn, Qt::Horizontal),
                     QVariant(QStringLiteral("標籤")));
        QApplication::processEvents();
        QVERIFY(header->isSectionHidden(NodeListModel::LabelsColumn));
        QMenu *menu = openColumnMenu(&page);
        QVERIFY(menu);
        QCOMPARE(columnEntry(menu, NodeListModel::LabelsColumn)->text(), QStringLiteral("標籤"));
        QVERIFY(!columnEntry(menu, NodeListModel::LabelsColumn)->isChecked());
        QAction *reset = child<QAction>(menu, "nodes.columns.reset");
        QCOMPARE(reset->text(), QStringLiteral("重設欄位"));
        QVERIFY(reset->isEnabled());
        // Reset: the columns as a new console has them, and kept so.
        choose(menu, reset);
        QVERIFY(!header->isSectionHidden(NodeListModel::LabelsColumn));
    }
    NodesPage page;
    openPage(page);
    QTRY_VERIFY(!listHeader(&page)->isSectionHidden(NodeListModel::LabelsColumn));
}

// A column turned on in the menu stays however narrow the window gets (the
// operator asked for it): the list scrolls sideways rather than hide it,
// and the name keeps its room. The columns left to the fit still give way.
void TestNodesPage::columnTurnedOnIsNotFittedAway()
{
    hm::test::AgentPeer agent;
    const QString id = enrolledNode(
        hm::client::NewNode{QStringLiteral("narrow-01"), {}, {QStringLiteral("prod")}, 0}, agent,
        {"10.20.30.42", "Debian 12", "x86_64", 4, 8.0 * 1024 * 1024 * 1024, "1.0.0"});
    QVERIFY(!id.isEmpty());
    NodesPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    page.resize(900, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(id) >= 0, 15000);
    QHeaderView *header = listHeader(&page);
    // Narrow: the agent's version gave way first.
    QTRY_VERIFY(header->isSectionHidden(NodeListModel::AgentColumn));
    QMenu *menu = openColumnMenu(&page);
    QVERIFY(menu);
    QAction *agentEntry = columnEntry(menu, NodeListModel::AgentColumn);
    QVERIFY(!agentEntry->isChecked());
    // Why it is off, and that it can be on anyway.
    QVERIFY(!agentEntry->toolTip().isEmpty());
    choose(menu, agentEntry);
    QVERIFY(!header->isSectionHidden(NodeListModel::AgentColumn));
    page.resize(700, 700);
    QTRY_VERIFY(header->isSectionHidden(NodeListModel::LastSeenColumn));
    QVERIFY(!header->isSectionHidden(NodeListModel::AgentColumn));
    const int em = child<QTableView>(&page, "nodes.list")->fontMetrics().averageCharWidth();
    QVERIFY2(header->sectionSize(NodeListModel::NameColumn) >= 18 * em,
             qPrintable(QString::number(header->sectionSize(NodeListModel::NameColumn))));
    QCOMPARE(QSettings().value(QStringLiteral("nodes/shownColumns")).toStringList(),
             QStringList{QStringLiteral("agent")});
}

// "N of M nodes shown" was said twice: under the list and in the main
// window's status bar. The status bar is for the connection, the user and
// long work (console.md "Window"); the count is said once, right under the
// list, follows the filter and the language.
void TestNodesPage::countIsUnderTheListNotInTheStatusBar()
{
    hm::test::AgentPeer alphaAgent;
    hm::test::AgentPeer betaAgent;
    const AgentFacts facts{"10.20.30.43", "Debian 12", "x86_64", 4, 8.0 * 1024 * 1024 * 1024,
                           "1.0.0"};
    QVERIFY(!enrolledNode(hm::client::NewNode{QStringLiteral("count-alpha"), {}, {}, 0}, alphaAgent,
                          facts)
                 .isEmpty());
    QVERIFY(!enrolledNode(hm::client::NewNode{QStringLiteral("count-beta"), {}, {}, 0}, betaAgent,
                          facts)
                 .isEmpty());
    SectionWindow shown(m_server.languages.get(), m_server.connection.get(), QSize(1280, 800));
    QVERIFY(shown.open(QStringLiteral("nodes")));
    MainWindow &window = shown.window();
    auto *page = shown.page<NodesPage>();
    page->reload();
    QTRY_VERIFY_WITH_TIMEOUT(rowNamed(page->model(), QStringLiteral("count-beta")) >= 0, 15000);
    auto *count = child<QLabel>(page, "nodes.state");
    const auto saidInStatusBar = [&] {
        QStringList said;
        for (const QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
            if (label->isVisible() && !label->text().isEmpty())
                said << label->text();
        }
        return said.join(u'\n');
    };
    const int rows = page->model()->rowCount();
    QTRY_COMPARE(count->text(),
                 QStringLiteral("%1 of %2 nodes shown").arg(rows).arg(page->model()->totalCount()));
    QVERIFY(count->isVisible());
    // Right under the list, above the selected node's details.
    auto *list = child<QTableView>(page, "nodes.list");
    const int listBottom = list->mapTo(page, QPoint(0, list->height())).y();
    const int countTop = count->mapTo(page, QPoint(0, 0)).y();
    QVERIFY2(countTop >= listBottom && countTop - listBottom < count->height(),
             qPrintable(QStringLiteral("%1 %2").arg(listBottom).arg(countTop)));
    QVERIFY(countTop < child<QTabWidget>(page, "nodes.detailTabs")->mapTo(page, QPoint()).y());
    QVERIFY2(!saidInStatusBar().contains(QLatin1String("shown")), qPrintable(saidInStatusBar()));
    // The filter narrows the list: the count follows, the status bar stays quiet.
    child<QLineEdit>(page, "nodes.search")->setText(QStringLiteral("count-alpha"));
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), QStringLiteral("1 of 1 node shown"), 15000);
    QVERIFY2(!saidInStatusBar().contains(QLatin1String("shown")), qPrintable(saidInStatusBar()));
    // And the language.
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(count->text(), QStringLiteral("已顯示 1 個，共 1 個節點"));
    QVERIFY2(!saidInStatusBar().contains(count->text()), qPrintable(saidInStatusBar()));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_COMPARE(count->text(), QStringLiteral("已显示 1 个，共 1 个节点"));
    QVERIFY2(!saidInStatusBar().contains(count->text()), qPrintable(saidInStatusBar()));
}

void TestNodesPage::editRenamesAndRelabels()
{
    QStringList ids;
    for (const char *name : {"edit-me", "taken-name"}) {
        auto made = await<hm::client::EnrolledNode>([&](auto done) {
            api().create(
                hm::client::NewNode{
                    QString::fromLatin1(name), QStringLiteral("kept"), {QStringLiteral("ci")}, 0},
                done);
        });
        QVERIFY(made.ok());
        ids << made.value().node.id;
    }
    NodesPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_VERIFY_WITH_TIMEOUT(rowNamed(page.model(), QStringLiteral("edit-me")) >= 0, 15000);
    auto *edit = child<QPushButton>(&page, "nodes.edit");
    QVERIFY(!edit->isEnabled()); // nothing selected
    selectRow(&page, rowNamed(page.model(), QStringLiteral("edit-me")));
    QVERIFY(edit->isEnabled());

    bool unchangedCannotSave = false;
    bool labelRuleShown = false;
    QString takenError;
    bool stayedOpen = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        dialog->show();
        auto *save = child<QPushButton>(dialog, "nodes.edit.save");
        unchangedCannotSave = !save->isEnabled();
        child<QLineEdit>(dialog, "nodes.edit.labels")->setText(QStringLiteral("prod, bad label"));
        auto *labelsError = child<QLabel>(dialog, "nodes.edit.labelsError");
        // All of the rule in sight: the dialog grows for its second line.
        (void)QTest::qWaitFor(
            [&] {
                return labelsError->height() >= labelsError->heightForWidth(labelsError->width());
            },
            2000);
        labelRuleShown = labelsError->isVisible() && !save->isEnabled() &&
                         labelsError->heightForWidth(labelsError->width()) >
                             labelsError->fontMetrics().lineSpacing() * 3 / 2 &&
                         labelsError->height() >= labelsError->heightForWidth(labelsError->width());
        child<QLineEdit>(dialog, "nodes.edit.labels")->setText(QStringLiteral("prod, db"));
        child<QLineEdit>(dialog, "nodes.edit.name")->setText(QStringLiteral("TAKEN-NAME"));
        save->click();
        auto *nameError = child<QLabel>(dialog, "nodes.edit.nameError");
        // (The line is kept for the name's check: the refusal is its text.)
        (void)QTest::qWaitFor([&] { return !nameError->text().isEmpty(); }, 15000);
        takenError = nameError->text();
        stayedOpen = dialog->isVisible() && dialog->result() == 0;
        child<QLineEdit>(dialog, "nodes.edit.name")->setText(QStringLiteral("db-02"));
        save->click();
        (void)QTest::qWaitFor([&] { return !dialog->isVisible(); }, 15000);
        return dialog->result();
    });
    edit->click();
    QVERIFY(unchangedCannotSave);
    QVERIFY(labelRuleShown);
    QVERIFY2(takenError.contains(QLatin1String("exists already")), qPrintable(takenError));
    QVERIFY(stayedOpen);
    // The row shows the change at once; the server has it; the rest stayed.
    const int row = rowNamed(page.model(), QStringLiteral("db-02"));
    QVERIFY(row >= 0);
    QCOMPARE(page.model()->node(row)->labels, (QStringList{"prod", "db"}));
    auto stored = await<hm::client::NodeRow>([&](auto done) { api().get(ids.at(0), done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().name, QStringLiteral("db-02"));
    QCOMPARE(stored.value().labels, (QStringList{"prod", "db"}));
    QCOMPARE(stored.value().description, QStringLiteral("kept"));
    for (const QString &id : ids)
        QVERIFY(await<void>([&](auto done) { api().remove(id, done); }).ok());
}

// A name the server finds taken, in the enrol and the edit dialog: said at
// the name, kept while the other fields change, worded again on a language
// switch, gone once the name changes.
void TestNodesPage::refusedNameStaysAtItsField()
{
    auto taken = await<hm::client::EnrolledNode>([&](auto done) {
        api().create(hm::client::NewNode{QStringLiteral("refused-name"), {}, {}, 0}, done);
    });
    QVERIFY(taken.ok());
    m_removeAtEnd << taken.value().node.id;
    const QString en = QStringLiteral("A node with this name exists already (names ignore case).");
    const QString zhTW = QStringLiteral("已有同名的節點（名稱不分大小寫）。");

    EnrolNodeDialog enrol(m_server.connection->client());
    enrol.show();
    QVERIFY(QTest::qWaitForWindowExposed(&enrol));
    auto *name = child<QLineEdit>(&enrol, "nodes.name");
    auto *nameError = child<QLabel>(&enrol, "nodes.nameError");
    name->setText(QStringLiteral("REFUSED-NAME"));
    child<QPushButton>(&enrol, "nodes.enrolOk")->click();
    QTRY_COMPARE_WITH_TIMEOUT(hm::test::shownFieldErrors(&enrol), QStringList{"nodes.nameError"},
                              15000);
    QCOMPARE(nameError->text(), en);
    auto *labels = child<QLineEdit>(&enrol, "nodes.labels");
    labels->setFocus();
    QTest::keyClicks(labels, QStringLiteral("prod"));
    child<QLineEdit>(&enrol, "nodes.description")->setText(QStringLiteral("front end"));
    child<QSpinBox>(&enrol, "nodes.expiryHours")->setValue(48);
    name->setFocus();
    labels->setFocus();
    QCOMPARE(hm::test::shownFieldErrors(&enrol), QStringList{"nodes.nameError"});
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(nameError->text(), zhTW);
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_COMPARE(nameError->text(), en);
    name->setText(QStringLiteral("refused-name-2"));
    QCOMPARE(hm::test::shownFieldErrors(&enrol), QStringList());
    QVERIFY(!enrol.hasResult());

    // The edit dialog of another node, renamed to the taken name.
    auto other = await<hm::client::EnrolledNode>([&](auto done) {
        api().create(hm::client::NewNode{QStringLiteral("renamed-node"), {}, {}, 0}, done);
    });
    QVERIFY(other.ok());
    m_removeAtEnd << other.value().node.id;
    NodeEditDialog edit(m_server.connection->client(), other.value().node);
    edit.show();
    QVERIFY(QTest::qWaitForWindowExposed(&edit));
    auto *editName = child<QLineEdit>(&edit, "nodes.edit.name");
    auto *editNameError = child<QLabel>(&edit, "nodes.edit.nameError");
    editName->setText(QStringLiteral("Refused-Name"));
    child<QPushButton>(&edit, "nodes.edit.save")->click();
    QTRY_COMPARE_WITH_TIMEOUT(hm::test::shownFieldErrors(&edit),
                              QStringList{"nodes.edit.nameError"}, 15000);
    QCOMPARE(editNameError->text(), en);
    child<QLineEdit>(&edit, "nodes.edit.labels")->setText(QStringLiteral("prod, db"));
    child<QLineEdit>(&edit, "nodes.edit.description")->setText(QStringLiteral("kept"));
    QCOMPARE(hm::test::shownFieldErrors(&edit), QStringList{"nodes.edit.nameError"});
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(editNameError->text(), zhTW);
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_COMPARE(editNameError->text(), en);
    editName->setText(QStringLiteral("db-03"));
    QCOMPARE(hm::test::shownFieldErrors(&edit), QStringList());
    QVERIFY(edit.isVisible());
}

void TestNodesPage::deleteAsksFirst()
{
    NodesPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), NodeListModel::State::Ready, 15000);
    const int row = rowNamed(page.model(), QStringLiteral("web-01"));
    QVERIFY(row >= 0);
    selectRow(&page, row);
    auto *remove = child<QPushButton>(&page, "nodes.delete");
    QVERIFY(remove->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    remove->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("nodes.confirmDelete"));
    QVERIFY(MessageBox::lastText().contains(QLatin1String("web-01")));
    QTest::qWait(0);
    QVERIFY(rowNamed(page.model(), QStringLiteral("web-01")) >= 0);
    // The Delete key asks the same question (another box asked between).
    MessageBox::setNextAnswer(QMessageBox::Ok);
    MessageBox::information(nullptr, QStringLiteral("probe"), QStringLiteral("probe"),
                            QStringLiteral("test.probe"));
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("test.probe"));
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    auto *list = child<QTableView>(&page, "nodes.list");
    page.show();
    QApplication::setActiveWindow(&page);
    QVERIFY(QTest::qWaitForWindowActive(&page));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("nodes.confirmDelete"));
    QVERIFY(rowNamed(page.model(), QStringLiteral("web-01")) >= 0);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    remove->click();
    QTRY_COMPARE_WITH_TIMEOUT(rowNamed(page.model(), QStringLiteral("web-01")), -1, 15000);
    auto all =
        await<hm::client::Page<hm::client::NodeRow>>([&](auto done) { api().list({}, done); });
    QVERIFY(all.ok());
    QCOMPARE(all.value().total, 0);
    QTRY_VERIFY(child<QLabel>(&page, "nodes.emptyTitle")->isVisibleTo(&page));
}

void TestNodesPage::viewerSeesNoEnabledActions()
{
    auto made = await<hm::client::EnrolledNode>([&](auto done) {
        api().create(hm::client::NewNode{QStringLiteral("db-01"), {}, {}, 0}, done);
    });
    QVERIFY(made.ok());
    hm::client::UserInfo viewer =
        m_server.createUser(QStringLiteral("vic"), QStringLiteral("viewer"), kViewerPassword);
    QVERIFY(!viewer.id.isEmpty());
    auto client = m_server.signIn(QStringLiteral("vic"), kViewerPassword, &viewer);
    QVERIFY(client);
    NodesPage page;
    page.setSession(client.get(), viewer);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), NodeListModel::State::Ready, 15000);
    QCOMPARE(page.model()->rowCount(), 1); // viewers read
    selectRow(&page, 0);
    for (const char *name : {"nodes.enrol", "nodes.edit", "nodes.renew", "nodes.delete"}) {
        auto *button = child<QPushButton>(&page, name);
        QVERIFY2(!button->isEnabled(), name);
        QVERIFY2(button->toolTip().contains(QLatin1String("administrator")),
                 qPrintable(button->toolTip()));
    }
    // With no node, the empty state's action is off too.
    QVERIFY(await<void>([&](auto done) { api().remove(made.value().node.id, done); }).ok());
    page.reload();
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), NodeListModel::State::Ready, 15000);
    QCOMPARE(page.model()->rowCount(), 0);
    QVERIFY(!child<QPushButton>(&page, "nodes.emptyAction")->isEnabled());
}

void TestNodesPage::anotherClientsNodesArriveLive()
{
    NodesPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), NodeListModel::State::Ready, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(page.isLive(), 15000);
    QSignalSpy resets(page.model(), &QAbstractItemModel::modelReset);
    auto other = m_server.signIn(QStringLiteral("admin"), m_server.adminPassword);
    QVERIFY(other);
    hm::client::NodesApi theirs(*other);
    auto made = await<hm::client::EnrolledNode>([&](auto done) {
        theirs.create(hm::client::NewNode{QStringLiteral("edge-07"), {}, {"edge"}, 0}, done);
    });
    QVERIFY(made.ok());
    QTRY_VERIFY_WITH_TIMEOUT(rowNamed(page.model(), QStringLiteral("edge-07")) >= 0, 15000);
    auto renamed = await<hm::client::NodeRow>([&](auto done) {
        theirs.update(made.value().node.id,
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("edge-08")}}, done);
    });
    QVERIFY(renamed.ok());
    QTRY_VERIFY_WITH_TIMEOUT(rowNamed(page.model(), QStringLiteral("edge-08")) >= 0, 15000);
    QCOMPARE(page.model()->rowCount(), 1);
    QVERIFY(await<void>([&](auto done) { theirs.remove(made.value().node.id, done); }).ok());
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 0, 15000);
    QCOMPARE(resets.count(), 0); // no reload
}

void TestNodesPage::agentsComingAndGoingShowLive()
{
    NodesPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), NodeListModel::State::Ready, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(page.isLive(), 15000);
    auto made = await<hm::client::EnrolledNode>([&](auto done) {
        api().create(hm::client::NewNode{QStringLiteral("worker-09"), {}, {}, 0}, done);
    });
    QVERIFY(made.ok());
    const QString id = made.value().node.id;
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(id) >= 0, 15000);
    page.openItem(id);
    const QUrl base = m_server.connection->baseUrl();
    {
        hm::test::AgentPeer agent;
        QCOMPARE(
            enrolAgent(base, made.value().enrolment.secret, agent,
                       {"192.0.2.9", "Linux", "aarch64", 4, 8.0 * 1024 * 1024 * 1024, "1.0.0"}),
            201);
        const auto statusOf = [&] {
            const int row = page.model()->rowOf(id);
            return row < 0 ? QString() : page.model()->node(row)->status;
        };
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(), QStringLiteral("offline"), 15000);
        // The details show the agent's facts and its key's fingerprint.
        QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(&page, "nodes.detail.address")->text(),
                                  QStringLiteral("192.0.2.9"), 15000);
        QVERIFY(child<QLabel>(&page, "nodes.detail.fingerprint")
                    ->text()
                    .startsWith(QLatin1String("SHA256:")));
        QCOMPARE(child<QLabel>(&page, "nodes.detail.capabilities")->text(),
                 QStringLiteral("Metrics and Probes"));
        QVERIFY(connectAgent(base, agent, id));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(), QStringLiteral("online"), 15000);
        QCOMPARE(page.model()
                     ->index(page.model()->rowOf(id), NodeListModel::StatusColumn)
                     .data()
                     .toString(),
                 QStringLiteral("Online"));
        agent.socket.close();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(), QStringLiteral("offline"), 15000);
    }
    QVERIFY(await<void>([&](auto done) { api().remove(id, done); }).ok());
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(id) < 0, 15000);
}

// The enrol dialog's result follows the node live: waiting, enrolled with
// the fingerprint the agent's key has, online.
void TestNodesPage::enrolDialogFollowsTheAgent()
{
    deleteAllNodes();
    EnrolNodeDialog dialog(m_server.connection->client());
    dialog.show();
    child<QLineEdit>(&dialog, "nodes.name")->setText(QStringLiteral("live-enrol"));
    child<QPushButton>(&dialog, "nodes.enrolOk")->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.hasResult(), 15000);
    auto *progress = child<QLabel>(&dialog, "nodes.enrolProgress");
    QCOMPARE(dialog.agentProgress(), EnrolNodeDialog::AgentProgress::Waiting);
    QCOMPARE(progress->text(), QStringLiteral("Waiting for the agent to enrol…"));
    auto *title = child<QLabel>(&dialog, "nodes.resultTitle");
    QCOMPARE(title->text(), QStringLiteral("\"live-enrol\" was created and waits for its agent."));
    const QString secret =
        QRegularExpression(QStringLiteral("hme_[A-Za-z0-9_-]+")).match(dialog.command()).captured();
    QVERIFY(!secret.isEmpty());

    const QUrl base = m_server.connection->baseUrl();
    hm::test::AgentPeer agent;
    QCOMPARE(enrolAgent(base, secret, agent,
                        {"192.0.2.30", "Linux", "x86_64", 2, 4.0 * 1024 * 1024 * 1024, "1.0.0"}),
             201);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.agentProgress(), EnrolNodeDialog::AgentProgress::Enrolled,
                              15000);
    const QString fingerprint = dialog.node().fingerprint;
    QVERIFY(fingerprint.startsWith(QLatin1String("SHA256:")));
    QVERIFY2(progress->text().contains(fingerprint), qPrintable(progress->text()));
    QCOMPARE(title->text(), QStringLiteral("\"live-enrol\" was created and its agent enrolled."));
    QVERIFY(connectAgent(base, agent, dialog.node().id));
    QTRY_COMPARE_WITH_TIMEOUT(dialog.agentProgress(), EnrolNodeDialog::AgentProgress::Online,
                              15000);
    QVERIFY(progress->text().startsWith(QLatin1String("The agent is connected")));
    QCOMPARE(title->text(),
             QStringLiteral("\"live-enrol\" was created and its agent is connected."));
    QCOMPARE(progress->property("tone").toString(), QStringLiteral("good"));
    // Translated while it shows.
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_VERIFY(progress->text().contains(u"代理程式"));
    dialog.reject();
    deleteAllNodes();
}

void TestNodesPage::metricsTabChartsTheHistory()
{
    deleteAllNodes();
    hm::test::AgentPeer agent;
    const QString id = connectedNode(QStringLiteral("chart-01"), agent, "192.0.2.10");
    QVERIFY(!id.isEmpty());
    sendHistory(agent, 40, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(storedReports(id), 40, 15000);

    NodesPage page;
    page.resize(1280, 800);
    page.setSession(m_server.connection->client(), m_server.admin);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(id) >= 0, 15000);
    NodeMetricsView *view = page.metricsView();
    // Hidden behind the Details tab it asks nothing.
    page.openItem(id);
    QCOMPARE(view->nodeId(), id);
    QVERIFY(!view->isLoading());
    QVERIFY(view->series().isEmpty());
    auto *tabs = child<QTabWidget>(&page, "nodes.detailTabs");
    tabs->setCurrentWidget(view);
    // The last hour: every report, one line each, the percentages derived.
    QTRY_COMPARE_WITH_TIMEOUT(view->tier(), QStringLiteral("raw"), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(pointsIn(view->chartView(NodeMetricSeries::Chart::Cpu)), 40, 15000);
    const auto &memory = view->series().chart(NodeMetricSeries::Chart::Memory);
    // Swap: 0.4 of 2 GiB (bytes are stored at a resolution of their own).
    QVERIFY(std::abs(memory.lines.at(1).runs.at(0).at(0).y() - 20.0) < 0.01);
    QCOMPARE(pointsIn(view->chartView(NodeMetricSeries::Chart::Load)), 3 * 40);
    QVERIFY(child<QLabel>(&page, "nodes.metrics.state")->text().contains(u"Every report"));
    // Byte rates in a unit that reads: MiB/s for a few MiB per second.
    QCOMPARE(view->chartView(NodeMetricSeries::Chart::Network)->chart()->title(),
             QStringLiteral("Network (MiB/s)"));

    // Hover: the nearest point's time (local) and exact value, with a line
    // and a dot where it is drawn; gone when the pointer leaves.
    QChartView *cpu = view->chartView(NodeMetricSeries::Chart::Cpu);
    ChartHover *hover = view->chartHover(NodeMetricSeries::Chart::Cpu);
    QVERIFY(!hover->isShown());
    const QPointF point = hoverOver(cpu, 10);
    QVERIFY(hover->isShown());
    QCOMPARE(hover->shownTimeMs(), qint64(point.x()));
    auto *readout = child<QLabel>(&page, "nodes.metrics.cpu.readout");
    QVERIFY(readout->isVisible());
    QVERIFY2(readout->text().contains(
                 dateTimeTextWithSeconds(QDateTime::fromMSecsSinceEpoch(qint64(point.x())))),
             qPrintable(readout->text()));
    QVERIFY2(readout->text().contains(QLocale().toString(point.y(), 'f', 1) + QStringLiteral(" %")),
             qPrintable(readout->text()));
    QVERIFY(cpu->rect().contains(readout->geometry()));
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(cpu->viewport(), &leave);
    QVERIFY(!hover->isShown());
    QVERIFY(!readout->isVisible());
    // Byte rates in the chart's unit, each line named.
    hoverOver(view->chartView(NodeMetricSeries::Chart::Network), 5);
    const QString rates = child<QLabel>(&page, "nodes.metrics.network.readout")->text();
    QVERIFY2(rates.contains(QLatin1String("Received: ")) &&
                 rates.contains(QLatin1String("Sent: ")) && rates.contains(QLatin1String("MiB/s")),
             qPrintable(rates));

    // A week reads the 15-minute tier: nothing rolled up yet in this run,
    // and the view says so rather than drawing stale lines.
    child<QComboBox>(&page, "nodes.metrics.range")
        ->setCurrentIndex(int(NodeMetricsView::Range::Days7));
    QTRY_COMPARE_WITH_TIMEOUT(view->tier(), QStringLiteral("15m"), 15000);
    QCOMPARE(pointsIn(view->chartView(NodeMetricSeries::Chart::Cpu)), 0);
    QCOMPARE(child<QLabel>(&page, "nodes.metrics.state")->text(),
             QStringLiteral("No reports in this range yet."));

    // Another node: the charts empty at once, then its own history.
    child<QComboBox>(&page, "nodes.metrics.range")
        ->setCurrentIndex(int(NodeMetricsView::Range::Minutes15));
    QTRY_COMPARE_WITH_TIMEOUT(pointsIn(view->chartView(NodeMetricSeries::Chart::Cpu)), 40, 15000);
    auto other = await<hm::client::EnrolledNode>([&](auto done) {
        api().create(hm::client::NewNode{QStringLiteral("chart-02"), {}, {}, 0}, done);
    });
    QVERIFY(other.ok());
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(other.value().node.id) >= 0, 15000);
    page.openItem(other.value().node.id);
    QCOMPARE(pointsIn(view->chartView(NodeMetricSeries::Chart::Cpu)), 0);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(&page, "nodes.metrics.state")->text(),
                              QStringLiteral("No reports in this range yet."), 15000);
    deleteAllNodes();
}

// The range's ends go out with their milliseconds: a report stamped
// 900 ms into a second is inside a range ending 50 ms later (cut to whole
// seconds, that end fell before it and the newest report went missing).
void TestNodesPage::metricsRangeKeepsItsMilliseconds()
{
    deleteAllNodes();
    hm::test::AgentPeer agent;
    const QString id = connectedNode(QStringLiteral("ms-01"), agent, "192.0.2.11");
    QVERIFY(!id.isEmpty());
    const qint64 stamped = (QDateTime::currentMSecsSinceEpoch() / 1000 - 5) * 1000 + 900;
    hm::fleet::ReportMessage report{1, stamped, {}};
    report.metrics = {{QStringLiteral("cpu_usage"), 12.5}};
    agent.send(hm::fleet::serialize(report));
    QTRY_COMPARE_WITH_TIMEOUT(storedReports(id), 1, 15000);

    hm::client::NodeMetricsQuery query;
    query.start = QDateTime::fromMSecsSinceEpoch(stamped - 60'000, Qt::UTC);
    query.end = QDateTime::fromMSecsSinceEpoch(stamped + 50, Qt::UTC);
    auto inside =
        await<hm::client::NodeMetrics>([&](auto done) { api().metrics(id, query, done); });
    QVERIFY(inside.ok());
    QCOMPARE(inside.value().items.size(), 1);
    query.end = QDateTime::fromMSecsSinceEpoch(stamped - 50, Qt::UTC);
    auto before =
        await<hm::client::NodeMetrics>([&](auto done) { api().metrics(id, query, done); });
    QVERIFY(before.ok());
    QCOMPARE(before.value().items.size(), 0);
    deleteAllNodes();
}

// The list's sparklines: a node's last 15 minutes as its page loads, then
// the server's node_metrics batch moves them on, touching that row's cells
// only, while the selection and the scroll position stay where they were.
void TestNodesPage::sparklinesFollowTheAgentsLive()
{
    deleteAllNodes();
    for (int i = 0; i < 40; ++i) {
        QVERIFY(await<hm::client::EnrolledNode>([&](auto done) {
                    api().create(
                        hm::client::NewNode{
                            QStringLiteral("bulk-%1").arg(i, 2, 10, QLatin1Char('0')), {}, {}, 0},
                        done);
                }).ok());
    }
    hm::test::AgentPeer agent;
    const QString id = connectedNode(QStringLiteral("aa-live"), agent, "192.0.2.12", {QStringLiteral("prod")});
    QVERIFY(!id.isEmpty());
    sendHistory(agent, 30, 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(storedReports(id), 30, 15000);

    NodesPage page;
    page.resize(1280, 600);
    page.setSession(m_server.connection->client(), m_server.admin);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), NodeListModel::State::Ready, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(page.isLive(), 15000);
    NodeListModel *model = page.model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 41, 15000);
    const int live = model->rowOf(id);
    QCOMPARE(live, 0); // "aa-live" sorts first
    // Its page brought its sparklines: the last 15 minutes, every point.
    const auto points = [&](int column) {
        return model->index(live, column).data(NodeListModel::SparklineRole).value<QList<double>>();
    };
    QTRY_COMPARE_WITH_TIMEOUT(points(NodeListModel::CpuColumn).size(), 30, 15000);
    const QList<double> cpu = points(NodeListModel::CpuColumn);
    QVERIFY(std::count_if(cpu.begin(), cpu.end(), [](double v) { return v >= 0; }) >= 28);
    QVERIFY(std::abs(points(NodeListModel::DiskColumn).constLast() - 100.0 * 118 / 256) < 0.1);
    QVERIFY(model->index(live, NodeListModel::CpuColumn).data().toString().endsWith(u'%'));

    // A row far down is selected and the list scrolled to the end.
    auto *view = child<QTableView>(&page, "nodes.list");
    const int chosen = rowNamed(model, QStringLiteral("bulk-37"));
    view->selectRow(chosen);
    view->scrollToBottom();
    QApplication::processEvents();
    const int scrolled = view->verticalScrollBar()->value();
    QVERIFY(scrolled > 0);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QSignalSpy layout(model, &QAbstractItemModel::layoutChanged);

    // A new report reaches the list with the next batch (every 5 s).
    hm::fleet::ReportMessage report{31, QDateTime::currentMSecsSinceEpoch(), {}};
    report.metrics = {{QStringLiteral("cpu_usage"), 91.0},
                      {QStringLiteral("memory_used"), 8.0 * 1024 * 1024 * 1024},
                      {QStringLiteral("memory_total"), 16.0 * 1024 * 1024 * 1024}};
    agent.send(hm::fleet::serialize(report));
    QTRY_COMPARE_WITH_TIMEOUT(
        model->index(live, NodeListModel::CpuColumn).data(NodeListModel::CurrentValueRole),
        QVariant(91.0), 15000);
    QCOMPARE(model->index(live, NodeListModel::CpuColumn).data().toString(),
             QStringLiteral("91 %"));
    QCOMPARE(model->index(live, NodeListModel::MemoryColumn).data().toString(),
             QStringLiteral("50 %"));
    // Only that row's cells changed (besides "Last seen" ticking for all).
    for (const QList<QVariant> &signal : std::as_const(changed)) {
        const QModelIndex from = signal.at(0).toModelIndex();
        const QModelIndex to = signal.at(1).toModelIndex();
        if (from.column() == NodeListModel::LastSeenColumn &&
            to.column() == NodeListModel::LastSeenColumn)
            continue;
        QCOMPARE(from.row(), live);
        QCOMPARE(to.row(), live);
    }
    QCOMPARE(reset.count(), 0);
    QCOMPARE(layout.count(), 0);
    // The selection and the scroll position stay.
    const QModelIndexList selected = view->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(model->node(selected.first().row())->name, QStringLiteral("bulk-37"));
    QCOMPARE(view->verticalScrollBar()->value(), scrolled);
    agent.socket.close();
    deleteAllNodes();
}

void TestNodesPage::retranslates()
{
    NodesPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->state(), NodeListModel::State::Ready, 15000);
    auto *title = child<QLabel>(&page, "nodes.title");
    QCOMPARE(title->text(), QStringLiteral("Nodes"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(title->text(), QStringLiteral("節點"));
    QCOMPARE(page.model()->headerData(NodeListModel::AgentColumn, Qt::Horizontal).toString(),
             QStringLiteral("代理程式版本"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_COMPARE(title->text(), QStringLiteral("节点"));
    QCOMPARE(child<QPushButton>(&page, "nodes.enrol")->text(), QStringLiteral("注册节点…"));
}

// `screenshots` opens eight windows, each asking for every section's data
// (some 400 requests), in the minute the slots before it made some 600:
// past the server's default of 1,000 requests a minute of one user, the
// list was refused (429) and showed no nodes. The suite's server takes
// more (AdminServer): a burst past the default is all answered.
void TestNodesPage::manyRequestsInAMinuteAreAnswered()
{
    const int count = 1100;
    struct Answers
    {
        int answered = 0;
        QStringList refused;
    };
    // Shared: answers that come after a failed wait have somewhere to go.
    const auto answers = std::make_shared<Answers>();
    hm::client::ApiClient *client = m_server.connection->client();
    for (int i = 0; i < count; ++i) {
        client->send(hm::client::ApiRequest::get(QStringLiteral("/api/v1/users/me")),
                     [answers](hm::Result<hm::client::ApiResponse> answer) {
                         ++answers->answered;
                         if (!answer)
                             answers->refused << answer.error().toString();
                     });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answers->answered, count, 60000);
    QVERIFY2(answers->refused.isEmpty(), qPrintable(QStringLiteral("%1 refused, the first: %2")
                                                        .arg(answers->refused.size())
                                                        .arg(answers->refused.value(0))));
}

// docs/screenshots: the empty section, the list with a few nodes and the
// enrol dialog's result, in every language (only with
// HIVEMIND_SCREENSHOT_DIR set).
void TestNodesPage::screenshots()
{
    const QString dir = tnpScreenshotDir();
    if (dir.isEmpty())
        return;
    QVERIFY(QDir(dir).exists());
    deleteAllNodes();
    const QStringList languages = {QStringLiteral("en"), QStringLiteral("zh_TW"),
                                   QStringLiteral("zh_CN")};
    ThemeManager themes;
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    MainWindow::Options options;
    options.persistSettings = false;
    options.themes = &themes;
    const auto save = [&](QWidget *widget, const QString &name) {
        QApplication::processEvents();
        QVERIFY(widget->grab().save(dir + u'/' + name + QStringLiteral(".png")));
    };
    // A pop-up menu is a window of its own: drawn over the window's image
    // where it shows.
    const auto saveWithMenu = [&](QWidget *widget, QMenu *menu, const QString &name) {
        QApplication::processEvents();
        QPixmap shot = widget->grab();
        QPainter painter(&shot);
        painter.drawPixmap(widget->mapFromGlobal(menu->pos()), menu->grab());
        painter.end();
        QVERIFY(shot.save(dir + u'/' + name + QStringLiteral(".png")));
    };
    const auto openNodes = [&](MainWindow &window) {
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.selectSection(QStringLiteral("nodes")));
    };
    for (const QString &language : languages) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
        openNodes(window);
        auto *page = window.findChild<NodesPage *>(QStringLiteral("page.nodes"));
        QVERIFY(page);
        page->reload();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->state(), NodeListModel::State::Ready, 15000);
        save(&window, QStringLiteral("nodes-empty-") + language);
    }
    QList<hm::client::EnrolledNode> enrolled; // db-01, web-01
    for (const auto &[name, labels, description] :
         {std::tuple{"db-01", QStringList{"prod", "db"}, "PostgreSQL primary"},
          std::tuple{"web-01", QStringList{"prod", "eu-west"}, "Public web front end"},
          std::tuple{"build-runner", QStringList{"ci"}, "Builds and tests"}}) {
        auto made = await<hm::client::EnrolledNode>([&](auto done) {
            api().create(hm::client::NewNode{QString::fromLatin1(name),
                                             QString::fromLatin1(description), labels, 0},
                         done);
        });
        QVERIFY(made.ok());
        if (made->node.name != QLatin1String("build-runner"))
            enrolled.append(*made);
    }
    // db-01's agent enrolled and went away (offline), web-01's is connected.
    hm::test::AgentPeer webAgent;
    hm::test::AgentPeer dbAgent;
    const QUrl base = m_server.connection->baseUrl();
    AgentFacts webFacts{"10.0.0.11", "Ubuntu 24.04", "x86_64", 8, 16.0 * 1024 * 1024 * 1024,
                        "1.0.0"};
    // Every capability, and the kernel: the details' longest values.
    webFacts.capabilities =
        QStringList{"metrics", "probes", "terminal", "processes", "files", "docker", "nginx"};
    webFacts.systemInfo = QStringLiteral(R"({"kernel":"6.8.0-45-generic","uptime":86400})");
    QCOMPARE(enrolAgent(base, enrolled.at(1).enrolment.secret, webAgent, webFacts), 201);
    QCOMPARE(
        enrolAgent(base, enrolled.at(0).enrolment.secret, dbAgent,
                   {"10.0.0.21", "Debian 12", "aarch64", 16, 64.0 * 1024 * 1024 * 1024, "1.0.0"}),
        201);
    QVERIFY(connectAgent(base, webAgent, enrolled.at(1).node.id, webFacts.capabilities));
    sendHistory(webAgent, 60, 15'000);
    QTRY_COMPARE_WITH_TIMEOUT(storedReports(enrolled.at(1).node.id), 60, 15000);
    // The list in the dark theme (English, and Simplified Chinese with its
    // wider glyphs), while web-01's agent is connected: the sparklines,
    // chips and icons take the palette's colours.
    themes.setMode(ThemeManager::Mode::Dark, ThemeManager::Persist::No);
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
        openNodes(window);
        auto *page = window.findChild<NodesPage *>(QStringLiteral("page.nodes"));
        page->reload();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 3, 15000);
        const int web = rowNamed(page->model(), QStringLiteral("web-01"));
        QTRY_VERIFY_WITH_TIMEOUT(!page->model()
                                      ->index(web, NodeListModel::CpuColumn)
                                      .data(NodeListModel::SparklineRole)
                                      .value<QList<double>>()
                                      .isEmpty(),
                                 15000);
        // Another row selected: web-01's lines in the accent colour.
        selectRow(page, rowNamed(page->model(), QStringLiteral("db-01")));
        save(&window, QStringLiteral("nodes-list-") + language + QStringLiteral("-dark"));
        // The online node's detail: its metrics.
        selectRow(page, web);
        auto *tabs = child<QTabWidget>(page, "nodes.detailTabs");
        tabs->setCurrentWidget(page->metricsView());
        QTRY_COMPARE_WITH_TIMEOUT(
            pointsIn(page->metricsView()->chartView(NodeMetricSeries::Chart::Cpu)), 60, 15000);
        save(&window, QStringLiteral("nodes-metrics-") + language + QStringLiteral("-dark"));
        hoverOver(page->metricsView()->chartView(NodeMetricSeries::Chart::Network), 30);
        save(&window, QStringLiteral("nodes-metrics-hover-") + language + QStringLiteral("-dark"));
    }
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    for (const QString &language : languages) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
        openNodes(window);
        auto *page = window.findChild<NodesPage *>(QStringLiteral("page.nodes"));
        page->reload();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->state(), NodeListModel::State::Ready, 15000);
        QTRY_COMPARE(page->model()->rowCount(), 3);
        const int web = rowNamed(page->model(), QStringLiteral("web-01"));
        QTRY_VERIFY_WITH_TIMEOUT(!page->model()
                                      ->index(web, NodeListModel::CpuColumn)
                                      .data(NodeListModel::SparklineRole)
                                      .value<QList<double>>()
                                      .isEmpty(),
                                 15000);
        selectRow(page, web);
        save(&window, QStringLiteral("nodes-list-") + language);
        // The header's menu of columns; the list without the OS column, the
        // menu saying so; then reset for the next language.
        QMenu *columnMenu = openColumnMenu(page);
        QVERIFY(columnMenu);
        saveWithMenu(&window, columnMenu, QStringLiteral("nodes-columns-menu-") + language);
        choose(columnMenu, columnEntry(columnMenu, NodeListModel::SystemColumn));
        save(&window, QStringLiteral("nodes-column-hidden-") + language);
        columnMenu = openColumnMenu(page);
        QVERIFY(columnMenu);
        saveWithMenu(&window, columnMenu, QStringLiteral("nodes-columns-menu-hidden-") + language);
        choose(columnMenu, child<QAction>(columnMenu, "nodes.columns.reset"));
        // A renewal's question, Cancel the default.
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            save(dialog, QStringLiteral("nodes-renew-") + language);
            return int(QDialog::Rejected);
        });
        child<QPushButton>(page, "nodes.renew")->click();
        // The edit dialog with a label the rule refuses: all of the rule.
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            child<QLineEdit>(dialog, "nodes.edit.labels")
                ->setText(QStringLiteral("prod, bad label!"));
            QApplication::processEvents();
            save(dialog, QStringLiteral("nodes-edit-error-") + language);
            return int(QDialog::Rejected);
        });
        child<QPushButton>(page, "nodes.edit")->click();
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            child<QLineEdit>(dialog, "nodes.edit.labels")->setText(QStringLiteral("prod, web"));
            save(dialog, QStringLiteral("nodes-edit-") + language);
            return int(QDialog::Rejected);
        });
        child<QPushButton>(page, "nodes.edit")->click();
        auto *tabs = child<QTabWidget>(page, "nodes.detailTabs");
        tabs->setCurrentWidget(page->metricsView());
        QTRY_COMPARE_WITH_TIMEOUT(
            pointsIn(page->metricsView()->chartView(NodeMetricSeries::Chart::Cpu)), 60, 15000);
        save(&window, QStringLiteral("nodes-metrics-") + language);
        // Hovering: the nearest point's time and values, on two charts.
        hoverOver(page->metricsView()->chartView(NodeMetricSeries::Chart::Cpu), 40);
        hoverOver(page->metricsView()->chartView(NodeMetricSeries::Chart::Memory), 20);
        QVERIFY(page->metricsView()->chartHover(NodeMetricSeries::Chart::Memory)->isShown());
        save(&window, QStringLiteral("nodes-metrics-hover-") + language);
        tabs->setCurrentIndex(0);

        DialogSeam::setNextHandler([&](QDialog *dialog) {
            child<QLineEdit>(dialog, "nodes.name")->setText(QStringLiteral("cache-") + language);
            child<QLineEdit>(dialog, "nodes.labels")->setText(QStringLiteral("prod, cache"));
            dialog->show();
            save(dialog, QStringLiteral("nodes-enrol-") + language);
            child<QPushButton>(dialog, "nodes.enrolOk")->click();
            auto *enrol = static_cast<EnrolNodeDialog *>(dialog);
            (void)QTest::qWaitFor([&] { return enrol->hasResult(); }, 15000);
            save(dialog, QStringLiteral("nodes-enrol-result-") + language);
            return int(QDialog::Accepted);
        });
        child<QPushButton>(page, "nodes.enrol")->click();
        // The next language's list shows the same three nodes.
        const int extra = rowNamed(page->model(), QStringLiteral("cache-") + language);
        QVERIFY(extra >= 0);
        const QString extraId = page->model()->node(extra)->id;
        QVERIFY(await<void>([&](auto done) { api().remove(extraId, done); }).ok());
    }
}

QTEST_MAIN(TestNodesPage)
#include "TestNodesPage.moc"
