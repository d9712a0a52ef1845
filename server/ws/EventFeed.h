#pragma once

#include "engine/EngineEvent.h"
#include "server/ws/SystemStatus.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>

namespace hm::store {
class Database;
}

namespace hm::server::ws {

class WsConnection;

// /ws/events (seed 001 "WebSocket API"): messages {type, data, timestamp}.
//   system_status        right after connecting, then every interval
//   execution_started    an execution of a flow the caller may view began
//   execution_completed  … ended completed
//   execution_failed     … ended failed
//   execution_cancelled  … was cancelled or killed
// The execution messages' data: {execution_id, flow_id, flow_version,
// status, …} (see docs/api.md). Which flows a caller may view is asked per
// event (FlowAccess historyPermission), once per distinct principal.
class EventFeed : public QObject
{
    Q_OBJECT
public:
    EventFeed(store::Database &db, QString dataDir, int statusIntervalMs,
              QObject *parent = nullptr);

    void open(WsConnection *connection);
    void onEvent(const engine::EngineEvent &event);
    void remove(WsConnection *connection);

private:
    void broadcastStatus();
    QString statusMessage();

    store::Database &m_db;
    SystemStatusSampler m_sampler;
    QTimer m_timer;
    QJsonObject m_lastStatus; // data of the last sample
    qint64 m_lastStatusAtMs = 0;
    int m_intervalMs;
    QList<WsConnection *> m_clients;
};

// {"type": type, "data": data, "timestamp": ISO-8601 now}, compact JSON.
QString eventMessage(const QString &type, const QJsonObject &data);

} // namespace hm::server::ws
