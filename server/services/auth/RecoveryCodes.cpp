#include "server/services/auth/RecoveryCodes.h"

#include "crypto/Random.h"
#include "crypto/Totp.h"
#include "server/repositories/UserRepository.h"

namespace hm::server::auth {

QString recoveryCodeHash(const QString &userId, const QString &code)
{
    QString normalised;
    for (const QChar c : code) {
        if (c != QLatin1Char('-') && !c.isSpace())
            normalised.append(c.toLower());
    }
    return crypto::sha256Hex((userId + QLatin1Char(':') + normalised).toUtf8());
}

Result<QStringList> regenerateRecoveryCodes(store::Database &db, const QString &userId)
{
    QStringList codes;
    QStringList hashes;
    while (codes.size() < kRecoveryCodeCount) {
        // 7 random bytes are 12 base32 characters; the first 10 hold 50 bits.
        const QString chars = crypto::base32Encode(crypto::randomBytes(7)).left(10).toLower();
        const QString code = chars.left(5) + QLatin1Char('-') + chars.mid(5);
        if (codes.contains(code))
            continue;
        codes.append(code);
        hashes.append(recoveryCodeHash(userId, code));
    }
    if (Status stored = UserRepository(db).replaceRecoveryCodes(userId, hashes); !stored)
        return stored.error();
    return codes;
}

} // namespace hm::server::auth
