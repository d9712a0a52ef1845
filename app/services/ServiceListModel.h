#pragma once

#include "client/ServicesApi.h"
#include "common/Result.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// The Services list: a lazy, paged remote model over GET /services, by name.
// Rows come a page at a time as the view asks (canFetchMore / fetchMore);
// the search is the server's (name or display name), so changing it asks
// again from page 1. The linked credential is shown by name when the page
// gave the names it could read (setCredentialNames), else as "linked".
class ServiceListModel final : public QAbstractTableModel
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
    enum class State
    {
        Idle,
        Loading,
        Ready,
        Failed
    };
    Q_ENUM(State)
    static constexpr int kDefaultPageSize = 50;

    explicit ServiceListModel(QObject *parent = nullptr);

    void setClient(client::ApiClient *client);
    void setSearch(const QString &search);
    void setPageSize(int size);
    QString search() const { return m_filter.search; }
    bool isFiltered() const { return !m_filter.search.isEmpty(); }
    void setCredentialNames(const QHash<QString, QString> &names);
    // Drops the rows and asks for the first page.
    void reload();
    void reset();

    State state() const { return m_state; }
    const hm::Error &lastError() const { return m_error; }
    qint64 totalCount() const { return m_total; }
    const client::ServiceInfo *service(int row) const;
    int rowOf(const QString &id) const;
    // A service as the server now has it (after a register, an update or a
    // refresh): its row changes, or a new one comes in name order.
    void upsert(const client::ServiceInfo &service);
    void remove(const QString &id);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void stateChanged(hm::app::ServiceListModel::State state);
    void fetchFailed(const hm::Error &error);

private:
    void setState(State state);
    void requestPage(int page);
    bool matches(const client::ServiceInfo &service) const;

    QPointer<client::ApiClient> m_client;
    client::ServiceFilter m_filter;
    QHash<QString, QString> m_credentialNames;
    int m_pageSize = kDefaultPageSize;
    QList<client::ServiceInfo> m_rows;
    qint64 m_total = 0;
    int m_nextPage = 1;
    bool m_hasNext = false;
    bool m_fetching = false;
    State m_state = State::Idle;
    hm::Error m_error;
    quint64 m_generation = 0;
};

} // namespace hm::app
