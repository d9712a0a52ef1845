#include "operations/BackupsTab.h"

#include "client/ApiClient.h"
#include "client/BackupsApi.h"
#include "client/EventHub.h"
#include "client/Within.h"
#include "operations/BackupListModel.h"
#include "widgets/BackgroundTasks.h"
#include "widgets/ByteSizeText.h"
#include "widgets/DateTimeText.h"
#include "widgets/MessageBox.h"
#include "widgets/ServerErrorText.h"

#include <QDialog>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// The server's reason (details.code) for a refused backup file or action,
// in the console's words; empty for reasons it has none for.
QString backupReason(const hm::Error &error)
{
    const QString code = error.details.value(QStringLiteral("code")).toString();
    if (code == QLatin1String("backup_tampered"))
        return BackupsTab::tr("the file was changed after it was made");
    if (code == QLatin1String("backup_truncated"))
        return BackupsTab::tr("the file is cut off");
    if (code == QLatin1String("backup_not_a_backup"))
        return BackupsTab::tr("the file is not a HiveMind backup");
    if (code == QLatin1String("backup_key_mismatch"))
        return BackupsTab::tr("the backup was made with another master key");
    if (code == QLatin1String("backup_checksum_mismatch"))
        return BackupsTab::tr("the file's checksum does not match");
    if (code == QLatin1String("backup_does_not_migrate"))
        return BackupsTab::tr("the backup's database cannot be brought to this server's version");
    if (code == QLatin1String("backup_running"))
        return BackupsTab::tr("another backup is being made");
    if (code == QLatin1String("restore_running"))
        return BackupsTab::tr("another restore is being prepared");
    return {};
}

} // namespace

BackupsTab::BackupsTab(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_readOnlyNote = new QLabel(this);
    m_readOnlyNote->setObjectName(QStringLiteral("backups.readOnlyNote"));
    m_readOnlyNote->setWordWrap(true);
    layout->addWidget(m_readOnlyNote);

    m_masterKeyNotice = new QLabel(this);
    m_masterKeyNotice->setObjectName(QStringLiteral("backups.masterKeyNotice"));
    m_masterKeyNotice->setWordWrap(true);
    layout->addWidget(m_masterKeyNotice);

    auto *buttons = new QHBoxLayout;
    const auto button = [this, buttons](const char *name) {
        auto *b = new QPushButton(this);
        b->setObjectName(QLatin1String(name));
        buttons->addWidget(b);
        return b;
    };
    m_create = button("backups.create");
    m_download = button("backups.download");
    m_upload = button("backups.upload");
    m_restore = button("backups.restore");
    m_delete = button("backups.delete");
    buttons->addStretch(1);
    m_refresh = button("backups.refresh");
    layout->addLayout(buttons);

    m_model = new BackupListModel(this);
    m_list = new QTableView(this);
    m_list->setObjectName(QStringLiteral("backups.list"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->setAlternatingRowColors(true);
    layout->addWidget(m_list, 1);

    // The task row: what runs now, its progress, a way to stop a transfer.
    auto *task = new QHBoxLayout;
    m_task = new QLabel(this);
    m_task->setObjectName(QStringLiteral("backups.task"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("backups.progress"));
    m_progress->setMaximumWidth(240);
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("backups.cancel"));
    task->addWidget(m_task, 1);
    task->addWidget(m_progress);
    task->addWidget(m_cancel);
    layout->addLayout(task);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("backups.status"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_statusLabel);

    auto *schedule = new QHBoxLayout;
    m_scheduleLabel = new QLabel(this);
    m_scheduleLabel->setObjectName(QStringLiteral("backups.schedule"));
    m_scheduleLabel->setWordWrap(true);
    m_editSchedule = new QPushButton(this);
    m_editSchedule->setObjectName(QStringLiteral("backups.editSchedule"));
    schedule->addWidget(m_scheduleLabel, 1);
    schedule->addWidget(m_editSchedule);
    layout->addLayout(schedule);

    connect(m_create, &QPushButton::clicked, this, &BackupsTab::createBackup);
    connect(m_download, &QPushButton::clicked, this, &BackupsTab::downloadSelected);
    connect(m_upload, &QPushButton::clicked, this, &BackupsTab::uploadFile);
    connect(m_restore, &QPushButton::clicked, this, &BackupsTab::restoreSelected);
    connect(m_delete, &QPushButton::clicked, this, &BackupsTab::deleteSelected);
    connect(m_refresh, &QPushButton::clicked, this, &BackupsTab::reload);
    connect(m_editSchedule, &QPushButton::clicked, this, &BackupsTab::scheduleRequested);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_transfer)
            m_transfer->cancel();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BackupsTab::updateState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &BackupsTab::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &BackupsTab::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &BackupsTab::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &BackupsTab::updateState);
    connect(m_model, &RemoteListModel::stateChanged, this, &BackupsTab::updateState);
    retranslate();
    updateState();
}

BackupsTab::~BackupsTab() = default;

void BackupsTab::setClient(hm::client::ApiClient *client, bool admin)
{
    const bool same = client == m_client && admin == m_admin;
    if (m_client && m_client != client) {
        if (auto *hub = hm::client::EventHub::find(m_client))
            hub->disconnect(this);
    }
    if (m_client != client) {
        if (m_listed)
            m_listed->finish(BackgroundTask::State::Cancelled,
                             tr("Stopped: the console left that server."));
        delete m_transfer;
        m_transfer = nullptr;
        m_creating.clear();
        m_taskText.clear();
    }
    m_client = client;
    m_admin = admin;
    if (same)
        return;
    if (m_client && m_admin) {
        auto *hub = hm::client::EventHub::of(m_client);
        hub->subscribe(this);
        hub->disconnect(this); // once, also when only the role changed
        connect(hub, &hm::client::EventHub::message, this,
                [this](const QString &type, const QJsonObject &data, const QDateTime &) {
                    onEvent(type, data);
                });
        connect(hub, &hm::client::EventHub::resynchronise, m_model, &RemoteListModel::reload,
                Qt::UniqueConnection);
        m_model->setClient(m_client);
    } else {
        m_model->setClient(nullptr);
    }
    updateState();
}

void BackupsTab::setSchedule(const QJsonObject &config)
{
    m_schedule = config;
    retranslate();
}

void BackupsTab::reload()
{
    if (m_client && m_admin)
        m_model->reload();
}

const hm::client::Backup *BackupsTab::selected() const
{
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->item(rows.first().row());
}

void BackupsTab::onEvent(const QString &type, const QJsonObject &data)
{
    if (type == QLatin1String("backup_progress")) {
        const QString id = data.value(QStringLiteral("backup_id")).toString();
        const int progress = data.value(QStringLiteral("progress")).toInt();
        m_model->applyProgress(id, progress);
        if (id == m_creating)
            setTask([=]() -> QString { return tr("Backing up… %1 %").arg(progress); }, progress,
                    100);
        return;
    }
    if (type == QLatin1String("backup_completed") || type == QLatin1String("backup_failed")) {
        const hm::client::Backup row = hm::client::json::backup(data);
        m_model->apply(row);
        if (!m_creating.isEmpty() && row.id == m_creating)
            creationEnded(row);
        return;
    }
    if (type == QLatin1String("backup_deleted"))
        m_model->forget(data.value(QStringLiteral("id")).toString());
}

void BackupsTab::creationEnded(const hm::client::Backup &row)
{
    m_creating.clear();
    const QString name = row.name.isEmpty() ? row.id : row.name;
    if (row.status != QLatin1String("completed"))
        return endTask([=]() -> QString { return tr("The backup failed: %1").arg(row.error); });
    endTask([=]() -> QString {
        return tr("Backup %1 is complete (%2). It is useless without the server's master key: "
                  "keep a copy of the master key apart from the backups.")
            .arg(name, ByteSizeText::format(row.sizeBytes));
    });
    emit notice(tr("Backup %1 is complete").arg(name));
}

void BackupsTab::listTask(BackgroundTask::Text title, bool transfer)
{
    if (m_listed)
        m_listed->finish(BackgroundTask::State::Cancelled);
    m_listed = BackgroundTasks::of(this)->start(std::move(title));
    // Only a transfer can be stopped; the server's own work (a backup being
    // made, a restore being checked) cannot.
    if (transfer && m_transfer) {
        QPointer<hm::client::BackupFileTransfer> moving = m_transfer;
        m_listed->setCancel([moving] {
            if (moving)
                moving->cancel();
        });
    }
}

void BackupsTab::setTask(BackgroundTask::Text text, qint64 done, qint64 total)
{
    if (m_listed) {
        m_listed->setDetail(text);
        m_listed->setProgress(total > 0 ? done : 0, qMax(total, qint64(0)));
    }
    m_taskText = LocalizedText(std::move(text));
    m_task->setText(m_taskText.toString());
    if (total > 0) {
        // Bytes can pass int: the bar shows per mille.
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(qBound(qint64(0), done * 1000 / total, qint64(1000))));
    } else {
        m_progress->setRange(0, 0); // busy
    }
    updateState();
    emit taskTextChanged();
}

void BackupsTab::endTask(BackgroundTask::Text status)
{
    if (m_listed) // still running: it went well (showError ends it first otherwise)
        m_listed->finish(BackgroundTask::State::Done, status);
    m_listed.clear();
    m_taskText.clear();
    m_status = LocalizedText(std::move(status));
    m_statusLabel->setText(m_status.toString());
    updateState();
    emit taskTextChanged();
}

void BackupsTab::showError(BackgroundTask::Text what, const hm::Error &error)
{
    // A transfer stopped on purpose (Cancel here or in the task list) did
    // not fail.
    const bool cancelled =
        error.details.value(QStringLiteral("code")).toString() == QLatin1String("CANCELLED");
    const BackgroundTask::Text text = [cancelled, what, error] {
        if (cancelled)
            return tr("Cancelled: nothing was kept.");
        const QString reason = backupReason(error);
        return tr("%1: %2").arg(what(), reason.isEmpty() ? describeApiError(error) : reason);
    };
    if (m_listed)
        m_listed->finish(
            cancelled ? BackgroundTask::State::Cancelled : BackgroundTask::State::Failed, text);
    endTask(text);
}

void BackupsTab::createBackup()
{
    if (!m_client || !m_admin || !m_taskText.isEmpty())
        return;
    listTask([=]() -> QString { return tr("Backup of the server"); });
    setTask([=]() -> QString { return tr("Backing up…"); });
    hm::client::BackupsApi(*m_client).create(
        {}, hm::client::within(this, [this](Result<hm::client::Backup> r, const QString &) {
            if (!r)
                return showError([=]() -> QString { return tr("No backup was made"); }, r.error());
            // Its end may have come over /ws/events before this answer: the
            // row the model holds then is the newer one.
            if (m_model->rowOf(r.value().id) < 0)
                m_model->apply(r.value());
            const hm::client::Backup row = *m_model->item(m_model->rowOf(r.value().id));
            m_creating = row.id;
            if (row.status != QLatin1String("running"))
                creationEnded(row);
            else
                setTask([=]() -> QString { return tr("Backing up… %1 %").arg(row.progress); },
                        row.progress, 100);
        }));
}

void BackupsTab::startTransfer()
{
    delete m_transfer;
    m_transfer = new hm::client::BackupFileTransfer(m_client, this);
    connect(m_transfer, &hm::client::BackupFileTransfer::progress, this,
            [this](qint64 done, qint64 total) {
                const bool upload = m_transfer->isUpload();
                const QString path = m_transfer->localPath();
                setTask(
                    [upload, path, total] {
                        const QString size = ByteSizeText::format(total);
                        return upload ? tr("Uploading %1 (%2)…").arg(path, size)
                                      : tr("Downloading to %1 (%2)…").arg(path, size);
                    },
                    done, total);
            });
}

void BackupsTab::downloadSelected()
{
    const hm::client::Backup *backup = selected();
    if (!m_client || !m_admin || !backup || backup->status != QLatin1String("completed") ||
        !m_taskText.isEmpty())
        return;
    const hm::client::Backup row = *backup;
    QFileDialog dialog(this, tr("Save the backup file"));
    dialog.setObjectName(QStringLiteral("backups.saveDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setDefaultSuffix(QStringLiteral("hmbackup"));
    dialog.setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog.selectFile(row.id + QStringLiteral(".hmbackup"));
    dialog.setNameFilter(tr("HiveMind backups (*.hmbackup)"));
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    startTransfer();
    connect(m_transfer, &hm::client::BackupFileTransfer::finished, this, [this, path] {
        endTask([=]() -> QString {
            return tr("Saved to %1. Keep it with care: it holds every secret of the server, "
                      "readable with the master key.")
                .arg(path);
        });
    });
    connect(m_transfer, &hm::client::BackupFileTransfer::failed, this,
            [this](const hm::Error &error) {
                const bool resumable = m_transfer && m_transfer->canResume();
                showError(
                    [=]() -> QString {
                        return resumable ? tr("The download stopped (start it again to go on)")
                                         : tr("The download failed");
                    },
                    error);
            });
    listTask(
        [=]() -> QString {
            return tr("Download of the backup %1").arg(row.name.isEmpty() ? row.id : row.name);
        },
        true);
    setTask([=]() -> QString { return tr("Downloading to %1…").arg(path); }, 0, row.sizeBytes);
    m_transfer->download(row, path);
}

void BackupsTab::uploadFile()
{
    if (!m_client || !m_admin || !m_taskText.isEmpty())
        return;
    QFileDialog dialog(this, tr("Upload a backup file"));
    dialog.setObjectName(QStringLiteral("backups.openDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    dialog.setFileMode(QFileDialog::ExistingFile);
    dialog.setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog.setNameFilter(tr("HiveMind backups (*.hmbackup);;All files (*)"));
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    startTransfer();
    connect(m_transfer, &hm::client::BackupFileTransfer::finished, this, [this] {
        const hm::client::Backup row = m_transfer->uploaded();
        m_model->apply(row);
        endTask([=]() -> QString {
            return tr("Uploaded as %1: the server checked it with its master key.")
                .arg(row.name.isEmpty() ? row.id : row.name);
        });
    });
    connect(m_transfer, &hm::client::BackupFileTransfer::failed, this,
            [this](const hm::Error &error) {
                showError([=]() -> QString { return tr("The upload was refused"); }, error);
            });
    listTask(
        [=]() -> QString {
            return tr("Upload of the backup file %1").arg(QFileInfo(path).fileName());
        },
        true);
    setTask([=]() -> QString { return tr("Uploading %1…").arg(path); });
    m_transfer->upload(path);
}

void BackupsTab::restoreSelected()
{
    const hm::client::Backup *backup = selected();
    if (!m_client || !m_admin || !backup || backup->status != QLatin1String("completed") ||
        !m_taskText.isEmpty())
        return;
    const hm::client::Backup row = *backup;
    const QString when = dateTimeText(
        (row.snapshotAt.isValid() ? row.snapshotAt : row.createdAt).toLocalTime());
    const QString text =
        tr("Restore the backup of %1?\n\nIt replaces the server's whole database — flows, "
           "executions, users, credentials, nodes, settings and the audit trail — with the "
           "backup's, as it was then. Everything done since is lost. The restore is applied "
           "when the server starts next; the current database is kept beside it.")
            .arg(when);
    if (!MessageBox::confirm(this, tr("Restore a backup"), text, tr("Restore"),
                             QStringLiteral("backups.confirmRestore"),
                             MessageBox::Confirm::Destructive))
        return;
    listTask([=]() -> QString { return tr("Restore of the backup of %1").arg(when); });
    setTask([=]() -> QString { return tr("Checking and preparing the restore…"); });
    hm::client::BackupsApi(*m_client).restore(
        row.id, hm::client::within(this, [this, when](Result<hm::client::RestorePlan> r) {
            if (!r)
                return showError([=]() -> QString { return tr("The restore was refused"); },
                                 r.error());
            endTask([=]() -> QString {
                return tr("The backup of %1 is checked and staged: restart the server to apply "
                          "it.")
                    .arg(when);
            });
            emit notice(tr("Restore staged: restart the server to apply it"));
        }));
}

void BackupsTab::deleteSelected()
{
    const hm::client::Backup *backup = selected();
    if (!m_client || !m_admin || !backup || backup->status == QLatin1String("running"))
        return;
    const QString id = backup->id;
    const QString name = backup->name.isEmpty() ? backup->id : backup->name;
    if (!MessageBox::confirm(
            this, tr("Delete a backup"),
            tr("Delete the backup %1 and its file? This cannot be undone.").arg(name), tr("Delete"),
            QStringLiteral("backups.confirmDelete"), MessageBox::Confirm::Destructive))
        return;
    hm::client::BackupsApi(*m_client).remove(
        id, hm::client::within(this, [this, id, name](Result<bool> r) {
            if (!r)
                return showError([=]() -> QString { return tr("The backup was not deleted"); },
                                 r.error());
            m_model->forget(id);
            endTask([=]() -> QString { return tr("Backup %1 deleted.").arg(name); });
        }));
}

void BackupsTab::updateState()
{
    const bool usable = m_client && m_admin;
    const bool idle = m_taskText.isEmpty();
    const hm::client::Backup *row = usable ? selected() : nullptr;
    const bool complete = row && row->status == QLatin1String("completed");
    m_readOnlyNote->setVisible(!m_admin);
    m_list->setVisible(m_admin);
    for (QPushButton *b : {m_create, m_download, m_upload, m_restore, m_delete, m_refresh})
        b->setVisible(m_admin);
    m_create->setEnabled(usable && idle);
    m_upload->setEnabled(usable && idle);
    m_download->setEnabled(complete && idle);
    m_restore->setEnabled(complete && idle);
    m_delete->setEnabled(row && row->status != QLatin1String("running") && idle);
    m_refresh->setEnabled(usable);
    const bool busy = !idle;
    m_task->setVisible(busy);
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy && m_transfer && m_transfer->isRunning());
    m_statusLabel->setVisible(!m_status.isEmpty() && idle);
    m_editSchedule->setVisible(m_admin);
    m_scheduleLabel->setVisible(m_admin);
}

void BackupsTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void BackupsTab::retranslate()
{
    m_readOnlyNote->setText(tr("Only administrators see and manage backups."));
    m_masterKeyNotice->setText(
        tr("A backup holds the whole database, encrypted. It is useless without the server's "
           "master key, which is never in a backup: keep a copy of the master key apart from "
           "the backups."));
    m_create->setText(tr("Create backup"));
    m_download->setText(tr("Download…"));
    m_upload->setText(tr("Upload…"));
    m_restore->setText(tr("Restore…"));
    m_delete->setText(tr("Delete…"));
    m_refresh->setText(tr("Refresh"));
    m_cancel->setText(tr("Cancel"));
    m_editSchedule->setText(tr("Edit schedule…"));
    const QString schedule = m_schedule.value(QStringLiteral("backup_schedule")).toString();
    const int hour = m_schedule.value(QStringLiteral("backup_hour")).toInt(3);
    // A 24-hour clock in every language (Qt 6.4 garbles zh_TW's short
    // time format: DateTimeText.h).
    const QString time = QStringLiteral("%1:00").arg(hour, 2, 10, QLatin1Char('0'));
    const int daily = m_schedule.value(QStringLiteral("backup_retention_daily")).toInt(7);
    const int weekly = m_schedule.value(QStringLiteral("backup_retention_weekly")).toInt(4);
    QString text;
    if (schedule == QLatin1String("daily"))
        text = tr("Scheduled backups: every day at %1.").arg(time);
    else if (schedule == QLatin1String("weekly"))
        text = tr("Scheduled backups: every %1 at %2.")
                   .arg(QLocale().dayName(
                            qBound(1, m_schedule.value(QStringLiteral("backup_weekday")).toInt(7), 7)),
                        time);
    else
        text = tr("Scheduled backups: off.");
    if (schedule == QLatin1String("daily") || schedule == QLatin1String("weekly"))
        text += u' ' + tr("Kept: the newest %n, and one per week for %1 weeks.", nullptr, daily)
                           .arg(weekly);
    m_scheduleLabel->setText(text);
    refreshTexts(m_model);
    // The work going on and the last outcome, in the new language.
    m_task->setText(m_taskText.toString());
    m_statusLabel->setText(m_status.toString());
    updateState();
}

} // namespace hm::app
