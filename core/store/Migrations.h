#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>

namespace hm::store {

class Database;

struct Migration
{
    int version;
    QString name;
    QString sql; // may hold several statements
};

// The HiveMind schema; version 1 is the initial schema (SchemaMigrations.cpp).
const QList<Migration> &schemaMigrations();

// Applies every migration newer than the database's version, all in ONE
// transaction: either the database reaches the latest version or it stays
// exactly as it was. Each applied migration is recorded as (version, name,
// applied_at) in schema_migrations. Running it again is a no-op. A database
// whose version is newer than the newest migration given is refused
// (DbError) rather than touched by an older HiveMind.
Status migrate(Database &db, const QList<Migration> &migrations = schemaMigrations());

// 0 for a database without schema_migrations.
Result<int> schemaVersion(Database &db);

} // namespace hm::store
