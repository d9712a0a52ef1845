#include "server/runtime/AdminBootstrap.h"

#include "common/Logging.h"
#include "crypto/PasswordHasher.h"
#include "crypto/Random.h"
#include "store/Database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

namespace hm::server {
namespace {

Status writePasswordFile(const QString &path, const QString &password)
{
    QFile file(path);
    // Created with owner-only permissions from the first byte on.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot create %1: %2").arg(path, file.errorString())};
    QByteArray bytes = password.toUtf8() + '\n';
    const bool written = file.write(bytes) == bytes.size() && file.flush();
    crypto::wipe(bytes);
    if (!written)
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

} // namespace

Result<BootstrapOutcome> bootstrapAdmin(store::Database &database, const QString &dataDir)
{
    const Result<qint64> users = database.queryInt(QStringLiteral("SELECT count(*) FROM users"));
    if (!users)
        return users.error();
    if (users.value() > 0)
        return BootstrapOutcome{};

    BootstrapOutcome outcome;
    outcome.created = true;
    outcome.username = qEnvironmentVariable("HIVEMIND_ADMIN_USER", QStringLiteral("admin"));
    const QString email = qEnvironmentVariable("HIVEMIND_ADMIN_EMAIL",
                                               outcome.username + QStringLiteral("@localhost"));
    QString password = qEnvironmentVariable("HIVEMIND_ADMIN_PASSWORD");
    const bool generated = password.isEmpty();
    if (generated) {
        password = crypto::randomToken(18);
        outcome.passwordFile = QDir(dataDir).filePath(QStringLiteral("initial-admin-password"));
        QFile::remove(outcome.passwordFile); // a stale file from an older, wiped database
    }

    const Result<QString> hash = crypto::hashPassword(password);
    if (!hash)
        return hash.error();

    auto transaction = database.begin();
    if (!transaction)
        return transaction.error();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString userId = crypto::uuid();
    auto insertUser = database.prepare(QStringLiteral(
        "INSERT INTO users (id, username, email, password_hash, name, status, email_verified, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'active', 1, ?, ?)"));
    if (!insertUser)
        return insertUser.error();
    insertUser.value()
        .bind(1, userId)
        .bind(2, outcome.username)
        .bind(3, email)
        .bind(4, hash.value())
        .bind(5, QStringLiteral("Administrator"))
        .bind(6, now)
        .bind(7, now);
    if (Status s = insertUser.value().run(); !s)
        return s.error();
    auto insertRole = database.prepare(QStringLiteral(
        "INSERT INTO user_roles (id, user_id, role, created_at) VALUES (?, ?, 'ADMIN', ?)"));
    if (!insertRole)
        return insertRole.error();
    insertRole.value().bind(1, crypto::uuid()).bind(2, userId).bind(3, now);
    if (Status s = insertRole.value().run(); !s)
        return s.error();

    // Write the file before committing: a crash in between leaves no admin
    // whose password nobody knows; the next start simply tries again.
    if (generated) {
        if (Status s = writePasswordFile(outcome.passwordFile, password); !s)
            return s.error();
    }
    if (Status s = transaction.value().commit(); !s)
        return s.error();

    if (generated)
        qCWarning(lcServer).noquote() << "created administrator" << outcome.username
                                      << "- initial password in" << outcome.passwordFile;
    else
        qCInfo(lcServer).noquote() << "created administrator" << outcome.username
                                   << "from HIVEMIND_ADMIN_USER/HIVEMIND_ADMIN_PASSWORD";
    return outcome;
}

} // namespace hm::server
