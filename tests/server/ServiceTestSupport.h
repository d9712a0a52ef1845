#pragma once

// The server's services called directly, without HTTP: a real SQLCipher
// file in a temporary directory, migrated to the current schema, with the
// data keys and the AuthModule the server builds on it (ServerRuntime's
// order: database -> DEK repository -> envelope -> auth).

#include "crypto/Envelope.h"
#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "server/repositories/UserRepository.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/engine/FlowEngineHost.h"
#include "store/Database.h"
#include "store/DekRepository.h"
#include "store/Migrations.h"

#include <QTemporaryDir>
#include <memory>

namespace hm::test {

struct ServiceStore
{
    QTemporaryDir dir;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<store::DekRepository> deks;
    std::unique_ptr<crypto::EnvelopeCipher> envelope;
    std::unique_ptr<server::auth::AuthModule> auth;
    QByteArray rawKey; // the database's key (a FlowEngineHost opens the file again)

    QString path() const { return dir.filePath(QStringLiteral("hivemind.db")); }

    // Empty on success, else what went wrong.
    QString open()
    {
        if (!dir.isValid())
            return QStringLiteral("no temporary directory");
        rawKey = crypto::randomBytes(32);
        auto opened = store::Database::open(dir.filePath(QStringLiteral("hivemind.db")),
                                            crypto::SecureBytes::fromRaw(rawKey));
        if (!opened)
            return opened.error().toString();
        db = std::move(opened.value());
        if (Status migrated = store::migrate(*db); !migrated)
            return migrated.error().toString();
        deks = std::make_unique<store::DekRepository>(*db);
        envelope = std::make_unique<crypto::EnvelopeCipher>(
            crypto::SecureBytes::fromRaw(crypto::randomBytes(32)), *deks);
        if (Status loaded = envelope->load(); !loaded)
            return loaded.error().toString();
        auth = std::make_unique<server::auth::AuthModule>(
            *db, *envelope, crypto::SecureBytes::fromRaw(crypto::randomBytes(32)));
        return {};
    }

    // Starts `host` (its write-behind queue and engine) on the opened
    // store. Empty on success, else what went wrong.
    QString start(server::FlowEngineHost &host)
    {
        const Status started = host.start(*db, path(), crypto::SecureBytes::fromRaw(rawKey));
        return started.ok() ? QString() : started.error().toString();
    }

    // An account stored directly (its password hashed here, Argon2id).
    Result<server::auth::UserRecord> addUser(const QString &name, const QString &password,
                                             server::auth::Role role,
                                             const QString &status = QStringLiteral("active"))
    {
        server::auth::NewUser user;
        user.username = name;
        user.email = name + QStringLiteral("@example.com");
        user.name = name;
        user.password = password;
        user.status = status;
        user.role = role;
        return server::auth::UserRepository(*db).create(user);
    }
};

inline server::auth::Principal principalOf(const server::auth::UserRecord &user)
{
    server::auth::Principal p;
    p.userId = user.id;
    p.username = user.username;
    p.role = user.role;
    return p;
}

} // namespace hm::test
