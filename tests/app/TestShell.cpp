// The console shell's defects found trying it as a new user would (issue 12,
// item 8): Qt's own strings translated, server errors in the user's language
// with the server's words only as detail, the data directory shown absolute,
// the first window fitting the screen, balanced placeholder lines, the About
// dialog and the credential vault's name.

#include "common/Error.h"
#include "connection/ServerConnection.h"
#include "server/runtime/DataDirectoryLock.h"
#include "shell/AboutDialog.h"
#include "shell/CommandLine.h"
#include "shell/LanguageManager.h"
#include "shell/MainWindow.h"
#include "widgets/BalancedLabel.h"
#include "widgets/MessageBox.h"
#include "widgets/ServerErrorText.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextLayout>
#include <QtTest>

using hm::app::LanguageManager;
using hm::app::MainWindow;

namespace {

// The lines `text` wraps into at `width`, as strings.
QStringList wrappedLines(const QFont &font, const QString &text, int width)
{
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    QStringList lines;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

} // namespace

class TestShell : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void qtStandardButtonsAreTranslated();
    void knownErrorCodesAreTranslated();
    void everyErrorCodeHasASentence();
    void retryOnlyWhereItHelps();
    void failedStartOffersRetry();
    void relativeDataDirIsShownAbsolute();
    void initialWindowFitsTheScreen();
    void restoredGeometryIsClamped();
    void placeholderLinesAreBalanced();
    void aboutShowsTheFlatLogo();
    void credentialsAreCalledCredentials();

private:
    QTemporaryDir m_configDir;
    std::unique_ptr<LanguageManager> m_languages;
};

void TestShell::initTestCase()
{
    QVERIFY(m_configDir.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_configDir.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HiveMindTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestShell"));
    QSettings().clear();
    m_languages = std::make_unique<LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestShell::cleanup()
{
    hm::app::DialogSeam::setNextHandler({});
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestShell::qtStandardButtonsAreTranslated()
{
    // Qt's catalogues (qtbase_zh_*.qm, Debian qt6-translations-l10n) are
    // loaded with the console's and switched at run time.
    QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Ok)->text(), QStringLiteral("OK"));

    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(box.button(QDialogButtonBox::Ok)->text(), QStringLiteral("確定"));
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("取消"));

    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_COMPARE(box.button(QDialogButtonBox::Ok)->text(), QStringLiteral("确定"));

    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_COMPARE(box.button(QDialogButtonBox::Ok)->text(), QStringLiteral("OK"));
}

void TestShell::knownErrorCodesAreTranslated()
{
    const QString serverWords = QStringLiteral("database is locked");
    QCOMPARE(describeApiError(hm::Error{hm::ErrorCode::DbBusy, serverWords, {}}),
             QStringLiteral("the server's database is busy; try again in a moment"));

    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    const QString sentence = describeApiError(hm::Error{hm::ErrorCode::DbBusy, serverWords, {}});
    QVERIFY2(sentence.contains(QStringLiteral("数据库")), qPrintable(sentence));
    QVERIFY2(!sentence.contains(serverWords), qPrintable(sentence));
    // The same through the connection's failure text (code names on the wire).
    const QString connection =
        describeServerError(QStringLiteral("MAINTENANCE_MODE"), QStringLiteral("maintenance"), {});
    QVERIFY2(connection.contains(QStringLiteral("维护")), qPrintable(connection));
    // The server's words stay available as detail.
    QCOMPARE(serverErrorDetail(QStringLiteral("DB_BUSY"), serverWords),
             QStringLiteral("DB_BUSY: database is locked"));
    // An unknown code has no sentence: the server's words are all there is.
    QCOMPARE(describeServerError(QStringLiteral("NEW_IN_A_LATER_SERVER"), serverWords, {}),
             serverWords);
}

void TestShell::everyErrorCodeHasASentence()
{
    // In English the sentence is never the server's message or code.
    const QString marker = QStringLiteral("raw server message");
    for (int i = 0; i <= static_cast<int>(hm::ErrorCode::Conflict); ++i) {
        const auto code = static_cast<hm::ErrorCode>(i);
        const QString text = describeApiError(hm::Error{code, marker, {}});
        QVERIFY2(!text.contains(marker), qPrintable(hm::errorCodeName(code)));
        QVERIFY2(!text.isEmpty(), qPrintable(hm::errorCodeName(code)));
    }
    // ... and in Chinese it is translated (no Latin sentence left).
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    for (int i = 0; i <= static_cast<int>(hm::ErrorCode::Conflict); ++i) {
        const auto code = static_cast<hm::ErrorCode>(i);
        const QString text = describeApiError(hm::Error{code, marker, {}});
        QVERIFY2(!text.contains(QLatin1String("the ")) && !text.contains(QLatin1String("you ")),
                 qPrintable(hm::errorCodeName(code) + QStringLiteral(": ") + text));
    }
}

void TestShell::retryOnlyWhereItHelps()
{
    QVERIFY(isRetryableError(QStringLiteral("NETWORK_ERROR")));
    QVERIFY(isRetryableError(QStringLiteral("SERVICE_UNAVAILABLE")));
    QVERIFY(!isRetryableError(QStringLiteral("INVALID_CREDENTIALS")));
    QVERIFY(!isRetryableError(QStringLiteral("DB_KEY_INVALID")));
}

void TestShell::failedStartOffersRetry()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(key.begin(), key.end());
    qputenv("HIVEMIND_MASTER_KEY", key.toBase64());
    QTemporaryDir data;
    QVERIFY(data.isValid());
    // Somebody else holds the data directory: the local server cannot start.
    auto lock = std::make_unique<hm::server::DataDirectoryLock>(data.path());
    QVERIFY(lock->acquire().ok());

    hm::app::ServerConnection::Options connectionOptions;
    connectionOptions.dataDir = data.path();
    connectionOptions.useKeychain = false;
    connectionOptions.refreshIntervalMs = 0;
    hm::app::ServerConnection connection(connectionOptions);
    MainWindow::Options options;
    options.persistSettings = false;
    MainWindow window(m_languages.get(), &connection, options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    connection.start();
    QTRY_VERIFY_WITH_TIMEOUT(connection.state() == hm::app::ServerConnection::State::Failed, 15000);

    auto *status = window.findChild<QLabel *>(QStringLiteral("connectionStatus"));
    auto *retry = window.findChild<QPushButton *>(QStringLiteral("status.retry"));
    QVERIFY(status && retry);
    // In the user's language, the server's own words only on hover.
    QTRY_VERIFY2(status->text().contains(QStringLiteral("另一个 HiveMind 服务器")),
                 qPrintable(status->text()));
    QVERIFY2(status->toolTip().startsWith(QLatin1String("DATA_DIR_IN_USE")),
             qPrintable(status->toolTip()));
    QVERIFY(retry->isVisible());
    QCOMPARE(retry->text(), QStringLiteral("重试"));
    if (auto *box = window.findChild<QMessageBox *>(QStringLiteral("dataDirInUseDialog")))
        box->close();

    // The other server is gone: Retry starts the local one.
    lock.reset();
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(connection.state() == hm::app::ServerConnection::State::Connected,
                             15000);
    QVERIFY(!retry->isVisible());
    QVERIFY(status->toolTip().isEmpty());
}

void TestShell::relativeDataDirIsShownAbsolute()
{
    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(work.path()));
    const auto restore = qScopeGuard([&] { QDir::setCurrent(previous); });

    const QString expected = QDir::cleanPath(QDir(work.path()).filePath(QStringLiteral("hm")));
    const auto options = hm::app::parseCommandLine(
        {QStringLiteral("hivemind"), QStringLiteral("--data-dir"), QStringLiteral("x/../hm/")});
    QVERIFY(options);
    QCOMPARE(options->dataDir, expected);
    QCOMPARE(hm::app::absoluteDataDir(QStringLiteral("./hm")), expected);

    // Whatever a caller passes, the connection (and the Dashboard, which
    // shows its dataDir()) has it absolute.
    hm::app::ServerConnection connection({QStringLiteral("x/../hm/"), false});
    QCOMPARE(connection.dataDir(), expected);
    QVERIFY(QDir::isAbsolutePath(connection.dataDir()));
}

void TestShell::initialWindowFitsTheScreen()
{
    // 1400x900 at QT_SCALE_FACTOR=2 is 700x450 device-independent pixels,
    // less a 30 px panel; a title bar of 28 and borders of 1 around.
    const QRect available(0, 30, 700, 420);
    const QMargins frame(1, 28, 1, 1);
    const QRect geometry =
        MainWindow::initialGeometry(available, MainWindow::kDefaultSize, frame, QSize(560, 520));
    QVERIFY2(available.contains(geometry.marginsAdded(frame)),
             qPrintable(QStringLiteral("%1,%2 %3x%4")
                            .arg(geometry.x())
                            .arg(geometry.y())
                            .arg(geometry.width())
                            .arg(geometry.height())));
    QCOMPARE(geometry.width(), 698);
    // A large screen: the preferred size, centred.
    const QRect large(0, 0, 2560, 1400);
    const QRect roomy = MainWindow::initialGeometry(large, MainWindow::kDefaultSize, frame);
    QCOMPARE(roomy.size(), MainWindow::kDefaultSize);
    QVERIFY(qAbs(roomy.center().x() - large.center().x()) <= 1);

    // The real window on this (offscreen) screen: frame and all inside, and
    // its minimum size does not push it out.
    MainWindow::Options options;
    options.persistSettings = false;
    hm::app::ServerConnection connection({m_configDir.filePath(QStringLiteral("data")), false});
    MainWindow window(m_languages.get(), &connection, options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QRect screen = window.screen()->availableGeometry();
    const auto describe = [](const QRect &r) {
        return QStringLiteral("%1,%2 %3x%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
    };
    QVERIFY2(screen.contains(window.frameGeometry()),
             qPrintable(describe(window.frameGeometry()) + QStringLiteral(" in ") +
                        describe(screen) + QStringLiteral(" min ") +
                        describe(QRect(QPoint(), window.minimumSizeHint()))));
    // The pages' own minimum (the dashboard's cards) does not make the
    // window taller than a 450 px screen: the window's minimum is its own.
    QVERIFY2(window.minimumSize().height() <= 400 && window.minimumSize().width() <= 640,
             qPrintable(describe(QRect(QPoint(), window.minimumSize()))));
    window.resize(600, 380);
    QTRY_COMPARE(window.size(), QSize(600, 380));
}

void TestShell::restoredGeometryIsClamped()
{
    const QRect available(0, 0, 700, 450);
    // Saved on a big screen: shrunk and moved back inside.
    const QRect fitted =
        MainWindow::fitGeometry(QRect(900, 600, 1200, 800), available, QMargins(1, 28, 1, 1));
    QVERIFY(available.contains(fitted.marginsAdded(QMargins(1, 28, 1, 1))));
    // Already inside: untouched.
    QCOMPARE(MainWindow::fitGeometry(QRect(10, 40, 300, 200), available, QMargins(1, 28, 1, 1)),
             QRect(10, 40, 300, 200));
}

void TestShell::placeholderLinesAreBalanced()
{
    const QFont font = QApplication::font();
    const QString text = QStringLiteral(
        "Operators and service accounts with their roles, two-factor sign-in and API keys.");
    // A width at which the last line holds a single word.
    const QFontMetrics metrics(font);
    const int lastWord = metrics.horizontalAdvance(QStringLiteral(" keys."));
    const int width = metrics.horizontalAdvance(text) - lastWord + 2;
    QStringList lines = wrappedLines(font, text, width);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.last(), QStringLiteral("keys."));

    const int balanced = hm::app::balancedWrapWidth(font, text, width);
    QVERIFY(balanced < width);
    lines = wrappedLines(font, text, balanced);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.last().count(u' ') >= 3, qPrintable(lines.join(u'|')));

    // The label does it by itself.
    hm::app::BalancedLabel label;
    label.setText(text);
    label.resize(width, 100);
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    QTRY_VERIFY(label.contentsRect().width() < width);
    QCOMPARE(wrappedLines(font, text, label.contentsRect().width()).size(), 2);
}

void TestShell::aboutShowsTheFlatLogo()
{
    MainWindow::Options options;
    options.persistSettings = false;
    hm::app::ServerConnection connection({m_configDir.filePath(QStringLiteral("data")), false});
    MainWindow window(m_languages.get(), &connection, options);
    bool shown = false;
    hm::app::DialogSeam::setNextHandler([&shown](QDialog *dialog) {
        shown = true;
        [&] {
            QCOMPARE(dialog->objectName(), QStringLiteral("aboutDialog"));
            auto *logo = dialog->findChild<QLabel *>(QStringLiteral("about.logo"));
            QVERIFY(logo);
            const QPixmap pixmap = logo->pixmap();
            QVERIFY(!pixmap.isNull());
            // The flat logo: the amber hexagon at its centre.
            const QColor centre =
                pixmap.toImage().pixelColor(pixmap.width() / 2, pixmap.height() * 3 / 4);
            QVERIFY2(centre.red() > 200 && centre.blue() < 100, qPrintable(centre.name()));
            auto *title = dialog->findChild<QLabel *>(QStringLiteral("about.title"));
            QVERIFY(title && title->text().startsWith(QLatin1String("HiveMind ")));
        }();
        return int(QDialog::Rejected);
    });
    window.findChild<QAction *>(QStringLiteral("action.about"))->trigger();
    QVERIFY(shown);
}

void TestShell::credentialsAreCalledCredentials()
{
    // 憑證/凭据 (what operators call a stored secret), not 認證/认证
    // ("authentication"); the seed's term stays in the description.
    MainWindow::Options options;
    options.persistSettings = false;
    hm::app::ServerConnection connection({m_configDir.filePath(QStringLiteral("data")), false});
    MainWindow window(m_languages.get(), &connection, options);
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(navigation);
    QListWidgetItem *credentials = navigation->item(5);
    QCOMPARE(credentials->data(Qt::UserRole).toString(), QStringLiteral("credentials"));

    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(credentials->text(), QStringLiteral("憑證"));
    QVERIFY2(credentials->toolTip().contains(QStringLiteral("認證資訊")),
             qPrintable(credentials->toolTip()));
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_COMPARE(credentials->text(), QStringLiteral("凭据"));
    QVERIFY2(credentials->toolTip().contains(QStringLiteral("认证信息")),
             qPrintable(credentials->toolTip()));
}

QTEST_MAIN(TestShell)
#include "TestShell.moc"
