#pragma once

#include "client/ApiTypes.h"
#include "client/FlowTypes.h"
#include "common/Error.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QSet>

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// The executions list (GET /api/v1/executions) as a lazy remote table
// model: pages of 50 are fetched as the view scrolls (canFetchMore /
// fetchMore), filtered on the server by flow, status and creation time.
// Kept live by the server's event stream (applyEvent): loaded rows are
// updated in place and new executions are inserted at the top; nothing is
// ever reloaded as a whole. Rows a later page brings twice (because new
// ones pushed the pages down) are recognised by id and skipped.
class ExecutionListModel : public QAbstractTableModel
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
    enum class State
    {
        Idle,    // no client yet
        Loading, // the first page is on its way
        Ready,   // rows (maybe none) are shown
        Error,   // the first page failed: error()
    };
    Q_ENUM(State)

    struct Filter
    {
        QString flowId;
        QString status;
        // Created within the last `withinMs` (0 = any time).
        qint64 withinMs = 0;
        bool operator==(const Filter &) const = default;
        bool isEmpty() const { return flowId.isEmpty() && status.isEmpty() && withinMs == 0; }
    };

    static constexpr int kPageSize = 50;

    explicit ExecutionListModel(QObject *parent = nullptr);
    ~ExecutionListModel() override;

    // Starts over with this client (first page).
    void setClient(hm::client::ApiClient *client);
    void setFilter(const Filter &filter);
    const Filter &filter() const { return m_filter; }
    // The first page again, merged: new rows on top, known rows updated.
    void refresh();
    // Drops everything and loads the first page (after an error: Retry).
    void reload();

    State state() const { return m_state; }
    const hm::Error &error() const { return m_error; }
    // Rows the server has for this filter (as of the last page).
    qint64 totalOnServer() const { return m_total; }

    // A message of /ws/events (type execution_queued, _started, _completed,
    // _failed, _cancelled; data {execution_id, flow_id, flow_version,
    // status, …}).
    void applyEvent(const QString &type, const QJsonObject &data);
    // Running rows' durations count up: asks the view to repaint them.
    void tick();

    int rowOf(const QString &executionId) const { return m_rowById.value(executionId, -1); }
    const hm::client::ExecutionSummary &summary(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void stateChanged(hm::app::ExecutionListModel::State state);

private:
    void fetchPage(int page, bool merge);
    void onPage(int page, bool merge, const hm::client::Page<hm::client::ExecutionSummary> &answer);
    bool matches(const hm::client::ExecutionSummary &row) const;
    void insertTop(const QList<hm::client::ExecutionSummary> &rows);
    void updateRow(int row, const hm::client::ExecutionSummary &summary);
    void reindex(int from);
    void lookUpFlowName(const QString &flowId);
    void setState(State state);
    hm::client::ExecutionFilter serverFilter(int page) const;

    QPointer<hm::client::ApiClient> m_client;
    Filter m_filter;
    QDateTime m_since; // created at or after, from the filter when it was set
    QList<hm::client::ExecutionSummary> m_rows;
    QHash<QString, int> m_rowById;
    QHash<QString, QString> m_flowNames;
    QSet<QString> m_flowNamesAsked;
    State m_state = State::Idle;
    hm::Error m_error;
    int m_pagesLoaded = 0;
    bool m_hasMore = false;
    bool m_fetching = false;
    qint64 m_total = 0;
    quint64 m_generation = 0;
};

} // namespace hm::app
