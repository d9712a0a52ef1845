#include "operations/BackupListModel.h"

#include "widgets/ByteSizeText.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/DateTimeText.h"

#include <QLocale>

namespace hm::app {

BackupListModel::BackupListModel(QObject *parent)
    : RemoteList(ColumnCount, {.reloadOnNewClient = true}, parent)
{}

void BackupListModel::requestPage(hm::client::ApiClient &client, int page, int size,
                                  PageCallback done)
{
    hm::client::BackupsApi(client).list({page, size}, std::move(done));
}

bool BackupListModel::sortsBefore(const hm::client::Backup &a, const hm::client::Backup &b) const
{
    // Newest first; ids (backup_YYYYMMDD_HHMMSS…) break ties in time.
    if (a.createdAt != b.createdAt)
        return a.createdAt > b.createdAt;
    return a.id > b.id;
}

void BackupListModel::updateFromPage(int row, const hm::client::Backup &item)
{
    replaceItem(row, item);
}

void BackupListModel::apply(const hm::client::Backup &backup)
{
    if (backup.id.isEmpty())
        return;
    if (const int row = rowOf(backup.id); row >= 0)
        replaceItem(row, backup);
    else
        insertItem(placeOf(backup), backup, true);
}

void BackupListModel::applyProgress(const QString &id, int progress)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    hm::client::Backup backup = *item(row);
    backup.progress = progress;
    replaceItem(row, backup, StatusColumn);
}

void BackupListModel::forget(const QString &id)
{
    if (const int row = rowOf(id); row >= 0)
        removeItem(row);
}

QString BackupListModel::kindText(const QString &trigger)
{
    if (trigger == QLatin1String("scheduled"))
        return tr("Scheduled");
    if (trigger == QLatin1String("uploaded"))
        return tr("Uploaded");
    return tr("Manual");
}

QString BackupListModel::statusText(const hm::client::Backup &backup)
{
    if (backup.status == QLatin1String("running"))
        return tr("Being made (%1 %)").arg(backup.progress);
    if (backup.status == QLatin1String("failed"))
        return tr("Failed");
    return tr("Complete");
}

QVariant BackupListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return columnAlignment(section == SizeColumn);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case KindColumn:
        return tr("Kind");
    case ChecksumColumn:
        return tr("Checksum");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

QVariant BackupListModel::cellData(const hm::client::Backup &item, int column, int role) const
{
    if (role == Qt::ToolTipRole) {
        if (column == ChecksumColumn)
            return item.checksum; // the whole SHA-256
        if (column == StatusColumn && !item.error.isEmpty())
            return item.error; // the server's words
        if (column == NameColumn)
            return item.id;
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return columnAlignment(column == SizeColumn);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case TimeColumn:
        return dateTimeText(item.createdAt.toLocalTime());
    case NameColumn:
        return item.name.isEmpty() ? item.id : item.name;
    case SizeColumn:
        return item.status == QLatin1String("completed") ? ByteSizeText::format(item.sizeBytes)
                                                         : QString();
    case KindColumn:
        return kindText(item.trigger);
    case ChecksumColumn:
        return item.checksum.left(12);
    case StatusColumn:
        return statusText(item);
    default:
        return {};
    }
}

} // namespace hm::app
