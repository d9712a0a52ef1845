#include "client/TerminalChannel.h"

#include <QJsonDocument>

#include <utility>

namespace hm::client {

TerminalChannel::TerminalChannel(QObject *parent) : JsonWebSocket(parent)
{
    connect(this, &JsonWebSocket::opened, this, [this] {
        // The ticket is the only credential and goes first; it is not kept
        // once used (it works once anyway).
        socket().sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("attach")},
                                      {QStringLiteral("ticket"), m_ticket}})
                .toJson(QJsonDocument::Compact)));
        m_ticket.clear();
    });
    connect(&socket(), &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &bytes) {
        if (m_attached)
            emit output(bytes);
    });
    connect(this, &JsonWebSocket::closed, this, &TerminalChannel::onClosed);
}

void TerminalChannel::open(const QUrl &url, const QString &ticket)
{
    m_ticket = ticket;
    m_sessionId.clear();
    m_pendingInput.clear();
    m_attached = false;
    m_ended = false;
    QUrl bare = url;
    bare.setQuery(QString()); // the server refuses any query (4400)
    openUrl(bare, QString());
}

void TerminalChannel::sendInput(const QByteArray &bytes)
{
    if (m_ended)
        return;
    if (!m_attached) {
        m_pendingInput.append(bytes.left(MaxInputMessage - m_pendingInput.size()));
        return;
    }
    for (qsizetype at = 0; at < bytes.size(); at += MaxInputMessage)
        socket().sendBinaryMessage(bytes.mid(at, MaxInputMessage));
}

void TerminalChannel::resize(int rows, int cols)
{
    if (rows <= 0 || cols <= 0 || (rows == m_rows && cols == m_cols))
        return;
    m_rows = rows;
    m_cols = cols;
    if (m_attached)
        sendResize();
}

void TerminalChannel::sendResize()
{
    if (m_rows <= 0 || m_cols <= 0)
        return;
    socket().sendTextMessage(QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("resize")},
                                  {QStringLiteral("rows"), m_rows},
                                  {QStringLiteral("cols"), m_cols}})
            .toJson(QJsonDocument::Compact)));
}

void TerminalChannel::handleMessage(const QJsonObject &message)
{
    const QString type = message.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("attached")) {
        m_attached = true;
        m_sessionId = message.value(QStringLiteral("session_id")).toString();
        sendResize();
        const QByteArray pending = std::exchange(m_pendingInput, {});
        emit attached(m_sessionId);
        sendInput(pending);
    } else if (type == QLatin1String("exit") && !m_ended) {
        m_ended = true;
        emit exited(message.value(QStringLiteral("reason")).toString(),
                    message.value(QStringLiteral("exit_code")).toInt(-1),
                    message.value(QStringLiteral("signal")).toString());
    }
}

void TerminalChannel::onClosed(int code, const QString &reason)
{
    m_attached = false;
    if (m_ended)
        return;
    m_ended = true;
    emit failed(reason.isEmpty() ? QStringLiteral("closed with %1").arg(code) : reason);
}

} // namespace hm::client
