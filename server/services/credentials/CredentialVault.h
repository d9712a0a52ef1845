#pragma once

// The credential vault (seed 003 §13, docs/vault.md) on the server thread:
// create, read, list, update and delete credentials with the owner checks,
// secrets sealed under the CREDENTIAL data key with the row id as
// associated data. What it returns for display (credentialJson) never
// holds a secret value; open() is the only way to the secrets, for using a
// credential (the test route, service calls).

#include "common/Result.h"
#include "server/api/Roles.h"
#include "server/repositories/CredentialRepository.h"
#include "server/services/credentials/CredentialPayload.h"

#include <QJsonObject>

namespace hm::crypto {
class EnvelopeCipher;
}
namespace hm::store {
class Database;
}

namespace hm::server::credentials {

using repositories::CredentialRow;

// {id, name, description, type, visibility, owner_id, owner_name, data
// (the non-secret fields), secret_fields ({name: set?} for every secret
// field of the type), created_at, updated_at}.
QJsonObject credentialJson(const CredentialRow &row);

class CredentialVault
{
public:
    CredentialVault(store::Database &db, crypto::EnvelopeCipher &cipher)
        : m_db(db), m_cipher(cipher)
    {}

    // Body {name, description?, type, visibility?, data}. VALIDATION_ERROR or
    // INVALID_CREDENTIAL_TYPE naming the field.
    Result<CredentialRow> create(const auth::Principal &caller, const QJsonObject &body);
    // CREDENTIAL_NOT_FOUND unless the caller may see it (an administrator,
    // its owner, or anyone when shared).
    Result<CredentialRow> get(const auth::Principal &caller, const QString &id);
    // As get(), then CREDENTIAL_ACCESS_DENIED unless the caller may change
    // it (an administrator or its owner).
    Result<CredentialRow> getForChange(const auth::Principal &caller, const QString &id);
    // Body {name?, description?, visibility?, data?}; each data field
    // replaces the stored one, null clears it, absent keeps it. `changed`
    // receives the names of what changed (never values).
    Result<CredentialRow> update(const auth::Principal &caller, const QString &id,
                                 const QJsonObject &body, QStringList *changed);
    // CREDENTIAL_IN_USE, with details.usages, while anything uses it.
    Result<CredentialRow> remove(const auth::Principal &caller, const QString &id);

    // The secrets of a row (DECRYPTION_ERROR when they cannot be read: a
    // retired key, a ciphertext that belongs to another row, damage).
    Result<CredentialData> open(const CredentialRow &row);

private:
    Result<QString> seal(const QString &id, const CredentialData &data, int *version);

    store::Database &m_db;
    crypto::EnvelopeCipher &m_cipher;
};

} // namespace hm::server::credentials
