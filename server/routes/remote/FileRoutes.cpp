// /api/v1/nodes/{id}/files*: parse, authorise (the role here, the grant
// and the agent in the service), call FileOps, render (docs/api.md "Node
// files"). Seed 002's /api/servers/{id}/files/{upload,download,content}
// take absolute paths, mapped onto the agent's roots (FileOps.h).

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/remote/MultipartForm.h"
#include "server/routes/remote/RemoteRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/remote/FileOps.h"

#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>
#include <cmath>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using remote::FileTarget;
using Method = http::Method;

namespace {

const QString kFilesTag = QStringLiteral("Node files");
const QString kNodeFiles = QStringLiteral("/api/v1/nodes/{id}/files");
const QString kSeedFiles = QStringLiteral("/api/servers/{id}/files");
// Seed 002's upload carries the whole file: the download's bound plus room
// for the form around it.
constexpr qsizetype kSeedUploadBodyBytes = remote::kMaxFileDownloadBytes + 64 * 1024;
// The longest path or root the routes forward (PATH_MAX).
constexpr qsizetype kMaxFilePathLength = 4096;

Result<QString> filePathText(const QString &field, const QString &value, bool required)
{
    if (required && value.isEmpty())
        return auth::fieldError(field, QStringLiteral("%1 is required").arg(field));
    if (value.size() > kMaxFilePathLength)
        return auth::fieldError(field, QStringLiteral("%1 is too long").arg(field));
    return value;
}

Result<FileTarget> fileTargetOfQuery(const RequestContext &c)
{
    const QUrlQuery query = c.request.query();
    auto root =
        filePathText(QStringLiteral("root"), queryValue(query, QStringLiteral("root")), true);
    if (!root)
        return root.error();
    auto path =
        filePathText(QStringLiteral("path"), queryValue(query, QStringLiteral("path")), false);
    if (!path)
        return path.error();
    return FileTarget{root.value(), path.value()};
}

// A string field of a JSON body; absent is "" unless required.
Result<QString> fileBodyString(const QJsonObject &body, const QString &field, bool required)
{
    const QJsonValue value = body.value(field);
    if ((value.isUndefined() || value.isNull()) && !required)
        return QString();
    if (!value.isString())
        return auth::fieldError(field, QStringLiteral("%1 must be a string").arg(field));
    return filePathText(field, value.toString(), required);
}

Result<FileTarget> fileTargetOfBody(const QJsonObject &body, const QString &pathField)
{
    auto root = fileBodyString(body, QStringLiteral("root"), true);
    if (!root)
        return root.error();
    auto path = fileBodyString(body, pathField, pathField != u"path");
    if (!path)
        return path.error();
    return FileTarget{root.value(), path.value()};
}

Result<bool> fileBodyBool(const QJsonObject &body, const QString &field)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull())
        return false;
    if (!value.isBool())
        return auth::fieldError(field, QStringLiteral("%1 must be true or false").arg(field));
    return value.toBool();
}

Result<bool> fileQueryBool(const QUrlQuery &query, const QString &name)
{
    const QString value = queryValue(query, name);
    if (value.isEmpty() || value == u"false" || value == u"0")
        return false;
    if (value == u"true" || value == u"1")
        return true;
    return auth::fieldError(name, QStringLiteral("%1 is true or false").arg(name));
}

// An upload id as the agent makes them: 32 lower-case hex digits.
Result<QString> uploadIdOf(const QString &text)
{
    bool hex = text.size() == 32;
    for (const QChar ch : text)
        hex = hex && ((ch >= u'0' && ch <= u'9') || (ch >= u'a' && ch <= u'f'));
    if (!hex)
        return auth::fieldError(QStringLiteral("upload_id"),
                                QStringLiteral("an upload id is 32 lower-case hex digits"));
    return text;
}

// Content-Disposition for `name`: a plain ASCII fallback in quotes (no
// quote, backslash or control character can end it early) and the exact
// name as RFC 5987 UTF-8.
QByteArray contentDisposition(const QString &name)
{
    QByteArray fallback;
    const QByteArray utf8 = name.toUtf8();
    for (const char ch : utf8) {
        const auto byte = static_cast<unsigned char>(ch);
        fallback.append(byte < 0x20 || byte >= 0x7f || ch == '"' || ch == '\\' ? '_' : ch);
    }
    if (fallback.isEmpty())
        fallback = "download";
    return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" +
           utf8.toPercentEncoding();
}

using Done = remote::FileOps::Done;

// The handler's answer for a FileOps result.
Done replyWith(const DeferredReply &reply, int status = 200)
{
    return [reply, status](Result<QJsonObject> outcome) {
        reply.send(outcome ? ApiReply::ok(outcome.value(), status)
                           : ApiReply::failure(outcome.error()));
    };
}

std::function<void(Result<remote::FileDownload>)> replyDownload(const DeferredReply &reply)
{
    return [reply](Result<remote::FileDownload> file) {
        if (!file)
            return reply.send(ApiReply::failure(file.error()));
        ApiReply raw = ApiReply::raw(std::move(file->bytes), "application/octet-stream");
        raw.headers.append(
            {QByteArrayLiteral("Content-Disposition"), contentDisposition(file->name)});
        raw.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
        raw.headers.append(
            {QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")});
        reply.send(std::move(raw));
    };
}

// Seed 002's routes: the absolute ?path= (or form field) mapped onto a
// root first, then `then` with it.
void withSeedTarget(remote::FileOps &files, const Principal &p, const auth::ClientInfo &client,
                    const QString &nodeId, const QString &absolute, const DeferredReply &reply,
                    std::function<void(const FileTarget &)> then)
{
    files.resolveAbsolute(p, client, nodeId, absolute,
                          [reply, then = std::move(then)](Result<FileTarget> target) {
                              if (!target)
                                  return reply.send(ApiReply::failure(target.error()));
                              then(target.value());
                          });
}

const QList<ErrorCode> kFileErrors{ErrorCode::ResourceNotFound, ErrorCode::Forbidden,
                                   ErrorCode::NodeOffline,      ErrorCode::CapabilityDisabled,
                                   ErrorCode::Timeout,          ErrorCode::RateLimitExceeded,
                                   ErrorCode::ValidationError,  ErrorCode::InternalError};

QList<ErrorCode> fileErrorsWith(std::initializer_list<ErrorCode> more)
{
    QList<ErrorCode> errors = kFileErrors;
    for (const ErrorCode code : more)
        errors.append(code);
    return errors;
}

QJsonObject fileEntrySchema()
{
    return object(
        {{QStringLiteral("name"), string()},
         {QStringLiteral("type"), enumOf({QStringLiteral("file"), QStringLiteral("dir"),
                                          QStringLiteral("symlink"), QStringLiteral("other")})},
         {QStringLiteral("size"), integer()},
         {QStringLiteral("mode"), integer(QStringLiteral("permission bits"))},
         {QStringLiteral("mtime"), string(QStringLiteral("ISO-8601"))},
         {QStringLiteral("nlink"), integer()}});
}

QJsonObject uploadSchema()
{
    return object({{QStringLiteral("upload_id"), string()},
                   {QStringLiteral("received"), integer()},
                   {QStringLiteral("size"), integer()},
                   {QStringLiteral("root"), string()},
                   {QStringLiteral("path"), string()}});
}

QJsonArray targetQuery()
{
    return QJsonArray{query(QStringLiteral("root"), string(),
                            QStringLiteral("a root exactly as GET …/files/roots lists it")),
                      query(QStringLiteral("path"), string(),
                            QStringLiteral("relative to the root; empty for the root"))};
}

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
                 kFileErrors)
            .response(object({{QStringLiteral("roots"),
                               arrayOf(object({{QStringLiteral("path"), string()},
                                               {QStringLiteral("read_only"), boolean()}}))}})));

    RouteDoc listDoc =
        routeDoc(kFilesTag,
                 QStringLiteral("A directory's entries (symlinks listed, never followed; at "
                                "most 10,000, truncated beyond)"),
                 kFileErrors)
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
                                kFileErrors)
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
                 QStringLiteral("A file's bytes (application/octet-stream, at most 64 MiB for "
                                "now); audited"),
                 fileErrorsWith({ErrorCode::PayloadTooLarge, ErrorCode::Conflict}));
    downloadDoc.contentType = "application/octet-stream";
    downloadDoc.queryParameters = targetQuery();
    auth::addProtectedRoute(
        router, auth, Method::Get, kNodeFiles + QStringLiteral("/download"), Role::User,
        [&files](const RequestContext &c, const Principal &p) {
            HM_TRY(target, fileTargetOfQuery(c));
            const DeferredReply reply = c.defer();
            files.download(p, auth::clientInfo(c), c.pathArgs.at(0), target.value(),
                           replyDownload(reply));
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
            withSeedTarget(files, p, client, nodeId, path.value(), reply,
                           [&files, p, client, nodeId, reply](const FileTarget &target) {
                               files.download(p, client, nodeId, target, replyDownload(reply));
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
                 kFileErrors)
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
                 kFileErrors)
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

} // namespace

void registerFileRoutes(ApiRouter &router, auth::AuthModule &auth, remote::FileOps &files)
{
    registerNodeFileReads(router, auth, files);
    registerNodeFileWrites(router, auth, files);
    registerNodeFileUploads(router, auth, files);
}

} // namespace hm::server
