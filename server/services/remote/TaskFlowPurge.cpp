#include "server/services/remote/TaskFlowPurge.h"

#include "common/Logging.h"
#include "server/repositories/TaskRepository.h"

namespace hm::server::remote {

qint64 purgeUnusedTaskFlows(store::Database &db, qint64 usedBefore)
{
    auto deleted = repositories::deleteUnusedTaskFlows(db, usedBefore, kTaskFlowPurgeBatch);
    if (!deleted) {
        qCWarning(lcServer).noquote()
            << "retention: unused task flows not removed:" << deleted.error().toString();
        return 0;
    }
    if (deleted.value() > 0)
        qCInfo(lcServer).noquote()
            << "retention: removed" << deleted.value() << "task flows no execution uses any more";
    return deleted.value();
}

} // namespace hm::server::remote
