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
namespace hm::server {
struct FlowEvent;
}
namespace hm::server::auth {
struct AccountEvent;
}

namespace hm::server::ws {

class WsConnection;

// /ws/events (seed 001 "WebSocket API"): messages {type, data, timestamp}.
//   system_status        right after connecting, then every interval
//   execution_started    an execution of a flow the caller may view began
//   execution_completed  … ended completed
//   execution_failed     … ended failed
//   execution_cancelled  … was cancelled or killed
//   execution_queued     … waits for a concurrency slot
//   flow_created, flow_updated, flow_version_added, flow_published,
//   flow_deleted, flow_shares_changed   (server/services/engine/FlowEvents.h)
//   user_created, user_updated, user_deleted   to administrators
//   api_key_created, api_key_revoked           to the key's owner
//   audit_logged                               to administrators
//     (each audit entry written, server/services/auth/AuditLog.h)
//   credential_created, credential_updated, credential_deleted
//   service_created, service_updated, service_deleted        to everyone
//     (server/routes/services/ServiceRoutes.cpp)
//   component_registered, component_updated, component_deleted to everyone
//     (ComponentService::changed, server/services/engine/ComponentService.h)
//                                        (server/services/auth/AccountEvents.h)
// The execution messages' data: {execution_id, flow_id, flow_version,
// status, …}; the flow messages' data: {flow_id, the changed fields,
// my_permission} (see docs/api.md). Which flows a caller may view is asked
// per event (FlowAccess historyPermission), once per distinct principal.
class EventFeed : public QObject
{
    Q_OBJECT
public:
    EventFeed(store::Database &db, QString dataDir, int statusIntervalMs,
              QObject *parent = nullptr);

    void open(WsConnection *connection);
    void onEvent(const engine::EngineEvent &event);
    // To callers with at least event.audience on the flow, and to
    // event.alsoUserId; data gets each receiver's my_permission.
    void onFlowEvent(const hm::server::FlowEvent &event);
    // To administrators (event.toAdmins) and to event.toUserId.
    void onAccountEvent(const hm::server::auth::AccountEvent &event);
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
