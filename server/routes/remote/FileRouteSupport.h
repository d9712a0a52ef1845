#pragma once

// What the node files routes share (FileRoutes.cpp: browsing, editing,
// downloads; FileUploadRoutes.cpp: uploads): parsing the target of a
// request, rendering FileOps' answers, the route documentation's parts.

#include "common/Result.h"
#include "server/api/ApiRouter.h"
#include "server/services/remote/FileOps.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QUrlQuery>
#include <functional>
#include <initializer_list>

namespace hm::server {
namespace auth {
struct AuthModule;
}
} // namespace hm::server

namespace hm::server::fileroutes {

inline const QString kFilesTag = QStringLiteral("Node files");
inline const QString kNodeFiles = QStringLiteral("/api/v1/nodes/{id}/files");
inline const QString kSeedFiles = QStringLiteral("/api/servers/{id}/files");

// A path or root as given (VALIDATION_ERROR naming `field` when required
// and empty, or longer than PATH_MAX).
Result<QString> filePathText(const QString &field, const QString &value, bool required);
// ?root= (required) and ?path= (optional: the root itself).
Result<remote::FileTarget> fileTargetOfQuery(const RequestContext &c);
// A string field of a JSON body; absent is "" unless required.
Result<QString> fileBodyString(const QJsonObject &body, const QString &field, bool required);
// root and `pathField` of a JSON body (`path` optional, any other required).
Result<remote::FileTarget> fileTargetOfBody(const QJsonObject &body, const QString &pathField);
Result<bool> fileBodyBool(const QJsonObject &body, const QString &field);
Result<bool> fileQueryBool(const QUrlQuery &query, const QString &name);
// An upload id as the agent makes them: 32 lower-case hex digits.
Result<QString> uploadIdOf(const QString &text);
// Content-Disposition: attachment for a file called `name`.
QByteArray contentDisposition(const QString &name);

using Done = remote::FileOps::Done;
// The handler's answer for a FileOps result.
Done replyWith(const DeferredReply &reply, int status = 200);
// The raw bytes of a download, as an attachment.
// A streamed download's answer: 200 with the whole file, 206 with
// Content-Range from a `Range: bytes=N-` offset, 416 for an offset past
// the end.
std::function<void(Result<remote::FileDownloads::Opened>)> replyDownload(const DeferredReply &reply);
// The offset of a `Range: bytes=N-` header; 0 without one or for any other
// form (a Range a server does not take is ignored: the whole file, 200).
qint64 downloadOffset(const RequestContext &context);
// Seed 002's absolute path mapped onto a root, then `then` with it.
void withSeedTarget(remote::FileOps &files, const auth::Principal &p,
                    const auth::ClientInfo &client, const QString &nodeId, const QString &absolute,
                    const DeferredReply &reply,
                    std::function<void(const remote::FileTarget &)> then);

// What every file route may answer besides the generic errors.
QList<ErrorCode> fileErrors();
QList<ErrorCode> fileErrorsWith(std::initializer_list<ErrorCode> more);
QJsonObject fileEntrySchema();
QJsonObject uploadSchema();
// ?root= and ?path= for the documentation.
QJsonArray targetQuery();

void registerNodeFileReads(ApiRouter &router, auth::AuthModule &auth, remote::FileOps &files);
void registerNodeFileWrites(ApiRouter &router, auth::AuthModule &auth, remote::FileOps &files);
void registerNodeFileUploads(ApiRouter &router, auth::AuthModule &auth, remote::FileOps &files);
// An agent's file data connection (FileDataRoutes.cpp, FileDownloads.h).
void registerFileDataConnections(ApiRouter &router, remote::FileOps &files);

} // namespace hm::server::fileroutes
