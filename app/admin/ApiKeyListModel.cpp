#include "admin/ApiKeyListModel.h"

#include "admin/AdminText.h"
#include "client/AccountApi.h"
#include "client/ApiClient.h"
#include "client/ApiJson.h"

#include <QLocale>

namespace hm::app {

ApiKeyListModel::ApiKeyListModel(QObject *parent) : QAbstractTableModel(parent) {}

void ApiKeyListModel::setClient(client::ApiClient *client)
{
    m_client = client;
    ++m_generation;
    beginResetModel();
    m_keys.clear();
    endResetModel();
    setState(State::Idle);
}

void ApiKeyListModel::reload()
{
    if (!m_client)
        return;
    const quint64 generation = ++m_generation;
    setState(State::Loading);
    client::AccountApi(*m_client).apiKeys(
        [this, generation,
         guard = QPointer<ApiKeyListModel>(this)](Result<QList<client::ApiKeyInfo>> r) {
            if (!guard || generation != m_generation)
                return;
            if (!r) {
                m_error = r.error();
                setState(State::Failed);
                return;
            }
            beginResetModel();
            m_keys = *r;
            endResetModel();
            setState(State::Ready);
        });
}

void ApiKeyListModel::setState(State state)
{
    if (m_state == state && state != State::Failed)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ApiKeyListModel::applyEvent(const QString &type, const QJsonObject &data)
{
    if (m_state != State::Ready)
        return;
    const QString id = data.value(QStringLiteral("key_id")).toString();
    if (id.isEmpty())
        return;
    const int row = rowOf(id);
    if (type == QLatin1String("api_key_revoked")) {
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_keys.removeAt(row);
            endRemoveRows();
        }
        return;
    }
    if (type != QLatin1String("api_key_created") || row >= 0)
        return;
    const client::ApiKeyInfo key =
        client::json::apiKey(data.value(QStringLiteral("key")).toObject());
    if (key.id != id)
        return;
    const int at = int(m_keys.size());
    beginInsertRows({}, at, at);
    m_keys.append(key);
    endInsertRows();
}

const client::ApiKeyInfo *ApiKeyListModel::key(int row) const
{
    return row >= 0 && row < m_keys.size() ? &m_keys[row] : nullptr;
}

int ApiKeyListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_keys.size(); ++row) {
        if (m_keys[row].id == id)
            return row;
    }
    return -1;
}

int ApiKeyListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int ApiKeyListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApiKeyListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::ApiKeyInfo &k = m_keys[index.row()];
    if (role == KeyIdRole)
        return k.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QString any = tr("any");
    switch (index.column()) {
    case NameColumn:
        return role == Qt::ToolTipRole && !k.description.isEmpty() ? k.description : k.name;
    case PrefixColumn:
        return QString(k.prefix + QStringLiteral("_…"));
    case AccessColumn:
        return AdminText::accessLevel(k.accessLevel);
    case PermissionsColumn:
        return k.permissions.isEmpty() ? tr("as the access level")
                                       : k.permissions.join(QStringLiteral(", "));
    case AllowedIpsColumn:
        return k.allowedIps.isEmpty() ? any : k.allowedIps.join(QStringLiteral(", "));
    case EndpointsColumn:
        return k.allowedEndpoints.isEmpty() ? any : k.allowedEndpoints.join(QStringLiteral(", "));
    case RateColumn:
        return k.requestsPerMinute > 0 ? tr("%1/min").arg(QLocale().toString(k.requestsPerMinute))
                                       : tr("server default");
    case BurstColumn:
        return k.burstLimit > 0 ? QLocale().toString(k.burstLimit) : QStringLiteral("–");
    case ExpiresColumn:
        return AdminText::dateTime(k.expiresAt, tr("never"));
    case LastUsedColumn:
        return AdminText::dateTime(k.lastUsed, tr("not yet"));
    default:
        return {};
    }
}

QVariant ApiKeyListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case PrefixColumn:
        return tr("Key");
    case AccessColumn:
        return tr("Access");
    case PermissionsColumn:
        return tr("Permissions");
    case AllowedIpsColumn:
        return tr("Allowed IPs");
    case EndpointsColumn:
        return tr("Endpoints");
    case RateColumn:
        return tr("Rate limit");
    case BurstColumn:
        return tr("Burst");
    case ExpiresColumn:
        return tr("Expires");
    case LastUsedColumn:
        return tr("Last used");
    default:
        return {};
    }
}

} // namespace hm::app
