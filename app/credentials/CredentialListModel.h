#pragma once

#include "client/CredentialsApi.h"
#include "widgets/RemoteListModel.h"

namespace hm::app {

// The Credentials list: a lazy, paged remote model over GET /credentials
// (own and shared ones; administrators see all), newest first. Rows come a
// page at a time as the view asks (canFetchMore / fetchMore); the search
// and the type filter are the server's, so changing them asks again from
// page 1 (paging: RemoteListModel). Never holds a secret: the API has none
// to give.
class CredentialListModel final : public RemoteList<client::CredentialInfo>
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

    explicit CredentialListModel(QObject *parent = nullptr);

    void setSearch(const QString &search);
    void setTypeFilter(const QString &type);
    QString search() const { return m_filter.search; }
    QString typeFilter() const { return m_filter.type; }
    bool isFiltered() const { return !m_filter.search.isEmpty() || !m_filter.type.isEmpty(); }

    const client::CredentialInfo *credential(int row) const { return item(row); }
    // A credential as the server now has it (after a create or an edit):
    // its row changes, or a new one matching the filters comes first.
    void upsert(const client::CredentialInfo &credential);
    void remove(const QString &id);

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void requestPage(client::ApiClient &client, int page, int size, PageCallback done) override;
    QString idOf(const client::CredentialInfo &credential) const override { return credential.id; }
    QVariant cellData(const client::CredentialInfo &credential, int column,
                      int role) const override;
    bool matches(const client::CredentialInfo &credential) const;

    client::CredentialFilter m_filter;
};

} // namespace hm::app
