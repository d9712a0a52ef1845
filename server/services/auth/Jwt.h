#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <QJsonObject>
#include <QString>

namespace hm::server::auth {

// Access tokens: compact JWS with exactly {"alg":"HS256","typ":"JWT"}.
// Verification is an allow-list, not a negotiation: any other alg (none,
// RS256, HS512 …), another typ, or a "crit" header is TOKEN_INVALID before
// the signature is even looked at, so alg confusion is impossible.
inline constexpr auto kIssuer = "hivemind";
inline constexpr qint64 kClockSkewSeconds = 60;

QString signJwt(const crypto::SecureBytes &key, const QJsonObject &claims);
// Checks form, header, signature (constant time), then iss, iat (not more
// than kClockSkewSeconds in the future) and exp. Expired is TOKEN_EXPIRED,
// everything else TOKEN_INVALID. Returns the claims.
Result<QJsonObject> verifyJwt(const crypto::SecureBytes &key, const QString &token,
                              qint64 nowSeconds);

} // namespace hm::server::auth
