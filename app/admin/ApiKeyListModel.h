#pragma once

#include "client/ApiTypes.h"
#include "common/Result.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// The signed-in user's API keys (GET /auth/api-keys): a user has a handful,
// so the server answers them in one list and the model holds them all.
class ApiKeyListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        PrefixColumn,
        AccessColumn,
        PermissionsColumn,
        AllowedIpsColumn,
        EndpointsColumn,
        RateColumn,
        BurstColumn,
        ExpiresColumn,
        LastUsedColumn,
        ColumnCount
    };
    enum Role
    {
        KeyIdRole = Qt::UserRole + 1,
    };
    enum class State
    {
        Idle,
        Loading,
        Ready,
        Failed
    };
    Q_ENUM(State)

    explicit ApiKeyListModel(QObject *parent = nullptr);

    void setClient(client::ApiClient *client);
    void reload();
    State state() const { return m_state; }
    const hm::Error &lastError() const { return m_error; }
    const client::ApiKeyInfo *key(int row) const;
    int rowOf(const QString &id) const;
    // Another console's change from /ws/events (api_key_created,
    // api_key_revoked), applied to the rows without a reload.
    void applyEvent(const QString &type, const QJsonObject &data);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void stateChanged(hm::app::ApiKeyListModel::State state);

private:
    void setState(State state);

    QPointer<client::ApiClient> m_client;
    QList<client::ApiKeyInfo> m_keys;
    State m_state = State::Idle;
    hm::Error m_error;
    quint64 m_generation = 0;
};

} // namespace hm::app
