#include "crypto/ChunkSeal.h"

#include "crypto/Aead.h"
#include "crypto/Random.h"
#include "crypto/Sodium.h"

namespace hm::crypto::chunks {

static_assert(kOverheadBytes == aead::kNonceBytes + aead::kTagBytes);
static_assert(kKeyBytes == aead::kKeyBytes);

SecureBytes newKey()
{
    initialize();
    QByteArray bytes = randomBytes(kKeyBytes);
    SecureBytes key = SecureBytes::fromRaw(bytes);
    wipe(bytes);
    return key;
}

QByteArray seal(const SecureBytes &key, QByteArrayView plaintext, QByteArrayView associatedData)
{
    const QByteArray nonce = aead::randomNonce();
    return nonce + aead::seal(key, nonce, plaintext, associatedData);
}

Result<QByteArray> open(const SecureBytes &key, QByteArrayView sealed,
                        QByteArrayView associatedData)
{
    if (key.size() != kKeyBytes || sealed.size() < kOverheadBytes)
        return Error{ErrorCode::DecryptionError, QStringLiteral("malformed chunk")};
    const QByteArrayView nonce = sealed.first(aead::kNonceBytes);
    const QByteArrayView ciphertext = sealed.sliced(aead::kNonceBytes);
    QByteArray plaintext(ciphertext.size() - aead::kTagBytes, Qt::Uninitialized);
    if (!aead::open(key, nonce, ciphertext, associatedData,
                    reinterpret_cast<unsigned char *>(plaintext.data())))
        return Error{ErrorCode::DecryptionError,
                     QStringLiteral("a chunk does not authenticate (changed, misplaced or "
                                    "another key)")};
    return plaintext;
}

} // namespace hm::crypto::chunks
