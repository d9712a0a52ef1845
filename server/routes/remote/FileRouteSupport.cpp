#include "server/routes/remote/FileRouteSupport.h"

#include "server/api/AuthCommon.h"
#include "server/api/QueryParams.h"

#include <QJsonArray>

namespace hm::server::fileroutes {

using namespace schema;
using auth::Principal;
using remote::FileTarget;

namespace {

// The longest path or root the routes forward (PATH_MAX).
constexpr qsizetype kMaxFilePathLength = 4096;

} // namespace

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

// The handler's answer for a FileOps result.
Done replyWith(const DeferredReply &reply, int status)
{
    return [reply, status](Result<QJsonObject> outcome) {
        reply.send(outcome ? ApiReply::ok(outcome.value(), status)
                           : ApiReply::failure(outcome.error()));
    };
}

std::function<void(Result<remote::FileDownloads::Opened>)> replyDownload(const DeferredReply &reply)
{
    return [reply](Result<remote::FileDownloads::Opened> opened) {
        if (!opened) {
            const Error &error = opened.error();
            const QString code = error.details.value(QStringLiteral("code")).toString();
            ApiReply failure = ApiReply::failure(error);
            // An offset past the end: RFC 9110's 416, with the size, and
            // the code of that status (details.code still says which).
            if (code == QLatin1String("RANGE_NOT_SATISFIABLE") ||
                code == QLatin1String("BAD_OFFSET")) {
                failure = ApiReply::failure(
                    Error{ErrorCode::RangeNotSatisfiable, error.message, error.details});
                failure.status = 416;
                if (error.details.contains(QStringLiteral("size")))
                    failure.headers.append(
                        {QByteArrayLiteral("Content-Range"),
                         QByteArray("bytes */" +
                                    QByteArray::number(qint64(
                                        error.details.value(QStringLiteral("size")).toDouble())))});
            }
            return reply.send(std::move(failure));
        }
        const qint64 length = opened->size - opened->offset;
        ApiReply stream = ApiReply::stream(length, "application/octet-stream",
                                           std::move(opened->attach), opened->offset > 0 ? 206 : 200);
        if (opened->offset > 0)
            stream.headers.append({QByteArrayLiteral("Content-Range"),
                                   QByteArray("bytes " + QByteArray::number(opened->offset) + '-' +
                                              QByteArray::number(opened->size - 1) + '/' +
                                              QByteArray::number(opened->size))});
        stream.headers.append({QByteArrayLiteral("Accept-Ranges"), QByteArrayLiteral("bytes")});
        stream.headers.append(
            {QByteArrayLiteral("Content-Disposition"), contentDisposition(opened->name)});
        stream.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
        stream.headers.append(
            {QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")});
        reply.send(std::move(stream));
    };
}

qint64 downloadOffset(const RequestContext &context)
{
    const QByteArray range = context.header("Range").trimmed();
    if (!range.startsWith("bytes=") || !range.endsWith('-'))
        return 0;
    const QByteArray first = range.mid(6, range.size() - 7).trimmed();
    if (first.isEmpty() || first.size() > 15)
        return 0;
    for (const char c : first) {
        if (c < '0' || c > '9')
            return 0;
    }
    return first.toLongLong();
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

QList<ErrorCode> fileErrors()
{
    return {ErrorCode::ResourceNotFound,   ErrorCode::Forbidden,    ErrorCode::NodeOffline,
            ErrorCode::CapabilityDisabled, ErrorCode::Timeout,      ErrorCode::RateLimitExceeded,
            ErrorCode::ValidationError,    ErrorCode::InternalError};
}

QList<ErrorCode> fileErrorsWith(std::initializer_list<ErrorCode> more)
{
    QList<ErrorCode> errors = fileErrors();
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

} // namespace hm::server::fileroutes
