#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace hm::crypto {

// n bytes from the operating system's CSPRNG (randombytes_buf).
QByteArray randomBytes(qsizetype n);
// `bytes` random bytes as base64url without padding: refresh tokens, API
// keys, verification tokens. 32 bytes give 43 characters.
QString randomToken(qsizetype bytes = 32);
// Lower-case hex SHA-256, e.g. how refresh tokens are stored.
QString sha256Hex(QByteArrayView data);
// A random (version 4) UUID without braces.
QString uuid();

} // namespace hm::crypto
