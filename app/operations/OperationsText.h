#pragma once

#include <QString>

namespace hm {
struct Error;
}

namespace hm::app {

// What the operations sections say about a refused or failed request, in
// the user's language: a 403 says which role the action needs (never a
// silent failure), a lost session says to sign in again, network trouble
// says the server cannot be reached; other codes show the server's message.
// `what` names the action, e.g. tr("read the audit trail").
QString describeOperationsError(const hm::Error &error, const QString &what);

// True for 403-like refusals (FORBIDDEN, INSUFFICIENT_PERMISSIONS).
bool isForbidden(const hm::Error &error);

} // namespace hm::app
