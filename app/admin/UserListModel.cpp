#include "admin/UserListModel.h"

#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "client/UsersApi.h"
#include "widgets/AdminText.h"

namespace hm::app {

UserListModel::UserListModel(QObject *parent) : RemoteList(ColumnCount, {}, parent) {}

void UserListModel::setSearch(const QString &search)
{
    if (m_filter.search == search)
        return;
    m_filter.search = search;
    reload();
}

void UserListModel::setRoleFilter(const QString &role)
{
    if (m_filter.role == role)
        return;
    m_filter.role = role;
    reload();
}

void UserListModel::setStatusFilter(const QString &status)
{
    if (m_filter.status == status)
        return;
    m_filter.status = status;
    reload();
}

void UserListModel::requestPage(client::ApiClient &client, int page, int size, PageCallback done)
{
    client::UserFilter filter = m_filter;
    filter.page = client::PageRequest{page, size};
    client::UsersApi(client).list(filter, std::move(done));
}

void UserListModel::sort(int column, Qt::SortOrder order)
{
    QString key;
    switch (column) {
    case UsernameColumn:
        key = QStringLiteral("username");
        break;
    case EmailColumn:
        key = QStringLiteral("email");
        break;
    case LastLoginColumn:
        key = QStringLiteral("last_login");
        break;
    case CreatedColumn:
        key = QStringLiteral("created_at");
        break;
    default:
        return;
    }
    const bool descending = order == Qt::DescendingOrder;
    if (m_filter.sort == key && m_filter.descending == descending)
        return;
    m_filter.sort = key;
    m_filter.descending = descending;
    if (state() != State::Idle)
        reload();
}

void UserListModel::updateUser(const client::UserInfo &user)
{
    const int row = rowOf(user.id);
    if (row < 0)
        return;
    replaceItem(row, user);
}

bool UserListModel::matches(const client::UserInfo &user) const
{
    if (user.status == QLatin1String("deleted") && m_filter.status != QLatin1String("deleted"))
        return false;
    if (!m_filter.role.isEmpty() && user.role.compare(m_filter.role, Qt::CaseInsensitive) != 0)
        return false;
    if (!m_filter.status.isEmpty() &&
        user.status.compare(m_filter.status, Qt::CaseInsensitive) != 0)
        return false;
    if (m_filter.search.isEmpty())
        return true;
    return user.username.contains(m_filter.search, Qt::CaseInsensitive) ||
           user.fullName.contains(m_filter.search, Qt::CaseInsensitive) ||
           user.email.contains(m_filter.search, Qt::CaseInsensitive);
}

void UserListModel::applyEvent(const QString &type, const QJsonObject &data)
{
    if (state() != State::Ready) // a page on its way will have it
        return;
    const QString id = data.value(QStringLiteral("user_id")).toString();
    if (id.isEmpty())
        return;
    const int row = rowOf(id);
    if (type == QLatin1String("user_deleted")) {
        if (row >= 0)
            removeItem(row);
        return;
    }
    if (type != QLatin1String("user_created") && type != QLatin1String("user_updated"))
        return;
    const client::UserInfo user = client::json::user(data.value(QStringLiteral("user")).toObject());
    if (user.id != id)
        return;
    if (row >= 0) {
        if (matches(user))
            updateUser(user);
        else
            removeItem(row);
        return;
    }
    if (!matches(user))
        return;
    insertItem(0, user);
}

QVariant UserListModel::cellData(const client::UserInfo &u, int column, int role) const
{
    const bool locked = u.lockedUntil.isValid() && u.lockedUntil > QDateTime::currentDateTimeUtc();
    switch (role) {
    case UserIdRole:
        return u.id;
    case RoleNameRole:
        return u.role;
    case StatusNameRole:
        return u.status;
    case LockedRole:
        return locked;
    case Qt::DisplayRole:
        switch (column) {
        case UsernameColumn:
            return u.username;
        case FullNameColumn:
            return u.fullName;
        case EmailColumn:
            return u.email;
        case RoleColumn:
            return AdminText::role(u.role);
        case StatusColumn:
            return locked ? tr("%1, locked until %2")
                                .arg(AdminText::userStatus(u.status),
                                     AdminText::dateTime(u.lockedUntil))
                          : AdminText::userStatus(u.status);
        case TwoFactorColumn:
            return u.twoFactorEnabled ? tr("On") : tr("Off");
        case LastLoginColumn:
            return AdminText::dateTime(u.lastLogin, tr("never"));
        case CreatedColumn:
            return AdminText::dateTime(u.createdAt);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant UserListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case UsernameColumn:
        return tr("Username");
    case FullNameColumn:
        return tr("Full name");
    case EmailColumn:
        return tr("E-mail");
    case RoleColumn:
        return tr("Role");
    case StatusColumn:
        return tr("Status");
    case TwoFactorColumn:
        return tr("Two-factor");
    case LastLoginColumn:
        return tr("Last sign-in");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace hm::app
