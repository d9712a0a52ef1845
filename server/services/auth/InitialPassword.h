#pragma once

// The generated first administrator's password (AdminBootstrap): written
// to <dataDir>/initial-admin-password for the operator, and to be changed
// at the first sign-in. Once that administrator's password changes (by
// themselves or an administrator's reset) the file no longer holds a
// password that works: it is deleted, so neither the console's sign-in
// hint nor a reader of the data directory finds a stale secret.

#include "common/Result.h"

#include <QString>

namespace hm::store {
class Database;
}

namespace hm::server::auth {

// <dataDir>/initial-admin-password.
QString initialPasswordFileIn(const QString &dataDir);

// Remembers whose password the file holds (inside the caller's transaction).
Status rememberInitialPasswordUser(store::Database &db, const QString &userId);

// After `userId`'s password changed: deletes `file` when it held that
// user's password, and forgets whose it was. Failures are logged, never
// answered: the password change itself has happened.
void retireInitialPassword(store::Database &db, const QString &file, const QString &userId);

} // namespace hm::server::auth
