// Settings → Retention (issue 37 items 6 and 8) against a real
// hivemind-server: the administrator saves the global history retention
// (only the changed keys; the server keeps them), applies it at once and
// sees executions beyond the limit go, the store's size, growth, free space
// and used-size chart from GET /system/storage, the warning when the disk
// is low (the server is started with a warning level above any real free
// space), and a VIEWER sees everything read-only. Screenshots in en,
// zh_TW, zh_CN.

#include "BaselineSupport.h"
#include "OperationsTestSupport.h"
#include "operations/RetentionSettingsTab.h"
#include "operations/SettingsPage.h"
#include "operations/StorageWarning.h"
#include "shell/LanguageManager.h"
#include "widgets/ThemeManager.h"

#include <QChartView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace hm::test;
using hm::app::RetentionSettingsTab;
using hm::app::SettingsPage;

namespace {

const QString kPassword = QStringLiteral("Str0ng!Passw0rd");

template <typename T> T *child(QWidget *parent, const char *name)
{
    return parent->findChild<T *>(QString::fromLatin1(name));
}

} // namespace

class TestRetentionSettings : public QObject, private ServerFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void adminSavesAndAppliesRetention();
    void lowDiskIsWarned();
    void viewerSeesItReadOnly();
    void storeFiguresSitOnTheirCaptionsBaseline();
    void screenshots();

private:
    void showSettings(hm::client::ApiClient *client, const QString &role)
    {
        m_page = std::make_unique<SettingsPage>();
        styleAsConsole(m_page.get());
        m_page->resize(1200, 860);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_page->setClient(client, role);
        auto *tabs = m_page->findChild<QTabWidget *>(QStringLiteral("settings.tabs"));
        // The tab's page is the scroll area holding it.
        tabs->setCurrentWidget(m_page->findChild<QWidget *>(QStringLiteral("settings.retentionScroll")));
    }
    RetentionSettingsTab *tab() const { return m_page->findChild<RetentionSettingsTab *>(); }
    qint64 executions(const QString &flowId)
    {
        return m_http->get("/api/v1/executions?size=1&flow_id=" + flowId, m_admin)
            .data()
            .value("pagination")
            .toObject()
            .value("total")
            .toInteger(-1);
    }

    QTemporaryDir m_config;
    std::unique_ptr<hm::app::LanguageManager> m_languages;
    hm::client::ApiClient m_client;
    std::unique_ptr<SettingsPage> m_page;
};

void TestRetentionSettings::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HiveMindTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestRetentionSettings"));
    QSettings().clear();
    m_languages = std::make_unique<hm::app::LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));
    // Executions may go as soon as they end; the warning level is above
    // any disk's free space, the reserve below it: "low", never "full".
    const QString problem =
        startServer({QStringLiteral("--retention-grace-ms"), QStringLiteral("0"),
                     QStringLiteral("--storage-reserve-mib"), QStringLiteral("1"),
                     QStringLiteral("--storage-warn-mib"), QStringLiteral("1000000")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString signedIn = signIn(m_client, m_http->base());
    QVERIFY2(signedIn.isEmpty(), qPrintable(signedIn));
}

void TestRetentionSettings::cleanup()
{
    m_page.reset();
}

void TestRetentionSettings::adminSavesAndAppliesRetention()
{
    const QString flowId = createPublishedFlow(*m_http, m_admin, QStringLiteral("kept-few"),
                                               flowDefinition({flowNode("a", "noop")}));
    QVERIFY(!flowId.isEmpty());
    for (int i = 0; i < 6; ++i)
        QCOMPARE(triggerFlow(*m_http, m_admin, flowId).status, 200);

    showSettings(&m_client, QStringLiteral("admin"));
    RetentionSettingsTab *t = tab();
    QTRY_VERIFY(!t->settings().isEmpty());
    QTRY_VERIFY(!t->storage().isEmpty());
    QCOMPARE(child<QSpinBox>(t, "retention.maxAge")->value(), 90); // the default
    QVERIFY(!child<QLabel>(t, "retention.readOnlyNote")->isVisible());
    QVERIFY(!child<QPushButton>(t, "retention.save")->isEnabled()); // nothing changed
    QVERIFY(child<QLabel>(t, "retention.databaseSize")->text().contains(QStringLiteral("B")));

    child<QSpinBox>(t, "retention.maxExecutions")->setValue(2);
    QCOMPARE(t->changes(),
             (QJsonObject{{QStringLiteral("max_executions_per_flow"), 2}})); // only that key
    QVERIFY(child<QPushButton>(t, "retention.save")->isEnabled());
    QSignalSpy saved(t, &RetentionSettingsTab::saved);
    QTest::mouseClick(child<QPushButton>(t, "retention.save"), Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.first().first().toBool(), true);
    QCOMPARE(m_http->get("/api/v1/system/config", m_admin)
                 .data()
                 .value("retention")
                 .toObject()
                 .value("max_executions_per_flow")
                 .toInt(),
             2);
    QVERIFY(m_http->get("/api/v1/audit?size=20&action=SYSTEM_CONFIG_CHANGED", m_admin)
                .data()
                .value("audit_logs")
                .toArray()
                .size() >= 1);

    QSignalSpy ran(t, &RetentionSettingsTab::ran);
    QTest::mouseClick(child<QPushButton>(t, "retention.runNow"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(ran.size(), 1, 30000);
    QCOMPARE(ran.first().first().toBool(), true);
    QVERIFY2(child<QLabel>(t, "retention.status")->text().startsWith(QStringLiteral("Removed")),
             qPrintable(child<QLabel>(t, "retention.status")->text()));
    QCOMPARE(executions(flowId), 2);
    // The pass sampled the store again: the chart has two points.
    QTRY_VERIFY(child<QChartView>(t, "retention.chart")->isVisible());
    QVERIFY(!child<QLabel>(t, "retention.chartEmpty")->isVisible());

    // Back to no count limit for the other tests.
    child<QSpinBox>(t, "retention.maxExecutions")->setValue(0);
    QTest::mouseClick(child<QPushButton>(t, "retention.save"), Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 2);
}

void TestRetentionSettings::lowDiskIsWarned()
{
    showSettings(&m_client, QStringLiteral("admin"));
    RetentionSettingsTab *t = tab();
    QTRY_VERIFY(!t->storage().isEmpty());
    QLabel *state = child<QLabel>(t, "retention.storageState");
    QVERIFY(state->isVisible());
    QVERIFY2(state->text().contains(QStringLiteral("almost full")), qPrintable(state->text()));
    QVERIFY(!child<QLabel>(t, "retention.freeSpace")->text().isEmpty());

    // The status bar's line, whatever section is shown (MainWindow holds one).
    hm::app::StorageWarning warning;
    warning.show();
    warning.setClient(&m_client);
    QTRY_COMPARE(warning.state(), QStringLiteral("low"));
    QVERIFY(warning.isVisible());
    QVERIFY2(warning.text().startsWith(QStringLiteral("Server disk almost full")),
             qPrintable(warning.text()));
    QCOMPARE(warning.objectName(), QStringLiteral("status.storage"));
}

void TestRetentionSettings::viewerSeesItReadOnly()
{
    const ApiUser viewer =
        createApiUser(*m_http, m_admin, QStringLiteral("retentionreader"), kPassword, "viewer");
    QCOMPARE(viewer.status, 201);
    hm::client::ApiClient client;
    QVERIFY(
        signInAs(client, m_http->base(), QStringLiteral("retentionreader"), kPassword).isEmpty());
    showSettings(&client, QStringLiteral("viewer"));
    RetentionSettingsTab *t = tab();
    QTRY_VERIFY(!t->storage().isEmpty()); // the figures are for everyone
    QVERIFY(child<QLabel>(t, "retention.readOnlyNote")->isVisible());
    QCOMPARE(child<QLabel>(t, "retention.readOnlyNote")->text(),
             QStringLiteral("Only administrators change history retention."));
    QVERIFY(!child<QSpinBox>(t, "retention.maxAge")->isEnabled());
    QVERIFY(!child<QPushButton>(t, "retention.save")->isEnabled());
    QVERIFY(!child<QPushButton>(t, "retention.runNow")->isEnabled());
    // The server refuses the viewer anyway.
    QCOMPARE(m_http
                 ->json("PUT", "/api/v1/system/config",
                        {{"retention", QJsonObject{{"max_age_days", 1}}}}, viewer.token)
                 .status,
             403);
}

// In Chinese the store's figures ("777 KiB" beside "資料庫檔案") sat 1 px
// above their captions: the caption's line, drawn with the taller CJK
// font, had its baseline lower (half of the fonts' difference, as both
// labels centred their text in the row). Caption and figure share a
// baseline, to the pixel, in every language.
void TestRetentionSettings::storeFiguresSitOnTheirCaptionsBaseline()
{
    showSettings(&m_client, QStringLiteral("admin"));
    RetentionSettingsTab *t = tab();
    QTRY_VERIFY(!t->storage().isEmpty());
    auto *store = child<QWidget>(t, "retention.group.store");
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_languages->setLanguage(language, hm::app::LanguageManager::Persist::No));
        // The database, used, growth and free space rows, with figures,
        // captioned in the language.
        QTRY_VERIFY(admintest::bsFormRows(store).size() >= 3);
        for (const QList<const QLabel *> &row : admintest::bsFormRows(store))
            QTRY_VERIFY2(admintest::bsTranslated(row.first(), language),
                         qPrintable(row.first()->text()));
        QTRY_VERIFY2(
            admintest::bsMisalignedFormRows(store, 0).isEmpty(),
            qPrintable(language + u' ' + admintest::bsMisalignedFormRows(store, 0).join(u"; ")));
    }
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));
}

void TestRetentionSettings::screenshots()
{
    // A pass samples the store again: the chart has a line to draw.
    QCOMPARE(m_http->send("POST", "/api/v1/system/retention/run", {}, Http::bearer(m_admin)).status,
             200);
    hm::app::ThemeManager themes;
    // Every language in the light theme, and English in the dark one.
    for (const auto &[language, dark] :
         {std::pair{QStringLiteral("en"), false}, std::pair{QStringLiteral("zh_TW"), false},
          std::pair{QStringLiteral("zh_CN"), false}, std::pair{QStringLiteral("en"), true}}) {
        QVERIFY(m_languages->setLanguage(language, hm::app::LanguageManager::Persist::No));
        themes.setMode(dark ? hm::app::ThemeManager::Mode::Dark
                            : hm::app::ThemeManager::Mode::Light,
                       hm::app::ThemeManager::Persist::No);
        const QString shot = dark ? language + QStringLiteral("-dark") : language;
        showSettings(&m_client, QStringLiteral("admin"));
        QTRY_VERIFY(!tab()->settings().isEmpty());
        QTRY_VERIFY(!tab()->storage().isEmpty());
        QVERIFY(screenshot(m_page.get(), QStringLiteral("settings-retention-") + shot));
        m_page.reset();
    }
    themes.setMode(hm::app::ThemeManager::Mode::Light, hm::app::ThemeManager::Persist::No);
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));
}

QTEST_MAIN(TestRetentionSettings)
#include "TestRetentionSettings.moc"
