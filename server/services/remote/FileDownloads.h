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
// Server thread.

#include "common/Result.h"
#include "server/services/remote/NodeActions.h"

#include <QHash>
#include <QObject>
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
    // details.code RANGE_NOT_SATISFIABLE and details.size.
    void open(const auth::Principal &caller, const auth::ClientInfo &client,
              const QString &nodeId, const FileTarget &target, qint64 offset,
              std::function<void(Result<Opened>)> done);

    // Downloads under way (opened, not yet ended).
    int activeCount() const { return int(m_active.size()); }

private:
    class Transfer;
    friend class Transfer;
    void onAgentStream(const QString &nodeId, const QByteArray &frame);
    void onLinkLost(const QString &nodeId);
    void forget(Transfer *transfer);

    NodeActions &m_actions;
    QHash<QString, Transfer *> m_active; // node id + '/' + channel; children
};

} // namespace hm::server::remote
