#include "fleet/AlertNotifier.h"

#include "client/EventHub.h"
#include "fleet/AlertText.h"

#include <QApplication>
#include <QJsonArray>
#include <QSystemTrayIcon>

namespace hm::app {

AlertNotifier::AlertNotifier(QObject *parent) : QObject(parent)
{
    m_show = [this](const QString &title, const QString &message, bool firing) {
        showInTray(title, message, firing);
    };
}

AlertNotifier::~AlertNotifier()
{
    if (m_hub)
        m_hub->unsubscribe(this);
}

void AlertNotifier::setClient(client::ApiClient *client)
{
    client::EventHub *hub = client ? client::EventHub::of(client) : nullptr;
    if (hub == m_hub)
        return;
    if (m_hub) {
        m_hub->unsubscribe(this);
        disconnect(m_hub, nullptr, this, nullptr);
    }
    m_hub = hub;
    if (!hub)
        return;
    connect(hub, &client::EventHub::message, this,
            [this](const QString &type, const QJsonObject &data) { onMessage(type, data); });
    hub->subscribe(this);
}

QString AlertNotifier::titleOf(const QJsonObject &alert)
{
    const QString name = alert.value(QStringLiteral("name")).toString();
    return alert.value(QStringLiteral("status")).toString() == QLatin1String("resolved")
               ? tr("Resolved: %1").arg(name)
               : tr("Alert: %1").arg(name);
}

QString AlertNotifier::messageOf(const QJsonObject &alert)
{
    const QString node = alert.value(QStringLiteral("node_name")).toString();
    const QString type = alert.value(QStringLiteral("type")).toString();
    if (alert.value(QStringLiteral("status")).toString() == QLatin1String("resolved")) {
        // Resolved by hand is not "back to normal": the node may still be
        // over its threshold.
        const QString by = alert.value(QStringLiteral("resolved_by_name")).toString();
        if (!by.isEmpty())
            return tr("%1: resolved by %2.").arg(node, by);
        return tr("%1 is back to normal.").arg(node);
    }
    if (type == QLatin1String("offline"))
        return tr("%1 is offline.").arg(node);
    const double value = alert.value(QStringLiteral("current_value")).toDouble();
    const double threshold = alert.value(QStringLiteral("threshold")).toDouble();
    // Containers: which ones, not a threshold of 0 containers.
    if (AlertText::isContainer(type)) {
        QStringList names;
        for (const QJsonValue name : alert.value(QStringLiteral("containers")).toArray())
            names.append(name.toString());
        if (!names.isEmpty())
            return tr("%1: %2 (%3).")
                .arg(node, AlertText::value(type, value),
                     AlertText::containers(names,
                                           alert.value(QStringLiteral("containers_more")).toInt()));
    }
    return tr("%1: %2, over the threshold of %3.")
        .arg(node, AlertText::value(type, value), AlertText::value(type, threshold));
}

void AlertNotifier::onMessage(const QString &type, const QJsonObject &data)
{
    if (type != QLatin1String("alert"))
        return;
    const QString title = titleOf(data);
    const QString message = messageOf(data);
    const bool firing =
        data.value(QStringLiteral("status")).toString() != QLatin1String("resolved");
    m_lastRecordId = data.value(QStringLiteral("id")).toString();
    emit alertRaised(title, message);
    if (m_show)
        m_show(title, message, firing);
}

void AlertNotifier::showInTray(const QString &title, const QString &message, bool firing)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return; // the status bar has said it
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(QStringLiteral("HiveMind"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (!m_lastRecordId.isEmpty())
                emit recordClicked(m_lastRecordId);
        });
        m_tray->show();
    }
    m_tray->showMessage(title, message,
                        firing ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 10000);
}

} // namespace hm::app
