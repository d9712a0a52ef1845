#pragma once

// The audit row of a trigger made by a user or an API key (issue 37
// leftovers; docs/api.md "Audit log"): FLOW_TRIGGERED on the flow, with the
// execution id, the version run, whether it started or queued, the API
// key (when one was used) and the options asked for — never the callback
// secret, nor the callback URL's query (it may carry a token). A re-run
// (POST /executions/{id}/rerun) is a trigger too, with `rerun_of`.
//
// The trigger is the server's hot path (issue 4: ≥ 15,000 triggers a
// second), so the row costs as little as it can:
// - it goes through the history's write-behind queue like the execution's
//   own records, and record() returns its ticket: the trigger's answer
//   waits for it with the execution (one commit for both, and a trigger
//   that was answered is audited);
// - one afterCommit() waiter per commit batch instead of one per trigger:
//   the entries waiting for their commit are kept in order here, and when a
//   batch is stored the audit listener (/ws/events' audit_logged) hears of
//   them once — the latest entry, with `coalesced` = how many it stands
//   for when more than one (a console refreshes its list either way);
// - a batch that was not stored is written again directly, entry by entry
//   under the same ids, skipping what is there (never doubled).
// When the queue is full or stopped the row is written directly instead.

#include "engine/EngineTypes.h"
#include "server/repositories/AuditRepository.h"
#include "server/services/engine/TriggerCallOptions.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <deque>

namespace hm::store {
class Database;
}

namespace hm::server {

class FlowEngineHost;

// Who triggered, as the route knows it.
struct TriggerActor
{
    QString userId;   // the user, or the API key's owner
    QString apiKeyId; // empty when signed in as the user
    QString ip;       // the request's client, as auth::clientInfo() has it
    QString userAgent;
};

// The details of the FLOW_TRIGGERED row (without the secret).
QJsonObject triggerAuditDetails(const engine::TriggerResult &result,
                                const QString &requestedVersion, const TriggerCallOptions &call,
                                const QString &apiKeyId, const QString &rerunOf = {});
// The same as compact JSON text, written straight (what the row stores):
// QJsonDocument(triggerAuditDetails(…)).toJson(Compact) as a QString, byte
// for byte, without the object (half the audit's cost on the server
// thread). TestTriggerAuditText holds it against the object.
QString triggerAuditDetailsText(const engine::TriggerResult &result,
                                const QString &requestedVersion, const TriggerCallOptions &call,
                                const QString &apiKeyId, const QString &rerunOf = {});

// Server thread, one per server (TriggerService owns it).
class TriggerAuditLog : public QObject
{
    Q_OBJECT
public:
    TriggerAuditLog(store::Database &db, FlowEngineHost &host, QObject *parent = nullptr);

    // Writes the FLOW_TRIGGERED row of `result`. Returns the journal ticket
    // after it, for the trigger's afterCommit(), or -1 when it was written
    // directly (already committed, or failed and logged).
    qint64 record(const TriggerActor &actor, const engine::TriggerResult &result,
                  const QString &requestedVersion, const TriggerCallOptions &call,
                  const QString &rerunOf = {});

    // Entries enqueued and not yet known to be stored (tests).
    qsizetype pendingCount() const { return qsizetype(m_pending.size()); }

private:
    struct Pending
    {
        repositories::AuditEntry entry;
        QString id;
        qint64 from = 0;
        qint64 to = 0;
    };

    void arm();
    void settle(qint64 to, bool committed);

    store::Database &m_db;
    FlowEngineHost &m_host;
    std::deque<Pending> m_pending; // ticket order
    bool m_armed = false;
};

} // namespace hm::server
