#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace hm::crypto {

// HMAC-SHA-256 (libsodium's crypto_auth_hmacsha256 with a key of any length),
// used to sign access tokens (JWT HS256).
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);
// Constant time for equal sizes; false at once for different sizes (the size
// of a MAC is public). Compare MACs and token hashes only with this.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace hm::crypto
