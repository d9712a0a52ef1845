#include "client/ExecutionWatcher.h"

#include "common/Logging.h"

namespace hm::client {

ExecutionWatcher::ExecutionWatcher(QObject *parent) : JsonWebSocket(parent) {}

void ExecutionWatcher::watch(const QUrl &serverUrl, const QString &executionId,
                             const QString &token)
{
    m_serverUrl = serverUrl;
    m_executionId = executionId;
    m_lastSequence = 0;
    m_resumes = 0;
    m_duplicates = 0;
    m_resuming = false;
    m_broken = false;
    openUrl(webSocketUrl(serverUrl, QStringLiteral("/ws/executions/") + executionId), token);
}

void ExecutionWatcher::resume(const QString &token)
{
    if (m_executionId.isEmpty())
        return;
    ++m_resumes;
    m_resuming = true;
    m_broken = false;
    openUrl(webSocketUrl(m_serverUrl, QStringLiteral("/ws/executions/") + m_executionId), token);
}

void ExecutionWatcher::handleMessage(const QJsonObject &message)
{
    if (m_broken)
        return;
    const qint64 seq = message.value(QStringLiteral("seq")).toInteger();
    if (message.value(QStringLiteral("type")).toString() == QLatin1String("snapshot")) {
        // A history snapshot ("seq" 0: the engine forgot the execution, e.g.
        // after a restart) is final and numbers nothing; a live one reflects
        // every event up to its number.
        const qint64 previous = m_lastSequence;
        if (seq > m_lastSequence)
            m_lastSequence = seq;
        if (m_resuming)
            emit resumed(previous, std::max(previous, seq));
        m_resuming = false;
        emit snapshot(message);
        return;
    }
    if (seq != 0) {
        if (seq <= m_lastSequence) {
            ++m_duplicates;
            return;
        }
        if (seq > m_lastSequence + 1) {
            // Never from this server (its numbers have no gaps on one
            // connection); a snapshot must cover the hole before anything
            // else is applied.
            qCWarning(lcClient) << "execution feed skipped from" << m_lastSequence << "to" << seq
                                << "; reconnecting for a snapshot";
            m_broken = true;
            abort(QStringLiteral("events %1 to %2 missing").arg(m_lastSequence + 1).arg(seq - 1));
            return;
        }
        m_lastSequence = seq;
    }
    emit event(message);
}

} // namespace hm::client
