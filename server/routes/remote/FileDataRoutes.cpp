// GET /api/v1/agent/file-data with "Upgrade: hivemind-file-data": an
// agent's data connection for one download (FileDownloads.h). Parse (the
// node and the stream token from headers, never the URL), authorise and
// take it over in the service (the single-use token, the node's agent and
// its files capability), render: 101 from the service, or the error
// envelope and a close. Not in the OpenAPI document: agents only.

#include "common/Logging.h"
#include "fleet/StreamFrame.h"
#include "server/api/ApiRouter.h"
#include "server/http/HttpServer.h"
#include "server/routes/remote/FileRouteSupport.h"
#include "server/services/remote/FileOps.h"

namespace hm::server::fileroutes {

void registerFileDataConnections(ApiRouter &router, remote::FileOps &files)
{
    router.httpServer().acceptRawUpgrades(
        hm::fleet::kFileDataProtocol, QString::fromLatin1(hm::fleet::kFileDataPath),
        [&files](const http::HttpRequest &request) -> Result<http::HttpServer::RawTaker> {
            const QString nodeId =
                QString::fromLatin1(request.firstValue(hm::fleet::kFileDataNodeHeader)).trimmed();
            const QString token =
                QString::fromLatin1(request.firstValue(hm::fleet::kFileDataTokenHeader)).trimmed();
            if (nodeId.isEmpty() || token.isEmpty())
                return Error{ErrorCode::Unauthorized,
                             QStringLiteral("a data connection names its node (%1) and carries "
                                            "its stream token (%2)")
                                 .arg(QLatin1String(hm::fleet::kFileDataNodeHeader),
                                      QLatin1String(hm::fleet::kFileDataTokenHeader))};
            auto taker = files.downloads().acceptDataConnection(nodeId, token);
            if (!taker) {
                // Never the token; the node as the header named it, cut short.
                qCInfo(lcServerHttp).noquote()
                    << "refused a file data connection for node" << nodeId.left(64) << "from"
                    << request.remoteAddress().toString() << ":" << taker.error().message;
                return taker.error();
            }
            return http::HttpServer::RawTaker(std::move(taker.value()));
        });
}

} // namespace hm::server::fileroutes
