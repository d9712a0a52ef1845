#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace hm::crypto {

// WireGuard's Curve25519 keys (X25519, as `wg genkey` / `wg pubkey` /
// `wg genpsk` make them). Private keys and preshared keys are secrets and
// live in SecureBytes; public keys are plain bytes. Keys travel as standard
// base64 with padding: 44 characters for 32 bytes, the form wg(8) and
// wg-quick configuration files use.
inline constexpr qsizetype kWireGuardKeyBytes = 32;
inline constexpr qsizetype kWireGuardKeyBase64Chars = 44;

struct WireGuardKeyPair
{
    SecureBytes privateKey; // 32 bytes, clamped
    QByteArray publicKey;   // 32 bytes
};

// A fresh private key, clamped as `wg genkey` clamps it, and its public key.
WireGuardKeyPair generateWireGuardKeyPair();
// A fresh clamped private key alone.
SecureBytes generateWireGuardPrivateKey();
// The public key of `privateKey` (X25519 base point multiplication); the key
// is clamped first, as WireGuard does, so an unclamped key gives the same
// public key wg(8) prints for it. Empty when the key is not 32 bytes.
QByteArray publicKeyOf(const SecureBytes &privateKey);
// 32 random bytes (`wg genpsk`): the optional symmetric key of a peer.
SecureBytes generatePresharedKey();

// Standard padded base64 of a 32-byte key; empty for another size. The
// private key variant returns a QByteArray the caller wipes (crypto::wipe)
// once written out.
QString wireGuardKeyToBase64(QByteArrayView key);
QByteArray wireGuardSecretToBase64(const SecureBytes &key);

// Parses a key in wg(8)'s text form: exactly 44 characters of standard
// base64 (surrounding whitespace ignored) that decode to exactly 32 bytes,
// with the unused low bits of the last character zero so each key has a
// single text. ValidationError naming what is wrong otherwise.
Result<QByteArray> wireGuardPublicKeyFromBase64(QStringView text);
// The same for a private or preshared key, decoded straight into
// SecureBytes so the raw key is never held in an unwiped buffer.
Result<SecureBytes> wireGuardSecretFromBase64(QByteArrayView text);
// True when `text` is a well-formed key (what the two above accept).
bool isValidWireGuardKey(QStringView text);

} // namespace hm::crypto
