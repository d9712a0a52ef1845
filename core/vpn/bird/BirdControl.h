#pragma once

#include "common/Result.h"
#include "vpn/bird/BirdParsers.h"
#include "vpn/bird/BirdReply.h"
#include "vpn/bird/BirdSyntax.h"

#include <QString>
#include <chrono>
#include <memory>
#include <optional>

class QLocalSocket;

namespace hm::bird {

struct BirdRouteQuery
{
    QString protocol;                 // `protocol NAME`
    QString table;                    // `table NAME`
    std::optional<BirdPrefix> prefix; // `for PREFIX`
};

// A client of BIRD's control socket (`bird -s PATH`).
//
// SYNCHRONOUS: every call blocks (QLocalSocket::waitFor…) until BIRD has
// answered or the timeout has passed. Use it from a worker thread, never
// from a thread whose event loop must stay responsive. One object per
// thread; it is not thread-safe.
//
// command() fails only on transport problems (connection, timeout, a
// malformed stream); BIRD's error replies are returned as replies. The
// named helpers turn 8xxx/9xxx replies into ValidationErrors with BIRD's
// words. Names and paths are checked before they reach a command line.
class BirdControl
{
public:
    explicit BirdControl(QString socketPath,
                         std::chrono::milliseconds timeout = std::chrono::seconds(10));
    ~BirdControl();
    BirdControl(const BirdControl &) = delete;
    BirdControl &operator=(const BirdControl &) = delete;

    // Connects and reads BIRD's hello (0001). Called by command() when needed.
    Status open();
    void close();
    bool isOpen() const;
    QString socketPath() const { return m_socketPath; }
    // BIRD's hello text ("BIRD 2.0.12 ready.").
    QString hello() const { return m_hello; }

    Result<BirdReply> command(const QString &command);

    Result<QList<BirdProtocol>> showProtocols();            // show protocols all
    Result<BirdProtocol> showProtocol(const QString &name); // show protocols all NAME
    Result<QList<BirdRoute>> showRoutes(const BirdRouteQuery &query = {}); // show route all …

    Result<BirdReply> configureCheck(const QString &path); // configure check "PATH" → 0020
    // configure "PATH" [timeout N] → 0003 (or 0004/0005 while in progress)
    Result<BirdReply> configure(const QString &path, std::optional<int> undoTimeoutSeconds = {});
    Result<BirdReply> configureConfirm();        // 0018 or 0019
    Result<BirdReply> configureUndo();           // 0021/0003 or 0019
    Status enableProtocol(const QString &name);  // 0011 or 0010
    Status disableProtocol(const QString &name); // 0009 or 0008
    Status restartProtocol(const QString &name); // 0012 (a disabled one: 0008)

private:
    Result<BirdReply> expect(const QString &command, std::initializer_list<int> accepted,
                             const QString &what);
    Result<BirdReply> readReply();

    QString m_socketPath;
    std::chrono::milliseconds m_timeout;
    std::unique_ptr<QLocalSocket> m_socket;
    BirdReplyReader m_reader;
    QString m_hello;
};

} // namespace hm::bird
