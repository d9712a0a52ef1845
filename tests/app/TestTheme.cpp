// Light, dark and "follow the system" (issue 12, item 8): ThemeManager
// switches the application palette at run time, persists the choice, the
// main window's stylesheet, the View menu and the flow canvas follow, and
// console.qss names every colour as a token. With HIVEMIND_SCREENSHOT_DIR
// set, `screenshots` saves the dashboard, the flows list, the flow editor and
// the About dialog in both themes and three languages (docs/screenshots).

#include "ContrastSupport.h"
#include "canvas/FlowEditorWidget.h"
#include "canvas/FlowScene.h"
#include "client/AccountApi.h"
#include "client/ApiClient.h"
#include "client/ExecutionsApi.h"
#include "client/FlowsApi.h"
#include "connection/ServerConnection.h"
#include "executions/ExecutionFeed.h"
#include "executions/ExecutionViewer.h"
#include "executions/ExecutionsPage.h"
#include "flowgraph/FlowGraphModel.h"
#include "flows/FlowEditorPage.h"
#include "flows/FlowListModel.h"
#include "flows/FlowsPage.h"
#include "shell/LanguageManager.h"
#include "shell/MainWindow.h"
#include "widgets/ConsoleStyle.h"
#include "widgets/MessageBox.h"
#include "widgets/ThemeManager.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStyleOptionButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QtTest>
#include <cmath>
#include <memory>
#include <optional>

using namespace hm::app;
using hm::client::ApiClient;
using hm::client::FlowsApi;
using hm::client::FlowSummary;

namespace {

QByteArray randomMasterKey()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(key.begin(), key.end());
    return key.toBase64();
}

template <typename T, typename Start> hm::Result<T> await(Start start, int timeoutMs = 20000)
{
    std::optional<hm::Result<T>> out;
    start([&out](hm::Result<T> r) { out.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, timeoutMs))
        return hm::Error{hm::ErrorCode::Timeout, QStringLiteral("no answer")};
    return std::move(*out);
}

// The lightness of the most opaque stroke pixel of `icon` at 20 px.
double strokeLightness(const QIcon &icon)
{
    const QImage image = icon.pixmap(QSize(20, 20)).toImage();
    QColor best;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (!best.isValid() || c.alpha() > best.alpha())
                best = c;
        }
    }
    return best.lightnessF();
}

// The highest contrast to `background` of any pixel on the outer ring of
// `rect` in `image`: how well the border of an indicator shows.
double ringContrast(const QImage &image, const QRect &rect, const QColor &background)
{
    double best = 1;
    for (int x = rect.left(); x <= rect.right(); ++x) {
        for (int y = rect.top(); y <= rect.bottom(); ++y) {
            const bool ring = x <= rect.left() + 1 || x >= rect.right() - 1 ||
                              y <= rect.top() + 1 || y >= rect.bottom() - 1;
            if (ring && image.valid(x, y))
                best = std::max(best, hm::test::contrastRatio(image.pixelColor(x, y), background));
        }
    }
    return best;
}

double windowLightness()
{
    return QApplication::palette().color(QPalette::Window).lightnessF();
}

// The colour in the middle of `widget` as painted.
QColor paintedColour(QWidget *widget, QPoint at = {})
{
    const QImage image = widget->grab().toImage();
    if (at.isNull())
        at = QPoint(image.width() / 2, image.height() - 4);
    return image.pixelColor(at);
}

} // namespace

class TestTheme : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void switchingChangesThePalette();
    void persistsTheChoice();
    void followsTheSystem();
    void mainWindowAndMenuFollow();
    void settingsRowSwitchesAndFollows();
    void canvasFollows();
    void styleSheetNamesEveryColour();
    void standardIconsAreTheLineIcons();
    void headersKeepTheirWeightWhenRowsAreSelected();
    void headersSitLeftUnlessTheyChoseOtherwise();
    void darkIndicatorsShowTheirBorder();
    void lightIndicatorsShowTheirBorder();
    void editorActionsFitAt1280();
    void screenshots();
    void cleanupTestCase();

private:
    void checkIndicatorBorders(ThemeManager::Mode mode);
    QString componentVersion(const QString &component);
    void prepareServer();

    QString m_nightly;
    QString m_executionId;

    QTemporaryDir m_configDir;
    QTemporaryDir m_dataDir;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<ThemeManager> m_themes;
    std::unique_ptr<ServerConnection> m_connection;
};

void TestTheme::initTestCase()
{
    QVERIFY(m_configDir.isValid());
    QVERIFY(m_dataDir.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_configDir.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HiveMindTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestTheme"));
    QSettings().clear();
    qputenv("HIVEMIND_MASTER_KEY", randomMasterKey());
    m_languages = std::make_unique<LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    m_themes = std::make_unique<ThemeManager>();

    ServerConnection::Options options;
    options.dataDir = m_dataDir.path();
    options.useKeychain = false;
    options.refreshIntervalMs = 0;
    m_connection = std::make_unique<ServerConnection>(options);
}

void TestTheme::cleanup()
{
    m_themes->setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    DialogSeam::setNextHandler({});
}

void TestTheme::cleanupTestCase()
{
    m_connection.reset();
    m_themes.reset();
    m_languages.reset();
    QSettings().clear();
}

void TestTheme::switchingChangesThePalette()
{
    QSignalSpy changed(m_themes.get(), &ThemeManager::themeChanged);
    m_themes->setMode(ThemeManager::Mode::Dark, ThemeManager::Persist::No);
    QCOMPARE(m_themes->mode(), ThemeManager::Mode::Dark);
    QVERIFY(m_themes->isDark());
    QVERIFY2(windowLightness() < 0.3, qPrintable(QString::number(windowLightness())));
    QVERIFY(QApplication::palette().color(QPalette::Text).lightnessF() > 0.7);
    QVERIFY(QApplication::palette().color(QPalette::Base).lightnessF() < 0.3);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.last().at(0).toBool(), true);
    // Fusion paints from the palette everywhere (under the console's proxy).
    auto *consoleStyle = qobject_cast<hm::app::ConsoleStyle *>(QApplication::style());
    QVERIFY(consoleStyle);
    QCOMPARE(consoleStyle->baseStyle()->name().toLower(), QStringLiteral("fusion"));

    m_themes->setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    QVERIFY(!m_themes->isDark());
    QVERIFY2(windowLightness() > 0.8, qPrintable(QString::number(windowLightness())));
    QVERIFY(QApplication::palette().color(QPalette::Text).lightnessF() < 0.3);
    QCOMPARE(changed.last().at(0).toBool(), false);
}

// The standard icons the console shows (the Files tab's folders and files,
// its Up and Refresh) are the line icons in the theme's colour, and dialog
// buttons carry none: no raster ticks and crosses beside line icons.
void TestTheme::standardIconsAreTheLineIcons()
{
    using hm::app::ConsoleStyle;
    for (const auto mode : {ThemeManager::Mode::Light, ThemeManager::Mode::Dark}) {
        m_themes->setMode(mode, ThemeManager::Persist::No);
        QStyle *style = QApplication::style();
        QVERIFY(qobject_cast<ConsoleStyle *>(style));
        for (const auto pixmap : {QStyle::SP_DirIcon, QStyle::SP_FileIcon, QStyle::SP_FileLinkIcon,
                                  QStyle::SP_FileDialogToParent, QStyle::SP_BrowserReload,
                                  QStyle::SP_TrashIcon, QStyle::SP_FileDialogNewFolder}) {
            const QString path = ConsoleStyle::lineIconPath(pixmap);
            QVERIFY2(QFile::exists(path), qPrintable(path));
            const QImage shown = style->standardIcon(pixmap).pixmap(24, 24).toImage();
            const QImage line =
                ThemeManager::themedIcon(path, QApplication::palette()).pixmap(24, 24).toImage();
            QVERIFY2(!shown.isNull() && shown == line, qPrintable(path));
            // Not what Fusion would have drawn.
            QVERIFY(shown != qobject_cast<ConsoleStyle *>(style)
                                 ->baseStyle()
                                 ->standardIcon(pixmap)
                                 .pixmap(24, 24)
                                 .toImage());
        }
        QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        QVERIFY(buttons.button(QDialogButtonBox::Ok)->icon().isNull());
        QVERIFY(buttons.button(QDialogButtonBox::Cancel)->icon().isNull());
    }
    m_themes->setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
}

// With whole rows selected, the common style bolded every column's title
// (the selection touches them all), and unbolded them on the next click
// elsewhere: the header jumped between two weights.
void TestTheme::headersKeepTheirWeightWhenRowsAreSelected()
{
    for (const auto mode : {ThemeManager::Mode::Light, ThemeManager::Mode::Dark}) {
        m_themes->setMode(mode, ThemeManager::Persist::No);
        QStandardItemModel model(2, 3);
        model.setHorizontalHeaderLabels(
            {QStringLiteral("Name"), QStringLiteral("Address"), QStringLiteral("Clients")});
        QTableView view;
        view.setModel(&model);
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        view.resize(420, 160);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.horizontalHeader()->highlightSections()); // QTableView's default
        const auto header = [&] { return view.horizontalHeader()->grab().toImage(); };
        const QImage before = header();
        view.selectRow(0);
        QVERIFY(view.selectionModel()->isRowSelected(0, {}));
        QCOMPARE(header(), before);
    }
    m_themes->setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
}

// QHeaderView centres its titles by default while every cell sits left:
// in the tables no one had aligned (VPN, Services, Components, Credentials,
// Backups, Users…) each title floated over the middle of its column.
void TestTheme::headersSitLeftUnlessTheyChoseOtherwise()
{
    QStandardItemModel model(1, 2);
    model.setHorizontalHeaderLabels({QStringLiteral("Name"), QStringLiteral("Size")});
    model.setHeaderData(1, Qt::Horizontal, QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter),
                        Qt::TextAlignmentRole);
    QTableView plain;
    plain.setModel(&model);
    QTableView chosen;
    chosen.setModel(&model);
    chosen.horizontalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    for (QTableView *view : {&plain, &chosen}) {
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view));
    }
    QCOMPARE(plain.horizontalHeader()->defaultAlignment(), Qt::AlignLeft | Qt::AlignVCenter);
    QCOMPARE(chosen.horizontalHeader()->defaultAlignment(), Qt::AlignRight | Qt::AlignVCenter);
    // A model's title alignment still wins over the default.
    QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::TextAlignmentRole).toInt(),
             int(Qt::AlignRight | Qt::AlignVCenter));
}

void TestTheme::persistsTheChoice()
{
    QSettings().remove(ThemeManager::kSettingsKey);
    QCOMPARE(ThemeManager::savedMode(), ThemeManager::Mode::System);
    m_themes->setMode(ThemeManager::Mode::Dark, ThemeManager::Persist::No);
    QVERIFY(!QSettings().contains(ThemeManager::kSettingsKey));
    m_themes->setMode(ThemeManager::Mode::Dark);
    QCOMPARE(QSettings().value(ThemeManager::kSettingsKey).toString(), QStringLiteral("dark"));
    QCOMPARE(ThemeManager::savedMode(), ThemeManager::Mode::Dark);
    m_themes->setMode(ThemeManager::Mode::Light);
    QCOMPARE(ThemeManager::savedMode(), ThemeManager::Mode::Light);
    m_themes->setMode(ThemeManager::Mode::System);
    QCOMPARE(ThemeManager::savedMode(), ThemeManager::Mode::System);
    for (const auto mode :
         {ThemeManager::Mode::Light, ThemeManager::Mode::Dark, ThemeManager::Mode::System})
        QCOMPARE(ThemeManager::modeFromName(ThemeManager::modeName(mode)), mode);
    QSettings().remove(ThemeManager::kSettingsKey);
}

void TestTheme::followsTheSystem()
{
    // The offscreen platform's palette is light: System resolves to light,
    // whatever was shown before.
    m_themes->setMode(ThemeManager::Mode::Dark, ThemeManager::Persist::No);
    QVERIFY(!m_themes->systemPrefersDark());
    m_themes->setMode(ThemeManager::Mode::System, ThemeManager::Persist::No);
    QCOMPARE(m_themes->mode(), ThemeManager::Mode::System);
    QVERIFY(!m_themes->isDark());
    QVERIFY(windowLightness() > 0.8);

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    // Qt 6.4 reads the platform's palette as it was at start: a manager made
    // while a dark palette is in place follows dark.
    QApplication::setPalette(ThemeManager::palette(true));
    ThemeManager onDarkSystem;
    QVERIFY(onDarkSystem.systemPrefersDark());
    onDarkSystem.setMode(ThemeManager::Mode::System, ThemeManager::Persist::No);
    QVERIFY(onDarkSystem.isDark());
    QVERIFY(windowLightness() < 0.3);

    // The platform says its theme changed (QEvent::ThemeChange, as it does
    // when the desktop switches colours): System reads the platform's
    // palette again at once. The offscreen platform's is light.
    QSignalSpy changed(&onDarkSystem, &ThemeManager::themeChanged);
    QCoreApplication::postEvent(QCoreApplication::instance(), new QEvent(QEvent::ThemeChange));
    QTRY_VERIFY(!onDarkSystem.isDark());
    QVERIFY(!onDarkSystem.systemPrefersDark());
    QVERIFY(windowLightness() > 0.8);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.last().at(0).toBool(), false);
    // A fixed choice stays as it is.
    m_themes->setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    onDarkSystem.setMode(ThemeManager::Mode::Dark, ThemeManager::Persist::No);
    QCoreApplication::postEvent(QCoreApplication::instance(), new QEvent(QEvent::ThemeChange));
    QCoreApplication::processEvents(); // the event
    QCoreApplication::processEvents(); // the look it schedules
    QVERIFY(onDarkSystem.isDark());
    QVERIFY(windowLightness() < 0.3);
#endif
}

void TestTheme::mainWindowAndMenuFollow()
{
    MainWindow::Options options;
    options.persistSettings = false;
    options.themes = m_themes.get();
    MainWindow window(m_languages.get(), m_connection.get(), options);
    QCOMPARE(window.themeManager(), m_themes.get());
    window.resize(900, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *light = window.findChild<QAction *>(QStringLiteral("action.theme.light"));
    auto *dark = window.findChild<QAction *>(QStringLiteral("action.theme.dark"));
    auto *system = window.findChild<QAction *>(QStringLiteral("action.theme.system"));
    QVERIFY(light && dark && system);
    QVERIFY(light->isChecked());
    QVERIFY(!light->text().isEmpty() && !dark->text().isEmpty() && !system->text().isEmpty());

    auto *sidebar = window.findChild<QWidget *>(QStringLiteral("sidebar"));
    QVERIFY(sidebar);
    QVERIFY2(paintedColour(sidebar).lightnessF() > 0.8, qPrintable(paintedColour(sidebar).name()));

    dark->trigger();
    QCOMPARE(m_themes->mode(), ThemeManager::Mode::Dark);
    QVERIFY(dark->isChecked() && !light->isChecked());
    QTRY_VERIFY2(paintedColour(sidebar).lightnessF() < 0.3,
                 qPrintable(paintedColour(sidebar).name()));
    auto *pages = window.findChild<QWidget *>(QStringLiteral("pages"));
    QVERIFY(paintedColour(pages, QPoint(5, 5)).lightnessF() < 0.3);
    // The dashboard's charts follow (Qt Charts has its own light theme).
    auto *chart = window.findChild<QChartView *>(QStringLiteral("dashboard.usageChart"));
    QVERIFY(chart);
    QCOMPARE(chart->chart()->backgroundBrush().style(), Qt::SolidPattern); // not Qt's gradient
    QTRY_VERIFY2(chart->chart()->backgroundBrush().color().lightnessF() < 0.3,
                 qPrintable(chart->chart()->backgroundBrush().color().name()));
    QVERIFY(window.styleSheet().contains(QStringLiteral("#1a1d22"))); // the dark sidebar token
    // The line icons are drawn light on the dark sidebar.
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(navigation);
    QVERIFY2(strokeLightness(navigation->item(0)->icon()) > 0.6,
             qPrintable(QString::number(strokeLightness(navigation->item(0)->icon()))));
    auto *vpnPage = window.findChild<QWidget *>(QStringLiteral("page.vpn"));
    auto *badge = vpnPage->findChild<QLabel *>(QStringLiteral("iconBadge"));
    QVERIFY(badge);
    QTRY_VERIFY(strokeLightness(QIcon(badge->pixmap())) > 0.6);

    // Another window made meanwhile (e.g. by the Settings page) shows the
    // current mode checked.
    m_themes->setMode(ThemeManager::Mode::System, ThemeManager::Persist::No);
    QVERIFY(system->isChecked());
    QTRY_VERIFY(paintedColour(sidebar).lightnessF() > 0.8);
    QTRY_VERIFY(chart->chart()->backgroundBrush().color().lightnessF() > 0.8);
    QVERIFY(strokeLightness(navigation->item(0)->icon()) < 0.5);
    QTRY_VERIFY(strokeLightness(QIcon(badge->pixmap())) < 0.5);

    // A short window: the sidebar scrolls with the console's thin, themed
    // scrollbar (10 px, rounded handle), not the platform's default one.
    window.resize(900, 380);
    QTRY_VERIFY(navigation->verticalScrollBar()->isVisible());
    QCOMPARE(navigation->verticalScrollBar()->width(), 10);
    const QColor handleLight = paintedColour(navigation->verticalScrollBar(), QPoint(5, 12));
    m_themes->setMode(ThemeManager::Mode::Dark, ThemeManager::Persist::No);
    QTRY_VERIFY2(paintedColour(navigation->verticalScrollBar(), QPoint(5, 12)) != handleLight,
                 qPrintable(handleLight.name()));
}

void TestTheme::settingsRowSwitchesAndFollows()
{
    // The Settings page's theme row is View > Theme's twin: choosing there
    // applies at once and persists, the menu follows, and the other way.
    QSettings().remove(ThemeManager::kSettingsKey);
    MainWindow::Options options;
    options.persistSettings = true;
    options.signInOnConnect = false;
    options.themes = m_themes.get();
    MainWindow window(m_languages.get(), m_connection.get(), options);
    window.resize(900, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *row = window.findChild<QWidget *>(QStringLiteral("settings.themeRow"));
    QVERIFY(row);
    auto *combo = row->findChild<QComboBox *>(QStringLiteral("settings.theme"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 3);
    for (int i = 0; i < combo->count(); ++i)
        QVERIFY(!combo->itemText(i).isEmpty());
    QCOMPARE(combo->currentData().toString(), QStringLiteral("light"));
    auto *dark = window.findChild<QAction *>(QStringLiteral("action.theme.dark"));
    auto *system = window.findChild<QAction *>(QStringLiteral("action.theme.system"));
    QVERIFY(dark && system);

    // The user picks "Dark" with the keyboard, as in the running console.
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("dark"));
    QCOMPARE(m_themes->mode(), ThemeManager::Mode::Dark);
    QVERIFY(windowLightness() < 0.3);
    QVERIFY(dark->isChecked());
    QCOMPARE(QSettings().value(ThemeManager::kSettingsKey).toString(), QStringLiteral("dark"));

    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(m_themes->mode(), ThemeManager::Mode::System);
    QVERIFY(system->isChecked());
    QVERIFY(windowLightness() > 0.8); // the offscreen platform is light
    QCOMPARE(ThemeManager::savedMode(), ThemeManager::Mode::System);

    // The menu changes the row.
    dark->trigger();
    QCOMPARE(combo->currentData().toString(), QStringLiteral("dark"));
    m_themes->setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("light"));
    QSettings().remove(ThemeManager::kSettingsKey);
}

void TestTheme::canvasFollows()
{
    FlowGraphModel model;
    FlowEditorWidget editor(&model);
    editor.resize(600, 400);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QVERIFY(!editor.scene()->canvasStyle().dark);
    const QColor lightBackground = editor.scene()->canvasStyle().background;

    m_themes->setMode(ThemeManager::Mode::Dark, ThemeManager::Persist::No);
    QTRY_VERIFY(editor.scene()->canvasStyle().dark);
    QVERIFY(editor.scene()->canvasStyle().background.lightnessF() < 0.3);
    QVERIFY(editor.scene()->canvasStyle().text.lightnessF() > 0.7);

    m_themes->setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    QTRY_VERIFY(!editor.scene()->canvasStyle().dark);
    QCOMPARE(editor.scene()->canvasStyle().background, lightBackground);
}

void TestTheme::styleSheetNamesEveryColour()
{
    QFile file(QStringLiteral(":/styles/console.qss"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString sheet = QString::fromUtf8(file.readAll());
    sheet.remove(QRegularExpression(QStringLiteral("/\\*.*?\\*/"),
                                    QRegularExpression::DotMatchesEverythingOption));
    // Colours come from the tokens, so both themes get them.
    const auto literal =
        QRegularExpression(QStringLiteral("#[0-9a-fA-F]{3,8}\\b|rgba?\\(")).match(sheet);
    QVERIFY2(!literal.hasMatch(), qPrintable(literal.captured(0)));
    for (const bool dark : {false, true}) {
        const QString themed = ThemeManager::styleSheet(dark);
        const auto left = QRegularExpression(QStringLiteral("@[A-Za-z]+")).match(themed);
        QVERIFY2(!left.hasMatch(), qPrintable(left.captured(0)));
    }
    QVERIFY(ThemeManager::styleSheet(false) != ThemeManager::styleSheet(true));
    // Every token has both values, valid.
    for (const ThemeManager::Token &token : ThemeManager::themeTokens()) {
        QVERIFY2(QColor(QLatin1String(token.light)).isValid(), token.name);
        QVERIFY2(QColor(QLatin1String(token.dark)).isValid(), token.name);
    }
}

QString TestTheme::componentVersion(const QString &component)
{
    auto components = await<QJsonArray>(
        [&](auto done) { hm::client::ExecutionsApi(*m_connection->client()).components(done); });
    if (components.ok()) {
        for (const QJsonValue &item : components.value()) {
            if (item[QStringLiteral("name")].toString() == component)
                return item[QStringLiteral("version")].toString();
        }
    }
    return QStringLiteral("1.0.0");
}

// The flow editor's rows of actions (the header's flow actions and the
// canvas's) show every button in full in a 1280x800 window, in every
// language: no button hidden behind the tool bar's overflow arrow, each
// as wide as it asks to be.
void TestTheme::darkIndicatorsShowTheirBorder()
{
    // An unchecked box on the dark window was all but invisible (Fusion
    // outlines it a shade darker than the window): its border now stands
    // out by the 3:1 a control's outline needs.
    checkIndicatorBorders(ThemeManager::Mode::Dark);
}

void TestTheme::lightIndicatorsShowTheirBorder()
{
    // On the light window Fusion's outline was a faint grey of about 1.7:1.
    checkIndicatorBorders(ThemeManager::Mode::Light);
}

void TestTheme::checkIndicatorBorders(ThemeManager::Mode mode)
{
    m_themes->setMode(mode, ThemeManager::Persist::No);
    const QColor window = QApplication::palette().color(QPalette::Window);
    QWidget holder;
    auto *box = new QCheckBox(QStringLiteral("Use an authenticator code"), &holder);
    auto *radio = new QRadioButton(QStringLiteral("One"), &holder);
    radio->move(0, 40);
    holder.resize(300, 80);
    holder.show();
    QVERIFY(QTest::qWaitForWindowExposed(&holder));
    for (QAbstractButton *button :
         {static_cast<QAbstractButton *>(box), static_cast<QAbstractButton *>(radio)}) {
        QStyleOptionButton option;
        option.initFrom(button);
        const QStyle::SubElement element =
            button == box ? QStyle::SE_CheckBoxIndicator : QStyle::SE_RadioButtonIndicator;
        const QRect indicator = button->style()->subElementRect(element, &option, button);
        const QImage image = button->grab().toImage();
        const double seen = ringContrast(image, indicator, window);
        QVERIFY2(seen >= 3.0, qPrintable(QStringLiteral("%1 %2: %3")
                                             .arg(ThemeManager::modeName(mode),
                                                  button->metaObject()->className())
                                             .arg(seen)));
    }
    if (!qEnvironmentVariableIsEmpty("HIVEMIND_SCREENSHOT_DIR")) {
        auto *checked = new QCheckBox(QStringLiteral("Checked"), &holder);
        checked->setChecked(true);
        checked->move(120, 40);
        checked->show();
        holder.grab().save(qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR") +
                           QStringLiteral("/theme-indicators-") + ThemeManager::modeName(mode) +
                           QStringLiteral(".png"));
    }
}

void TestTheme::editorActionsFitAt1280()
{
    prepareServer();
    if (QTest::currentTestFailed())
        return;
    MainWindow::Options options;
    options.persistSettings = false;
    options.themes = m_themes.get();
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_languages->setLanguage(language, LanguageManager::Persist::No));
        MainWindow window(m_languages.get(), m_connection.get(), options);
        window.setGeometry(0, 0, 1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.selectSection(QStringLiteral("flows"));
        auto *page = window.findChild<FlowsPage *>(QStringLiteral("page.flows"));
        QTRY_VERIFY_WITH_TIMEOUT(page->isStarted(), 15000);
        page->openFlow(m_nightly);
        FlowEditorPage *editor = page->editorPage();
        QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
        QTRY_VERIFY(!editor->model()->catalogue().isEmpty());
        QApplication::processEvents();
        QCOMPARE(window.width(), 1280);

        const QList<QToolBar *> rows = editor->findChildren<QToolBar *>();
        QVERIFY(rows.size() >= 2); // the header's and the canvas's
        for (QToolBar *row : rows) {
            if (!row->isVisible())
                continue;
            const QString where = language + u' ' + row->objectName();
            // The overflow arrow only appears when something does not fit.
            for (QToolButton *b : row->findChildren<QToolButton *>()) {
                if (b->objectName() == QLatin1String("qt_toolbar_ext_button"))
                    QVERIFY2(!b->isVisible(), qPrintable(where + QStringLiteral(": overflow")));
            }
            int needed = 0;
            for (QAction *a : row->actions()) {
                if (a->isSeparator() || !a->isVisible())
                    continue;
                QWidget *button = row->widgetForAction(a);
                QVERIFY2(button, qPrintable(where + u' ' + a->objectName()));
                const QString what = where + u' ' + a->objectName() + u' ' + a->iconText();
                QVERIFY2(button->isVisible(), qPrintable(what + QStringLiteral(": hidden")));
                QVERIFY2(button->width() >= button->sizeHint().width(),
                         qPrintable(what + QStringLiteral(": %1 < %2")
                                               .arg(button->width())
                                               .arg(button->sizeHint().width())));
                QVERIFY2(button->geometry().right() < row->contentsRect().right() + 1,
                         qPrintable(what + QStringLiteral(": beyond the row")));
                needed += button->sizeHint().width();
            }
            QVERIFY2(needed <= row->width(),
                     qPrintable(where + QStringLiteral(": %1 > %2").arg(needed).arg(row->width())));
        }
        // The menus keep the whole words, the buttons drop the mnemonic.
        QAction *save = editor->findChild<QAction *>(QStringLiteral("action.save"));
        QVERIFY(save->text().contains(u'&'));
        QVERIFY(!save->iconText().contains(u'&') && !save->iconText().contains(u'('));
        editor->discard();
        page->showList();
    }
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

// Signs in to the local server and makes the flows the screenshots and the
// editor's layout check open: a small fan-in flow (published, run once)
// and two empty ones. Once per test run.
void TestTheme::prepareServer()
{
    if (!m_nightly.isEmpty())
        return;
    m_connection->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_connection->state() == ServerConnection::State::Connected, 30000);
    QFile passwordFile(QDir(m_dataDir.path()).filePath(QStringLiteral("initial-admin-password")));
    QVERIFY(passwordFile.open(QIODevice::ReadOnly));
    const QString password = QString::fromUtf8(passwordFile.readAll()).trimmed();
    auto login = await<hm::client::LoginResult>(
        [&](auto done) { m_connection->client()->login(QStringLiteral("admin"), password, done); });
    if (!login.ok())
        QFAIL(qPrintable(login.error().toString()));
    // The generated password must be replaced before anything else.
    auto changed = await<void>([&](auto done) {
        hm::client::AccountApi(*m_connection->client())
            .changePassword(password, QStringLiteral("Own-Admin-Pass1"), done);
    });
    if (!changed.ok())
        QFAIL(qPrintable(changed.error().toString()));
    m_connection->setSignedIn(login.value().user);

    // A small fan-in flow for the editor, and two more for the list.
    const auto node = [this](const QString &id, const QString &component) {
        return QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("component"), component},
                           {QStringLiteral("version"), componentVersion(component)},
                           {QStringLiteral("position"),
                            QJsonObject{{QStringLiteral("x"), 0}, {QStringLiteral("y"), 0}}},
                           {QStringLiteral("config"), QJsonObject()},
                           {QStringLiteral("inputMappings"), QJsonObject()}};
    };
    const auto edge = [](const QString &id, const QString &from, const QString &to) {
        return QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("source"), from},
                           {QStringLiteral("target"), to}};
    };
    const QJsonObject fanIn{
        {QStringLiteral("schemaVersion"), 1},
        {QStringLiteral("nodes"),
         QJsonArray{node(QStringLiteral("fetch-orders"), QStringLiteral("noop")),
                    node(QStringLiteral("fetch-refunds"), QStringLiteral("noop")),
                    node(QStringLiteral("wait-for-bank"), QStringLiteral("delay")),
                    node(QStringLiteral("report"), QStringLiteral("log"))}},
        {QStringLiteral("edges"),
         QJsonArray{edge(QStringLiteral("e1"), QStringLiteral("fetch-orders"),
                         QStringLiteral("wait-for-bank")),
                    edge(QStringLiteral("e2"), QStringLiteral("fetch-refunds"),
                         QStringLiteral("wait-for-bank")),
                    edge(QStringLiteral("e3"), QStringLiteral("wait-for-bank"),
                         QStringLiteral("report"))}}};
    QString nightly;
    for (const QString &name :
         {QStringLiteral("Nightly sales report"), QStringLiteral("Sync CRM contacts"),
          QStringLiteral("Rotate VPN client keys")}) {
        const QJsonObject definition = nightly.isEmpty()
                                           ? fanIn
                                           : QJsonObject{{QStringLiteral("schemaVersion"), 1},
                                                         {QStringLiteral("nodes"), QJsonArray()},
                                                         {QStringLiteral("edges"), QJsonArray()}};
        auto created = await<FlowSummary>([&](auto done) {
            FlowsApi(*m_connection->client())
                .create(hm::client::NewFlow{name, QString(), definition, {}}, done);
        });
        if (!created.ok())
            QFAIL(qPrintable(created.error().toString()));
        if (nightly.isEmpty())
            nightly = created.value().id;
    }

    // One run of it for the execution viewer.
    auto published = await<hm::client::FlowVersion>([&](auto done) {
        FlowsApi(*m_connection->client()).publish(nightly, QStringLiteral("1"), done);
    });
    if (!published.ok())
        QFAIL(qPrintable(published.error().toString()));
    auto run = await<hm::client::TriggerOutcome>([&](auto done) {
        FlowsApi(*m_connection->client()).trigger(nightly, hm::client::TriggerOptions{}, done);
    });
    if (!run.ok())
        QFAIL(qPrintable(run.error().toString()));
    m_executionId = run.value().executionId;
    m_nightly = nightly;
}

void TestTheme::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return; // only when asked for (docs/screenshots); ctest fails on SKIP
    QVERIFY(QDir().mkpath(dir));

    prepareServer();
    if (QTest::currentTestFailed())
        return;
    const QString nightly = m_nightly;
    const QString executionId = m_executionId;

    MainWindow::Options options;
    options.persistSettings = false;
    options.themes = m_themes.get();
    QStringList made;
    const auto shoot = [&](QWidget *widget, const QString &name) {
        QApplication::processEvents();
        const QString file = dir + u'/' + name + QStringLiteral(".png");
        made << file;
        return widget->grab().save(file);
    };
    for (const ThemeManager::Mode mode : {ThemeManager::Mode::Light, ThemeManager::Mode::Dark}) {
        m_themes->setMode(mode, ThemeManager::Persist::No);
        const QString theme = QStringLiteral("theme-") + ThemeManager::modeName(mode);
        for (const QString &language :
             {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
            QVERIFY(m_languages->setLanguage(language, LanguageManager::Persist::No));
            MainWindow window(m_languages.get(), m_connection.get(), options);
            window.resize(1280, 800);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QTRY_VERIFY_WITH_TIMEOUT(
                !window.findChild<QLabel *>(QStringLiteral("dashboard.version"))
                     ->text()
                     .startsWith(u'—'),
                15000);
            QVERIFY(shoot(&window, theme + QStringLiteral("-dashboard-") + language));

            window.selectSection(QStringLiteral("flows"));
            auto *page = window.findChild<FlowsPage *>(QStringLiteral("page.flows"));
            QTRY_VERIFY_WITH_TIMEOUT(page->isStarted(), 15000);
            QTRY_COMPARE(page->listModel()->rowCount(), 3);
            page->listView()->selectRow(page->listModel()->rowOf(nightly));
            QVERIFY(shoot(&window, theme + QStringLiteral("-flows-") + language));

            page->openFlow(nightly);
            FlowEditorPage *editor = page->editorPage();
            QTRY_VERIFY(editor->isOpen() && !editor->isLoading());
            QTRY_VERIFY(!editor->model()->catalogue().isEmpty());
            editor->editor()->autoLayout();
            QTRY_VERIFY(!editor->editor()->isLayingOut());
            editor->editor()->scene()->selectNodes({QStringLiteral("wait-for-bank")});
            QVERIFY(shoot(&window, theme + QStringLiteral("-editor-") + language));
            editor->discard();
            page->showList();

            QVERIFY(window.openInSection(QStringLiteral("executions"), executionId));
            auto *executions =
                window.findChild<ExecutionsPage *>(QStringLiteral("page.executions"));
            QVERIFY(executions);
            ExecutionViewer *viewer = executions->viewer();
            QTRY_VERIFY_WITH_TIMEOUT(
                viewer->feed()->connection() == ExecutionFeed::Connection::Ended, 20000);
            QVERIFY(shoot(&window, theme + QStringLiteral("-execution-") + language));

            window.selectSection(QStringLiteral("credentials"));
            QVERIFY(shoot(&window, theme + QStringLiteral("-empty-") + language));

            bool about = false;
            DialogSeam::setNextHandler([&](QDialog *dialog) {
                dialog->show();
                if (QTest::qWaitForWindowExposed(dialog))
                    about = shoot(dialog, theme + QStringLiteral("-about-") + language);
                return int(QDialog::Rejected);
            });
            window.findChild<QAction *>(QStringLiteral("action.about"))->trigger();
            QVERIFY(about);

            // The View menu with its Theme submenu open.
            auto *viewMenu = window.findChild<QMenu *>(QStringLiteral("menuView"));
            auto *themeMenu = window.findChild<QMenu *>(QStringLiteral("menuTheme"));
            QVERIFY(viewMenu && themeMenu);
            viewMenu->popup(window.mapToGlobal(QPoint(40, 20)));
            QVERIFY(QTest::qWaitForWindowExposed(viewMenu));
            themeMenu->popup(viewMenu->geometry().topRight());
            QVERIFY(QTest::qWaitForWindowExposed(themeMenu));
            {
                QApplication::processEvents();
                const QRect both = viewMenu->geometry().united(themeMenu->geometry());
                QPixmap picture(both.size());
                picture.fill(QApplication::palette().color(QPalette::Window));
                QPainter painter(&picture);
                painter.drawPixmap(viewMenu->geometry().topLeft() - both.topLeft(),
                                   viewMenu->grab());
                painter.drawPixmap(themeMenu->geometry().topLeft() - both.topLeft(),
                                   themeMenu->grab());
                painter.end();
                const QString file = dir + QStringLiteral("/") + theme + QStringLiteral("-menu-") +
                                     language + QStringLiteral(".png");
                made << file;
                QVERIFY(picture.save(file));
            }
            themeMenu->hide();
            viewMenu->hide();

            // A short window: the sidebar scrolls, with the themed scrollbar.
            if (language == QLatin1String("en")) {
                window.selectSection(QStringLiteral("dashboard"));
                window.resize(1000, 420);
                QTRY_COMPARE(window.size(), QSize(1000, 420));
                auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
                QTRY_VERIFY(navigation->verticalScrollBar()->isVisible());
                QVERIFY(shoot(&window, theme + QStringLiteral("-short-") + language));
            }
        }
    }
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    qInfo().noquote() << "saved" << made.join(QStringLiteral(", "));
}

QTEST_MAIN(TestTheme)
#include "TestTheme.moc"
