#include "agent/FileHandlers.h"

#include "agent/ConfinedFiles.h"
#include "agent/RemoteDispatcher.h"
#include "common/Logging.h"
#include "fleet/AgentProtocol.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <memory>

namespace hm::agent {

namespace {

// Room left in a list answer for the envelope around the entries.
constexpr qsizetype kFileListBudget = fleet::kMaxAgentResponseBytes - 4096;
// Whole-number arguments: JSON numbers are doubles, exact up to 2^53.
constexpr double kFileMaxWholeNumber = 9007199254740992.0;

Error fileArgError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError, message,
                 QJsonObject{{QStringLiteral("field"), field}}};
}

// A string argument; `required` refuses a missing one, an empty one is
// left to ConfinedFiles (for paths "" is the root).
Result<QString> fileStringArg(const QJsonObject &args, const QString &field, bool required)
{
    const QJsonValue value = args.value(field);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return fileArgError(field, QStringLiteral("%1 is required").arg(field));
        return QString();
    }
    if (!value.isString())
        return fileArgError(field, QStringLiteral("%1 must be a string").arg(field));
    return value.toString();
}

Result<qint64> fileNumberArg(const QJsonObject &args, const QString &field, qint64 fallback,
                             bool required = false)
{
    const QJsonValue value = args.value(field);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return fileArgError(field, QStringLiteral("%1 is required").arg(field));
        return fallback;
    }
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number != std::floor(number) || number < 0 ||
        number > kFileMaxWholeNumber)
        return fileArgError(field,
                            QStringLiteral("%1 must be a whole number, 0 or more").arg(field));
    return qint64(number);
}

Result<bool> fileBoolArg(const QJsonObject &args, const QString &field)
{
    const QJsonValue value = args.value(field);
    if (value.isUndefined() || value.isNull())
        return false;
    if (!value.isBool())
        return fileArgError(field, QStringLiteral("%1 must be true or false").arg(field));
    return value.toBool();
}

Result<QByteArray> fileBase64Arg(const QJsonObject &args, const QString &field)
{
    auto text = fileStringArg(args, field, true);
    if (!text)
        return text.error();
    // Checked before decoding: the frame bounds it anyway, but a chunk must
    // stay one short call.
    if (text->size() > (kMaxFileChunkBytes + 2) / 3 * 4)
        return fileArgError(
            field,
            QStringLiteral("%1 holds more than %2 bytes").arg(field).arg(kMaxFileChunkBytes));
    auto decoded =
        QByteArray::fromBase64Encoding(text->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return fileArgError(field, QStringLiteral("%1 must be base64").arg(field));
    return std::move(*decoded);
}

QJsonObject fileEntryJson(const ConfinedFileEntry &entry)
{
    return {{QStringLiteral("name"), entry.name},
            {QStringLiteral("type"), confinedFileTypeName(entry.type)},
            {QStringLiteral("size"), entry.size},
            {QStringLiteral("mode"), qint64(entry.mode)},
            {QStringLiteral("mtime"),
             QDateTime::fromMSecsSinceEpoch(entry.mtimeMs, Qt::UTC).toString(Qt::ISODateWithMs)},
            {QStringLiteral("nlink"), entry.nlink}};
}

// What the handlers share: the confined access and, per upload in
// progress, the file it goes to (for the status and the server's audit).
struct FileHandlerState
{
    std::unique_ptr<ConfinedFiles> files; // null: no roots configured
    QList<FileRoot> roots;
    QHash<QString, QPair<QString, QString>> uploadTargets; // id -> (root, path)
};

using FileAction = std::function<Result<QJsonObject>(FileHandlerState &, const QJsonObject &)>;

// Runs `action` unless there are no roots.
RemoteDispatcher::Handler fileHandler(const std::shared_ptr<FileHandlerState> &state,
                                      FileAction action)
{
    return [state, action = std::move(action)](const QJsonObject &args,
                                               const RemoteDispatcher::Reply &reply) {
        if (!state->files)
            return reply(
                Error{ErrorCode::Forbidden,
                      QStringLiteral("no file roots configured on this agent "
                                     "(--files-root or files_roots)"),
                      QJsonObject{{QStringLiteral("code"), QStringLiteral("NO_FILE_ROOTS")}}});
        reply(action(*state, args));
    };
}

struct FileTarget
{
    QString root;
    QString path;
};

Result<FileTarget> fileTargetArgs(const QJsonObject &args, const QString &pathField)
{
    auto root = fileStringArg(args, QStringLiteral("root"), true);
    if (!root)
        return root.error();
    auto path = fileStringArg(args, pathField, pathField == u"path" ? false : true);
    if (!path)
        return path.error();
    return FileTarget{root.value(), path.value()};
}

QJsonObject fileUploadJson(const FileHandlerState &state, const ConfinedUploadStatus &status)
{
    QJsonObject out{{QStringLiteral("upload_id"), status.id},
                    {QStringLiteral("received"), status.received},
                    {QStringLiteral("size"), status.totalSize}};
    const auto target = state.uploadTargets.constFind(status.id);
    if (target != state.uploadTargets.constEnd()) {
        out.insert(QStringLiteral("root"), target->first);
        out.insert(QStringLiteral("path"), target->second);
    }
    return out;
}

Result<QJsonObject> fileList(FileHandlerState &state, const QJsonObject &args)
{
    auto target = fileTargetArgs(args, QStringLiteral("path"));
    if (!target)
        return target.error();
    auto listing = state.files->list(target->root, target->path);
    if (!listing)
        return listing.error();
    QJsonArray entries;
    qsizetype budget = kFileListBudget;
    bool truncated = listing->truncated;
    for (const ConfinedFileEntry &entry : std::as_const(listing->entries)) {
        const QJsonObject json = fileEntryJson(entry);
        // Measured exactly: names may need escapes in JSON.
        budget -= QJsonDocument(json).toJson(QJsonDocument::Compact).size() + 1;
        if (budget < 0) {
            truncated = true;
            break;
        }
        entries.append(json);
    }
    return QJsonObject{{QStringLiteral("entries"), entries},
                       {QStringLiteral("truncated"), truncated}};
}

Result<QJsonObject> fileStat(FileHandlerState &state, const QJsonObject &args)
{
    auto target = fileTargetArgs(args, QStringLiteral("path"));
    if (!target)
        return target.error();
    auto entry = state.files->stat(target->root, target->path);
    if (!entry)
        return entry.error();
    return QJsonObject{{QStringLiteral("entry"), fileEntryJson(entry.value())}};
}

Result<QJsonObject> fileRead(FileHandlerState &state, const QJsonObject &args)
{
    auto target = fileTargetArgs(args, QStringLiteral("path"));
    if (!target)
        return target.error();
    auto offset = fileNumberArg(args, QStringLiteral("offset"), 0);
    if (!offset)
        return offset.error();
    auto length = fileNumberArg(args, QStringLiteral("length"), kMaxFileChunkBytes);
    if (!length)
        return length.error();
    if (length.value() > kMaxFileChunkBytes)
        return fileArgError(QStringLiteral("length"),
                            QStringLiteral("length is at most %1").arg(kMaxFileChunkBytes));
    auto chunk = state.files->read(target->root, target->path, offset.value(), length.value());
    if (!chunk)
        return chunk.error();
    return QJsonObject{
        {QStringLiteral("data"), QString::fromLatin1(chunk->data.toBase64())},
        {QStringLiteral("offset"), chunk->offset},
        {QStringLiteral("size"), chunk->fileSize},
        {QStringLiteral("version"), chunk->version},
        {QStringLiteral("eof"), chunk->offset + chunk->data.size() >= chunk->fileSize}};
}

Result<QJsonObject> fileWrite(FileHandlerState &state, const QJsonObject &args)
{
    auto target = fileTargetArgs(args, QStringLiteral("path"));
    if (!target)
        return target.error();
    auto encoding = fileStringArg(args, QStringLiteral("encoding"), false);
    if (!encoding)
        return encoding.error();
    QByteArray bytes;
    if (encoding->isEmpty() || encoding.value() == u"utf8") {
        auto text = fileStringArg(args, QStringLiteral("content"), true);
        if (!text)
            return text.error();
        bytes = text->toUtf8();
    } else if (encoding.value() == u"base64") {
        // The frame bounds the content; no chunk limit for an edit.
        auto text = fileStringArg(args, QStringLiteral("content"), true);
        if (!text)
            return text.error();
        auto decoded = QByteArray::fromBase64Encoding(text->toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return fileArgError(QStringLiteral("content"),
                                QStringLiteral("content must be base64"));
        bytes = std::move(*decoded);
    } else {
        return fileArgError(QStringLiteral("encoding"),
                            QStringLiteral("encoding is utf8 or base64"));
    }
    auto expected = fileStringArg(args, QStringLiteral("expected_version"), false);
    if (!expected)
        return expected.error();
    auto version = state.files->writeText(target->root, target->path, bytes, expected.value());
    if (!version)
        return version.error();
    return QJsonObject{{QStringLiteral("version"), version.value()},
                       {QStringLiteral("size"), qint64(bytes.size())}};
}

Result<QJsonObject> fileMkdir(FileHandlerState &state, const QJsonObject &args)
{
    auto target = fileTargetArgs(args, QStringLiteral("path"));
    if (!target)
        return target.error();
    if (Status made = state.files->makeDirectory(target->root, target->path); !made)
        return made.error();
    return QJsonObject{};
}

Result<QJsonObject> fileRename(FileHandlerState &state, const QJsonObject &args)
{
    auto from = fileTargetArgs(args, QStringLiteral("from"));
    if (!from)
        return from.error();
    auto to = fileStringArg(args, QStringLiteral("to"), true);
    if (!to)
        return to.error();
    if (Status moved = state.files->rename(from->root, from->path, to.value()); !moved)
        return moved.error();
    return QJsonObject{};
}

Result<QJsonObject> fileRemove(FileHandlerState &state, const QJsonObject &args)
{
    auto target = fileTargetArgs(args, QStringLiteral("path"));
    if (!target)
        return target.error();
    auto recursive = fileBoolArg(args, QStringLiteral("recursive"));
    if (!recursive)
        return recursive.error();
    if (Status removed = state.files->remove(target->root, target->path, recursive.value());
        !removed)
        return removed.error();
    return QJsonObject{};
}

Result<QString> fileUploadIdArg(const QJsonObject &args)
{
    return fileStringArg(args, QStringLiteral("upload_id"), true);
}

Result<QJsonObject> fileUploadBegin(FileHandlerState &state, const QJsonObject &args)
{
    auto target = fileTargetArgs(args, QStringLiteral("path"));
    if (!target)
        return target.error();
    auto size = fileNumberArg(args, QStringLiteral("size"), 0, true);
    if (!size)
        return size.error();
    auto sha = fileStringArg(args, QStringLiteral("sha256"), true);
    if (!sha)
        return sha.error();
    auto overwrite = fileBoolArg(args, QStringLiteral("overwrite"));
    if (!overwrite)
        return overwrite.error();
    auto resume = fileStringArg(args, QStringLiteral("upload_id"), false);
    if (!resume)
        return resume.error();
    auto id = state.files->beginUpload(target->root, target->path, size.value(), sha.value(),
                                       overwrite.value(), resume.value());
    if (!id)
        return id.error();
    state.uploadTargets.insert(id.value(), {target->root, target->path});
    auto status = state.files->uploadStatus(id.value());
    if (!status)
        return status.error();
    return fileUploadJson(state, status.value());
}

Result<QJsonObject> fileUploadChunk(FileHandlerState &state, const QJsonObject &args)
{
    auto id = fileUploadIdArg(args);
    if (!id)
        return id.error();
    auto offset = fileNumberArg(args, QStringLiteral("offset"), 0, true);
    if (!offset)
        return offset.error();
    auto data = fileBase64Arg(args, QStringLiteral("data"));
    if (!data)
        return data.error();
    auto received = state.files->uploadChunk(id.value(), offset.value(), data.value());
    if (!received)
        return received.error();
    auto status = state.files->uploadStatus(id.value());
    if (!status)
        return status.error();
    return fileUploadJson(state, status.value());
}

Result<QJsonObject> fileUploadStatus(FileHandlerState &state, const QJsonObject &args)
{
    auto id = fileUploadIdArg(args);
    if (!id)
        return id.error();
    auto status = state.files->uploadStatus(id.value());
    if (!status)
        return status.error();
    return fileUploadJson(state, status.value());
}

Result<QJsonObject> fileUploadFinish(FileHandlerState &state, const QJsonObject &args)
{
    auto id = fileUploadIdArg(args);
    if (!id)
        return id.error();
    auto status = state.files->uploadStatus(id.value());
    if (!status)
        return status.error();
    QJsonObject out = fileUploadJson(state, status.value());
    out.remove(QStringLiteral("received"));
    const Status finished = state.files->finishUpload(id.value());
    // A checksum mismatch discards the upload: forget it either way unless
    // it is still open (a size not reached yet can be resumed).
    if (finished || !state.files->uploadStatus(id.value()))
        state.uploadTargets.remove(id.value());
    if (!finished)
        return finished.error();
    return out;
}

Result<QJsonObject> fileUploadAbort(FileHandlerState &state, const QJsonObject &args)
{
    auto id = fileUploadIdArg(args);
    if (!id)
        return id.error();
    if (Status aborted = state.files->abortUpload(id.value()); !aborted)
        return aborted.error();
    state.uploadTargets.remove(id.value());
    return QJsonObject{{QStringLiteral("upload_id"), id.value()}};
}

} // namespace

void addFileHandlers(RemoteDispatcher &dispatcher, const QList<FileRoot> &roots)
{
    auto state = std::make_shared<FileHandlerState>();
    state->roots = roots;
    // What an operator checks first when file requests are refused.
    if (dispatcher.granted().contains(QStringLiteral("files"))) {
        QStringList shown;
        for (const FileRoot &root : roots)
            shown.append(root.readOnly ? root.path + QStringLiteral(" (read only)") : root.path);
        if (shown.isEmpty())
            qCWarning(lcAgent) << "files is granted but no --files-root is configured: every "
                                  "file request will be refused";
        else
            qCInfo(lcAgent).noquote() << QStringLiteral("file roots: %1").arg(shown.join(u", "));
    }
    if (!roots.isEmpty()) {
        ConfinedFilesLimits limits;
        limits.maxReadChunk = kMaxFileChunkBytes;
        state->files = std::make_unique<ConfinedFiles>(roots, limits);
    }
    const QString files = QStringLiteral("files");
    dispatcher.addHandler(
        files, QStringLiteral("roots"),
        fileHandler(state, [](FileHandlerState &s, const QJsonObject &) {
            QJsonArray out;
            for (const FileRoot &root : std::as_const(s.roots))
                out.append(QJsonObject{{QStringLiteral("path"), root.path},
                                       {QStringLiteral("read_only"), root.readOnly}});
            return Result<QJsonObject>(QJsonObject{{QStringLiteral("roots"), out}});
        }));
    const std::pair<const char *, FileAction> actions[] = {
        {"list", fileList},
        {"stat", fileStat},
        {"read", fileRead},
        {"write", fileWrite},
        {"mkdir", fileMkdir},
        {"rename", fileRename},
        {"remove", fileRemove},
        {"upload_begin", fileUploadBegin},
        {"upload_chunk", fileUploadChunk},
        {"upload_status", fileUploadStatus},
        {"upload_finish", fileUploadFinish},
        {"upload_abort", fileUploadAbort},
    };
    for (const auto &[name, action] : actions)
        dispatcher.addHandler(files, QString::fromLatin1(name), fileHandler(state, action));
}

} // namespace hm::agent
