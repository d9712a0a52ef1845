#pragma once

#include "widgets/BackgroundTasks.h"
#include "widgets/LocalizedText.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace hm::client {
class ApiClient;
class BackupFileTransfer;
struct Backup;
} // namespace hm::client

namespace hm {
struct Error;
}

namespace hm::app {

class BackupListModel;

// Settings → Backups (issue 37 item 8; docs/backup.md): the server's
// backups (BackupListModel, a page at a time), Create (its progress from
// /ws/events in the task row and the status bar; afterwards the reminder
// that a backup is useless without the master key), Download to a file
// (streamed, a part file resumed), Upload of a backup file (in chunks),
// Restore after a confirmation that says what it replaces and when, and
// Delete. The schedule and retention are edited in the System
// configuration tab (scheduleRequested). ADMIN only: others see why there
// is nothing here. Widgets: `backups.<name>` (list, create, download,
// upload, restore, delete, refresh, task, progress, cancel, status,
// masterKeyNotice, schedule, editSchedule, readOnlyNote); file dialogs
// `backups.saveDialog` / `backups.openDialog`; confirmations
// `backups.confirmRestore` / `backups.confirmDelete`.
class BackupsTab : public QWidget
{
    Q_OBJECT

public:
    explicit BackupsTab(QWidget *parent = nullptr);
    ~BackupsTab() override;

    void setClient(hm::client::ApiClient *client, bool admin);
    // The schedule and retention as the system configuration says.
    void setSchedule(const QJsonObject &config);
    BackupListModel *model() const { return m_model; }
    // What runs now ("Backing up… 40 %"); empty when nothing does.
    QString taskText() const { return m_taskText.toString(); }

public slots:
    void reload();
    void createBackup();
    void downloadSelected();
    void uploadFile();
    void restoreSelected();
    void deleteSelected();

signals:
    void taskTextChanged();
    // A sentence for the status bar (a backup made, a restore staged).
    void notice(const QString &text);
    // "Edit the schedule": the System configuration tab's Backups group.
    void scheduleRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    const hm::client::Backup *selected() const;
    void onEvent(const QString &type, const QJsonObject &data);
    void creationEnded(const hm::client::Backup &row);
    // Lists what starts now in the status bar's task list (BackgroundTasks),
    // with Cancel when it is the transfer just made; setTask() and
    // endTask() keep it up to date.
    // Texts are given as the way to say them: the line here and the task
    // list say them again in a new language.
    void listTask(BackgroundTask::Text title, bool transfer = false);
    void setTask(BackgroundTask::Text text, qint64 done = -1, qint64 total = -1);
    void endTask(BackgroundTask::Text status);
    void showError(BackgroundTask::Text what, const hm::Error &error);
    void startTransfer();
    void updateState();
    void retranslate();

    QPointer<hm::client::ApiClient> m_client;
    bool m_admin = false;
    BackupListModel *m_model = nullptr;
    hm::client::BackupFileTransfer *m_transfer = nullptr;
    QPointer<BackgroundTask> m_listed; // its entry in the status bar's task list
    QString m_creating; // id of the backup being made here
    LocalizedText m_taskText;
    LocalizedText m_status;
    QJsonObject m_schedule;

    QLabel *m_readOnlyNote = nullptr;
    QLabel *m_masterKeyNotice = nullptr;
    QTableView *m_list = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_download = nullptr;
    QPushButton *m_upload = nullptr;
    QPushButton *m_restore = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_refresh = nullptr;
    QLabel *m_task = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_scheduleLabel = nullptr;
    QPushButton *m_editSchedule = nullptr;
};

} // namespace hm::app
