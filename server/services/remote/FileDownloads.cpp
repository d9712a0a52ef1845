#include "server/services/remote/FileDownloads.h"

#include "common/Logging.h"
#include "fleet/StreamFrame.h"
#include "server/http/HttpStream.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/remote/ByteRelay.h"
#include "server/services/remote/FileOps.h"

#include <QPointer>
#include <QTimer>
#include <cmath>

namespace hm::server::remote {

namespace {

// How long a download whose data connection ended short waits for the
// agent's end frame, which says why (CONFLICT, IO_ERROR), before it is
// audited as a broken connection.
constexpr int kEndFrameWaitMs = 5000;

Error fileStreamEndError(qint32 code, const QString &path)
{
    if (code == hm::fleet::kFileStreamChanged)
        return Error{ErrorCode::Conflict,
                     QStringLiteral("%1 changed while it was downloaded").arg(path),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("CONFLICT")}}};
    return Error{ErrorCode::IoError, QStringLiteral("reading %1 failed on the node").arg(path),
                 QJsonObject{{QStringLiteral("code"), QStringLiteral("IO_ERROR")}}};
}

} // namespace

// One download: the agent's frames in, the HTTP stream out.
class FileDownloads::Transfer : public QObject
{
public:
    Transfer(FileDownloads &owner, const auth::Principal &caller, const auth::ClientInfo &client,
             const QString &nodeId, const FileTarget &target, quint32 channel, qint64 size,
             qint64 offset, quint64 dataStream)
        : QObject(&owner), m_owner(owner), m_caller(caller), m_client(client), m_nodeId(nodeId),
          m_target(target), m_channel(channel), m_size(size), m_offset(offset),
          m_dataStream(dataStream)
    {}

    ~Transfer() override
    {
        stopRelay();
        closeDescriptor(std::exchange(m_dataDescriptor, -1));
    }

    quint64 dataStream() const { return m_dataStream; }

    // The agent's data connection (data mode): relayed once attached.
    void onDataConnection(int descriptor)
    {
        if (m_dataDescriptor >= 0 || m_relay || m_audited) {
            closeDescriptor(descriptor);
            return;
        }
        m_dataDescriptor = descriptor;
        startRelay();
    }

    void attach(http::HttpStream *stream)
    {
        if (m_attached)
            return;
        m_attached = true;
        if (m_revoked) {
            if (stream)
                stream->abort();
            return;
        }
        if (stream && !stream->isOpen() && m_size == m_offset)
            return succeed(); // an empty file: the head was all of it
        if (!stream || !stream->isOpen()) {
            // HEAD, or the client left before the answer.
            return stopAgent(Error{ErrorCode::NetworkError,
                                   QStringLiteral("the client took no body")});
        }
        m_stream = stream;
        connect(stream, &http::HttpStream::drained, this, [this] {
            if (m_dataStream)
                startRelay(); // the head may have waited in the socket
            else
                credit();
        });
        connect(stream, &http::HttpStream::finished, this, [this] { succeed(); });
        connect(stream, &http::HttpStream::cancelled, this, [this] {
            stopAgent(Error{ErrorCode::NetworkError,
                            QStringLiteral("the client disconnected after %1 of %2 bytes")
                                .arg(m_written)
                                .arg(m_size - m_offset)});
        });
        const QList<QByteArray> early = std::exchange(m_early, {});
        for (const QByteArray &piece : early)
            pass(piece);
        if (m_dataStream)
            startRelay();
        if (m_agentEnd >= 0)
            onEnd(m_agentEnd);
    }

    void onData(const QByteArray &bytes)
    {
        if (m_dataStream) {
            qCWarning(lcServer).noquote()
                << "file download: node" << m_nodeId << "sent frames for a data connection";
            return fail(Error{ErrorCode::InternalError,
                              QStringLiteral("the agent sent frames for a data connection")},
                        true);
        }
        m_received += bytes.size();
        // Past the window or past the file: an agent that ignores flow
        // control would grow us without bound.
        if (m_received - m_credited > hm::fleet::kFileStreamWindow ||
            m_received > m_size - m_offset) {
            qCWarning(lcServer).noquote()
                << "file download: node" << m_nodeId << "sent past its window; aborting";
            return fail(Error{ErrorCode::InternalError,
                              QStringLiteral("the agent sent more than it was allowed")},
                        true);
        }
        if (!m_attached) {
            m_early.append(bytes);
            return;
        }
        pass(bytes);
    }

    void onEnd(qint32 code)
    {
        m_agentEnd = code;
        if (!m_attached)
            return;
        if (m_dataStream) {
            // Complete: the relay counts the bytes and completes the
            // answer. Otherwise the file cannot arrive whole, whatever the
            // relay still holds.
            if (code != hm::fleet::kFileStreamComplete || m_relayEnded)
                fail(code == hm::fleet::kFileStreamComplete
                         ? dataShortError()
                         : fileStreamEndError(code, m_target.path),
                     false);
            return;
        }
        if (code == hm::fleet::kFileStreamComplete) {
            // The stream completes with the last byte; fewer bytes than
            // promised mean the file shrank between the open and the end.
            if (m_received < m_size - m_offset)
                fail(Error{ErrorCode::Conflict,
                           QStringLiteral("%1 changed while it was downloaded").arg(m_target.path),
                           QJsonObject{{QStringLiteral("code"), QStringLiteral("CONFLICT")}}},
                     false);
            return;
        }
        if (code == hm::fleet::kFileStreamChanged)
            return fail(Error{ErrorCode::Conflict,
                              QStringLiteral("%1 changed while it was downloaded")
                                  .arg(m_target.path),
                              QJsonObject{{QStringLiteral("code"), QStringLiteral("CONFLICT")}}},
                        false);
        fail(Error{ErrorCode::IoError,
                   QStringLiteral("reading %1 failed on the node").arg(m_target.path),
                   QJsonObject{{QStringLiteral("code"), QStringLiteral("IO_ERROR")}}},
             false);
    }

    void onLinkLost()
    {
        stopRelay();
        fail(Error{ErrorCode::NodeOffline,
                   QStringLiteral("the node's agent disconnected during the download")},
             false);
    }

    quint32 channel() const { return m_channel; }
    const QString &nodeId() const { return m_nodeId; }
    const QString &userId() const { return m_caller.userId; }

    // The user may no longer download from the node: cut short now.
    void revoke()
    {
        if (m_audited)
            return;
        m_revoked = true; // an attach still to come closes its stream at once
        fail(AccessWatch::revoked(), true);
    }

private:
    void pass(const QByteArray &bytes)
    {
        if (!m_stream)
            return;
        // Counted first: the last byte completes the stream, whose
        // finished() writes the audit entry with `sent`.
        m_written += bytes.size();
        m_owed += bytes.size();
        m_stream->write(bytes);
        credit();
    }

    // Credits what went to the client's socket while it takes more.
    void credit()
    {
        if (!m_stream || !m_stream->wantsMore() || m_agentEnd >= 0)
            return;
        while (m_owed > 0) {
            const auto piece = quint32(qMin<qint64>(m_owed, hm::fleet::kStreamWindow));
            m_owner.m_actions.fleet().calls().sendStream(
                m_nodeId, hm::fleet::serialize(hm::fleet::streamCredit(m_channel, piece)));
            m_owed -= piece;
            m_credited += piece;
        }
    }

    void succeed()
    {
        audit(Status());
        m_owner.forget(this);
    }

    // Data mode: relay the agent's connection into the client's once both
    // are there and the head has left.
    void startRelay()
    {
        if (m_relay || m_relayEnded || m_dataDescriptor < 0 || !m_stream || !m_stream->isOpen())
            return;
        const int sink = m_stream->duplicateDescriptor();
        if (sink < 0)
            return; // bytes still queued: drained() comes back here
        m_relay = makeSocketRelay(std::exchange(m_dataDescriptor, -1), sink, m_size - m_offset);
        if (!m_relay)
            return fail(
                Error{ErrorCode::InternalError, QStringLiteral("no relay for the data connection")},
                true);
        connect(m_relay.get(), &ByteRelay::progressed, this, [this](qint64 bytes) {
            m_written += bytes;
            if (m_stream)
                m_stream->wroteDirectly(bytes); // the last byte completes: succeed()
        });
        connect(m_relay.get(), &ByteRelay::ended, this,
                [this](qint64, const QString &error) { onRelayEnded(error); });
        m_relay->start();
    }

    void onRelayEnded(const QString &error)
    {
        m_relayEnded = true;
        if (m_audited || error.isEmpty())
            return; // complete: finished() audited it
        qCInfo(lcServer).noquote() << "file download from node" << m_nodeId << ":" << error;
        // The client cannot get the whole file: it hears so now; the audit
        // says why once the agent's end frame tells (or it does not come).
        m_shortReason = error;
        if (m_stream)
            m_stream->abort();
        m_stream = nullptr;
        if (m_agentEnd >= 0 && m_agentEnd != hm::fleet::kFileStreamComplete)
            return fail(fileStreamEndError(m_agentEnd, m_target.path), false);
        if (m_agentEnd >= 0)
            return fail(dataShortError(), false);
        QTimer::singleShot(kEndFrameWaitMs, this, [this] { fail(dataShortError(), true); });
    }

    Error dataShortError() const
    {
        return Error{ErrorCode::IoError,
                     m_shortReason.isEmpty() ? QStringLiteral("the data connection ended short")
                                             : m_shortReason,
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("IO_ERROR")}}};
    }

    void stopRelay()
    {
        if (!m_relay)
            return;
        m_relay->disconnect(this);
        m_written = qMax(m_written, m_relay->moved()); // for the audit's `sent`
        m_relay->stop();
        // Possibly inside one of its own signals: deleted once back in the
        // event loop.
        m_relay.release()->deleteLater();
    }

    // Headers are out: only closing the connection tells the client.
    void fail(const Error &error, bool stopTheAgent)
    {
        if (m_audited)
            return;
        stopRelay();
        if (m_stream)
            m_stream->abort();
        m_stream = nullptr;
        if (stopTheAgent)
            return stopAgent(error);
        audit(error);
        m_owner.forget(this);
    }

public:
    // Tells the agent to stop (unless it ended), audits `why`, and goes.
    void stopAgent(const Error &why)
    {
        stopRelay();
        if (m_agentEnd < 0) {
            RemoteAction close;
            close.nodeId = m_nodeId;
            close.capability = QStringLiteral("files");
            close.action = QStringLiteral("stream_close");
            close.args = {{QStringLiteral("channel"), qint64(m_channel)}};
            m_owner.m_actions.fleet().calls().call(m_nodeId, close.capability, close.action,
                                                    close.args, &m_owner,
                                                    [](Result<QJsonObject>) {});
        }
        audit(why);
        m_owner.forget(this);
    }

private:
    void audit(const Status &outcome)
    {
        if (m_audited)
            return;
        m_audited = true;
        RemoteAction action;
        action.nodeId = m_nodeId;
        action.capability = QStringLiteral("files");
        action.action = QStringLiteral("stream_open");
        action.auditAction = QStringLiteral("NODE_FILE_DOWNLOADED");
        action.auditTarget =
            m_target.path.isEmpty() ? m_target.root : m_target.root + u'/' + m_target.path;
        action.auditDetails = {{QStringLiteral("root"), m_target.root},
                               {QStringLiteral("path"), m_target.path},
                               {QStringLiteral("via"), QStringLiteral("download")},
                               {QStringLiteral("size"), m_size},
                               {QStringLiteral("offset"), m_offset},
                               {QStringLiteral("sent"), m_written}};
        m_owner.m_actions.recordAudit(m_caller, m_client, action, outcome);
    }

    FileDownloads &m_owner;
    auth::Principal m_caller;
    auth::ClientInfo m_client;
    QString m_nodeId;
    FileTarget m_target;
    quint32 m_channel;
    qint64 m_size;
    qint64 m_offset;
    QPointer<http::HttpStream> m_stream;
    QList<QByteArray> m_early; // before attach (bounded by the window)
    bool m_attached = false;
    bool m_audited = false;
    bool m_revoked = false;
    qint32 m_agentEnd = -1;
    qint64 m_received = 0;
    qint64 m_credited = 0;
    qint64 m_written = 0;
    qint64 m_owed = 0; // written to the client, not yet credited
    // Data mode (the stream's token id; 0: frames).
    quint64 m_dataStream = 0;
    int m_dataDescriptor = -1; // the agent's connection until the relay takes it
    std::unique_ptr<ByteRelay> m_relay;
    bool m_relayEnded = false;
    QString m_shortReason;
};

FileDownloads::FileDownloads(NodeActions &actions, QObject *parent)
    : QObject(parent), m_actions(actions), m_access(actions.db(), actions)
{
    fleet::AgentCalls &calls = actions.fleet().calls();
    connect(&calls, &fleet::AgentCalls::streamReceived, this, &FileDownloads::onAgentStream);
    connect(&calls, &fleet::AgentCalls::linkLost, this, &FileDownloads::onLinkLost);
    connect(&m_access, &AccessWatch::mayHaveChanged, this, &FileDownloads::revalidate);
    if (socketRelaysAvailable()) {
        const hm::fleet::FileDataPathChoice &path = hm::fleet::fileDataPathChoice();
        if (!path.warning.isEmpty())
            qCWarning(lcServer).noquote() << path.warning;
        qCInfo(lcServer).noquote() << QStringLiteral("file downloads are relayed by %1 (%2)")
                                          .arg(hm::fleet::fileDataPathName(path.path), path.reason);
    }
}

FileDownloads::~FileDownloads()
{
    for (const int descriptor : std::as_const(m_parkedData))
        closeDescriptor(descriptor);
}

void FileDownloads::open(const auth::Principal &caller, const auth::ClientInfo &client,
                         const QString &nodeId, const FileTarget &target, qint64 offset,
                         std::function<void(Result<Opened>)> done, bool plainClient)
{
    RemoteAction action;
    action.nodeId = nodeId;
    action.capability = QStringLiteral("files");
    action.action = QStringLiteral("stream_open");
    action.args = {{QStringLiteral("root"), target.root},
                   {QStringLiteral("path"), target.path},
                   {QStringLiteral("offset"), offset}};
    RemoteAction audit = action;
    audit.auditAction = QStringLiteral("NODE_FILE_DOWNLOADED");
    audit.auditTarget = target.path.isEmpty() ? target.root : target.root + u'/' + target.path;
    audit.auditDetails = {{QStringLiteral("root"), target.root},
                          {QStringLiteral("path"), target.path},
                          {QStringLiteral("via"), QStringLiteral("download")},
                          {QStringLiteral("offset"), offset}};
    // The token goes in the request only, never in the audit's copy.
    quint64 dataStream = 0;
    if (plainClient && socketRelaysAvailable()) {
        dataStream = m_nextStreamId++;
        m_opening.insert(dataStream);
        action.args.insert(QStringLiteral("data_token"), m_tokens.issue(nodeId, dataStream));
    }
    const quint64 changesAtOpen = m_access.changes();
    m_actions.run(
        caller, client, action, this,
        [this, caller, client, nodeId, target, offset, audit, dataStream, changesAtOpen,
         done = std::move(done)](Result<QJsonObject> outcome) {
            m_opening.remove(dataStream);
            // The agent says whether it took the data connection.
            const bool data =
                dataStream && outcome && outcome->value(QStringLiteral("data")).toBool();
            if (!data)
                dropData(dataStream);
            if (!outcome) {
                m_actions.recordAudit(caller, client, audit, outcome.error());
                return done(outcome.error());
            }
            const double channelNumber = outcome->value(QStringLiteral("channel")).toDouble(-1);
            const double sizeNumber = outcome->value(QStringLiteral("size")).toDouble(-1);
            const auto channel = quint32(channelNumber);
            if (channelNumber != std::floor(channelNumber) || channelNumber <= 0 ||
                channelNumber > 4294967295.0 || !(channel & hm::fleet::kFileStreamChannelBit) ||
                sizeNumber < 0 || sizeNumber != std::floor(sizeNumber) ||
                m_active.contains(nodeId, channel)) {
                const Error bad{ErrorCode::InternalError,
                                QStringLiteral("the agent's answer to stream_open is malformed")};
                dropData(dataStream);
                m_actions.recordAudit(caller, client, audit, bad);
                return done(bad);
            }
            const auto size = qint64(sizeNumber);
            auto *transfer = new Transfer(*this, caller, client, nodeId, target, channel, size,
                                          offset, data ? dataStream : 0);
            m_active.insert(transfer);
            if (data) {
                m_byStream.insert(dataStream, transfer);
                m_tokens.revoke(dataStream);
                if (m_parkedData.contains(dataStream))
                    transfer->onDataConnection(m_parkedData.take(dataStream));
            }
            // Access may have gone while the agent was asked.
            if (m_access.changes() != changesAtOpen && !caller.userId.isEmpty() &&
                !m_access.stillAllowed(caller.userId, nodeId, QStringLiteral("files"))) {
                transfer->revoke();
                return done(AccessWatch::revoked());
            }
            if (offset > 0 && offset >= size) {
                const Error beyond{
                    ErrorCode::ValidationError,
                    QStringLiteral("the range starts at %1, the file has %2 bytes")
                        .arg(offset)
                        .arg(size),
                    QJsonObject{{QStringLiteral("code"), QStringLiteral("RANGE_NOT_SATISFIABLE")},
                                {QStringLiteral("size"), size}}};
                transfer->stopAgent(beyond);
                return done(beyond);
            }
            Opened opened;
            opened.name = target.path.section(u'/', -1);
            opened.size = size;
            opened.offset = offset;
            opened.version = outcome->value(QStringLiteral("version")).toString().left(200);
            opened.attach = attachOnce(transfer);
            done(std::move(opened));
        });
}

void FileDownloads::onAgentStream(const QString &nodeId, const QByteArray &bytes)
{
    // File channels only (the high bit alone; fleet/StreamFrame.h): both
    // top bits are Docker logs' (DockerLogFollows).
    if (bytes.size() < 5 || (quint8(bytes.at(1)) & 0xC0) != 0x80)
        return;
    m_active.deliver(nodeId, bytes);
}

void FileDownloads::onLinkLost(const QString &nodeId)
{
    m_active.linkLost(nodeId);
}

void FileDownloads::revalidate(const QString &userId, const QString &nodeId)
{
    m_active.revalidate(m_access, QStringLiteral("files"), userId, nodeId);
}

void FileDownloads::forget(Transfer *transfer)
{
    m_active.remove(transfer);
    if (transfer->dataStream())
        m_byStream.remove(transfer->dataStream());
    transfer->deleteLater();
}

Result<FileDownloads::DataTaker> FileDownloads::acceptDataConnection(const QString &nodeId,
                                                                     const QString &token)
{
    // Spent first, whatever is refused below: a token is tried once.
    Result<quint64> stream = m_tokens.redeem(nodeId, token);
    const fleet::AgentCalls &calls = m_actions.fleet().calls();
    if (!calls.isConnected(nodeId))
        return Error{ErrorCode::NodeOffline,
                     QStringLiteral("node %1 has no agent connected").arg(nodeId)};
    if (!calls.capabilities(nodeId).contains(QStringLiteral("files")))
        return Error{ErrorCode::CapabilityDisabled,
                     QStringLiteral("the agent of node %1 does not offer files").arg(nodeId)};
    if (!stream)
        return stream.error();
    const quint64 streamId = stream.value();
    return DataTaker([self = QPointer<FileDownloads>(this), streamId](int descriptor) {
        const QByteArray answer = QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: ") +
                                  QByteArray(hm::fleet::kFileDataProtocol) +
                                  QByteArray("\r\nConnection: Upgrade\r\n\r\n");
        if (!self || !sendOnDescriptor(descriptor, answer)) {
            closeDescriptor(descriptor);
            return;
        }
        self->onDataConnection(streamId, descriptor);
    });
}

void FileDownloads::onDataConnection(quint64 streamId, int descriptor)
{
    if (Transfer *transfer = m_byStream.value(streamId))
        return transfer->onDataConnection(descriptor);
    if (m_opening.contains(streamId) && !m_parkedData.contains(streamId)) {
        m_parkedData.insert(streamId, descriptor);
        return;
    }
    closeDescriptor(descriptor); // its download is over
}

void FileDownloads::dropData(quint64 streamId)
{
    if (!streamId)
        return;
    m_tokens.revoke(streamId);
    if (m_parkedData.contains(streamId))
        closeDescriptor(m_parkedData.take(streamId));
}

} // namespace hm::server::remote
