// Seed 000's GET/POST /api/tasks (and the same under /api/v1/tasks): a
// command on one node through the `tasks` capability, run as an execution
// of the built-in `task` component and listed with its node, status and
// output (docs/api.md "Node tasks"). Parse, call TaskService, render.

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/remote/RemoteRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/api/QueryParams.h"
#include "server/services/remote/TaskService.h"

#include <QJsonArray>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QString kTasksTag = QStringLiteral("Node tasks");

QJsonObject taskSchema()
{
    return object({{QStringLiteral("task_id"), string(QStringLiteral("the execution's id"))},
                   {QStringLiteral("execution_id"), string()},
                   {QStringLiteral("node_id"), string()},
                   {QStringLiteral("node_name"), string()},
                   {QStringLiteral("command"), string(QStringLiteral("argv[0] or \"shell script\""))},
                   {QStringLiteral("status"), enumOf({QStringLiteral("running"),
                                                      QStringLiteral("completed"),
                                                      QStringLiteral("failed"),
                                                      QStringLiteral("cancelled")})},
                   {QStringLiteral("execution_status"), string()},
                   {QStringLiteral("exit_code"), integer()},
                   {QStringLiteral("stdout"), string(QStringLiteral("its last 64 KiB"))},
                   {QStringLiteral("stderr"), string(QStringLiteral("its last 64 KiB"))},
                   {QStringLiteral("timed_out"), boolean()},
                   {QStringLiteral("error"), object({{QStringLiteral("code"), string()},
                                                     {QStringLiteral("message"), string()}})},
                   {QStringLiteral("created_by"), string()},
                   {QStringLiteral("created_at"), string(QStringLiteral("ISO-8601"))},
                   {QStringLiteral("finished_at"), string(QStringLiteral("ISO-8601"))}});
}

} // namespace

void registerTaskRoutes(ApiRouter &router, auth::AuthModule &auth, remote::TaskService &tasks)
{
    const RouteDoc listDoc =
        routeDoc(kTasksTag,
                 QStringLiteral("Seed 000: the tasks (the caller's; every one for ADMIN), "
                                "newest first and paged (page, size), with node, status and "
                                "output; they survive a restart"))
            .response(object({{QStringLiteral("tasks"), arrayOf(taskSchema())},
                              {QStringLiteral("pagination"), QJsonObject{{QStringLiteral("type"),
                                                                          QStringLiteral("object")}}}}));
    const RouteDoc createDoc =
        routeDoc(kTasksTag,
                 QStringLiteral("Seed 000: run a command on a node as an execution of the "
                                "built-in task component (needs the tasks grant and an agent "
                                "that grants tasks; cancel it through the execution's cancel "
                                "route); audited as NODE_TASK_RUN"),
                 {ErrorCode::ValidationError, ErrorCode::ResourceNotFound, ErrorCode::Forbidden})
            .refusedOnFullDisk()
            .request(
                object({{QStringLiteral("node_id"), string()},
                        {QStringLiteral("argv"), arrayOf(string())},
                        {QStringLiteral("script"), string(QStringLiteral("with shell: true only"))},
                        {QStringLiteral("shell"), boolean()},
                        {QStringLiteral("env"),
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}},
                        {QStringLiteral("working_dir"), string()},
                        {QStringLiteral("timeout_s"), integer()}}))
            .response(object({{QStringLiteral("task_id"), string()},
                              {QStringLiteral("execution_id"), string()},
                              {QStringLiteral("status"), string(QStringLiteral("created"))}}));
    for (const QString &path : {QStringLiteral("/api/tasks"), QStringLiteral("/api/v1/tasks")}) {
        auth::addProtectedRoute(
            router, auth, Method::Get, path, Role::User,
            [&tasks](const RequestContext &c, const Principal &p) {
                HM_TRY(paging, parsePaging(c.request.query()));
                return tasks.list(p, paging.value());
            },
            listDoc);
        auth::addProtectedRoute(
            router, auth, Method::Post, path, Role::User,
            [&tasks](const RequestContext &c, const Principal &p) {
                HM_TRY(body, c.jsonObject());
                return tasks.create(c, p, body.value());
            },
            createDoc);
    }
}

} // namespace hm::server
