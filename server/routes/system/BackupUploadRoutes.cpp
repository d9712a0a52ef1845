// /api/v1/backup/backups/uploads*: a backup file of any size in chunks
// (the HTTP layer holds a request body whole, so one body cannot carry
// it): begin with its size and SHA-256, PUT the chunks in order at their
// offsets, finish (docs/api.md "Backups", docs/backup.md "Download and
// upload"). Administrators only; an upload belongs to who began it.

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/system/BackupRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/system/BackupService.h"
#include "server/services/system/BackupTransfers.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrlQuery>
#include <cmath>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QString kBackupUploadTag = QStringLiteral("Backups");

QJsonObject backupUploadSchema()
{
    return object({{QStringLiteral("upload_id"), string(QStringLiteral("32 hex digits"))},
                   {QStringLiteral("size"), integer()},
                   {QStringLiteral("received"), integer(QStringLiteral("send the next chunk "
                                                                       "at this offset"))},
                   {QStringLiteral("sha256"), string()}});
}

Result<QString> backupUploadIdOf(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{32}$"));
    if (!pattern.match(text).hasMatch())
        return auth::fieldError(QStringLiteral("upload_id"),
                                QStringLiteral("an upload id is 32 lower-case hex digits"));
    return text;
}

} // namespace

void registerBackupUploadRoutes(ApiRouter &router, auth::AuthModule &auth, BackupService &backups)
{
    const QString uploads = QStringLiteral("/api/v1/backup/backups/uploads");
    const QString oneUpload = uploads + QStringLiteral("/{upload_id}");
    BackupTransfers &transfers = backups.transfers();

    auth::addProtectedRoute(
        router, auth, Method::Post, uploads, Role::Admin,
        [&transfers](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(body, c.jsonObject());
            const QJsonValue size = body->value(QStringLiteral("size"));
            if (!size.isDouble() || size.toDouble() != std::floor(size.toDouble()))
                return ApiReply::failure(auth::fieldError(
                    QStringLiteral("size"), QStringLiteral("size is the file's length in bytes")));
            const QJsonValue sha = body->value(QStringLiteral("sha256"));
            if (!sha.isString())
                return ApiReply::failure(auth::fieldError(
                    QStringLiteral("sha256"), QStringLiteral("sha256 is the file's SHA-256")));
            HM_TRY(answer, transfers.beginUpload(p.userId, qint64(size.toDouble()),
                                                 sha.toString()));
            return ApiReply::ok(answer.value(), 201);
        },
        routeDoc(kBackupUploadTag,
                 QStringLiteral("Begin a chunked upload of a backup file (up to 64 GiB); send "
                                "the chunks with PUT …/uploads/{upload_id}?offset=N, then "
                                "finish. At most 4 at once; an upload untouched for an hour is "
                                "discarded"),
                 {ErrorCode::ValidationError, ErrorCode::Conflict})
            .request(object({{QStringLiteral("size"), integer()},
                             {QStringLiteral("sha256"), string(QStringLiteral("64 hex digits"))}},
                            {QStringLiteral("size"), QStringLiteral("sha256")}))
            .response(backupUploadSchema())
            .status(201));

    RouteDoc chunkDoc =
        routeDoc(kBackupUploadTag,
                 QStringLiteral("One chunk of a backup upload: the raw body (at most 4 MiB) at "
                                "?offset= (the bytes received so far; 409 "
                                "backup_upload_offset with `received` otherwise)"),
                 {ErrorCode::ResourceNotFound, ErrorCode::ValidationError, ErrorCode::Conflict,
                  ErrorCode::PayloadTooLarge, ErrorCode::IoError})
            .response(backupUploadSchema());
    chunkDoc.queryParameters =
        QJsonArray{query(QStringLiteral("offset"), integer(), QStringLiteral("required"))};
    auth::addProtectedRoute(
        router, auth, Method::Put, oneUpload, Role::Admin,
        [&transfers](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, backupUploadIdOf(c.pathArgs.at(0)));
            bool ok = false;
            const qint64 offset =
                queryValue(c.request.query(), QStringLiteral("offset")).toLongLong(&ok);
            if (!ok || offset < 0)
                return ApiReply::failure(auth::fieldError(
                    QStringLiteral("offset"),
                    QStringLiteral("offset is required: the bytes received so far")));
            // The HTTP layer's limit is 10 MiB for any route (a route may
            // only raise it), so the chunk's own limit is checked here.
            if (c.request.body().size() > BackupTransfers::kMaxChunkBytes)
                return ApiReply::failure(
                    Error{ErrorCode::PayloadTooLarge,
                          QStringLiteral("a chunk is at most %1 bytes")
                              .arg(BackupTransfers::kMaxChunkBytes)});
            const DeferredReply reply = c.defer();
            transfers.uploadChunk(p.userId, id.value(), offset, c.request.body(),
                                  [reply](Result<QJsonObject> answer) {
                                      reply.send(answer ? ApiReply::ok(answer.value())
                                                        : ApiReply::failure(answer.error()));
                                  });
            return ApiReply::deferred();
        },
        std::move(chunkDoc));

    auth::addProtectedRoute(
        router, auth, Method::Get, oneUpload, Role::Admin,
        [&transfers](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, backupUploadIdOf(c.pathArgs.at(0)));
            HM_TRY(answer, transfers.uploadStatus(p.userId, id.value()));
            return ApiReply::ok(answer.value());
        },
        routeDoc(kBackupUploadTag,
                 QStringLiteral("A backup upload's progress: the bytes received (resume there)"),
                 {ErrorCode::ResourceNotFound, ErrorCode::ValidationError})
            .response(backupUploadSchema()));

    auth::addProtectedRoute(
        router, auth, Method::Post, oneUpload + QStringLiteral("/finish"), Role::Admin,
        [&transfers, &backups](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, backupUploadIdOf(c.pathArgs.at(0)));
            const DeferredReply reply = c.defer();
            transfers.finishUpload(p.userId, auth::clientInfo(c), id.value(),
                                   [reply, &backups](Result<repositories::BackupRow> row) {
                                       reply.send(row ? ApiReply::ok(backups.json(row.value()),
                                                                     201)
                                                      : ApiReply::failure(row.error()));
                                   });
            return ApiReply::deferred();
        },
        routeDoc(kBackupUploadTag,
                 QStringLiteral("Finish a backup upload: size and SHA-256 checked (a mismatch "
                                "discards it: backup_checksum_mismatch), then every chunk of "
                                "the backup with this server's master key before it is listed "
                                "as an \"uploaded\" backup; audited (BACKUP_UPLOADED)"),
                 {ErrorCode::ResourceNotFound, ErrorCode::ValidationError, ErrorCode::Conflict})
            .status(201));

    auth::addProtectedRoute(
        router, auth, Method::Delete, oneUpload, Role::Admin,
        [&transfers](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(id, backupUploadIdOf(c.pathArgs.at(0)));
            HM_TRY_STATUS(transfers.abortUpload(p.userId, id.value()));
            return ApiReply::ok(QJsonObject{{QStringLiteral("upload_id"), id.value()}});
        },
        routeDoc(kBackupUploadTag, QStringLiteral("Abort a backup upload and discard what it received"),
                 {ErrorCode::ResourceNotFound, ErrorCode::Conflict})
            .response(object({{QStringLiteral("upload_id"), string()}})));
}

} // namespace hm::server
