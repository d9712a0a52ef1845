#pragma once

#include "client/JsonWebSocket.h"

#include <QByteArray>
#include <QString>

namespace hm::client {

// One terminal session's WebSocket (docs/api.md "Node terminals"): opened
// with no credential at all (the URL carries no query), it attaches with the
// session's one-use ticket as its first message, then carries raw bytes
// both ways (binary messages) and resizes (text). The server's
// {"type":"exit"} ends it with exited(); any other end is failed(). Output is
// handed on as each message arrives, never kept: the server's flow control
// holds the shell back when the console stops reading. TLS follows the
// client's policy like every JsonWebSocket.
class TerminalChannel final : public JsonWebSocket
{
    Q_OBJECT
public:
    // What the server takes in one binary message.
    static constexpr qsizetype MaxInputMessage = 64 * 1024;

    explicit TerminalChannel(QObject *parent = nullptr);

    // `url`: JsonWebSocket::webSocketUrl(server, the answer's `websocket`).
    void open(const QUrl &url, const QString &ticket);
    bool isAttached() const { return m_attached; }
    QString sessionId() const { return m_sessionId; }

    // Keystrokes for the shell, in messages of at most MaxInputMessage.
    // Before the server said attached they wait (a few keys typed while
    // connecting), up to MaxInputMessage; more is dropped.
    void sendInput(const QByteArray &bytes);
    // The size the PTY should have; sent once attached when asked before.
    void resize(int rows, int cols);

signals:
    void attached(const QString &sessionId);
    void output(const QByteArray &bytes);
    // The shell ended: reason "exited" (exitCode, or the signal's name),
    // "closed", "idle", "agent_disconnected", "server_stopping".
    void exited(const QString &reason, int exitCode, const QString &signal);
    // The connection ended without the server's exit message: the close
    // reason or the socket's error, in the server's or Qt's words.
    void failed(const QString &reason);

protected:
    void handleMessage(const QJsonObject &message) override;

private:
    void onClosed(int code, const QString &reason);
    void sendResize();

    QString m_ticket;
    QString m_sessionId;
    QByteArray m_pendingInput;
    int m_rows = 0;
    int m_cols = 0;
    bool m_attached = false;
    bool m_ended = false; // exited() or failed() was emitted
};

} // namespace hm::client
