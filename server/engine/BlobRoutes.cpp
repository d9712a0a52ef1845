#include "server/ApiRouter.h"
#include "server/engine/EngineRoutes.h"
#include "server/engine/FlowEngineHost.h"

namespace hm::server {

using namespace engine;

namespace {

// Constant time for equal lengths: the token is the only credential here.
bool sameToken(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size() || a.isEmpty())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

ApiReply getBlob(FlowEngineHost &host, const RequestContext &c)
{
    const QString executionId = c.pathArgs.at(0);
    const QString blobId = c.pathArgs.at(1);
    const QByteArray token = c.header("X-Execution-Token");
    // Token and blob are read on the engine thread, where they live.
    auto blob = host.run<QJsonValue>([=](Scheduler &s) -> Result<QJsonValue> {
        const Execution *exec = s.execution(executionId);
        // An unknown execution looks like a wrong token: ids are not probed.
        if (!exec || !sameToken(token, exec->blobToken.toLatin1()))
            return Error{ErrorCode::Forbidden,
                         QStringLiteral("X-Execution-Token does not match the execution")};
        return s.blobs().get(executionId, blobId);
    });
    if (!blob)
        return ApiReply::failure(blob.error());
    return ApiReply::ok(blob.value());
}

} // namespace

void registerBlobRoutes(ApiRouter &router, FlowEngineHost &host)
{
    RouteDoc doc;
    doc.summary = QStringLiteral("Read a blob of a running execution (components; authenticated "
                                 "by X-Execution-Token)");
    doc.tag = QStringLiteral("Executions");
    doc.errors = {ErrorCode::Forbidden, ErrorCode::ResourceNotFound};
    // The 128-bit token is the credential; components of busy executions
    // must not run into the anonymous per-IP limit.
    doc.rateLimited = false;
    router.addRoute(
        QHttpServerRequest::Method::Get, QStringLiteral("/api/v1/blobs/{executionId}/{blobId}"),
        [&host](const RequestContext &c) { return getBlob(host, c); }, std::move(doc));
}

} // namespace hm::server
