#pragma once

#include "client/CredentialsApi.h"
#include "widgets/RemoteListModel.h"

namespace hm::app {

// What uses one credential ("Used by" in the credential dialog): a lazy,
// paged remote model over GET /credentials/{id}/usages, by kind and name.
// Rows come a page at a time as the view asks (canFetchMore / fetchMore;
// paging: RemoteListModel).
class CredentialUsageModel final : public RemoteList<client::CredentialUsage>
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

    explicit CredentialUsageModel(QObject *parent = nullptr);

    // Drops the rows and asks for the first page of `credentialId`'s users.
    void load(client::ApiClient *client, const QString &credentialId);

    const client::CredentialUsage *usage(int row) const { return item(row); }
    // After a language change: the headers and the kind words again.
    void retranslate();

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void requestPage(client::ApiClient &client, int page, int size, PageCallback done) override;
    // Things of different kinds may share an id.
    QString idOf(const client::CredentialUsage &usage) const override
    {
        return usage.type + u':' + usage.id;
    }
    QVariant cellData(const client::CredentialUsage &usage, int column, int role) const override;

    QString m_credentialId;
};

} // namespace hm::app
