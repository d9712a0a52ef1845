#pragma once

#include "client/FlowTypes.h"
#include "common/Result.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// The Flows section's list: a lazy, paged remote model over GET /flows
// (console.md "Lists"). Rows come a page at a time as the view asks
// (canFetchMore / fetchMore); search and the owner / shared-with-me scope
// are filters of the server, so changing them asks again from page 1.
//
// It stays live without reloading: applyEvent() takes /ws/events messages
// and changes only the rows they concern — execution_* messages the "last
// execution" cell of their flow, flow messages (created, updated, version
// added, published, deleted) the flow's row from the fields they carry;
// only share changes, and updates of flows the list does not hold, ask the
// server for the flow. The page's own
// changes go in the same way (upsertFlow, removeFlow).
//
// Paging is by offset while rows may come and go: the model counts the
// rows that moved in front of its next page and asks for the page that
// holds the next unseen row, skipping rows it already has, so a flow
// created or deleted meanwhile is neither shown twice nor skipped.
class FlowListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StatusColumn,
        LastExecutionColumn,
        UpdatedColumn,
        ColumnCount
    };
    enum Role
    {
        FlowIdRole = Qt::UserRole + 1,
        PermissionRole,    // "view" / "edit" / "admin" / "owner"
        LatestVersionRole, // "3"
        PublishedVersionRole,
        LastExecutionIdRole,
        LastExecutionStatusRole,
    };
    enum class Scope
    {
        All,
        Mine,
        SharedWithMe
    };
    Q_ENUM(Scope)
    enum class State
    {
        Idle,    // nothing asked yet
        Loading, // the first page is on its way
        Ready,
        Failed // the first page failed: lastError()
    };
    Q_ENUM(State)

    static constexpr int kDefaultPageSize = 50;

    explicit FlowListModel(client::ApiClient *client, QObject *parent = nullptr);
    ~FlowListModel() override;

    // Each change asks the server again from the first page.
    void setSearch(const QString &search);
    QString search() const { return m_search; }
    void setScope(Scope scope);
    Scope scope() const { return m_scope; }
    void setPageSize(int size);
    // The signed-in user, for the "mine" scope of flows that events bring.
    void setCurrentUserId(const QString &userId) { m_userId = userId; }

    // The client to ask (another server, a new session); reload() after.
    void setClient(client::ApiClient *client);
    // Drops the rows and asks for the first page.
    void reload();
    // Drops the rows and asks nothing (Idle), e.g. when the session ended.
    void reset();

    State state() const { return m_state; }
    // Why the first page or the last fetchMore() failed.
    const hm::Error &lastError() const { return m_error; }
    // Flows the server has for the filters (as it last said, corrected by
    // the rows added and removed since).
    qint64 totalCount() const { return m_total; }
    bool isFetching() const { return m_fetching; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // The row's flow; nullptr out of range.
    const client::FlowSummary *flow(int row) const;
    int rowOf(const QString &flowId) const;

    // A flow as the server now has it: its row is updated, or — when it is
    // new to the model and matches the filters — inserted at the top (the
    // list is newest first). A row that no longer matches (renamed out of
    // the search) leaves.
    void upsertFlow(const client::FlowSummary &flow);
    void removeFlow(const QString &flowId);
    // A /ws/events message. Unknown types are ignored.
    void applyEvent(const QString &type, const QJsonObject &data);

signals:
    void stateChanged(hm::app::FlowListModel::State state);
    // A fetchMore() failed (the rows loaded so far stay).
    void fetchFailed(const hm::Error &error);

private:
    void setState(State state);
    void requestPage(int page);
    void receivePage(quint64 generation, Result<client::Page<client::FlowSummary>> result);
    bool matchesFilters(const client::FlowSummary &flow) const;
    void refreshFlow(const QString &flowId);
    void applyExecutionEvent(const QString &type, const QJsonObject &data);
    void insertRow(int row, const client::FlowSummary &flow);
    void reindexFrom(int row);

    QPointer<client::ApiClient> m_client;
    QString m_search;
    Scope m_scope = Scope::All;
    QString m_userId;
    int m_pageSize = kDefaultPageSize;

    QList<client::FlowSummary> m_rows;
    QHash<QString, int> m_index; // flow id -> row
    State m_state = State::Idle;
    hm::Error m_error;
    qint64 m_total = 0;
    // Server rows in front of the next unseen one: rows received plus
    // flows that appeared before them since, minus those that left.
    qint64 m_serverOffset = 0;
    bool m_hasMore = false;
    bool m_fetching = false;
    bool m_shiftedWhileFetching = false; // a row left during the fetch
    quint64 m_generation = 0;            // answers of an older reload are dropped
    QSet<QString> m_refreshing;          // flows asked for after an event
};

} // namespace hm::app
