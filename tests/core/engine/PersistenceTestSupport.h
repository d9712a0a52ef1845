#pragma once

// Helpers shared by the engine persistence tests: a migrated SQLCipher file
// in a temporary directory, and reading rows back as text.

#include "common/Result.h"
#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "engine/ExecutionJournal.h"
#include "store/Database.h"
#include "store/Migrations.h"

#include <QByteArray>
#include <QStringList>
#include <QVariantList>
#include <memory>

namespace hm::engine::test {

// QVERIFY2 evaluates its message even on success, so never call error() there.
template <typename R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

inline crypto::SecureBytes randomKey()
{
    return crypto::SecureBytes::fromRaw(crypto::randomBytes(32));
}

inline crypto::SecureBytes copyOf(const crypto::SecureBytes &key)
{
    return crypto::SecureBytes::fromRaw(key.view());
}

// Opens (creating if needed) and migrates; nullptr with a warning on failure.
inline std::unique_ptr<store::Database> openMigrated(const QString &path,
                                                     const crypto::SecureBytes &key)
{
    Result<std::unique_ptr<store::Database>> db = store::Database::open(path, key);
    if (!db.ok()) {
        qWarning("open: %s", why(db).constData());
        return nullptr;
    }
    const Status migrated = store::migrate(*db.value());
    if (!migrated.ok()) {
        qWarning("migrate: %s", why(migrated).constData());
        return nullptr;
    }
    return std::move(db.value());
}

// Every row of a query, columns joined with '|' (NULL as "~").
inline QStringList rows(store::Database &db, const QString &sql, const QVariantList &params = {})
{
    QStringList out;
    Result<store::Statement> stmt = db.prepare(sql);
    if (!stmt.ok()) {
        qWarning("prepare: %s", why(stmt).constData());
        return {QStringLiteral("<error>")};
    }
    for (qsizetype i = 0; i < params.size(); ++i)
        stmt.value().bind(int(i) + 1, params.at(i));
    for (;;) {
        const Result<bool> row = stmt.value().step();
        if (!row.ok() || !row.value())
            break;
        QStringList columns;
        for (int c = 0; c < stmt.value().columnCount(); ++c)
            columns << (stmt.value().isNull(c) ? QStringLiteral("~") : stmt.value().text(c));
        out << columns.join(u'|');
    }
    return out;
}

inline QString one(store::Database &db, const QString &sql, const QVariantList &params = {})
{
    const QStringList all = rows(db, sql, params);
    return all.isEmpty() ? QStringLiteral("<none>") : all.first();
}

inline ExecutionRecord execution(const QString &id, const QString &status, qint64 createdAtMs)
{
    ExecutionRecord r;
    r.id = id;
    r.flowId = QStringLiteral("flow-1");
    r.flowVersion = QStringLiteral("1");
    r.status = status;
    r.triggeredBy = QStringLiteral("user-1");
    r.historyLevel = QStringLiteral("all");
    r.createdAtMs = createdAtMs;
    return r;
}

inline NodeRecord node(const QString &executionId, const QString &nodeId, const QString &status)
{
    NodeRecord r;
    r.executionId = executionId;
    r.nodeId = nodeId;
    r.component = QStringLiteral("delay");
    r.version = QStringLiteral("1.0.0");
    r.status = status;
    r.attempt = 1;
    return r;
}

inline QueuedRequest queued(const QString &executionId, qint64 sequence)
{
    QueuedRequest q;
    q.executionId = executionId;
    q.flowId = QStringLiteral("flow-1");
    q.flowVersion = QStringLiteral("1");
    q.inputs = QJsonObject{{QStringLiteral("n"), double(sequence)}};
    q.triggeredBy = QStringLiteral("user-1");
    q.queuedAtMs = 1000 + sequence;
    q.sequence = sequence;
    return q;
}

} // namespace hm::engine::test
