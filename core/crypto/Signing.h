#pragma once

#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace hm::crypto {

// Ed25519 signatures (libsodium's crypto_sign_*): the agent's identity. An
// agent makes its key pair at enrolment and keeps the secret key; the server
// stores only the public key and checks a signature over a fresh challenge
// on every connection.
inline constexpr qsizetype kSigningPublicKeyBytes = 32;
inline constexpr qsizetype kSigningSecretKeyBytes = 64; // seed and public key
inline constexpr qsizetype kSignatureBytes = 64;

struct SigningKeyPair
{
    QByteArray publicKey;   // 32 bytes
    SecureBytes secretKey;  // 64 bytes, wiped when released
};

SigningKeyPair generateSigningKeyPair();
// The key pair whose secret key is `secretKey` (64 bytes as made by
// generateSigningKeyPair); an empty public key when it is not one.
SigningKeyPair signingKeyPairFromSecret(QByteArrayView secretKey);
// A detached signature of `message` (64 bytes).
QByteArray sign(const SecureBytes &secretKey, QByteArrayView message);
// False for a wrong signature, a wrong-sized key or signature.
bool verifySignature(QByteArrayView publicKey, QByteArrayView message,
                     QByteArrayView signature);
// "SHA256:" and the unpadded base64 of the public key's SHA-256, as
// ssh-keygen prints key fingerprints: what the console shows next to what
// the agent prints, for the operator to compare.
QString publicKeyFingerprint(QByteArrayView publicKey);

} // namespace hm::crypto
