// Settings › Backups (issue 37 item 8) against a real hivemind-server: the
// list (a page at a time, checked by QAbstractItemModelTester), Create with
// its progress in the task row and the status bar's text and the
// master-key reminder afterwards, Download to a file chosen through the
// dialog seam (byte-identical to the server's file; a part left by a cut-off
// download is resumed with Range), Upload of that file
// and refusal of a changed one (nothing listed), Restore confirmed and
// cancelled (the confirmation says what is replaced), Delete; a VIEWER sees
// no buttons and the server refuses it; audit entries; screenshots in en,
// zh_TW and zh_CN.

#include "ColumnAlignmentSupport.h"
#include "OperationsTestSupport.h"
#include "client/BackupsApi.h"
#include "operations/BackupListModel.h"
#include "operations/BackupsTab.h"
#include "operations/SettingsPage.h"
#include "shell/LanguageManager.h"
#include "widgets/BackgroundTaskList.h"
#include "widgets/BackgroundTasks.h"
#include "widgets/BackgroundTasksStatus.h"
#include "widgets/MessageBox.h"
#include "widgets/ThemeManager.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QFileDialog>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QtTest>
#include <memory>

using namespace hm::test;
using hm::app::BackupListModel;
using hm::app::BackupsTab;
using hm::app::DialogSeam;
using hm::app::MessageBox;
using hm::app::SettingsPage;

class TestBackupsPage : public QObject, private ConsoleFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void createShowsProgressAndTheMasterKeyNotice();
    void listPagesWithFetchMore();
    void downloadToAFile();
    void backupsShowInTheStatusBarsTaskList();
    void uploadAFileAndRefuseAChangedOne();
    void restoreAsksAndSaysWhatIsReplaced();
    void deleteAsks();
    void viewerSeesNoButtonsAndIsRefused();
    void screenshots();

private:
    void showPage(hm::client::ApiClient *client, const QString &role = QStringLiteral("admin"))
    {
        m_page = std::make_unique<SettingsPage>();
        hm::test::styleAsConsole(m_page.get());
        m_page->resize(1100, 640);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_page->setClient(client, role);
        auto *tabs = m_page->findChild<QTabWidget *>(QStringLiteral("settings.tabs"));
        tabs->setCurrentWidget(m_page->backupsTab());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    template <typename T> T *child(const char *name) const
    {
        return m_page->findChild<T *>(QLatin1String(name));
    }
    QPushButton *button(const char *name) const { return child<QPushButton>(name); }
    BackupListModel *model() const { return m_page->backupsTab()->model(); }
    QString status() const { return child<QLabel>("backups.status")->text(); }
    bool listed(int rows) const
    {
        return QTest::qWaitFor(
            [&] {
                return model()->state() == hm::app::RemoteListModel::State::Ready &&
                       model()->rowCount() >= rows;
            },
            30000);
    }
    void select(int row)
    {
        auto *view = child<QTableView>("backups.list");
        view->selectRow(row);
    }
    int rowOf(const QString &id) const { return model()->rowOf(id); }
    qint64 serverCount()
    {
        return m_http->get("/api/v1/backup/backups?size=1", m_admin)
            .data()
            .value("pagination")
            .toObject()
            .value("total")
            .toInteger();
    }
    int auditCount(const QString &action)
    {
        return int(m_http->get("/api/v1/audit?action=" + action + "&size=1", m_admin)
                       .data()
                       .value("pagination")
                       .toObject()
                       .value("total")
                       .toInteger());
    }
    QString makeBackupThroughApi()
    {
        const Answer made = m_http->json("POST", "/api/v1/backup/backups", {}, m_admin);
        const QString id = made.data().value("backup_id").toString();
        const bool completed = QTest::qWaitFor(
            [&] {
                return m_http->get("/api/v1/backup/backups/" + id, m_admin)
                           .data()
                           .value("status")
                           .toString() == QLatin1String("completed");
            },
            60000);
        return completed ? id : QString();
    }
    // The next file dialog gets `path` and is accepted.
    static void answerFileDialog(const QString &objectName, const QString &path)
    {
        DialogSeam::setNextHandler([objectName, path](QDialog *dialog) {
            auto *files = qobject_cast<QFileDialog *>(dialog);
            if (!files || dialog->objectName() != objectName)
                return int(QDialog::Rejected);
            files->selectFile(path);
            return int(QDialog::Accepted);
        });
    }

    QTemporaryDir m_files;
    std::unique_ptr<SettingsPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_downloaded; // a backup file downloaded by the page
};

void TestBackupsPage::initTestCase()
{
    const QString started = startConsole(QStringLiteral("TestBackupsPage"));
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestBackupsPage::cleanup()
{
    m_tester.reset();
    m_page.reset();
    MessageBox::setNextAnswer(QMessageBox::NoButton);
}

void TestBackupsPage::createShowsProgressAndTheMasterKeyNotice()
{
    showPage(&m_client);
    QVERIFY(listed(0));
    QCOMPARE(model()->rowCount(), 0);
    const int createdBefore = auditCount("BACKUP_CREATED");
    QStringList tasks;
    connect(m_page.get(), &SettingsPage::stateTextChanged, this,
            [&] { tasks.append(m_page->stateText()); });
    QSignalSpy notices(m_page.get(), &SettingsPage::notice);
    QVERIFY(button("backups.create")->isEnabled());
    button("backups.create")->click();
    // The task row shows while it runs; the status bar's text follows it.
    QVERIFY(child<QProgressBar>("backups.progress")->isVisible());
    QVERIFY(!button("backups.create")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(status().contains(QStringLiteral("master key")), 60000);
    QVERIFY2(!tasks.isEmpty() && tasks.first().startsWith(QStringLiteral("Backing up")),
             qPrintable(tasks.join(" | ")));
    QVERIFY(m_page->stateText().isEmpty());
    QVERIFY(!child<QProgressBar>("backups.progress")->isVisible());
    QCOMPARE(notices.size(), 1);
    QVERIFY(status().startsWith(QStringLiteral("Backup ")));
    QCOMPARE(model()->rowCount(), 1);
    const hm::client::Backup *row = model()->item(0);
    QCOMPARE(row->status, QStringLiteral("completed"));
    QCOMPARE(row->trigger, QStringLiteral("manual"));
    QVERIFY(row->sizeBytes > 0);
    QCOMPARE(model()->data(model()->index(0, BackupListModel::ChecksumColumn)).toString(),
             row->checksum.left(12));
    QCOMPARE(model()->data(model()->index(0, BackupListModel::KindColumn)).toString(),
             QStringLiteral("Manual"));
    QCOMPARE(model()->data(model()->index(0, BackupListModel::StatusColumn)).toString(),
             QStringLiteral("Complete"));
    QVERIFY(button("backups.create")->isEnabled());
    QCOMPARE(auditCount("BACKUP_CREATED"), createdBefore + 1);
    // The notice about the master key is on the tab all the time, too.
    QVERIFY(child<QLabel>("backups.masterKeyNotice")->text().contains("master key"));
}

void TestBackupsPage::listPagesWithFetchMore()
{
    for (int i = 0; i < 3; ++i)
        QVERIFY(!makeBackupThroughApi().isEmpty());
    showPage(&m_client);
    model()->setPageSize(2);
    model()->reload();
    QVERIFY(listed(2));
    QCOMPARE(model()->rowCount(), 2);
    {
        // Titles sit like their columns (they were centred), in the console's style.
        hm::app::ThemeManager themes;
        themes.setMode(hm::app::ThemeManager::Mode::Light, hm::app::ThemeManager::Persist::No);
        const QString unlike =
            admintest::headersUnlikeCells(child<QTableView>("backups.list")->horizontalHeader(), 0);
        QVERIFY2(unlike.isEmpty(), qPrintable(unlike));
    }
    QCOMPARE(model()->totalCount(), serverCount());
    // The model tester asks for more itself (on a reset): wait for it.
    QTRY_VERIFY(!model()->isFetching());
    while (model()->canFetchMore({})) {
        const int before = model()->rowCount();
        model()->fetchMore({});
        QTRY_VERIFY(model()->rowCount() > before);
        QTRY_VERIFY(!model()->isFetching());
    }
    QCOMPARE(model()->rowCount(), int(serverCount()));
    // Newest first.
    for (int r = 1; r < model()->rowCount(); ++r)
        QVERIFY(model()->item(r - 1)->createdAt >= model()->item(r)->createdAt);
}

void TestBackupsPage::downloadToAFile()
{
    showPage(&m_client);
    QVERIFY(listed(1));
    select(0);
    const hm::client::Backup row = *model()->item(0);
    QVERIFY(button("backups.download")->isEnabled());
    const int downloadsBefore = auditCount("BACKUP_DOWNLOADED");
    m_downloaded = m_files.filePath(QStringLiteral("saved.hmbackup"));
    answerFileDialog(QStringLiteral("backups.saveDialog"), m_downloaded);
    button("backups.download")->click();
    QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(QStringLiteral("Saved to")), 60000);
    QVERIFY(status().contains(m_downloaded));
    QFile saved(m_downloaded);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QFile original(QDir(m_dir.path()).filePath("backups/" + row.id + ".hmbackup"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QVERIFY(saved.readAll() == original.readAll());
    QVERIFY(!QFileInfo::exists(m_downloaded + QStringLiteral(".part")));
    QCOMPARE(saved.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
    QCOMPARE(auditCount("BACKUP_DOWNLOADED"), downloadsBefore + 1);
    // A part left by a download cut off earlier: only the rest is asked
    // for (Range), and the file ends the same.
    original.seek(0);
    const QByteArray whole = original.readAll();
    const QString resumed = m_files.filePath(QStringLiteral("resumed.hmbackup"));
    {
        QFile part(resumed + QStringLiteral(".part"));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(whole.left(whole.size() / 2));
    }
    answerFileDialog(QStringLiteral("backups.saveDialog"), resumed);
    button("backups.download")->click();
    QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(QStringLiteral("Saved to")) &&
                                 status().contains(resumed),
                             60000);
    QFile resumedFile(resumed);
    QVERIFY(resumedFile.open(QIODevice::ReadOnly));
    QVERIFY(resumedFile.readAll() == whole);
    const QJsonArray entries =
        m_http->get("/api/v1/audit?action=BACKUP_DOWNLOADED&size=1", m_admin)
            .data()
            .value("audit_logs")
            .toArray();
    QCOMPARE(entries.first().toObject().value("details").toObject().value("offset").toInteger(),
             whole.size() / 2);
    // A dialog cancelled: nothing happens.
    DialogSeam::setNextHandler([](QDialog *) { return int(QDialog::Rejected); });
    button("backups.download")->click();
    QVERIFY(m_page->stateText().isEmpty());
}

// Making a backup, downloading one and a restore each show in the status
// bar's task list (on the page's window); a download cancelled from there
// stops and leaves no file.
void TestBackupsPage::backupsShowInTheStatusBarsTaskList()
{
    using hm::app::BackgroundTask;
    showPage(&m_client);
    QVERIFY(listed(1));
    hm::app::BackgroundTasks *tasks = hm::app::BackgroundTasks::of(m_page.get());
    hm::app::BackgroundTasksStatus taskStatus(tasks);
    auto *statusButton = taskStatus.findChild<QToolButton *>(QStringLiteral("status.tasks.button"));

    // A backup being made: its progress, no Cancel (the server's work).
    button("backups.create")->click();
    QCOMPARE(tasks->runningCount(), 1);
    BackgroundTask *made = tasks->tasks().constFirst();
    QCOMPARE(made->title(), QStringLiteral("Backup of the server"));
    QVERIFY(!made->canCancel());
    QCOMPARE(statusButton->text(), QStringLiteral("1 task running"));
    QTRY_COMPARE_WITH_TIMEOUT(made->state(), BackgroundTask::State::Done, 60000);
    QVERIFY2(made->detail().contains(QStringLiteral("master key")), qPrintable(made->detail()));
    QCOMPARE(statusButton->text(), QStringLiteral("1 task finished"));

    // A download, to its end.
    QTRY_VERIFY(!model()->isFetching());
    select(0);
    const hm::client::Backup row = *model()->item(0);
    const QString saved = m_files.filePath(QStringLiteral("listed.hmbackup"));
    answerFileDialog(QStringLiteral("backups.saveDialog"), saved);
    button("backups.download")->click();
    BackgroundTask *download = tasks->tasks().constFirst();
    QCOMPARE(
        download->title(),
        QStringLiteral("Download of the backup %1").arg(row.name.isEmpty() ? row.id : row.name));
    QVERIFY(download->canCancel());
    QCOMPARE(download->total(), row.sizeBytes);
    QTRY_COMPARE_WITH_TIMEOUT(download->state(), BackgroundTask::State::Done, 60000);
    QVERIFY(download->detail().startsWith(QStringLiteral("Saved to ")));
    QVERIFY(QFileInfo::exists(saved));

    // Another, cancelled from the task list: it stops, nothing is kept.
    const QString stopped = m_files.filePath(QStringLiteral("stopped.hmbackup"));
    answerFileDialog(QStringLiteral("backups.saveDialog"), stopped);
    button("backups.download")->click();
    BackgroundTask *cancelled = tasks->tasks().constFirst();
    QVERIFY(cancelled != download && cancelled->isRunning());
    statusButton->click();
    QWidget *first = taskStatus.list()->row(0);
    auto *cancel = first->findChild<QPushButton *>(QStringLiteral("status.tasks.cancel"));
    QVERIFY(cancel->isVisible());
    cancel->click();
    QCOMPARE(cancelled->state(), BackgroundTask::State::Cancelled);
    QCOMPARE(first->findChild<QLabel *>(QStringLiteral("status.tasks.state"))->text(),
             QStringLiteral("Cancelled"));
    QCOMPARE(status(), QStringLiteral("Cancelled: nothing was kept."));
    QVERIFY(m_page->stateText().isEmpty());
    QVERIFY(button("backups.download")->isEnabled());
    // Said again after a language switch: the line here and the finished
    // tasks' entries (they stayed in the language they were made in).
    QVERIFY(
        m_languages->setLanguage(QStringLiteral("zh_TW"), hm::app::LanguageManager::Persist::No));
    const auto said = [](const char *source) {
        return QCoreApplication::translate("hm::app::BackupsTab", source);
    };
    QTRY_COMPARE(status(), said("Cancelled: nothing was kept."));
    QVERIFY(status() != QStringLiteral("Cancelled: nothing was kept."));
    QCOMPARE(cancelled->detail(), said("Cancelled: nothing was kept."));
    QCOMPARE(made->title(), said("Backup of the server"));
    QVERIFY(made->title() != QStringLiteral("Backup of the server"));
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));
    QTRY_COMPARE(status(), QStringLiteral("Cancelled: nothing was kept."));
    QCOMPARE(made->title(), QStringLiteral("Backup of the server"));
    QTRY_VERIFY(!QFileInfo::exists(stopped) &&
                !QFileInfo::exists(stopped + QStringLiteral(".part")));
    QCOMPARE(statusButton->text(), QStringLiteral("3 tasks finished"));
}

void TestBackupsPage::uploadAFileAndRefuseAChangedOne()
{
    QVERIFY(!m_downloaded.isEmpty());
    showPage(&m_client);
    QVERIFY(listed(1));
    const qint64 before = serverCount();
    const int uploadsBefore = auditCount("BACKUP_UPLOADED");

    // A changed copy first: refused in words, nothing listed.
    QFile good(m_downloaded);
    QVERIFY(good.open(QIODevice::ReadOnly));
    QByteArray bytes = good.readAll();
    bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x20);
    const QString changedPath = m_files.filePath(QStringLiteral("changed.hmbackup"));
    QFile changed(changedPath);
    QVERIFY(changed.open(QIODevice::WriteOnly));
    changed.write(bytes);
    changed.close();
    answerFileDialog(QStringLiteral("backups.openDialog"), changedPath);
    button("backups.upload")->click();
    QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(QStringLiteral("The upload was refused")), 60000);
    QVERIFY2(status().contains(QStringLiteral("changed after it was made")), qPrintable(status()));
    // The status bar's task list says it failed, in the same words.
    const hm::app::BackgroundTask *refused =
        hm::app::BackgroundTasks::of(m_page.get())->tasks().constFirst();
    QCOMPARE(refused->title(), QStringLiteral("Upload of the backup file changed.hmbackup"));
    QCOMPARE(refused->state(), hm::app::BackgroundTask::State::Failed);
    QCOMPARE(refused->detail(), status());
    QCOMPARE(serverCount(), before);
    QCOMPARE(auditCount("BACKUP_UPLOADED"), uploadsBefore);
    QVERIFY(QDir(QDir(m_dir.path()).filePath("backups")).entryList({"upload-*"}).isEmpty());

    // The good file.
    const int rows = model()->rowCount();
    answerFileDialog(QStringLiteral("backups.openDialog"), m_downloaded);
    button("backups.upload")->click();
    QTRY_VERIFY_WITH_TIMEOUT(status().startsWith(QStringLiteral("Uploaded as")), 60000);
    QCOMPARE(serverCount(), before + 1);
    QCOMPARE(model()->rowCount(), rows + 1);
    bool found = false;
    for (int r = 0; r < model()->rowCount(); ++r)
        found = found || model()->item(r)->trigger == QLatin1String("uploaded");
    QVERIFY(found);
    QCOMPARE(auditCount("BACKUP_UPLOADED"), uploadsBefore + 1);
}

void TestBackupsPage::restoreAsksAndSaysWhatIsReplaced()
{
    showPage(&m_client);
    QVERIFY(listed(1));
    select(0);
    const QString pending = QDir(m_dir.path()).filePath("restore-pending");
    const int scheduledBefore = auditCount("BACKUP_RESTORE_SCHEDULED");

    MessageBox::setNextAnswer(QMessageBox::No);
    button("backups.restore")->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("backups.confirmRestore"));
    for (const char *word : {"whole database", "flows", "executions", "users", "credentials",
                             "when the server starts next"})
        QVERIFY2(MessageBox::lastText().contains(QLatin1String(word)),
                 qPrintable(MessageBox::lastText()));
    QVERIFY(m_page->stateText().isEmpty());
    QVERIFY(!QFileInfo::exists(pending));
    QCOMPARE(auditCount("BACKUP_RESTORE_SCHEDULED"), scheduledBefore);

    MessageBox::setNextAnswer(QMessageBox::Yes);
    button("backups.restore")->click();
    QTRY_VERIFY_WITH_TIMEOUT(status().contains(QStringLiteral("restart the server")), 60000);
    const hm::app::BackgroundTask *restore =
        hm::app::BackgroundTasks::of(m_page.get())->tasks().constFirst();
    QVERIFY(restore->title().startsWith(QStringLiteral("Restore of the backup of ")));
    QCOMPARE(restore->state(), hm::app::BackgroundTask::State::Done);
    QTRY_VERIFY(QFileInfo::exists(QDir(pending).filePath("restore.json")));
    QCOMPARE(auditCount("BACKUP_RESTORE_SCHEDULED"), scheduledBefore + 1);
}

void TestBackupsPage::deleteAsks()
{
    showPage(&m_client);
    QVERIFY(listed(1));
    select(0);
    const QString id = model()->item(0)->id;
    const qint64 before = serverCount();
    MessageBox::setNextAnswer(QMessageBox::No);
    button("backups.delete")->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("backups.confirmDelete"));
    QCOMPARE(serverCount(), before);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    button("backups.delete")->click();
    QTRY_COMPARE(serverCount(), before - 1);
    QTRY_COMPARE(rowOf(id), -1);
    // The hub's backup_deleted event may remove the row before the DELETE's
    // answer arrives; the status line follows the answer.
    QTRY_VERIFY(status().contains(QStringLiteral("deleted")));
}

void TestBackupsPage::viewerSeesNoButtonsAndIsRefused()
{
    const qint64 before = serverCount();
    for (const auto &[name, role] :
         {std::pair{QStringLiteral("backupviewer"), QStringLiteral("VIEWER")},
          std::pair{QStringLiteral("backupuser"), QStringLiteral("USER")}}) {
        const ApiUser user =
            createApiUser(*m_http, m_admin, name, QStringLiteral("Str0ng!Passw0rd"), role);
        QVERIFY(!user.token.isEmpty());
        hm::client::ApiClient other;
        QCOMPARE(signInAs(other, m_http->base(), name, QStringLiteral("Str0ng!Passw0rd")),
                 QString());
        showPage(&other, role.toLower());
        for (const char *b : {"backups.create", "backups.download", "backups.upload",
                              "backups.restore", "backups.delete"})
            QVERIFY2(!button(b)->isVisible(), b);
        QVERIFY(child<QLabel>("backups.readOnlyNote")->isVisible());
        QVERIFY(!child<QTableView>("backups.list")->isVisible());
        QCOMPARE(model()->rowCount(), 0);
        // And the server refuses it whatever the console shows.
        bool answered = false;
        hm::ErrorCode refusal = hm::ErrorCode::InternalError;
        hm::client::BackupsApi(other).create(
            {}, [&](hm::Result<hm::client::Backup> r, const QString &) {
                if (!r)
                    refusal = r.error().code;
                answered = true;
            });
        QTRY_VERIFY(answered);
        QCOMPARE(refusal, hm::ErrorCode::InsufficientPermissions);
        cleanup();
    }
    QCOMPARE(serverCount(), before);
}

void TestBackupsPage::screenshots()
{
    // Run alone (`TestBackupsPage screenshots`) it makes its own rows.
    while (serverCount() < 2)
        QVERIFY(!makeBackupThroughApi().isEmpty());
    QCOMPARE(m_http->json("PUT", "/api/v1/system/config",
                          {{"backup_schedule", "daily"}, {"backup_hour", 2}}, m_admin)
                 .status,
             200);
    hm::app::ThemeManager themes;
    themes.setMode(hm::app::ThemeManager::Mode::Light, hm::app::ThemeManager::Persist::No);
    showPage(&m_client);
    QVERIFY(listed(1));
    select(0);
    QVERIFY(hm::test::screenshot(m_page.get(), QStringLiteral("settings-backuplist-en")));
    auto *tabs = m_page->findChild<QTabWidget *>(QStringLiteral("settings.tabs"));
    for (const QString &language : {QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_languages->setLanguage(language, hm::app::LanguageManager::Persist::No));
        QTRY_VERIFY(tabs->tabText(0) != QLatin1String("System configuration"));
        QVERIFY(hm::test::screenshot(m_page.get(), QStringLiteral("settings-backuplist-") + language));
    }
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));
    // English in the dark theme: the style sheet follows the palette, as
    // the main window re-applies it on themeChanged().
    QTRY_COMPARE(tabs->tabText(0), QStringLiteral("System configuration"));
    themes.setMode(hm::app::ThemeManager::Mode::Dark, hm::app::ThemeManager::Persist::No);
    styleAsConsole(m_page.get());
    QVERIFY(hm::test::screenshot(m_page.get(), QStringLiteral("settings-backuplist-en-dark")));
    themes.setMode(hm::app::ThemeManager::Mode::Light, hm::app::ThemeManager::Persist::No);
    QCOMPARE(m_http->json("PUT", "/api/v1/system/config", {{"backup_schedule", "off"}}, m_admin)
                 .status,
             200);
}

QTEST_MAIN(TestBackupsPage)
#include "TestBackupsPage.moc"
