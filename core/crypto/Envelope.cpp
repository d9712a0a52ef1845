#include "crypto/Envelope.h"

#include "common/Logging.h"
#include "crypto/Aead.h"
#include "crypto/Random.h"
#include "crypto/Sodium.h"

#include <QDateTime>
#include <optional>
#include <sodium.h>

namespace hm::crypto {
namespace {

constexpr int kMaxVersionDigits = 9; // keeps toInt() far from overflow

Error malformed()
{
    return Error{ErrorCode::DecryptionError, QStringLiteral("malformed ciphertext"), {}};
}

Error keyMismatch()
{
    return Error{ErrorCode::DecryptionError,
                 QStringLiteral("master key does not match the stored data keys"),
                 {}};
}

Error versionUnavailable(const QString &purpose, int version)
{
    return Error{
        ErrorCode::KeyNotFound,
        QStringLiteral("data key %1 version %2 is unknown or retired").arg(purpose).arg(version),
        {}};
}

// Binds a wrapped DEK to its purpose and version, so a record copied to
// another row fails to unwrap instead of silently changing meaning.
QByteArray wrappingAd(const QString &purpose, int version)
{
    return QByteArrayLiteral("hivemind-dek:") + purpose.toLatin1() + ':' +
           QByteArray::number(version);
}

QByteArray decodeBase64(QStringView text, bool *ok)
{
    auto decoded =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    *ok = decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok;
    return decoded.decoded;
}

struct ParsedCiphertext
{
    int version = 0;
    QByteArray nonce;
    QByteArray sealed; // ciphertext || tag
};

std::optional<ParsedCiphertext> parse(QStringView text)
{
    if (!text.startsWith(u'v'))
        return std::nullopt;
    const qsizetype first = text.indexOf(u':');
    const qsizetype second = first < 0 ? -1 : text.indexOf(u':', first + 1);
    if (second < 0 || text.indexOf(u':', second + 1) >= 0)
        return std::nullopt;

    const QStringView digits = text.sliced(1, first - 1);
    if (digits.isEmpty() || digits.size() > kMaxVersionDigits)
        return std::nullopt;
    for (QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    ParsedCiphertext parsed;
    parsed.version = digits.toInt();
    if (parsed.version <= 0)
        return std::nullopt;

    bool nonceOk = false;
    bool sealedOk = false;
    parsed.nonce = decodeBase64(text.sliced(first + 1, second - first - 1), &nonceOk);
    parsed.sealed = decodeBase64(text.sliced(second + 1), &sealedOk);
    if (!nonceOk || !sealedOk || parsed.nonce.size() != aead::kNonceBytes ||
        parsed.sealed.size() < aead::kTagBytes)
        return std::nullopt;
    return parsed;
}

QString format(int version, const QByteArray &nonce, const QByteArray &sealed)
{
    return QLatin1Char('v') + QString::number(version) + QLatin1Char(':') +
           QString::fromLatin1(nonce.toBase64()) + QLatin1Char(':') +
           QString::fromLatin1(sealed.toBase64());
}

} // namespace

EnvelopeCipher::EnvelopeCipher(SecureBytes wrappingKey, DekStorage &storage)
    : m_wrappingKey(std::move(wrappingKey)), m_storage(storage)
{}

Status EnvelopeCipher::load()
{
    QWriteLocker locker(&m_lock);
    return loadLocked();
}

Status EnvelopeCipher::loadLocked()
{
    if (!initialize())
        return Status(ErrorCode::CryptoSelfTestFailed,
                      QStringLiteral("libsodium is not available"));
    if (m_wrappingKey.size() != aead::kKeyBytes)
        return Status(ErrorCode::EncryptionError,
                      QStringLiteral("the data-key wrapping key must be 32 bytes"));
    Result<QList<DekRecord>> records = m_storage.loadAll();
    if (!records.ok())
        return records.error();

    // Build aside and swap, so a failed reload leaves the working cache alone.
    std::map<QString, Versions> deks;
    for (const DekRecord &record : std::as_const(records.value())) {
        Dek dek{record.id, record.status, {}};
        if (record.status != DekStatus::Retired) {
            if (record.nonce.size() != aead::kNonceBytes ||
                record.encryptedKey.size() != aead::kKeyBytes + aead::kTagBytes)
                return keyMismatch();
            dek.key = SecureBytes(aead::kKeyBytes);
            if (!aead::open(m_wrappingKey, record.nonce, record.encryptedKey,
                            wrappingAd(record.purpose, record.version), dek.key.data()))
                return keyMismatch();
        }
        deks[record.purpose].insert_or_assign(record.version, std::move(dek));
    }

    // A crash between the two writes of rotate() can leave two ACTIVE rows:
    // the newest wins, older ones are treated as DECRYPT_ONLY.
    for (auto &[purpose, versions] : deks) {
        bool seenActive = false;
        for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
            if (it->second.status != DekStatus::Active)
                continue;
            if (seenActive) {
                qCWarning(lcCrypto) << "data key" << purpose << "version" << it->first
                                    << "is ACTIVE but not the newest; using it for decryption only";
                it->second.status = DekStatus::DecryptOnly;
            }
            seenActive = true;
        }
    }
    m_deks.swap(deks);
    m_loaded = true;
    return {};
}

Status EnvelopeCipher::ensureLoadedLocked()
{
    return m_loaded ? Status() : loadLocked();
}

const EnvelopeCipher::Dek *EnvelopeCipher::findLocked(const QString &purpose, int version) const
{
    const auto versions = m_deks.find(purpose);
    if (versions == m_deks.end())
        return nullptr;
    const auto dek = versions->second.find(version);
    return dek == versions->second.end() ? nullptr : &dek->second;
}

int EnvelopeCipher::activeVersionLocked(const QString &purpose) const
{
    const auto versions = m_deks.find(purpose);
    if (versions == m_deks.end())
        return 0;
    for (auto it = versions->second.rbegin(); it != versions->second.rend(); ++it) {
        if (it->second.status == DekStatus::Active)
            return it->first;
    }
    return 0;
}

int EnvelopeCipher::maxVersionLocked(const QString &purpose) const
{
    const auto versions = m_deks.find(purpose);
    if (versions == m_deks.end() || versions->second.empty())
        return 0;
    return versions->second.rbegin()->first;
}

Result<int> EnvelopeCipher::createDekLocked(const QString &purpose)
{
    const int version = maxVersionLocked(purpose) + 1;
    SecureBytes key(aead::kKeyBytes);
    crypto_aead_xchacha20poly1305_ietf_keygen(key.data());

    DekRecord record;
    record.id = uuid();
    record.version = version;
    record.purpose = purpose;
    record.nonce = aead::randomNonce();
    record.encryptedKey =
        aead::seal(m_wrappingKey, record.nonce, key.view(), wrappingAd(purpose, version));
    record.status = DekStatus::Active;
    record.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    if (record.encryptedKey.isEmpty())
        return Error{ErrorCode::EncryptionError, QStringLiteral("cannot wrap a new data key"), {}};

    Status stored = m_storage.insert(record);
    if (!stored.ok())
        return stored.error();
    m_deks[purpose].insert_or_assign(version, Dek{record.id, DekStatus::Active, std::move(key)});
    qCInfo(lcCrypto) << "created data key" << purpose << "version" << version;
    return version;
}

Result<QString> EnvelopeCipher::encrypt(QByteArrayView plaintext, DekPurpose purpose,
                                        QByteArrayView associatedData)
{
    const QString name = purposeName(purpose);
    const auto sealWith = [&](int version) -> Result<QString> {
        const QByteArray nonce = aead::randomNonce();
        const QByteArray sealed =
            aead::seal(findLocked(name, version)->key, nonce, plaintext, associatedData);
        if (sealed.isEmpty())
            return Error{ErrorCode::EncryptionError, QStringLiteral("encryption failed"), {}};
        return format(version, nonce, sealed);
    };

    {
        QReadLocker locker(&m_lock);
        if (m_loaded) {
            if (const int version = activeVersionLocked(name); version > 0)
                return sealWith(version);
        }
    }

    QWriteLocker locker(&m_lock);
    if (Status loaded = ensureLoadedLocked(); !loaded.ok())
        return loaded.error();
    int version = activeVersionLocked(name);
    if (version == 0) {
        Result<int> created = createDekLocked(name);
        if (!created.ok()) {
            // Another process may have created it first (unique (purpose,
            // version)): pick up its key rather than fail.
            if (loadLocked().ok())
                version = activeVersionLocked(name);
            if (version == 0)
                return created.error();
        } else {
            version = created.value();
        }
    }
    return sealWith(version);
}

Result<QByteArray> EnvelopeCipher::decrypt(QStringView ciphertext, DekPurpose purpose,
                                           QByteArrayView associatedData)
{
    const std::optional<ParsedCiphertext> parsed = parse(ciphertext);
    if (!parsed)
        return malformed();
    const QString name = purposeName(purpose);

    // std::nullopt: the cache cannot answer (not loaded, or a version newer
    // than any it knows, which another instance may have created since).
    const auto tryOpen = [&]() -> std::optional<Result<QByteArray>> {
        if (!m_loaded)
            return std::nullopt;
        const Dek *dek = findLocked(name, parsed->version);
        if (!dek && parsed->version > maxVersionLocked(name))
            return std::nullopt;
        if (!dek || dek->status == DekStatus::Retired)
            return Result<QByteArray>(versionUnavailable(name, parsed->version));
        QByteArray plaintext(parsed->sealed.size() - aead::kTagBytes, Qt::Uninitialized);
        if (!aead::open(dek->key, parsed->nonce, parsed->sealed, associatedData,
                        reinterpret_cast<unsigned char *>(plaintext.data()))) {
            wipe(plaintext);
            return Result<QByteArray>(
                ErrorCode::DecryptionError,
                QStringLiteral("ciphertext failed authentication (tampered, wrong associated "
                               "data or wrong key)"));
        }
        return Result<QByteArray>(std::move(plaintext));
    };

    {
        QReadLocker locker(&m_lock);
        if (std::optional<Result<QByteArray>> result = tryOpen())
            return std::move(*result);
    }
    QWriteLocker locker(&m_lock);
    if (Status loaded = loadLocked(); !loaded.ok())
        return loaded.error();
    if (std::optional<Result<QByteArray>> result = tryOpen())
        return std::move(*result);
    return versionUnavailable(name, parsed->version);
}

Result<int> EnvelopeCipher::rotate(DekPurpose purpose)
{
    const QString name = purposeName(purpose);
    QWriteLocker locker(&m_lock);
    if (Status loaded = ensureLoadedLocked(); !loaded.ok())
        return loaded.error();
    const int previous = activeVersionLocked(name);
    Result<int> created = createDekLocked(name);
    if (!created.ok())
        return created.error();
    if (previous > 0) {
        // The new version is already stored ACTIVE; if this second write
        // fails, load() still treats the older ACTIVE row as DECRYPT_ONLY.
        Status demoted = m_storage.updateStatus(name, previous, DekStatus::DecryptOnly,
                                                QDateTime::currentMSecsSinceEpoch());
        if (!demoted.ok())
            qCWarning(lcCrypto) << "could not mark data key" << name << "version" << previous
                                << "DECRYPT_ONLY:" << demoted.error().toString();
        m_deks[name][previous].status = DekStatus::DecryptOnly;
    }
    return created;
}

Status EnvelopeCipher::retire(DekPurpose purpose, int version)
{
    const QString name = purposeName(purpose);
    QWriteLocker locker(&m_lock);
    if (Status loaded = ensureLoadedLocked(); !loaded.ok())
        return loaded;
    const Dek *found = findLocked(name, version);
    if (!found)
        return versionUnavailable(name, version);
    if (found->status == DekStatus::Active)
        return Status(ErrorCode::EncryptionError,
                      QStringLiteral("data key %1 version %2 is the active key; rotate before "
                                     "retiring it")
                          .arg(name)
                          .arg(version));
    if (found->status == DekStatus::Retired)
        return {};
    Status stored = m_storage.updateStatus(name, version, DekStatus::Retired,
                                           QDateTime::currentMSecsSinceEpoch());
    if (!stored.ok())
        return stored;
    Dek &dek = m_deks[name][version];
    dek.status = DekStatus::Retired;
    dek.key = SecureBytes(); // wipes the cached key
    qCInfo(lcCrypto) << "retired data key" << name << "version" << version;
    return {};
}

int EnvelopeCipher::activeVersion(DekPurpose purpose) const
{
    QReadLocker locker(&m_lock);
    return activeVersionLocked(purposeName(purpose));
}

Result<DekRecord> rewrapDek(const DekRecord &record, const SecureBytes &fromKey,
                            const SecureBytes &toKey)
{
    if (!initialize())
        return Error{
            ErrorCode::CryptoSelfTestFailed, QStringLiteral("libsodium is not available"), {}};
    if (fromKey.size() != aead::kKeyBytes || toKey.size() != aead::kKeyBytes)
        return Error{ErrorCode::EncryptionError,
                     QStringLiteral("the data-key wrapping keys must be 32 bytes"),
                     {}};
    if (record.nonce.size() != aead::kNonceBytes ||
        record.encryptedKey.size() != aead::kKeyBytes + aead::kTagBytes)
        return keyMismatch();
    const QByteArray ad = wrappingAd(record.purpose, record.version);
    SecureBytes dek(aead::kKeyBytes);
    if (!aead::open(fromKey, record.nonce, record.encryptedKey, ad, dek.data()))
        return keyMismatch();
    DekRecord rewrapped = record;
    rewrapped.nonce = aead::randomNonce();
    rewrapped.encryptedKey = aead::seal(toKey, rewrapped.nonce, dek.view(), ad);
    if (rewrapped.encryptedKey.isEmpty())
        return Error{ErrorCode::EncryptionError, QStringLiteral("cannot wrap a data key"), {}};
    return rewrapped;
}

} // namespace hm::crypto
