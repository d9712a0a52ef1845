#include "server/services/auth/AuditLog.h"

#include "common/Logging.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/AuditRepository.h"
#include "server/services/auth/AuditActions.h"
#include "server/services/auth/AuthLogging.h"
#include "store/Database.h"

#include <QHash>
#include <QJsonDocument>
#include <QMutex>

namespace hm::server::auth {
namespace {

// Servers run on threads of their own (the console's embedded one, tests
// with several): the map is shared, each listener is called on the thread
// that wrote the entry (the server's).
struct Listeners
{
    QMutex mutex;
    QHash<const store::Database *, AuditListener> byDatabase;
};

Listeners &listeners()
{
    static Listeners instance;
    return instance;
}

AuditListener listenerOf(const store::Database &database)
{
    Listeners &all = listeners();
    const QMutexLocker lock(&all.mutex);
    return all.byDatabase.value(&database);
}

} // namespace

void audit(store::Database &database, const QString &action, const QString &userId,
           const QString &resourceType, const QString &resourceId, const QString &ip,
           const QString &userAgent, const QJsonObject &details)
{
    const qint64 now = nowMs();
    const auto written = repositories::insertAuditEntry(
        database, {userId, action, resourceType, resourceId, ip, userAgent.left(512),
                   QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)), now});
    if (!written) {
        qCWarning(lcServerAuth) << "audit log:" << written.error().toString();
        return;
    }
    // Called outside the lock: a listener may publish, and a subscriber
    // may write again.
    if (const AuditListener listener = listenerOf(database))
        listener({written.value(), action, userId, resourceType, resourceId, now});
}

QJsonObject auditNoticeJson(const AuditNotice &notice)
{
    const auto orNull = [](const QString &text) {
        return text.isEmpty() ? QJsonValue() : QJsonValue(text);
    };
    QJsonObject json{{QStringLiteral("id"), notice.id},
                     {QStringLiteral("action"), notice.action},
                     {QStringLiteral("category"), auditCategoryOf(notice.action)},
                     {QStringLiteral("user_id"), orNull(notice.userId)},
                     {QStringLiteral("resource_type"), orNull(notice.resourceType)},
                     {QStringLiteral("resource_id"), orNull(notice.resourceId)},
                     {QStringLiteral("created_at"), isoOrNull(notice.createdAt)}};
    if (notice.coalesced > 1)
        json.insert(QStringLiteral("coalesced"), notice.coalesced);
    return json;
}

void announceAudit(const store::Database &database, const AuditNotice &notice)
{
    if (const AuditListener listener = listenerOf(database))
        listener(notice);
}

void setAuditListener(const store::Database &database, AuditListener listener)
{
    Listeners &all = listeners();
    const QMutexLocker lock(&all.mutex);
    if (listener)
        all.byDatabase.insert(&database, std::move(listener));
    else
        all.byDatabase.remove(&database);
}

} // namespace hm::server::auth
