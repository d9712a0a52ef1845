#include "server/ws/TerminalFeed.h"

#include "server/services/remote/TerminalService.h"
#include "server/ws/WsConnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QWebSocket>
#include <algorithm>

namespace hm::server::ws {

namespace {

constexpr int kTerminalAttachTimeoutMs = 10'000;
constexpr qint64 kTerminalMaxMessage = 64 * 1024;

} // namespace

TerminalFeed::TerminalFeed(remote::TerminalService &terminals, QObject *parent)
    : QObject(parent), m_terminals(terminals)
{
}

void TerminalFeed::open(WsConnection *connection, const QString &nodeId,
                        const QString &clientAddress)
{
    // Nobody is known before the attach: bounds on how many may wait keep
    // a stream of idle upgrades from holding connections for 10 s each —
    // per address first, so one client cannot take every place.
    if (waitingCount(clientAddress) >= kMaxWaitingPerAddress) {
        connection->closeWith(kCloseRateLimited,
                              QStringLiteral("too many terminals waiting from your address"));
        return;
    }
    if (waitingCount() >= kMaxWaiting) {
        connection->closeWith(kCloseRateLimited, QStringLiteral("too many terminals waiting"));
        return;
    }
    m_waiting.insert(connection, clientAddress);
    QWebSocket &socket = connection->socket();
    socket.setMaxAllowedIncomingMessageSize(quint64(kTerminalMaxMessage));
    socket.setMaxAllowedIncomingFrameSize(quint64(kTerminalMaxMessage));
    m_nodeOf.insert(connection, nodeId);
    m_attached.insert(connection, false);
    connect(&socket, &QWebSocket::textMessageReceived, connection,
            [this, connection](const QString &text) { onText(connection, text); });
    connect(&socket, &QWebSocket::binaryMessageReceived, connection,
            [this, connection](const QByteArray &bytes) {
                if (!m_attached.value(connection)) {
                    connection->closeWith(kCloseUnauthorized, QStringLiteral("attach first"));
                    return;
                }
                m_terminals.consoleInput(connection, bytes);
            });
    QTimer::singleShot(kTerminalAttachTimeoutMs, connection,
                       [this, connection = QPointer<WsConnection>(connection)] {
                           if (connection && !m_attached.value(connection.data()))
                               connection->closeWith(kCloseTimeout,
                                                     QStringLiteral("no attach in time"));
                       });
}

void TerminalFeed::remove(WsConnection *connection)
{
    if (!m_nodeOf.remove(connection))
        return;
    m_attached.remove(connection);
    m_waiting.remove(connection);
    m_terminals.detach(connection);
}

void TerminalFeed::onText(WsConnection *connection, const QString &text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value(QStringLiteral("type")).toString();
    if (!m_attached.value(connection)) {
        if (type != u"attach" || !message.value(QStringLiteral("ticket")).isString()) {
            connection->closeWith(kCloseUnauthorized, QStringLiteral("attach first"));
            return;
        }
        auto session = m_terminals.attach(message.value(QStringLiteral("ticket")).toString(),
                                          m_nodeOf.value(connection), connection);
        if (!session) {
            connection->closeWith(kCloseUnauthorized, session.error().message);
            return;
        }
        // TerminalService said "attached" (before any output).
        m_attached.insert(connection, true);
        m_waiting.remove(connection);
        return;
    }
    if (type == u"resize") {
        const int rows = message.value(QStringLiteral("rows")).toInt(-1);
        const int cols = message.value(QStringLiteral("cols")).toInt(-1);
        if (rows < 1 || rows > 1000 || cols < 1 || cols > 1000) {
            connection->closeWith(kClosePolicy, QStringLiteral("rows and cols are 1 to 1000"));
            return;
        }
        m_terminals.consoleResize(connection, rows, cols);
        return;
    }
    connection->closeWith(kClosePolicy, QStringLiteral("unknown message"));
}

} // namespace hm::server::ws
