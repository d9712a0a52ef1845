#pragma once

#include "client/AlertTypes.h"
#include "fleet/NamedListModel.h"

#include <QJsonObject>

namespace hm::app {

// The notification channels (administrators only): every channel at once,
// by name as the server orders them; /ws/events' alert_channel_created,
// _updated and _deleted (another administrator's change) change the rows in
// place. No secret ever reaches it: a channel says whether one is set.
class AlertChannelModel final : public NamedListModel<client::AlertChannelRow>
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StateColumn,
        TypeColumn,
        TargetColumn,
        ColumnCount
    };

    explicit AlertChannelModel(QObject *parent = nullptr);

    const client::AlertChannelRow *channel(int row) const { return item(row); }
    // A /ws/events message; anything but alert_channel_* is ignored.
    void applyEvent(const QString &type, const QJsonObject &data) { applyNamedEvent(type, data); }

    // Where a channel sends: a webhook's URL, an e-mail channel's
    // recipients and server.
    static QString targetOf(const client::AlertChannelRow &channel);

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void requestPage(client::ApiClient &client, int page, int size, PageCallback done) override;
    QVariant cellData(const client::AlertChannelRow &channel, int column, int role) const override;
};

} // namespace hm::app
