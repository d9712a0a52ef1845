#include "fleet/AlertChannelModel.h"

#include "client/AlertsApi.h"
#include "client/ApiClient.h"
#include "fleet/AlertText.h"

#include <QJsonArray>

namespace hm::app {

AlertChannelModel::AlertChannelModel(QObject *parent)
    : NamedListModel(ColumnCount,
                     {QLatin1String("alert_channel_"), QStringLiteral("channel_id"),
                      QStringLiteral("channel"), &client::json::alertChannel},
                     parent)
{}

void AlertChannelModel::requestPage(client::ApiClient &client, int, int, PageCallback done)
{
    client::AlertsApi(client).channels(asWholePage(std::move(done)));
}

QString AlertChannelModel::targetOf(const client::AlertChannelRow &c)
{
    if (c.type != QLatin1String("email"))
        return c.url();
    QStringList to;
    for (const QJsonValue v : c.config.value(QStringLiteral("to")).toArray())
        to.append(v.toString());
    return tr("%1 (through %2)")
        .arg(to.join(QStringLiteral(", ")), c.config.value(QStringLiteral("smtp_host")).toString());
}

QVariant AlertChannelModel::cellData(const client::AlertChannelRow &c, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return c.name;
        case StateColumn:
            return AlertText::ruleState(c.enabled);
        case TypeColumn:
            if (c.type == QLatin1String("webhook"))
                return tr("Webhook");
            return c.type == QLatin1String("email") ? tr("E-mail") : c.type;
        case TargetColumn:
            return targetOf(c);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (column == StateColumn)
            return AlertText::ruleDot(c.enabled);
        return {};
    default:
        return {};
    }
}

QVariant AlertChannelModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case TypeColumn:
        return tr("Type");
    case TargetColumn:
        return tr("Sends to");
    default:
        return {};
    }
}

} // namespace hm::app
