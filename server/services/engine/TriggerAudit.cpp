#include "server/services/engine/TriggerAudit.h"

#include "server/repositories/AuditRepository.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/engine/FlowEngineHost.h"
#include "store/WriteBehindQueue.h"

#include <QDateTime>
#include <QJsonDocument>

namespace hm::server {

namespace {

const QString kTriggerAuditAction = QStringLiteral("FLOW_TRIGGERED");
const QString kTriggerAuditResource = QStringLiteral("flow");

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
        options.insert(QStringLiteral("callback_url"),
                       call.callbackUrl.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo |
                                                 QUrl::RemoveFragment));
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

void auditTrigger(store::Database &db, FlowEngineHost &host, const TriggerActor &actor,
                  const engine::TriggerResult &result, const QString &requestedVersion,
                  const TriggerCallOptions &call, const QString &rerunOf)
{
    const QJsonObject details =
        triggerAuditDetails(result, requestedVersion, call, actor.apiKeyId, rerunOf);
    repositories::AuditEntry entry{
        actor.userId,
        kTriggerAuditAction,
        kTriggerAuditResource,
        result.flowId,
        actor.ip,
        actor.userAgent.left(512),
        QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)),
        QDateTime::currentMSecsSinceEpoch()};
    QString id;
    qint64 from = 0;
    qint64 to = 0;
    if (!host.tryEnqueueWrite(repositories::auditEntryWrite(entry, &id), &from, &to)) {
        // The queue is full or stopping: the row is written here and now.
        auth::audit(db, entry.action, entry.userId, entry.resourceType, entry.resourceId, entry.ip,
                    entry.userAgent, details);
        return;
    }
    const auth::AuditNotice notice{
        id, entry.action, entry.userId, entry.resourceType, entry.resourceId, entry.createdAt};
    host.afterCommit(from, to, &host, [&db, notice, entry, details](bool committed) {
        if (committed) {
            auth::announceAudit(db, notice);
            return;
        }
        // The batch was not stored (a full disk?): one more try directly.
        auth::audit(db, entry.action, entry.userId, entry.resourceType, entry.resourceId, entry.ip,
                    entry.userAgent, details);
    });
}

} // namespace hm::server
