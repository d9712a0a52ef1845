#pragma once

#include "common/Result.h"

#include <QString>

namespace hm::store {
class Database;
}

namespace hm::server {

struct BootstrapOutcome
{
    bool created = false;
    QString username;
    QString passwordFile; // set when a random password was written to a file
};

// On the first start (no users at all) creates the administrator: from
// HIVEMIND_ADMIN_USER / HIVEMIND_ADMIN_PASSWORD (/ HIVEMIND_ADMIN_EMAIL) when
// set, otherwise "admin" with a random password written to
// <dataDir>/initial-admin-password (0600), to be changed at the first
// sign-in (the file is deleted then: InitialPassword.h). Only the file's
// path is logged.
Result<BootstrapOutcome> bootstrapAdmin(store::Database &database, const QString &dataDir);

} // namespace hm::server
