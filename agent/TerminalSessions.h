#pragma once

// The `terminal` capability on the agent (issue 38 item 3): programs on
// pseudo-terminals (Pty), their bytes carried as stream frames on the
// agent's connection (fleet/StreamFrame.h), controlled by requests:
//   open  {shell?, working_dir?, rows?, cols?} → {channel, pid, shell}
//   resize {channel, rows, cols}   close {channel}   list {}
//   cwd {channel} → {working_dir}
// The shell must be one /etc/shells lists (default: the first of
// /bin/bash, /bin/sh that exists); it starts in a clean environment.
// At most kMaxSessions at once. Output is read only while the server has
// credited room for it (kStreamWindow): a flood blocks the program, never
// the agent's memory. When the connection the sessions belong to ends,
// they are closed: nobody could reach them any more.

#include "agent/RemoteDispatcher.h"
#include "fleet/StreamFrame.h"

#include <map>
#include <QObject>
#include <functional>
#include <memory>

namespace hm::agent {

class Pty;

class TerminalSessions : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxSessions = 8;
    using SendFrame = std::function<void(const QByteArray &frame)>;

    // `send` writes a binary frame to the current connection.
    explicit TerminalSessions(SendFrame send, QObject *parent = nullptr);
    ~TerminalSessions() override;

    void addHandlers(RemoteDispatcher &dispatcher);
    // A binary frame from the server (input or credit).
    void onFrame(const QByteArray &frame);
    // The connection ended: every session goes.
    void closeAll();
    int count() const { return int(m_sessions.size()); }

    // /etc/shells' entries (absolute paths), or a fixed list without it.
    static QStringList allowedShells();

private:
    struct Session
    {
        std::unique_ptr<Pty> pty;
        QString shell;
        qint64 unacked = 0; // output sent, not yet credited
        qint64 bytesOut = 0;
        qint64 bytesIn = 0;
    };
    Result<QJsonObject> open(const QJsonObject &args);
    void pump(quint32 channel);
    void onFinished(quint32 channel, int exitCode, int signal);
    Session *session(const QJsonObject &args, Error *error);

    SendFrame m_send;
    std::map<quint32, Session> m_sessions; // unique_ptr values: no QHash
    quint32 m_nextChannel = 1;
};

} // namespace hm::agent
