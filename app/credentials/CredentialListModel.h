#pragma once

#include "client/CredentialsApi.h"
#include "common/Result.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// The Credentials list: a lazy, paged remote model over GET /credentials
// (own and shared ones; administrators see all), newest first. Rows come a
// page at a time as the view asks (canFetchMore / fetchMore); the search
// and the type filter are the server's, so changing them asks again from
// page 1. Never holds a secret: the API has none to give.
class CredentialListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        TypeColumn,
        VisibilityColumn,
        OwnerColumn,
        UpdatedColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        TypeNameRole, // "http_basic" ...
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

    explicit CredentialListModel(QObject *parent = nullptr);

    void setClient(client::ApiClient *client);
    void setSearch(const QString &search);
    void setTypeFilter(const QString &type);
    void setPageSize(int size);
    QString search() const { return m_filter.search; }
    QString typeFilter() const { return m_filter.type; }
    bool isFiltered() const { return !m_filter.search.isEmpty() || !m_filter.type.isEmpty(); }
    // Drops the rows and asks for the first page.
    void reload();
    void reset();

    State state() const { return m_state; }
    const hm::Error &lastError() const { return m_error; }
    qint64 totalCount() const { return m_total; }
    const client::CredentialInfo *credential(int row) const;
    int rowOf(const QString &id) const;
    // A credential as the server now has it (after a create or an edit):
    // its row changes, or a new one matching the filters comes first.
    void upsert(const client::CredentialInfo &credential);
    void remove(const QString &id);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void stateChanged(hm::app::CredentialListModel::State state);
    void fetchFailed(const hm::Error &error);

private:
    void setState(State state);
    void requestPage(int page);
    bool matches(const client::CredentialInfo &credential) const;

    QPointer<client::ApiClient> m_client;
    client::CredentialFilter m_filter;
    int m_pageSize = kDefaultPageSize;
    QList<client::CredentialInfo> m_rows;
    qint64 m_total = 0;
    int m_nextPage = 1;
    bool m_hasNext = false;
    bool m_fetching = false;
    State m_state = State::Idle;
    hm::Error m_error;
    quint64 m_generation = 0;
};

} // namespace hm::app
