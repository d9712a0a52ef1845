#pragma once

#include "client/CredentialsApi.h"
#include "common/Result.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// What uses one credential ("Used by" in the credential dialog): a lazy,
// paged remote model over GET /credentials/{id}/usages, by kind and name.
// Rows come a page at a time as the view asks (canFetchMore / fetchMore).
class CredentialUsageModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        KindColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        KindRole, // "service" ...
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

    explicit CredentialUsageModel(QObject *parent = nullptr);

    // Drops the rows and asks for the first page of `credentialId`'s users.
    void load(client::ApiClient *client, const QString &credentialId);
    void setPageSize(int size);

    State state() const { return m_state; }
    const hm::Error &lastError() const { return m_error; }
    qint64 totalCount() const { return m_total; }
    const client::CredentialUsage *usage(int row) const;
    // After a language change: the headers and the kind words again.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void stateChanged(hm::app::CredentialUsageModel::State state);

private:
    void setState(State state);
    void requestPage(int page);

    QPointer<client::ApiClient> m_client;
    QString m_credentialId;
    int m_pageSize = kDefaultPageSize;
    QList<client::CredentialUsage> m_rows;
    qint64 m_total = 0;
    int m_nextPage = 1;
    bool m_hasNext = false;
    bool m_fetching = false;
    State m_state = State::Idle;
    hm::Error m_error;
    quint64 m_generation = 0;
};

} // namespace hm::app
