#pragma once

#include "client/FlowTypes.h"
#include "widgets/RemoteListModel.h"

#include <QSet>

namespace hm::app {

// The Flows section's list: a lazy, paged remote model over GET /flows
// (console.md "Lists"; paging: RemoteListModel). Rows come a page at a time
// as the view asks (canFetchMore / fetchMore); search and the owner /
// shared-with-me scope are filters of the server, so changing them asks
// again from page 1.
//
// It stays live without reloading: applyEvent() takes /ws/events messages
// and changes only the rows they concern — execution_* messages the "last
// execution" cell of their flow, flow messages (created, updated, version
// added, published, deleted) the flow's row from the fields they carry;
// only share changes, and updates of flows the list does not hold, ask the
// server for the flow. The page's own
// changes go in the same way (upsertFlow, removeFlow). A flow created or
// deleted between two pages is neither shown twice nor skipped (the base's
// paging by offset, with the server's order: newest first).
class FlowListModel final : public RemoteList<client::FlowSummary>
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

    explicit FlowListModel(client::ApiClient *client, QObject *parent = nullptr);
    ~FlowListModel() override;

    // Each change asks the server again from the first page.
    void setSearch(const QString &search);
    QString search() const { return m_search; }
    void setScope(Scope scope);
    Scope scope() const { return m_scope; }
    // The signed-in user, for the "mine" scope of flows that events bring.
    void setCurrentUserId(const QString &userId) { m_userId = userId; }

    // A flow as the server now has it: its row is updated, or — when it is
    // new to the model and matches the filters — inserted at the top (the
    // list is newest first). A row that no longer matches (renamed out of
    // the search) leaves.
    void upsertFlow(const client::FlowSummary &flow);
    void removeFlow(const QString &flowId);
    // A /ws/events message. Unknown types are ignored.
    void applyEvent(const QString &type, const QJsonObject &data);

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void requestPage(client::ApiClient &client, int page, int size, PageCallback done) override;
    QString idOf(const client::FlowSummary &flow) const override { return flow.id; }
    QVariant cellData(const client::FlowSummary &flow, int column, int role) const override;
    bool sortsBefore(const client::FlowSummary &a, const client::FlowSummary &b) const override;
    bool matchesFilters(const client::FlowSummary &flow) const;
    void refreshFlow(const QString &flowId);
    void applyExecutionEvent(const QString &type, const QJsonObject &data);

    QString m_search;
    Scope m_scope = Scope::All;
    QString m_userId;
    QSet<QString> m_refreshing; // flows asked for after an event
};

} // namespace hm::app
