// RemoteApi's calls on a node's files (docs/api.md "Node files").

#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "client/RemoteApi.h"

#include <QJsonArray>

namespace hm::client {

namespace json {

FileEntry fileEntry(const QJsonObject &o)
{
    FileEntry e;
    e.name = o.value(QStringLiteral("name")).toString();
    e.type = o.value(QStringLiteral("type")).toString();
    e.size = o.value(QStringLiteral("size")).toInteger();
    e.mode = int(o.value(QStringLiteral("mode")).toInteger());
    e.modified = time(o.value(QStringLiteral("mtime")));
    e.links = int(o.value(QStringLiteral("nlink")).toInteger());
    return e;
}

UploadState uploadState(const QJsonObject &o)
{
    UploadState u;
    u.uploadId = o.value(QStringLiteral("upload_id")).toString();
    u.received = o.value(QStringLiteral("received")).toInteger();
    u.size = o.value(QStringLiteral("size")).toInteger();
    u.root = o.value(QStringLiteral("root")).toString();
    u.path = o.value(QStringLiteral("path")).toString();
    return u;
}

} // namespace json

namespace {

QString remoteFilesPath(const QString &nodeId, const QString &tail = {})
{
    return QStringLiteral("/api/v1/nodes/") + nodeId + QStringLiteral("/files") + tail;
}

QUrlQuery remoteFileTarget(const QString &root, const QString &path)
{
    QUrlQuery q;
    // Fully encoded: a name may hold '+', '&' or '#'.
    q.addQueryItem(QStringLiteral("root"), QString::fromLatin1(QUrl::toPercentEncoding(root)));
    q.addQueryItem(QStringLiteral("path"), QString::fromLatin1(QUrl::toPercentEncoding(path)));
    return q;
}

Status remoteFilesNoData(const ApiResponse &)
{
    return Status();
}

} // namespace

QString RemoteApi::uploadChunkPath(const QString &nodeId, const QString &uploadId)
{
    return remoteFilesPath(nodeId, QStringLiteral("/uploads/") + uploadId);
}

QString RemoteApi::downloadPath(const QString &nodeId)
{
    return remoteFilesPath(nodeId, QStringLiteral("/download"));
}

void RemoteApi::fileRoots(const QString &nodeId, Callback<QList<FileRoot>> done)
{
    m_client.call<QList<FileRoot>>(
        ApiRequest::get(remoteFilesPath(nodeId, QStringLiteral("/roots"))),
        [](const ApiResponse &r) {
            QList<FileRoot> roots;
            for (const QJsonValue item : r.data.toObject().value(QStringLiteral("roots")).toArray())
                roots.append(FileRoot{item.toObject().value(QStringLiteral("path")).toString(),
                                      item.toObject().value(QStringLiteral("read_only")).toBool()});
            return roots;
        },
        std::move(done));
}

void RemoteApi::listFiles(const QString &nodeId, const QString &root, const QString &path,
                          Callback<FileListing> done)
{
    m_client.call<FileListing>(
        ApiRequest::get(remoteFilesPath(nodeId), remoteFileTarget(root, path)),
        [](const ApiResponse &r) {
            const QJsonObject o = r.data.toObject();
            FileListing listing;
            listing.root = o.value(QStringLiteral("root")).toString();
            listing.path = o.value(QStringLiteral("path")).toString();
            for (const QJsonValue item : o.value(QStringLiteral("entries")).toArray())
                listing.entries.append(json::fileEntry(item.toObject()));
            listing.truncated = o.value(QStringLiteral("truncated")).toBool();
            return listing;
        },
        std::move(done));
}

void RemoteApi::statFile(const QString &nodeId, const QString &root, const QString &path,
                         Callback<FileEntry> done)
{
    m_client.call<FileEntry>(
        ApiRequest::get(remoteFilesPath(nodeId, QStringLiteral("/stat")),
                        remoteFileTarget(root, path)),
        [](const ApiResponse &r) { return json::fileEntry(r.data.toObject()); }, std::move(done));
}

void RemoteApi::readTextFile(const QString &nodeId, const QString &root, const QString &path,
                             Callback<FileText> done)
{
    m_client.call<FileText>(
        ApiRequest::get(remoteFilesPath(nodeId, QStringLiteral("/content")),
                        remoteFileTarget(root, path)),
        [](const ApiResponse &r) {
            const QJsonObject o = r.data.toObject();
            return FileText{o.value(QStringLiteral("root")).toString(),
                            o.value(QStringLiteral("path")).toString(),
                            o.value(QStringLiteral("content")).toString(),
                            o.value(QStringLiteral("version")).toString(),
                            o.value(QStringLiteral("size")).toInteger()};
        },
        std::move(done));
}

void RemoteApi::saveTextFile(const QString &nodeId, const QString &root, const QString &path,
                             const QString &content, const QString &expectedVersion,
                             Callback<FileSaved> done)
{
    QJsonObject body{{QStringLiteral("root"), root},
                     {QStringLiteral("path"), path},
                     {QStringLiteral("content"), content}};
    if (!expectedVersion.isEmpty())
        body.insert(QStringLiteral("expected_version"), expectedVersion);
    m_client.call<FileSaved>(
        ApiRequest::put(remoteFilesPath(nodeId, QStringLiteral("/content")), body),
        [](const ApiResponse &r) {
            const QJsonObject o = r.data.toObject();
            return FileSaved{o.value(QStringLiteral("version")).toString(),
                             o.value(QStringLiteral("size")).toInteger()};
        },
        std::move(done));
}

void RemoteApi::createDirectory(const QString &nodeId, const QString &root, const QString &path,
                                Callback<void> done)
{
    m_client.call<void>(ApiRequest::post(remoteFilesPath(nodeId, QStringLiteral("/directories")),
                                         QJsonObject{{QStringLiteral("root"), root},
                                                     {QStringLiteral("path"), path}}),
                        remoteFilesNoData, std::move(done));
}

void RemoteApi::renameFile(const QString &nodeId, const QString &root, const QString &from,
                           const QString &to, Callback<void> done)
{
    m_client.call<void>(ApiRequest::post(remoteFilesPath(nodeId, QStringLiteral("/rename")),
                                         QJsonObject{{QStringLiteral("root"), root},
                                                     {QStringLiteral("from"), from},
                                                     {QStringLiteral("to"), to}}),
                        remoteFilesNoData, std::move(done));
}

void RemoteApi::deleteFile(const QString &nodeId, const QString &root, const QString &path,
                           bool recursive, Callback<void> done)
{
    ApiRequest request = ApiRequest::del(remoteFilesPath(nodeId));
    request.query = remoteFileTarget(root, path);
    request.query.addQueryItem(QStringLiteral("recursive"),
                               recursive ? QStringLiteral("true") : QStringLiteral("false"));
    m_client.call<void>(std::move(request), remoteFilesNoData, std::move(done));
}

void RemoteApi::beginUpload(const QString &nodeId, const UploadRequest &upload,
                            Callback<UploadState> done)
{
    QJsonObject body{{QStringLiteral("root"), upload.root},
                     {QStringLiteral("path"), upload.path},
                     {QStringLiteral("size"), upload.size},
                     {QStringLiteral("sha256"), upload.sha256},
                     {QStringLiteral("overwrite"), upload.overwrite}};
    if (!upload.uploadId.isEmpty())
        body.insert(QStringLiteral("upload_id"), upload.uploadId);
    m_client.call<UploadState>(
        ApiRequest::post(remoteFilesPath(nodeId, QStringLiteral("/uploads")), body),
        [](const ApiResponse &r) { return json::uploadState(r.data.toObject()); }, std::move(done));
}

void RemoteApi::uploadStatus(const QString &nodeId, const QString &uploadId,
                             Callback<UploadState> done)
{
    m_client.call<UploadState>(
        ApiRequest::get(uploadChunkPath(nodeId, uploadId)),
        [](const ApiResponse &r) { return json::uploadState(r.data.toObject()); }, std::move(done));
}

void RemoteApi::finishUpload(const QString &nodeId, const QString &uploadId, Callback<void> done)
{
    // The agent hashes the whole file before it answers.
    ApiRequest request =
        ApiRequest::post(uploadChunkPath(nodeId, uploadId) + QStringLiteral("/finish"));
    request.timeoutMs = 120000;
    m_client.call<void>(std::move(request), remoteFilesNoData, std::move(done));
}

void RemoteApi::abortUpload(const QString &nodeId, const QString &uploadId, Callback<void> done)
{
    m_client.call<void>(ApiRequest::del(uploadChunkPath(nodeId, uploadId)), remoteFilesNoData,
                        std::move(done));
}

} // namespace hm::client
