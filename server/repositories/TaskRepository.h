#pragma once

// Every SQL string of seed 000's tasks (docs/api.md "Node tasks"). A task
// is an execution of a one-node flow of the built-in `task` component; the
// flow is written here already retired (deleted_at set in the insert), so
// it never shows in a flow list nor takes an edit or a trigger, while its
// execution stays in the history like any deleted flow's (and may be
// re-run: the engine loads any stored version). Task flows carry
// the id prefix kTaskFlowPrefix, which is how the task list finds them.
// One task flow serves every task of the same owner, definition and
// settings (taskFlowId): the flows do not grow with the tasks. A task flow
// goes (with its version) only once history retention has removed every
// execution of it (deleteUnusedTaskFlows), so every execution still
// stored finds its version.

#include "common/Result.h"
#include "server/api/QueryParams.h"
#include "server/api/Roles.h"
#include "store/PagedQuery.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

inline constexpr QLatin1StringView kTaskFlowPrefix{"task-"};

struct NewTaskFlow
{
    QString id;          // taskFlowId(ownerId, definition, settings)
    QString name;
    QString ownerId;     // the user who created the task
    QString definition;  // JSON, flow::FlowDefinition::toJson()
    QString settings;    // JSON, flow::FlowSettings::toJson()
    qint64 createdAt = 0;
};

// kTaskFlowPrefix + a name-based UUID of the owner, the definition and the
// settings: equal contents, equal id (the flow and its version are
// immutable, so sharing them changes nothing an execution sees).
QString taskFlowId(const QString &ownerId, const QString &definition, const QString &settings);

// The flow (retired at birth) and its version "1" (published), in one
// transaction; a flow of that id already stored is kept as it is (the id
// names its content, so it is the same flow) but for its updated_at, set
// to createdAt: a flow just used again is not one to purge while its new
// execution is still on its way to the store.
Status insertTaskFlow(store::Database &db, const NewTaskFlow &flow);

// Deletes at most `limit` task flows (their versions go with them) that no
// execution, stored or queued, refers to any more and that were last used
// before `usedBefore` (ms); how many went.
Result<qint64> deleteUnusedTaskFlows(store::Database &db, qint64 usedBefore, int limit);

struct TaskRow
{
    QString executionId;
    QString ownerId;
    QString status; // the execution's
    QString triggeredBy;
    qint64 createdAt = 0;
    std::optional<qint64> endedAt;
    QString errorCode;
    QString errorMessage;
    QJsonObject triggerInput; // {node_id, node_name, command}
    QJsonObject outputs;      // the execution's leaf outputs (masked)
};

// Newest first: every task for ADMIN, the caller's own otherwise.
Result<store::Page<TaskRow>> listTasks(store::Database &db, const auth::Principal &caller,
                                       const Paging &paging);

} // namespace hm::server::repositories
