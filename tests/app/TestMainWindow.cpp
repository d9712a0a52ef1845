#include "BaselineSupport.h"
#include "MnemonicSupport.h"
#include "client/AccountApi.h"
#include "client/ApiClient.h"
#include "client/SystemApi.h"
#include "connection/ServerConnection.h"
#include "hivemind/Version.h"
#include "shell/LanguageManager.h"
#include "shell/MainWindow.h"
#include "shell/Sections.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QRandomGenerator>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtTest>
#include <memory>

using hm::app::LanguageManager;
using hm::app::MainWindow;
using hm::app::ServerConnection;

namespace {

// Something that would like to be very tall (a terminal's 24 rows, a log's
// lines) but works in little.
class TallPreference final : public QWidget
{
public:
    using QWidget::QWidget;
    QSize sizeHint() const override { return {200, 3000}; }
    QSize minimumSizeHint() const override { return {200, 60}; }
};

// A page as the sections build theirs: a word-wrapped header (which gives
// the layout a height-for-width) over its content.
QWidget *pageWith(QWidget *content)
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *header = new QLabel(QStringLiteral("A header long enough to wrap when the window is "
                                             "narrow, as the sections' descriptions do."));
    header->setWordWrap(true);
    layout->addWidget(header);
    layout->addWidget(content, 1);
    return page;
}

QByteArray randomMasterKey()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(key.begin(), key.end());
    return key.toBase64();
}

// A row's section name: its text, or (a small window's icons-only
// navigation) its accessible name, which is the name in either case.
QString navigationText(const QListWidgetItem *item)
{
    return item->data(Qt::AccessibleTextRole).toString();
}

QStringList navigationTexts(QListWidget *navigation)
{
    QStringList texts;
    for (int row = 0; row < navigation->count(); ++row)
        texts << navigationText(navigation->item(row));
    return texts;
}

QStringList menuTitles(QMainWindow *window)
{
    QStringList titles;
    const auto actions = window->menuBar()->actions();
    for (const QAction *action : actions)
        titles << action->text();
    return titles;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void connectsToTheLocalServer();
    void everySectionIsReachable();
    void dashboardShowsTheServer();
    void dashboardValuesSitOnTheirCaptionsBaseline();
    void localServerLogsHaveRecords();
    void switchesLanguageLive();
    void menuMnemonicsAreUnique();
    void persistsGeometryAndSection();
    void pagesTakeTheWindowsHeightNotTheirPreference();
    void sectionTitlesLookAndSitTheSame();
    void cleanupTestCase();

private:
    MainWindow *window() const { return m_window.get(); }
    template <typename T> T *child(const QString &name) const
    {
        return m_window->findChild<T *>(name);
    }

    QTemporaryDir m_dataDir;
    QTemporaryDir m_configDir;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<ServerConnection> m_connection;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    // Keep the user's real settings out of it.
    QVERIFY(m_configDir.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_configDir.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HiveMindTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestMainWindow"));
    QSettings().clear();
    QVERIFY(m_dataDir.isValid());
    qputenv("HIVEMIND_MASTER_KEY", randomMasterKey());
    // The administrator the server makes on its first start, with its
    // password in the data directory (localServerLogsHaveRecords).
    qunsetenv("HIVEMIND_ADMIN_USER");
    qunsetenv("HIVEMIND_ADMIN_PASSWORD");

    m_languages = std::make_unique<LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));

    // One server for the whole suite, as in the app (no keychain: headless).
    ServerConnection::Options options;
    options.dataDir = m_dataDir.path();
    options.useKeychain = false;
    m_connection = std::make_unique<ServerConnection>(options);
    m_connection->start();
}

void TestMainWindow::init()
{
    m_window = std::make_unique<MainWindow>(m_languages.get(), m_connection.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    if (m_window)
        m_window->close();
    m_window.reset();
    // Back to English for the next test function.
    if (m_languages->currentLanguage() != QLatin1String("en"))
        QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

// A page is as tall as the window shows, however tall its contents would
// like to be: it scrolls as a whole only when its minimum does not fit, and
// only its own minimum counts, not another page's. (A terminal opened in a
// node's detail made the Nodes page grow under the status bar and stay so.)
void TestMainWindow::pagesTakeTheWindowsHeightNotTheirPreference()
{
    window()->resize(1100, 700);
    auto *scroll = child<QScrollArea>(QStringLiteral("pagesScroll"));
    auto *pages = child<QStackedWidget>(QStringLiteral("pages"));
    QVERIFY(scroll);
    QVERIFY(pages);

    auto *tall = new TallPreference;
    QWidget *preferring = pageWith(tall);
    auto *demanding = new QWidget;
    demanding->setMinimumHeight(2000);
    QWidget *needing = pageWith(demanding);
    pages->addWidget(preferring);
    pages->addWidget(needing);
    const auto removePages = qScopeGuard([&] {
        delete preferring;
        delete needing;
    });

    // The preference alone: the page fits the viewport, no scroll bar, and
    // the tall widget ends inside what shows.
    pages->setCurrentWidget(preferring);
    QTRY_COMPARE(pages->height(), scroll->viewport()->height());
    QVERIFY(!scroll->verticalScrollBar()->isVisible());
    const QRect shown(scroll->viewport()->mapTo(window(), QPoint(0, 0)),
                      scroll->viewport()->size());
    QVERIFY2(shown.contains(QRect(tall->mapTo(window(), QPoint(0, 0)), tall->size())),
             qPrintable(QStringLiteral("tall widget %1 px high in a viewport of %2")
                            .arg(tall->height())
                            .arg(shown.height())));

    // A page whose minimum does not fit scrolls.
    pages->setCurrentWidget(needing);
    QTRY_VERIFY(scroll->verticalScrollBar()->isVisible());
    QVERIFY(pages->height() >= 2000);

    // Back to the first: the other page's minimum no longer counts.
    pages->setCurrentWidget(preferring);
    QTRY_COMPARE(pages->height(), scroll->viewport()->height());
    QTRY_VERIFY(!scroll->verticalScrollBar()->isVisible());

    // The window shrunk and grown again: the page follows both ways.
    window()->resize(1100, 560);
    QTRY_COMPARE(pages->height(), scroll->viewport()->height());
    window()->resize(1100, 760);
    QTRY_COMPARE(pages->height(), scroll->viewport()->height());
    QVERIFY(!scroll->verticalScrollBar()->isVisible());
}

// Moving between sections, the title does not jump: every section's title
// has the same font and starts at the same place (a few sections had a
// 17 pt title 32 px in, the others a 12 pt one 16 px in).
void TestMainWindow::sectionTitlesLookAndSitTheSame()
{
    auto *pages = window()->findChild<QStackedWidget *>(QStringLiteral("pages"));
    QVERIFY(pages);
    QStringList seen;
    QStringList skipped;
    QFont firstFont;
    QPoint firstPlace;
    for (const auto &section : hm::app::sections()) {
        QVERIFY(window()->selectSection(section.id));
        QCoreApplication::processEvents();
        // A section may show its session state instead (this window's
        // local session may not see the fleet): nothing to compare there.
        auto *page =
            pages->currentWidget()->findChild<QWidget *>(QStringLiteral("page.") + section.id);
        QVERIFY2(page, qPrintable(section.id));
        if (!page->isVisible()) {
            skipped << section.id;
            continue;
        }
        QLabel *title = nullptr;
        for (auto *label : page->findChildren<QLabel *>()) {
            if (label->isVisible() && label->property("hmStyle").toString() == u"pageTitle") {
                QVERIFY2(!title, qPrintable(section.id + QStringLiteral(": two page titles")));
                title = label;
            }
        }
        QVERIFY2(title, qPrintable(section.id + QStringLiteral(": no page title")));
        const QPoint place = title->mapTo(pages, QPoint(0, 0));
        if (seen.isEmpty()) {
            firstFont = title->font();
            firstPlace = place;
        }
        QCOMPARE(QFontInfo(title->font()).pixelSize(), QFontInfo(firstFont).pixelSize());
        QCOMPARE(title->font().weight(), firstFont.weight());
        QVERIFY2(place.x() == firstPlace.x() && qAbs(place.y() - firstPlace.y()) <= 4,
                 qPrintable(QStringLiteral("%1 at %2,%3, %4 at %5,%6")
                                .arg(section.id)
                                .arg(place.x())
                                .arg(place.y())
                                .arg(seen.value(0, section.id))
                                .arg(firstPlace.x())
                                .arg(firstPlace.y())));
        seen << section.id;
    }
    QVERIFY2(seen.size() >= 9, qPrintable(skipped.join(u' ')));
}

void TestMainWindow::cleanupTestCase()
{
    m_connection.reset(); // stops the server thread
    m_languages.reset();
    QSettings().clear();
}

void TestMainWindow::connectsToTheLocalServer()
{
    auto *status = child<QLabel>(QStringLiteral("connectionStatus"));
    auto *version = child<QLabel>(QStringLiteral("serverVersion"));
    QVERIFY(status);
    QVERIFY(version);
    QCOMPARE(window()->objectName(), QStringLiteral("mainWindow"));

    QTRY_VERIFY_WITH_TIMEOUT(m_connection->state() == ServerConnection::State::Connected ||
                                 m_connection->state() == ServerConnection::State::Failed,
                             15000);
    QVERIFY2(m_connection->state() == ServerConnection::State::Connected,
             qPrintable(status->text()));
    QTRY_VERIFY_WITH_TIMEOUT(
        status->text().startsWith(QLatin1String("Connected to http://127.0.0.1:")), 15000);
    QVERIFY2(status->text().contains(m_connection->baseUrl().toString()),
             qPrintable(status->text()));
    QTRY_VERIFY_WITH_TIMEOUT(version->text().contains(QString::fromLatin1(hm::version::kVersion)),
                             15000);
    QCOMPARE(m_connection->info().version, QString::fromLatin1(hm::version::kVersion));
}

// Issue 34, item 6: the embedded server's GET /logs and its export hold
// the server's records, as a headless server's do (the console keeps its
// own message handler; the server's log ring is fed in front of it).
void TestMainWindow::localServerLogsHaveRecords()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_connection->state() == ServerConnection::State::Connected, 15000);
    QFile passwordFile(QDir(m_dataDir.path()).filePath(QStringLiteral("initial-admin-password")));
    QVERIFY(passwordFile.open(QIODevice::ReadOnly));
    const QString password = QString::fromUtf8(passwordFile.readAll()).trimmed();
    hm::client::ApiClient client;
    client.setBaseUrl(m_connection->baseUrl());
    bool signedIn = false;
    QString problem;
    client.login(QStringLiteral("admin"), password, [&](hm::Result<hm::client::LoginResult> r) {
        if (!r)
            problem = r.error().toString();
        signedIn = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(signedIn, 30000);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // The generated password must be replaced before anything else.
    bool changed = false;
    hm::client::AccountApi(client).changePassword(password, QStringLiteral("Own-Admin-Pass1"),
                                                  [&](hm::Result<void> r) {
                                                      if (!r)
                                                          problem = r.error().toString();
                                                      changed = true;
                                                  });
    QTRY_VERIFY_WITH_TIMEOUT(changed, 30000);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // The server's own records: its start and the requests it served.
    hm::client::LogFilter filter;
    filter.module = QStringLiteral("hivemind.server");
    filter.page = {1, 100};
    std::optional<hm::Result<hm::client::Page<hm::client::LogLine>>> logs;
    hm::client::SystemApi(client).logs(
        filter, [&](hm::Result<hm::client::Page<hm::client::LogLine>> r) { logs = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(logs.has_value(), 30000);
    if (!logs->ok())
        QFAIL(qPrintable(logs->error().toString()));
    QVERIFY(logs->value().total > 0);
    QStringList messages;
    for (const hm::client::LogLine &record : logs->value().items)
        messages << record.message;
    QVERIFY2(!messages.filter(QStringLiteral("listening on")).isEmpty(),
             qPrintable(messages.join(u'\n')));
    QVERIFY2(!messages.filter(QStringLiteral("/api/v1/auth/login")).isEmpty(),
             qPrintable(messages.join(u'\n')));
    // The export holds them too, not the CSV header alone.
    std::optional<hm::Result<QByteArray>> exported;
    hm::client::SystemApi(client).exportLogs(
        filter, QStringLiteral("csv"), [&](hm::Result<QByteArray> r) { exported = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(exported.has_value(), 30000);
    if (!exported->ok())
        QFAIL(qPrintable(exported->error().toString()));
    const QList<QByteArray> lines = exported->value().split('\n');
    QVERIFY2(lines.size() > 2, exported->value().constData());
    QVERIFY(exported->value().contains("listening on"));
    // Masked as a headless server masks: the password never appears.
    QVERIFY(!exported->value().contains(password.toUtf8()));
}

void TestMainWindow::everySectionIsReachable()
{
    auto *navigation = child<QListWidget>(QStringLiteral("navigation"));
    auto *pages = window()->findChild<QStackedWidget *>(QStringLiteral("pages"));
    QVERIFY(navigation);
    QVERIFY(pages);

    const auto &all = hm::app::sections();
    QCOMPARE(all.size(), 12);
    QCOMPARE(navigation->count(), all.size());
    QCOMPARE(pages->count(), all.size());

    const QStringList expected = {
        QStringLiteral("dashboard"),  QStringLiteral("flows"),    QStringLiteral("executions"),
        QStringLiteral("components"), QStringLiteral("services"), QStringLiteral("credentials"),
        QStringLiteral("nodes"),      QStringLiteral("vpn"),      QStringLiteral("alerts"),
        QStringLiteral("audit"),      QStringLiteral("users"),    QStringLiteral("settings")};

    for (int row = 0; row < navigation->count(); ++row) {
        QListWidgetItem *item = navigation->item(row);
        const QString id = item->data(Qt::UserRole).toString();
        QCOMPARE(id, expected.at(row));
        QVERIFY2(!item->icon().isNull(), qPrintable(id));
        QVERIFY2(!item->icon().pixmap(QSize(20, 20)).isNull(), qPrintable(id));

        // Select the item the way a user would, through the view.
        navigation->setCurrentItem(item);
        // The section's frame (the shell's session states), holding its page.
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("section.") + id);
        QVERIFY2(pages->currentWidget()->findChild<QWidget *>(QStringLiteral("page.") + id),
                 qPrintable(id));
        QCOMPARE(window()->currentSection(), id);
    }

    // And programmatically (--section).
    QVERIFY(window()->selectSection(QStringLiteral("vpn")));
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("section.vpn"));
    QVERIFY(!window()->selectSection(QStringLiteral("no-such-section")));
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("section.vpn"));
}

void TestMainWindow::dashboardShowsTheServer()
{
    QVERIFY(window()->selectSection(QStringLiteral("dashboard")));
    auto *version = child<QLabel>(QStringLiteral("dashboard.version"));
    auto *status = child<QLabel>(QStringLiteral("dashboard.status"));
    auto *database = child<QLabel>(QStringLiteral("dashboard.database"));
    auto *address = child<QLabel>(QStringLiteral("dashboard.address"));
    QVERIFY(version && status && database && address);
    QTRY_COMPARE_WITH_TIMEOUT(version->text(), QString::fromLatin1(hm::version::kVersion), 15000);
    QCOMPARE(status->text(), QStringLiteral("Healthy"));
    QCOMPARE(database->text(), QStringLiteral("Open (encrypted)"));
    QCOMPARE(address->text(), m_connection->baseUrl().toString());
}

// In Chinese the server card's Latin values (the version, the address)
// sat 1 px above their captions: the caption's line, drawn with the
// taller CJK font, had its baseline lower (half of the fonts' difference,
// as both labels centred their text in the row). Caption and value share
// a baseline, to the pixel, in every language.
void TestMainWindow::dashboardValuesSitOnTheirCaptionsBaseline()
{
    QVERIFY(window()->selectSection(QStringLiteral("dashboard")));
    auto *version = child<QLabel>(QStringLiteral("dashboard.version"));
    QVERIFY(version);
    QTRY_COMPARE_WITH_TIMEOUT(version->text(), QString::fromLatin1(hm::version::kVersion), 15000);
    auto *card = version->parentWidget();
    QList<QList<const QLabel *>> rows;
    for (const QString &name :
         {QStringLiteral("dashboard.status"), QStringLiteral("dashboard.database"),
          QStringLiteral("dashboard.version"), QStringLiteral("dashboard.apiVersion"),
          QStringLiteral("dashboard.address"), QStringLiteral("dashboard.mode"),
          QStringLiteral("dashboard.dataDir")}) {
        const QLabel *value = child<QLabel>(name);
        QVERIFY2(value, qPrintable(name));
        // The status sits in a box with its coloured dot.
        const QWidget *cell = value->parentWidget() == card ? value : value->parentWidget();
        const QLabel *caption = admintest::bsGridCaption(cell);
        QVERIFY2(caption, qPrintable(name));
        rows.append(QList<const QLabel *>{caption, value});
    }
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_languages->setLanguage(language, LanguageManager::Persist::No));
        for (const QList<const QLabel *> &row : std::as_const(rows))
            QTRY_VERIFY2(admintest::bsTranslated(row.first(), language),
                         qPrintable(row.first()->text()));
        QTRY_VERIFY2(
            admintest::bsMisalignedRows(rows, card, 0).isEmpty(),
            qPrintable(language + u' ' + admintest::bsMisalignedRows(rows, card, 0).join(u"; ")));
        if (const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(
                card->grab().save(dir + QStringLiteral("/dashboard-server-%1.png").arg(language)));
    }
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestMainWindow::switchesLanguageLive()
{
    auto *navigation = child<QListWidget>(QStringLiteral("navigation"));
    auto *languageMenu = child<QMenu>(QStringLiteral("menuLanguage"));
    auto *status = child<QLabel>(QStringLiteral("connectionStatus"));
    QVERIFY(navigation && languageMenu && status);
    QTRY_VERIFY_WITH_TIMEOUT(m_connection->state() == ServerConnection::State::Connected, 15000);

    auto *zhTW = child<QAction>(QStringLiteral("lang.zh_TW"));
    auto *zhCN = child<QAction>(QStringLiteral("lang.zh_CN"));
    auto *en = child<QAction>(QStringLiteral("lang.en"));
    QVERIFY(zhTW && zhCN && en);
    QCOMPARE(en->text(), QStringLiteral("English"));
    QCOMPARE(zhTW->text(), QStringLiteral("繁體中文"));
    QCOMPARE(zhCN->text(), QStringLiteral("简体中文"));
    QVERIFY(en->isCheckable() && zhTW->isCheckable() && zhCN->isCheckable());
    QVERIFY(en->isChecked());
    QVERIFY(en->actionGroup() && en->actionGroup()->isExclusive());

    const QStringList englishMenus = menuTitles(window());
    QCOMPARE(navigationTexts(navigation).first(), QStringLiteral("Dashboard"));

    zhTW->trigger();
    QCOMPARE(m_languages->currentLanguage(), QStringLiteral("zh_TW"));
    QVERIFY(zhTW->isChecked());
    QVERIFY(!en->isChecked());
    QTRY_COMPARE(
        navigationTexts(navigation),
        (QStringList{QStringLiteral("儀表板"), QStringLiteral("流程"), QStringLiteral("執行"),
                     QStringLiteral("元件"), QStringLiteral("服務"), QStringLiteral("憑證"),
                     QStringLiteral("節點"), QStringLiteral("VPN"), QStringLiteral("告警"),
                     QStringLiteral("稽核與日誌"), QStringLiteral("使用者"),
                     QStringLiteral("設定")}));
    const QStringList taiwanMenus = menuTitles(window());
    QCOMPARE(taiwanMenus.size(), englishMenus.size());
    for (qsizetype i = 0; i < taiwanMenus.size(); ++i)
        QVERIFY2(taiwanMenus.at(i) != englishMenus.at(i), qPrintable(taiwanMenus.at(i)));
    QVERIFY2(status->text().startsWith(QStringLiteral("已連線")), qPrintable(status->text()));
    auto *pageTitle = window()
                          ->findChild<QWidget *>(QStringLiteral("page.flows"))
                          ->findChild<QLabel *>(QStringLiteral("pageTitle"));
    QVERIFY(pageTitle);
    QCOMPARE(pageTitle->text(), QStringLiteral("流程"));
    auto *emptyTitle = window()
                           ->findChild<QWidget *>(QStringLiteral("page.vpn"))
                           ->findChild<QLabel *>(QStringLiteral("vpn.emptyTitle"));
    QVERIFY(emptyTitle);
    QCOMPARE(emptyTitle->text(), QStringLiteral("登入後即可查看 WireGuard 伺服器"));
    // Signed out, the shell's own state says so in the same language.
    auto *gateTitle = window()
                          ->findChild<QWidget *>(QStringLiteral("section.vpn"))
                          ->findChild<QLabel *>(QStringLiteral("gate.vpn.emptyTitle"));
    QVERIFY(gateTitle);
    QCOMPARE(gateTitle->text(), QStringLiteral("登入後即可查看「VPN」"));

    zhCN->trigger();
    QCOMPARE(m_languages->currentLanguage(), QStringLiteral("zh_CN"));
    QTRY_COMPARE(navigationText(navigation->item(0)), QStringLiteral("仪表板"));
    QCOMPARE(navigationText(navigation->item(3)), QStringLiteral("组件"));
    QCOMPARE(navigationText(navigation->item(9)), QStringLiteral("审计与日志"));
    QCOMPARE(navigationText(navigation->item(10)), QStringLiteral("用户"));
    QCOMPARE(navigationText(navigation->item(11)), QStringLiteral("设置"));
    QVERIFY2(status->text().startsWith(QStringLiteral("已连接")), qPrintable(status->text()));

    en->trigger();
    QTRY_COMPARE(navigationText(navigation->item(0)), QStringLiteral("Dashboard"));
    QCOMPARE(menuTitles(window()), englishMenus);
    QVERIFY(status->text().startsWith(QLatin1String("Connected to")));

    // The menu choice is remembered for the next start.
    QCOMPARE(QSettings().value(LanguageManager::kSettingsKey).toString(), QStringLiteral("en"));
    zhCN->trigger();
    QCOMPARE(LanguageManager::preferredLanguage(), QStringLiteral("zh_CN"));
    QSettings().remove(LanguageManager::kSettingsKey);
}

void TestMainWindow::menuMnemonicsAreUnique()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_connection->state() == ServerConnection::State::Connected, 15000);
    // Alt+letter must choose, not cycle: one letter per entry of the menu
    // bar and of each menu, in every language.
    for (const char *language : {"en", "zh_TW", "zh_CN"}) {
        auto *choice = child<QAction>(QStringLiteral("lang.") + QLatin1String(language));
        QVERIFY(choice);
        choice->trigger();
        QTRY_COMPARE(m_languages->currentLanguage(), QLatin1String(language));
        QApplication::processEvents();
        QStringList found = mnemonictest::clashes(menuTitles(window()));
        for (const QAction *action : window()->menuBar()->actions()) {
            if (action->menu())
                found += mnemonictest::menuClashes(action->menu());
        }
        QVERIFY2(found.isEmpty(), qPrintable(QLatin1String(language) + QStringLiteral(": ") +
                                             found.join(QStringLiteral("; "))));
    }
}

void TestMainWindow::persistsGeometryAndSection()
{
    // The default size, within the screen (the offscreen one is small).
    const QSize defaultSize =
        MainWindow::initialGeometry(QGuiApplication::primaryScreen()->availableGeometry(),
                                    MainWindow::kDefaultSize, MainWindow::kTypicalFrame,
                                    MainWindow::kMinimumSize)
            .size();
    const QSize chosenSize = defaultSize - QSize(90, 70);

    QSettings().clear();
    m_window->close();
    m_window = std::make_unique<MainWindow>(m_languages.get(), m_connection.get());
    QCOMPARE(m_window->size(), defaultSize);

    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->resize(chosenSize);
    QTRY_COMPARE(m_window->size(), chosenSize);
    QVERIFY(m_window->selectSection(QStringLiteral("alerts")));
    m_window->close(); // saves
    QVERIFY(QSettings().contains(QStringLiteral("mainWindow/geometry")));
    m_window.reset();

    m_window = std::make_unique<MainWindow>(m_languages.get(), m_connection.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->size(), chosenSize);
    QCOMPARE(m_window->currentSection(), QStringLiteral("alerts"));

    // Screenshot mode neither reads nor writes the settings.
    MainWindow::Options transient;
    transient.persistSettings = false;
    MainWindow screenshotWindow(m_languages.get(), m_connection.get(), transient);
    QCOMPARE(screenshotWindow.size(), defaultSize);
    QCOMPARE(screenshotWindow.currentSection(), QStringLiteral("dashboard"));
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
