// The Settings section (issue 12, item 5) against a real hivemind-server:
// a change of the system configuration is saved and read back, a value the
// server refuses shows the server's error at its field and changes nothing
// stored, non-admins see the configuration read-only with the reason, the
// console preferences (language, theme, profiles, absolute data location)
// and a language switch.

#include "OperationsTestSupport.h"
#include "operations/SettingsPage.h"
#include "shell/LanguageManager.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QtTest>
#include <memory>

using namespace hm::test;
using hm::app::SettingsPage;

namespace {
const QString kPassword = QStringLiteral("Str0ng!Passw0rd");
}

class TestSettingsPanel : public QObject, private ConsoleFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void changeIsSavedAndReadBack();
    void refusedValueShowsAtItsFieldAndNothingChanges();
    void viewerSeesItReadOnly();
    void consolePreferences();
    void backupScheduleIsSavedAndReadBack();
    void backupTimesFollowTheSchedule();
    void languageSwitch();

private:
    void showPage(hm::client::ApiClient *client, const QString &role = QStringLiteral("admin"))
    {
        m_page = std::make_unique<SettingsPage>();
        hm::test::styleAsConsole(m_page.get());
        m_page->resize(1200, 760);
        m_page->setLanguages({{QStringLiteral("en"), QStringLiteral("English")},
                              {QStringLiteral("zh_TW"), QStringLiteral("繁體中文")},
                              {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}},
                             m_languages->currentLanguage());
        m_page->setProfiles({QStringLiteral("Staging — https://staging.example.com:8443")});
        m_page->setDataDirectory(m_dir.path());
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_page->setClient(client, role);
    }
    template <typename T> T *field(const QString &path) const
    {
        return m_page->findChild<T *>(QStringLiteral("settings.field.") + path);
    }
    QLabel *error(const QString &path) const
    {
        return m_page->findChild<QLabel *>(QStringLiteral("settings.error.") + path);
    }
    QPushButton *saveButton() const
    {
        return m_page->findChild<QPushButton *>(QStringLiteral("settings.save"));
    }
    bool loaded() const
    {
        return QTest::qWaitFor([this] { return !m_page->config().isEmpty(); }, 20000);
    }
    QJsonObject stored() { return m_http->get("/api/v1/system/config", m_admin).data(); }

    std::unique_ptr<SettingsPage> m_page;
};

void TestSettingsPanel::initTestCase()
{
    const QString started = startConsole(QStringLiteral("TestSettingsPanel"));
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestSettingsPanel::cleanup()
{
    m_page.reset();
}

void TestSettingsPanel::changeIsSavedAndReadBack()
{
    showPage(&m_client);
    QVERIFY(loaded());
    QTRY_VERIFY(field<QLineEdit>("site_name")->isEnabled());
    QCOMPARE(field<QLineEdit>("site_name")->text(), stored().value("site_name").toString());
    QVERIFY(!saveButton()->isEnabled()); // nothing changed yet

    field<QLineEdit>("site_name")->setText(QStringLiteral("Ops Lab"));
    emit field<QLineEdit>("site_name")->textEdited(QStringLiteral("Ops Lab"));
    field<QSpinBox>("security.max_login_attempts")->setValue(7);
    field<QCheckBox>("password_policy.require_symbols")->setChecked(true);
    // Private networks: whatever the server holds now, the other way.
    const bool privateBefore =
        stored().value("security").toObject().value("allow_private_networks").toBool();
    QCOMPARE(field<QCheckBox>("security.allow_private_networks")->isChecked(), privateBefore);
    field<QCheckBox>("security.allow_private_networks")->setChecked(!privateBefore);
    const QJsonObject patch = m_page->changes();
    QCOMPARE(patch.value("site_name").toString(), QStringLiteral("Ops Lab"));
    QCOMPARE(patch.value("security").toObject().value("max_login_attempts").toInt(), 7);
    QVERIFY(!patch.contains("timezone")); // only what changed is sent
    QVERIFY(saveButton()->isEnabled());
    QSignalSpy saved(m_page.get(), &SettingsPage::saved);
    saveButton()->click();
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.first().first().toBool(), true);
    QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("settings.status"))->text(),
             QStringLiteral("Saved."));
    // Said again after a language switch (it stayed in English).
    QVERIFY(
        m_languages->setLanguage(QStringLiteral("zh_TW"), hm::app::LanguageManager::Persist::No));
    QTRY_COMPARE(m_page->findChild<QLabel *>(QStringLiteral("settings.status"))->text(),
                 QCoreApplication::translate("hm::app::SettingsPage", "Saved."));
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("settings.status"))->text() !=
            QStringLiteral("Saved."));
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));

    const QJsonObject now = stored();
    QCOMPARE(now.value("site_name").toString(), QStringLiteral("Ops Lab"));
    QCOMPARE(now.value("security").toObject().value("max_login_attempts").toInt(), 7);
    QCOMPARE(now.value("password_policy").toObject().value("require_symbols").toBool(), true);
    QCOMPARE(now.value("security").toObject().value("allow_private_networks").toBool(),
             !privateBefore);
    // A new page reads it back.
    showPage(&m_client);
    QVERIFY(loaded());
    QCOMPARE(field<QLineEdit>("site_name")->text(), QStringLiteral("Ops Lab"));
    QCOMPARE(field<QSpinBox>("security.max_login_attempts")->value(), 7);
    QVERIFY(hm::test::screenshot(m_page.get(), QStringLiteral("settings-system-en")));
}

void TestSettingsPanel::refusedValueShowsAtItsFieldAndNothingChanges()
{
    const QJsonObject before = stored();
    showPage(&m_client);
    QVERIFY(loaded());
    QTRY_VERIFY(field<QComboBox>("timezone")->isEnabled());
    // A time zone only the server can tell is unknown, with a valid change.
    field<QComboBox>("timezone")->setCurrentText(QStringLiteral("Mars/Olympus_Mons"));
    field<QSpinBox>("api_rate_limit")->setValue(4321);
    QVERIFY(!error(QStringLiteral("timezone"))->isVisible());
    QSignalSpy saved(m_page.get(), &SettingsPage::saved);
    saveButton()->click();
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.first().first().toBool(), false);
    QLabel *timezoneError = error(QStringLiteral("timezone"));
    QVERIFY(timezoneError->isVisible());
    QVERIFY(!timezoneError->text().isEmpty());
    QVERIFY(!error(QStringLiteral("api_rate_limit"))->isVisible());
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("settings.status"))
                ->text()
                .contains(QLatin1String("nothing was saved")));
    // The server's own words: what PUT answers for that value.
    const Answer direct =
        m_http->json("PUT", "/api/v1/system/config", {{"timezone", "Mars/Olympus_Mons"}}, m_admin);
    QCOMPARE(direct.status, 422);
    const QJsonObject details = direct.body.value("error").toObject().value("details").toObject();
    QCOMPARE(timezoneError->text(),
             details.value("errors").toArray().first().toObject().value("message").toString());
    QCOMPARE(stored(), before);
    // The form keeps what was typed.
    QCOMPARE(field<QSpinBox>("api_rate_limit")->value(), 4321);
    QVERIFY(hm::test::screenshot(m_page.get(), QStringLiteral("settings-system-error-en")));
    // Correcting the value hides its error.
    field<QComboBox>("timezone")->setCurrentText(QStringLiteral("Asia/Taipei"));
    QVERIFY(!timezoneError->isVisible());

    // An empty site name is refused as typed: Save is off.
    field<QLineEdit>("site_name")->setText(QStringLiteral("  "));
    emit field<QLineEdit>("site_name")->textEdited(QStringLiteral("  "));
    QVERIFY(error(QStringLiteral("site_name"))->isVisible());
    QVERIFY(!saveButton()->isEnabled());
}

void TestSettingsPanel::viewerSeesItReadOnly()
{
    const ApiUser viewer =
        createApiUser(*m_http, m_admin, QStringLiteral("settingsviewer"), kPassword, "viewer");
    QCOMPARE(viewer.status, 201);
    hm::client::ApiClient client;
    const QString signedIn =
        signInAs(client, m_http->base(), QStringLiteral("settingsviewer"), kPassword);
    QVERIFY2(signedIn.isEmpty(), qPrintable(signedIn));
    showPage(&client, QStringLiteral("viewer"));
    QVERIFY(loaded());
    // It reads the configuration, but may change nothing, and says why.
    QCOMPARE(field<QLineEdit>("site_name")->text(), stored().value("site_name").toString());
    for (QWidget *w : std::initializer_list<QWidget *>{
             field<QLineEdit>("site_name"), field<QComboBox>("timezone"),
             field<QSpinBox>("security.lockout_duration"),
             field<QCheckBox>("password_policy.require_numbers"),
             field<QComboBox>("backup_weekday"), saveButton()}) {
        QVERIFY(!w->isEnabled());
        QVERIFY2(w->toolTip().contains(QLatin1String("Only administrators")),
                 qPrintable(w->toolTip()));
    }
    auto *note = m_page->findChild<QLabel *>(QStringLiteral("settings.readOnlyNote"));
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(QLatin1String("viewer")));
    QVERIFY(hm::test::screenshot(m_page.get(), QStringLiteral("settings-readonly-en")));

    // Forced (the console believes it is an admin): the 403 is explained.
    m_page->setClient(&client, QStringLiteral("admin"));
    QVERIFY(loaded());
    QTRY_VERIFY(field<QLineEdit>("site_name")->isEnabled());
    field<QLineEdit>("site_name")->setText(QStringLiteral("Viewer was here"));
    emit field<QLineEdit>("site_name")->textEdited(QStringLiteral("Viewer was here"));
    QSignalSpy saved(m_page.get(), &SettingsPage::saved);
    saveButton()->click();
    QTRY_COMPARE(saved.size(), 1);
    const QString status = m_page->findChild<QLabel *>(QStringLiteral("settings.status"))->text();
    QVERIFY2(status.contains(QLatin1String("only administrators may change the system "
                                           "configuration")),
             qPrintable(status));
    QVERIFY(stored().value("site_name").toString() != QLatin1String("Viewer was here"));
}

void TestSettingsPanel::consolePreferences()
{
    showPage(&m_client);
    m_page->findChild<QTabWidget *>(QStringLiteral("settings.tabs"))->setCurrentIndex(1);
    auto *language = m_page->findChild<QComboBox *>(QStringLiteral("settings.language"));
    QCOMPARE(language->currentData().toString(), QStringLiteral("en"));
    QSignalSpy requested(m_page.get(), &SettingsPage::languageRequested);
    emit language->activated(language->findData(QStringLiteral("zh_TW")));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toString(), QStringLiteral("zh_TW"));
    // The theme row: light, dark, follow the system; a choice is asked of
    // the shell (TestTheme checks that it applies and follows View > Theme).
    auto *theme = m_page->findChild<QComboBox *>(QStringLiteral("settings.theme"));
    QVERIFY(theme);
    QCOMPARE(theme->count(), 3);
    QSignalSpy themeRequested(m_page.get(), &SettingsPage::themeRequested);
    emit theme->activated(1);
    QCOMPARE(themeRequested.size(), 1);
    QCOMPARE(themeRequested.first().first().toString(), QStringLiteral("dark"));
    m_page->setCurrentTheme(QStringLiteral("system"));
    QCOMPARE(theme->currentText(), QStringLiteral("Follow the system"));
    // Profiles are listed, read-only, with where to edit them.
    auto *profiles = m_page->findChild<QListWidget *>(QStringLiteral("settings.profiles"));
    QCOMPARE(profiles->count(), 2);
    QVERIFY(profiles->item(1)->text().contains(QLatin1String("staging.example.com")));
    QCOMPARE(profiles->selectionMode(), QAbstractItemView::NoSelection);
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("settings.profilesHint"))
                ->text()
                .contains(QLatin1String("Add Server")));
    // A relative data directory is shown absolute.
    m_page->setDataDirectory(QStringLiteral("relative/data"));
    const QString shown = m_page->findChild<QLabel *>(QStringLiteral("settings.dataDir"))->text();
    QVERIFY(QDir::isAbsolutePath(QDir::fromNativeSeparators(shown)));
    QVERIFY(shown.endsWith(QDir::toNativeSeparators(QStringLiteral("relative/data"))));
    m_page->setDataDirectory(m_dir.path());
    QVERIFY(hm::test::screenshot(m_page.get(), QStringLiteral("settings-preferences-en")));
}

// Scheduled backups and retention (docs/backup.md) in the system
// configuration, with the master-key warning beside them.
void TestSettingsPanel::backupScheduleIsSavedAndReadBack()
{
    showPage(&m_client);
    QVERIFY(loaded());
    auto *schedule = field<QComboBox>("backup_schedule");
    QVERIFY(schedule);
    QTRY_VERIFY(schedule->isEnabled());
    QCOMPARE(schedule->currentData().toString(), stored().value("backup_schedule").toString());
    QCOMPARE(schedule->count(), 3);
    QCOMPARE(schedule->itemText(2), QStringLiteral("Weekly"));
    auto *weekday = field<QComboBox>("backup_weekday");
    QCOMPARE(weekday->currentData().toString(),
             QString::number(stored().value("backup_weekday").toInt()));
    auto *notice = m_page->findChild<QLabel *>(QStringLiteral("settings.backupNotice"));
    QVERIFY(notice->isVisible());
    QVERIFY(notice->text().contains(QLatin1String("useless without the master key")));

    schedule->setCurrentIndex(schedule->findData(QStringLiteral("weekly")));
    weekday->setCurrentIndex(weekday->findData(QStringLiteral("3")));
    field<QSpinBox>("backup_hour")->setValue(4);
    field<QSpinBox>("backup_retention_daily")->setValue(5);
    field<QSpinBox>("backup_retention_weekly")->setValue(8);
    const QJsonObject patch = m_page->changes();
    QCOMPARE(patch.value("backup_schedule").toString(), QStringLiteral("weekly"));
    QCOMPARE(patch.value("backup_weekday").toInt(), 3);
    QSignalSpy saved(m_page.get(), &SettingsPage::saved);
    saveButton()->click();
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.first().first().toBool(), true);
    const QJsonObject now = stored();
    QCOMPARE(now.value("backup_schedule").toString(), QStringLiteral("weekly"));
    QCOMPARE(now.value("backup_weekday").toInt(), 3);
    QCOMPARE(now.value("backup_hour").toInt(), 4);
    QCOMPARE(now.value("backup_retention_daily").toInt(), 5);
    QCOMPARE(now.value("backup_retention_weekly").toInt(), 8);

    showPage(&m_client);
    QVERIFY(loaded());
    QCOMPARE(field<QComboBox>("backup_schedule")->currentData().toString(),
             QStringLiteral("weekly"));
    QCOMPARE(field<QComboBox>("backup_weekday")->currentText(), QLocale().dayName(3));
    QCOMPARE(field<QSpinBox>("backup_retention_weekly")->value(), 8);
    // The group is at the bottom of the right column: scrolled into view.
    auto *scroll = m_page->findChild<QScrollArea *>();
    QVERIFY(scroll);
    scroll->ensureWidgetVisible(m_page->findChild<QLabel *>(QStringLiteral("settings.backupNotice")));
    QVERIFY(hm::test::screenshot(m_page.get(), QStringLiteral("settings-backups-en")));
    // Off again, so the server makes no backups during the other tests.
    QCOMPARE(m_http->json("PUT", "/api/v1/system/config", {{"backup_schedule", "off"}}, m_admin)
                 .status,
             200);
}

// The hour and the retention mean something only while scheduled backups
// are on, the weekday only for a weekly schedule: the rest cannot be edited
// and says why.
void TestSettingsPanel::backupTimesFollowTheSchedule()
{
    showPage(&m_client);
    QVERIFY(loaded());
    auto *schedule = field<QComboBox>("backup_schedule");
    QTRY_VERIFY(schedule->isEnabled());
    auto *weekday = field<QComboBox>("backup_weekday");
    auto *hour = field<QSpinBox>("backup_hour");
    auto *daily = field<QSpinBox>("backup_retention_daily");
    auto *weekly = field<QSpinBox>("backup_retention_weekly");

    schedule->setCurrentIndex(schedule->findData(QStringLiteral("off")));
    for (QWidget *editor : {static_cast<QWidget *>(weekday), static_cast<QWidget *>(hour),
                            static_cast<QWidget *>(daily), static_cast<QWidget *>(weekly)}) {
        QVERIFY2(!editor->isEnabled(), qPrintable(editor->objectName()));
        QVERIFY(!editor->toolTip().isEmpty());
    }
    QVERIFY(weekday->toolTip().contains(QLatin1String("weekly")));

    schedule->setCurrentIndex(schedule->findData(QStringLiteral("daily")));
    QVERIFY(hour->isEnabled());
    QVERIFY(daily->isEnabled());
    QVERIFY(weekly->isEnabled());
    QVERIFY(hour->toolTip().isEmpty());
    QVERIFY(!weekday->isEnabled());

    schedule->setCurrentIndex(schedule->findData(QStringLiteral("weekly")));
    QVERIFY(weekday->isEnabled());
    QVERIFY(weekday->toolTip().isEmpty());
    // A value kept from before stays what it was: nothing but the schedule
    // is in the patch.
    const QJsonObject patch = m_page->changes();
    QCOMPARE(patch.keys(), QStringList{QStringLiteral("backup_schedule")});
}

void TestSettingsPanel::languageSwitch()
{
    showPage(&m_client);
    QVERIFY(loaded());
    auto *tabs = m_page->findChild<QTabWidget *>(QStringLiteral("settings.tabs"));
    QCOMPARE(tabs->tabText(0), QStringLiteral("System configuration"));
    const QStringList languages{QStringLiteral("zh_TW"), QStringLiteral("zh_CN")};
    const QStringList titles{QStringLiteral("系統設定"), QStringLiteral("系统配置")};
    for (int i = 0; i < languages.size(); ++i) {
        QVERIFY(m_languages->setLanguage(languages.at(i), hm::app::LanguageManager::Persist::No));
        m_page->setCurrentLanguage(languages.at(i));
        QTRY_COMPARE(tabs->tabText(0), titles.at(i));
        QVERIFY(saveButton()->text() != QLatin1String("Save"));
        tabs->setCurrentIndex(0);
        QVERIFY(hm::test::screenshot(m_page.get(),
                                     QStringLiteral("settings-system-") + languages.at(i)));
        auto *scroll = m_page->findChild<QScrollArea *>();
        scroll->ensureWidgetVisible(
            m_page->findChild<QLabel *>(QStringLiteral("settings.backupNotice")));
        QVERIFY(hm::test::screenshot(m_page.get(),
                                     QStringLiteral("settings-backups-") + languages.at(i)));
        scroll->ensureVisible(0, 0);
        tabs->setCurrentIndex(1);
        QVERIFY(hm::test::screenshot(m_page.get(),
                                     QStringLiteral("settings-preferences-") + languages.at(i)));
    }
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));
    QTRY_COMPARE(tabs->tabText(0), QStringLiteral("System configuration"));
}

QTEST_MAIN(TestSettingsPanel)
#include "TestSettingsPanel.moc"
