#pragma once

// The database of a hivemind-server a test runs (ServerProcess), opened
// beside the running server to make or remove rows the API cannot (an
// audit entry deleted as retention would). Open it once per test process
// and keep it: a second open in the same process can see a stale snapshot.

#include "crypto/KeyDerivation.h"
#include "crypto/SecureBytes.h"
#include "store/Database.h"

#include <QDir>
#include <memory>

namespace hm::test {

// nullptr when the database does not open.
inline std::unique_ptr<store::Database> openServerDatabase(const QString &dataDir,
                                                           const QByteArray &masterKeyBase64)
{
    const auto master = crypto::SecureBytes::fromRaw(QByteArray::fromBase64(masterKeyBase64));
    auto db = store::Database::open(QDir(dataDir).filePath(QStringLiteral("hivemind.db")),
                                    crypto::deriveSubkey(master, crypto::Subkey::Database),
                                    {.createIfMissing = false});
    return db.ok() ? std::move(db.value()) : nullptr;
}

} // namespace hm::test
