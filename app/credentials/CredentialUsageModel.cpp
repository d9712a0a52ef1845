#include "credentials/CredentialUsageModel.h"

#include "client/ApiClient.h"
#include "credentials/CredentialText.h"
#include "widgets/DateTimeText.h"

namespace hm::app {

CredentialUsageModel::CredentialUsageModel(QObject *parent) : RemoteList(ColumnCount, {}, parent) {}

void CredentialUsageModel::load(client::ApiClient *client, const QString &credentialId)
{
    m_credentialId = credentialId;
    setClient(client); // drops the rows (Idle)
    if (!credentialId.isEmpty())
        reload();
}

void CredentialUsageModel::requestPage(client::ApiClient &client, int page, int size,
                                       PageCallback done)
{
    client::CredentialsApi(client).usages(m_credentialId, client::PageRequest{page, size},
                                          std::move(done));
}

void CredentialUsageModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QVariant CredentialUsageModel::cellData(const client::CredentialUsage &u, int column,
                                        int role) const
{
    switch (role) {
    case IdRole:
        return u.id;
    case KindRole:
        return u.type;
    case Qt::ToolTipRole:
        return u.createdAt.isValid() ? tr("Linked %1").arg(dateTimeText(u.createdAt)) : QString();
    case Qt::DisplayRole:
        if (column == NameColumn)
            return u.name.isEmpty() ? u.id : u.name;
        if (column == KindColumn)
            return CredentialText::usageKind(u.type);
        return {};
    default:
        return {};
    }
}

QVariant CredentialUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == NameColumn)
        return tr("Name");
    if (section == KindColumn)
        return tr("Kind");
    return {};
}

} // namespace hm::app
