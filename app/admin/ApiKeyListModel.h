#pragma once

#include "client/ApiTypes.h"
#include "widgets/RemoteListModel.h"

namespace hm::app {

// The signed-in user's API keys (GET /auth/api-keys): a user has a handful,
// so the server answers them in one list and the model holds them all; a
// reload keeps them shown until the answer replaces them.
class ApiKeyListModel final : public RemoteList<client::ApiKeyInfo>
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

    explicit ApiKeyListModel(QObject *parent = nullptr);

    const client::ApiKeyInfo *key(int row) const { return item(row); }
    // Another console's change from /ws/events (api_key_created,
    // api_key_revoked), applied to the rows without a reload.
    void applyEvent(const QString &type, const QJsonObject &data);

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void requestPage(client::ApiClient &client, int page, int size, PageCallback done) override;
    QString idOf(const client::ApiKeyInfo &key) const override { return key.id; }
    QVariant cellData(const client::ApiKeyInfo &key, int column, int role) const override;
};

} // namespace hm::app
