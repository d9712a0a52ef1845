#include "server/runtime/AdminBootstrap.h"

#include "common/Logging.h"
#include "crypto/PasswordHasher.h"
#include "crypto/Random.h"
#include "server/repositories/UserRepository.h"
#include "server/services/auth/InitialPassword.h"
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
    auth::UserRepository repository(database);
    const Result<qint64> users = repository.countAll();
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
        outcome.passwordFile = auth::initialPasswordFileIn(dataDir);
        QFile::remove(outcome.passwordFile); // a stale file from an older, wiped database
    }

    const Result<QString> hash = crypto::hashPassword(password);
    if (!hash)
        return hash.error();

    auto transaction = database.begin();
    if (!transaction)
        return transaction.error();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // A generated password must be changed at the first sign-in; one the
    // operator chose through the environment is theirs already.
    const QString id = crypto::uuid();
    if (Status s = repository.insertAdministrator(id, outcome.username, email, hash.value(),
                                                  QStringLiteral("Administrator"), now, generated);
        !s)
        return s.error();
    if (generated) {
        if (Status s = auth::rememberInitialPasswordUser(database, id); !s)
            return s.error();
    }

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
