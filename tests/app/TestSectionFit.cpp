// Every section fits a 1024x640 window (issue 34, item 8): the console's
// main window at that size, signed in as an administrator, visits every
// section of the section table, every tab of it, the flow editor with a
// banner showing and the VPN page with a change awaiting confirmation (its
// banner over the servers), in every language, and checks that
// - the section does not scroll as a whole (the window's page area shows
//   no scroll bar, and no page-level scroll area inside the page does);
// - every visible control of the page lies inside the window, whole
//   (controls inside lists and other inner scrolling panes excepted: they
//   scroll to them);
// - the flow canvas keeps a usable size, and the navigation shows every
//   section.
// With HIVEMIND_SCREENSHOT_DIR set, each state is also saved as a PNG.

#include "AdminTestSupport.h"
#include "client/FlowsApi.h"
#include "client/WireGuardApi.h"
#include "fleet/NodeFileTransferTask.h"
#include "flows/FlowEditorPage.h"
#include "flows/FlowsPage.h"
#include "operations/BackupsTab.h"
#include "shell/LanguageManager.h"
#include "shell/MainWindow.h"
#include "shell/SectionFrame.h"
#include "shell/Sections.h"
#include "vpn/VpnPage.h"
#include "vpn/WgPendingBanner.h"
#include "widgets/BackgroundTaskList.h"
#include "widgets/BackgroundTasks.h"
#include "widgets/BackgroundTasksStatus.h"
#include "widgets/ByteSizeText.h"
#include "widgets/SectionPage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextEdit>
#include <QToolButton>
#include <QtTest>

using admintest::await;
using hm::app::MainWindow;

namespace {

const QSize kSmallest(1024, 640);

// Whether `widget` sits inside a pane that scrolls by itself (an item
// view, a text view, a canvas or a scroll area other than the page's
// own), below `page`.
bool insideInnerScroller(const QWidget *widget, const QWidget *page)
{
    for (const QWidget *w = widget->parentWidget(); w && w != page; w = w->parentWidget()) {
        if (qobject_cast<const QAbstractScrollArea *>(w))
            return true;
    }
    return false;
}

QString describe(const QWidget *widget)
{
    QString text;
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        text = button->text();
    return QStringLiteral("%1 \"%2\" (%3)")
        .arg(widget->objectName().isEmpty() ? QString::fromLatin1(widget->metaObject()->className())
                                            : widget->objectName(),
             text)
        .arg(QStringLiteral("%1,%2 %3x%4")
                 .arg(widget->mapTo(widget->window(), QPoint(0, 0)).x())
                 .arg(widget->mapTo(widget->window(), QPoint(0, 0)).y())
                 .arg(widget->width())
                 .arg(widget->height()));
}

// Whether `widget` is on a dock that is tabbed behind another: Qt keeps
// such a dock visible but moves it out of its main window.
bool inHiddenDockTab(const QWidget *widget, const QWidget *window)
{
    for (const QWidget *w = widget; w && w != window; w = w->parentWidget()) {
        if (qobject_cast<const QDockWidget *>(w) && w->parentWidget() &&
            !w->parentWidget()->rect().intersects(w->geometry()))
            return true;
    }
    return false;
}

// The visible part of `widget` in window coordinates: its rectangle cut by
// every ancestor's.
QRect visiblePart(const QWidget *widget)
{
    QRect rect(widget->mapTo(widget->window(), QPoint(0, 0)), widget->size());
    for (const QWidget *w = widget->parentWidget(); w && !w->isWindow(); w = w->parentWidget())
        rect &= QRect(w->mapTo(w->window(), QPoint(0, 0)), w->size());
    return rect;
}

} // namespace

class TestSectionFit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everySectionFitsTheSmallestWindow_data();
    void everySectionFitsTheSmallestWindow();
    void theSidebarTurnsToIconsInSmallWindows();
    void theTaskListFitsTheSmallestWindow_data() { everySectionFitsTheSmallestWindow_data(); }
    void theTaskListFitsTheSmallestWindow();

private:
    QStringList problems(MainWindow &window, const QString &state);
    void save(MainWindow &window, const QString &state);
    void checkTabs(MainWindow &window, QWidget *page, const QString &state, QStringList &found);

    admintest::AdminServer m_server;
    QString m_flowId;
    QString m_language;
};

void TestSectionFit::initTestCase()
{
    QVERIFY(m_server.start("TestSectionFit"));
    // A flow to open in the editor.
    hm::client::NewFlow flow;
    flow.name = QStringLiteral("Nightly report");
    flow.definition = QJsonObject{{QStringLiteral("schemaVersion"), 1},
                                  {QStringLiteral("nodes"), QJsonArray()},
                                  {QStringLiteral("edges"), QJsonArray()}};
    auto created = await<hm::client::FlowSummary>([&](auto done) {
        hm::client::FlowsApi(*m_server.connection->client()).create(flow, done);
    });
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    m_flowId = created.value().id;
}

void TestSectionFit::cleanupTestCase()
{
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"),
                                            hm::app::LanguageManager::Persist::No));
    m_server.stop();
}

QStringList TestSectionFit::problems(MainWindow &window, const QString &state)
{
    QApplication::processEvents();
    QStringList found;
    if (window.size() != kSmallest) {
        found << QStringLiteral("%1: the window grew to %2x%3")
                     .arg(state)
                     .arg(window.width())
                     .arg(window.height());
    }
    auto *pagesScroll = window.findChild<QScrollArea *>(QStringLiteral("pagesScroll"));
    if (!pagesScroll)
        return {QStringLiteral("no pagesScroll")};
    if (pagesScroll->verticalScrollBar()->isVisible() ||
        pagesScroll->horizontalScrollBar()->isVisible()) {
        const QSize needed = pagesScroll->widget()->minimumSizeHint();
        found << QStringLiteral("%1: the page scrolls as a whole (it needs %2x%3, has %4x%5)")
                     .arg(state)
                     .arg(needed.width())
                     .arg(needed.height())
                     .arg(pagesScroll->viewport()->width())
                     .arg(pagesScroll->viewport()->height());
    }
    QWidget *page = window.sectionFrame(window.currentSection())->currentWidget();
    // A scroll area inside the page that holds the page's title scrolls
    // the page as a whole: it must not need to.
    for (auto *area : page->findChildren<QScrollArea *>()) {
        if (!area->isVisible() || !area->widget() ||
            !area->widget()->findChild<QLabel *>(QStringLiteral("pageTitle")))
            continue;
        if (area->verticalScrollBar()->isVisible() || area->horizontalScrollBar()->isVisible())
            found << QStringLiteral("%1: %2 scrolls the page").arg(state, describe(area));
    }
    const QRect inside(pagesScroll->viewport()->mapTo(&window, QPoint(0, 0)),
                       pagesScroll->viewport()->size());
    const auto controls = page->findChildren<QWidget *>();
    for (QWidget *w : controls) {
        const bool control =
            qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) ||
            (qobject_cast<QLineEdit *>(w) && !qobject_cast<QComboBox *>(w->parentWidget()));
        // (A floating dock is a window of its own.)
        if (!control || !w->isVisible() || w->window() != &window || insideInnerScroller(w, page) ||
            inHiddenDockTab(w, &window))
            continue;
        const QRect rect(w->mapTo(&window, QPoint(0, 0)), w->size());
        if (!inside.contains(rect) || visiblePart(w) != rect)
            found << QStringLiteral("%1: %2 is cut off").arg(state, describe(w));
    }
    // A wrapped text gets the height its lines need (a form can give a
    // field too little, and the lines overlap).
    for (auto *label : page->findChildren<QLabel *>()) {
        if (!label->isVisible() || !label->wordWrap() || label->text().isEmpty() ||
            label->window() != &window || insideInnerScroller(label, page) ||
            inHiddenDockTab(label, &window))
            continue;
        const int needed = label->heightForWidth(label->width());
        if (label->height() < needed)
            found << QStringLiteral("%1: \"%2\" is squeezed (%3 of %4 px high)")
                         .arg(state, label->text().left(60))
                         .arg(label->height())
                         .arg(needed);
    }
    // Text keeps clear of a splitter's grip (the IPv6 pools' state line
    // sat on it, the grip's dots under its letters).
    for (auto *handle : page->findChildren<QSplitterHandle *>()) {
        if (!handle->isVisible() || insideInnerScroller(handle, page))
            continue;
        const QRect grip(handle->mapTo(&window, QPoint(0, 0)), handle->size());
        const QRect near = handle->orientation() == Qt::Vertical ? grip.adjusted(0, -2, 0, 2)
                                                                 : grip.adjusted(-2, 0, 2, 0);
        for (auto *label : page->findChildren<QLabel *>()) {
            if (!label->isVisible() || label->text().isEmpty() || label->window() != &window ||
                insideInnerScroller(label, page) || inHiddenDockTab(label, &window))
                continue;
            const QRect text(label->mapTo(&window, label->contentsRect().topLeft()),
                             label->contentsRect().size());
            if (text.intersects(near))
                found << QStringLiteral("%1: \"%2\" touches a splitter's grip")
                             .arg(state, label->text().left(60));
        }
    }
    // The flow canvas keeps room to work in (charts are views too, but
    // they scale).
    if (auto *canvas = page->findChild<QGraphicsView *>(QStringLiteral("editor.canvas"));
        canvas && canvas->isVisible() && (canvas->width() < 320 || canvas->height() < 250))
        found << QStringLiteral("%1: the canvas is too small: %2").arg(state, describe(canvas));
    // The status bar's texts show whole (the one after signing in was cut).
    for (auto *label : window.statusBar()->findChildren<QLabel *>()) {
        if (label->isVisible() && !label->text().isEmpty() &&
            label->width() < label->minimumSizeHint().width())
            found << QStringLiteral("%1: the status bar's \"%2\" is cut (%3 of %4 px)")
                         .arg(state, label->text())
                         .arg(label->width())
                         .arg(label->minimumSizeHint().width());
    }
    // The navigation shows every section without scrolling.
    if (auto *navigation = window.findChild<QAbstractItemView *>(QStringLiteral("navigation"));
        navigation && navigation->verticalScrollBar()->isVisible())
        found << QStringLiteral("%1: the navigation scrolls").arg(state);
    save(window, state);
    return found;
}

void TestSectionFit::save(MainWindow &window, const QString &state)
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QString name = state;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]+")), QStringLiteral("-"));
    window.grab().save(dir + QStringLiteral("/fit-") + name + QStringLiteral(".png"));
}

void TestSectionFit::checkTabs(MainWindow &window, QWidget *page, const QString &state,
                               QStringList &found)
{
    for (auto *tabs : page->findChildren<QTabWidget *>()) {
        if (!tabs->isVisible() || insideInnerScroller(tabs, page))
            continue;
        const int was = tabs->currentIndex();
        for (int i = 0; i < tabs->count(); ++i) {
            if (!tabs->isTabEnabled(i) || !tabs->isTabVisible(i))
                continue;
            tabs->setCurrentIndex(i);
            found << problems(window, QStringLiteral("%1 tab %2").arg(state).arg(i));
        }
        tabs->setCurrentIndex(was);
    }
}

void TestSectionFit::everySectionFitsTheSmallestWindow_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_TW") << QStringLiteral("zh_TW");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void TestSectionFit::everySectionFitsTheSmallestWindow()
{
    QFETCH(QString, language);
    QVERIFY(m_server.languages->setLanguage(language, hm::app::LanguageManager::Persist::No));
    MainWindow::Options options;
    options.persistSettings = false;
    MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
    window.resize(kSmallest);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.resize(kSmallest);

    QStringList found;
    for (const auto &entry : hm::app::sectionTable()) {
        const QString id = entry.section.id;
        QVERIFY(window.selectSection(id));
        // Let the first reads answer: the honest states come and go.
        QTest::qWait(300);
        const QString state = language + QLatin1Char(' ') + id;
        found << problems(window, state);
        checkTabs(window, window.sectionFrame(id)->currentWidget(), state, found);
    }

    // The flow editor, with a banner (publishing an empty flow is refused).
    QVERIFY(window.selectSection(QStringLiteral("flows")));
    auto *flows = dynamic_cast<hm::app::FlowsPage *>(window.sectionPage(QStringLiteral("flows")));
    QVERIFY(flows);
    flows->openFlow(m_flowId);
    QTRY_VERIFY(flows->editorPage()->isOpen() && !flows->editorPage()->isLoading());
    flows->editorPage()->action(QStringLiteral("publish"))->trigger();
    QTRY_VERIFY(!flows->editorPage()->bannerText().isEmpty());
    found << problems(window, language + QStringLiteral(" flow editor with a banner"));
    flows->editorPage()->action(QStringLiteral("back"))->trigger();

    // The VPN page with a server whose change awaits confirmation: the
    // banner over the list must not push the page over the window. The
    // server goes again, so the next language's sections start as before.
    hm::client::WireGuardApi wg(*m_server.connection->client());
    hm::client::WgServerChange office;
    office.name = QStringLiteral("office");
    office.interfaceName = QStringLiteral("wg-fit-") + language.left(2);
    office.listenPort = 51820;
    office.ipv4Address = QStringLiteral("10.8.0.1/24");
    auto made = await<hm::client::WgServerRow>([&](auto done) { wg.createServer(office, done); });
    QVERIFY(made.ok());
    hm::client::WgServerChange trial;
    trial.listenPort = 51821;
    trial.confirm.withinSeconds = 3600;
    QVERIFY(await<hm::client::WgServerRow>([&](auto done) {
                wg.updateServer(made.value().id, trial, done);
            }).ok());
    QVERIFY(window.selectSection(QStringLiteral("vpn")));
    auto *vpn = dynamic_cast<hm::app::VpnPage *>(window.sectionPage(QStringLiteral("vpn")));
    QVERIFY(vpn);
    vpn->reload();
    vpn->pendingBanner()->refresh();
    QTRY_VERIFY(vpn->pendingBanner()->isVisible());
    QTRY_VERIFY(vpn->pendingBanner()->text().contains(QLatin1String("office")));
    found << problems(window, language + QStringLiteral(" vpn with a pending change"));
    QVERIFY(await<void>([&](auto done) {
                wg.confirmChange(QStringLiteral("server"), made.value().id, done);
            }).ok());
    QVERIFY(await<void>([&](auto done) { wg.removeServer(made.value().id, done); }).ok());
    vpn->pendingBanner()->refresh();
    vpn->reload();
    QTRY_VERIFY(!vpn->pendingBanner()->isVisible());

    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

// Below 1200x700 the navigation shows icons, the names in tooltips (and as
// the rows' accessible names); wider, the names again, at the width the
// user had dragged the sidebar to.
void TestSectionFit::theSidebarTurnsToIconsInSmallWindows()
{
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"),
                                            hm::app::LanguageManager::Persist::No));
    MainWindow::Options options;
    options.persistSettings = false;
    MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.resize(1400, 900);
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
    auto *sidebar = window.findChild<QWidget *>(QStringLiteral("sidebar"));
    auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    auto *footer = window.findChild<QLabel *>(QStringLiteral("sidebarFooter"));
    QVERIFY(navigation && sidebar && splitter && footer);
    const int dashboard = 0;
    QTRY_VERIFY(!window.isSidebarCompact());
    QCOMPARE(navigation->item(dashboard)->text(), QStringLiteral("儀表板"));
    QVERIFY(footer->isVisible());
    splitter->setSizes({260, 1140});
    QCoreApplication::processEvents();
    QCOMPARE(sidebar->width(), 260);

    window.resize(kSmallest);
    QTRY_VERIFY(window.isSidebarCompact());
    QCOMPARE(navigation->item(dashboard)->text(), QString());
    QVERIFY(navigation->item(dashboard)->toolTip().startsWith(QStringLiteral("儀表板\n")));
    QCOMPARE(navigation->item(dashboard)->data(Qt::AccessibleTextRole).toString(),
             QStringLiteral("儀表板"));
    QVERIFY(!footer->isVisible());
    QTRY_VERIFY(sidebar->width() < 100);
    // The pages get the room.
    QVERIFY(window.findChild<QScrollArea *>(QStringLiteral("pagesScroll"))->width() >
            kSmallest.width() - 100);
    // A short window is compact too (all sections' rows must show).
    window.resize(1400, 640);
    QTRY_VERIFY(window.isSidebarCompact());

    // The language follows in either form.
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"),
                                            hm::app::LanguageManager::Persist::No));
    QTRY_VERIFY(navigation->item(dashboard)->toolTip().startsWith(QStringLiteral("Dashboard\n")));
    QCOMPARE(navigation->item(dashboard)->text(), QString());

    window.resize(1400, 900);
    QTRY_VERIFY(!window.isSidebarCompact());
    QCOMPARE(navigation->item(dashboard)->text(), QStringLiteral("Dashboard"));
    QVERIFY(footer->isVisible());
    QTRY_COMPARE(sidebar->width(), 260);
}

// The status bar's background tasks (console.md, "Shell") at 1024x640: a
// transfer and a backup running, two that ended; the status bar's texts
// whole, the task list's too, and the pages' tasks are the status bar's.
void TestSectionFit::theTaskListFitsTheSmallestWindow()
{
    using hm::app::BackgroundTask;
    using hm::app::BackupsTab;
    using hm::app::NodeFileTransferTask;
    QFETCH(QString, language);
    QVERIFY(m_server.languages->setLanguage(language, hm::app::LanguageManager::Persist::No));
    MainWindow::Options options;
    options.persistSettings = false;
    MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
    window.resize(kSmallest);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.resize(kSmallest);
    QVERIFY(window.selectSection(QStringLiteral("nodes")));
    auto *status = window.statusBar()->findChild<hm::app::BackgroundTasksStatus *>(
        QStringLiteral("status.tasks"));
    QVERIFY(status);
    QVERIFY(!status->isVisible()); // nothing to tell yet
    hm::app::BackgroundTasks *tasks =
        hm::app::BackgroundTasks::of(window.sectionPage(QStringLiteral("nodes"))->widget());
    QCOMPARE(status->tasks(), tasks);

    BackgroundTask *failed = tasks->start(
        BackupsTab::tr("Upload of the backup file %1").arg(QStringLiteral("old.hmbackup")));
    failed->finish(
        BackgroundTask::State::Failed,
        BackupsTab::tr("%1: %2").arg(BackupsTab::tr("The upload was refused"),
                                     BackupsTab::tr("the file is not a HiveMind backup")));
    BackgroundTask *download =
        tasks->start(NodeFileTransferTask::tr("Download of \"%1\" from %2")
                         .arg(QStringLiteral("nginx.conf"), QStringLiteral("web-01")));
    download->finish(BackgroundTask::State::Done,
                     NodeFileTransferTask::tr("Saved to %1.")
                         .arg(QStringLiteral("/home/ops/Downloads/nginx.conf")));
    BackgroundTask *backup = tasks->start(BackupsTab::tr("Backup of the server"));
    backup->setDetail(BackupsTab::tr("Backing up… %1 %").arg(40));
    backup->setProgress(40, 100);
    BackgroundTask *upload =
        tasks->start(NodeFileTransferTask::tr("Upload of \"%1\" to %2")
                         .arg(QStringLiteral("backup-2026-11.tar"), QStringLiteral("web-01")));
    upload->setDetail(
        NodeFileTransferTask::tr("%1 of %2")
            .arg(hm::app::ByteSizeText::format(1258291), hm::app::ByteSizeText::format(3145728)));
    upload->setProgress(1258291, 3145728);
    upload->setCancel([] {});
    QTRY_VERIFY(status->isVisible());
    // The status bar laid out again for the last texts.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);

    QStringList found = problems(window, language + QStringLiteral(" tasks"));
    auto *button = status->findChild<QToolButton *>(QStringLiteral("status.tasks.button"));
    if (button->width() < button->sizeHint().width())
        found << QStringLiteral("%1: the status bar's \"%2\" is cut (%3 of %4 px)")
                     .arg(language, button->text())
                     .arg(button->width())
                     .arg(button->sizeHint().width());
    if (!window.rect().contains(QRect(status->mapTo(&window, QPoint(0, 0)), status->size())))
        found << QStringLiteral("%1: the tasks' part is outside the window").arg(language);

    button->click();
    hm::app::BackgroundTaskList *list = status->list();
    QVERIFY(list->isVisible());
    QVERIFY(list->row(3) && !list->row(4));
    for (auto *label : list->findChildren<QLabel *>()) {
        if (!label->isVisible() || label->text().isEmpty())
            continue;
        const int needed = label->wordWrap() ? label->heightForWidth(label->width())
                                             : label->minimumSizeHint().height();
        if (label->height() < needed ||
            (!label->wordWrap() && label->width() < label->minimumSizeHint().width()))
            found
                << QStringLiteral("%1: the task list's \"%2\" is cut").arg(language, label->text());
    }
    for (auto *b : list->findChildren<QPushButton *>()) {
        if (b->isVisible() && b->width() < b->sizeHint().width())
            found << QStringLiteral("%1: the task list's \"%2\" is cut").arg(language, b->text());
    }
    if (const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR"); !dir.isEmpty())
        list->grab().save(dir + QStringLiteral("/fit-") + language +
                          QStringLiteral("-tasklist.png"));
    list->hide();
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"),
                                            hm::app::LanguageManager::Persist::No));
}

QTEST_MAIN(TestSectionFit)
#include "TestSectionFit.moc"
