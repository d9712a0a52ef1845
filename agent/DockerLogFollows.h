#pragma once

// A container's log followed live (issue 38, the `docker` capability;
// docs/agent-protocol.md "docker"):
//   logs_follow {container, tail?} → {channel, container}
//   logs_close  {channel}          → {closed}
// The agent asks the Docker Engine API on its socket for
// GET /containers/{ref}/logs?follow=1&stdout=1&stderr=1&timestamps=1&tail=N
// (the name checked by fleet::dockerContainerRef and percent-encoded: no
// shell, no command line) and streams the answer's bytes, Docker's
// stdout/stderr framing removed, on a Docker log channel
// (fleet/DockerLogStream.h). The open is answered when the daemon's head
// or its answer to GET /containers/{ref}/json (asked alongside) comes,
// whichever is first: podman sends a follow's head only with the first
// line, and a quiet container's follow must open all the same. Bytes are
// read from the socket only while the server's credit allows them, at
// most kReadBytes ahead, with the socket's own buffer bounded: a container
// printing a flood cannot grow the agent. The stream ends (end frame) when
// the daemon ends the log — the container stopped or was removed — or
// breaks it off; the server ends it with logs_close. At most kMaxFollows
// at once (RATE_LIMIT_EXCEEDED beyond); all of them end with the
// connection.

#include "agent/DockerEngine.h"
#include "agent/RemoteDispatcher.h"

#include <QObject>
#include <QString>
#include <functional>
#include <map>
#include <memory>

namespace hm::agent {

class DockerLogFollows : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxFollows = 8;
    static constexpr qint64 kReadBytes = 32 * 1024;
    static constexpr qint64 kSocketBufferBytes = 64 * 1024;
    static constexpr int kMaxTail = 5000;
    // Below the server's wait for an agent's answer (AgentCalls, 15 s), so
    // that the agent's own reason reaches the caller.
    static constexpr int kOpenTimeoutMs = 10'000;
    static constexpr qsizetype kInspectMaxBody = 64 * 1024; // only its status is read
    using SendFrame = std::function<void(const QByteArray &frame)>;

    DockerLogFollows(QString socketPath, SendFrame send, QObject *parent = nullptr);
    ~DockerLogFollows() override;

    void addHandlers(RemoteDispatcher &dispatcher);
    // A binary frame from the server: credits for a Docker log channel.
    void onFrame(const QByteArray &frame);
    // The connection ended: every follow goes.
    void closeAll();
    int count() const { return int(m_follows.size()); }

private:
    class Follow;
    void open(const QJsonObject &args, const RemoteDispatcher::Reply &reply);
    void pump(quint32 channel);
    // The follow is known to exist: `channel` is answered.
    void markOpened(quint32 channel);
    // An opened follow that cannot go on: logged with `why`, ended as
    // broken (kDockerLogFailed), removed.
    void breakOff(quint32 channel, const QString &why);
    // Removes the follow (its socket goes later: this may run in its slot).
    void drop(quint32 channel);

    QString m_socketPath;
    SendFrame m_send;
    DockerEngine m_engine;                 // the container's own answer, next to the log's
    std::map<quint32, Follow *> m_follows; // children
    quint32 m_nextChannel = 1;
};

} // namespace hm::agent
