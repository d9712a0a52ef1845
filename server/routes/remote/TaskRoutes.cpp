// Seed 000's GET/POST /api/tasks (and the same under /api/v1/tasks): a
// command on one node through the `tasks` capability, listed with its node,
// status and output (docs/api.md "Node tasks"). Parse, call TaskLog, render;
// the grant, the agent and the audit are the dispatcher's.

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/remote/RemoteRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/remote/TaskLog.h"

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
    return object({{QStringLiteral("task_id"), string()},
                   {QStringLiteral("node_id"), string()},
                   {QStringLiteral("node_name"), string()},
                   {QStringLiteral("command"), string(QStringLiteral("argv[0] or \"shell script\""))},
                   {QStringLiteral("status"), enumOf({QStringLiteral("running"),
                                                      QStringLiteral("completed"),
                                                      QStringLiteral("failed")})},
                   {QStringLiteral("exit_code"), integer()},
                   {QStringLiteral("stdout"), string()},
                   {QStringLiteral("stderr"), string()},
                   {QStringLiteral("timed_out"), boolean()},
                   {QStringLiteral("error"), object({{QStringLiteral("code"), string()},
                                                     {QStringLiteral("message"), string()}})},
                   {QStringLiteral("created_by"), string()},
                   {QStringLiteral("created_at"), string(QStringLiteral("ISO-8601"))},
                   {QStringLiteral("finished_at"), string(QStringLiteral("ISO-8601"))}});
}

} // namespace

void registerTaskRoutes(ApiRouter &router, auth::AuthModule &auth, remote::TaskLog &tasks)
{
    const RouteDoc listDoc =
        routeDoc(kTasksTag,
                 QStringLiteral("Seed 000: the recent tasks (the caller's; every one for ADMIN), "
                                "newest first, with node, status and output"))
            .response(object({{QStringLiteral("tasks"), arrayOf(taskSchema())}}));
    const RouteDoc createDoc =
        routeDoc(kTasksTag,
                 QStringLiteral("Seed 000: run a command on a node (needs the tasks grant and an "
                                "agent that grants tasks); audited as NODE_TASK_RUN"),
                 {ErrorCode::ValidationError, ErrorCode::Forbidden})
            .request(object({{QStringLiteral("node_id"), string()},
                             {QStringLiteral("argv"), arrayOf(string())},
                             {QStringLiteral("script"), string(QStringLiteral("with shell: true only"))},
                             {QStringLiteral("shell"), boolean()},
                             {QStringLiteral("env"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}},
                             {QStringLiteral("working_dir"), string()},
                             {QStringLiteral("timeout_s"), integer()}}))
            .response(object({{QStringLiteral("task_id"), string()},
                              {QStringLiteral("status"), string(QStringLiteral("created"))}}));
    for (const QString &path : {QStringLiteral("/api/tasks"), QStringLiteral("/api/v1/tasks")}) {
        auth::addProtectedRoute(
            router, auth, Method::Get, path, Role::User,
            [&tasks](const RequestContext &, const Principal &p) {
                return ApiReply::ok(QJsonObject{{QStringLiteral("tasks"), tasks.list(p)}});
            },
            listDoc);
        auth::addProtectedRoute(
            router, auth, Method::Post, path, Role::User,
            [&tasks](const RequestContext &c, const Principal &p) {
                HM_TRY(body, c.jsonObject());
                HM_TRY(id, tasks.create(p, auth::clientInfo(c), body.value()));
                return ApiReply::ok(QJsonObject{{QStringLiteral("task_id"), id.value()},
                                                {QStringLiteral("status"),
                                                 QStringLiteral("created")}});
            },
            createDoc);
    }
}

} // namespace hm::server
