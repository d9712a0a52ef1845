#include "agent/TaskHandlers.h"

#include "agent/RemoteDispatcher.h"
#include "agent/TaskRunner.h"

namespace hm::agent {

void addTaskHandlers(RemoteDispatcher &dispatcher, TaskRunner &runner)
{
    dispatcher.addHandler(QStringLiteral("tasks"), QStringLiteral("run"),
                          [&runner](const QJsonObject &args, const RemoteDispatcher::Reply &reply) {
                              runner.run(args, reply);
                          });
    dispatcher.addHandler(QStringLiteral("tasks"), QStringLiteral("cancel"),
                          [&runner](const QJsonObject &args, const RemoteDispatcher::Reply &reply) {
                              reply(runner.cancel(args));
                          });
}

} // namespace hm::agent
