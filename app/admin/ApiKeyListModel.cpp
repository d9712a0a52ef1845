#include "admin/ApiKeyListModel.h"

#include "client/AccountApi.h"
#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "widgets/AdminText.h"

#include <QLocale>

namespace hm::app {

ApiKeyListModel::ApiKeyListModel(QObject *parent)
    : RemoteList(ColumnCount, {.wholeList = true, .keepRowsWhileReloading = true}, parent)
{}

void ApiKeyListModel::requestPage(client::ApiClient &client, int, int, PageCallback done)
{
    client::AccountApi(client).apiKeys(asWholePage(std::move(done)));
}

void ApiKeyListModel::applyEvent(const QString &type, const QJsonObject &data)
{
    if (state() != State::Ready)
        return;
    const QString id = data.value(QStringLiteral("key_id")).toString();
    if (id.isEmpty())
        return;
    const int row = rowOf(id);
    if (type == QLatin1String("api_key_revoked")) {
        if (row >= 0)
            removeItem(row);
        return;
    }
    if (type != QLatin1String("api_key_created") || row >= 0)
        return;
    const client::ApiKeyInfo key =
        client::json::apiKey(data.value(QStringLiteral("key")).toObject());
    if (key.id != id)
        return;
    insertItem(rowCount(), key);
}

QVariant ApiKeyListModel::cellData(const client::ApiKeyInfo &k, int column, int role) const
{
    if (role == KeyIdRole)
        return k.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QString any = tr("any");
    switch (column) {
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
