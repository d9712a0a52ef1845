// /api/v1/nodes/{id}/files*: parse, authorise (the role here, the grant
// and the agent in the service), call FileOps, render (docs/api.md "Node
// files"). Browsing, editing and downloads here, uploads in
// FileUploadRoutes.cpp. Seed 002's /api/servers/{id}/files/{download,content}
// take absolute paths, mapped onto the agent's roots (FileOps.h).

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/remote/FileRouteSupport.h"
#include "server/routes/remote/RemoteRoutes.h"
#include "server/services/auth/AuthModule.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace hm::server {

namespace fileroutes {

using namespace schema;
using auth::Principal;
using auth::Role;
using remote::FileTarget;
using Method = http::Method;

void registerNodeFileReads(ApiRouter &router, auth::AuthModule &auth, remote::FileOps &files)
{
    auth::addProtectedRoute(
        router, auth, Method::Get, kNodeFiles + QStringLiteral("/roots"), Role::User,
        [&files](const RequestContext &c, const Principal &p) {
            const DeferredReply reply = c.defer();
            files.roots(p, auth::clientInfo(c), c.pathArgs.at(0), replyWith(reply));
            return ApiReply::deferred();
        },
        routeDoc(kFilesTag,
                 QStringLiteral("The directories the node's agent lets the files capability "
                                "reach (its --files-root list)"),
                 fileErrors())
            .response(object({{QStringLiteral("roots"),
                               arrayOf(object({{QStringLiteral("path"), string()},
                                               {QStringLiteral("read_only"), boolean()}}))}})));

    RouteDoc listDoc =
        routeDoc(kFilesTag,
                 QStringLiteral("A directory's entries (symlinks listed, never followed; at "
                                "most 10,000, truncated beyond)"),
                 fileErrors())
            .response(object({{QStringLiteral("root"), string()},
                              {QStringLiteral("path"), string()},
                              {QStringLiteral("entries"), arrayOf(fileEntrySchema())},
                              {QStringLiteral("truncated"), boolean()}}));
    listDoc.queryParameters = targetQuery();
    auth::addProtectedRoute(
        router, auth, Method::Get, kNodeFiles, Role::User,
        [&files](const RequestContext &c, const Principal &p) {
            HM_TRY(target, fileTargetOfQuery(c));
            const DeferredReply reply = c.defer();
            files.list(p, auth::clientInfo(c), c.pathArgs.at(0), target.value(), replyWith(reply));
            return ApiReply::deferred();
        },
        std::move(listDoc));

    RouteDoc statDoc = routeDoc(kFilesTag,
                                QStringLiteral("One entry (a final symlink is "
                                               "reported as one)"),
                                fileErrors())
                           .response(fileEntrySchema());
    statDoc.queryParameters = targetQuery();
    auth::addProtectedRoute(
        router, auth, Method::Get, kNodeFiles + QStringLiteral("/stat"), Role::User,
        [&files](const RequestContext &c, const Principal &p) {
            HM_TRY(target, fileTargetOfQuery(c));
            const DeferredReply reply = c.defer();
            files.stat(p, auth::clientInfo(c), c.pathArgs.at(0), target.value(), replyWith(reply));
            return ApiReply::deferred();
        },
        std::move(statDoc));

    const QJsonObject contentSchema =
        object({{QStringLiteral("root"), string()},
                {QStringLiteral("path"), string()},
                {QStringLiteral("content"), string(QStringLiteral("the text"))},
                {QStringLiteral("version"),
                 string(QStringLiteral("give it back as expected_version to save"))},
                {QStringLiteral("size"), integer()}});
    RouteDoc contentDoc =
        routeDoc(kFilesTag,
                 QStringLiteral("A text file's content for editing (UTF-8, at most 4 MiB; "
                                "otherwise NOT_TEXT or TOO_LARGE: use download); audited"),
                 fileErrorsWith({ErrorCode::PayloadTooLarge, ErrorCode::Conflict}))
            .response(contentSchema);
    contentDoc.queryParameters = targetQuery();
    auth::addProtectedRoute(
        router, auth, Method::Get, kNodeFiles + QStringLiteral("/content"), Role::User,
        [&files](const RequestContext &c, const Principal &p) {
            HM_TRY(target, fileTargetOfQuery(c));
            const DeferredReply reply = c.defer();
            files.content(p, auth::clientInfo(c), c.pathArgs.at(0), target.value(),
                          replyWith(reply));
            return ApiReply::deferred();
        },
        contentDoc);

    RouteDoc downloadDoc =
        routeDoc(kFilesTag,
                 QStringLiteral("A file's bytes (application/octet-stream, any size, streamed "
                                "with Content-Length; `Range: bytes=N-` answers 206 from byte "
                                "N, 416 past the end; a file that changes mid-way ends the "
                                "connection short of Content-Length); audited"),
                 fileErrorsWith({ErrorCode::Conflict}));
    downloadDoc.contentType = "application/octet-stream";
    downloadDoc.queryParameters = targetQuery();
    auth::addProtectedRoute(
        router, auth, Method::Get, kNodeFiles + QStringLiteral("/download"), Role::User,
        [&files](const RequestContext &c, const Principal &p) {
            HM_TRY(target, fileTargetOfQuery(c));
            const DeferredReply reply = c.defer();
            files.downloads().open(p, auth::clientInfo(c), c.pathArgs.at(0), target.value(),
                                   downloadOffset(c), replyDownload(reply), !c.request.isSecure());
            return ApiReply::deferred();
        },
        downloadDoc);

    // Seed 002: the same with an absolute ?path=.
    RouteDoc seedDownloadDoc = downloadDoc;
    seedDownloadDoc.summary =
        QStringLiteral("Seed 002: a file's bytes by absolute path (under one of the roots)");
    seedDownloadDoc.queryParameters =
        QJsonArray{query(QStringLiteral("path"), string(), QStringLiteral("absolute"))};
    auth::addProtectedRoute(
        router, auth, Method::Get, kSeedFiles + QStringLiteral("/download"), Role::User,
        [&files](const RequestContext &c, const Principal &p) {
            HM_TRY(path, filePathText(QStringLiteral("path"),
                                      queryValue(c.request.query(), QStringLiteral("path")), true));
            const DeferredReply reply = c.defer();
            const auth::ClientInfo client = auth::clientInfo(c);
            const QString nodeId = c.pathArgs.at(0);
            const qint64 offset = downloadOffset(c);
            const bool plain = !c.request.isSecure();
            withSeedTarget(
                files, p, client, nodeId, path.value(), reply,
                [&files, p, client, nodeId, offset, plain, reply](const FileTarget &target) {
                    files.downloads().open(p, client, nodeId, target, offset, replyDownload(reply),
                                           plain);
                });
            return ApiReply::deferred();
        },
        std::move(seedDownloadDoc));
    RouteDoc seedContentDoc = contentDoc;
    seedContentDoc.summary =
        QStringLiteral("Seed 002: a text file's content by absolute path; audited");
    seedContentDoc.queryParameters =
        QJsonArray{query(QStringLiteral("path"), string(), QStringLiteral("absolute"))};
    auth::addProtectedRoute(
        router, auth, Method::Get, kSeedFiles + QStringLiteral("/content"), Role::User,
        [&files](const RequestContext &c, const Principal &p) {
            HM_TRY(path, filePathText(QStringLiteral("path"),
                                      queryValue(c.request.query(), QStringLiteral("path")), true));
            const DeferredReply reply = c.defer();
            const auth::ClientInfo client = auth::clientInfo(c);
            const QString nodeId = c.pathArgs.at(0);
            withSeedTarget(files, p, client, nodeId, path.value(), reply,
                           [&files, p, client, nodeId, reply](const FileTarget &target) {
                               files.content(p, client, nodeId, target, replyWith(reply));
                           });
            return ApiReply::deferred();
        },
        std::move(seedContentDoc));
}

void registerNodeFileWrites(ApiRouter &router, auth::AuthModule &auth, remote::FileOps &files)
{
    auth::addProtectedRoute(
        router, auth, Method::Put, kNodeFiles + QStringLiteral("/content"), Role::User,
        [&files](const RequestContext &c, const Principal &p) {
            HM_TRY(body, c.jsonObject());
            HM_TRY(target, fileTargetOfBody(body.value(), QStringLiteral("path")));
            const QJsonValue content = body->value(QStringLiteral("content"));
            if (!content.isString())
                return ApiReply::failure(
                    auth::fieldError(QStringLiteral("content"), QStringLiteral("content must be a "
                                                                               "string")));
            HM_TRY(expected,
                   fileBodyString(body.value(), QStringLiteral("expected_version"), false));
            const DeferredReply reply = c.defer();
            files.writeContent(p, auth::clientInfo(c), c.pathArgs.at(0), target.value(),
                               content.toString(), expected.value(), replyWith(reply));
            return ApiReply::deferred();
        },
        routeDoc(kFilesTag,
                 QStringLiteral("Save a text file (atomically; CONFLICT when it changed since "
                                "expected_version was read, none creates it); audited"),
                 fileErrorsWith({ErrorCode::Conflict, ErrorCode::PayloadTooLarge,
                                 ErrorCode::ResourceAlreadyExists}))
            .request(
                object({{QStringLiteral("root"), string()},
                        {QStringLiteral("path"), string()},
                        {QStringLiteral("content"), string()},
                        {QStringLiteral("expected_version"),
                         string(QStringLiteral("the version content returned; absent to "
                                               "create"))}},
                       {QStringLiteral("root"), QStringLiteral("path"), QStringLiteral("content")}))
            .response(object({{QStringLiteral("root"), string()},
                              {QStringLiteral("path"), string()},
                              {QStringLiteral("version"), string()},
                              {QStringLiteral("size"), integer()}})));

    auth::addProtectedRoute(
        router, auth, Method::Post, kNodeFiles + QStringLiteral("/directories"), Role::User,
        [&files](const RequestContext &c, const Principal &p) {
            HM_TRY(body, c.jsonObject());
            HM_TRY(target, fileTargetOfBody(body.value(), QStringLiteral("path")));
            if (target->path.isEmpty())
                return ApiReply::failure(
                    auth::fieldError(QStringLiteral("path"), QStringLiteral("path is required")));
            const DeferredReply reply = c.defer();
            files.makeDirectory(p, auth::clientInfo(c), c.pathArgs.at(0), target.value(),
                                replyWith(reply, 201));
            return ApiReply::deferred();
        },
        routeDoc(kFilesTag, QStringLiteral("Create one directory (its parent must exist); audited"),
                 fileErrorsWith({ErrorCode::ResourceAlreadyExists}))
            .request(
                object({{QStringLiteral("root"), string()}, {QStringLiteral("path"), string()}},
                       {QStringLiteral("root"), QStringLiteral("path")}))
            .response(
                object({{QStringLiteral("root"), string()}, {QStringLiteral("path"), string()}}))
            .status(201));

    auth::addProtectedRoute(
        router, auth, Method::Post, kNodeFiles + QStringLiteral("/rename"), Role::User,
        [&files](const RequestContext &c, const Principal &p) {
            HM_TRY(body, c.jsonObject());
            HM_TRY(from, fileTargetOfBody(body.value(), QStringLiteral("from")));
            HM_TRY(to, fileBodyString(body.value(), QStringLiteral("to"), true));
            const DeferredReply reply = c.defer();
            files.rename(p, auth::clientInfo(c), c.pathArgs.at(0), from.value(), to.value(),
                         replyWith(reply));
            return ApiReply::deferred();
        },
        routeDoc(kFilesTag,
                 QStringLiteral("Rename or move within one root (never replaces an existing "
                                "target); audited"),
                 fileErrorsWith({ErrorCode::ResourceAlreadyExists}))
            .request(object({{QStringLiteral("root"), string()},
                             {QStringLiteral("from"), string()},
                             {QStringLiteral("to"), string()}},
                            {QStringLiteral("root"), QStringLiteral("from"), QStringLiteral("to")}))
            .response(object({{QStringLiteral("root"), string()},
                              {QStringLiteral("from"), string()},
                              {QStringLiteral("to"), string()}})));

    RouteDoc deleteDoc =
        routeDoc(kFilesTag,
                 QStringLiteral("Delete a file, a symlink or a directory (non-empty only with "
                                "recursive=true, else CONFLICT); audited"),
                 fileErrorsWith({ErrorCode::Conflict}))
            .response(object({{QStringLiteral("root"), string()},
                              {QStringLiteral("path"), string()},
                              {QStringLiteral("deleted"), boolean()}}));
    deleteDoc.queryParameters = targetQuery();
    deleteDoc.queryParameters.append(query(QStringLiteral("recursive"), boolean()));
    auth::addProtectedRoute(
        router, auth, Method::Delete, kNodeFiles, Role::User,
        [&files](const RequestContext &c, const Principal &p) {
            HM_TRY(target, fileTargetOfQuery(c));
            HM_TRY(recursive, fileQueryBool(c.request.query(), QStringLiteral("recursive")));
            if (target->path.isEmpty())
                return ApiReply::failure(auth::fieldError(
                    QStringLiteral("path"), QStringLiteral("path is required (a root itself "
                                                           "cannot be deleted)")));
            const DeferredReply reply = c.defer();
            files.remove(p, auth::clientInfo(c), c.pathArgs.at(0), target.value(),
                         recursive.value(), replyWith(reply));
            return ApiReply::deferred();
        },
        std::move(deleteDoc));
}

} // namespace fileroutes

void registerFileRoutes(ApiRouter &router, auth::AuthModule &auth, remote::FileOps &files)
{
    fileroutes::registerNodeFileReads(router, auth, files);
    fileroutes::registerNodeFileWrites(router, auth, files);
    fileroutes::registerNodeFileUploads(router, auth, files);
    fileroutes::registerFileDataConnections(router, files);
}

} // namespace hm::server
