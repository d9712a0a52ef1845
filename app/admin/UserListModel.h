#pragma once

#include "client/ApiTypes.h"
#include "client/UsersApi.h"
#include "common/Result.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// The Users list (ADMIN): a lazy, paged remote model over GET /users.
// Rows come a page at a time as the view asks (canFetchMore / fetchMore);
// search, the role and status filters and the sort are the server's, so
// changing them asks again from page 1.
class UserListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        UsernameColumn,
        FullNameColumn,
        EmailColumn,
        RoleColumn,
        StatusColumn,
        TwoFactorColumn,
        LastLoginColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role
    {
        UserIdRole = Qt::UserRole + 1,
        RoleNameRole,   // "admin" / "user" / "viewer"
        StatusNameRole, // "active" / "suspended" / ...
        LockedRole,     // bool: failed logins locked the account
    };
    enum class State
    {
        Idle,
        Loading,
        Ready,
        Failed
    };
    Q_ENUM(State)
    static constexpr int kDefaultPageSize = 50;

    explicit UserListModel(QObject *parent = nullptr);

    void setClient(client::ApiClient *client);
    void setSearch(const QString &search);
    void setRoleFilter(const QString &role);
    void setStatusFilter(const QString &status);
    void setPageSize(int size);
    QString search() const { return m_filter.search; }
    // Drops the rows and asks for the first page.
    void reload();
    void reset();

    State state() const { return m_state; }
    const hm::Error &lastError() const { return m_error; }
    qint64 totalCount() const { return m_total; }
    bool isFetching() const { return m_fetching; }
    const client::UserInfo *user(int row) const;
    int rowOf(const QString &id) const;
    // A user as the server now has it (after an edit): its row changes.
    void updateUser(const client::UserInfo &user);
    // Another console's change from /ws/events (user_created, user_updated,
    // user_deleted), applied to the loaded rows without a reload: a new
    // user matching the search and filters comes first, an edited one
    // changes in place (or leaves when it no longer matches), a deleted one
    // leaves.
    void applyEvent(const QString &type, const QJsonObject &data);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Username, e-mail, last login and created sort on the server; the
    // other columns keep the order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void stateChanged(hm::app::UserListModel::State state);
    void fetchFailed(const hm::Error &error);

private:
    void setState(State state);
    void requestPage(int page);
    bool matches(const client::UserInfo &user) const;
    void removeRow(int row);

    QPointer<client::ApiClient> m_client;
    client::UserFilter m_filter;
    int m_pageSize = kDefaultPageSize;
    QList<client::UserInfo> m_users;
    qint64 m_total = 0;
    int m_nextPage = 1;
    bool m_hasNext = false;
    bool m_fetching = false;
    State m_state = State::Idle;
    hm::Error m_error;
    quint64 m_generation = 0;
};

} // namespace hm::app
