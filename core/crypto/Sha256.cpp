#include "crypto/Sha256.h"

#if defined(HM_CRYPTO_HAVE_OPENSSL)
#include <openssl/evp.h>
#else
#include <sodium.h>
#endif

namespace hm::crypto {

#if defined(HM_CRYPTO_HAVE_OPENSSL)

// OpenSSL 3 looks EVP_sha256() up in its provider tables on every init
// (locks and string compares): fetched once, a reset is cheap, which counts
// where many small texts are hashed (WireGuard peer digests, issue 36).
static const EVP_MD *fetchedSha256()
{
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
    static const EVP_MD *md = [] {
        const EVP_MD *fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        return fetched ? fetched : EVP_sha256();
    }();
    return md;
#else
    return EVP_sha256();
#endif
}

struct Sha256::State
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~State() { EVP_MD_CTX_free(ctx); }
    void reset() { EVP_DigestInit_ex(ctx, fetchedSha256(), nullptr); }
};

Sha256::Sha256() : m_state(std::make_unique<State>())
{
    m_state->reset();
}

void Sha256::addData(QByteArrayView bytes)
{
    EVP_DigestUpdate(m_state->ctx, bytes.data(), size_t(bytes.size()));
}

QByteArray Sha256::result()
{
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_state->ctx, reinterpret_cast<unsigned char *>(digest.data()), &length);
    m_state->reset();
    return digest;
}

const char *Sha256::backend()
{
    return "openssl";
}

#else

struct Sha256::State
{
    crypto_hash_sha256_state state;
    void reset() { crypto_hash_sha256_init(&state); }
};

Sha256::Sha256() : m_state(std::make_unique<State>())
{
    m_state->reset();
}

void Sha256::addData(QByteArrayView bytes)
{
    crypto_hash_sha256_update(&m_state->state,
                              reinterpret_cast<const unsigned char *>(bytes.data()),
                              quint64(bytes.size()));
}

QByteArray Sha256::result()
{
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256_final(&m_state->state, reinterpret_cast<unsigned char *>(digest.data()));
    m_state->reset();
    return digest;
}

const char *Sha256::backend()
{
    return "libsodium";
}

#endif

Sha256::~Sha256() = default;

QByteArray Sha256::hash(QByteArrayView bytes)
{
    Sha256 sha;
    sha.addData(bytes);
    return sha.result();
}

} // namespace hm::crypto
