#include "server/repositories/CredentialRepository.h"

#include "store/ColumnValues.h"
#include "store/Database.h"
#include "store/Like.h"
#include "store/SelectOne.h"
#include "store/SelectPage.h"

namespace hm::server::repositories {

using store::textOrNull;

namespace {

// The columns every read of a whole row selects, in CredentialRow order.
QString credentialColumns()
{
    return QStringLiteral(
        "SELECT c.id, c.name, c.description, c.type, c.visibility, c.public_data, "
        "c.secret_fields, c.encrypted_data, c.dek_version, c.owner_id, u.username, "
        "c.created_at, c.updated_at");
}

CredentialRow readCredential(const store::Statement &s)
{
    CredentialRow row;
    row.id = s.text(0);
    row.name = s.text(1);
    row.description = s.isNull(2) ? QString() : s.text(2);
    row.type = s.text(3);
    row.visibility = s.text(4);
    row.publicData = s.text(5);
    row.secretFields = s.text(6);
    row.encryptedData = s.text(7);
    row.dekVersion = int(s.int64(8));
    row.ownerId = s.text(9);
    row.ownerName = s.isNull(10) ? QString() : s.text(10);
    row.createdAt = s.int64(11);
    row.updatedAt = s.int64(12);
    return row;
}

} // namespace

Status insertCredential(store::Database &db, const CredentialRow &row)
{
    return db.execute(
        QStringLiteral("INSERT INTO credentials (id, name, description, type, visibility, "
                       "public_data, secret_fields, encrypted_data, dek_version, owner_id, "
                       "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                       "?11, ?12)"),
        {row.id, row.name, textOrNull(row.description), row.type, row.visibility, row.publicData,
         row.secretFields, row.encryptedData, row.dekVersion, row.ownerId, row.createdAt,
         row.updatedAt});
}

Result<std::optional<CredentialRow>> credentialById(store::Database &db, const QString &id)
{
    return store::selectOneAs(
        db,
        credentialColumns() +
            QStringLiteral(" FROM credentials c LEFT JOIN users u ON u.id = c.owner_id "
                           "WHERE c.id = ?1"),
        {id}, readCredential);
}

Status updateCredential(store::Database &db, const CredentialRow &row)
{
    return db.execute(
        QStringLiteral("UPDATE credentials SET name = ?2, description = ?3, visibility = ?4, "
                       "public_data = ?5, secret_fields = ?6, encrypted_data = ?7, "
                       "dek_version = ?8, updated_at = ?9 WHERE id = ?1"),
        {row.id, row.name, textOrNull(row.description), row.visibility, row.publicData,
         row.secretFields, row.encryptedData, row.dekVersion, row.updatedAt});
}

Status deleteCredential(store::Database &db, const QString &id)
{
    return db.execute(QStringLiteral("DELETE FROM credentials WHERE id = ?1"), {id});
}

Result<store::Page<CredentialRow>> listCredentials(store::Database &db, const QString &callerId,
                                                   bool all, const CredentialListFilter &filter,
                                                   const Paging &paging)
{
    store::PagedQuery query;
    query.columns = credentialColumns();
    query.countFrom = QStringLiteral("FROM credentials c");
    query.from = QStringLiteral("FROM credentials c LEFT JOIN users u ON u.id = c.owner_id");
    if (!all) {
        query.conditions.append(
            QStringLiteral("(c.owner_id = ? OR c.visibility IN ('shared', 'workspace'))"));
        query.binds.append(callerId);
    }
    if (!filter.type.isEmpty()) {
        query.conditions.append(QStringLiteral("c.type = ?"));
        query.binds.append(filter.type);
    }
    if (!filter.search.isEmpty()) {
        query.conditions.append(
            store::likeCondition(QStringLiteral("substr(c.name, 1, %1)").arg(kMaxNameLength)));
        query.binds.append(store::likePattern(filter.search));
    }
    query.orderBy = QStringLiteral("ORDER BY c.created_at DESC, c.id");
    query.limit = paging.size;
    query.offset = paging.offset();
    return store::selectPageAs(db, query, readCredential);
}

Result<QList<CredentialUsage>> credentialUsages(store::Database &db, const QString &credentialId)
{
    QList<CredentialUsage> usages;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT user_type, user_id, user_name FROM credential_usages "
                       "WHERE credential_id = ?1 ORDER BY user_type, user_name, user_id"),
        {credentialId}, [&usages](const store::Statement &s) {
            usages.append({s.text(0), s.text(1), s.isNull(2) ? QString() : s.text(2)});
        });
    if (!read)
        return read.error();
    return usages;
}

Result<store::Page<CredentialUsage>>
listCredentialUsages(store::Database &db, const QString &credentialId, const Paging &paging)
{
    store::PagedQuery query;
    query.columns = QStringLiteral("SELECT user_type, user_id, user_name, created_at");
    query.from = QStringLiteral("FROM credential_usages");
    query.conditions.append(QStringLiteral("credential_id = ?"));
    query.binds.append(credentialId);
    query.orderBy = QStringLiteral("ORDER BY user_type, user_name, user_id");
    query.limit = paging.size;
    query.offset = paging.offset();
    return store::selectPageAs(db, query, [](const store::Statement &s) {
        return CredentialUsage{s.text(0), s.text(1), s.isNull(2) ? QString() : s.text(2),
                               s.int64(3)};
    });
}

Status insertCredentialUsage(store::Database &db, const QString &credentialId,
                             const CredentialUsage &usage)
{
    return db.execute(QStringLiteral("INSERT INTO credential_usages (credential_id, user_type, "
                                     "user_id, user_name) VALUES (?1, ?2, ?3, ?4)"),
                      {credentialId, usage.userType, usage.userId, textOrNull(usage.userName)});
}

Status deleteCredentialUsagesBy(store::Database &db, const QString &userType, const QString &userId)
{
    return db.execute(
        QStringLiteral("DELETE FROM credential_usages WHERE user_type = ?1 AND user_id = ?2"),
        {userType, userId});
}

Result<QList<SealedCredential>> credentialsNotSealedUnder(store::Database &db, int version,
                                                          const QString &afterId, int limit)
{
    QList<SealedCredential> rows;
    const Status read =
        db.forEachRow(QStringLiteral("SELECT id, encrypted_data, dek_version FROM credentials "
                                     "WHERE dek_version <> ?1 AND id > ?2 ORDER BY id LIMIT ?3"),
                      {version, afterId, limit}, [&rows](const store::Statement &s) {
                          rows.append({s.text(0), s.text(1), int(s.int64(2))});
                      });
    if (!read)
        return read.error();
    return rows;
}

Result<bool> resealCredential(store::Database &db, const QString &id, const QString &previous,
                              const QString &sealed, int version)
{
    const Status updated =
        db.execute(QStringLiteral("UPDATE credentials SET encrypted_data = ?3, dek_version = ?4 "
                                  "WHERE id = ?1 AND encrypted_data = ?2"),
                   {id, previous, sealed, version});
    if (!updated)
        return updated.error();
    return db.changes() > 0;
}

Result<QList<QPair<int, qint64>>> credentialCountsByKeyVersion(store::Database &db)
{
    QList<QPair<int, qint64>> counts;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT dek_version, COUNT(*) FROM credentials GROUP BY dek_version "
                       "ORDER BY dek_version"),
        {}, [&counts](const store::Statement &s) {
            counts.append({int(s.int64(0)), s.int64(1)});
        });
    if (!read)
        return read.error();
    return counts;
}

namespace {
// The version of a "v{N}:…" ciphertext, in SQL.
const QString kTotpVersion =
    QStringLiteral("CAST(substr(totp_secret_enc, 2, instr(totp_secret_enc, ':') - 2) AS INTEGER)");
} // namespace

Result<QList<SealedCredential>> totpSecretsNotSealedUnder(store::Database &db, int version,
                                                          const QString &afterId, int limit)
{
    QList<SealedCredential> rows;
    const Status read =
        db.forEachRow(QStringLiteral("SELECT id, totp_secret_enc, ") + kTotpVersion +
                          QStringLiteral(" FROM users WHERE totp_secret_enc IS NOT NULL AND "
                                         "totp_secret_enc <> '' AND ") +
                          kTotpVersion + QStringLiteral(" <> ?1 AND id > ?2 ORDER BY id LIMIT ?3"),
                      {version, afterId, limit}, [&rows](const store::Statement &s) {
                          rows.append({s.text(0), s.text(1), int(s.int64(2))});
                      });
    if (!read)
        return read.error();
    return rows;
}

Result<bool> resealTotpSecret(store::Database &db, const QString &userId, const QString &previous,
                              const QString &sealed)
{
    const Status updated =
        db.execute(QStringLiteral("UPDATE users SET totp_secret_enc = ?3 WHERE id = ?1 AND "
                                  "totp_secret_enc = ?2"),
                   {userId, previous, sealed});
    if (!updated)
        return updated.error();
    return db.changes() > 0;
}

Result<QList<int>> totpSecretKeyVersions(store::Database &db)
{
    QList<int> versions;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT DISTINCT ") + kTotpVersion +
            QStringLiteral(" FROM users WHERE totp_secret_enc IS NOT NULL AND "
                           "totp_secret_enc <> ''"),
        {}, [&versions](const store::Statement &s) { versions.append(int(s.int64(0))); });
    if (!read)
        return read.error();
    return versions;
}

} // namespace hm::server::repositories
