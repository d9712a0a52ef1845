#include "server/services/remote/FileOps.h"

#include "fleet/AgentProtocol.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/remote/AccessWatch.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QStringDecoder>
#include <QTimer>
#include <cmath>
#include <memory>

namespace hm::server::remote {

namespace {

const QString kFilesCapability = QStringLiteral("files");

RemoteAction fileRemoteAction(const QString &nodeId, const QString &name, QJsonObject args)
{
    RemoteAction action;
    action.nodeId = nodeId;
    action.capability = kFilesCapability;
    action.action = name;
    action.args = std::move(args);
    return action;
}

// What an audit entry says about a file: where, never what it holds.
void fileAudit(RemoteAction &action, const QString &auditName, const QString &root,
               const QString &path, QJsonObject extra = {})
{
    action.auditAction = auditName;
    action.auditTarget = path.isEmpty() ? root : root + u'/' + path;
    extra.insert(QStringLiteral("root"), root);
    extra.insert(QStringLiteral("path"), path);
    action.auditDetails = std::move(extra);
}

QJsonObject fileTargetArgs(const FileTarget &target)
{
    return {{QStringLiteral("root"), target.root}, {QStringLiteral("path"), target.path}};
}

Error fileAgentAnswerError(const QString &what)
{
    return Error{ErrorCode::InternalError,
                 QStringLiteral("the agent's answer to %1 is malformed").arg(what)};
}

QJsonValue fileNumberOr(const QJsonValue &value, const QJsonValue &fallback)
{
    return value.isDouble() && std::isfinite(value.toDouble()) ? value : fallback;
}

// Only the fields the API documents, each with its type: the server
// passes on nothing else an agent writes.
QJsonObject sanitisedFileEntry(const QJsonObject &in)
{
    static const QStringList types{QStringLiteral("file"), QStringLiteral("dir"),
                                   QStringLiteral("symlink"), QStringLiteral("other")};
    const QString type = in.value(QStringLiteral("type")).toString();
    const QJsonValue mtime = in.value(QStringLiteral("mtime"));
    return {{QStringLiteral("name"), in.value(QStringLiteral("name")).toString().left(1024)},
            {QStringLiteral("type"), types.contains(type) ? type : QStringLiteral("other")},
            {QStringLiteral("size"), fileNumberOr(in.value(QStringLiteral("size")), 0)},
            {QStringLiteral("mode"), fileNumberOr(in.value(QStringLiteral("mode")), 0)},
            {QStringLiteral("mtime"),
             mtime.isString() ? QJsonValue(mtime.toString().left(40)) : QJsonValue()},
            {QStringLiteral("nlink"), fileNumberOr(in.value(QStringLiteral("nlink")), 0)}};
}

// An upload's state as the API documents it, whatever else the agent said.
FileOps::Done uploadAnswer(FileOps::Done done)
{
    return [done = std::move(done)](Result<QJsonObject> outcome) {
        if (!outcome)
            return done(outcome.error());
        QJsonObject out;
        for (const char *key : {"upload_id", "root", "path"}) {
            const QJsonValue value = outcome->value(QLatin1String(key));
            if (value.isString())
                out.insert(QLatin1String(key), value.toString().left(4096));
        }
        for (const char *key : {"received", "size"}) {
            const QJsonValue value = outcome->value(QLatin1String(key));
            if (value.isDouble() && std::isfinite(value.toDouble()))
                out.insert(QLatin1String(key), value);
        }
        done(out);
    };
}

} // namespace

Result<FileTarget> mapAbsoluteFilePath(const QJsonArray &roots, const QString &absolute)
{
    if (!absolute.startsWith(u'/'))
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("path must be absolute (it starts with /)"),
                     QJsonObject{{QStringLiteral("field"), QStringLiteral("path")},
                                 {QStringLiteral("code"), QStringLiteral("PATH_INVALID")}}};
    QString best;
    for (const QJsonValue &value : roots) {
        const QString root = value.toObject().value(QStringLiteral("path")).toString();
        if (!root.startsWith(u'/'))
            continue;
        // A prefix at a component boundary: /srv/www holds /srv/www/a, not
        // /srv/www2.
        const bool holds = root == u"/" || absolute == root || absolute.startsWith(root + u'/');
        if (holds && root.size() > best.size())
            best = root;
    }
    if (best.isEmpty())
        return Error{ErrorCode::Forbidden,
                     QStringLiteral("%1 is under none of the agent's file roots").arg(absolute),
                     QJsonObject{{QStringLiteral("field"), QStringLiteral("path")},
                                 {QStringLiteral("code"), QStringLiteral("PATH_OUTSIDE_ROOT")}}};
    QString rest = absolute.mid(best.size());
    if (rest.startsWith(u'/'))
        rest = rest.mid(1);
    return FileTarget{best, rest};
}

void FileOps::call(const auth::Principal &caller, const auth::ClientInfo &client,
                   RemoteAction action, Done done)
{
    m_actions.run(caller, client, std::move(action), this, std::move(done));
}

void FileOps::roots(const auth::Principal &caller, const auth::ClientInfo &client,
                    const QString &nodeId, Done done)
{
    call(caller, client, fileRemoteAction(nodeId, QStringLiteral("roots"), {}),
         [done = std::move(done)](Result<QJsonObject> outcome) {
             if (!outcome)
                 return done(outcome.error());
             // Only the documented fields, with their types.
             QJsonArray roots;
             for (const QJsonValue &value : outcome->value(QStringLiteral("roots")).toArray()) {
                 const QJsonObject root = value.toObject();
                 if (!root.value(QStringLiteral("path")).isString())
                     continue;
                 roots.append(QJsonObject{
                     {QStringLiteral("path"), root.value(QStringLiteral("path")).toString()},
                     {QStringLiteral("read_only"),
                      root.value(QStringLiteral("read_only")).toBool()}});
             }
             done(QJsonObject{{QStringLiteral("roots"), roots}});
         });
}

void FileOps::list(const auth::Principal &caller, const auth::ClientInfo &client,
                   const QString &nodeId, const FileTarget &target, Done done)
{
    call(caller, client, fileRemoteAction(nodeId, QStringLiteral("list"), fileTargetArgs(target)),
         [target, done = std::move(done)](Result<QJsonObject> outcome) {
             if (!outcome)
                 return done(outcome.error());
             QJsonArray entries;
             for (const QJsonValue &value : outcome->value(QStringLiteral("entries")).toArray())
                 if (value.isObject())
                     entries.append(sanitisedFileEntry(value.toObject()));
             done(QJsonObject{{QStringLiteral("root"), target.root},
                              {QStringLiteral("path"), target.path},
                              {QStringLiteral("entries"), entries},
                              {QStringLiteral("truncated"),
                               outcome->value(QStringLiteral("truncated")).toBool()}});
         });
}

void FileOps::stat(const auth::Principal &caller, const auth::ClientInfo &client,
                   const QString &nodeId, const FileTarget &target, Done done)
{
    call(caller, client, fileRemoteAction(nodeId, QStringLiteral("stat"), fileTargetArgs(target)),
         [target, done = std::move(done)](Result<QJsonObject> outcome) {
             if (!outcome)
                 return done(outcome.error());
             QJsonObject entry =
                 sanitisedFileEntry(outcome->value(QStringLiteral("entry")).toObject());
             entry.insert(QStringLiteral("root"), target.root);
             entry.insert(QStringLiteral("path"), target.path);
             done(entry);
         });
}

struct FileOps::ReadState
{
    auth::Principal caller;
    auth::ClientInfo client;
    QString nodeId;
    FileTarget target;
    qint64 maxBytes = 0;
    QString tooLargeHint;
    qint64 size = -1;
    FileDownload out;
    std::function<void(Result<FileDownload>)> done;
};

void FileOps::readWhole(const auth::Principal &caller, const auth::ClientInfo &client,
                        const QString &nodeId, const FileTarget &target, qint64 maxBytes,
                        const QString &tooLargeHint, std::function<void(Result<FileDownload>)> done)
{
    auto state = std::make_shared<ReadState>();
    state->caller = caller;
    state->client = client;
    state->nodeId = nodeId;
    state->target = target;
    state->maxBytes = maxBytes;
    state->tooLargeHint = tooLargeHint;
    state->out.name = target.path.section(u'/', -1);
    state->done = std::move(done);
    readNext(state);
}

void FileOps::readNext(const std::shared_ptr<ReadState> &state)
{
    const qint64 offset = state->out.bytes.size();
    QJsonObject args = fileTargetArgs(state->target);
    args.insert(QStringLiteral("offset"), offset);
    args.insert(QStringLiteral("length"), kFileChunkBytes);
    call(state->caller, state->client,
         fileRemoteAction(state->nodeId, QStringLiteral("read"), args),
         [this, state, offset](Result<QJsonObject> outcome) {
             if (!outcome)
                 return state->done(outcome.error());
             const QJsonObject &chunk = outcome.value();
             const qint64 size = qint64(chunk.value(QStringLiteral("size")).toDouble(-1));
             const QString version = chunk.value(QStringLiteral("version")).toString();
             auto data = QByteArray::fromBase64Encoding(
                 chunk.value(QStringLiteral("data")).toString().toLatin1(),
                 QByteArray::AbortOnBase64DecodingErrors);
             if (size < 0 || !data ||
                 qint64(chunk.value(QStringLiteral("offset")).toDouble(-1)) != offset)
                 return state->done(fileAgentAnswerError(QStringLiteral("read")));
             if (state->size < 0) {
                 if (size > state->maxBytes)
                     return state->done(
                         Error{ErrorCode::PayloadTooLarge,
                               QStringLiteral("%1 has %2 bytes, more than the %3 allowed here; %4")
                                   .arg(state->target.path)
                                   .arg(size)
                                   .arg(state->maxBytes)
                                   .arg(state->tooLargeHint),
                               QJsonObject{{QStringLiteral("code"), QStringLiteral("TOO_LARGE")},
                                           {QStringLiteral("size"), size},
                                           {QStringLiteral("limit"), state->maxBytes}}});
                 state->size = size;
                 state->out.version = version;
             } else if (size != state->size || version != state->out.version) {
                 return state->done(
                     Error{ErrorCode::Conflict,
                           QStringLiteral("%1 changed while it was read; try again")
                               .arg(state->target.path),
                           QJsonObject{{QStringLiteral("code"), QStringLiteral("CONFLICT")}}});
             }
             state->out.bytes.append(*data);
             if (state->out.bytes.size() >= state->size)
                 return state->done(std::move(state->out));
             // No progress although the end is not reached: the agent's
             // answer cannot be right, and asking again would loop.
             if (data.decoded.isEmpty())
                 return state->done(fileAgentAnswerError(QStringLiteral("read")));
             readNext(state);
         });
}

void FileOps::content(const auth::Principal &caller, const auth::ClientInfo &client,
                      const QString &nodeId, const FileTarget &target, Done done)
{
    readWhole(
        caller, client, nodeId, target, kMaxFileContentBytes, QStringLiteral("use download for it"),
        [this, caller, client, nodeId, target, done = std::move(done)](Result<FileDownload> file) {
            RemoteAction audit = fileRemoteAction(nodeId, QStringLiteral("read"), {});
            fileAudit(audit, QStringLiteral("NODE_FILE_DOWNLOADED"), target.root, target.path,
                      {{QStringLiteral("via"), QStringLiteral("content")}});
            if (!file) {
                m_actions.recordAudit(caller, client, audit, file.error());
                return done(file.error());
            }
            // The initial BOM is kept: writing the text back keeps the file.
            QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
            const QString text = decoder(file->bytes);
            if (decoder.hasError()) {
                const Error notText{
                    ErrorCode::ValidationError,
                    QStringLiteral("%1 is not UTF-8 text; use download for it").arg(target.path),
                    QJsonObject{{QStringLiteral("code"), QStringLiteral("NOT_TEXT")}}};
                m_actions.recordAudit(caller, client, audit, notText);
                return done(notText);
            }
            audit.auditDetails.insert(QStringLiteral("size"), file->bytes.size());
            m_actions.recordAudit(caller, client, audit, Status());
            done(QJsonObject{{QStringLiteral("root"), target.root},
                             {QStringLiteral("path"), target.path},
                             {QStringLiteral("content"), text},
                             {QStringLiteral("version"), file->version},
                             {QStringLiteral("size"), file->bytes.size()}});
        });
}

void FileOps::writeContent(const auth::Principal &caller, const auth::ClientInfo &client,
                           const QString &nodeId, const FileTarget &target, const QString &text,
                           const QString &expectedVersion, Done done)
{
    QJsonObject args = fileTargetArgs(target);
    args.insert(QStringLiteral("content"), text);
    args.insert(QStringLiteral("encoding"), QStringLiteral("utf8"));
    args.insert(QStringLiteral("expected_version"), expectedVersion);
    const qint64 size = text.toUtf8().size();
    RemoteAction action = fileRemoteAction(nodeId, QStringLiteral("write"), args);
    fileAudit(action, QStringLiteral("NODE_FILE_WRITTEN"), target.root, target.path,
              {{QStringLiteral("size"), size}});
    // The request travels in one frame; its escapes count too.
    if (QJsonDocument(args).toJson(QJsonDocument::Compact).size() >
        hm::fleet::kMaxAgentResponseBytes - 4096) {
        const Error tooLarge{
            ErrorCode::PayloadTooLarge,
            QStringLiteral("the content is too large for one edit (about %1 KiB at most); "
                           "upload the file instead")
                .arg((hm::fleet::kMaxAgentResponseBytes - 4096) / 1024),
            QJsonObject{{QStringLiteral("code"), QStringLiteral("TOO_LARGE")}}};
        m_actions.recordAudit(caller, client, action, tooLarge);
        return done(tooLarge);
    }
    call(caller, client, std::move(action),
         [target, size, done = std::move(done)](Result<QJsonObject> outcome) {
             if (!outcome)
                 return done(outcome.error());
             QJsonArray entries;
             for (const QJsonValue &value : outcome->value(QStringLiteral("entries")).toArray())
                 if (value.isObject())
                     entries.append(sanitisedFileEntry(value.toObject()));
             done(QJsonObject{
                 {QStringLiteral("root"), target.root},
                 {QStringLiteral("path"), target.path},
                 {QStringLiteral("version"), outcome->value(QStringLiteral("version")).toString()},
                 {QStringLiteral("size"), size}});
         });
}

void FileOps::makeDirectory(const auth::Principal &caller, const auth::ClientInfo &client,
                            const QString &nodeId, const FileTarget &target, Done done)
{
    RemoteAction action = fileRemoteAction(nodeId, QStringLiteral("mkdir"), fileTargetArgs(target));
    fileAudit(action, QStringLiteral("NODE_DIRECTORY_CREATED"), target.root, target.path);
    call(caller, client, std::move(action),
         [target, done = std::move(done)](Result<QJsonObject> outcome) {
             if (!outcome)
                 return done(outcome.error());
             done(fileTargetArgs(target));
         });
}

void FileOps::rename(const auth::Principal &caller, const auth::ClientInfo &client,
                     const QString &nodeId, const FileTarget &from, const QString &to, Done done)
{
    RemoteAction action = fileRemoteAction(nodeId, QStringLiteral("rename"),
                                           {{QStringLiteral("root"), from.root},
                                            {QStringLiteral("from"), from.path},
                                            {QStringLiteral("to"), to}});
    fileAudit(action, QStringLiteral("NODE_FILE_RENAMED"), from.root, from.path,
              {{QStringLiteral("to"), to}});
    call(caller, client, std::move(action),
         [from, to, done = std::move(done)](Result<QJsonObject> outcome) {
             if (!outcome)
                 return done(outcome.error());
             done(QJsonObject{{QStringLiteral("root"), from.root},
                              {QStringLiteral("from"), from.path},
                              {QStringLiteral("to"), to}});
         });
}

void FileOps::remove(const auth::Principal &caller, const auth::ClientInfo &client,
                     const QString &nodeId, const FileTarget &target, bool recursive, Done done)
{
    QJsonObject args = fileTargetArgs(target);
    args.insert(QStringLiteral("recursive"), recursive);
    RemoteAction action = fileRemoteAction(nodeId, QStringLiteral("remove"), args);
    fileAudit(action, QStringLiteral("NODE_FILE_DELETED"), target.root, target.path,
              {{QStringLiteral("recursive"), recursive}});
    call(caller, client, std::move(action),
         [target, done = std::move(done)](Result<QJsonObject> outcome) {
             if (!outcome)
                 return done(outcome.error());
             QJsonObject out = fileTargetArgs(target);
             out.insert(QStringLiteral("deleted"), true);
             done(out);
         });
}

void FileOps::beginUpload(const auth::Principal &caller, const auth::ClientInfo &client,
                          const QString &nodeId, const FileTarget &target, qint64 size,
                          const QString &sha256, bool overwrite, const QString &resumeId, Done done)
{
    QJsonObject args = fileTargetArgs(target);
    args.insert(QStringLiteral("size"), size);
    args.insert(QStringLiteral("sha256"), sha256);
    args.insert(QStringLiteral("overwrite"), overwrite);
    if (!resumeId.isEmpty()) {
        // Resuming another user's upload is refused; an id nobody owns here
        // (the server restarted meanwhile) goes to whoever resumes it first.
        if (m_uploadOwners.contains(nodeId + u'/' + resumeId)) {
            if (Status owner = checkUploadOwner(caller, nodeId, resumeId); !owner) {
                QTimer::singleShot(
                    0, &m_actions.fleet(),
                    [done = std::move(done), error = owner.error()] { done(error); });
                return;
            }
        }
        args.insert(QStringLiteral("upload_id"), resumeId);
    }
    RemoteAction begin = fileRemoteAction(nodeId, QStringLiteral("upload_begin"), args);
    fileAudit(begin, QStringLiteral("NODE_FILE_UPLOAD_STARTED"), target.root, target.path,
              {{QStringLiteral("size"), size},
               {QStringLiteral("overwrite"), overwrite},
               {QStringLiteral("resumed"), !resumeId.isEmpty()}});
    call(caller, client, std::move(begin),
         uploadAnswer([this, nodeId, userId = caller.userId,
                       done = std::move(done)](Result<QJsonObject> begun) {
             if (begun) {
                 const QString id = begun->value(QStringLiteral("upload_id")).toString();
                 if (!id.isEmpty() && !m_uploadOwners.contains(nodeId + u'/' + id))
                     m_uploadOwners.insert(nodeId + u'/' + id, userId);
             }
             done(std::move(begun));
         }));
}

Status FileOps::checkUploadOwner(const auth::Principal &caller, const QString &nodeId,
                                 const QString &uploadId) const
{
    const auto owner = m_uploadOwners.constFind(nodeId + u'/' + uploadId);
    if (caller.role == auth::Role::Admin ||
        (owner != m_uploadOwners.constEnd() && owner.value() == caller.userId))
        return {};
    return Error{ErrorCode::ResourceNotFound, QStringLiteral("no such upload"),
                 QJsonObject{{QStringLiteral("code"), QStringLiteral("UPLOAD_NOT_FOUND")}}};
}

void FileOps::uploadChunk(const auth::Principal &caller, const auth::ClientInfo &client,
                          const QString &nodeId, const QString &uploadId, qint64 offset,
                          const QByteArray &bytes, Done done)
{
    if (Status owner = checkUploadOwner(caller, nodeId, uploadId); !owner) {
        QTimer::singleShot(0, &m_actions.fleet(),
                           [done = std::move(done), error = owner.error()] { done(error); });
        return;
    }
    call(caller, client,
         fileRemoteAction(nodeId, QStringLiteral("upload_chunk"),
                          {{QStringLiteral("upload_id"), uploadId},
                           {QStringLiteral("offset"), offset},
                           {QStringLiteral("data"), QString::fromLatin1(bytes.toBase64())}}),
         uploadAnswer(std::move(done)));
}

void FileOps::uploadStatus(const auth::Principal &caller, const auth::ClientInfo &client,
                           const QString &nodeId, const QString &uploadId, Done done)
{
    if (Status owner = checkUploadOwner(caller, nodeId, uploadId); !owner) {
        QTimer::singleShot(0, &m_actions.fleet(),
                           [done = std::move(done), error = owner.error()] { done(error); });
        return;
    }
    call(caller, client,
         fileRemoteAction(nodeId, QStringLiteral("upload_status"),
                          {{QStringLiteral("upload_id"), uploadId}}),
         uploadAnswer(std::move(done)));
}

void FileOps::finishUpload(const auth::Principal &caller, const auth::ClientInfo &client,
                           const QString &nodeId, const QString &uploadId, Done done)
{
    // The status first, unaudited: the audit entry names the file, which
    // only the agent knows by the upload's id.
    uploadStatus(caller, client, nodeId, uploadId,
                 [this, caller, client, nodeId, uploadId,
                  done = std::move(done)](Result<QJsonObject> status) mutable {
                     RemoteAction action =
                         fileRemoteAction(nodeId, QStringLiteral("upload_finish"),
                                          {{QStringLiteral("upload_id"), uploadId}});
                     const QJsonObject known = status ? status.value() : QJsonObject();
                     fileAudit(action, QStringLiteral("NODE_FILE_UPLOADED"),
                               known.value(QStringLiteral("root")).toString(),
                               known.value(QStringLiteral("path")).toString(),
                               {{QStringLiteral("upload_id"), uploadId},
                                {QStringLiteral("size"), known.value(QStringLiteral("size"))}});
                     if (!status) {
                         // Nothing to finish; the refusal is still recorded.
                         m_actions.recordAudit(caller, client, action, status.error());
                         return done(status.error());
                     }
                     call(caller, client, std::move(action),
                          uploadAnswer([this, key = QString(nodeId + u'/' + uploadId),
                                        done = std::move(done)](Result<QJsonObject> finished) {
                              if (finished)
                                  m_uploadOwners.remove(key);
                              done(std::move(finished));
                          }));
                 });
}

void FileOps::abortUpload(const auth::Principal &caller, const auth::ClientInfo &client,
                          const QString &nodeId, const QString &uploadId, Done done)
{
    if (Status owner = checkUploadOwner(caller, nodeId, uploadId); !owner) {
        QTimer::singleShot(0, &m_actions.fleet(),
                           [done = std::move(done), error = owner.error()] { done(error); });
        return;
    }
    RemoteAction abort = fileRemoteAction(nodeId, QStringLiteral("upload_abort"),
                                          {{QStringLiteral("upload_id"), uploadId}});
    abort.auditAction = QStringLiteral("NODE_FILE_UPLOAD_ABORTED");
    abort.auditTarget = uploadId;
    abort.auditDetails = {{QStringLiteral("upload_id"), uploadId}};
    call(caller, client, std::move(abort),
         uploadAnswer([this, key = QString(nodeId + u'/' + uploadId),
                       done = std::move(done)](Result<QJsonObject> aborted) {
             if (aborted)
                 m_uploadOwners.remove(key);
             done(std::move(aborted));
         }));
}

void FileOps::uploadWhole(const auth::Principal &caller, const auth::ClientInfo &client,
                          const QString &nodeId, const FileTarget &target, const QByteArray &bytes,
                          bool overwrite, Done done)
{
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    auto shared = std::make_shared<QByteArray>(bytes);
    // The request's principal was read from the store as it came in.
    const quint64 accessSeen = m_downloads.access().changes();
    beginUpload(caller, client, nodeId, target, bytes.size(), sha, overwrite, {},
                [this, caller, client, nodeId, shared, accessSeen,
                 done = std::move(done)](Result<QJsonObject> begun) mutable {
                    if (!begun)
                        return done(begun.error());
                    const QString id = begun->value(QStringLiteral("upload_id")).toString();
                    sendChunks(caller, client, nodeId, id, shared, 0, accessSeen, std::move(done));
                });
}

void FileOps::abortRevokedUpload(const auth::Principal &caller, const auth::ClientInfo &client,
                                 const QString &nodeId, const QString &uploadId)
{
    RemoteAction abort = fileRemoteAction(nodeId, QStringLiteral("upload_abort"),
                                          {{QStringLiteral("upload_id"), uploadId}});
    m_actions.fleet().calls().call(nodeId, abort.capability, abort.action, abort.args, this,
                                   [](const Result<QJsonObject> &) {});
    m_uploadOwners.remove(nodeId + u'/' + uploadId);
    abort.auditAction = QStringLiteral("NODE_FILE_UPLOAD_ABORTED");
    abort.auditTarget = uploadId;
    abort.auditDetails = {{QStringLiteral("upload_id"), uploadId}};
    m_actions.recordAudit(caller, client, abort, AccessWatch::revoked());
}

void FileOps::sendChunks(const auth::Principal &caller, const auth::ClientInfo &client,
                         const QString &nodeId, const QString &uploadId,
                         const std::shared_ptr<QByteArray> &bytes, qint64 offset,
                         quint64 accessSeen, Done done)
{
    AccessWatch &access = m_downloads.access();
    if (access.changes() != accessSeen && !caller.userId.isEmpty()) {
        accessSeen = access.changes();
        if (!access.stillAllowed(caller.userId, nodeId, QStringLiteral("files"))) {
            abortRevokedUpload(caller, client, nodeId, uploadId);
            return done(AccessWatch::revoked());
        }
    }
    if (offset >= bytes->size())
        return finishUpload(caller, client, nodeId, uploadId, std::move(done));
    const QByteArray chunk = bytes->mid(offset, kFileChunkBytes);
    uploadChunk(caller, client, nodeId, uploadId, offset, chunk,
                [this, caller, client, nodeId, uploadId, bytes, offset, size = chunk.size(),
                 accessSeen, done = std::move(done)](Result<QJsonObject> sent) mutable {
                    if (!sent) {
                        // Nothing will resume it: no partial file left behind.
                        abortUpload(caller, client, nodeId, uploadId,
                                    [](const Result<QJsonObject> &) {});
                        return done(sent.error());
                    }
                    sendChunks(caller, client, nodeId, uploadId, bytes, offset + size, accessSeen,
                               std::move(done));
                });
}

void FileOps::resolveAbsolute(const auth::Principal &caller, const auth::ClientInfo &client,
                              const QString &nodeId, const QString &absolute,
                              std::function<void(Result<FileTarget>)> done)
{
    roots(caller, client, nodeId, [absolute, done = std::move(done)](Result<QJsonObject> outcome) {
        if (!outcome)
            return done(outcome.error());
        done(mapAbsoluteFilePath(outcome->value(QStringLiteral("roots")).toArray(), absolute));
    });
}

} // namespace hm::server::remote
