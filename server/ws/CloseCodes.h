#pragma once

// Close codes of the /ws/… endpoints (docs/api.md "WebSockets"). 4xxx are
// private-use codes (RFC 6455 §7.4.2) mirroring the HTTP statuses.

#include "common/Error.h"

#include <QString>

namespace hm::server::ws {

enum CloseCode : quint16
{
    kCloseNormal = 1000,       // the execution ended; everything was sent
    kCloseGoingAway = 1001,    // the server is stopping
    kCloseUnsupported = 1003,  // a binary frame where only text is spoken
    kClosePolicy = 1008,       // slow consumer; a malformed or unexpected agent message
    kCloseTooBig = 1009,       // an agent message above its size limit
    kCloseInternal = 1011,     // the server failed (store error)
    // 1012–2999 are not sendable (Qt, RFC 6455 registry): a peer would read
    // 1002. So "try again later" is ours, in the 4000s.
    kCloseTryAgain = 4503,     // an agent report could not be queued: reconnect and resend
    kCloseBadRequest = 4400,   // a request the feed does not take (a token in the URL)
    kCloseUnauthorized = 4401, // no, bad or expired credential
    kCloseForbidden = 4403,    // credential valid but not allowed here
    kCloseNotFound = 4404,     // unknown path or execution
    kCloseTimeout = 4408,      // an agent sent no hello in time, or nothing for three intervals
    kCloseConflict = 4409,     // a newer connection of the same agent took over
    kCloseRateLimited = 4429,  // too many attempts from this client
};

// The close code for a failed authentication or lookup.
CloseCode closeCodeFor(const Error &error);

// A close reason: at most 123 bytes of UTF-8 (the control-frame limit),
// cut on a character boundary.
QString closeReason(const QString &text);

} // namespace hm::server::ws
