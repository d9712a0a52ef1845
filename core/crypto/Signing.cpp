#include "crypto/Signing.h"

#include "crypto/Sodium.h"

#include <QCryptographicHash>
#include <sodium.h>

namespace hm::crypto {

static_assert(crypto_sign_PUBLICKEYBYTES == kSigningPublicKeyBytes);
static_assert(crypto_sign_SECRETKEYBYTES == kSigningSecretKeyBytes);
static_assert(crypto_sign_BYTES == kSignatureBytes);

SigningKeyPair generateSigningKeyPair()
{
    // libsodium's random source must be set up before the key is drawn.
    initialize();
    SigningKeyPair pair;
    pair.publicKey = QByteArray(kSigningPublicKeyBytes, '\0');
    pair.secretKey = SecureBytes(kSigningSecretKeyBytes);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(pair.publicKey.data()),
                        pair.secretKey.data());
    return pair;
}

SigningKeyPair signingKeyPairFromSecret(QByteArrayView secretKey)
{
    SigningKeyPair pair;
    if (secretKey.size() != kSigningSecretKeyBytes)
        return pair;
    pair.secretKey = SecureBytes::fromRaw(secretKey);
    QByteArray publicKey(kSigningPublicKeyBytes, '\0');
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char *>(publicKey.data()),
                                 pair.secretKey.data());
    // A libsodium secret key is the seed followed by its public key: a file
    // whose halves disagree was damaged or assembled by hand.
    SecureBytes seed(crypto_sign_SEEDBYTES);
    crypto_sign_ed25519_sk_to_seed(seed.data(), pair.secretKey.data());
    QByteArray derived(kSigningPublicKeyBytes, '\0');
    SecureBytes rebuilt(kSigningSecretKeyBytes);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(derived.data()), rebuilt.data(),
                             seed.data());
    if (derived != publicKey)
        return SigningKeyPair{};
    pair.publicKey = publicKey;
    return pair;
}

QByteArray sign(const SecureBytes &secretKey, QByteArrayView message)
{
    if (secretKey.size() != kSigningSecretKeyBytes)
        return {};
    QByteArray signature(kSignatureBytes, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(message.data()),
                         static_cast<unsigned long long>(message.size()), secretKey.data());
    return signature;
}

bool verifySignature(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature)
{
    if (publicKey.size() != kSigningPublicKeyBytes || signature.size() != kSignatureBytes)
        return false;
    return crypto_sign_verify_detached(
               reinterpret_cast<const unsigned char *>(signature.data()),
               reinterpret_cast<const unsigned char *>(message.data()),
               static_cast<unsigned long long>(message.size()),
               reinterpret_cast<const unsigned char *>(publicKey.data()))
        == 0;
}

QString publicKeyFingerprint(QByteArrayView publicKey)
{
    const QByteArray digest = QCryptographicHash::hash(publicKey, QCryptographicHash::Sha256);
    return QStringLiteral("SHA256:")
        + QString::fromLatin1(digest.toBase64(QByteArray::OmitTrailingEquals));
}

} // namespace hm::crypto
