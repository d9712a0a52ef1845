#pragma once

#include "common/Result.h"

#include <QString>

// Consistent copies of a HiveMind database for backups (docs/backup.md).
//
// A snapshot is taken on a connection of its own: begin() attaches an
// empty plain SQLite file and opens a read transaction on the live
// database (WAL mode: from then on that connection sees the database as it
// was at this instant, while the other connections keep writing), write()
// copies everything into the plain file (SQLCipher's sqlcipher_export) and
// ends the transaction. The plain copy is only ever an intermediate file
// that the caller compresses, encrypts and removes.
namespace hm::store {

class Database;

namespace snapshot {

// `plainPath` must not exist; it is created empty and owner-only. After a
// successful begin() the snapshot point is fixed: call write() or abandon().
Status begin(Database &db, const QString &plainPath);
Status write(Database &db);
// Ends a begun snapshot without writing (the plain file is the caller's).
void abandon(Database &db);

// The reverse for a restore: copies every table, row, index, trigger and
// view of the plain SQLite file `plainPath` into `target`, which must be an
// empty database (just created). One transaction, foreign keys checked
// only by the copy's own content.
Status importPlain(Database &target, const QString &plainPath);

// Writes everything the WAL holds into the database file and syncs it
// (wal_checkpoint(TRUNCATE)): a staged copy is whole on disk before a
// marker can make a start swap it in.
Status checkpointIntoFile(Database &db);

} // namespace snapshot
} // namespace hm::store
