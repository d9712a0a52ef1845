// The shell's keyboard ways in (console.md, "Shortcuts"): Ctrl+K opens the
// command palette (the sections and every menu command by name, typed to
// filter, Enter to run; disabled commands listed greyed with the reason and
// never run), and Ctrl+F puts the cursor in the current view's search.
// The real MainWindow against a real in-process server, offscreen.

#include "AdminTestSupport.h"
#include "shell/CommandPalette.h"
#include "shell/LanguageManager.h"
#include "shell/MainWindow.h"
#include "shell/Sections.h"
#include "widgets/SectionPage.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScreen>
#include <QtTest>

using hm::app::CommandPalette;
using hm::app::MainWindow;
using hm::app::Session;

namespace {

// A section with one command that counts its runs and one that is disabled.
class CountingPage final : public QWidget, public hm::app::SectionPage
{
public:
    explicit CountingPage(QWidget *parent)
        : QWidget(parent), m_run(new QAction(this)), m_locked(new QAction(this))
    {
        m_run->setText(QStringLiteral("&Count Something"));
        m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_J));
        connect(m_run, &QAction::triggered, this, [this] { ++runs; });
        m_locked->setText(QStringLiteral("Count &Forbidden"));
        m_locked->setEnabled(false);
        m_locked->setToolTip(QStringLiteral("Only administrators may count this."));
        connect(m_locked, &QAction::triggered, this, [this] { ++lockedRuns; });
    }

    QWidget *widget() override { return this; }
    void applySession(const Session &) override {}
    QString menuTitle() const override { return QStringLiteral("C&ounter"); }
    QList<QAction *> menuActions() const override { return {m_run, nullptr, m_locked}; }

    int runs = 0;
    int lockedRuns = 0;

private:
    QAction *m_run;
    QAction *m_locked;
};

hm::app::SectionEntry countingEntry()
{
    hm::app::Section section{
        QStringLiteral("counter"),           "Counter", "A section only this test knows.",
        QStringLiteral(":/icons/nodes.svg"), {},        {}};
    return {section, [](const hm::app::SectionContext &, QWidget *parent) {
                auto *page = new CountingPage(parent);
                page->setObjectName(QStringLiteral("page.counter"));
                return page;
            }};
}

QLineEdit *searchOf(CommandPalette *palette)
{
    return palette->findChild<QLineEdit *>(QStringLiteral("commandPalette.search"));
}

QListWidget *listOf(CommandPalette *palette)
{
    return palette->findChild<QListWidget *>(QStringLiteral("commandPalette.list"));
}

// The rows the palette shows, as their texts.
QStringList shownRows(QListWidget *list)
{
    QStringList rows;
    for (int row = 0; row < list->count(); ++row) {
        if (!list->item(row)->isHidden())
            rows << list->item(row)->text();
    }
    return rows;
}

} // namespace

class TestCommandPalette : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void ctrlKListsTheSectionsAndTheMenus();
    void typingFiltersAndEnterGoesToTheSection();
    void aMenuCommandRunsOnceAfterThePaletteCloses();
    void aDisabledCommandIsListedButDoesNotRun();
    void arrowsSkipDisabledRowsAndEscapeCloses();
    void nothingMatchingSaysSo();
    void itSpeaksTheConsolesLanguage();
    void ctrlFPutsTheCursorInTheViewsSearch();
    void screenshots();

private:
    CommandPalette *openPalette();

    admintest::AdminServer m_server;
    std::unique_ptr<MainWindow> m_window;
};

void TestCommandPalette::initTestCase()
{
    QVERIFY(m_server.start("TestCommandPalette"));
    QVERIFY(hm::app::registerSection(countingEntry()));
}

void TestCommandPalette::init()
{
    MainWindow::Options options;
    options.persistSettings = false;
    m_window =
        std::make_unique<MainWindow>(m_server.languages.get(), m_server.connection.get(), options);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->selectSection(QStringLiteral("dashboard")));
}

void TestCommandPalette::cleanup()
{
    m_window.reset();
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"),
                                            hm::app::LanguageManager::Persist::No));
}

void TestCommandPalette::cleanupTestCase()
{
    hm::app::unregisterSection(QStringLiteral("counter"));
    m_server.stop();
}

CommandPalette *TestCommandPalette::openPalette()
{
    // Shortcuts reach the active window only; under an X server without a
    // window manager (screenshots) nothing activates it but this.
    // (The offscreen platform also leaves a closed popup the active window.)
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window.get(), 500) ||
        QApplication::activeWindow() != m_window.get())
        QApplication::setActiveWindow(m_window.get());
    QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
    auto *palette = m_window->findChild<CommandPalette *>(QStringLiteral("commandPalette"));
    if (!palette || !palette->isVisible())
        return nullptr;
    return palette;
}

void TestCommandPalette::ctrlKListsTheSectionsAndTheMenus()
{
    CommandPalette *palette = openPalette();
    QVERIFY(palette);
    QLineEdit *search = searchOf(palette);
    QListWidget *list = listOf(palette);
    QVERIFY(search && list);
    QTRY_COMPARE(QApplication::focusWidget(), search);
    const QStringList rows = shownRows(list);
    // Every section, then the menus' commands with where they live and
    // their shortcuts; the palette's own command is not offered.
    QVERIFY2(rows.contains(QStringLiteral("Go to › Flows")), qPrintable(rows.join(u'\n')));
    QVERIFY(rows.contains(QStringLiteral("Go to › Audit & Logs")));
    QVERIFY(rows.contains(QStringLiteral("Go to › Counter")));
    const QString sidebar = QStringLiteral("View › Navigation Sidebar");
    QVERIFY2(rows.contains(sidebar), qPrintable(rows.join(u'\n')));
    const QList<QListWidgetItem *> sidebarRow = list->findItems(sidebar, Qt::MatchExactly);
    QCOMPARE(sidebarRow.size(), 1);
    QCOMPARE(sidebarRow.first()->data(Qt::UserRole + 2).toString(),
             QKeySequence(Qt::CTRL | Qt::Key_B).toString(QKeySequence::NativeText));
    QVERIFY(rows.contains(QStringLiteral("View › Theme › Dark")));
    QVERIFY(!rows.filter(QStringLiteral("Command Palette")).size());
    // The first row is selected, ready for Enter.
    QCOMPARE(list->currentRow(), 0);
}

void TestCommandPalette::typingFiltersAndEnterGoesToTheSection()
{
    CommandPalette *palette = openPalette();
    QVERIFY(palette);
    QLineEdit *search = searchOf(palette);
    QListWidget *list = listOf(palette);
    // Each word must appear, in any case and order.
    QTest::keyClicks(search, QStringLiteral("AUDIT go"));
    QCOMPARE(shownRows(list), QStringList{QStringLiteral("Go to › Audit & Logs")});
    QCOMPARE(palette->shownCount(), 1);
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(!palette->isVisible());
    QTRY_COMPARE(m_window->currentSection(), QStringLiteral("audit"));
}

void TestCommandPalette::aMenuCommandRunsOnceAfterThePaletteCloses()
{
    auto *page = dynamic_cast<CountingPage *>(m_window->sectionPage(QStringLiteral("counter")));
    QVERIFY(page);
    CommandPalette *palette = openPalette();
    QVERIFY(palette);
    QLineEdit *search = searchOf(palette);
    QListWidget *list = listOf(palette);
    QTest::keyClicks(search, QStringLiteral("count some"));
    QCOMPARE(shownRows(list), QStringList{QStringLiteral("Counter › Count Something")});
    QSignalSpy ran(palette, &CommandPalette::ran);
    QTest::keyClick(search, Qt::Key_Enter);
    QVERIFY(!palette->isVisible());
    QCOMPARE(page->runs, 0); // not while the popup is still up
    QTRY_COMPARE(ran.size(), 1);
    QCOMPARE(page->runs, 1);
    QCOMPARE(ran.first().first().toString(), QStringLiteral("Count Something"));
}

void TestCommandPalette::aDisabledCommandIsListedButDoesNotRun()
{
    auto *page = dynamic_cast<CountingPage *>(m_window->sectionPage(QStringLiteral("counter")));
    QVERIFY(page);
    CommandPalette *palette = openPalette();
    QVERIFY(palette);
    QLineEdit *search = searchOf(palette);
    QListWidget *list = listOf(palette);
    QTest::keyClicks(search, QStringLiteral("forbidden"));
    QCOMPARE(shownRows(list), QStringList{QStringLiteral("Counter › Count Forbidden")});
    QListWidgetItem *item = nullptr;
    for (int row = 0; row < list->count(); ++row) {
        if (!list->item(row)->isHidden())
            item = list->item(row);
    }
    QVERIFY(item);
    QVERIFY(!(item->flags() & Qt::ItemIsEnabled));
    QCOMPARE(item->toolTip(), QStringLiteral("Only administrators may count this."));
    // Nothing to run: Enter and a click leave it open and run nothing.
    QCOMPARE(list->currentItem(), nullptr);
    QTest::keyClick(search, Qt::Key_Return);
    emit list->itemClicked(item);
    QTest::qWait(50);
    QCOMPARE(page->lockedRuns, 0);
    QVERIFY(palette->isVisible());
}

void TestCommandPalette::arrowsSkipDisabledRowsAndEscapeCloses()
{
    CommandPalette *palette = openPalette();
    QVERIFY(palette);
    QLineEdit *search = searchOf(palette);
    QListWidget *list = listOf(palette);
    // "counter" matches the section, the enabled and the disabled command.
    QTest::keyClicks(search, QStringLiteral("counter"));
    QCOMPARE(palette->shownCount(), 3);
    QCOMPARE(list->currentItem()->text(), QStringLiteral("Go to › Counter"));
    QTest::keyClick(search, Qt::Key_Down);
    QVERIFY(list->currentItem()->text().startsWith(QStringLiteral("Counter › Count Something")));
    QTest::keyClick(search, Qt::Key_Down); // the disabled one is skipped: stays
    QVERIFY(list->currentItem()->text().startsWith(QStringLiteral("Counter › Count Something")));
    QTest::keyClick(search, Qt::Key_Up);
    QCOMPARE(list->currentItem()->text(), QStringLiteral("Go to › Counter"));
    QTest::keyClick(search, Qt::Key_Escape);
    QVERIFY(!palette->isVisible());
    QCOMPARE(m_window->currentSection(), QStringLiteral("dashboard"));
}

void TestCommandPalette::nothingMatchingSaysSo()
{
    CommandPalette *palette = openPalette();
    QVERIFY(palette);
    QLineEdit *search = searchOf(palette);
    QListWidget *list = listOf(palette);
    auto *empty = palette->findChild<QLabel *>(QStringLiteral("commandPalette.empty"));
    QVERIFY(empty);
    QVERIFY(!empty->isVisible());
    QTest::keyClicks(search, QStringLiteral("no such command anywhere"));
    QCOMPARE(palette->shownCount(), 0);
    QVERIFY(empty->isVisible());
    QVERIFY(!list->isVisible());
    QCOMPARE(empty->text(), QStringLiteral("No command matches. Try fewer or other words."));
    QTest::keyClick(search, Qt::Key_Return); // nothing to run, nothing breaks
    QVERIFY(palette->isVisible());
}

void TestCommandPalette::itSpeaksTheConsolesLanguage()
{
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"),
                                            hm::app::LanguageManager::Persist::No));
    QCoreApplication::processEvents(); // the window retranslates its menus
    CommandPalette *palette = openPalette();
    QVERIFY(palette);
    QLineEdit *search = searchOf(palette);
    QListWidget *list = listOf(palette);
    QCOMPARE(search->placeholderText(), QStringLiteral("輸入指令或區段名稱"));
    // Chinese menus' "(&V)" mnemonics are not part of the names.
    QVERIFY2(shownRows(list).contains(QStringLiteral("檢視 › 導覽側欄")),
             qPrintable(shownRows(list).join(u'\n')));
    QVERIFY2(shownRows(list).contains(QStringLiteral("前往 › 流程")),
             qPrintable(shownRows(list).join(u'\n')));
    QTest::keyClick(search, Qt::Key_Escape);

    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"),
                                            hm::app::LanguageManager::Persist::No));
    QCoreApplication::processEvents();
    palette = openPalette();
    QVERIFY(palette);
    QTRY_COMPARE(search->placeholderText(), QStringLiteral("输入命令或分区名称"));
    QVERIFY2(shownRows(list).contains(QStringLiteral("前往 › 流程")),
             qPrintable(shownRows(list).join(u'\n')));
}

void TestCommandPalette::ctrlFPutsTheCursorInTheViewsSearch()
{
    QVERIFY(m_window->selectSection(QStringLiteral("flows")));
    auto *flowsSearch = m_window->findChild<QLineEdit *>(QStringLiteral("flows.search"));
    QVERIFY(flowsSearch);
    QTRY_VERIFY(flowsSearch->isVisible());
    flowsSearch->setText(QStringLiteral("old words"));
    // (The offscreen platform also leaves a closed popup the active window.)
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window.get(), 500) ||
        QApplication::activeWindow() != m_window.get())
        QApplication::setActiveWindow(m_window.get());
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), flowsSearch);
    // Selected, so that typing replaces the last search.
    QCOMPARE(flowsSearch->selectedText(), QStringLiteral("old words"));

    // A section without a search field: nothing moves, nothing breaks.
    QVERIFY(m_window->selectSection(QStringLiteral("counter")));
    QWidget *before = QApplication::focusWidget();
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), before);
}

void TestCommandPalette::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return; // only when asked for (docs/screenshots), under a real X server
    QVERIFY(QDir().mkpath(dir));
    m_window->resize(1280, 800);
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, hm::app::LanguageManager::Persist::No));
        QCoreApplication::processEvents(); // the pages retranslate their menus' actions
        QVERIFY(m_window->selectSection(QStringLiteral("flows")));
        CommandPalette *palette = openPalette();
        QVERIFY(palette);
        QLineEdit *search = searchOf(palette);
        // A few letters of "theme" / the sections, as a user types them.
        search->insert(language == QLatin1String("en") ? QStringLiteral("th")
                                                       : QStringLiteral("流程"));
        QTest::qWait(100);
        // The palette is a window of its own: the screen shows both.
        const QRect frame = m_window->frameGeometry();
        QVERIFY(m_window->screen()
                    ->grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
                    .save(dir + QStringLiteral("/command-palette-") + language +
                          QStringLiteral(".png")));
        QTest::keyClick(search, Qt::Key_Escape);
    }
}

QTEST_MAIN(TestCommandPalette)
#include "TestCommandPalette.moc"
