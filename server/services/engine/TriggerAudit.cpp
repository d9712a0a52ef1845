#include "server/services/engine/TriggerAudit.h"

#include "common/JsonText.h"
#include "common/Logging.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/engine/FlowEngineHost.h"
#include "store/WriteBehindQueue.h"

#include <QDateTime>

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
    const auto key = [&first](const char16_t *name, qsizetype size) {
        out += first ? u'{' : u',';
        first = false;
        out += u'"';
        out.append(name, size);
        out += u"\":";
    };
#define HM_KEY(name) key(u"" name, qsizetype(sizeof(u"" name) / sizeof(char16_t) - 1))
    if (!apiKeyId.isEmpty()) {
        HM_KEY("api_key_id");
        json::appendString(out, apiKeyId);
    }
    HM_KEY("execution_id");
    json::appendString(out, result.executionId);
    HM_KEY("flow_version");
    json::appendString(out, result.flowVersion);
    HM_KEY("options");
    {
        const bool outer = first;
        first = true;
        if (!call.callbackUrl.isEmpty()) {
            HM_KEY("callback_url");
            json::appendString(out, callbackUrlText(call));
        }
        if (call.priority != 0) {
            HM_KEY("priority");
            json::appendInteger(out, call.priority);
        }
        if (call.timeoutMs > 0) {
            HM_KEY("timeout_override_ms");
            json::appendInteger(out, call.timeoutMs);
        }
        if (!requestedVersion.isEmpty()) {
            HM_KEY("version");
            json::appendString(out, requestedVersion);
        }
        out += first ? u"{}" : u"}";
        first = outer;
    }
    if (!rerunOf.isEmpty()) {
        HM_KEY("rerun_of");
        json::appendString(out, rerunOf);
    }
    HM_KEY("status");
    json::appendString(out, result.statusName());
#undef HM_KEY
    out += u'}';
    return out.toString();
}

TriggerAuditLog::TriggerAuditLog(store::Database &db, FlowEngineHost &host, QObject *parent)
    : QObject(parent), m_db(db), m_host(host)
{}

qint64 TriggerAuditLog::record(const TriggerActor &actor, const engine::TriggerResult &result,
                               const QString &requestedVersion, const TriggerCallOptions &call,
                               const QString &rerunOf)
{
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
    if (!m_host.tryEnqueueWrite(repositories::auditEntryWrite(entry, &pending.id), &pending.from,
                                &pending.to)) {
        // The queue is full or stopping: the row is written here and now.
        auth::audit(m_db, entry.action, entry.userId, entry.resourceType, entry.resourceId,
                    entry.ip, entry.userAgent,
                    triggerAuditDetails(result, requestedVersion, call, actor.apiKeyId, rerunOf));
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
    std::optional<auth::AuditNotice> latest;
    int stored = 0;
    while (!m_pending.empty() && m_pending.front().to <= to) {
        Pending done = std::move(m_pending.front());
        m_pending.pop_front();
        if (!committed) {
            // A batch was not stored (a full disk?): one more try directly,
            // under the same id, so an entry whose batch did commit stays one.
            if (Status written = repositories::insertAuditEntryIfMissing(m_db, done.id, done.entry);
                !written) {
                qCWarning(lcServer) << "audit log:" << written.error().toString();
                continue;
            }
        }
        latest = noticeOf(done.id, done.entry);
        ++stored;
    }
    if (latest) {
        latest->coalesced = stored;
        auth::announceAudit(m_db, *latest);
    }
    if (!m_pending.empty())
        arm();
}

} // namespace hm::server
