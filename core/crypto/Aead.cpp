#include "crypto/Aead.h"

#include "crypto/Random.h"

#include <sodium.h>

namespace hm::crypto::aead {

static_assert(kKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(kNonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(kTagBytes == crypto_aead_xchacha20poly1305_ietf_ABYTES);

namespace {
const unsigned char *bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}
} // namespace

QByteArray randomNonce()
{
    return randomBytes(kNonceBytes);
}

QByteArray seal(const SecureBytes &key, QByteArrayView nonce, QByteArrayView plaintext,
                QByteArrayView associatedData)
{
    if (key.size() != kKeyBytes || nonce.size() != kNonceBytes)
        return {};
    QByteArray ciphertext(plaintext.size() + kTagBytes, Qt::Uninitialized);
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char *>(ciphertext.data()), &length, bytes(plaintext),
        static_cast<unsigned long long>(plaintext.size()), bytes(associatedData),
        static_cast<unsigned long long>(associatedData.size()), nullptr, bytes(nonce), key.data());
    return ciphertext;
}

bool open(const SecureBytes &key, QByteArrayView nonce, QByteArrayView ciphertext,
          QByteArrayView associatedData, unsigned char *plaintext)
{
    if (key.size() != kKeyBytes || nonce.size() != kNonceBytes || ciphertext.size() < kTagBytes)
        return false;
    // An empty message still needs a valid output pointer.
    unsigned char dummy = 0;
    unsigned long long length = 0;
    return crypto_aead_xchacha20poly1305_ietf_decrypt(
               ciphertext.size() == kTagBytes ? &dummy : plaintext, &length, nullptr,
               bytes(ciphertext), static_cast<unsigned long long>(ciphertext.size()),
               bytes(associatedData), static_cast<unsigned long long>(associatedData.size()),
               bytes(nonce), key.data()) == 0;
}

} // namespace hm::crypto::aead
