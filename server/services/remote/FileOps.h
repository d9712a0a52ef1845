#pragma once

#include <QHash>

// A node's files (issue 38; docs/api.md "Node files"): one method per
// action of the agent's `files` capability, each through NodeActions (the
// node, the caller's grant, the agent). The agent confines every path to
// its configured roots (agent/ConfinedFiles.h) and answers the precise
// reason in details.code; the server checks only the form of what it
// forwards and assembles what takes several agent calls:
// - content and download read the file in chunks of kFileChunkBytes and
//   refuse a file that changes meanwhile (CONFLICT);
// - content is for text: valid UTF-8 up to kMaxFileContentBytes, else
//   refused with a code suggesting download;
// - downloads are streamed, of any size (FileDownloads.h, downloads()).
// Audited (details: root, path, size; never contents): NODE_FILE_WRITTEN,
// NODE_FILE_UPLOADED, NODE_DIRECTORY_CREATED, NODE_FILE_RENAMED,
// NODE_FILE_DELETED, and NODE_FILE_DOWNLOADED for content and download.
// Listings, stat and upload chunks are not audited.

#include "common/Result.h"
#include "server/services/remote/FileDownloads.h"
#include "server/services/remote/NodeActions.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <functional>

namespace hm::server::remote {

// One agent call's chunk (the agent's own bound, agent/FileHandlers.h).
inline constexpr qint64 kFileChunkBytes = 512 * 1024;
inline constexpr qint64 kMaxFileContentBytes = 4 * 1024 * 1024;

struct FileTarget
{
    QString root;
    QString path; // relative to root; "" is the root itself
};

// Seed 002's absolute paths: the longest of `roots` (the agent's `roots`
// answer) that is a prefix of `absolute` at a component boundary, and the
// rest relative to it. A path that is not absolute is VALIDATION_ERROR, one
// under no root FORBIDDEN (details.code PATH_OUTSIDE_ROOT). The rest is not
// normalised: the agent refuses "..", "a//b" and the like itself.
Result<FileTarget> mapAbsoluteFilePath(const QJsonArray &roots, const QString &absolute);

// A file read whole (content()).
struct FileDownload
{
    QString name; // the last path component
    QByteArray bytes;
    QString version;
};

class FileOps : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<QJsonObject>)>;

    // Calls run with this object as their context: a call that answers after
    // it is gone calls nothing.
    explicit FileOps(NodeActions &actions, QObject *parent = nullptr)
        : QObject(parent), m_actions(actions), m_downloads(actions)
    {}

    // Streamed downloads of any size.
    FileDownloads &downloads() { return m_downloads; }

    void roots(const auth::Principal &caller, const auth::ClientInfo &client, const QString &nodeId,
               Done done);
    void list(const auth::Principal &caller, const auth::ClientInfo &client, const QString &nodeId,
              const FileTarget &target, Done done);
    void stat(const auth::Principal &caller, const auth::ClientInfo &client, const QString &nodeId,
              const FileTarget &target, Done done);
    // {content, version, size}.
    void content(const auth::Principal &caller, const auth::ClientInfo &client,
                 const QString &nodeId, const FileTarget &target, Done done);
    // expectedVersion: what content() returned; empty creates the file.
    void writeContent(const auth::Principal &caller, const auth::ClientInfo &client,
                      const QString &nodeId, const FileTarget &target, const QString &text,
                      const QString &expectedVersion, Done done);
    void makeDirectory(const auth::Principal &caller, const auth::ClientInfo &client,
                       const QString &nodeId, const FileTarget &target, Done done);
    void rename(const auth::Principal &caller, const auth::ClientInfo &client,
                const QString &nodeId, const FileTarget &from, const QString &to, Done done);
    void remove(const auth::Principal &caller, const auth::ClientInfo &client,
                const QString &nodeId, const FileTarget &target, bool recursive, Done done);

    // Resumable uploads: the agent keeps them by id; the server binds each
    // id to the user who began (or resumed) it, so that nobody else — even
    // with the files grant and the id — continues, reads, finishes or
    // aborts it (404 as for an unknown id; administrators excepted).
    void beginUpload(const auth::Principal &caller, const auth::ClientInfo &client,
                     const QString &nodeId, const FileTarget &target, qint64 size,
                     const QString &sha256, bool overwrite, const QString &resumeId, Done done);
    void uploadChunk(const auth::Principal &caller, const auth::ClientInfo &client,
                     const QString &nodeId, const QString &uploadId, qint64 offset,
                     const QByteArray &bytes, Done done);
    void uploadStatus(const auth::Principal &caller, const auth::ClientInfo &client,
                      const QString &nodeId, const QString &uploadId, Done done);
    void finishUpload(const auth::Principal &caller, const auth::ClientInfo &client,
                      const QString &nodeId, const QString &uploadId, Done done);
    void abortUpload(const auth::Principal &caller, const auth::ClientInfo &client,
                     const QString &nodeId, const QString &uploadId, Done done);

    // A whole upload in one go (seed 002's multipart upload): begin, the
    // chunks, finish; aborted on the way when a step fails.
    void uploadWhole(const auth::Principal &caller, const auth::ClientInfo &client,
                     const QString &nodeId, const FileTarget &target, const QByteArray &bytes,
                     bool overwrite, Done done);

    // Absolute path → root and relative path, asking the agent its roots.
    void resolveAbsolute(const auth::Principal &caller, const auth::ClientInfo &client,
                         const QString &nodeId, const QString &absolute,
                         std::function<void(Result<FileTarget>)> done);

private:
    struct ReadState;
    void call(const auth::Principal &caller, const auth::ClientInfo &client, RemoteAction action,
              Done done);
    // Reads the whole file, up to `maxBytes` (PAYLOAD_TOO_LARGE above, with
    // `tooLargeHint` in the message).
    void readWhole(const auth::Principal &caller, const auth::ClientInfo &client,
                   const QString &nodeId, const FileTarget &target, qint64 maxBytes,
                   const QString &tooLargeHint, std::function<void(Result<FileDownload>)> done);
    void readNext(const std::shared_ptr<ReadState> &state);
    // The chunks of a whole upload, one after the other under the
    // principal of its request; `accessSeen` is AccessWatch::changes() when
    // access was last known good: after a change the caller's access is
    // read again before the next chunk, and a revoked one aborts the
    // upload (FORBIDDEN, access_revoked, audited) rather than finishing it.
    void sendChunks(const auth::Principal &caller, const auth::ClientInfo &client,
                    const QString &nodeId, const QString &uploadId,
                    const std::shared_ptr<QByteArray> &bytes, qint64 offset, quint64 accessSeen,
                    Done done);
    // Ends an upload whose user lost the files access: the agent discards
    // it (asked as the server, the user may no longer), audited.
    void abortRevokedUpload(const auth::Principal &caller, const auth::ClientInfo &client,
                            const QString &nodeId, const QString &uploadId);

    // RESOURCE_NOT_FOUND unless `caller` owns the upload (or is an admin).
    Status checkUploadOwner(const auth::Principal &caller, const QString &nodeId,
                            const QString &uploadId) const;

    NodeActions &m_actions;
    FileDownloads m_downloads;
    QHash<QString, QString> m_uploadOwners; // node id + '/' + upload id -> user id
};

} // namespace hm::server::remote
