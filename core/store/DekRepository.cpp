#include "store/DekRepository.h"

#include "store/Database.h"
#include "store/SqliteError_p.h"

namespace hm::store {

DekRepository::DekRepository(Database &db) : m_db(db) {}

Result<QList<crypto::DekRecord>> DekRepository::loadAll()
{
    Result<Statement> stmt = m_db.prepare(QStringLiteral(
        "SELECT id, key_version, purpose, encrypted_key, encryption_iv, status, created_at,"
        " retired_at FROM data_encryption_keys ORDER BY purpose, key_version"));
    if (!stmt.ok())
        return stmt.error();
    Statement &rows = stmt.value();
    QList<crypto::DekRecord> records;
    for (;;) {
        const Result<bool> row = rows.step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        crypto::DekRecord record;
        record.id = rows.text(0);
        record.version = int(rows.int64(1));
        record.purpose = rows.text(2);
        record.encryptedKey = rows.blob(3);
        record.nonce = rows.blob(4);
        const QString status = rows.text(5);
        const std::optional<crypto::DekStatus> parsed = crypto::statusFromName(status);
        // The CHECK constraint makes this unreachable short of tampering.
        if (!parsed)
            return Error{
                ErrorCode::DbCorrupt,
                QStringLiteral("data key %1 has an unknown status %2").arg(record.id, status),
                {}};
        record.status = *parsed;
        record.createdAtMs = rows.int64(6);
        if (!rows.isNull(7))
            record.retiredAtMs = rows.int64(7);
        records.append(std::move(record));
    }
    rows.reset();
    return records;
}

Status DekRepository::insert(const crypto::DekRecord &record)
{
    Result<Statement> stmt = m_db.prepare(QStringLiteral(
        "INSERT INTO data_encryption_keys (id, key_version, purpose, encrypted_key,"
        " encryption_iv, status, created_at, retired_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!stmt.ok())
        return stmt.error();
    Statement &insert = stmt.value();
    insert.bind(1, record.id)
        .bind(2, record.version)
        .bind(3, record.purpose)
        .bind(4, record.encryptedKey)
        .bind(5, record.nonce)
        .bind(6, crypto::statusName(record.status))
        .bind(7, record.createdAtMs);
    if (record.retiredAtMs)
        insert.bind(8, *record.retiredAtMs);
    else
        insert.bind(8, nullptr);
    const Status inserted = insert.run();
    if (!inserted.ok() && detail::isUniqueViolation(inserted.error()))
        return Status(ErrorCode::ResourceAlreadyExists,
                      QStringLiteral("data key %1 version %2 already exists")
                          .arg(record.purpose)
                          .arg(record.version));
    return inserted;
}

Status DekRepository::updateStatus(const QString &purpose, int version, crypto::DekStatus status,
                                   qint64 whenMs)
{
    Result<Statement> stmt = m_db.prepare(
        QStringLiteral("UPDATE data_encryption_keys SET status = ?1,"
                       " retired_at = CASE WHEN ?1 = 'RETIRED' THEN ?2 ELSE retired_at END"
                       " WHERE purpose = ?3 AND key_version = ?4"));
    if (!stmt.ok())
        return stmt.error();
    Statement &update = stmt.value();
    update.bind(1, crypto::statusName(status)).bind(2, whenMs).bind(3, purpose).bind(4, version);
    if (Status updated = update.run(); !updated.ok())
        return updated;
    if (m_db.changes() == 0)
        return Status(ErrorCode::KeyNotFound,
                      QStringLiteral("no data key %1 version %2").arg(purpose).arg(version));
    return {};
}

Status DekRepository::updateWrapping(const crypto::DekRecord &record)
{
    Result<Statement> stmt = m_db.prepare(
        QStringLiteral("UPDATE data_encryption_keys SET encrypted_key = ?1, encryption_iv = ?2"
                       " WHERE purpose = ?3 AND key_version = ?4"));
    if (!stmt.ok())
        return stmt.error();
    Statement &update = stmt.value();
    update.bind(1, record.encryptedKey)
        .bind(2, record.nonce)
        .bind(3, record.purpose)
        .bind(4, record.version);
    if (Status updated = update.run(); !updated.ok())
        return updated;
    if (m_db.changes() == 0)
        return Status(
            ErrorCode::KeyNotFound,
            QStringLiteral("no data key %1 version %2").arg(record.purpose).arg(record.version));
    return {};
}

} // namespace hm::store
