#include "server/ws/EventFeed.h"

#include "common/JsonText.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/engine/FlowAccess.h"
#include "server/services/engine/FlowEvents.h"
#include "server/services/system/Metrics.h"
#include "server/ws/WsConnection.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>

namespace hm::server::ws {

namespace {

using Type = engine::EngineEvent::Type;

// The seed 001 message type for an execution-level engine event; empty for
// node events, which only /ws/executions/{id} carries.
QString typeFor(const engine::EngineEvent &event)
{
    switch (event.type) {
    case Type::ExecutionStarted:
        return QStringLiteral("execution_started");
    case Type::ExecutionCompleted:
        return event.status == QLatin1String("completed") ? QStringLiteral("execution_completed")
                                                          : QStringLiteral("execution_failed");
    case Type::ExecutionCancelled:
        return QStringLiteral("execution_cancelled");
    case Type::ExecutionQueued:
        return QStringLiteral("execution_queued");
    default:
        return {};
    }
}

QJsonObject dataFor(const engine::EngineEvent &event)
{
    QJsonObject data{{QStringLiteral("execution_id"), event.executionId},
                     {QStringLiteral("flow_id"), event.flowId},
                     {QStringLiteral("flow_version"), event.flowVersion}};
    switch (event.type) {
    case Type::ExecutionStarted:
        data.insert(QStringLiteral("status"), QStringLiteral("running"));
        data.insert(QStringLiteral("started_at"), engine::isoTimestamp(event.timestampMs));
        data.insert(QStringLiteral("triggered_by"), event.triggeredBy);
        data.insert(QStringLiteral("created_at"), engine::isoTimestamp(event.createdAtMs));
        break;
    case Type::ExecutionCompleted:
        data.insert(QStringLiteral("status"), event.status);
        data.insert(QStringLiteral("ended_at"), engine::isoTimestamp(event.timestampMs));
        data.insert(QStringLiteral("duration_ms"), event.durationMs);
        if (event.status != QLatin1String("completed"))
            data.insert(QStringLiteral("error"),
                        QJsonObject{{QStringLiteral("code"), event.error.codeName()},
                                    {QStringLiteral("message"), event.error.message}});
        break;
    case Type::ExecutionCancelled:
        data.insert(QStringLiteral("status"), QStringLiteral("cancelled"));
        data.insert(QStringLiteral("ended_at"), engine::isoTimestamp(event.timestampMs));
        data.insert(QStringLiteral("duration_ms"), event.durationMs);
        data.insert(QStringLiteral("reason"), event.reason);
        data.insert(QStringLiteral("cancelled_by"), event.cancelledBy);
        if (event.killed)
            data.insert(QStringLiteral("killed"), true);
        break;
    case Type::ExecutionQueued:
        data.insert(QStringLiteral("status"), QStringLiteral("queued"));
        data.insert(QStringLiteral("queue_position"), event.queuePosition);
        data.insert(QStringLiteral("queued_at"), engine::isoTimestamp(event.timestampMs));
        data.insert(QStringLiteral("triggered_by"), event.triggeredBy);
        data.insert(QStringLiteral("created_at"), engine::isoTimestamp(event.createdAtMs));
        break;
    default:
        break;
    }
    return data;
}

// Principals that always get the same answer from FlowAccess.
QString principalKey(const auth::Principal &p)
{
    return p.apiKeyId.isEmpty()
               ? QStringLiteral("u:%1:%2").arg(p.userId).arg(static_cast<int>(p.role))
               : QStringLiteral("k:%1:%2").arg(p.apiKeyId).arg(static_cast<int>(p.role));
}

} // namespace

QString eventMessage(const QString &type, const QJsonObject &data, qint64 seq)
{
    QJsonObject json{
        {QStringLiteral("type"), type},
        {QStringLiteral("data"), data},
        {QStringLiteral("timestamp"), engine::isoTimestamp(QDateTime::currentMSecsSinceEpoch())}};
    if (seq > 0)
        json.insert(QStringLiteral("seq"), seq);
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

QString eventMessageText(const QString &type, const QByteArray &dataJson, qint64 seq)
{
    // QJsonObject's key order: data, seq, timestamp, type.
    QString out;
    out.reserve(dataJson.size() + 96);
    out += u"{\"data\":";
    out += QString::fromUtf8(dataJson);
    if (seq > 0) {
        out += u",\"seq\":";
        json::appendInteger(out, seq);
    }
    out += u",\"timestamp\":";
    json::appendString(out, engine::isoTimestamp(QDateTime::currentMSecsSinceEpoch()));
    out += u",\"type\":";
    json::appendString(out, type);
    out += u'}';
    return out;
}

EventFeed::EventFeed(store::Database &db, QString dataDir, int statusIntervalMs, QObject *parent)
    : QObject(parent), m_db(db), m_sampler(std::move(dataDir)), m_intervalMs(statusIntervalMs),
      m_streamId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    connect(&m_timer, &QTimer::timeout, this, &EventFeed::broadcastStatus);
}

QString EventFeed::statusMessage(const QJsonObject &extra)
{
    // One sample per interval however many clients connect in between (a
    // new sample would also shorten the CPU measurement window).
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_lastStatus.isEmpty() || now - m_lastStatusAtMs >= m_intervalMs) {
        m_lastStatus = m_sampler.sample();
        m_lastStatusAtMs = now;
    }
    QJsonObject json{
        {QStringLiteral("type"), QStringLiteral("system_status")},
        {QStringLiteral("data"), m_lastStatus},
        {QStringLiteral("timestamp"), engine::isoTimestamp(now)},
        {QStringLiteral("stream"), m_streamId},
        {QStringLiteral("seq"), m_seq},
    };
    for (auto it = extra.begin(); it != extra.end(); ++it)
        json.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

bool EventFeed::canResume(const QString &stream, qint64 after) const
{
    if (stream != m_streamId || after < 0 || after > m_seq)
        return false;
    const qint64 first = m_journal.empty() ? m_seq + 1 : m_journal.front().seq;
    return after >= first - 1;
}

void EventFeed::record(qint64 seq, Event event)
{
    m_journal.push_back(Entry{seq, std::move(event)});
    while (m_journal.size() > size_t(kJournalSize))
        m_journal.pop_front();
}

void EventFeed::open(WsConnection *connection)
{
    const QUrlQuery query(connection->socket().requestUrl());
    const bool asked = query.hasQueryItem(QStringLiteral("stream"));
    bool afterOk = false;
    const qint64 after = query.queryItemValue(QStringLiteral("after")).toLongLong(&afterOk);
    const bool resumed =
        asked && afterOk && canResume(query.queryItemValue(QStringLiteral("stream")), after);
    QJsonObject extra;
    if (asked)
        extra.insert(QStringLiteral("resumed"), resumed);
    if (!connection->send(statusMessage(extra)))
        return;
    if (resumed) {
        const QList<WsConnection *> only{connection};
        for (const Entry &entry : m_journal) {
            if (entry.seq <= after)
                continue;
            std::visit(
                [&](const auto &event) {
                    using T = std::decay_t<decltype(event)>;
                    if constexpr (std::is_same_v<T, engine::EngineEvent>)
                        deliver(typeFor(event), event, entry.seq, only);
                    else
                        deliver(event, entry.seq, only);
                },
                entry.event);
            if (!connection->isOpen())
                return; // too much for it: closed as a slow consumer
        }
    }
    m_clients.append(connection);
    Metrics::instance().websocketEventClients.inc();
    // Sampling costs a few /proc reads: only while somebody listens.
    if (!m_timer.isActive())
        m_timer.start(m_intervalMs);
}

void EventFeed::remove(WsConnection *connection)
{
    if (m_clients.removeOne(connection))
        Metrics::instance().websocketEventClients.dec();
    if (m_clients.isEmpty())
        m_timer.stop();
}

void EventFeed::broadcastStatus()
{
    m_lastStatus = {};
    const QString message = statusMessage();
    const QList<WsConnection *> clients = m_clients;
    for (WsConnection *connection : clients)
        connection->send(message);
}

void EventFeed::onEvent(const engine::EngineEvent &event)
{
    const QString type = typeFor(event);
    if (type.isEmpty())
        return;
    const qint64 seq = ++m_seq;
    record(seq, event);
    if (!m_clients.isEmpty())
        deliver(type, event, seq, m_clients);
}

void EventFeed::onFlowEvent(const FlowEvent &event)
{
    const qint64 seq = ++m_seq;
    record(seq, event);
    if (!m_clients.isEmpty())
        deliver(event, seq, m_clients);
}

void EventFeed::onAccountEvent(const auth::AccountEvent &event)
{
    if (event.transient) {
        // Not journalled: a thousand nodes' values every few seconds would
        // fill the journal and push out what a resuming client needs.
        if (!m_clients.isEmpty())
            deliver(event, 0, m_clients);
        return;
    }
    const qint64 seq = ++m_seq;
    record(seq, event);
    if (!m_clients.isEmpty())
        deliver(event, seq, m_clients);
}

void EventFeed::deliver(const QString &type, const engine::EngineEvent &event, qint64 seq,
                        const QList<WsConnection *> &to)
{
    const QString message = eventMessage(type, dataFor(event), seq);
    QHash<QString, bool> visible; // principal key -> may view the flow
    const QList<WsConnection *> clients = to;
    for (WsConnection *connection : clients) {
        const QString key = principalKey(connection->principal);
        auto known = visible.constFind(key);
        if (known == visible.constEnd()) {
            auto permission = historyPermission(m_db, connection->principal, event.flowId);
            known = visible.insert(key, permission && permission.value() >= FlowPermission::View);
        }
        if (known.value())
            connection->send(message);
    }
}

void EventFeed::deliver(const FlowEvent &event, qint64 seq, const QList<WsConnection *> &to)
{
    // Principal key -> permission; permission -> message (my_permission
    // differs per receiver, the rest does not).
    QHash<QString, FlowPermission> permissions;
    QHash<int, QString> messages;
    const QList<WsConnection *> clients = to;
    for (WsConnection *connection : clients) {
        const auth::Principal &principal = connection->principal;
        const QString key = principalKey(principal);
        auto known = permissions.constFind(key);
        if (known == permissions.constEnd()) {
            auto permission = historyPermission(m_db, principal, event.flowId);
            known = permissions.insert(key, permission ? permission.value() : FlowPermission::None);
        }
        const FlowPermission permission = known.value();
        const bool addressed = !event.alsoUserId.isEmpty() && principal.userId == event.alsoUserId;
        if (permission < event.audience && !addressed)
            continue;
        QString &message = messages[static_cast<int>(permission)];
        if (message.isEmpty()) {
            QJsonObject data = event.data;
            data.insert(QStringLiteral("my_permission"), flowPermissionName(permission));
            message = eventMessage(event.type, data, seq);
        }
        connection->send(message);
    }
}

void EventFeed::deliver(const auth::AccountEvent &event, qint64 seq,
                        const QList<WsConnection *> &to)
{
    QString message;
    const QList<WsConnection *> clients = to;
    for (WsConnection *connection : clients) {
        const auth::Principal &principal = connection->principal;
        const bool admin = event.toAdmins && principal.role == auth::Role::Admin;
        const bool addressed = !event.toUserId.isEmpty() && principal.userId == event.toUserId;
        if (!admin && !addressed && !event.toEveryone)
            continue;
        if (message.isEmpty())
            message = event.dataText ? eventMessageText(event.type, event.dataText(), seq)
                                     : eventMessage(event.type, event.data, seq);
        connection->send(message);
    }
}

} // namespace hm::server::ws
