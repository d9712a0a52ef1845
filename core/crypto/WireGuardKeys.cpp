#include "crypto/WireGuardKeys.h"

#include "crypto/Sodium.h"

#include <sodium.h>

namespace hm::crypto {

static_assert(crypto_scalarmult_BYTES == kWireGuardKeyBytes);
static_assert(crypto_scalarmult_SCALARBYTES == kWireGuardKeyBytes);

namespace {

// RFC 7748 section 5 as WireGuard applies it (curve25519_clamp_secret):
// a multiple of the cofactor 8, bit 254 set, bit 255 clear.
void clampWireGuardSecret(unsigned char *key)
{
    key[0] &= 248;
    key[31] = static_cast<unsigned char>((key[31] & 127) | 64);
}

Error wireGuardKeyError(const QString &message)
{
    return Error{ErrorCode::ValidationError, message, {}};
}

// Shared by the public and the secret parser: checks the shape and decodes
// into `out` (32 bytes). libsodium's decoder is constant time in the data,
// which matters for private keys, and refuses non-zero unused bits.
Status decodeWireGuardKey(QByteArrayView text, unsigned char *out)
{
    const QByteArrayView trimmed = text.trimmed();
    if (trimmed.size() != kWireGuardKeyBase64Chars)
        return wireGuardKeyError(QStringLiteral("a WireGuard key is %1 base64 characters, got %2")
                                     .arg(kWireGuardKeyBase64Chars)
                                     .arg(trimmed.size()));
    // libsodium's decoder maps some bytes above 0x7f onto the alphabet (it
    // reads them as negative chars), so the alphabet is checked here first.
    for (const char c : trimmed) {
        const bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                              (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
        if (!alphabet)
            return wireGuardKeyError(
                QStringLiteral("a WireGuard key holds only standard base64 characters"));
    }
    size_t decoded = 0;
    const char *end = nullptr;
    const int rc = sodium_base642bin(out, kWireGuardKeyBytes, trimmed.data(),
                                     static_cast<size_t>(trimmed.size()), nullptr, &decoded, &end,
                                     sodium_base64_VARIANT_ORIGINAL);
    if (rc != 0 || end != trimmed.data() + trimmed.size() ||
        decoded != static_cast<size_t>(kWireGuardKeyBytes)) {
        sodium_memzero(out, kWireGuardKeyBytes);
        return wireGuardKeyError(
            QStringLiteral("a WireGuard key must be standard base64 of exactly 32 bytes"));
    }
    return {};
}

} // namespace

SecureBytes generateWireGuardPrivateKey()
{
    initialize();
    SecureBytes key(kWireGuardKeyBytes);
    randombytes_buf(key.data(), static_cast<size_t>(key.size()));
    clampWireGuardSecret(key.data());
    return key;
}

WireGuardKeyPair generateWireGuardKeyPair()
{
    WireGuardKeyPair pair;
    pair.privateKey = generateWireGuardPrivateKey();
    pair.publicKey = publicKeyOf(pair.privateKey);
    return pair;
}

QByteArray publicKeyOf(const SecureBytes &privateKey)
{
    if (privateKey.size() != kWireGuardKeyBytes)
        return {};
    initialize();
    // libsodium clamps inside crypto_scalarmult_base too; clamping a copy
    // here keeps the result independent of that implementation detail.
    SecureBytes clamped = SecureBytes::fromRaw(privateKey.view());
    clampWireGuardSecret(clamped.data());
    QByteArray publicKey(kWireGuardKeyBytes, '\0');
    if (crypto_scalarmult_base(reinterpret_cast<unsigned char *>(publicKey.data()),
                               clamped.data()) != 0)
        return {};
    return publicKey;
}

SecureBytes generatePresharedKey()
{
    initialize();
    SecureBytes key(kWireGuardKeyBytes);
    randombytes_buf(key.data(), static_cast<size_t>(key.size()));
    return key;
}

QString wireGuardKeyToBase64(QByteArrayView key)
{
    if (key.size() != kWireGuardKeyBytes)
        return {};
    return QString::fromLatin1(key.toByteArray().toBase64());
}

QByteArray wireGuardSecretToBase64(const SecureBytes &key)
{
    if (key.size() != kWireGuardKeyBytes)
        return {};
    // sodium_bin2base64 writes into our buffer (and its terminating NUL), so
    // no intermediate copy of the secret is left behind unwiped.
    QByteArray text(kWireGuardKeyBase64Chars + 1, '\0');
    sodium_bin2base64(text.data(), static_cast<size_t>(text.size()), key.data(),
                      static_cast<size_t>(key.size()), sodium_base64_VARIANT_ORIGINAL);
    text.truncate(kWireGuardKeyBase64Chars);
    return text;
}

Result<QByteArray> wireGuardPublicKeyFromBase64(QStringView text)
{
    const QByteArray latin1 = text.toLatin1();
    QByteArray key(kWireGuardKeyBytes, '\0');
    const Status status = decodeWireGuardKey(latin1, reinterpret_cast<unsigned char *>(key.data()));
    if (!status)
        return status.error();
    return key;
}

Result<SecureBytes> wireGuardSecretFromBase64(QByteArrayView text)
{
    SecureBytes key(kWireGuardKeyBytes);
    const Status status = decodeWireGuardKey(text, key.data());
    if (!status)
        return status.error();
    return key;
}

bool isValidWireGuardKey(QStringView text)
{
    return wireGuardPublicKeyFromBase64(text).ok();
}

} // namespace hm::crypto
