#include "services/ServiceListModel.h"

#include "client/ApiClient.h"
#include "services/ServiceText.h"
#include "widgets/DateTimeText.h"

#include <QColor>
#include <QLocale>

namespace hm::app {

ServiceListModel::ServiceListModel(QObject *parent) : QAbstractTableModel(parent) {}

void ServiceListModel::setClient(client::ApiClient *client)
{
    m_client = client;
    reset();
}

void ServiceListModel::setSearch(const QString &search)
{
    if (m_filter.search == search)
        return;
    m_filter.search = search;
    reload();
}

void ServiceListModel::setPageSize(int size)
{
    m_pageSize = qBound(1, size, 100);
}

void ServiceListModel::setCredentialNames(const QHash<QString, QString> &names)
{
    m_credentialNames = names;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, CredentialColumn), index(rowCount() - 1, CredentialColumn));
}

void ServiceListModel::reset()
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

void ServiceListModel::reload()
{
    if (!m_client)
        return;
    reset();
    setState(State::Loading);
    requestPage(1);
}

void ServiceListModel::requestPage(int page)
{
    if (!m_client)
        return;
    m_fetching = true;
    const quint64 generation = m_generation;
    client::ServiceFilter filter = m_filter;
    filter.page = client::PageRequest{page, m_pageSize};
    client::ServicesApi(*m_client).list(
        filter, [this, generation, guard = QPointer<ServiceListModel>(this)](
                    Result<client::Page<client::ServiceInfo>> r) {
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
            // A service registered meanwhile shifts the pages: no row twice.
            QList<client::ServiceInfo> fresh;
            for (const client::ServiceInfo &s : r->items) {
                if (rowOf(s.id) < 0)
                    fresh << s;
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

void ServiceListModel::setState(State state)
{
    if (m_state == state && state != State::Failed)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool ServiceListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_state == State::Ready && m_hasNext && !m_fetching;
}

void ServiceListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage(m_nextPage);
}

const client::ServiceInfo *ServiceListModel::service(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int ServiceListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id == id)
            return row;
    }
    return -1;
}

bool ServiceListModel::matches(const client::ServiceInfo &service) const
{
    return m_filter.search.isEmpty() ||
           service.name.contains(m_filter.search, Qt::CaseInsensitive) ||
           service.displayName.contains(m_filter.search, Qt::CaseInsensitive);
}

void ServiceListModel::upsert(const client::ServiceInfo &service)
{
    client::ServiceInfo row = service;
    row.endpoints.clear(); // the list holds the summary; the page reads the detail
    const int at = rowOf(service.id);
    if (at >= 0) {
        if (!matches(service))
            return remove(service.id);
        m_rows[at] = row;
        emit dataChanged(index(at, 0), index(at, ColumnCount - 1));
        return;
    }
    if (!matches(service) || (m_state != State::Ready && m_state != State::Failed))
        return;
    // By name, as the server sorts; past the loaded rows it comes last.
    int position = int(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i) {
        if (QString::compare(m_rows[i].name, row.name, Qt::CaseInsensitive) > 0) {
            position = i;
            break;
        }
    }
    beginInsertRows({}, position, position);
    m_rows.insert(position, row);
    endInsertRows();
    ++m_total;
    setState(State::Ready);
}

void ServiceListModel::remove(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    m_total = std::max<qint64>(0, m_total - 1);
}

int ServiceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ServiceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServiceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::ServiceInfo &s = m_rows[index.row()];
    switch (role) {
    case IdRole:
        return s.id;
    case StatusNameRole:
        return s.status;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            return s.description.isEmpty() ? s.name : s.description;
        case BaseUrlColumn:
            return s.schemaSource.isEmpty() ? tr("No OpenAPI document: endpoints added by hand")
                                            : tr("Document read from %1").arg(s.schemaSource);
        case StatusColumn:
            return tr("Updated %1").arg(dateTimeText(s.updatedAt));
        default:
            return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case StatusColumn:
            return ServiceText::status(s.status);
        case NameColumn:
            return s.displayName.isEmpty() || s.displayName == s.name
                       ? s.name
                       : tr("%1 (%2)").arg(s.displayName, s.name);
        case BaseUrlColumn:
            return s.baseUrl;
        case EndpointsColumn:
            return QLocale().toString(s.endpointCount);
        case CredentialColumn:
            if (s.credentialId.isEmpty())
                return tr("None");
            return m_credentialNames.value(s.credentialId, tr("Linked"));
        default:
            return {};
        }
    case Qt::DecorationRole:
        // A dot beside the status word (never the colour alone).
        if (index.column() == StatusColumn)
            return s.status == QLatin1String("active")  ? QColor(0x2e, 0x9e, 0x5b)
                   : s.status == QLatin1String("error") ? QColor(0xd0, 0x3b, 0x3b)
                                                        : QColor(0x8a, 0x8f, 0x98);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == EndpointsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant ServiceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case NameColumn:
        return tr("Name");
    case BaseUrlColumn:
        return tr("Base URL");
    case EndpointsColumn:
        return tr("Endpoints");
    case CredentialColumn:
        return tr("Credential");
    default:
        return {};
    }
}

} // namespace hm::app
