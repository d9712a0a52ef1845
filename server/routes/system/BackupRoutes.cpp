// /api/v1/backup/* (docs/api.md "Backups", docs/backup.md): parse,
// authorise (administrators), call BackupService, render. Seed 001's
// paths and field names; `encryption: false` is not offered.

#include "server/routes/system/BackupRoutes.h"

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/PagedReply.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/services/auth/AuthModule.h"
#include "server/routes/remote/FileRouteSupport.h"
#include "server/services/system/BackupService.h"
#include "server/services/system/BackupTransfers.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QString kBackupTag = QStringLiteral("Backups");
constexpr qsizetype kMaxBackupUploadBytes = qsizetype(64) * 1024 * 1024;

const QString kBackupMasterKeyNotice = QStringLiteral(
    "A backup is useless without the master key: keep a copy of the master key apart from the "
    "backups (GET /api/v1/backup/recovery-info says what else a restore needs).");

QJsonObject backupSchema()
{
    return object({{QStringLiteral("id"), string(QStringLiteral("backup_YYYYMMDD_HHMMSS"))},
                   {QStringLiteral("name"), string()},
                   {QStringLiteral("description"), string()},
                   {QStringLiteral("type"), string(QStringLiteral("full"))},
                   {QStringLiteral("trigger"), string(QStringLiteral("manual | scheduled | uploaded"))},
                   {QStringLiteral("status"), string(QStringLiteral("running | completed | failed"))},
                   {QStringLiteral("progress"), integer(QStringLiteral("0 to 100"))},
                   {QStringLiteral("created_at"), string(QStringLiteral("ISO-8601"))},
                   {QStringLiteral("completed_at"), string(QStringLiteral("ISO-8601"))},
                   {QStringLiteral("snapshot_at"), string(QStringLiteral("ISO-8601: what the backup holds"))},
                   {QStringLiteral("size_bytes"), integer()},
                   {QStringLiteral("file_name"), string()},
                   {QStringLiteral("checksum"), string(QStringLiteral("SHA-256 hex of the file"))},
                   {QStringLiteral("compression"), string(QStringLiteral("zlib"))},
                   {QStringLiteral("encryption"), boolean(QStringLiteral("always true"))},
                   {QStringLiteral("includes_logs"), boolean()},
                   {QStringLiteral("error"), string()},
                   {QStringLiteral("metadata"), object({})}});
}

Result<BackupService::CreateRequest> backupCreateRequestOf(const QJsonObject &body)
{
    BackupService::CreateRequest request;
    const auto text = [&](const char *key, int max, QString &out) -> Status {
        const QJsonValue v = body.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString() || v.toString().size() > max)
            return auth::fieldError(QLatin1String(key),
                                    QStringLiteral("a text of up to %1 characters").arg(max));
        out = v.toString().trimmed();
        return {};
    };
    if (Status s = text("name", 100, request.name); !s)
        return s.error();
    if (Status s = text("description", 500, request.description); !s)
        return s.error();
    const QJsonValue type = body.value(QStringLiteral("backup_type"));
    if (!type.isUndefined() && !type.isNull() && type.toString() != QLatin1String("full"))
        return auth::fieldError(QStringLiteral("backup_type"),
                                QStringLiteral("only \"full\" backups exist"));
    const QJsonValue encryption = body.value(QStringLiteral("encryption"));
    if (encryption.isBool() && !encryption.toBool()) {
        Error error = auth::fieldError(QStringLiteral("encryption"),
                                       QStringLiteral("backups are always encrypted: they hold "
                                                      "secrets"));
        error.details.insert(QStringLiteral("code"), QStringLiteral("backup_encryption_required"));
        return error;
    }
    for (const char *key : {"compression", "include_config", "include_database"}) {
        const QJsonValue v = body.value(QLatin1String(key));
        if (v.isBool() && !v.toBool())
            return auth::fieldError(QLatin1String(key),
                                    QStringLiteral("a backup always holds the compressed "
                                                   "database and configuration"));
        if (!v.isUndefined() && !v.isNull() && !v.isBool())
            return auth::fieldError(QLatin1String(key), QStringLiteral("true or false"));
    }
    const QJsonValue logs = body.value(QStringLiteral("include_logs"));
    if (!logs.isUndefined() && !logs.isNull()) {
        if (!logs.isBool())
            return auth::fieldError(QStringLiteral("include_logs"), QStringLiteral("true or false"));
        request.includeLogs = logs.toBool();
    }
    return request;
}

Result<repositories::BackupFilter> backupFilterOf(const QUrlQuery &q, const Paging &paging)
{
    repositories::BackupFilter filter;
    filter.limit = paging.size;
    filter.offset = paging.offset();
    filter.type = q.queryItemValue(QStringLiteral("type"));
    if (!filter.type.isEmpty() && filter.type != QLatin1String("full"))
        return auth::fieldError(QStringLiteral("type"), QStringLiteral("full"));
    filter.status = q.queryItemValue(QStringLiteral("status"));
    if (!filter.status.isEmpty() && filter.status != QLatin1String("running") &&
        filter.status != QLatin1String("completed") && filter.status != QLatin1String("failed"))
        return auth::fieldError(QStringLiteral("status"),
                                QStringLiteral("running, completed or failed"));
    filter.trigger = q.queryItemValue(QStringLiteral("trigger"));
    if (!filter.trigger.isEmpty() && filter.trigger != QLatin1String("manual") &&
        filter.trigger != QLatin1String("scheduled") && filter.trigger != QLatin1String("uploaded"))
        return auth::fieldError(QStringLiteral("trigger"),
                                QStringLiteral("manual, scheduled or uploaded"));
    return filter;
}

} // namespace

void registerBackupRoutes(ApiRouter &router, auth::AuthModule &auth, BackupService &backups)
{
    const QString base = QStringLiteral("/api/v1/backup/backups");

    RouteDoc listDoc =
        routeDoc(kBackupTag, QStringLiteral("The backups, newest first (seed 001 filters)"),
                 {ErrorCode::ValidationError})
            .response(object({{QStringLiteral("items"), arrayOf(backupSchema())},
                              {QStringLiteral("pagination"), object({})}}));
    listDoc.queryParameters = QJsonArray{
        query(QStringLiteral("page"), integer()), query(QStringLiteral("size"), integer()),
        query(QStringLiteral("type"), string(QStringLiteral("full"))),
        query(QStringLiteral("status"), string(QStringLiteral("running | completed | failed"))),
        query(QStringLiteral("trigger"), string(QStringLiteral("manual | scheduled | uploaded")))};
    auth::addProtectedRoute(
        router, auth, Method::Get, base, Role::Admin,
        [&backups](const RequestContext &c, const Principal &) -> ApiReply {
            const QUrlQuery q = c.request.query();
            HM_TRY(paging, parsePaging(q));
            HM_TRY(filter, backupFilterOf(q, paging.value()));
            HM_TRY(page, backups.list(filter.value()));
            QJsonArray items;
            for (const auto &row : page.value().items)
                items.append(backups.json(row));
            return pagedReply(items, paging.value(), page.value().total);
        },
        std::move(listDoc));

    const auto create = [&backups](const RequestContext &c, const Principal &p) -> ApiReply {
        QJsonObject body;
        if (!c.request.body().trimmed().isEmpty()) {
            HM_TRY(parsed, c.jsonObject());
            body = parsed.value();
        }
        HM_TRY(request, backupCreateRequestOf(body));
        HM_TRY(row, backups.create(p.userId, auth::clientInfo(c), request.value()));
        QJsonObject answer = backups.json(row.value());
        answer.insert(QStringLiteral("backup_id"), row.value().id);
        answer.insert(QStringLiteral("notice"), kBackupMasterKeyNotice);
        return ApiReply::ok(answer, 202);
    };
    const auto createDoc = [] {
        return routeDoc(kBackupTag,
                        QStringLiteral("Start a backup: the snapshot is taken now, the file is "
                                       "written in the background (progress: backup_progress on "
                                       "/ws/events); audited when complete"),
                        {ErrorCode::ValidationError, ErrorCode::Conflict})
            .request(object({{QStringLiteral("name"), string()},
                             {QStringLiteral("description"), string()},
                             {QStringLiteral("backup_type"), string(QStringLiteral("full"))},
                             {QStringLiteral("include_logs"), boolean()},
                             {QStringLiteral("encryption"),
                              boolean(QStringLiteral("false is refused"))}}))
            .response(backupSchema())
            .status(202);
    };
    auth::addProtectedRoute(router, auth, Method::Post, base, Role::Admin, create, createDoc());
    auth::addProtectedRoute(router, auth, Method::Post, base + QStringLiteral("/create"),
                            Role::Admin, create, createDoc());

    auth::addProtectedRoute(
        router, auth, Method::Get, base + QStringLiteral("/{id}"), Role::Admin,
        [&backups](const RequestContext &c, const Principal &) -> ApiReply {
            HM_TRY(row, backups.get(c.pathArgs.at(0)));
            return ApiReply::ok(backups.json(row.value()));
        },
        routeDoc(kBackupTag, QStringLiteral("One backup"), {ErrorCode::ResourceNotFound})
            .response(backupSchema()));

    auth::addProtectedRoute(
        router, auth, Method::Delete, base + QStringLiteral("/{id}"), Role::Admin,
        [&backups](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY_STATUS(backups.remove(p.userId, auth::clientInfo(c), c.pathArgs.at(0)));
            return ApiReply::ok(QJsonObject{{QStringLiteral("deleted"), true}});
        },
        routeDoc(kBackupTag, QStringLiteral("Delete a backup and its file; audited"),
                 {ErrorCode::ResourceNotFound, ErrorCode::Conflict}));

    auth::addProtectedRoute(
        router, auth, Method::Get, base + QStringLiteral("/{id}/download"), Role::Admin,
        [&backups](const RequestContext &c, const Principal &p) -> ApiReply {
            const qint64 offset = fileroutes::downloadOffset(c);
            auto opened = backups.transfers().openDownload(p.userId, auth::clientInfo(c),
                                                           c.pathArgs.at(0), offset);
            if (!opened) {
                ApiReply failure = ApiReply::failure(opened.error());
                // A Range past the end: RFC 9110's 416 with the size, and
                // the code of that status.
                if (opened.error().details.value(QStringLiteral("code")).toString() ==
                    QLatin1String("RANGE_NOT_SATISFIABLE")) {
                    failure =
                        ApiReply::failure(Error{ErrorCode::RangeNotSatisfiable,
                                                opened.error().message, opened.error().details});
                    failure.status = 416;
                    failure.headers.append(
                        {QByteArrayLiteral("Content-Range"),
                         QByteArray("bytes */" +
                                    QByteArray::number(qint64(opened.error()
                                                                  .details.value(QStringLiteral("size"))
                                                                  .toDouble())))});
                }
                return failure;
            }
            BackupTransfers::Download &d = opened.value();
            ApiReply reply = ApiReply::stream(d.size - d.offset, "application/octet-stream",
                                              std::move(d.attach), d.offset > 0 ? 206 : 200);
            if (d.offset > 0)
                reply.headers.append({QByteArrayLiteral("Content-Range"),
                                      QByteArray("bytes " + QByteArray::number(d.offset) + '-' +
                                                 QByteArray::number(d.size - 1) + '/' +
                                                 QByteArray::number(d.size))});
            reply.headers.append({QByteArrayLiteral("Accept-Ranges"), QByteArrayLiteral("bytes")});
            reply.headers.append(
                {QByteArrayLiteral("Content-Disposition"), fileroutes::contentDisposition(d.name)});
            reply.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
            return reply;
        },
        routeDoc(kBackupTag,
                 QStringLiteral("The backup file (application/octet-stream), streamed from "
                                "disk; `Range: bytes=N-` answers the rest (206) to resume; "
                                "audited"),
                 {ErrorCode::ResourceNotFound, ErrorCode::Conflict, ErrorCode::ValidationError}));

    // The whole file as one body: held in memory, so kept small; larger
    // files go through the chunked upload below.
    const QString uploadPath = base + QStringLiteral("/upload");
    auth::addProtectedRoute(
        router, auth, Method::Post, uploadPath, Role::Admin,
        [&backups, &router](const RequestContext &c, const Principal &p) -> ApiReply {
            if (c.request.body().isEmpty())
                return ApiReply::failure(auth::fieldError(
                    QStringLiteral("body"), QStringLiteral("the backup file as the body")));
            const DeferredReply reply = c.defer();
            backups.upload(p.userId, auth::clientInfo(c), c.request.body(), &router,
                           [reply, &backups](Result<repositories::BackupRow> row) {
                               reply.send(row ? ApiReply::ok(backups.json(row.value()), 201)
                                              : ApiReply::failure(row.error()));
                           });
            return ApiReply::deferred();
        },
        routeDoc(kBackupTag,
                 QStringLiteral("Upload a backup file as the body (application/octet-stream, up "
                                "to 64 MiB; larger files: POST …/uploads): every chunk is "
                                "checked with this server's master key before it is kept; "
                                "audited"),
                 {ErrorCode::ValidationError, ErrorCode::PayloadTooLarge})
            .response(backupSchema())
            .status(201));
    router.setMaxBodyBytes(Method::Post, uploadPath, kMaxBackupUploadBytes);

    registerBackupUploadRoutes(router, auth, backups);

    auth::addProtectedRoute(
        router, auth, Method::Post, base + QStringLiteral("/{id}/restore"), Role::Admin,
        [&backups, &router](const RequestContext &c, const Principal &p) -> ApiReply {
            if (!c.request.body().trimmed().isEmpty()) {
                HM_TRY(body, c.jsonObject());
                const QJsonValue database = body.value().value(QStringLiteral("include_database"));
                if (database.isBool() && !database.toBool())
                    return ApiReply::failure(auth::fieldError(
                        QStringLiteral("include_database"),
                        QStringLiteral("a restore always replaces the whole database")));
            }
            const DeferredReply reply = c.defer();
            backups.restore(p.userId, auth::clientInfo(c), c.pathArgs.at(0), &router,
                            [reply](Result<QJsonObject> answer) {
                                reply.send(answer ? ApiReply::ok(answer.value(), 202)
                                                  : ApiReply::failure(answer.error()));
                            });
            return ApiReply::deferred();
        },
        routeDoc(kBackupTag,
                 QStringLiteral("Restore a backup: verifies its SHA-256, decrypts it into a "
                                "staging copy that must open and migrate, and swaps it in at "
                                "the next start (restart_required); the previous database is "
                                "kept; audited (BACKUP_RESTORE_SCHEDULED, then BACKUP_RESTORED)"),
                 {ErrorCode::ResourceNotFound, ErrorCode::ValidationError, ErrorCode::Conflict})
            .response(object({{QStringLiteral("backup_id"), string()},
                              {QStringLiteral("status"), string(QStringLiteral("pending_restart"))},
                              {QStringLiteral("restart_required"), boolean()},
                              {QStringLiteral("snapshot_at"), string()},
                              {QStringLiteral("replaces"), arrayOf(string())},
                              {QStringLiteral("message"), string()}}))
            .status(202));

    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/backup/recovery-info"), Role::Admin,
        [&backups](const RequestContext &, const Principal &) -> ApiReply {
            return ApiReply::ok(backups.recoveryInfo());
        },
        routeDoc(kBackupTag, QStringLiteral("What restoring on a new machine needs besides the master "
                                      "key (versions, key ids, formats, steps); no secret"))
            .response(object({})));
}

} // namespace hm::server
