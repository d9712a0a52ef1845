#include "credentials/CredentialListModel.h"

#include "client/ApiClient.h"
#include "credentials/CredentialText.h"
#include "widgets/DateTimeText.h"

namespace hm::app {

CredentialListModel::CredentialListModel(QObject *parent) : QAbstractTableModel(parent) {}

void CredentialListModel::setClient(client::ApiClient *client)
{
    m_client = client;
    reset();
}

void CredentialListModel::setSearch(const QString &search)
{
    if (m_filter.search == search)
        return;
    m_filter.search = search;
    reload();
}

void CredentialListModel::setTypeFilter(const QString &type)
{
    if (m_filter.type == type)
        return;
    m_filter.type = type;
    reload();
}

void CredentialListModel::setPageSize(int size)
{
    m_pageSize = qBound(1, size, 100);
}

void CredentialListModel::reset()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    m_nextPage = 1;
    m_hasNext = false;
    m_fetching = false;
    endResetModel();
    setState(State::Idle);
}

void CredentialListModel::reload()
{
    if (!m_client)
        return;
    reset();
    setState(State::Loading);
    requestPage(1);
}

void CredentialListModel::requestPage(int page)
{
    if (!m_client)
        return;
    m_fetching = true;
    const quint64 generation = m_generation;
    client::CredentialFilter filter = m_filter;
    filter.page = client::PageRequest{page, m_pageSize};
    client::CredentialsApi(*m_client).list(
        filter, [this, generation, guard = QPointer<CredentialListModel>(this)](
                    Result<client::Page<client::CredentialInfo>> r) {
            if (!guard || generation != m_generation)
                return;
            m_fetching = false;
            if (!r) {
                m_error = r.error();
                if (m_rows.isEmpty())
                    setState(State::Failed);
                else
                    emit fetchFailed(m_error);
                return;
            }
            // A credential created meanwhile shifts the pages: no row twice.
            QList<client::CredentialInfo> fresh;
            for (const client::CredentialInfo &c : r->items) {
                if (rowOf(c.id) < 0)
                    fresh << c;
            }
            if (!fresh.isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size()) - 1);
                m_rows << fresh;
                endInsertRows();
            }
            m_total = r->total;
            m_hasNext = r->hasNext;
            m_nextPage = r->page + 1;
            setState(State::Ready);
        });
}

void CredentialListModel::setState(State state)
{
    if (m_state == state && state != State::Failed)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool CredentialListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_state == State::Ready && m_hasNext && !m_fetching;
}

void CredentialListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage(m_nextPage);
}

const client::CredentialInfo *CredentialListModel::credential(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int CredentialListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id == id)
            return row;
    }
    return -1;
}

bool CredentialListModel::matches(const client::CredentialInfo &credential) const
{
    if (!m_filter.type.isEmpty() && credential.type != m_filter.type)
        return false;
    return m_filter.search.isEmpty() ||
           credential.name.contains(m_filter.search, Qt::CaseInsensitive);
}

void CredentialListModel::upsert(const client::CredentialInfo &credential)
{
    const int row = rowOf(credential.id);
    if (row >= 0) {
        if (!matches(credential))
            return remove(credential.id);
        m_rows[row] = credential;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    if (!matches(credential) || (m_state != State::Ready && m_state != State::Failed))
        return;
    beginInsertRows({}, 0, 0);
    m_rows.prepend(credential);
    endInsertRows();
    ++m_total;
    setState(State::Ready);
}

void CredentialListModel::remove(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    m_total = std::max<qint64>(0, m_total - 1);
}

int CredentialListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CredentialListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CredentialListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::CredentialInfo &c = m_rows[index.row()];
    switch (role) {
    case IdRole:
        return c.id;
    case TypeNameRole:
        return c.type;
    case Qt::ToolTipRole:
        if (index.column() == NameColumn && !c.description.isEmpty())
            return c.description;
        if (index.column() == UpdatedColumn)
            return tr("Created %1").arg(dateTimeText(c.createdAt));
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return c.name;
        case TypeColumn:
            return CredentialText::type(c.type);
        case VisibilityColumn:
            return CredentialText::visibility(c.visibility);
        case OwnerColumn:
            return c.ownerName.isEmpty() ? tr("(deleted user)") : c.ownerName;
        case UpdatedColumn:
            return dateTimeText(c.updatedAt);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant CredentialListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case VisibilityColumn:
        return tr("Visibility");
    case OwnerColumn:
        return tr("Owner");
    case UpdatedColumn:
        return tr("Updated");
    default:
        return {};
    }
}

} // namespace hm::app
