#include "client/EventStream.h"

#include "client/ApiClient.h"

namespace hm::client {

EventStream::EventStream(QObject *parent) : JsonWebSocket(parent) {}

void EventStream::listen(const QUrl &serverUrl, const QString &token)
{
    openUrl(webSocketUrl(serverUrl, QStringLiteral("/ws/events")), token);
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
