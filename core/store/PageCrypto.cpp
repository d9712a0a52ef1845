// SQLCipher's page crypto over per-thread OpenSSL contexts (PageCrypto_p.h).
//
// Why: in the history writer, sqlcipher_page_cipher took about a quarter of
// the thread's time, and most of that was not the cipher. SQLCipher 3.4's
// OpenSSL provider, for every page:
//   - cipher: EVP_CIPHER_CTX_new, two EVP_CipherInit_ex (each an implicit
//     fetch of the algorithm by name under OpenSSL 3), free;
//   - hmac: HMAC_CTX_new, HMAC_Init_ex (fetch, and two SHA-1 blocks for the
//     key pads), free;
//   - random: RAND_bytes for 48 bytes under a process-wide SQLite mutex;
//     OpenSSL 3's generator re-keys itself after each call and checks for
//     a fork with getpid().
// Measured on 4 KiB pages here (tests/bench/BenchPageCrypto.cpp,
// docs/benchmarks.md, session 18): the 48 random bytes cost
// 2.1 us, two thirds of the HMAC of the whole page.
//
// How: SQLCipher 3 keeps its primitives in a provider table
// (sqlcipher_provider) and copies the registered one into every connection
// it keys. Before each key (prepareForKey) the registered table is made a
// copy of the stock OpenSSL one with three entries replaced:
//   - cipher: the same AES-256-CBC through two per-thread EVP_CIPHER_CTXs
//     (one per direction) that keep the expanded key while the key stays
//     the same, so a page only sets its IV; the algorithm fetched once;
//   - hmac: the same HMAC-SHA1 through a per-thread EVP_MAC_CTX that keeps
//     its key while the key stays the same (one per database);
//   - random: bytes from a per-thread 4 KiB pool that RAND_bytes refills.
//     IVs need unpredictable bytes, not fresh system calls; the pool holds
//     only bytes not yet handed out, and is wiped at thread exit. The
//     process never uses SQLite in a forked child (QProcess executes at
//     once), so a copied pool is never read twice.
// Anything else (another cipher name, a key size OpenSSL refuses, a failed
// call) goes to the stock function, so a page is never written differently
// from what SQLCipher would write: SQLCipher ignores the return value of
// cipher() and hmac() when it encrypts.
//
// When: only for SQLCipher 3 with its OpenSSL provider, the table layout
// declared below (SQLCipher 4 changed it), and only after the stock and
// fast functions gave identical results on a sample page (usable()).
// Anywhere else SQLCipher keeps its own provider.

#include "common/Logging.h"
#include "store/PageCrypto_p.h"

#include <array>
#include <atomic>
#include <cstring>
#include <sqlite3.h>

#ifdef HM_HAVE_OPENSSL // set by core/store/CMakeLists.txt when OpenSSL is found
#include <openssl/opensslv.h>
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
#define HM_PAGE_CRYPTO 1
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#endif
#endif

#ifdef HM_PAGE_CRYPTO

extern "C" {
// sqlcipher.h of SQLCipher 3.x (not installed by its packages): the
// provider table, and the three functions that register one.
struct sqlcipher_provider
{
    int (*activate)(void *ctx);
    int (*deactivate)(void *ctx);
    const char *(*get_provider_name)(void *ctx);
    int (*add_random)(void *ctx, void *buffer, int length);
    int (*random)(void *ctx, void *buffer, int length);
    int (*hmac)(void *ctx, unsigned char *hmac_key, int key_sz, unsigned char *in, int in_sz,
                unsigned char *in2, int in2_sz, unsigned char *out);
    int (*kdf)(void *ctx, const unsigned char *pass, int pass_sz, unsigned char *salt, int salt_sz,
               int workfactor, int key_sz, unsigned char *key);
    int (*cipher)(void *ctx, int mode, unsigned char *key, int key_sz, unsigned char *iv,
                  unsigned char *in, int in_sz, unsigned char *out);
    int (*set_cipher)(void *ctx, const char *cipher_name);
    const char *(*get_cipher)(void *ctx);
    int (*get_key_sz)(void *ctx);
    int (*get_iv_sz)(void *ctx);
    int (*get_block_sz)(void *ctx);
    int (*get_hmac_sz)(void *ctx);
    int (*ctx_copy)(void *target_ctx, void *source_ctx);
    int (*ctx_cmp)(void *c1, void *c2);
    int (*ctx_init)(void **ctx);
    int (*ctx_free)(void **ctx);
    int (*fips_status)(void *ctx);
    const char *(*get_provider_version)(void *ctx);
};
sqlcipher_provider *sqlcipher_get_provider();
int sqlcipher_register_provider(sqlcipher_provider *p);
void *sqlcipher_malloc(int sz);
}

namespace hm::store::detail::page_crypto {

namespace {

constexpr int kKeySize = 32;  // AES-256
constexpr int kIvSize = 16;   // one AES block
constexpr int kHmacSize = 20; // SHA-1
constexpr int kMaxHmacKey = 64;
constexpr int kEncrypt = 1; // SQLCipher's CIPHER_ENCRYPT (CIPHER_DECRYPT = 0)

// The stock OpenSSL provider, copied once (probe()).
sqlcipher_provider g_stock{};
std::atomic<bool> g_enabled{true};

const EVP_CIPHER *aes256Cbc()
{
    static EVP_CIPHER *const cipher = EVP_CIPHER_fetch(nullptr, "AES-256-CBC", nullptr);
    return cipher;
}

EVP_MAC *hmacAlgorithm()
{
    static EVP_MAC *const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    return mac;
}

// One per thread that encrypts or decrypts pages; freed and wiped when the
// thread ends.
struct ThreadCrypto
{
    // One context per direction, each keeping its expanded key while the
    // key stays the same: a page then only sets its IV.
    struct Cipher
    {
        EVP_CIPHER_CTX *ctx = nullptr;
        std::array<unsigned char, kKeySize> key{};
        bool keyed = false;
    };
    std::array<Cipher, 2> ciphers; // [0] decrypt, [1] encrypt
    EVP_MAC_CTX *mac = nullptr;
    std::array<unsigned char, kMaxHmacKey> macKey{};
    int macKeySize = -1; // -1: mac holds no key
    std::array<unsigned char, 4096> pool{};
    size_t poolUsed = pool.size(); // empty

    ThreadCrypto() = default;
    ThreadCrypto(const ThreadCrypto &) = delete;
    ThreadCrypto &operator=(const ThreadCrypto &) = delete;
    ~ThreadCrypto()
    {
        for (Cipher &c : ciphers) {
            EVP_CIPHER_CTX_free(c.ctx); // wipes the key schedule
            OPENSSL_cleanse(c.key.data(), c.key.size());
        }
        EVP_MAC_CTX_free(mac);
        OPENSSL_cleanse(macKey.data(), macKey.size());
        OPENSSL_cleanse(pool.data(), pool.size());
    }
};

ThreadCrypto &threadCrypto()
{
    thread_local ThreadCrypto crypto;
    return crypto;
}

bool isAes256Cbc(void *ctx)
{
    const char *name = g_stock.get_cipher ? g_stock.get_cipher(ctx) : nullptr;
    return name && qstricmp(name, "aes-256-cbc") == 0;
}

bool fastCipherRun(int mode, const unsigned char *key, const unsigned char *iv,
                   const unsigned char *in, int inSize, unsigned char *out)
{
    const int encrypt = mode == kEncrypt ? 1 : 0;
    ThreadCrypto::Cipher &c = threadCrypto().ciphers[size_t(encrypt)];
    if (!c.ctx && !(c.ctx = EVP_CIPHER_CTX_new()))
        return false;
    if (c.keyed && CRYPTO_memcmp(key, c.key.data(), c.key.size()) == 0) {
        if (EVP_CipherInit_ex2(c.ctx, nullptr, nullptr, iv, encrypt, nullptr) != 1)
            return false;
    } else {
        c.keyed = false;
        if (!aes256Cbc() ||
            EVP_CipherInit_ex2(c.ctx, aes256Cbc(), key, iv, encrypt, nullptr) != 1 ||
            EVP_CIPHER_CTX_set_padding(c.ctx, 0) != 1)
            return false;
        std::memcpy(c.key.data(), key, c.key.size());
        c.keyed = true;
    }
    int n = 0;
    int last = 0;
    return EVP_CipherUpdate(c.ctx, out, &n, in, inSize) == 1 &&
           EVP_CipherFinal_ex(c.ctx, out + n, &last) == 1 && n + last == inSize;
}

int fastCipher(void *ctx, int mode, unsigned char *key, int keySize, unsigned char *iv,
               unsigned char *in, int inSize, unsigned char *out)
{
    if (keySize == kKeySize && inSize >= 0 && inSize % kIvSize == 0 && isAes256Cbc(ctx) &&
        fastCipherRun(mode, key, iv, in, inSize, out))
        return SQLITE_OK;
    return g_stock.cipher(ctx, mode, key, keySize, iv, in, inSize, out);
}

bool fastHmacRun(const unsigned char *key, int keySize, const unsigned char *in, int inSize,
                 const unsigned char *in2, int in2Size, unsigned char *out)
{
    ThreadCrypto &t = threadCrypto();
    if (!t.mac && !(hmacAlgorithm() && (t.mac = EVP_MAC_CTX_new(hmacAlgorithm()))))
        return false;
    if (keySize != t.macKeySize || CRYPTO_memcmp(key, t.macKey.data(), size_t(keySize)) != 0) {
        char digest[] = "SHA1";
        const OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
            OSSL_PARAM_construct_end()};
        t.macKeySize = -1;
        if (EVP_MAC_init(t.mac, key, size_t(keySize), params) != 1)
            return false;
        std::memcpy(t.macKey.data(), key, size_t(keySize));
        t.macKeySize = keySize;
    } else if (EVP_MAC_init(t.mac, nullptr, 0, nullptr) != 1) { // same key: only reset
        return false;
    }
    size_t written = 0;
    return EVP_MAC_update(t.mac, in, size_t(inSize)) == 1 &&
           EVP_MAC_update(t.mac, in2, size_t(in2Size)) == 1 &&
           EVP_MAC_final(t.mac, out, &written, kHmacSize) == 1 && written == kHmacSize;
}

int fastHmac(void *ctx, unsigned char *key, int keySize, unsigned char *in, int inSize,
             unsigned char *in2, int in2Size, unsigned char *out)
{
    if (keySize > 0 && keySize <= kMaxHmacKey && inSize >= 0 && in2Size >= 0 &&
        fastHmacRun(key, keySize, in, inSize, in2, in2Size, out))
        return SQLITE_OK;
    return g_stock.hmac(ctx, key, keySize, in, inSize, in2, in2Size, out);
}

int fastRandom(void *ctx, void *buffer, int length)
{
    if (length <= 0)
        return SQLITE_OK;
    ThreadCrypto &t = threadCrypto();
    if (size_t(length) > t.pool.size() / 4) // not what pages ask for
        return g_stock.random(ctx, buffer, length);
    if (t.poolUsed + size_t(length) > t.pool.size()) {
        if (RAND_bytes(t.pool.data(), int(t.pool.size())) != 1)
            return SQLITE_ERROR;
        t.poolUsed = 0;
    }
    unsigned char *bytes = t.pool.data() + t.poolUsed;
    std::memcpy(buffer, bytes, size_t(length));
    OPENSSL_cleanse(bytes, size_t(length)); // handed out once only
    t.poolUsed += size_t(length);
    return SQLITE_OK;
}

// A stock provider context set to SQLCipher's default cipher.
struct StockContext
{
    void *ctx = nullptr;
    bool ok = false;
    StockContext()
    {
        ok = g_stock.ctx_init && g_stock.ctx_init(&ctx) == SQLITE_OK &&
             g_stock.set_cipher(ctx, "aes-256-cbc") == SQLITE_OK;
    }
    ~StockContext()
    {
        if (ctx)
            g_stock.ctx_free(&ctx);
    }
    StockContext(const StockContext &) = delete;
    StockContext &operator=(const StockContext &) = delete;
};

// One per thread for the side-by-side functions below (set up once, so
// their cost is the primitive's).
const StockContext &threadStockContext()
{
    thread_local const StockContext stock;
    return stock;
}

QByteArray runCipher(Impl impl, void *ctx, bool encrypt, QByteArrayView key, QByteArrayView iv,
                     QByteArrayView in)
{
    if (key.size() != kKeySize || iv.size() != kIvSize || in.size() % kIvSize != 0)
        return {};
    QByteArray out(in.size(), '\0');
    // The provider's signature takes non-const buffers it does not write.
    QByteArray keyCopy = key.toByteArray();
    QByteArray ivCopy = iv.toByteArray();
    QByteArray inCopy = in.toByteArray();
    auto *k = reinterpret_cast<unsigned char *>(keyCopy.data());
    auto *v = reinterpret_cast<unsigned char *>(ivCopy.data());
    auto *i = reinterpret_cast<unsigned char *>(inCopy.data());
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    const int mode = encrypt ? kEncrypt : 0;
    const bool done = impl == Impl::Fast ? fastCipherRun(mode, k, v, i, int(in.size()), o)
                                         : g_stock.cipher(ctx, mode, k, kKeySize, v, i,
                                                          int(in.size()), o) == SQLITE_OK;
    return done ? out : QByteArray();
}

QByteArray runHmac(Impl impl, void *ctx, QByteArrayView key, QByteArrayView in, QByteArrayView in2)
{
    if (key.isEmpty() || key.size() > kMaxHmacKey)
        return {};
    QByteArray out(kHmacSize, '\0');
    QByteArray keyCopy = key.toByteArray();
    QByteArray inCopy = in.toByteArray();
    QByteArray in2Copy = in2.toByteArray();
    auto *k = reinterpret_cast<unsigned char *>(keyCopy.data());
    auto *i = reinterpret_cast<unsigned char *>(inCopy.data());
    auto *i2 = reinterpret_cast<unsigned char *>(in2Copy.data());
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    const bool done =
        impl == Impl::Fast
            ? fastHmacRun(k, int(key.size()), i, int(in.size()), i2, int(in2.size()), o)
            : g_stock.hmac(ctx, k, int(key.size()), i, int(in.size()), i2, int(in2.size()), o) ==
                  SQLITE_OK;
    return done ? out : QByteArray();
}

// The stock table is one this file was written for, and agrees with the
// fast functions on a sample page, both ways.
bool stockMatches()
{
    if (!g_stock.get_provider_name || !g_stock.cipher || !g_stock.hmac || !g_stock.random ||
        !g_stock.ctx_init || !g_stock.ctx_free || !g_stock.set_cipher || !g_stock.get_cipher)
        return false;
    const char *name = g_stock.get_provider_name(nullptr);
    if (!name || std::strcmp(name, "openssl") != 0)
        return false;
    StockContext stock;
    if (!stock.ok || g_stock.get_key_sz(stock.ctx) != kKeySize ||
        g_stock.get_iv_sz(stock.ctx) != kIvSize || g_stock.get_block_sz(stock.ctx) != kIvSize ||
        g_stock.get_hmac_sz(stock.ctx) != kHmacSize)
        return false;
    QByteArray key(kKeySize, '\0');
    QByteArray iv(kIvSize, '\0');
    QByteArray page(4096 - 48, '\0');
    for (QByteArray *bytes : {&key, &iv, &page}) {
        if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes->data()), int(bytes->size())) != 1)
            return false;
    }
    const QByteArray encrypted = runCipher(Impl::Stock, stock.ctx, true, key, iv, page);
    const bool same = !encrypted.isEmpty() &&
                      runCipher(Impl::Fast, stock.ctx, true, key, iv, page) == encrypted &&
                      runCipher(Impl::Fast, stock.ctx, false, key, iv, encrypted) == page &&
                      runHmac(Impl::Stock, stock.ctx, key, page, "\x01\x02\x03\x04") ==
                          runHmac(Impl::Fast, stock.ctx, key, page, "\x01\x02\x03\x04");
    OPENSSL_cleanse(key.data(), size_t(key.size()));
    return same;
}

// Once per process: copies SQLCipher's stock provider (registered when a
// connection is first keyed) and checks it (stockMatches()).
bool probe()
{
    static const bool usable = [] {
        sqlite3 *db = nullptr;
        bool ok = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                  nullptr) == SQLITE_OK;
        QByteArray version;
        sqlite3_stmt *stmt = nullptr;
        if (ok &&
            sqlite3_prepare_v2(db, "PRAGMA cipher_version", -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            version = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
        sqlite3_finalize(stmt);
        // SQLCipher 4 changed the table (hmac() takes an algorithm). A raw
        // key, so the probe costs no key derivation.
        ok = ok && version.startsWith("3.") &&
             sqlite3_exec(db,
                          "PRAGMA key = \"x'"
                          "0000000000000000000000000000000000000000000000000000000000000000"
                          "'\"; SELECT count(*) FROM sqlite_master",
                          nullptr, nullptr, nullptr) == SQLITE_OK;
        if (ok) {
            sqlite3_mutex *master = sqlite3_mutex_alloc(SQLITE_MUTEX_STATIC_MASTER);
            sqlite3_mutex_enter(master);
            const sqlcipher_provider *registered = sqlcipher_get_provider();
            if (registered)
                g_stock = *registered;
            sqlite3_mutex_leave(master);
            // Not ours: the probe runs before anything registers ours.
            ok = registered && registered->random != fastRandom && stockMatches();
        }
        sqlite3_close(db);
        if (!ok)
            qCInfo(lcStore) << "page crypto: SQLCipher's own provider (SQLCipher"
                            << version.constData() << ")";
        return ok;
    }();
    return usable;
}

// Registers `table` as the provider of connections keyed from now on,
// unless the registered one already has the same random function.
void registerProvider(const sqlcipher_provider &table)
{
    sqlite3_mutex *master = sqlite3_mutex_alloc(SQLITE_MUTEX_STATIC_MASTER);
    // Under the lock SQLCipher's (de)activation holds: no connection is
    // registering the stock table or freeing the registered one meanwhile.
    sqlite3_mutex_enter(master);
    const sqlcipher_provider *registered = sqlcipher_get_provider();
    if (!registered || registered->random != table.random) {
        // SQLCipher frees the registered table with sqlcipher_free.
        auto *copy = static_cast<sqlcipher_provider *>(sqlcipher_malloc(sizeof(table)));
        if (copy) {
            *copy = table;
            sqlcipher_register_provider(copy);
        }
    }
    sqlite3_mutex_leave(master);
}

} // namespace

void prepareForKey()
{
    if (!g_enabled.load(std::memory_order_relaxed) || !probe())
        return;
    sqlcipher_provider fast = g_stock;
    fast.cipher = fastCipher;
    fast.hmac = fastHmac;
    fast.random = fastRandom;
    registerProvider(fast);
}

bool usable()
{
    return probe();
}

bool inUse()
{
    if (!probe())
        return false;
    sqlite3_mutex *master = sqlite3_mutex_alloc(SQLITE_MUTEX_STATIC_MASTER);
    sqlite3_mutex_enter(master);
    const sqlcipher_provider *registered = sqlcipher_get_provider();
    // Nothing registered: the next key registers ours (prepareForKey).
    const bool fast =
        registered ? registered->random == fastRandom : g_enabled.load(std::memory_order_relaxed);
    sqlite3_mutex_leave(master);
    return fast;
}

void setEnabled(bool enabled)
{
    g_enabled.store(enabled, std::memory_order_relaxed);
    if (!probe())
        return;
    if (enabled)
        prepareForKey();
    else
        registerProvider(g_stock);
}

QByteArray cipher(Impl impl, bool encrypt, QByteArrayView key, QByteArrayView iv, QByteArrayView in)
{
    if (!probe())
        return {};
    const StockContext &stock = threadStockContext();
    return stock.ok ? runCipher(impl, stock.ctx, encrypt, key, iv, in) : QByteArray();
}

QByteArray hmac(Impl impl, QByteArrayView key, QByteArrayView in, QByteArrayView in2)
{
    if (!probe())
        return {};
    const StockContext &stock = threadStockContext();
    return stock.ok ? runHmac(impl, stock.ctx, key, in, in2) : QByteArray();
}

QByteArray random(Impl impl, int length)
{
    if (!probe() || length < 0)
        return {};
    QByteArray out(length, '\0');
    const StockContext &stock = threadStockContext();
    const int rc = impl == Impl::Fast ? fastRandom(stock.ctx, out.data(), length)
                                      : g_stock.random(stock.ctx, out.data(), length);
    return rc == SQLITE_OK ? out : QByteArray();
}

} // namespace hm::store::detail::page_crypto

#else // no OpenSSL 3: SQLCipher keeps its own provider

namespace hm::store::detail::page_crypto {
void prepareForKey() {}
bool usable()
{
    return false;
}
bool inUse()
{
    return false;
}
void setEnabled(bool) {}
QByteArray cipher(Impl, bool, QByteArrayView, QByteArrayView, QByteArrayView)
{
    return {};
}
QByteArray hmac(Impl, QByteArrayView, QByteArrayView, QByteArrayView)
{
    return {};
}
QByteArray random(Impl, int)
{
    return {};
}
} // namespace hm::store::detail::page_crypto

#endif
