#pragma once

#include "client/JsonWebSocket.h"

#include <QDateTime>

namespace hm::client {

// The server's event stream /ws/events (seed 001 "WebSocket API"):
// messages {type, data, timestamp}. systemStatus() arrives right after
// connecting and then periodically; executionChanged() for
// execution_queued / _started / _completed / _failed / _cancelled of flows
// the caller may view; flowChanged() for flow_created / _updated /
// _version_added / _published / _deleted / _shares_changed; message() for
// every message, including types this class does not know yet.
class ApiClient;

class EventStream : public JsonWebSocket
{
    Q_OBJECT
public:
    explicit EventStream(QObject *parent = nullptr);

    // Opens the socket; `token` is an access token or an API key.
    void listen(const QUrl &serverUrl, const QString &token);
    // Opens the socket to `client`'s server with its credential and TLS
    // policy; false (nothing opened) while the client has no credential.
    bool listenWith(const ApiClient &client);

    // Resuming (docs/api.md, "/ws/events"): with resuming on, the next
    // open asks the server for what this stream missed since the last
    // message it heard; welcomed() says whether the server could give it.
    void setResuming(bool on) { m_resuming = on; }
    // Forgets where the stream was: the next open starts afresh.
    void forgetPosition();
    // The server's stream id and the last sequence number heard ("" / 0
    // before the first system_status).
    QString streamId() const { return m_streamId; }
    qint64 lastSeq() const { return m_lastSeq; }

signals:
    // The first message of each connection (system_status) arrived:
    // `resumed` when the server replays what was missed since the last
    // connection, false when it could not (another server start, too long
    // ago, a server that does not resume, or nothing was asked).
    void welcomed(bool resumed);
    void message(const QString &type, const QJsonObject &data, const QDateTime &timestamp);
    // {cpu_usage, memory_usage, disk_usage, network_traffic {bytes_sent,
    // bytes_recv}, …}
    void systemStatus(const QJsonObject &data);
    // type "execution_started" etc.; data {execution_id, flow_id,
    // flow_version, status, …}
    void executionChanged(const QString &type, const QJsonObject &data);
    // type "flow_created" etc.; data {flow_id, the changed fields,
    // revision, my_permission} (docs/api.md, "/ws/events")
    void flowChanged(const QString &type, const QJsonObject &data);

protected:
    void handleMessage(const QJsonObject &message) override;

private:
    QString m_streamId;
    qint64 m_lastSeq = 0;
    bool m_resuming = false;
    bool m_welcomed = false; // the current connection's first message came
};

} // namespace hm::client
