#include "credentials/CredentialListModel.h"

#include "client/ApiClient.h"
#include "credentials/CredentialText.h"
#include "widgets/DateTimeText.h"

namespace hm::app {

CredentialListModel::CredentialListModel(QObject *parent) : RemoteList(ColumnCount, {}, parent) {}

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

void CredentialListModel::requestPage(client::ApiClient &client, int page, int size,
                                      PageCallback done)
{
    client::CredentialFilter filter = m_filter;
    filter.page = client::PageRequest{page, size};
    client::CredentialsApi(client).list(filter, std::move(done));
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
        replaceItem(row, credential);
        return;
    }
    if (!matches(credential) || (state() != State::Ready && state() != State::Failed))
        return;
    insertItem(0, credential);
    setState(State::Ready);
}

void CredentialListModel::remove(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    removeItem(row);
}

QVariant CredentialListModel::cellData(const client::CredentialInfo &c, int column, int role) const
{
    switch (role) {
    case IdRole:
        return c.id;
    case TypeNameRole:
        return c.type;
    case Qt::ToolTipRole:
        if (column == NameColumn && !c.description.isEmpty())
            return c.description;
        if (column == UpdatedColumn)
            return tr("Created %1").arg(dateTimeText(c.createdAt));
        return {};
    case Qt::DisplayRole:
        switch (column) {
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
