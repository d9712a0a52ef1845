#pragma once

// The audit row of a trigger made by a user or an API key (issue 37
// leftovers; docs/api.md "Audit log"): FLOW_TRIGGERED on the flow, with the
// execution id, the version run, whether it started or queued, the API
// key (when one was used) and the options asked for — never the callback
// secret, nor the callback URL's query (it may carry a token). A re-run
// (POST /executions/{id}/rerun) is a trigger too, with `rerun_of`.
//
// The trigger is the server's hot path: the row goes through the history's
// write-behind queue like the execution's own records (one commit for
// both, no commit of its own on the server thread), and the audit
// listener (/ws/events' audit_logged) hears of it once it is committed.
// When the queue is full or stopped the row is written directly instead.

#include "engine/EngineTypes.h"
#include "server/services/engine/TriggerCallOptions.h"

#include <QJsonObject>
#include <QString>

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

void auditTrigger(store::Database &db, FlowEngineHost &host, const TriggerActor &actor,
                  const engine::TriggerResult &result, const QString &requestedVersion,
                  const TriggerCallOptions &call, const QString &rerunOf = {});

} // namespace hm::server
