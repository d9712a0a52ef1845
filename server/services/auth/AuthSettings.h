#pragma once

#include "common/Result.h"
#include "server/services/auth/PasswordPolicy.h"

#include <QJsonObject>

namespace hm::store {
class Database;
}

namespace hm::server::auth {

// Auth settings from the settings table, read per request (one indexed
// lookup each) so an admin's change applies at once without a restart.
// Keys: "auth.self_registration" (bool, default false), "password_policy",
// "auth.lockout" {max_attempts 5, duration_seconds 1800,
// progressive_delay_ms 500} (per account and client address, see
// AttemptTracker),
// "auth.rate_limits" {login_per_minute 5, window_seconds 60}.
struct AuthSettings
{
    bool selfRegistration = false;
    PasswordPolicy passwordPolicy;
    int lockoutMaxAttempts = 5;
    int lockoutDurationSeconds = 30 * 60;
    // After a failed login the next check of the same account and address
    // waits this long, doubled with each further failure (at most 30 s).
    int lockoutDelayMs = 500;
    int loginRateLimit = 5;
    int rateWindowSeconds = 60;

    static AuthSettings load(store::Database &database);
    QJsonObject toJson() const;
};

// One setting's JSON value; undefined when absent or unreadable.
QJsonValue readSetting(store::Database &database, const QString &key);
// Writes one setting's JSON value (upsert).
Status saveSetting(store::Database &database, const QString &key, const QJsonValue &value,
                   const QString &updatedBy);

} // namespace hm::server::auth
