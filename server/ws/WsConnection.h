#pragma once

#include "server/api/Roles.h"
#include "server/services/auth/ApiKeyService.h"
#include "server/ws/CloseCodes.h"

#include <QObject>
#include <QTimer>
#include <memory>

class QWebSocket;

namespace hm::server::ws {

// One accepted /ws/… client on the server thread. It bounds what it may
// hold: a send that leaves more than `maxUnsentBytes` the kernel has not
// taken closes it as a slow consumer (1008, counted in the metrics), so a
// client that stops reading costs at most that much memory. Every close
// sends a close frame and then aborts the TCP connection if the peer has
// not finished the closing handshake within a grace period. Deleted by its
// owner after finished().
class WsConnection : public QObject
{
    Q_OBJECT
public:
    WsConnection(std::unique_ptr<QWebSocket> socket, qint64 maxUnsentBytes,
                 QObject *parent = nullptr);
    ~WsConnection() override;

    QWebSocket &socket() { return *m_socket; }
    // Open and not closing: messages may still be sent.
    bool isOpen() const { return !m_closing && !m_closeScheduled && !m_finished; }

    // Who it authenticated as, once it did, and with what: the hub checks
    // the credential again when what authentication reads has changed
    // (logout, session revocation, suspension, role change, key revocation).
    auth::Principal principal;
    QString credential;
    auth::ApiKeyService::Request credentialRequest;
    // /ws/executions/{id}: the execution, and the last event sequence it
    // has (from its snapshot or forwarded since).
    QString executionId;
    qint64 lastSequence = 0;

    // Queues one text message. False when closed, or when this message made
    // it a slow consumer (it is being closed then).
    bool send(const QString &text);
    // The same for one binary message (terminal bytes, stream frames).
    bool sendBinary(const QByteArray &bytes);
    // Close frame with `code` and `reason` (cut to 123 bytes), then abort
    // after the grace period unless the peer closed first. Idempotent.
    void closeWith(CloseCode code, const QString &reason);
    // closeWith() on the next event-loop turn (nothing more is sent).
    void closeLater(CloseCode code, const QString &reason);
    // Hands the kernel what it takes of the queued bytes now.
    void flush();
    // Closes with 4401 `reason` at `expiresAtMs` (wall clock); 0 = never.
    void expireAt(qint64 expiresAtMs, const QString &reason);
    // Keep-alive tick: pings, and drops the client when it answered none of
    // the last two pings (nor sent anything).
    void keepAlive();

signals:
    // The connection is gone (closed by either side or aborted); emitted
    // once, from the event loop, never from inside send() or closeWith().
    void finished(hm::server::ws::WsConnection *connection);

private:
    // After a queued message: closes a slow consumer (false) as send() says.
    bool checkUnsent();
    void onDisconnected();
    void scheduleExpiry();

    std::unique_ptr<QWebSocket> m_socket;
    qint64 m_maxUnsentBytes;
    QTimer m_expiry;
    QTimer m_grace;
    qint64 m_expiresAtMs = 0;
    QString m_expiryReason;
    int m_unansweredPings = 0;
    bool m_closing = false;
    bool m_closeScheduled = false;
    bool m_finished = false;
};

} // namespace hm::server::ws
