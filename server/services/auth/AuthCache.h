#pragma once

#include "server/api/Roles.h"
#include "server/repositories/WriteGenerations.h"
#include "server/services/auth/ApiKeyService.h"

#include <QCache>
#include <QString>

namespace hm::server::auth {

// authDataGeneration() (WriteGenerations.h): UserRepository, TokenService
// and ApiKeyService call authDataChanged() in their write methods, so what
// AuthCache learnt before the write is not used again.

// What authentication learnt per credential, so a request whose credential
// was seen before costs no signature check and no SQL. Used from the server
// thread only (AuthModule); no locks.
//
// Keyed by the credential itself: hashing it per request (SHA-256 of a JWT)
// would cost most of what the cache saves, and keeping it in this process's
// memory exposes nothing new — the same memory holds the JWT signing key and
// the database key. The credential is never logged or written. Each map holds
// at most kMaxEntries (least recently used go first), so a flood of distinct
// credentials cannot grow memory. Only successes are cached: a bad, revoked
// or suspended credential goes the full way every time (as before), so no
// later write has to lift a cached refusal.
//
// The verified claims of an access token stay valid until its exp (they
// cannot change: the token is signed). What the store said — the user's
// role and status, the session being alive, an API key's row and owner — is
// stamped with authDataGeneration() and trusted only while the generation is
// unchanged and for at most kMaxStoreAgeMs: the age bound covers writes this
// process cannot see (another process on the same database file, e.g. the
// console's local server on the shared default data directory).
class AuthCache
{
public:
    static constexpr int kMaxEntries = 10000;
    static constexpr qint64 kMaxStoreAgeMs = 5000;

    // What the store said, and until when it may be believed.
    struct Stored
    {
        Principal principal;
        quint64 generation = 0; // 0: not (or no longer) known
        qint64 validUntilMs = 0;

        bool currentAt(qint64 nowMs) const
        {
            return generation == authDataGeneration() && nowMs < validUntilMs;
        }
    };

    struct AccessToken
    {
        QString userId;    // sub
        QString sessionId; // sid
        qint64 expSeconds = 0;
        Stored stored; // principal with sessionId; valid until the session ends
    };

    struct ApiKey
    {
        ApiKeyService::KeyRecord record;
        Stored stored; // the owner's principal, role not yet capped by the key
    };

    // A stamp for what the store said at `generation` (read before the
    // store was), believed until `untilMs` at most.
    static Stored stamp(Principal principal, quint64 generation, qint64 nowMs, qint64 untilMs);

    // nullptr when not cached. Pointers stay valid until the next insert.
    AccessToken *accessToken(const QString &credential) { return m_tokens.object(credential); }
    // Never nullptr (every entry costs 1 of kMaxEntries).
    AccessToken *insertAccessToken(const QString &credential, AccessToken entry);
    void removeAccessToken(const QString &credential) { m_tokens.remove(credential); }

    // nullptr when not cached or when its store stamp is no longer current
    // (the entry is dropped then: the key row must be read again).
    const ApiKey *apiKey(const QString &credential, qint64 nowMs);
    void insertApiKey(const QString &credential, ApiKey entry);

    qsizetype size() const { return m_tokens.size() + m_keys.size(); }

private:
    QCache<QString, AccessToken> m_tokens{kMaxEntries};
    QCache<QString, ApiKey> m_keys{kMaxEntries};
};

} // namespace hm::server::auth
