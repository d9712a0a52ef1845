#pragma once

#include "crypto/DekStorage.h"

namespace hm::store {

class Database;

// crypto::DekStorage over the data_encryption_keys table (schema v1), so
// EnvelopeCipher's wrapped DEKs live in the encrypted database. Uses the
// caller's connection and therefore its thread rules.
class DekRepository final : public crypto::DekStorage
{
public:
    explicit DekRepository(Database &db);

    Result<QList<crypto::DekRecord>> loadAll() override;
    // ResourceAlreadyExists when (purpose, version) is taken.
    Status insert(const crypto::DekRecord &record) override;
    // retired_at becomes whenMs when status is Retired; KeyNotFound when the
    // record does not exist.
    Status updateStatus(const QString &purpose, int version, crypto::DekStatus status,
                        qint64 whenMs) override;
    // Master-key rotation: stores the record's encrypted_key and
    // encryption_iv (found by purpose and version). KeyNotFound when absent.
    Status updateWrapping(const crypto::DekRecord &record);

private:
    Database &m_db;
};

} // namespace hm::store
