#include "server/ws/ExecutionFeed.h"

#include "common/Logging.h"
#include "engine/Scheduler.h"
#include "server/services/engine/ExecutionAccess.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/ws/ExecutionSnapshotMessage.h"
#include "server/ws/WsConnection.h"

#include <QJsonDocument>
#include <QScopeGuard>

namespace hm::server::ws {

namespace {

QString compact(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

void closeForError(WsConnection *connection, const Error &error)
{
    const CloseCode code = closeCodeFor(error);
    if (code == kCloseNotFound)
        connection->closeWith(code, QStringLiteral("execution not found"));
    else
        connection->closeWith(code, error.message);
}

} // namespace

void ExecutionFeed::open(WsConnection *connection, const QString &executionId)
{
    // Who may see it: View on its flow (FlowAccess), deleted flows included.
    auto access = viewableExecution(m_db, m_host, connection->principal, executionId);
    if (!access) {
        closeForError(connection, access.error());
        return;
    }
    // Node events on before the snapshot: whatever happens after it is then
    // emitted (and numbered after the snapshot's event_sequence).
    m_host.engine().setNodeEventsWanted(true);
    const auto settle = qScopeGuard([this] { updateNodeEventInterest(); });
    auto status = m_host.run<QJsonObject>(
        [executionId](engine::Scheduler &s) { return s.snapshot(executionId); });
    if (!status && status.error().code == ErrorCode::ExecutionNotFound) {
        // Expired from memory, or from before a restart: the history's
        // view of it, and nothing will follow.
        m_host.flushJournal();
        auto stored = storedSnapshotMessage(m_db, executionId);
        if (!stored) {
            closeForError(connection, stored.error());
            return;
        }
        connection->send(compact(stored.value()));
        connection->closeWith(kCloseNormal, QStringLiteral("execution ended"));
        return;
    }
    if (!status) {
        closeForError(connection, status.error());
        return;
    }
    const QJsonObject message = liveSnapshotMessage(status.value());
    if (!connection->send(compact(message)))
        return;
    if (isFinalStatus(status.value().value(QStringLiteral("status")).toString())) {
        connection->closeWith(kCloseNormal, QStringLiteral("execution ended"));
        return;
    }
    connection->executionId = executionId;
    connection->lastSequence = message.value(QStringLiteral("seq")).toInteger();
    m_subscribers[executionId].append(connection);
}

void ExecutionFeed::onEvent(const engine::EngineEvent &event)
{
    if (event.type == engine::EngineEvent::Type::ExecutionQueued)
        return; // not a message of seed 003 §7.3; the snapshot says "queued"
    const auto found = m_subscribers.find(event.executionId);
    if (found == m_subscribers.end())
        return;
    QJsonObject json = event.toJson();
    if (m_latencyMarks)
        json.insert(QStringLiteral("emitted_ns"), event.emittedNs);
    const QString text = compact(json);
    const bool last = event.type == engine::EngineEvent::Type::ExecutionCompleted ||
                      event.type == engine::EngineEvent::Type::ExecutionCancelled;
    // A copy: a send may drop a slow consumer (removal comes later, queued,
    // but keep the loop independent of that).
    const QList<WsConnection *> subscribers = found.value();
    for (WsConnection *connection : subscribers) {
        // Already in its snapshot. Sequence 0 (never from the Scheduler)
        // would mean "unnumbered": forwarded.
        if (event.sequence != 0 && event.sequence <= connection->lastSequence)
            continue;
        connection->lastSequence = event.sequence;
        if (connection->send(text) && last) {
            // Out now rather than after every other subscriber's close
            // (closing costs a syscall and notifier bookkeeping each); the
            // close frame follows on the next event-loop turn.
            connection->flush();
            connection->closeLater(kCloseNormal, QStringLiteral("execution ended"));
        }
    }
    if (last) {
        m_subscribers.erase(m_subscribers.find(event.executionId));
        updateNodeEventInterest();
    }
}

void ExecutionFeed::updateNodeEventInterest()
{
    m_host.engine().setNodeEventsWanted(!m_subscribers.isEmpty());
}

void ExecutionFeed::remove(WsConnection *connection)
{
    if (connection->executionId.isEmpty())
        return;
    const auto found = m_subscribers.find(connection->executionId);
    if (found == m_subscribers.end())
        return;
    found.value().removeOne(connection);
    if (found.value().isEmpty()) {
        m_subscribers.erase(found);
        updateNodeEventInterest();
    }
}

int ExecutionFeed::subscriberCount() const
{
    int count = 0;
    for (const auto &list : m_subscribers)
        count += list.size();
    return count;
}

} // namespace hm::server::ws
