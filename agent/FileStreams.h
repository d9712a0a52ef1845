#pragma once

// The `files` capability's streamed reads (issue 38 item 5): a file of any
// size goes to the server as binary stream frames (fleet/StreamFrame.h,
// file channels) instead of base64 `read` answers:
//   stream_open  {root, path, offset?} → {channel, size, version}
//   stream_close {channel}             → {closed}
// The disk reads run on a worker thread through a ConfinedFiles of the
// stream's own (the same confinement as every other file action, path
// resolved again for each read), kReadBytes at a time and at most two
// reads ahead of what was sent. Bytes go out only within the server's
// credit (kFileStreamWindow): a server that stops crediting stops the
// reads. The end frame says how it ended: complete, the file changed
// (its size or version moved since the open: the bytes would not be one
// version of it) or a read failed. At most kMaxStreams at once
// (RATE_LIMIT_EXCEEDED beyond); all of them end with the connection.
//
// Data connections (FileDataSender.h): when stream_open carries a
// data_token and this agent may use them (setDataConnections: plain HTTP,
// Linux), the open is answered only once the server accepted the data
// connection, with `data: true`; the file then goes out on it from a
// worker thread (FileDataSender), and only the end frame comes on the
// WebSocket. A data connection that cannot be opened is logged and the
// stream goes out as frames (the answer without `data`).

#include "agent/FileDataSender.h"
#include "agent/FileRoots.h"
#include "agent/RemoteDispatcher.h"

#include <QList>
#include <QObject>
#include <QThreadPool>
#include <functional>
#include <map>
#include <memory>

namespace hm::agent {

class ConfinedFiles;

class FileStreams : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxStreams = 8;
    static constexpr qint64 kReadBytes = 1024 * 1024;
    using SendFrame = std::function<void(const QByteArray &frame)>;

    FileStreams(QList<FileRoot> roots, SendFrame send, QObject *parent = nullptr);
    ~FileStreams() override;

    void addHandlers(RemoteDispatcher &dispatcher);
    // Where data connections go (an http:// server; https:// or an empty
    // URL: none, frames only) and the node they speak for.
    void setDataConnections(const QUrl &server, const QString &nodeId);
    // A binary frame from the server: credits for a file channel.
    void onFrame(const QByteArray &frame);
    // The connection ended: every stream goes.
    void closeAll();
    int count() const { return int(m_streams.size()); }

private:
    // A data connection's sender, cancelled when its stream goes.
    struct DataLink
    {
        std::shared_ptr<FileDataSender> sender;
        ~DataLink()
        {
            if (sender)
                sender->cancel();
        }
    };
    struct Stream
    {
        QString dataToken; // from stream_open; empty: frames
        std::unique_ptr<DataLink> data;
        std::shared_ptr<ConfinedFiles> files; // used by one worker read at a time
        QString root;
        QString path;
        QString version;
        qint64 size = -1;    // from the first read; -1 until then
        qint64 nextRead = 0; // offset of the next disk read
        qint64 sent = 0;     // offset of the next byte to send
        QByteArray ready;    // read, not yet sent (from readyAt)
        qsizetype readyAt = 0;
        qint64 unacked = 0;
        bool reading = false;
        RemoteDispatcher::Reply openReply; // until the first read answered
    };
    struct ReadResult;

    void open(const QJsonObject &args, const RemoteDispatcher::Reply &reply);
    void startRead(quint32 channel, Stream &s);
    void onRead(quint32 channel, const std::shared_ptr<ReadResult> &result);
    void pump(quint32 channel);
    void end(quint32 channel, qint32 code, const QString &why);
    // Data connections: connect (then answer the open), send, end.
    void startData(quint32 channel, Stream &s);
    void onDataConnected(quint32 channel, const Status &connected);
    void onDataSent(quint32 channel, qint32 code, const QString &why);

    QList<FileRoot> m_roots;
    SendFrame m_send;
    std::map<quint32, Stream> m_streams;
    quint32 m_nextChannel = 1;
    QUrl m_dataServer;
    QString m_nodeId;
    bool m_dataPathLogged = false; // the data connections' way, logged once
    // One thread per data connection (a send blocks while the client
    // is slow); reads for frames keep their own pool.
    QThreadPool m_senders;
    QThreadPool m_pool; // last member: waits for running reads first
};

} // namespace hm::agent
