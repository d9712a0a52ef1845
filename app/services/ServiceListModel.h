#pragma once

#include "client/ServicesApi.h"
#include "widgets/RemoteListModel.h"

#include <QHash>

namespace hm::app {

// The Services list: a lazy, paged remote model over GET /services, by name.
// Rows come a page at a time as the view asks (canFetchMore / fetchMore);
// the search is the server's (name or display name), so changing it asks
// again from page 1 (paging: RemoteListModel). The linked credential is
// shown by name when the page gave the names it could read
// (setCredentialNames), else as "linked".
class ServiceListModel final : public RemoteList<client::ServiceInfo>
{
    Q_OBJECT

public:
    enum Column
    {
        StatusColumn,
        NameColumn,
        BaseUrlColumn,
        EndpointsColumn,
        CredentialColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        StatusNameRole, // "active" ...
    };

    explicit ServiceListModel(QObject *parent = nullptr);

    void setSearch(const QString &search);
    QString search() const { return m_filter.search; }
    bool isFiltered() const { return !m_filter.search.isEmpty(); }
    void setCredentialNames(const QHash<QString, QString> &names);

    const client::ServiceInfo *service(int row) const { return item(row); }
    // A service as the server now has it (after a register, an update or a
    // refresh): its row changes, or a new one comes in name order.
    void upsert(const client::ServiceInfo &service);
    void remove(const QString &id);

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void requestPage(client::ApiClient &client, int page, int size, PageCallback done) override;
    QString idOf(const client::ServiceInfo &service) const override { return service.id; }
    QVariant cellData(const client::ServiceInfo &service, int column, int role) const override;
    bool matches(const client::ServiceInfo &service) const;

    client::ServiceFilter m_filter;
    QHash<QString, QString> m_credentialNames;
};

} // namespace hm::app
