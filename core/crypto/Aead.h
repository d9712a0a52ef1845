#pragma once

#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>

// Internal to hivemind_crypto: the one AEAD HiveMind uses, XChaCha20-Poly1305
// IETF. Its 24-byte nonce is safe to pick at random for every message, so
// no nonce counter has to survive restarts.
namespace hm::crypto::aead {

inline constexpr qsizetype kKeyBytes = 32;
inline constexpr qsizetype kNonceBytes = 24;
inline constexpr qsizetype kTagBytes = 16;

QByteArray randomNonce();
// ciphertext || tag. key must be kKeyBytes, nonce kNonceBytes.
QByteArray seal(const SecureBytes &key, QByteArrayView nonce, QByteArrayView plaintext,
                QByteArrayView associatedData);
// Writes ciphertext.size() - kTagBytes bytes to `plaintext`; false (and
// nothing usable in `plaintext`) when authentication fails or sizes are wrong.
bool open(const SecureBytes &key, QByteArrayView nonce, QByteArrayView ciphertext,
          QByteArrayView associatedData, unsigned char *plaintext);

} // namespace hm::crypto::aead
