#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <functional>

class QSystemTrayIcon;

namespace hm::client {
class ApiClient;
class EventHub;
} // namespace hm::client

namespace hm::app {

// Tells the desktop when an alert fires or resolves (issue 35): the
// /ws/events "alert" messages of the signed-in client become a tray
// notification (QSystemTrayIcon, where the desktop has a tray) and a
// transient status bar message (alertRaised); clicking the tray's message
// asks to open the record (recordClicked). Words in the current language,
// values in the type's unit (AlertText).
class AlertNotifier final : public QObject
{
    Q_OBJECT

public:
    // How a notification reaches the desktop; tests replace it (the one
    // seam), the default shows it from the tray icon.
    using Show = std::function<void(const QString &title, const QString &message, bool firing)>;

    explicit AlertNotifier(QObject *parent = nullptr);
    ~AlertNotifier() override;

    // The signed-in client whose alerts to follow; null: none.
    void setClient(client::ApiClient *client);
    void setShow(Show show) { m_show = std::move(show); }

    // The title and sentence of one alert message's data (seed 001 shape).
    static QString titleOf(const QJsonObject &alert);
    static QString messageOf(const QJsonObject &alert);

signals:
    void alertRaised(const QString &title, const QString &message);
    // The user clicked the notification of this record (the tray's last).
    void recordClicked(const QString &recordId);

private:
    void onMessage(const QString &type, const QJsonObject &data);
    void showInTray(const QString &title, const QString &message, bool firing);

    QPointer<client::EventHub> m_hub;
    Show m_show;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_lastRecordId; // the record the tray's message is about
};

} // namespace hm::app
