#pragma once

#include "client/ExecutionsApi.h"
#include "client/FlowTypes.h"
#include "widgets/RemoteListModel.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

namespace hm::app {

// The executions list (GET /api/v1/executions) as a lazy remote table
// model (paging: RemoteListModel): pages of 50 are fetched as the view
// scrolls, filtered on the server by flow, status and creation time. Kept
// live by the server's event stream (applyEvent): loaded rows are updated
// in place and new executions are inserted at the top; refresh() merges the
// first page again (after the stream was down); nothing is reloaded as a
// whole unless the filter changes.
class ExecutionListModel : public RemoteList<hm::client::ExecutionSummary>
{
    Q_OBJECT

public:
    enum Column
    {
        StatusColumn,
        FlowColumn,
        VersionColumn,
        StartedColumn,
        DurationColumn,
        TriggeredByColumn,
        IdColumn,
        ColumnCount
    };
    enum Role
    {
        ExecutionIdRole = Qt::UserRole + 1,
        FlowIdRole,
        StatusRole, // RunStatus as int
    };

    struct Filter
    {
        QString flowId;
        QString status;
        // Created within the last `withinMs` (0 = any time).
        qint64 withinMs = 0;
        bool operator==(const Filter &) const = default;
        bool isEmpty() const { return flowId.isEmpty() && status.isEmpty() && withinMs == 0; }
    };

    explicit ExecutionListModel(QObject *parent = nullptr);
    ~ExecutionListModel() override;

    // A new filter asks again from the first page.
    void setFilter(const Filter &filter);
    const Filter &filter() const { return m_filter; }

    // A message of /ws/events (type execution_queued, _started, _completed,
    // _failed, _cancelled; data {execution_id, flow_id, flow_version,
    // status, …}).
    void applyEvent(const QString &type, const QJsonObject &data);
    // Running rows' durations count up: asks the view to repaint them.
    void tick();

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    using ExecutionSummary = hm::client::ExecutionSummary;

    void requestPage(client::ApiClient &client, int page, int size, PageCallback done) override;
    QString idOf(const ExecutionSummary &row) const override { return row.executionId; }
    QVariant cellData(const ExecutionSummary &row, int column, int role) const override;
    // Newest first, as the server lists them.
    bool sortsBefore(const ExecutionSummary &a, const ExecutionSummary &b) const override
    {
        return a.createdAt > b.createdAt;
    }
    void updateFromPage(int row, const ExecutionSummary &summary) override;
    bool matches(const ExecutionSummary &row) const;
    void lookUpFlowName(const QString &flowId);

    Filter m_filter;
    QDateTime m_since; // created at or after, from the filter when asked
    QHash<QString, QString> m_flowNames;
    QSet<QString> m_flowNamesAsked;
};

} // namespace hm::app
