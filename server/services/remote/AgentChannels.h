#pragma once

// The streams an agent sends on channels of its /ws/agent link and the
// server passes on into HTTP answers (FileDownloads, DockerLogFollows):
// the shape both share, so that each keeps only what its stream does.
// - AgentChannels<Stream> holds the open ones by node and channel, hands
//   each its frames, tells them when their agent's link is lost, and asks
//   an AccessWatch again for each when access may have changed.
// - attachOnce() is the HTTP layer's hook into a stream that may be gone
//   by the time the client's answer starts.
// `Stream` is a QObject with nodeId(), channel(), userId(), onData(bytes),
// onEnd(code), onLinkLost() and revoke(). Server thread.

#include "fleet/StreamFrame.h"
#include "server/http/HttpStream.h"
#include "server/services/remote/AccessWatch.h"

#include <QHash>
#include <QMetaObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>

namespace hm::server::remote {

template <typename Stream> class AgentChannels
{
public:
    bool contains(const QString &nodeId, quint32 channel) const
    {
        return m_open.contains(key(nodeId, channel));
    }
    int size() const { return int(m_open.size()); }

    void insert(Stream *stream) { m_open.insert(key(stream->nodeId(), stream->channel()), stream); }
    // False when it was not (or no longer) held.
    bool remove(Stream *stream)
    {
        return m_open.remove(key(stream->nodeId(), stream->channel())) > 0;
    }

    // A frame of `nodeId`'s link already known to be of this kind of
    // channel: to its stream, if one is open (a late frame of an ended
    // stream is dropped).
    void deliver(const QString &nodeId, QByteArrayView bytes)
    {
        auto frame = hm::fleet::parseStreamFrame(bytes);
        if (!frame)
            return;
        Stream *stream = m_open.value(key(nodeId, frame->channel));
        if (!stream)
            return;
        if (frame->kind == hm::fleet::StreamFrame::Kind::Data)
            stream->onData(frame->data);
        else if (frame->kind == hm::fleet::StreamFrame::Kind::End)
            stream->onEnd(frame->exitCode);
    }

    void linkLost(const QString &nodeId)
    {
        const QList<Stream *> streams = m_open.values(); // each may leave the map
        for (Stream *stream : streams) {
            if (stream->nodeId() == nodeId)
                stream->onLinkLost();
        }
    }

    // The streams AccessWatch::mayHaveChanged(userId, nodeId) may touch,
    // each against its own user, node and `capability`; one check per
    // (user, node) however many streams share it. A stream opened by no
    // user has no user's access to lose.
    void revalidate(AccessWatch &access, const QString &capability, const QString &userId,
                    const QString &nodeId)
    {
        QHash<QString, bool> allowed;
        const QList<Stream *> streams = m_open.values();
        for (Stream *stream : streams) {
            if (stream->userId().isEmpty() || (!userId.isEmpty() && stream->userId() != userId) ||
                (!nodeId.isEmpty() && stream->nodeId() != nodeId))
                continue;
            const QString pair = stream->userId() + u'/' + stream->nodeId();
            auto it = allowed.find(pair);
            if (it == allowed.end())
                it = allowed.insert(
                    pair, access.stillAllowed(stream->userId(), stream->nodeId(), capability));
            if (!it.value())
                stream->revoke();
        }
    }

private:
    static QString key(const QString &nodeId, quint32 channel)
    {
        return nodeId + u'/' + QString::number(channel);
    }

    QHash<QString, Stream *> m_open;
};

// What the HTTP layer calls once with the stream the answer's body goes
// to: `stream->attach(httpStream)`, or, when `stream` ended before the
// client came (revoked, agent gone), the answer is aborted. If the HTTP
// layer never calls it (the client left before the answer), the stream
// gets attach(nullptr) all the same, from the event loop, so that it
// stops its agent.
template <typename Stream> std::function<void(http::HttpStream *)> attachOnce(Stream *stream)
{
    struct Once
    {
        QPointer<Stream> stream;
        bool called = false;
        ~Once()
        {
            if (!called && stream)
                QMetaObject::invokeMethod(
                    stream.data(),
                    [s = stream] {
                        if (s)
                            s->attach(nullptr);
                    },
                    Qt::QueuedConnection);
        }
    };
    auto once = std::make_shared<Once>();
    once->stream = stream;
    return [once](http::HttpStream *httpStream) {
        once->called = true;
        if (once->stream)
            once->stream->attach(httpStream);
        else if (httpStream)
            httpStream->abort();
    };
}

} // namespace hm::server::remote
