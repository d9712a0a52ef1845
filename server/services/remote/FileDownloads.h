#pragma once

// Downloads of any size (issue 38 item 5; docs/api.md "Node files"): the
// agent streams the file on a file channel (agent/FileStreams.h,
// fleet/StreamFrame.h) and its bytes go straight on into the HTTP answer
// (http/HttpStream.h), never whole in memory.
// - Flow control: the agent sends at most kFileStreamWindow bytes the
//   server has not credited; the server credits what it handed to the
//   client's socket while that socket's backlog is below the stream's
//   high-water mark. Memory per download: the window plus the backlog,
//   whatever the file's size or the client's speed. An agent that sends
//   past its window is cut off (the download aborts).
// - A client that leaves: stream_close to the agent, which stops reading.
// - A file that changes or fails mid-way, or an agent that goes: the
//   headers (with Content-Length) are out, so the connection is aborted
//   and the client sees a short body, never a complete-looking one.
// - One audit entry NODE_FILE_DOWNLOADED per download when it ends (root,
//   path, size, offset, sent; never content) with its outcome; refusals
//   at the open are audited too.
// - Access checked again when it may have changed (AccessWatch): a
//   download whose user may no longer use `files` on the node ends at
//   once — the connection is closed short of Content-Length, the agent is
//   told stream_close (which also stops its sending on a data
//   connection), the relay stops, and the audit entry says FORBIDDEN with
//   reason access_revoked.
// - A data connection instead of frames (issue 38's throughput goal): for
//   a client on plain HTTP where the relay exists (Linux), stream_open
//   carries a single-use stream token (StreamTokens.h). An agent that can
//   opens a connection of its own to this server (GET fleet::kFileDataPath,
//   "Upgrade: fleet::kFileDataProtocol", the token and its node in
//   headers: fleet/StreamFrame.h), answers stream_open with `data: true` once
//   the server said 101, and sends the file's bytes on it (read and
//   send, no frames and no masking); the server relays them into the
//   client's socket from a thread of its own (ByteRelay.h), flow control
//   by the sockets themselves. The end frame still comes on /ws/agent,
//   so a changed or unreadable file ends the answer short as above. Over
//   TLS (and off Linux) no token is offered and the frames carry the
//   bytes.
// Server thread.

#include "common/Result.h"
#include "server/services/remote/AccessWatch.h"
#include "server/services/remote/AgentChannels.h"
#include "server/services/remote/NodeActions.h"
#include "server/services/remote/StreamTokens.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <functional>

namespace hm::server::http {
class HttpStream;
}

namespace hm::server::remote {

struct FileTarget;

class FileDownloads : public QObject
{
    Q_OBJECT
public:
    // An open download: `size` is the whole file's, the body its bytes from
    // `offset`. attach() gets the HTTP stream to write them to (nullptr or
    // a closed one: nobody takes them, the agent is told to stop).
    struct Opened
    {
        QString name; // the last path component
        qint64 size = 0;
        qint64 offset = 0;
        QString version;
        std::function<void(http::HttpStream *)> attach;
    };

    explicit FileDownloads(NodeActions &actions, QObject *parent = nullptr);
    ~FileDownloads() override;

    // Asks the agent to stream `target` from `offset`. An offset at or past
    // the end (but 0 of an empty file) is VALIDATION_ERROR with
    // details.code RANGE_NOT_SATISFIABLE and details.size. `plainClient`:
    // the client's connection is plain HTTP, so the bytes may be relayed
    // into it from a data connection (see above).
    void open(const auth::Principal &caller, const auth::ClientInfo &client, const QString &nodeId,
              const FileTarget &target, qint64 offset, std::function<void(Result<Opened>)> done,
              bool plainClient = false);

    // An agent's data connection for node `nodeId` presenting `token`:
    // NODE_OFFLINE unless that node's agent is connected, CAPABILITY_DISABLED
    // unless it has the files capability, then StreamTokens::redeem's
    // refusals (the token is spent by any presentation). Accepted: what
    // takes the connection's descriptor over (it answers 101).
    using DataTaker = std::function<void(int descriptor)>;
    Result<DataTaker> acceptDataConnection(const QString &nodeId, const QString &token);

    // Downloads under way (opened, not yet ended).
    int activeCount() const { return m_active.size(); }

    // Where the files' access is watched (FileOps' whole uploads ask it too).
    AccessWatch &access() { return m_access; }

private:
    class Transfer;
    friend class Transfer;
    void onAgentStream(const QString &nodeId, const QByteArray &frame);
    void onLinkLost(const QString &nodeId);
    void revalidate(const QString &userId, const QString &nodeId);
    void forget(Transfer *transfer);
    // A data connection that came for `streamId`.
    void onDataConnection(quint64 streamId, int descriptor);
    // The open of `streamId` ended without a data connection in use: its
    // token goes, and a connection that came for it is closed.
    void dropData(quint64 streamId);

    NodeActions &m_actions;
    AccessWatch m_access;
    AgentChannels<Transfer> m_active; // children
    StreamTokens m_tokens;
    quint64 m_nextStreamId = 1;
    QSet<quint64> m_opening;               // token sent, stream_open not answered yet
    QHash<quint64, int> m_parkedData;      // data connections that came before the answer
    QHash<quint64, Transfer *> m_byStream; // transfers on a data connection
};

} // namespace hm::server::remote
