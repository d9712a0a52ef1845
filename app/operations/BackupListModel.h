#pragma once

#include "client/BackupsApi.h"
#include "widgets/RemoteListModel.h"

namespace hm::app {

// GET /api/v1/backup/backups, newest first, a page at a time (fetchMore):
// when, name, size, kind (manual, scheduled, uploaded), the checksum's
// first digits, status (with the progress of one being made). apply()
// takes a row from /ws/events (backup_completed, …): a known row changes
// in place, a new one goes where it belongs.
class BackupListModel : public RemoteList<hm::client::Backup>
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        NameColumn,
        SizeColumn,
        KindColumn,
        ChecksumColumn,
        StatusColumn,
        ColumnCount
    };

    explicit BackupListModel(QObject *parent = nullptr);

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void apply(const hm::client::Backup &backup);
    // backup_progress {backup_id, progress}
    void applyProgress(const QString &id, int progress);
    void forget(const QString &id);

    static QString kindText(const QString &trigger);
    static QString statusText(const hm::client::Backup &backup);

protected:
    void requestPage(hm::client::ApiClient &client, int page, int size,
                     PageCallback done) override;
    QString idOf(const hm::client::Backup &item) const override { return item.id; }
    QVariant cellData(const hm::client::Backup &item, int column, int role) const override;
    bool sortsBefore(const hm::client::Backup &a, const hm::client::Backup &b) const override;
    void updateFromPage(int row, const hm::client::Backup &item) override;
};

} // namespace hm::app
