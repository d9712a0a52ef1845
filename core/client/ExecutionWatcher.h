#pragma once

#include "client/JsonWebSocket.h"

namespace hm::client {

// Live view of one execution over /ws/executions/{id} (seed 003 §7.3):
// snapshot() first, then every later event() in order — node_started,
// node_completed, node_failed, execution_started, execution_completed,
// execution_cancelled — then closed(1000, "execution ended"). Each event
// carries "seq"; the snapshot's "seq" is the last one it reflects, so a
// consumer applies events on top of it without gaps or repeats.
//
// After a connection is lost (closed() with 1006, 1001, 1011, 1008, or 4401
// and a refreshed token), resume() opens it again and carries on by
// sequence number: the server's new snapshot reflects every event up to its
// "seq" (those that happened while away are covered by it, announced by
// resumed()), and only later events follow. Events are passed on at most
// once and in order: one whose number was already passed on or covered by
// a snapshot is dropped (duplicatesDropped()), and one that skips numbers
// is never passed on — the watcher closes the connection instead
// (closed(1006, …)) so that a resume() fetches a snapshot covering the
// gap.
//
//   auto *watcher = new ExecutionWatcher(this);
//   connect(watcher, &ExecutionWatcher::event, this, &View::apply);
//   watcher->watch(QUrl("http://127.0.0.1:8080"), executionId, accessToken);
class ExecutionWatcher : public JsonWebSocket
{
    Q_OBJECT
public:
    explicit ExecutionWatcher(QObject *parent = nullptr);

    // Opens the socket; `token` is an access token or an API key. Starts
    // over: lastSequence() is 0 again.
    void watch(const QUrl &serverUrl, const QString &executionId, const QString &token);
    // Opens the socket of the same execution again after closed(), keeping
    // lastSequence(); `token` may be a refreshed one.
    void resume(const QString &token);
    QString executionId() const { return m_executionId; }
    // The "seq" of the snapshot or of the last event passed on; 0 before.
    qint64 lastSequence() const { return m_lastSequence; }
    // Connections opened by resume() since watch().
    int resumeCount() const { return m_resumes; }
    // Events dropped because their number was already passed on or covered.
    int duplicatesDropped() const { return m_duplicates; }

signals:
    // {"type":"snapshot","source":"live"|"history","seq",…,"execution":{…},"nodes":[…]}
    void snapshot(const QJsonObject &message);
    // One event message as the server sent it ("type", "execution_id", …).
    void event(const QJsonObject &message);
    // The snapshot of a resumed connection reflects events
    // previousSequence + 1 … snapshotSequence, which were not passed on one
    // by one (emitted before snapshot()). Equal numbers: nothing was missed.
    void resumed(qint64 previousSequence, qint64 snapshotSequence);

protected:
    void handleMessage(const QJsonObject &message) override;

private:
    QUrl m_serverUrl;
    QString m_executionId;
    qint64 m_lastSequence = 0;
    int m_resumes = 0;
    int m_duplicates = 0;
    bool m_resuming = false; // the next snapshot is a resumed connection's
    bool m_broken = false;   // a gap was seen: nothing more from this connection
};

} // namespace hm::client
