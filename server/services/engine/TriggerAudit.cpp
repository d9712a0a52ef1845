#include "server/services/engine/TriggerAudit.h"

#include "common/JsonText.h"
#include "common/Logging.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/engine/FlowEngineHost.h"
#include "store/WriteBehindQueue.h"

#include <QDateTime>
#include <algorithm>
#include <limits>
#include <string_view>

namespace hm::server {

namespace {

const QString kTriggerAuditAction = QStringLiteral("FLOW_TRIGGERED");
const QString kTriggerAuditResource = QStringLiteral("flow");

QString callbackUrlText(const TriggerCallOptions &call)
{
    return call.callbackUrl.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo |
                                     QUrl::RemoveFragment);
}

auth::AuditNotice noticeOf(const QString &id, const repositories::AuditEntry &entry)
{
    return {id, entry.action, entry.userId, entry.resourceType, entry.resourceId, entry.createdAt,
            1};
}

} // namespace

QJsonObject triggerAuditDetails(const engine::TriggerResult &result,
                                const QString &requestedVersion, const TriggerCallOptions &call,
                                const QString &apiKeyId, const QString &rerunOf)
{
    QJsonObject options;
    if (!requestedVersion.isEmpty())
        options.insert(QStringLiteral("version"), requestedVersion);
    if (call.priority != 0)
        options.insert(QStringLiteral("priority"), call.priority);
    if (call.timeoutMs > 0)
        options.insert(QStringLiteral("timeout_override_ms"), call.timeoutMs);
    if (!call.callbackUrl.isEmpty())
        options.insert(QStringLiteral("callback_url"), callbackUrlText(call));
    QJsonObject details{{QStringLiteral("execution_id"), result.executionId},
                        {QStringLiteral("flow_version"), result.flowVersion},
                        {QStringLiteral("status"), result.statusName()},
                        {QStringLiteral("options"), options}};
    if (!apiKeyId.isEmpty())
        details.insert(QStringLiteral("api_key_id"), apiKeyId);
    if (!rerunOf.isEmpty())
        details.insert(QStringLiteral("rerun_of"), rerunOf);
    return details;
}

QString triggerAuditDetailsText(const engine::TriggerResult &result,
                                const QString &requestedVersion, const TriggerCallOptions &call,
                                const QString &apiKeyId, const QString &rerunOf)
{
    // Keys in QJsonObject's order (sorted), as its compact text has them.
    thread_local json::TextBuffer out;
    out.clear();
    out.reserve(160);
    bool first = true;
    // A literal's length is known at compile time through the view.
    const auto key = [&first](std::u16string_view name) {
        out += first ? u'{' : u',';
        first = false;
        out += u'"';
        out.append(name.data(), qsizetype(name.size()));
        out += u"\":";
    };
    if (!apiKeyId.isEmpty()) {
        key(u"api_key_id");
        json::appendString(out, apiKeyId);
    }
    key(u"execution_id");
    json::appendString(out, result.executionId);
    key(u"flow_version");
    json::appendString(out, result.flowVersion);
    key(u"options");
    {
        const bool outer = first;
        first = true;
        if (!call.callbackUrl.isEmpty()) {
            key(u"callback_url");
            json::appendString(out, callbackUrlText(call));
        }
        if (call.priority != 0) {
            key(u"priority");
            json::appendInteger(out, call.priority);
        }
        if (call.timeoutMs > 0) {
            key(u"timeout_override_ms");
            json::appendInteger(out, call.timeoutMs);
        }
        if (!requestedVersion.isEmpty()) {
            key(u"version");
            json::appendString(out, requestedVersion);
        }
        out += first ? u"{}" : u"}";
        first = outer;
    }
    if (!rerunOf.isEmpty()) {
        key(u"rerun_of");
        json::appendString(out, rerunOf);
    }
    key(u"status");
    json::appendString(out, result.statusName());
    out += u'}';
    return out.toString();
}

TriggerAuditLog::TriggerAuditLog(store::Database &db, FlowEngineHost &host, QObject *parent)
    : QObject(parent), m_db(db), m_host(host), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &TriggerAuditLog::tick);
    // Entries a crash (or a stop before the last move) left in the outbox.
    auto moved = repositories::flushAuditOutbox(m_db);
    if (!moved)
        qCWarning(lcServer) << "audit log: trigger entries not moved:" << moved.error().toString();
    else if (moved.value() > 0)
        qCInfo(lcServer) << "audit log:" << moved.value()
                         << "trigger entries of the previous run written";
}

qint64 TriggerAuditLog::record(const TriggerActor &actor, const engine::TriggerResult &result,
                               const QString &requestedVersion, const TriggerCallOptions &call,
                               const QString &rerunOf)
{
    ++m_triggers;
    m_sinceTrigger.start();
    repositories::AuditEntry entry{
        actor.userId,
        kTriggerAuditAction,
        kTriggerAuditResource,
        result.flowId,
        actor.ip,
        actor.userAgent.left(512),
        triggerAuditDetailsText(result, requestedVersion, call, actor.apiKeyId, rerunOf),
        QDateTime::currentMSecsSinceEpoch()};
    Pending pending;
    if (!m_host.tryEnqueueWrite(repositories::auditOutboxWrite(entry, &pending.id), &pending.from,
                                &pending.to)) {
        // The queue is full or stopping: the row is written here and now.
        if (Status written = repositories::insertAuditEntryIfMissing(m_db, pending.id, entry);
            !written)
            qCWarning(lcServer) << "audit log:" << written.error().toString();
        else
            auth::announceAudit(m_db, noticeOf(pending.id, entry));
        return -1;
    }
    pending.entry = std::move(entry);
    const qint64 ticket = pending.to;
    m_pending.push_back(std::move(pending));
    if (!m_armed)
        arm();
    return ticket;
}

void TriggerAuditLog::arm()
{
    // One waiter for everything enqueued so far; what comes while it waits
    // is covered by the next one.
    m_armed = true;
    const qint64 to = m_pending.back().to;
    m_host.afterCommit(m_pending.front().from, to, this,
                       [this, to](bool committed) { settle(to, committed); });
}

void TriggerAuditLog::settle(qint64 to, bool committed)
{
    m_armed = false;
    while (!m_pending.empty() && m_pending.front().to <= to) {
        Pending done = std::move(m_pending.front());
        m_pending.pop_front();
        if (!committed) {
            // A batch was not stored (a full disk?): one more try directly,
            // into audit_logs under the same id, so an entry whose outbox
            // row did commit stays one (the move skips an id that is there).
            if (Status written = repositories::insertAuditEntryIfMissing(m_db, done.id, done.entry);
                !written) {
                qCWarning(lcServer) << "audit log:" << written.error().toString();
                continue;
            }
            auth::announceAudit(m_db, noticeOf(done.id, done.entry));
            continue;
        }
        if (m_waiting == 0)
            m_oldestMs = done.entry.createdAt;
        ++m_waiting;
        m_latest = noticeOf(done.id, done.entry);
    }
    if (!m_pending.empty())
        arm();
    schedule();
}

void TriggerAuditLog::schedule()
{
    if (m_moving || m_waiting == 0)
        return;
    if (m_waiting >= m_levels.pressureRows) {
        // The next move after a pace, so that the triggers queued meanwhile
        // commit without it (tick() starts it).
        if (!m_timer->isActive() || m_timer->remainingTime() > kPressurePaceMs)
            m_timer->start(kPressurePaceMs);
        return;
    }
    if (!m_timer->isActive())
        m_timer->start(m_levels.idleMs);
}

int TriggerAuditLog::pressureMoveRows() const
{
    const qsizetype levels = m_waiting / qMax(1, m_levels.pressureRows);
    return int(std::clamp<qsizetype>(levels, 1, kIdleMoveRows / kMoveRows)) * kMoveRows;
}

void TriggerAuditLog::tick()
{
    if (m_moving || m_waiting == 0)
        return;
    // Triggers came within the last idle window (m_levels.idleMs: kIdleMs
    // unless a test lowered it): wait for a pause, unless too many wait or
    // the oldest has waited long enough.
    const bool idle = !m_sinceTrigger.isValid() || m_sinceTrigger.hasExpired(m_levels.idleMs);
    if (idle)
        move(kIdleMoveRows);
    else if (m_waiting >= m_levels.pressureRows)
        move(pressureMoveRows());
    else if (QDateTime::currentMSecsSinceEpoch() - m_oldestMs >= m_levels.pressureMs)
        move(kMoveRows);
    else
        m_timer->start(m_levels.idleMs);
}

void TriggerAuditLog::catchUp(QObject *context, std::function<void()> then)
{
    if (m_waiting == 0 && m_pending.empty() && !m_moving) {
        // Nothing this object knows of: what a failure may have left is
        // moved here (an empty outbox is one read).
        if (auto moved = repositories::flushAuditOutbox(m_db); !moved)
            qCWarning(lcServer) << "audit log: outbox not moved:" << moved.error().toString();
        then();
        return;
    }
    m_catchUps.push_back({++m_catchUpSerial, QPointer<QObject>(context), std::move(then)});
    if (!m_moving)
        move(kIdleMoveRows);
}

void TriggerAuditLog::answerCatchUps(quint64 upTo)
{
    // Callbacks may read the audit list (and so come back here): take them
    // out first.
    std::vector<CatchUp> due;
    while (!m_catchUps.empty() && m_catchUps.front().serial <= upTo) {
        due.push_back(std::move(m_catchUps.front()));
        m_catchUps.pop_front();
    }
    for (CatchUp &c : due) {
        if (c.context)
            c.then();
    }
}

void TriggerAuditLog::move(int rows)
{
    qint64 from = 0;
    qint64 to = 0;
    auto moved = std::make_shared<std::atomic<int>>(-1);
    if (!m_host.tryEnqueueWrite(repositories::moveAuditOutboxWrite(rows, moved), &from, &to)) {
        // The queue is full or stopping: later, and a reader gets the list
        // as it is rather than nothing.
        answerCatchUps(m_catchUpSerial);
        m_timer->start(m_levels.idleMs);
        return;
    }
    m_moving = true;
    // Every entry waiting now was committed before the move was queued, so
    // the move sees them all: fewer than `rows` moved means none of them
    // is left (a reader of the audit list may have moved some already),
    // and the readers that asked before it can read.
    const qsizetype before = m_waiting;
    const quint64 readers = m_catchUpSerial;
    const quint64 triggers = m_triggers;
    // After `triggers` is taken: a trigger recorded by a receiver comes
    // during the move.
    emit moveQueued(rows);
    m_host.afterCommit(
        from, to, this, [this, moved, before, rows, readers, triggers](bool committed) {
            m_moving = false;
            const int count = moved->load();
            emit moveEnded(committed ? count : -1);
            if (!committed || count < 0) {
                // A full disk, say: the rows stay in the outbox, and the move
                // is tried again in a while, not at once.
                qCWarning(lcServer) << "audit log: moving the outbox failed; tried again later";
                answerCatchUps(readers);
                m_timer->start(kPressureMs);
                return;
            }
            const bool drained = count < rows;
            m_waiting -= drained ? before : std::min<qsizetype>(before, count);
            m_moved += count;
            if (m_waiting == 0) {
                // Announced once the last of a run of moves is in.
                if (m_latest && m_moved > 0) {
                    m_latest->coalesced =
                        int(std::min<qsizetype>(m_moved, std::numeric_limits<int>::max()));
                    auth::announceAudit(m_db, *m_latest);
                }
                m_latest.reset();
                m_moved = 0;
            } else {
                m_oldestMs = QDateTime::currentMSecsSinceEpoch();
            }
            if (drained)
                answerCatchUps(readers);
            if (!m_catchUps.empty())
                move(kIdleMoveRows); // readers wait: on at once
            else if (m_waiting > 0 && m_triggers == triggers)
                move(kIdleMoveRows); // back to back while no trigger comes
            else
                schedule();
        });
}

} // namespace hm::server
