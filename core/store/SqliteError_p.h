#pragma once

#include "common/Error.h"

#include <sqlite3.h>

namespace hm::store::detail {

// Maps a failed sqlite call onto the error catalogue: corruption (including
// SQLITE_NOTADB once the key is known to be right) is DbCorrupt, lock
// contention is DbBusy, everything else DbError with sqlite's own message.
// `what` says what was being done ("prepare", "commit", ...).
Error sqliteError(sqlite3 *db, int rc, const QString &what);

// The same mapping from a result code alone, for when the handle's message
// may already describe a later call.
ErrorCode errorCodeFor(int rc);

// True for a UNIQUE or PRIMARY KEY violation reported by sqliteError().
bool isUniqueViolation(const Error &error);

} // namespace hm::store::detail
