#pragma once

#include "client/AlertTypes.h"
#include "widgets/RemoteListModel.h"

#include <QJsonObject>

namespace hm::app {

// The alerts that fired: a lazy, paged remote model over GET
// /alerts/records, newest first, open ones only or all, of one type or all.
// /ws/events' "alert" messages (a record opened or resolved, here or by the
// server) change the loaded rows in place: a new record goes on top, a
// resolved one changes its row, or leaves it when only open ones show.
class AlertRecordModel final : public RemoteList<client::AlertRecordRow>
{
    Q_OBJECT

public:
    enum Column
    {
        StateColumn,
        RuleColumn,
        NodeColumn,
        TypeColumn,
        ValueColumn,
        ConditionColumn,
        StartedColumn,
        ResolvedColumn,
        ColumnCount
    };
    enum Role
    {
        RecordIdRole = Qt::UserRole + 1,
        ActiveRole, // bool: still firing
    };

    explicit AlertRecordModel(QObject *parent = nullptr);

    void setOnlyActive(bool onlyActive);
    bool onlyActive() const { return m_filter.onlyActive; }
    // "" for every type.
    void setType(const QString &type);
    QString type() const { return m_filter.type; }
    bool isFiltered() const { return !m_filter.type.isEmpty(); }

    const client::AlertRecordRow *record(int row) const { return item(row); }
    // A record as the server now has it: its row changes, comes on top, or
    // leaves when it no longer matches the filters.
    void upsert(const client::AlertRecordRow &record);
    // A /ws/events message; anything but "alert" is ignored.
    void applyEvent(const QString &type, const QJsonObject &data);

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void requestPage(client::ApiClient &client, int page, int size, PageCallback done) override;
    QString idOf(const client::AlertRecordRow &record) const override { return record.id; }
    QVariant cellData(const client::AlertRecordRow &record, int column, int role) const override;
    bool sortsBefore(const client::AlertRecordRow &a,
                     const client::AlertRecordRow &b) const override;
    void updateFromPage(int row, const client::AlertRecordRow &record) override
    {
        replaceItem(row, record);
    }
    bool matches(const client::AlertRecordRow &record) const;

    client::AlertRecordFilter m_filter;
};

} // namespace hm::app
