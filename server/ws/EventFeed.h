#pragma once

#include "engine/EngineEvent.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/engine/FlowEvents.h"
#include "server/ws/SystemStatus.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>
#include <deque>
#include <variant>

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
//   node_created, node_updated, node_status, node_deleted   to everyone
//   node_metrics   to everyone, batched (FleetService), without "seq"
// The execution messages' data: {execution_id, flow_id, flow_version,
// status, …}; the flow messages' data: {flow_id, the changed fields,
// my_permission} (see docs/api.md). Which flows a caller may view is asked
// per event (FlowAccess historyPermission), once per distinct principal.
//
// Resuming: every message but system_status carries "seq", one counter for
// the whole feed; system_status carries "stream" (this feed's id, new at
// every start) and "seq" (the last one given). A client that lost its
// socket opens /ws/events?stream=ID&after=SEQ: when ID is this feed and the
// events after SEQ are still in the journal (the last kJournalSize), the
// first system_status says "resumed": true and those of them the caller may
// see follow, judged as they would be now; otherwise "resumed": false and the
// client reads again what it shows. Nothing is lost between the two: the
// replay and the live messages are sent from the same thread.
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

    static constexpr int kJournalSize = 4096;
    QString streamId() const { return m_streamId; }

private:
    using Event = std::variant<engine::EngineEvent, FlowEvent, auth::AccountEvent>;
    struct Entry
    {
        qint64 seq;
        Event event;
    };

    void broadcastStatus();
    QString statusMessage(const QJsonObject &extra = {});
    void record(qint64 seq, Event event);
    // Whether `after` of stream `stream` can be resumed from the journal.
    bool canResume(const QString &stream, qint64 after) const;
    void deliver(const QString &type, const engine::EngineEvent &event, qint64 seq,
                 const QList<WsConnection *> &to);
    void deliver(const FlowEvent &event, qint64 seq, const QList<WsConnection *> &to);
    void deliver(const auth::AccountEvent &event, qint64 seq, const QList<WsConnection *> &to);

    store::Database &m_db;
    SystemStatusSampler m_sampler;
    QTimer m_timer;
    QJsonObject m_lastStatus; // data of the last sample
    qint64 m_lastStatusAtMs = 0;
    int m_intervalMs;
    QList<WsConnection *> m_clients;
    const QString m_streamId;
    qint64 m_seq = 0;
    std::deque<Entry> m_journal;
};

// {"type": type, "data": data, "timestamp": ISO-8601 now} and, when seq > 0,
// "seq": seq; compact JSON.
QString eventMessage(const QString &type, const QJsonObject &data, qint64 seq = 0);
// The same around data already written as compact JSON text, in the same
// key order (TestEventMessageText holds it to eventMessage).
QString eventMessageText(const QString &type, const QByteArray &dataJson, qint64 seq = 0);

} // namespace hm::server::ws
