// The console on a data directory a real hivemind-server already uses: its
// own server is refused, it offers the running one, and connects to it.

#include "ServerProcess.h"
#include "connection/ServerConnection.h"
#include "hivemind/Version.h"
#include "server/runtime/DataDirectoryLock.h"
#include "shell/LanguageManager.h"
#include "shell/MainWindow.h"

#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using hm::app::LanguageManager;
using hm::app::MainWindow;
using hm::app::ServerConnection;
using hm::server::DataDirectoryLock;
using hm::test::ServerProcess;

class TestDataDirInUse : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void connectsToTheRunningServer();
    void cancelKeepsTheFailureTranslated();
    void rendersInEveryLanguage_data();
    void rendersInEveryLanguage();
    void withoutAnAddressOnlyExplains();

private:
    QMessageBox *dialog() const
    {
        return m_window->findChild<QMessageBox *>(QStringLiteral("dataDirInUseDialog"));
    }

    QTemporaryDir m_dataDir;
    QTemporaryDir m_configDir;
    std::unique_ptr<ServerProcess> m_server;
    QUrl m_serverUrl;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<ServerConnection> m_connection;
    std::unique_ptr<MainWindow> m_window;
};

void TestDataDirInUse::initTestCase()
{
    QVERIFY(m_configDir.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_configDir.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HiveMindTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestDataDirInUse"));
    QVERIFY(m_dataDir.isValid());

    m_server = std::make_unique<ServerProcess>(m_dataDir.path());
    m_serverUrl = m_server->start();
    QVERIFY2(!m_serverUrl.isEmpty(), m_server->standardError().constData());
    // The console's key: it must not matter, the directory is refused first.
    qputenv("HIVEMIND_MASTER_KEY", hm::test::randomMasterKeyBase64());

    m_languages = std::make_unique<LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestDataDirInUse::init()
{
    ServerConnection::Options options;
    options.dataDir = m_dataDir.path();
    options.useKeychain = false;
    m_connection = std::make_unique<ServerConnection>(options);
    MainWindow::Options windowOptions;
    windowOptions.persistSettings = false;
    m_window = std::make_unique<MainWindow>(m_languages.get(), m_connection.get(), windowOptions);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestDataDirInUse::cleanup()
{
    m_window.reset();
    m_connection.reset();
    // The running server was never disturbed.
    QCOMPARE(m_server->process().state(), QProcess::Running);
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestDataDirInUse::cleanupTestCase()
{
    m_server.reset();
    m_languages.reset();
}

void TestDataDirInUse::connectsToTheRunningServer()
{
    m_connection->start();
    QTRY_VERIFY_WITH_TIMEOUT(dialog(), 15000);
    QMessageBox *box = dialog();
    QVERIFY(box->isVisible());
    QCOMPARE(m_connection->state(), ServerConnection::State::Failed);
    QCOMPARE(m_connection->errorCode(), QStringLiteral("DATA_DIR_IN_USE"));
    QVERIFY2(box->text().contains(QDir::toNativeSeparators(m_dataDir.path())),
             qPrintable(box->text()));
    QVERIFY2(box->text().contains(QString::number(m_server->process().processId())),
             qPrintable(box->text()));
    QVERIFY2(box->informativeText().contains(m_serverUrl.toString()),
             qPrintable(box->informativeText()));

    auto *connect = box->findChild<QPushButton *>(QStringLiteral("dataDirInUse.connect"));
    QVERIFY(connect);
    QCOMPARE(box->defaultButton(), connect);
    QTest::mouseClick(connect, Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), ServerConnection::State::Connected, 15000);
    QVERIFY(!m_connection->isLocal());
    QCOMPARE(m_connection->baseUrl(), m_serverUrl);
    QCOMPARE(m_connection->info().version, QString::fromLatin1(hm::version::kVersion));
    auto *status = m_window->findChild<QLabel *>(QStringLiteral("connectionStatus"));
    QVERIFY(status);
    QTRY_COMPARE(status->text(), QStringLiteral("Connected to ") + m_serverUrl.toString());
    auto *mode = m_window->findChild<QLabel *>(QStringLiteral("dashboard.mode"));
    QVERIFY(mode);
    QVERIFY2(mode->text().startsWith(QLatin1String("Shared")), qPrintable(mode->text()));
    QTRY_VERIFY(!dialog());
}

void TestDataDirInUse::cancelKeepsTheFailureTranslated()
{
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    m_connection->start();
    QTRY_VERIFY_WITH_TIMEOUT(dialog(), 15000);
    QMessageBox *box = dialog();
    QCOMPARE(box->windowTitle(), QStringLiteral("資料目錄使用中"));
    QVERIFY2(box->text().contains(QStringLiteral("正在使用資料目錄")), qPrintable(box->text()));

    auto *cancel = box->findChild<QPushButton *>(QStringLiteral("dataDirInUse.cancel"));
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY(!dialog());
    QCOMPARE(m_connection->state(), ServerConnection::State::Failed);
    QVERIFY(m_connection->isLocal());
    auto *status = m_window->findChild<QLabel *>(QStringLiteral("connectionStatus"));
    QVERIFY(status);
    // The failure in the current language, not the server's English
    // message, and again in the next language chosen.
    QCOMPARE(status->text(), QStringLiteral("伺服器失敗：另一個 HiveMind 伺服器正在使用資料目錄 ") +
                                 QDir::toNativeSeparators(m_dataDir.path()));
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_VERIFY2(status->text().contains(QStringLiteral("另一个 HiveMind 服务器正在使用数据目录")),
                 qPrintable(status->text()));
}

// The offer in each language: its buttons carry translated text, the
// dialog is wide enough for its text, and with HIVEMIND_SCREENSHOT_DIR set
// it is saved as data-dir-in-use-<lang>.png for review.
void TestDataDirInUse::rendersInEveryLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("connectText");
    QTest::addColumn<QString>("cancelText"); // Qt's own translation
    QTest::newRow("en") << "en"
                        << "&Connect"
                        << "&Cancel";
    QTest::newRow("zh_TW") << "zh_TW"
                           << "連線(&C)"
                           << "取消";
    QTest::newRow("zh_CN") << "zh_CN"
                           << "连接(&C)"
                           << "取消";
}

void TestDataDirInUse::rendersInEveryLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, connectText);
    QFETCH(QString, cancelText);
    QVERIFY(m_languages->setLanguage(language, LanguageManager::Persist::No));
    m_connection->start();
    QTRY_VERIFY_WITH_TIMEOUT(dialog(), 15000);
    QMessageBox *box = dialog();
    auto *connect = box->findChild<QPushButton *>(QStringLiteral("dataDirInUse.connect"));
    QVERIFY(connect);
    QCOMPARE(connect->text(), connectText);
    QVERIFY(box->width() >= box->sizeHint().width());
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(box->grab().save(dir + QStringLiteral("/data-dir-in-use-%1.png").arg(language)));
    auto *cancel = box->findChild<QPushButton *>(QStringLiteral("dataDirInUse.cancel"));
    QVERIFY(cancel);
    QCOMPARE(cancel->text().remove(u'&'), cancelText.remove(u'&'));
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY(!dialog());
}

// A holder that has not published its address (still starting): nothing
// to connect to, the dialog only explains. Last: it removes the server's file.
void TestDataDirInUse::withoutAnAddressOnlyExplains()
{
    QVERIFY(QFile::remove(DataDirectoryLock::serverUrlFilePath(m_dataDir.path())));
    m_connection->start();
    QTRY_VERIFY_WITH_TIMEOUT(dialog(), 15000);
    QMessageBox *box = dialog();
    QVERIFY(!box->findChild<QPushButton *>(QStringLiteral("dataDirInUse.connect")));
    auto *close = box->findChild<QPushButton *>(QStringLiteral("dataDirInUse.close"));
    QVERIFY(close);
    QVERIFY2(box->informativeText().contains(QLatin1String("--data-dir")),
             qPrintable(box->informativeText()));
    QTest::mouseClick(close, Qt::LeftButton);
    QTRY_VERIFY(!dialog());
    QCOMPARE(m_connection->state(), ServerConnection::State::Failed);
}

QTEST_MAIN(TestDataDirInUse)
#include "TestDataDirInUse.moc"
