// /api/v1/nodes/{id}/files/uploads*: resumable uploads in chunks of at
// most 512 KiB through the agent (docs/api.md "Node files"), and seed
// 002's POST /api/servers/{id}/files/upload (the whole file in a
// multipart form, sent on in chunks).

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/remote/FileRouteSupport.h"
#include "server/routes/remote/MultipartForm.h"
#include "server/services/auth/AuthModule.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <cmath>

namespace hm::server::fileroutes {

using namespace schema;
using auth::Principal;
using auth::Role;
using remote::FileTarget;
using Method = http::Method;

namespace {

// Seed 002's upload carries the whole file in one body: 64 MiB plus room
// for the form around it (the chunked uploads take any size).
constexpr qsizetype kSeedUploadBodyBytes = 64 * 1024 * 1024 + 64 * 1024;

} // namespace

void registerNodeFileUploads(ApiRouter &router, auth::AuthModule &auth, remote::FileOps &files)
{
    const QString uploads = kNodeFiles + QStringLiteral("/uploads");
    const QString oneUpload = uploads + QStringLiteral("/{upload_id}");
    auth::addProtectedRoute(
        router, auth, Method::Post, uploads, Role::User,
        [&files](const RequestContext &c, const Principal &p) {
            HM_TRY(body, c.jsonObject());
            HM_TRY(target, fileTargetOfBody(body.value(), QStringLiteral("path")));
            const QJsonValue size = body->value(QStringLiteral("size"));
            if (!size.isDouble() || size.toDouble() < 0 ||
                size.toDouble() != std::floor(size.toDouble()) ||
                size.toDouble() > 9007199254740992.0)
                return ApiReply::failure(auth::fieldError(
                    QStringLiteral("size"), QStringLiteral("size is the file's length in bytes")));
            HM_TRY(sha, fileBodyString(body.value(), QStringLiteral("sha256"), true));
            HM_TRY(overwrite, fileBodyBool(body.value(), QStringLiteral("overwrite")));
            HM_TRY(resume, fileBodyString(body.value(), QStringLiteral("upload_id"), false));
            if (!resume->isEmpty()) {
                HM_TRY(resumeId, uploadIdOf(resume.value()));
            }
            const DeferredReply reply = c.defer();
            files.beginUpload(p, auth::clientInfo(c), c.pathArgs.at(0), target.value(),
                              qint64(size.toDouble()), sha.value(), overwrite.value(),
                              resume.value(), replyWith(reply, 201));
            return ApiReply::deferred();
        },
        routeDoc(kFilesTag,
                 QStringLiteral("Begin (or, with upload_id, resume) a chunked upload; send the "
                                "chunks with PUT …/uploads/{upload_id}?offset=N"),
                 fileErrorsWith({ErrorCode::PayloadTooLarge, ErrorCode::ResourceAlreadyExists,
                                 ErrorCode::Conflict}))
            .request(object({{QStringLiteral("root"), string()},
                             {QStringLiteral("path"), string()},
                             {QStringLiteral("size"), integer()},
                             {QStringLiteral("sha256"), string(QStringLiteral("64 hex digits"))},
                             {QStringLiteral("overwrite"), boolean()},
                             {QStringLiteral("upload_id"),
                              string(QStringLiteral("to resume after an agent restart"))}},
                            {QStringLiteral("root"), QStringLiteral("path"), QStringLiteral("size"),
                             QStringLiteral("sha256")}))
            .response(uploadSchema())
            .status(201));

    RouteDoc chunkDoc =
        routeDoc(kFilesTag,
                 QStringLiteral("One chunk of an upload: the raw body (application/octet-stream, "
                                "at most 512 KiB) at ?offset= (the bytes received so far)"),
                 fileErrorsWith({ErrorCode::PayloadTooLarge}))
            .response(uploadSchema());
    chunkDoc.queryParameters =
        QJsonArray{query(QStringLiteral("offset"), integer(), QStringLiteral("required"))};
    auth::addProtectedRoute(
        router, auth, Method::Put, oneUpload, Role::User,
        [&files](const RequestContext &c, const Principal &p) {
            HM_TRY(id, uploadIdOf(c.pathArgs.at(1)));
            bool ok = false;
            const qint64 offset =
                queryValue(c.request.query(), QStringLiteral("offset")).toLongLong(&ok);
            if (!ok || offset < 0)
                return ApiReply::failure(auth::fieldError(
                    QStringLiteral("offset"), QStringLiteral("offset is required: the bytes "
                                                             "received so far")));
            if (c.request.body().size() > remote::kFileChunkBytes)
                return ApiReply::failure(Error{
                    ErrorCode::PayloadTooLarge,
                    QStringLiteral("a chunk is at most %1 bytes").arg(remote::kFileChunkBytes)});
            const DeferredReply reply = c.defer();
            files.uploadChunk(p, auth::clientInfo(c), c.pathArgs.at(0), id.value(), offset,
                              c.request.body(), replyWith(reply));
            return ApiReply::deferred();
        },
        std::move(chunkDoc));
    // Refused before it is read, not after.
    router.setMaxBodyBytes(Method::Put, oneUpload, remote::kFileChunkBytes);

    auth::addProtectedRoute(
        router, auth, Method::Get, oneUpload, Role::User,
        [&files](const RequestContext &c, const Principal &p) {
            HM_TRY(id, uploadIdOf(c.pathArgs.at(1)));
            const DeferredReply reply = c.defer();
            files.uploadStatus(p, auth::clientInfo(c), c.pathArgs.at(0), id.value(),
                               replyWith(reply));
            return ApiReply::deferred();
        },
        routeDoc(kFilesTag,
                 QStringLiteral("An upload's progress: the bytes received (resume "
                                "from there)"),
                 fileErrors())
            .response(uploadSchema()));

    auth::addProtectedRoute(
        router, auth, Method::Post, oneUpload + QStringLiteral("/finish"), Role::User,
        [&files](const RequestContext &c, const Principal &p) {
            HM_TRY(id, uploadIdOf(c.pathArgs.at(1)));
            const DeferredReply reply = c.defer();
            files.finishUpload(p, auth::clientInfo(c), c.pathArgs.at(0), id.value(),
                               replyWith(reply));
            return ApiReply::deferred();
        },
        routeDoc(kFilesTag,
                 QStringLiteral("Finish an upload: size and SHA-256 checked (a mismatch "
                                "discards it), then the file put in place; audited"),
                 fileErrorsWith({ErrorCode::ResourceAlreadyExists}))
            .response(uploadSchema()));

    auth::addProtectedRoute(
        router, auth, Method::Delete, oneUpload, Role::User,
        [&files](const RequestContext &c, const Principal &p) {
            HM_TRY(id, uploadIdOf(c.pathArgs.at(1)));
            const DeferredReply reply = c.defer();
            files.abortUpload(p, auth::clientInfo(c), c.pathArgs.at(0), id.value(),
                              replyWith(reply));
            return ApiReply::deferred();
        },
        routeDoc(kFilesTag, QStringLiteral("Abort an upload and discard what it received"),
                 fileErrors())
            .response(object({{QStringLiteral("upload_id"), string()}})));

    // Seed 002: the whole file in a form (fields `file` and `path`, the
    // target's absolute path; a path ending in / or naming a directory
    // root takes the file's own name).
    auth::addProtectedRoute(
        router, auth, Method::Post, kSeedFiles + QStringLiteral("/upload"), Role::User,
        [&files](const RequestContext &c, const Principal &p) {
            HM_TRY(parts, parseMultipartForm(c.header("Content-Type"), c.request.body()));
            const MultipartPart *file = nullptr;
            QString path;
            bool overwrite = false;
            for (const MultipartPart &part : std::as_const(parts.value())) {
                if (part.name == u"file" && !file)
                    file = &part;
                else if (part.name == u"path")
                    path = QString::fromUtf8(part.body);
                else if (part.name == u"overwrite")
                    overwrite = part.body == "true" || part.body == "1";
            }
            if (!file)
                return ApiReply::failure(
                    auth::fieldError(QStringLiteral("file"), QStringLiteral("file is required")));
            if (path.endsWith(u'/')) {
                const QString name = file->fileName.section(u'/', -1);
                if (name.isEmpty())
                    return ApiReply::failure(auth::fieldError(
                        QStringLiteral("path"), QStringLiteral("path must name the file")));
                path += name;
            }
            HM_TRY(absolute, filePathText(QStringLiteral("path"), path, true));
            const DeferredReply reply = c.defer();
            const auth::ClientInfo client = auth::clientInfo(c);
            const QString nodeId = c.pathArgs.at(0);
            const QByteArray bytes = file->body;
            withSeedTarget(
                files, p, client, nodeId, absolute.value(), reply,
                [&files, p, client, nodeId, bytes, overwrite, reply](const FileTarget &target) {
                    files.uploadWhole(p, client, nodeId, target, bytes, overwrite,
                                      replyWith(reply, 201));
                });
            return ApiReply::deferred();
        },
        routeDoc(kFilesTag,
                 QStringLiteral("Seed 002: upload a whole file (multipart/form-data: file, "
                                "path absolute, optional overwrite; at most 64 MiB); audited"),
                 fileErrorsWith({ErrorCode::PayloadTooLarge, ErrorCode::ResourceAlreadyExists}))
            .response(uploadSchema())
            .status(201));
    router.setMaxBodyBytes(Method::Post, kSeedFiles + QStringLiteral("/upload"),
                           kSeedUploadBodyBytes);
}

} // namespace hm::server::fileroutes
