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
//   auto *watcher = new ExecutionWatcher(this);
//   connect(watcher, &ExecutionWatcher::event, this, &View::apply);
//   watcher->watch(QUrl("http://127.0.0.1:8080"), executionId, accessToken);
class ExecutionWatcher : public JsonWebSocket
{
    Q_OBJECT
public:
    explicit ExecutionWatcher(QObject *parent = nullptr);

    // Opens the socket; `token` is an access token or an API key.
    void watch(const QUrl &serverUrl, const QString &executionId, const QString &token);
    QString executionId() const { return m_executionId; }
    // The "seq" of the snapshot or of the last event received; 0 before.
    qint64 lastSequence() const { return m_lastSequence; }

signals:
    // {"type":"snapshot","source":"live"|"history","seq",…,"execution":{…},"nodes":[…]}
    void snapshot(const QJsonObject &message);
    // One event message as the server sent it ("type", "execution_id", …).
    void event(const QJsonObject &message);

protected:
    void handleMessage(const QJsonObject &message) override;

private:
    QString m_executionId;
    qint64 m_lastSequence = 0;
};

} // namespace hm::client
