#include "common/Logging.h"
#include "crypto/Sodium.h"

#include <sodium.h>

namespace hm::crypto {
namespace {

Status failure(const char *primitive)
{
    return Status(
        ErrorCode::CryptoSelfTestFailed,
        QStringLiteral("cryptographic self-test failed: %1").arg(QLatin1String(primitive)));
}

const unsigned char *bytes(const QByteArray &array)
{
    return reinterpret_cast<const unsigned char *>(array.constData());
}

// draft-irtf-cfrg-xchacha-03, appendix A.3.1.
bool xchacha20Poly1305KnownAnswer()
{
    const QByteArray plaintext("Ladies and Gentlemen of the class of '99: If I could offer you "
                               "only one tip for the future, sunscreen would be it.");
    const QByteArray aad = QByteArray::fromHex("50515253c0c1c2c3c4c5c6c7");
    const QByteArray key =
        QByteArray::fromHex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
    const QByteArray nonce =
        QByteArray::fromHex("404142434445464748494a4b4c4d4e4f5051525354555657");
    const QByteArray expected =
        QByteArray::fromHex("bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb"
                            "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452"
                            "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
                            "21f9664c97637da9768812f615c68b13b52e"
                            "c0875924c1c7987947deafd8780acf49"); // tag

    QByteArray ciphertext(plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES,
                          Qt::Uninitialized);
    unsigned long long ciphertextLength = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char *>(ciphertext.data()), &ciphertextLength, bytes(plaintext),
        static_cast<unsigned long long>(plaintext.size()), bytes(aad),
        static_cast<unsigned long long>(aad.size()), nullptr, bytes(nonce), bytes(key));
    if (ciphertextLength != static_cast<unsigned long long>(expected.size()) ||
        ciphertext != expected)
        return false;

    QByteArray decrypted(plaintext.size(), Qt::Uninitialized);
    unsigned long long decryptedLength = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(decrypted.data()), &decryptedLength, nullptr,
            bytes(expected), static_cast<unsigned long long>(expected.size()), bytes(aad),
            static_cast<unsigned long long>(aad.size()), bytes(nonce), bytes(key)) != 0)
        return false;
    return decryptedLength == static_cast<unsigned long long>(plaintext.size()) &&
           decrypted == plaintext;
}

// FIPS 180-2, appendix B.1.
bool sha256KnownAnswer()
{
    const QByteArray expected =
        QByteArray::fromHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char *>("abc"), 3);
    return QByteArrayView(digest, sizeof digest) == expected;
}

// Argon2id has no short published vector for the encoded-string API, so this
// is a round trip with the cheapest parameters: hash, verify, reject.
bool argon2idRoundTrip()
{
    static const char password[] = "hivemind-self-test";
    char encoded[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(
            encoded, password, sizeof password - 1, crypto_pwhash_argon2id_OPSLIMIT_MIN,
            crypto_pwhash_argon2id_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return false;
    if (qstrncmp(encoded, crypto_pwhash_argon2id_STRPREFIX,
                 sizeof crypto_pwhash_argon2id_STRPREFIX - 1) != 0)
        return false;
    if (crypto_pwhash_str_verify(encoded, password, sizeof password - 1) != 0)
        return false;
    return crypto_pwhash_str_verify(encoded, password, sizeof password - 2) != 0;
}

// RFC 7748 section 6.1: Alice's public key from her private key.
bool x25519KnownAnswer()
{
    const QByteArray alicePrivate =
        QByteArray::fromHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    const QByteArray alicePublic =
        QByteArray::fromHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    unsigned char computed[crypto_scalarmult_curve25519_BYTES];
    if (crypto_scalarmult_curve25519_base(computed, bytes(alicePrivate)) != 0)
        return false;
    return QByteArrayView(computed, sizeof computed) == alicePublic;
}

} // namespace

Status selfTest()
{
    if (!initialize())
        return failure("libsodium initialisation");
    if (!xchacha20Poly1305KnownAnswer())
        return failure("XChaCha20-Poly1305");
    if (!sha256KnownAnswer())
        return failure("SHA-256");
    if (!argon2idRoundTrip())
        return failure("Argon2id");
    if (!x25519KnownAnswer())
        return failure("X25519");
    qCDebug(lcCrypto) << "cryptographic self-test passed";
    return {};
}

} // namespace hm::crypto
