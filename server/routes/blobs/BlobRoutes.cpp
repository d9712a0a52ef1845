// The blob endpoint components use (docs/component-protocol.md, "Blobs"):
// GET and PUT /api/v1/blobs/{executionId}/{blobId}, authenticated by the
// execution's X-Execution-Token instead of a user.

#include "crypto/Hmac.h"
#include "server/api/ApiRouter.h"
#include "server/routes/EngineRoutes.h"
#include "server/services/engine/FlowEngineHost.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace hm::server {

using namespace engine;

namespace {

// Larger than the API's 10 MiB JSON limit: blobs are the large values.
constexpr qsizetype kMaxBlobBytes = 64 * 1024 * 1024;

// Constant time (the token is the only credential here); an empty header
// never matches.
bool sameToken(const QByteArray &a, const QByteArray &b)
{
    return !a.isEmpty() && crypto::constantTimeEquals(a, b);
}

Error wrongToken()
{
    return Error{ErrorCode::Forbidden,
                 QStringLiteral("X-Execution-Token does not match the execution")};
}

// An unknown execution looks like a wrong token: ids are not probed.
// Engine thread.
Status checkToken(const Scheduler &s, const QString &executionId, const QByteArray &token)
{
    const Execution *exec = s.execution(executionId);
    if (!exec || !sameToken(token, exec->blobToken.toLatin1()))
        return wrongToken();
    return {};
}

bool isJsonType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').first().trimmed().toLower();
    return type == "application/json" || type.endsWith("+json");
}

// Any JSON value, scalars included (QJsonDocument only parses objects and
// arrays at the top level, so the text is parsed inside an array).
Result<QJsonValue> parseJsonValue(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + body + ']', &error);
    if (error.error != QJsonParseError::NoError || wrapped.array().size() != 1)
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("the body is not one JSON value%1")
                         .arg(error.error != QJsonParseError::NoError
                                  ? QStringLiteral(": ") + error.errorString()
                                  : QString())};
    return wrapped.array().first();
}

QByteArray jsonText(const QJsonValue &value)
{
    QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

ApiReply getBlob(FlowEngineHost &host, const RequestContext &c)
{
    const QString executionId = c.pathArgs.at(0);
    const QString blobId = c.pathArgs.at(1);
    const QByteArray token = c.header("X-Execution-Token");
    // Token and blob are read on the engine thread, where they live.
    auto blob = host.run<Blob>([=](Scheduler &s) -> Result<Blob> {
        if (Status allowed = checkToken(s, executionId, token); !allowed)
            return allowed.error();
        return s.blobs().blob(executionId, blobId);
    });
    if (!blob)
        return ApiReply::failure(blob.error());
    // The raw bytes, as the protocol says: bytes blobs decoded from their
    // base64 form, JSON values (the engine's own blobs too) as JSON text.
    if (blob.value().kind == BlobKind::Bytes)
        return ApiReply::raw(QByteArray::fromBase64(blob.value().value.toString().toLatin1()),
                             QByteArrayLiteral("application/octet-stream"));
    return ApiReply::raw(jsonText(blob.value().value), QByteArrayLiteral("application/json"));
}

ApiReply putBlob(FlowEngineHost &host, const RequestContext &c)
{
    const QString executionId = c.pathArgs.at(0);
    const QString blobId = c.pathArgs.at(1);
    const QByteArray token = c.header("X-Execution-Token");
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_-]{1,128}$"));
    if (!idPattern.match(blobId).hasMatch())
        return ApiReply::failure(
            Error{ErrorCode::ValidationError,
                  QStringLiteral("a blob id is 1 to 128 characters of A-Z, a-z, 0-9, '-' and '_'"),
                  {{QStringLiteral("field"), QStringLiteral("blobId")}}});
    // Read whole by the HTTP server already, which refuses bodies above
    // kMaxBlobBytes for this route (10 MiB for ordinary ones).
    const QByteArray &body = c.request.body();
    if (body.size() > kMaxBlobBytes)
        return ApiReply::failure(Error{
            ErrorCode::PayloadTooLarge,
            QStringLiteral("a blob may hold at most %1 bytes").arg(kMaxBlobBytes),
            {{QStringLiteral("limit"), kMaxBlobBytes}, {QStringLiteral("size"), body.size()}}});

    // Checked before the body is parsed: a stranger learns nothing, not
    // even whether the body would have been valid.
    auto allowed = host.run<bool>([=](Scheduler &s) -> Result<bool> {
        if (Status ok = checkToken(s, executionId, token); !ok)
            return ok.error();
        return true;
    });
    if (!allowed)
        return ApiReply::failure(allowed.error());

    Blob blob;
    if (isJsonType(c.header("Content-Type"))) {
        auto value = parseJsonValue(body);
        if (!value)
            return ApiReply::failure(value.error());
        blob.value = value.value();
    } else {
        // Bytes travel as base64 text between nodes, like `bytes` ports.
        blob.kind = BlobKind::Bytes;
        blob.value = QString::fromLatin1(body.toBase64());
    }
    const qsizetype size = body.size();
    auto stored = host.run<bool>([=](Scheduler &s) -> Result<bool> {
        // Again on the engine thread: the execution may have ended meanwhile.
        if (Status ok = checkToken(s, executionId, token); !ok)
            return ok.error();
        const std::optional<ExecutionStatus> status = s.status(executionId);
        if (!status || isTerminal(*status))
            return Error{
                ErrorCode::Forbidden,
                QStringLiteral("execution %1 has ended; its blobs are read-only").arg(executionId)};
        if (Status put = s.blobs().putWithId(executionId, blobId, blob.value, blob.kind); !put)
            return put.error();
        return true;
    });
    if (!stored)
        return ApiReply::failure(stored.error());
    return ApiReply::ok(
        QJsonObject{{QStringLiteral("execution_id"), executionId},
                    {QStringLiteral("blob_id"), blobId},
                    {QStringLiteral("ref"), QString(QStringLiteral("blob:") + blobId)},
                    {QStringLiteral("size"), size}},
        201);
}

} // namespace

void registerBlobRoutes(ApiRouter &router, FlowEngineHost &host)
{
    const QJsonObject tokenHeader{
        {QStringLiteral("name"), QStringLiteral("X-Execution-Token")},
        {QStringLiteral("in"), QStringLiteral("header")},
        {QStringLiteral("required"), true},
        {QStringLiteral("schema"), schema::string()},
        {QStringLiteral("description"), QStringLiteral("the token of the execution, from the "
                                                       "/execute request's blob.token")}};
    RouteDoc getDoc;
    getDoc.summary = QStringLiteral("Read a blob of an execution as raw bytes (components; "
                                    "authenticated by X-Execution-Token)");
    getDoc.tag = QStringLiteral("Executions");
    getDoc.errors = {ErrorCode::Forbidden, ErrorCode::ResourceNotFound};
    getDoc.queryParameters = {tokenHeader};
    getDoc.contentType = QByteArrayLiteral("application/octet-stream");
    // The 128-bit token is the credential; components of busy executions
    // must not run into the anonymous per-IP limit.
    getDoc.rateLimited = false;
    router.addRoute(
        http::Method::Get, QStringLiteral("/api/v1/blobs/{executionId}/{blobId}"),
        [&host](const RequestContext &c) { return getBlob(host, c); }, std::move(getDoc));

    RouteDoc putDoc;
    putDoc.summary = QStringLiteral("Store a blob under a new id (components; "
                                    "application/json = a JSON value, anything else = bytes; "
                                    "at most 64 MiB)");
    putDoc.tag = QStringLiteral("Executions");
    putDoc.errors = {ErrorCode::Forbidden, ErrorCode::ResourceAlreadyExists,
                     ErrorCode::PayloadTooLarge};
    putDoc.queryParameters = {tokenHeader};
    putDoc.successStatus = 201;
    putDoc.responseSchema = schema::object({{QStringLiteral("execution_id"), schema::string()},
                                            {QStringLiteral("blob_id"), schema::string()},
                                            {QStringLiteral("ref"), schema::string()},
                                            {QStringLiteral("size"), schema::integer()}});
    putDoc.rateLimited = false;
    router.addRoute(
        http::Method::Put, QStringLiteral("/api/v1/blobs/{executionId}/{blobId}"),
        [&host](const RequestContext &c) { return putBlob(host, c); }, std::move(putDoc));
    // The HTTP server refuses larger bodies before reading them.
    router.setMaxBodyBytes(http::Method::Put,
                           QStringLiteral("/api/v1/blobs/{executionId}/{blobId}"), kMaxBlobBytes);
}

} // namespace hm::server
