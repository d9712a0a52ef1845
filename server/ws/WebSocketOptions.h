#pragma once

#include <QStringList>
#include <QtGlobal>

namespace hm::server::ws {

// Tunables of the WebSocket hub (hivemind-server --ws-…).
struct WebSocketOptions
{
    // system_status on /ws/events: one right after connecting, then one
    // every this many milliseconds.
    int statusIntervalMs = 5000;
    // Bytes a connection may have queued and not yet taken by the kernel;
    // above it the client is a slow consumer: closed 1008 and counted.
    qint64 maxUnsentBytes = 4 * 1024 * 1024;
    // Keep-alive: a ping every interval; a client that answered none of the
    // last two is dropped. 0 = off.
    int pingIntervalMs = 30 * 1000;
    // How often the hub looks whether what authentication reads has changed
    // (auth::authDataGeneration()) and, if it has, checks every open
    // connection's credential again: a logout, session revocation,
    // suspension or key revocation closes the connection within this time.
    int authRecheckMs = 1000;
    // Execution events carry "emitted_ns" (the engine's steady clock at
    // emission) for latency benchmarks.
    bool latencyMarks = false;
    // Origins (scheme://host[:port]) besides the server's own whose pages
    // may open WebSockets (--ws-allowed-origin); see
    // http::HttpServer::setWebSocketOrigins.
    QStringList allowedOrigins;
};

} // namespace hm::server::ws
