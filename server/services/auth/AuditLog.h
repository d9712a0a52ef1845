#pragma once

#include <QJsonObject>
#include <QString>
#include <functional>

namespace hm::store {
class Database;
}

namespace hm::server::auth {

// One audit_logs row. Details must never carry secrets: callers pass ids,
// names and outcomes only. A failed write is logged, not fatal — the action
// it records has already happened.
void audit(store::Database &database, const QString &action, const QString &userId,
           const QString &resourceType, const QString &resourceId, const QString &ip,
           const QString &userAgent, const QJsonObject &details = {});

// An entry audit() has written.
struct AuditNotice
{
    QString id;
    QString action;
    QString userId;
    QString resourceType;
    QString resourceId;
    qint64 createdAt = 0;
    // How many entries of one commit this notice stands for (the latest of
    // them): the triggers' (TriggerAuditLog) are announced once per batch.
    int coalesced = 1;
};
// {id, action, category, user_id, resource_type, resource_id, created_at}
// (absent ids null), and `coalesced` when it stands for more than one
// entry, as /ws/events' audit_logged carries it.
QJsonObject auditNoticeJson(const AuditNotice &notice);
using AuditListener = std::function<void(const AuditNotice &)>;
// Who hears of each entry audit() writes on `database`, after the write
// (the server's /ws/events audit_logged, so that the consoles' audit lists
// follow). Keyed by the connection because audit() is handed nothing else
// and one process may run several servers (tests, the console's embedded
// one). An empty listener removes it; the runtime removes its own before
// the database goes.
void setAuditListener(const store::Database &database, AuditListener listener);
// Tells the listener of `database` of an entry written another way than
// through audit() (the trigger's, through the history's write-behind queue:
// TriggerAudit), once it is committed.
void announceAudit(const store::Database &database, const AuditNotice &notice);

} // namespace hm::server::auth
