#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace hm::crypto {

// RFC 6238 TOTP through liboath: HMAC-SHA-1, 30-second steps from the Unix
// epoch — what every authenticator app implements.
struct TotpParameters
{
    int digits = 6;
    int stepSeconds = 30;
    int window = 1; // steps accepted either side of now (clock drift)
};

// 20 random bytes, the RFC 4226 recommended secret size for SHA-1.
QByteArray generateTotpSecret();
// The code for unixTime (digits 6, 7 or 8).
Result<QString> totpCode(QByteArrayView secret, qint64 unixTime, const TotpParameters &params = {});
// The time step (unixTime / step ± window) the code matches, or nullopt.
// Callers remember the last accepted step to refuse a replayed code.
std::optional<qint64> totpMatchingStep(QByteArrayView secret, const QString &code, qint64 unixTime,
                                       const TotpParameters &params = {});

// RFC 4648 base32 without padding, the form authenticator apps expect.
QString base32Encode(QByteArrayView bytes);
// otpauth://totp/<issuer>:<account>?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30
QString otpauthUri(const QString &issuer, const QString &account, QByteArrayView secret);

} // namespace hm::crypto
