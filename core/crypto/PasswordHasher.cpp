#include "crypto/PasswordHasher.h"

#include "crypto/SecureBytes.h"
#include "crypto/Sodium.h"

#include <sodium.h>

namespace hm::crypto {
namespace {

// libsodium reads the encoded hash as a C string of at most STRBYTES - 1
// characters; anything longer cannot be ours.
bool toEncodedCString(const QString &encodedHash, QByteArray &out)
{
    out = encodedHash.toLatin1();
    return !out.isEmpty() && out.size() < crypto_pwhash_STRBYTES && !out.contains('\0');
}

} // namespace

Result<QString> hashPassword(QStringView password)
{
    if (!initialize())
        return Error{ErrorCode::InternalError, QStringLiteral("libsodium is not available"), {}};
    QByteArray utf8 = password.toUtf8();
    char encoded[crypto_pwhash_STRBYTES];
    const int rc = crypto_pwhash_str_alg(
        encoded, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
        crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
        crypto_pwhash_ALG_ARGON2ID13);
    wipe(utf8);
    if (rc != 0) // only when the memory limit cannot be allocated
        return Error{
            ErrorCode::InternalError, QStringLiteral("password hashing failed: out of memory"), {}};
    return QString::fromLatin1(encoded);
}

bool verifyPassword(const QString &encodedHash, QStringView password)
{
    QByteArray encoded;
    if (!toEncodedCString(encodedHash, encoded) || !initialize())
        return false;
    QByteArray utf8 = password.toUtf8();
    const bool ok = crypto_pwhash_str_verify(encoded.constData(), utf8.constData(),
                                             static_cast<unsigned long long>(utf8.size())) == 0;
    wipe(utf8);
    return ok;
}

bool passwordNeedsRehash(const QString &encodedHash)
{
    QByteArray encoded;
    if (!toEncodedCString(encodedHash, encoded) || !initialize())
        return true;
    // The argon2id variant answers -1 for Argon2i and garbage: both need a
    // new hash.
    return crypto_pwhash_argon2id_str_needs_rehash(encoded.constData(),
                                                   crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                                   crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

} // namespace hm::crypto
