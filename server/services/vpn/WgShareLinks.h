#pragma once

// One-time links to a WireGuard client's config (issue 36 point 3;
// docs/api.md "WireGuard share links"). An administrator makes a link for a
// client; whoever opens it gets the client's wg-quick file (or it with its
// QR code) once, without signing in, before it expires. The token is 32
// random bytes (256 bits, base64url); only its SHA-256 is stored, so a copy
// of the database opens nothing. Opening spends the link in the same
// statement that checks it, inside the transaction that renders the config:
// two people racing for one link cannot both get it, and a link is spent
// only when the config was really made. Unknown, used and expired links get
// the same answer. The route limits tries per address. Server thread.

#include "common/Result.h"
#include "server/services/auth/TokenService.h"

#include <QJsonObject>
#include <QString>
#include <functional>

namespace hm::store {
class Database;
}

namespace hm::server::auth {
struct Principal;
}

namespace hm::server::vpn {

class WireGuardService;

class WgShareLinks
{
public:
    WgShareLinks(store::Database &db, WireGuardService &wireguard);
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

    static constexpr qint64 kDefaultLifetimeSeconds = 3600;
    static constexpr qint64 kMinLifetimeSeconds = 60;
    static constexpr qint64 kMaxLifetimeSeconds = 7 * 24 * 3600;

    struct Created
    {
        qint64 id = 0;
        QString token; // given once, never stored
        qint64 expiresAt = 0;
    };
    // ADMIN only; RESOURCE_NOT_FOUND for an unknown client, CONFLICT for an
    // imported one without its private key, VALIDATION_ERROR for a lifetime
    // outside kMin…kMaxLifetimeSeconds. Audited
    // (WIREGUARD_CLIENT_SHARE_CREATED, never the token).
    Result<Created> create(const auth::Principal &caller, const auth::ClientInfo &from,
                           qint64 clientId, qint64 lifetimeSeconds);
    // The config the link opens, spending it; RESOURCE_NOT_FOUND for a
    // token that is malformed, unknown, used or expired. Audited
    // (WIREGUARD_CLIENT_SHARE_USED with the address).
    Result<QString> redeem(const QString &token, const auth::ClientInfo &from);
    // {items: [{id, created_at, expires_at, used_at, used_from, state}]}
    // (state: active, used, expired); ADMIN only.
    Result<QJsonObject> list(const auth::Principal &caller, qint64 clientId);
    // Deletes the client's unused links; how many. ADMIN only; audited.
    Result<int> revoke(const auth::Principal &caller, const auth::ClientInfo &from,
                       qint64 clientId);

private:
    qint64 now() const;

    store::Database &m_db;
    WireGuardService &m_wireguard;
    std::function<qint64()> m_now;
};

} // namespace hm::server::vpn
