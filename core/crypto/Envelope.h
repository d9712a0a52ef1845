#pragma once

#include "common/Result.h"
#include "crypto/DekStorage.h"
#include "crypto/SecureBytes.h"

#include <QByteArrayView>
#include <QReadWriteLock>
#include <QString>
#include <QStringView>
#include <map>

namespace hm::crypto {

// Seed 003 section 12.2 envelope encryption with XChaCha20-Poly1305 instead
// of AES-GCM (random 24-byte nonces are safe; AES-GCM's 12-byte ones are
// not at volume). Data is sealed under a per-purpose, versioned DEK; each DEK
// is stored wrapped under the DEK-wrapping subkey of the master key.
//
// Ciphertext: "v{version}:{base64 nonce}:{base64 ciphertext||tag}".
//
// Thread-safe: encryption and decryption share a read lock; creating,
// rotating, retiring and (re)loading DEKs take the write lock. Unwrapped DEKs
// stay cached in SecureBytes for the cipher's lifetime.
class EnvelopeCipher
{
public:
    EnvelopeCipher(SecureBytes wrappingKey, DekStorage &storage);

    // Reads and unwraps every DEK record. DecryptionError ("master key does not
    // match the stored data keys") when the wrapping key is not the one the
    // records were made with. The other calls load on first use if needed.
    Status load();

    // Seals under the purpose's ACTIVE DEK, creating version 1 on first use.
    // associatedData (e.g. the record id) must be given again to decrypt.
    Result<QString> encrypt(QByteArrayView plaintext, DekPurpose purpose,
                            QByteArrayView associatedData);
    // DecryptionError "malformed ciphertext" for anything not in the format;
    // KeyNotFound for an unknown or RETIRED version; DecryptionError when
    // authentication fails (tampered, wrong associated data, wrong key).
    // The caller wipes the returned plaintext when it is secret.
    Result<QByteArray> decrypt(QStringView ciphertext, DekPurpose purpose,
                               QByteArrayView associatedData);

    // Creates a new ACTIVE version; the previous ACTIVE one becomes
    // DECRYPT_ONLY. Returns the new version.
    Result<int> rotate(DekPurpose purpose);
    // DECRYPT_ONLY -> RETIRED: data sealed under it can no longer be read.
    // Refuses (EncryptionError) to retire the ACTIVE version.
    Status retire(DekPurpose purpose, int version);

    // 0 while the purpose has no DEK (or before load()).
    int activeVersion(DekPurpose purpose) const;

private:
    struct Dek
    {
        QString id;
        DekStatus status = DekStatus::Active;
        SecureBytes key; // empty once RETIRED
    };
    using Versions = std::map<int, Dek>;

    Status loadLocked();
    Status ensureLoadedLocked();
    Result<int> createDekLocked(const QString &purpose);
    const Dek *findLocked(const QString &purpose, int version) const;
    int activeVersionLocked(const QString &purpose) const;
    int maxVersionLocked(const QString &purpose) const;

    const SecureBytes m_wrappingKey;
    DekStorage &m_storage;
    mutable QReadWriteLock m_lock;
    bool m_loaded = false;
    std::map<QString, Versions> m_deks; // purpose name -> version -> DEK
};

// Master-key rotation: the same DEK record wrapped under `toKey` instead of
// `fromKey` (a fresh nonce; id, version, purpose and status kept). The DEK
// is unwrapped into a wiped buffer and never leaves it. DecryptionError when
// `fromKey` does not open the record.
Result<DekRecord> rewrapDek(const DekRecord &record, const SecureBytes &fromKey,
                            const SecureBytes &toKey);

} // namespace hm::crypto
