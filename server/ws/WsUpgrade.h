#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace hm::server::ws {

// What an accepted /ws/… connection asks for, read from its upgrade
// request alone: socket-free, so that the fuzz target (tests/fuzz,
// WsMessages) drives the same code as WebSocketHub::accept().
struct WsTarget
{
    enum class Feed
    {
        None, // an unknown path: closed with 4404
        Events,
        Execution,
        Agent,      // /ws/agent: hivemind-agent, signs a challenge (no token)
        Node,       // /ws/nodes/{id}, /ws/servers/{id}: one node's live metrics
        PublicNode, // /public/ws/nodes/{id}, /public/ws/servers/{id}: no credential
        Terminal,   // /ws/nodes/{id}/terminal, /ws/servers/{id}/terminal: a ticket
    };
    Feed feed = Feed::None;
    QString executionId; // Feed::Execution only
    QString nodeId;      // Feed::Node, Feed::PublicNode and Feed::Terminal only
};

// The feed of a (decoded) /ws/… path: /ws/events, /ws/events/ and the
// older /ws/connect are the event stream; /ws/executions/{id}, optionally
// with a trailing '/', where {id} is 1 to 64 of [A-Za-z0-9_-], is one
// execution's feed; /ws/nodes/{id} and seed 002's /ws/servers/{id} (the
// same id rule) one node's; /public/ws/nodes/{id} and /public/ws/servers/{id}
// the public status page's view of one; /ws/nodes/{id}/terminal and
// /ws/servers/{id}/terminal a remote terminal on it; anything else is None.
WsTarget wsTargetOf(const QString &path);

// The credential of an upgrade: ?token= of `requestUrl` first (browsers
// cannot set headers on a WebSocket), then "Authorization: Bearer …",
// then X-API-Key; empty when there is none. `authorization` and `apiKey`
// are the raw header values (empty when absent).
QString wsCredentialOf(const QUrl &requestUrl, const QByteArray &authorization,
                       const QByteArray &apiKey);

} // namespace hm::server::ws
