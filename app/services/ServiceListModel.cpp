#include "services/ServiceListModel.h"

#include "client/ApiClient.h"
#include "services/ServiceText.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/DateTimeText.h"

#include <QColor>
#include <QLocale>

namespace hm::app {

ServiceListModel::ServiceListModel(QObject *parent) : RemoteList(ColumnCount, {}, parent) {}

void ServiceListModel::setSearch(const QString &search)
{
    if (m_filter.search == search)
        return;
    m_filter.search = search;
    reload();
}

void ServiceListModel::setCredentialNames(const QHash<QString, QString> &names)
{
    m_credentialNames = names;
    if (rowCount() > 0)
        emit dataChanged(index(0, CredentialColumn), index(rowCount() - 1, CredentialColumn));
}

void ServiceListModel::requestPage(client::ApiClient &client, int page, int size,
                                   PageCallback done)
{
    client::ServiceFilter filter = m_filter;
    filter.page = client::PageRequest{page, size};
    client::ServicesApi(client).list(filter, std::move(done));
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
        replaceItem(at, row);
        return;
    }
    if (!matches(service) || (state() != State::Ready && state() != State::Failed))
        return;
    // By name, as the server sorts; past the loaded rows it comes last.
    int position = rowCount();
    for (int i = 0; i < rowCount(); ++i) {
        if (QString::compare(items().at(i).name, row.name, Qt::CaseInsensitive) > 0) {
            position = i;
            break;
        }
    }
    insertItem(position, row);
    setState(State::Ready);
}

void ServiceListModel::remove(const QString &id)
{
    const int row = rowOf(id);
    if (row >= 0)
        removeItem(row);
}

QVariant ServiceListModel::cellData(const client::ServiceInfo &s, int column, int role) const
{
    switch (role) {
    case IdRole:
        return s.id;
    case StatusNameRole:
        return s.status;
    case Qt::ToolTipRole:
        switch (column) {
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
        switch (column) {
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
        if (column == StatusColumn)
            return s.status == QLatin1String("active")  ? QColor(0x2e, 0x9e, 0x5b)
                   : s.status == QLatin1String("error") ? QColor(0xd0, 0x3b, 0x3b)
                                                        : QColor(0x8a, 0x8f, 0x98);
        return {};
    case Qt::TextAlignmentRole:
        return columnAlignment(column == EndpointsColumn);
    default:
        return {};
    }
}

QVariant ServiceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return columnAlignment(section == EndpointsColumn);
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
