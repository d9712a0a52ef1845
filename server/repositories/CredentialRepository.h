#pragma once

// credentials and credential_usages (schema v8, docs/vault.md): the rows of
// the credential vault. Secret values are only ever here as the envelope
// ciphertext `encryptedData`; this file never sees them in clear.

#include "common/Result.h"
#include "server/api/QueryParams.h"
#include "store/PagedQuery.h"

#include <QList>
#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

struct CredentialRow
{
    QString id;
    QString name;
    QString description; // "" = none (NULL)
    QString type;
    QString visibility;
    QString publicData;   // JSON object text
    QString secretFields; // JSON array text
    QString encryptedData;
    int dekVersion = 0;
    QString ownerId;
    QString ownerName; // users.username; read only
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

Status insertCredential(store::Database &db, const CredentialRow &row);
Result<std::optional<CredentialRow>> credentialById(store::Database &db, const QString &id);
// Everything but id, type, owner and created_at.
Status updateCredential(store::Database &db, const CredentialRow &row);
Status deleteCredential(store::Database &db, const QString &id);

// GET /api/v1/credentials: what `callerId` may see (everything for an
// administrator: `all`), newest first.
struct CredentialListFilter
{
    QString type;   // "" = any
    QString search; // part of the name, "" = any
};
Result<store::Page<CredentialRow>> listCredentials(store::Database &db, const QString &callerId,
                                                   bool all, const CredentialListFilter &filter,
                                                   const Paging &paging);

// Who uses a credential (credential_usages; external services will add
// theirs when they link one).
struct CredentialUsage
{
    QString userType; // "service", …
    QString userId;
    QString userName;
    qint64 createdAt = 0; // unix ms; filled by listCredentialUsages
};
Result<QList<CredentialUsage>> credentialUsages(store::Database &db, const QString &credentialId);
// One page of them, by type, name, id (GET /credentials/{id}/usages).
Result<store::Page<CredentialUsage>>
listCredentialUsages(store::Database &db, const QString &credentialId, const Paging &paging);
Status insertCredentialUsage(store::Database &db, const QString &credentialId,
                             const CredentialUsage &usage);
// Removes what `userType`/`userId` records of its use of any credential
// (a service unlinking its credential, or deleted).
Status deleteCredentialUsagesBy(store::Database &db, const QString &userType,
                                const QString &userId);

// The rotation's batches (CredentialRotation): rows sealed under a key
// version other than `version` whose id sorts after `afterId`, by id, at
// most `limit`.
struct SealedCredential
{
    QString id;
    QString encryptedData;
    int dekVersion = 0;
};
Result<QList<SealedCredential>> credentialsNotSealedUnder(store::Database &db, int version,
                                                          const QString &afterId, int limit);
// Replaces the ciphertext when the row still holds `previous` (a change
// committed meanwhile wins); whether the row was changed.
Result<bool> resealCredential(store::Database &db, const QString &id, const QString &previous,
                              const QString &sealed, int version);
// How many rows each key version seals: (version, count), by version.
Result<QList<QPair<int, qint64>>> credentialCountsByKeyVersion(store::Database &db);

// Users' TOTP secrets (users.totp_secret_enc) are sealed under the same
// CREDENTIAL data key, with the user id as associated data; the key
// rotation re-encrypts them too. The version is the ciphertext's "v{N}:"
// prefix. As credentialsNotSealedUnder, by user id (id = the user's).
Result<QList<SealedCredential>> totpSecretsNotSealedUnder(store::Database &db, int version,
                                                          const QString &afterId, int limit);
// As resealCredential, for a user's TOTP secret.
Result<bool> resealTotpSecret(store::Database &db, const QString &userId, const QString &previous,
                              const QString &sealed);
// The key versions users' TOTP secrets are sealed under.
Result<QList<int>> totpSecretKeyVersions(store::Database &db);

} // namespace hm::server::repositories
