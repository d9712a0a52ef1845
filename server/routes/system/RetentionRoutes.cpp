#include "server/routes/system/RetentionRoutes.h"

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/RouteAudit.h"
#include "server/api/RouteHelpers.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/engine/FlowAccess.h"
#include "server/services/engine/FlowRetention.h"
#include "server/services/engine/HistoryRetention.h"
#include "server/services/system/StorageGuard.h"
#include "store/Database.h"

#include <QJsonArray>

namespace hm::server {
namespace {

using Method = http::Method;
using namespace schema;

const QString kRetentionMaxAge = QStringLiteral("max_age_days");
const QString kRetentionMaxExecutions = QStringLiteral("max_executions");

ApiReply putFlowRetention(store::Database &db, const RequestContext &c, const auth::Principal &p)
{
    const QString id = c.pathArgs.at(0);
    HM_TRY_STATUS(requireFlowPermission(db, p, id, FlowPermission::Edit));
    HM_TRY(body, c.jsonObject());
    HM_TRY(saved, flow_retention::update(db, id, body.value()));
    auth::auditAction(db, c, p.userId, QStringLiteral("FLOW_RETENTION_CHANGED"),
                      QStringLiteral("flow"), id,
                      {{kRetentionMaxAge, saved.value().value(kRetentionMaxAge)},
                       {kRetentionMaxExecutions, saved.value().value(kRetentionMaxExecutions)}});
    return ApiReply::ok(saved.value());
}

} // namespace

void registerRetentionRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &db,
                             HistoryRetention &retention, StorageGuard &storage)
{
    const QString tag = QStringLiteral("system");
    const QJsonObject sample = object({{QStringLiteral("time"), string()},
                                       {QStringLiteral("used_bytes"), integer()},
                                       {QStringLiteral("database_bytes"), integer()}});
    const QJsonObject storeSchema = object(
        {{QStringLiteral("database_bytes"), integer(QStringLiteral("the file and its WAL"))},
         {QStringLiteral("used_bytes"), integer(QStringLiteral("pages holding data"))},
         {QStringLiteral("free_pages_bytes"), integer()},
         {QStringLiteral("auto_vacuum"),
          enumOf({QStringLiteral("none"), QStringLiteral("full"), QStringLiteral("incremental")})},
         {QStringLiteral("growth_bytes_per_hour"), nullable(integer())},
         {QStringLiteral("samples"), arrayOf(sample)},
         {QStringLiteral("retention"), object({})},
         {QStringLiteral("filesystem"),
          object({{QStringLiteral("state"),
                   enumOf({QStringLiteral("ok"), QStringLiteral("low"), QStringLiteral("full")})},
                  {QStringLiteral("free_bytes"), integer()},
                  {QStringLiteral("total_bytes"), integer()},
                  {QStringLiteral("reserve_bytes"), integer()},
                  {QStringLiteral("warn_bytes"), integer()},
                  {QStringLiteral("reason"), string()}})}});
    // Any signed-in caller: the dashboard shows it, nothing in it is secret.
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/system/storage"), auth::Role::Viewer,
        [&retention, &storage](const RequestContext &, const auth::Principal &) {
            QJsonObject data = retention.json();
            data.insert(QStringLiteral("filesystem"), storage.json());
            return ApiReply::ok(data);
        },
        routeDoc(tag, QStringLiteral("The store's size, growth and free space"))
            .response(storeSchema));

    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/system/retention/run"),
        auth::Role::Admin,
        [&db, &retention, &storage](const RequestContext &c, const auth::Principal &p) {
            const DeferredReply reply = c.defer();
            retention.runPass([&db, &storage, reply, client = auth::clientInfo(c),
                               userId = p.userId](const HistoryRetention::PassResult &r) {
                storage.check();
                auth::auditAction(db, client, userId, QStringLiteral("HISTORY_RETENTION_RUN"),
                                  QStringLiteral("settings"), QStringLiteral("retention"),
                                  {{QStringLiteral("deleted"), r.deleted}});
                if (!r.ok) {
                    reply.send(ApiReply::failure(
                        Error{ErrorCode::ServiceUnavailable,
                              QStringLiteral("the retention pass stopped early; see the server "
                                             "log"),
                              {{QStringLiteral("deleted"), r.deleted}}}));
                    return;
                }
                reply.send(
                    ApiReply::ok(QJsonObject{{QStringLiteral("deleted"), r.deleted},
                                             {QStringLiteral("vacuumed_pages"), r.vacuumedPages}}));
            });
            return ApiReply::deferred();
        },
        routeDoc(tag,
                 QStringLiteral("Apply history retention now (answers when the pass is "
                                "committed)"),
                 {ErrorCode::ServiceUnavailable})
            .response(object({{QStringLiteral("deleted"), integer()},
                              {QStringLiteral("vacuumed_pages"), integer()}})));

    const QJsonObject flowSchema = object(
        {{QStringLiteral("flow_id"), string()},
         {kRetentionMaxAge, nullable(integer(QStringLiteral("null: the global setting; 0: none")))},
         {kRetentionMaxExecutions,
          nullable(integer(QStringLiteral("null: the global setting; 0: none")))}});
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/flows/{id}/retention"),
        auth::Role::Viewer,
        [&db](const RequestContext &c, const auth::Principal &p) {
            const QString id = c.pathArgs.at(0);
            HM_TRY_STATUS(requireFlowPermission(db, p, id, FlowPermission::View));
            HM_TRY(settings, flow_retention::read(db, id));
            return ApiReply::ok(settings.value());
        },
        routeDoc(QStringLiteral("Flows"), QStringLiteral("A flow's own history retention (view)"),
                 {ErrorCode::FlowNotFound})
            .response(flowSchema));
    auth::addProtectedRoute(
        router, auth, Method::Put, QStringLiteral("/api/v1/flows/{id}/retention"), auth::Role::User,
        [&db](const RequestContext &c, const auth::Principal &p) {
            return putFlowRetention(db, c, p);
        },
        routeDoc(QStringLiteral("Flows"),
                 QStringLiteral("Set a flow's own history retention (edit; null follows the "
                                "global setting)"),
                 {ErrorCode::FlowNotFound, ErrorCode::Forbidden})
            .request(object({{kRetentionMaxAge, nullable(integer())},
                             {kRetentionMaxExecutions, nullable(integer())}},
                            {}, true))
            .response(flowSchema));
}

} // namespace hm::server
