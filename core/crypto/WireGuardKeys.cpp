#include "crypto/WireGuardKeys.h"

#include "crypto/Sodium.h"

#include <array>
#include <cstdint>
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

#if defined(__SIZEOF_INT128__)
// Curve25519 public keys through the Edwards curve. libsodium's X25519
// base point multiplication (this distribution's build uses the generic
// Montgomery ladder for it) costs about twice its Ed25519 base point
// multiplication, which uses a precomputed table. Both curves are
// birationally equivalent: the X25519 public key of s is the Montgomery u
// of [s]B on Ed25519, u = (1 + y) / (1 - y) mod p. Only that conversion
// (one field inversion) is done here, in 5 x 51-bit limbs as in
// curve25519-donna; TestWireGuardKeys holds the result against wg(8).
using FieldElement = std::array<std::uint64_t, 5>;
__extension__ typedef unsigned __int128 FieldWide; // GCC and Clang, 64-bit targets
constexpr std::uint64_t kLimbMask = (std::uint64_t(1) << 51) - 1;

std::uint64_t loadLe64(const unsigned char *bytes)
{
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | bytes[i];
    return value;
}

// The y coordinate of an encoded Edwards point (the top bit is x's sign).
FieldElement fieldFromBytes(const unsigned char *bytes)
{
    const std::uint64_t w0 = loadLe64(bytes);
    const std::uint64_t w1 = loadLe64(bytes + 8);
    const std::uint64_t w2 = loadLe64(bytes + 16);
    const std::uint64_t w3 = loadLe64(bytes + 24) & 0x7fffffffffffffffULL;
    return {w0 & kLimbMask, ((w0 >> 51) | (w1 << 13)) & kLimbMask,
            ((w1 >> 38) | (w2 << 26)) & kLimbMask, ((w2 >> 25) | (w3 << 39)) & kLimbMask, w3 >> 12};
}

void fieldCarry(FieldElement &h)
{
    for (int i = 0; i < 4; ++i) {
        h[i + 1] += h[i] >> 51;
        h[i] &= kLimbMask;
    }
    h[0] += 19 * (h[4] >> 51);
    h[4] &= kLimbMask;
    h[1] += h[0] >> 51;
    h[0] &= kLimbMask;
}

// Fully reduced little-endian bytes.
void fieldToBytes(unsigned char *out, FieldElement h)
{
    fieldCarry(h);
    fieldCarry(h);
    // q = 1 when h >= p = 2^255 - 19: then h + 19 carries out of 2^255.
    std::uint64_t q = (h[0] + 19) >> 51;
    for (int i = 1; i < 5; ++i)
        q = (h[i] + q) >> 51;
    h[0] += 19 * q;
    for (int i = 0; i < 4; ++i) {
        h[i + 1] += h[i] >> 51;
        h[i] &= kLimbMask;
    }
    h[4] &= kLimbMask;
    const std::uint64_t words[4] = {h[0] | (h[1] << 51), (h[1] >> 13) | (h[2] << 38),
                                    (h[2] >> 26) | (h[3] << 25), (h[3] >> 39) | (h[4] << 12)};
    for (int w = 0; w < 4; ++w)
        for (int i = 0; i < 8; ++i)
            out[8 * w + i] = static_cast<unsigned char>(words[w] >> (8 * i));
}

FieldElement fieldMul(const FieldElement &a, const FieldElement &b)
{
    const std::uint64_t b1 = 19 * b[1], b2 = 19 * b[2], b3 = 19 * b[3], b4 = 19 * b[4];
    FieldWide r0 = FieldWide(a[0]) * b[0] + FieldWide(a[1]) * b4 + FieldWide(a[2]) * b3 +
                   FieldWide(a[3]) * b2 + FieldWide(a[4]) * b1;
    FieldWide r1 = FieldWide(a[0]) * b[1] + FieldWide(a[1]) * b[0] + FieldWide(a[2]) * b4 +
                   FieldWide(a[3]) * b3 + FieldWide(a[4]) * b2;
    FieldWide r2 = FieldWide(a[0]) * b[2] + FieldWide(a[1]) * b[1] + FieldWide(a[2]) * b[0] +
                   FieldWide(a[3]) * b4 + FieldWide(a[4]) * b3;
    FieldWide r3 = FieldWide(a[0]) * b[3] + FieldWide(a[1]) * b[2] + FieldWide(a[2]) * b[1] +
                   FieldWide(a[3]) * b[0] + FieldWide(a[4]) * b4;
    FieldWide r4 = FieldWide(a[0]) * b[4] + FieldWide(a[1]) * b[3] + FieldWide(a[2]) * b[2] +
                   FieldWide(a[3]) * b[1] + FieldWide(a[4]) * b[0];
    r1 += std::uint64_t(r0 >> 51);
    r2 += std::uint64_t(r1 >> 51);
    r3 += std::uint64_t(r2 >> 51);
    r4 += std::uint64_t(r3 >> 51);
    FieldElement h{std::uint64_t(r0) & kLimbMask, std::uint64_t(r1) & kLimbMask,
                   std::uint64_t(r2) & kLimbMask, std::uint64_t(r3) & kLimbMask,
                   std::uint64_t(r4) & kLimbMask};
    h[0] += 19 * std::uint64_t(r4 >> 51);
    h[1] += h[0] >> 51;
    h[0] &= kLimbMask;
    return h;
}

FieldElement fieldSquareTimes(FieldElement a, int times)
{
    for (int i = 0; i < times; ++i)
        a = fieldMul(a, a);
    return a;
}

// z^(p - 2) = 1/z (0 for 0), ref10's addition chain.
FieldElement fieldInvert(const FieldElement &z)
{
    const FieldElement z2 = fieldMul(z, z);
    const FieldElement z9 = fieldMul(fieldSquareTimes(z2, 2), z);
    const FieldElement z11 = fieldMul(z9, z2);
    const FieldElement z2_5_0 = fieldMul(fieldMul(z11, z11), z9);
    const FieldElement z2_10_0 = fieldMul(fieldSquareTimes(z2_5_0, 5), z2_5_0);
    const FieldElement z2_20_0 = fieldMul(fieldSquareTimes(z2_10_0, 10), z2_10_0);
    const FieldElement z2_40_0 = fieldMul(fieldSquareTimes(z2_20_0, 20), z2_20_0);
    const FieldElement z2_50_0 = fieldMul(fieldSquareTimes(z2_40_0, 10), z2_10_0);
    const FieldElement z2_100_0 = fieldMul(fieldSquareTimes(z2_50_0, 50), z2_50_0);
    const FieldElement z2_200_0 = fieldMul(fieldSquareTimes(z2_100_0, 100), z2_100_0);
    const FieldElement z2_250_0 = fieldMul(fieldSquareTimes(z2_200_0, 50), z2_50_0);
    return fieldMul(fieldSquareTimes(z2_250_0, 5), z11);
}

// X25519(clamped, 9) through Ed25519; false when libsodium refuses the
// scalar (a multiple of the group order: the caller falls back).
bool curve25519BaseViaEdwards(unsigned char *publicKey, const unsigned char *clamped)
{
    unsigned char edwards[32];
    if (crypto_scalarmult_ed25519_base_noclamp(edwards, clamped) != 0)
        return false;
    const FieldElement y = fieldFromBytes(edwards);
    // 1 + y and 1 - y (as 2p + 1 - y, limbs stay positive).
    FieldElement onePlusY = y;
    onePlusY[0] += 1;
    const FieldElement oneMinusY{0xfffffffffffdaULL + 1 - y[0], 0xffffffffffffeULL - y[1],
                                 0xffffffffffffeULL - y[2], 0xffffffffffffeULL - y[3],
                                 0xffffffffffffeULL - y[4]};
    fieldToBytes(publicKey, fieldMul(onePlusY, fieldInvert(oneMinusY)));
    return true;
}
#endif

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
    // Clamped as wg(8) clamps: the Edwards path takes the scalar as is.
    SecureBytes clamped = SecureBytes::fromRaw(privateKey.view());
    clampWireGuardSecret(clamped.data());
    QByteArray publicKey(kWireGuardKeyBytes, '\0');
    auto *out = reinterpret_cast<unsigned char *>(publicKey.data());
#if defined(__SIZEOF_INT128__)
    if (curve25519BaseViaEdwards(out, clamped.data()))
        return publicKey;
#endif
    if (crypto_scalarmult_base(out, clamped.data()) != 0)
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
