#pragma once

// Typed answers of the general and account routes of /api/v1. Flow and
// execution shapes are in FlowTypes.h; the JSON readers in ApiJson.h.

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace hm::client {

// Every call of the client ends in exactly one of these, on the thread the
// ApiClient lives in.
template <typename T> using Callback = std::function<void(Result<T>)>;

struct HealthInfo
{
    QString status;   // "healthy" / "unhealthy"
    QString database; // "connected" / "error"
    QString version;
    qint64 uptimeSeconds = 0;
};

struct VersionInfo
{
    QString version;
    QString apiVersion;
    QString buildDate;
    QStringList features;
    bool featuresKnown = false; // false: a server from before the list
};

// One page of a list route: its items and the envelope's `pagination`.
template <typename T> struct Page
{
    QList<T> items;
    int page = 1;
    int size = 0;
    qint64 total = 0;
    int pages = 0;
    bool hasNext = false;
    bool hasPrev = false;
};

// Which page to ask for; 0 leaves the server's default.
struct PageRequest
{
    int page = 0;
    int size = 0;
};

// The answer of login and refresh. Secrets: never log or show these.
struct TokenPair
{
    QString accessToken;
    QString refreshToken;
    QString tokenType;    // "bearer"
    qint64 expiresIn = 0; // seconds the access token lives
    bool isValid() const { return !accessToken.isEmpty() && !refreshToken.isEmpty(); }
};

struct UserInfo
{
    QString id;
    QString username;
    QString email;
    QString fullName;
    QString role; // "admin" / "user" / "viewer"
    QString status;
    QStringList permissions;
    bool twoFactorEnabled = false;
    // Signs in with a password somebody else chose: the server answers
    // only the own account (PASSWORD_CHANGE_REQUIRED) until it is changed.
    bool passwordChangeRequired = false;
    QDateTime lastLogin;
    QDateTime createdAt;
    // Administrators' view only: failed logins and the lockout's end.
    int loginAttempts = 0;
    QDateTime lockedUntil;
};

// A login either finished (tokens + user; the client keeps the tokens) or
// waits for the second factor (pendingToken for verifyTwoFactor).
struct LoginResult
{
    bool twoFactorRequired = false;
    QString pendingToken;
    QStringList methods;         // e.g. {"totp"}
    qint64 pendingExpiresIn = 0; // seconds to complete the second factor
    TokenPair tokens;
    UserInfo user;
};

struct NewUser
{
    QString username;
    QString email;
    QString password;
    QString fullName;
    QString role;   // empty = server default
    QString status; // empty = server default
    // The user must choose a new password at the first sign-in.
    bool passwordChangeRequired = false;
};

struct SessionInfo
{
    QString id;
    QString deviceInfo;
    QString ipAddress;
    QDateTime createdAt;
    QDateTime lastUsedAt;
    QDateTime expiresAt;
    bool current = false;
};

struct TwoFactorEnrollment
{
    QString secret; // base32, for the authenticator app; a secret
    QString otpauthUri;
};

struct NewApiKey
{
    QString name;
    QString description;
    QString accessLevel = QStringLiteral("read"); // "read" / "write" / "admin"
    QStringList permissions;
    QStringList allowedIps;       // addresses or CIDRs; empty = any
    QStringList allowedEndpoints; // path patterns; empty = any
    int requestsPerMinute = 0;    // 0 = the server's default
    int burstLimit = 0;           // 0 = none (with requestsPerMinute only)
    QDateTime expiresAt;          // invalid = never
};

struct ApiKeyInfo
{
    QString id;
    QString name;
    QString description;
    QString prefix; // "hm_1a2b3c4d"
    QString accessLevel;
    QStringList permissions;
    QStringList allowedIps;
    QStringList allowedEndpoints;
    int requestsPerMinute = 0; // 0 = no limit of its own
    int burstLimit = 0;
    QString status;
    QDateTime expiresAt;
    QDateTime createdAt;
    QDateTime lastUsed;
    QString key; // the whole key, only in the answer of its creation
};

} // namespace hm::client
