#include "admin/UserListModel.h"

#include "admin/AdminText.h"
#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "client/UsersApi.h"

namespace hm::app {

UserListModel::UserListModel(QObject *parent) : QAbstractTableModel(parent) {}

void UserListModel::setClient(client::ApiClient *client)
{
    m_client = client;
    reset();
}

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

void UserListModel::setPageSize(int size)
{
    m_pageSize = qBound(1, size, 100);
}

void UserListModel::reset()
{
    ++m_generation;
    beginResetModel();
    m_users.clear();
    m_total = 0;
    m_nextPage = 1;
    m_hasNext = false;
    m_fetching = false;
    endResetModel();
    setState(State::Idle);
}

void UserListModel::reload()
{
    if (!m_client)
        return;
    reset();
    setState(State::Loading);
    requestPage(1);
}

void UserListModel::requestPage(int page)
{
    if (!m_client)
        return;
    m_fetching = true;
    const quint64 generation = m_generation;
    client::UserFilter filter = m_filter;
    filter.page = client::PageRequest{page, m_pageSize};
    client::UsersApi(*m_client).list(
        filter, [this, generation,
                 guard = QPointer<UserListModel>(this)](Result<client::Page<client::UserInfo>> r) {
            if (!guard || generation != m_generation)
                return;
            m_fetching = false;
            if (!r) {
                m_error = r.error();
                if (m_users.isEmpty())
                    setState(State::Failed);
                else
                    emit fetchFailed(m_error);
                return;
            }
            // Rows the model already has (a user created meanwhile shifts
            // the pages) are not shown twice.
            QList<client::UserInfo> fresh;
            for (const client::UserInfo &user : r->items) {
                if (rowOf(user.id) < 0)
                    fresh << user;
            }
            if (!fresh.isEmpty()) {
                beginInsertRows({}, int(m_users.size()), int(m_users.size() + fresh.size()) - 1);
                m_users << fresh;
                endInsertRows();
            }
            m_total = r->total;
            m_hasNext = r->hasNext;
            m_nextPage = r->page + 1;
            setState(State::Ready);
        });
}

void UserListModel::setState(State state)
{
    if (m_state == state && state != State::Failed)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool UserListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_state == State::Ready && m_hasNext && !m_fetching;
}

void UserListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage(m_nextPage);
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
    if (m_state != State::Idle)
        reload();
}

const client::UserInfo *UserListModel::user(int row) const
{
    return row >= 0 && row < m_users.size() ? &m_users[row] : nullptr;
}

int UserListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_users.size(); ++row) {
        if (m_users[row].id == id)
            return row;
    }
    return -1;
}

void UserListModel::updateUser(const client::UserInfo &user)
{
    const int row = rowOf(user.id);
    if (row < 0)
        return;
    m_users[row] = user;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
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

void UserListModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_users.removeAt(row);
    endRemoveRows();
    m_total = std::max<qint64>(0, m_total - 1);
}

void UserListModel::applyEvent(const QString &type, const QJsonObject &data)
{
    if (m_state != State::Ready) // a page on its way will have it
        return;
    const QString id = data.value(QStringLiteral("user_id")).toString();
    if (id.isEmpty())
        return;
    const int row = rowOf(id);
    if (type == QLatin1String("user_deleted")) {
        if (row >= 0)
            removeRow(row);
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
            removeRow(row);
        return;
    }
    if (!matches(user))
        return;
    beginInsertRows({}, 0, 0);
    m_users.prepend(user);
    endInsertRows();
    ++m_total;
}

int UserListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UserListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::UserInfo &u = m_users[index.row()];
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
        switch (index.column()) {
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
