#pragma once

// POST /api/v1/tasks stores one hidden flow and version per distinct task
// (owner, command, arguments…: repositories::taskFlowId). They would pile
// up for good; once history retention has removed a task flow's last
// execution nothing can show, re-run or reuse it, so each retention pass
// ends with this purge (HistoryRetention::finish). A flow used again
// within the pass's grace time stays: its new execution may still be in
// the write-behind queue.

#include <QtGlobal>

namespace hm::store {
class Database;
}

namespace hm::server::remote {

// At most this many flows a pass; the rest go in the next one.
inline constexpr int kTaskFlowPurgeBatch = 1000;

// Deletes unused task flows last used before `usedBefore` (ms); how many
// went (0 too when the store refused: logged, tried again next pass).
qint64 purgeUnusedTaskFlows(store::Database &db, qint64 usedBefore);

} // namespace hm::server::remote
