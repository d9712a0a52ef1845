#include "client/ExecutionWatcher.h"

namespace hm::client {

ExecutionWatcher::ExecutionWatcher(QObject *parent) : JsonWebSocket(parent) {}

void ExecutionWatcher::watch(const QUrl &serverUrl, const QString &executionId,
                             const QString &token)
{
    m_executionId = executionId;
    m_lastSequence = 0;
    openUrl(webSocketUrl(serverUrl, QStringLiteral("/ws/executions/") + executionId), token);
}

void ExecutionWatcher::handleMessage(const QJsonObject &message)
{
    const qint64 seq = message.value(QStringLiteral("seq")).toInteger();
    if (seq > 0)
        m_lastSequence = seq;
    if (message.value(QStringLiteral("type")).toString() == QLatin1String("snapshot"))
        emit snapshot(message);
    else
        emit event(message);
}

} // namespace hm::client
