#include "crypto/Random.h"

#include "crypto/SecureBytes.h"
#include "crypto/Sodium.h"

#include <QUuid>
#include <sodium.h>

namespace hm::crypto {

QByteArray randomBytes(qsizetype n)
{
    if (n <= 0)
        return {};
    initialize();
    QByteArray result(n, Qt::Uninitialized);
    randombytes_buf(result.data(), static_cast<size_t>(n));
    return result;
}

QString randomToken(qsizetype bytes)
{
    QByteArray raw = randomBytes(bytes);
    const QString token = QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    wipe(raw);
    return token;
}

QString sha256Hex(QByteArrayView data)
{
    initialize();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char *>(data.data()),
                       static_cast<unsigned long long>(data.size()));
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(digest), sizeof digest).toHex());
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace hm::crypto
