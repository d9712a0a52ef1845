#pragma once

// When a user's access to a node may have gone, for everything that stays
// open under an access checked once (issue 38 "checked on every request";
// TerminalService, DockerLogFollows, FileDownloads): a terminal, a log
// followed, a download in progress. Rather than each polling, they hear
// mayHaveChanged() where access can change — a grant removed (NodeGrants),
// a user's role or status changed or the user deleted (AccountEvents), a
// node changed (its labels) or deleted (FleetService) — and ask
// stillAllowed() for each stream that event may touch: the user, the node
// and the capability the stream was opened under, read again from the
// store. So a revoked grant for another node or capability ends nothing
// else. Server thread.

#include "common/Result.h"

#include <QObject>
#include <QString>

namespace hm::store {
class Database;
}

namespace hm::server::remote {

class NodeActions;

class AccessWatch : public QObject
{
    Q_OBJECT
public:
    AccessWatch(store::Database &db, NodeActions &actions, QObject *parent = nullptr);

    // Whether `userId` may still use `capability` on `nodeId`: the account
    // exists and is active, and its role and grants allow it on the node as
    // it is now. A store that cannot say (busy) keeps the stream: the next
    // event asks again.
    bool stillAllowed(const QString &userId, const QString &nodeId, const QString &capability);

    // How a stream ended by a lost access is audited (and answered, when it
    // had not started): FORBIDDEN with details.code access_revoked.
    static Error revoked();

    // Counts the changes so far: a stream whose open began under an older
    // count checks its access once more when it is made (the change may
    // have come while the agent was asked).
    quint64 changes() const { return m_changes; }

signals:
    // The access of `userId` (empty: anybody's) on `nodeId` (empty: any
    // node) may have gone.
    void mayHaveChanged(const QString &userId, const QString &nodeId);

private:
    void changed(const QString &userId, const QString &nodeId);

    store::Database &m_db;
    NodeActions &m_actions;
    quint64 m_changes = 0;
};

} // namespace hm::server::remote
