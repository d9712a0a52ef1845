#pragma once

#include "engine/EngineEvent.h"

#include <QHash>
#include <QList>
#include <QString>

namespace hm::store {
class Database;
}

namespace hm::server {
class FlowEngineHost;
}

namespace hm::server::ws {

class WsConnection;

// /ws/executions/{id}: a snapshot, then the execution's events (seed 003
// §7.3), then close 1000 when it ended.
//
// No event is lost or repeated across the snapshot: the engine numbers
// each execution's events on its own thread and its snapshot names the last
// number it reflects. The snapshot is taken by a blocking round trip to the
// engine thread, during which this (server) thread handles no events; every
// event emitted after the snapshot is still queued towards this thread and
// arrives later, and those it already reflects are recognised by their
// number and skipped.
class ExecutionFeed
{
public:
    ExecutionFeed(store::Database &db, FlowEngineHost &host, bool latencyMarks)
        : m_db(db), m_host(host), m_latencyMarks(latencyMarks)
    {}

    // The connection is authenticated; checks it may view the execution
    // (4404 otherwise, existence is not revealed), sends the snapshot and
    // subscribes it, or closes it.
    void open(WsConnection *connection, const QString &executionId);
    void onEvent(const engine::EngineEvent &event);
    void remove(WsConnection *connection);
    int subscriberCount() const;

private:
    // The engine's node events are wanted while someone subscribes.
    void updateNodeEventInterest();

    store::Database &m_db;
    FlowEngineHost &m_host;
    bool m_latencyMarks;
    QHash<QString, QList<WsConnection *>> m_subscribers; // execution id ->
};

} // namespace hm::server::ws
