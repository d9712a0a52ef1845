#pragma once

#include "client/ApiTypes.h"
#include "client/UsersApi.h"
#include "widgets/RemoteListModel.h"

namespace hm::app {

// The Users list (ADMIN): a lazy, paged remote model over GET /users.
// Rows come a page at a time as the view asks (canFetchMore / fetchMore);
// search, the role and status filters and the sort are the server's, so
// changing them asks again from page 1 (paging: RemoteListModel).
class UserListModel final : public RemoteList<client::UserInfo>
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

    explicit UserListModel(QObject *parent = nullptr);

    void setSearch(const QString &search);
    void setRoleFilter(const QString &role);
    void setStatusFilter(const QString &status);
    QString search() const { return m_filter.search; }

    const client::UserInfo *user(int row) const { return item(row); }
    // A user as the server now has it (after an edit): its row changes.
    void updateUser(const client::UserInfo &user);
    // Another console's change from /ws/events (user_created, user_updated,
    // user_deleted), applied to the loaded rows without a reload: a new
    // user matching the search and filters comes first, an edited one
    // changes in place (or leaves when it no longer matches), a deleted one
    // leaves.
    void applyEvent(const QString &type, const QJsonObject &data);

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // Username, e-mail, last login and created sort on the server; the
    // other columns keep the order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void requestPage(client::ApiClient &client, int page, int size, PageCallback done) override;
    QString idOf(const client::UserInfo &user) const override { return user.id; }
    QVariant cellData(const client::UserInfo &user, int column, int role) const override;
    bool matches(const client::UserInfo &user) const;

    client::UserFilter m_filter;
};

} // namespace hm::app
