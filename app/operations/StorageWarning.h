#pragma once

#include <QJsonObject>
#include <QLabel>
#include <QPointer>

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class LiveEvents;

// The status bar's warning that the server's disk is almost full, or full
// (issue 37 item 6): GET /system/storage once a client is signed in, then
// /ws/events `storage_state`. Hidden while the state is "ok"; "low" warns
// before anything is refused, "full" says new executions are refused.
// Named `status.storage`.
class StorageWarning : public QLabel
{
    Q_OBJECT

public:
    explicit StorageWarning(QWidget *parent = nullptr);

    void setClient(hm::client::ApiClient *client);
    // "ok", "low", "full" or empty (not known).
    QString state() const { return m_filesystem.value(QStringLiteral("state")).toString(); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showState(const QJsonObject &filesystem);
    void refresh();
    void read();

    QPointer<hm::client::ApiClient> m_client;
    LiveEvents *m_events;
    QJsonObject m_filesystem;
};

} // namespace hm::app
