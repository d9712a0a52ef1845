#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringView>
#include <optional>

namespace hm::crypto {

// Seed 003 section 12.2.3 (data_encryption_keys); LOG is BACKUP here.
enum class DekPurpose
{
    Credential,
    Backup,
    General
};
QString purposeName(DekPurpose purpose); // "CREDENTIAL", "BACKUP", "GENERAL"

enum class DekStatus
{
    Active,
    DecryptOnly,
    Retired
};
QString statusName(DekStatus status); // "ACTIVE", "DECRYPT_ONLY", "RETIRED"
std::optional<DekStatus> statusFromName(QStringView name);

// One row of data_encryption_keys. The DEK itself only ever leaves memory
// wrapped: encryptedKey is XChaCha20-Poly1305 under the DEK-wrapping subkey.
struct DekRecord
{
    QString id; // UUID without braces
    int version = 0;
    QString purpose; // purposeName()
    QByteArray encryptedKey;
    QByteArray nonce; // 24 bytes, the wrapping nonce
    DekStatus status = DekStatus::Active;
    qint64 createdAtMs = 0;
    std::optional<qint64> retiredAtMs;
};

// Where EnvelopeCipher keeps its DEK records; the store implements it over
// SQLCipher. (purpose, version) is unique.
class DekStorage
{
public:
    virtual ~DekStorage() = default;
    virtual Result<QList<DekRecord>> loadAll() = 0;
    // Fails if (purpose, version) already exists.
    virtual Status insert(const DekRecord &record) = 0;
    // whenMs becomes retiredAtMs when status is Retired. KeyNotFound if the
    // record does not exist.
    virtual Status updateStatus(const QString &purpose, int version, DekStatus status,
                                qint64 whenMs) = 0;
};

// For tests and for tools that never persist.
class InMemoryDekStorage final : public DekStorage
{
public:
    Result<QList<DekRecord>> loadAll() override;
    Status insert(const DekRecord &record) override;
    Status updateStatus(const QString &purpose, int version, DekStatus status,
                        qint64 whenMs) override;

private:
    QMutex m_mutex;
    QList<DekRecord> m_records;
};

} // namespace hm::crypto
