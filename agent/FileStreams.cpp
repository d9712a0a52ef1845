#include "agent/FileStreams.h"

#include "agent/ConfinedFiles.h"
#include "common/Logging.h"
#include "fleet/FileDataPath.h"
#include "fleet/StreamFrame.h"

#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace hm::agent {

namespace {

Error streamArgError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError, message,
                 QJsonObject{{QStringLiteral("field"), field}}};
}

Result<qint64> wholeArg(const QJsonObject &args, const QString &field, bool required)
{
    const QJsonValue value = args.value(field);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return streamArgError(field, QStringLiteral("%1 is required").arg(field));
        return 0;
    }
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number != std::floor(number) || number < 0 ||
        number > 9007199254740992.0)
        return streamArgError(field,
                              QStringLiteral("%1 must be a whole number, 0 or more").arg(field));
    return qint64(number);
}

} // namespace

struct FileStreams::ReadResult
{
    Result<ConfinedChunk> chunk = Error{ErrorCode::InternalError, QString()};
};

FileStreams::FileStreams(QList<FileRoot> roots, SendFrame send, QObject *parent)
    : QObject(parent), m_roots(std::move(roots)), m_send(std::move(send))
{
    m_pool.setMaxThreadCount(2);
    m_senders.setMaxThreadCount(kMaxStreams);
}

FileStreams::~FileStreams()
{
    m_streams.clear(); // cancels the senders
    m_senders.waitForDone();
    m_pool.waitForDone();
}

void FileStreams::setDataConnections(const QUrl &server, const QString &nodeId)
{
    const bool plain = server.scheme() == QLatin1String("http") && !server.host().isEmpty();
    m_dataServer = plain && FileDataSender::available() ? server : QUrl();
    m_nodeId = nodeId;
    if (m_dataServer.isValid() && !m_dataPathLogged) {
        m_dataPathLogged = true;
        const fleet::FileDataPathChoice &path = fleet::fileDataPathChoice();
        if (!path.warning.isEmpty())
            qCWarning(lcAgent).noquote() << path.warning;
        qCInfo(lcAgent).noquote() << QStringLiteral("file downloads are sent by %1 (%2)")
                                         .arg(fleet::fileDataPathName(path.path), path.reason);
    }
}

void FileStreams::addHandlers(RemoteDispatcher &dispatcher)
{
    const QString files = QStringLiteral("files");
    dispatcher.addHandler(files, QStringLiteral("stream_open"),
                          [this](const QJsonObject &args, const RemoteDispatcher::Reply &reply) {
                              open(args, reply);
                          });
    dispatcher.addHandler(
        files, QStringLiteral("stream_close"),
        [this](const QJsonObject &args, const RemoteDispatcher::Reply &reply) {
            auto channel = wholeArg(args, QStringLiteral("channel"), true);
            if (!channel)
                return reply(channel.error());
            const auto it = m_streams.find(quint32(channel.value()));
            const bool found = it != m_streams.end() && it->second.size >= 0;
            if (found) {
                qCInfo(lcAgent).noquote()
                    << QStringLiteral("file stream %1 closed by the server after %2 of %3 bytes")
                           .arg(it->first)
                           .arg(it->second.sent)
                           .arg(it->second.size);
                m_streams.erase(it); // a read in flight finds it gone
            }
            reply(QJsonObject{{QStringLiteral("closed"), found}});
        });
}

void FileStreams::open(const QJsonObject &args, const RemoteDispatcher::Reply &reply)
{
    if (m_roots.isEmpty())
        return reply(Error{ErrorCode::Forbidden,
                           QStringLiteral("no file roots configured on this agent "
                                          "(--files-root or files_roots)"),
                           QJsonObject{{QStringLiteral("code"), QStringLiteral("NO_FILE_ROOTS")}}});
    const QJsonValue root = args.value(QStringLiteral("root"));
    if (!root.isString())
        return reply(streamArgError(QStringLiteral("root"), QStringLiteral("root is required")));
    const QJsonValue path = args.value(QStringLiteral("path"));
    if (!path.isUndefined() && !path.isNull() && !path.isString())
        return reply(streamArgError(QStringLiteral("path"), QStringLiteral("path must be a string")));
    auto offset = wholeArg(args, QStringLiteral("offset"), false);
    if (!offset)
        return reply(offset.error());
    if (int(m_streams.size()) >= kMaxStreams)
        return reply(Error{ErrorCode::RateLimitExceeded,
                           QStringLiteral("%1 file streams are open already").arg(kMaxStreams)});
    const quint32 channel = fleet::kFileStreamChannelBit | m_nextChannel;
    // Below 0x40000000: channels with both top bits are Docker logs'
    // (fleet/DockerLogStream.h).
    m_nextChannel = m_nextChannel % 0x3fffffffu + 1;
    ConfinedFilesLimits limits;
    limits.maxReadChunk = kReadBytes;
    // Versions by metadata (size, mtime, ctime, inode) for every size: a
    // content hash per read would cost more than the read.
    limits.maxEditableSize = -1;
    Stream s;
    s.files = std::make_shared<ConfinedFiles>(m_roots, limits);
    s.root = root.toString();
    s.path = path.toString();
    s.nextRead = s.sent = offset.value();
    s.openReply = reply;
    const QJsonValue token = args.value(QStringLiteral("data_token"));
    if (token.isString() && !token.toString().isEmpty() && m_dataServer.isValid())
        s.dataToken = token.toString();
    auto [it, inserted] = m_streams.emplace(channel, std::move(s));
    Q_UNUSED(inserted);
    startRead(channel, it->second);
}

void FileStreams::startRead(quint32 channel, Stream &s)
{
    s.reading = true;
    auto result = std::make_shared<ReadResult>();
    // The open of a data connection's stream reads nothing: it checks the
    // file and learns its size and version.
    const qint64 length = s.size < 0 && !s.dataToken.isEmpty() ? 0 : kReadBytes;
    m_pool.start([this, channel, result, files = s.files, root = s.root, path = s.path,
                  offset = s.nextRead, length] {
        result->chunk = files->read(root, path, offset, length);
        QMetaObject::invokeMethod(
            this, [this, channel, result] { onRead(channel, result); }, Qt::QueuedConnection);
    });
}

void FileStreams::onRead(quint32 channel, const std::shared_ptr<ReadResult> &result)
{
    const auto it = m_streams.find(channel);
    if (it == m_streams.end())
        return; // closed meanwhile
    Stream &s = it->second;
    s.reading = false;
    Result<ConfinedChunk> &chunk = result->chunk;
    if (s.size < 0) {
        // The first read answers the open: refusals (confinement, not
        // found, a directory, BAD_OFFSET) come back as they are.
        const RemoteDispatcher::Reply reply = std::move(s.openReply);
        if (!chunk) {
            m_streams.erase(it);
            return reply(chunk.error());
        }
        s.size = chunk->fileSize;
        s.version = chunk->version;
        if (!s.dataToken.isEmpty() && s.nextRead < s.size) {
            s.openReply = reply; // answered once the data connection is there
            return startData(channel, s);
        }
        s.dataToken.clear();
        reply(QJsonObject{{QStringLiteral("channel"), qint64(channel)},
                          {QStringLiteral("size"), s.size},
                          {QStringLiteral("version"), s.version}});
    } else if (!chunk) {
        return end(channel, fleet::kFileStreamFailed, chunk.error().message);
    } else if (chunk->fileSize != s.size || chunk->version != s.version) {
        return end(channel, fleet::kFileStreamChanged,
                   QStringLiteral("the file changed while it was streamed"));
    }
    if (chunk->data.isEmpty() && s.nextRead < s.size)
        return end(channel, fleet::kFileStreamChanged, QStringLiteral("the file shrank"));
    s.nextRead += chunk->data.size();
    if (s.readyAt >= s.ready.size()) {
        s.ready = std::move(chunk->data);
        s.readyAt = 0;
    } else {
        s.ready = s.ready.sliced(s.readyAt) + chunk->data;
        s.readyAt = 0;
    }
    pump(channel);
}

void FileStreams::pump(quint32 channel)
{
    const auto it = m_streams.find(channel);
    // A data connection's stream has no frames to send.
    if (it == m_streams.end() || it->second.size < 0 || it->second.data)
        return;
    Stream &s = it->second;
    while (s.readyAt < s.ready.size() && s.unacked < fleet::kFileStreamWindow) {
        const qsizetype n = std::min({fleet::kMaxFileStreamPayload, s.ready.size() - s.readyAt,
                                      qsizetype(fleet::kFileStreamWindow - s.unacked)});
        m_send(fleet::serialize(fleet::streamData(channel, s.ready.sliced(s.readyAt, n))));
        s.readyAt += n;
        s.sent += n;
        s.unacked += n;
    }
    if (s.readyAt >= s.ready.size()) {
        s.ready.clear();
        s.readyAt = 0;
    }
    if (s.sent >= s.size) {
        m_send(fleet::serialize(fleet::streamEnd(channel, fleet::kFileStreamComplete, 0)));
        m_streams.erase(it);
        return;
    }
    // Reads stay at most one chunk ahead of what waits to be sent.
    if (!s.reading && s.nextRead < s.size && s.ready.size() - s.readyAt < kReadBytes)
        startRead(channel, s);
}

void FileStreams::end(quint32 channel, qint32 code, const QString &why)
{
    const auto it = m_streams.find(channel);
    if (it == m_streams.end())
        return;
    qCWarning(lcAgent).noquote() << QStringLiteral("file stream %1 (%2/%3) ended after %4 bytes: %5")
                                        .arg(channel)
                                        .arg(it->second.root, it->second.path)
                                        .arg(it->second.sent)
                                        .arg(why);
    m_send(fleet::serialize(fleet::streamEnd(channel, code, 0)));
    m_streams.erase(it);
}

void FileStreams::startData(quint32 channel, Stream &s)
{
    auto sender = std::make_shared<FileDataSender>(
        FileDataTarget{m_dataServer, m_nodeId, std::exchange(s.dataToken, QString())});
    s.data = std::make_unique<DataLink>();
    s.data->sender = sender;
    m_senders.start([this, channel, sender, files = s.files, root = s.root, path = s.path,
                     offset = s.nextRead, version = s.version] {
        const Status connected = sender->connect();
        QMetaObject::invokeMethod(
            this, [this, channel, connected] { onDataConnected(channel, connected); },
            Qt::QueuedConnection);
        if (!connected)
            return;
        // The file as it is now: confined again, and the same version as
        // the open's answer promised.
        QString why;
        qint32 code = hm::fleet::kFileStreamComplete;
        auto file = files->openForStreaming(root, path);
        if (!file) {
            code = hm::fleet::kFileStreamFailed;
            why = file.error().message;
        } else if (file.value()->version() != version) {
            code = hm::fleet::kFileStreamChanged;
            why = QStringLiteral("the file changed while it was streamed");
        } else {
            code = sender->send(*file.value(), offset, version, &why);
        }
        QMetaObject::invokeMethod(
            this, [this, channel, code, why] { onDataSent(channel, code, why); },
            Qt::QueuedConnection);
    });
}

void FileStreams::onDataConnected(quint32 channel, const Status &connected)
{
    const auto it = m_streams.find(channel);
    if (it == m_streams.end())
        return; // closed meanwhile (its sender was cancelled)
    Stream &s = it->second;
    const RemoteDispatcher::Reply reply = std::move(s.openReply);
    QJsonObject answer{{QStringLiteral("channel"), qint64(channel)},
                       {QStringLiteral("size"), s.size},
                       {QStringLiteral("version"), s.version}};
    if (connected) {
        answer.insert(QStringLiteral("data"), true);
        return reply(answer);
    }
    // Frames instead (a proxy that knows no such upgrade, say).
    qCWarning(lcAgent).noquote() << QStringLiteral("file stream %1: no data connection (%2); "
                                                   "sending frames")
                                        .arg(channel)
                                        .arg(connected.error().message);
    s.data.reset();
    reply(answer);
    pump(channel);
}

void FileStreams::onDataSent(quint32 channel, qint32 code, const QString &why)
{
    const auto it = m_streams.find(channel);
    if (it == m_streams.end() || !it->second.data)
        return;
    it->second.sent = it->second.data->sender->sent() + it->second.nextRead;
    if (code != hm::fleet::kFileStreamComplete)
        return end(channel, code, why);
    m_send(fleet::serialize(fleet::streamEnd(channel, fleet::kFileStreamComplete, 0)));
    m_streams.erase(it);
}

void FileStreams::onFrame(const QByteArray &bytes)
{
    if (bytes.size() < 5 || !(quint8(bytes.at(1)) & 0x80))
        return; // a terminal's channel
    auto frame = fleet::parseStreamFrame(bytes);
    if (!frame || frame->kind != fleet::StreamFrame::Kind::Credit)
        return;
    const auto it = m_streams.find(frame->channel);
    if (it == m_streams.end())
        return;
    it->second.unacked = std::max<qint64>(0, it->second.unacked - frame->credit);
    pump(frame->channel);
}

void FileStreams::closeAll()
{
    m_streams.clear();
}

} // namespace hm::agent
