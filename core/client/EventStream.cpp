#include "client/EventStream.h"

#include "client/ApiClient.h"

#include <QUrlQuery>

namespace hm::client {

EventStream::EventStream(QObject *parent) : JsonWebSocket(parent)
{
    connect(this, &JsonWebSocket::opened, this, [this] { m_welcomed = false; });
}

void EventStream::forgetPosition()
{
    m_streamId.clear();
    m_lastSeq = 0;
}

void EventStream::listen(const QUrl &serverUrl, const QString &token)
{
    QUrl url = webSocketUrl(serverUrl, QStringLiteral("/ws/events"));
    if (m_resuming && !m_streamId.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("stream"), m_streamId);
        query.addQueryItem(QStringLiteral("after"), QString::number(m_lastSeq));
        url.setQuery(query);
    }
    m_welcomed = false;
    openUrl(url, token);
}

bool EventStream::listenWith(const ApiClient &client)
{
    const QString token = client.webSocketToken();
    if (token.isEmpty())
        return false;
    setTlsPolicy(client.tlsPolicy());
    listen(client.baseUrl(), token);
    return true;
}

void EventStream::handleMessage(const QJsonObject &json)
{
    const QString type = json.value(QStringLiteral("type")).toString();
    const QJsonObject data = json.value(QStringLiteral("data")).toObject();
    const qint64 seq = json.value(QStringLiteral("seq")).toInteger();
    if (type == QLatin1String("system_status") && !m_welcomed) {
        m_welcomed = true;
        const bool resumed = json.value(QStringLiteral("resumed")).toBool();
        const QString stream = json.value(QStringLiteral("stream")).toString();
        if (!resumed || stream != m_streamId) {
            // Afresh: from what the server has given so far.
            m_streamId = stream;
            m_lastSeq = seq;
        }
        emit welcomed(resumed && !stream.isEmpty());
    } else if (seq > m_lastSeq) {
        // A later system_status's seq counts too: the server sent every
        // event up to it that this caller may see before it.
        m_lastSeq = seq;
    }
    emit message(type, data,
                 QDateTime::fromString(json.value(QStringLiteral("timestamp")).toString(),
                                       Qt::ISODateWithMs));
    if (type == QLatin1String("system_status"))
        emit systemStatus(data);
    else if (type.startsWith(QLatin1String("execution_")))
        emit executionChanged(type, data);
    else if (type.startsWith(QLatin1String("flow_")))
        emit flowChanged(type, data);
}

} // namespace hm::client
