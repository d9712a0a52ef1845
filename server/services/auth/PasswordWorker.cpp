#include "server/services/auth/PasswordWorker.h"

#include "crypto/PasswordHasher.h"
#include "crypto/Random.h"

#include <QThread>
#include <algorithm>

namespace hm::server::auth {
namespace {

// Hashed once, on a worker thread (a function-local static is initialised
// once even when two threads get there together).
const QString &dummyHash()
{
    static const QString hash = crypto::hashPassword(crypto::randomToken(16)).valueOr(QString());
    return hash;
}

} // namespace

PasswordWorker::PasswordWorker(QObject *parent) : QObject(parent)
{
    // Each computation keeps a core busy: leave the others to the server
    // thread and the engine. Two threads at most also bound the memory
    // (64 MiB per computation).
    m_pool.setMaxThreadCount(std::clamp(QThread::idealThreadCount() / 2, 1, 2));
    m_pool.setObjectName(QStringLiteral("hivemind-passwords"));
    // The dummy hash is ready before the first unknown login needs it, so
    // that check takes no longer than any other.
    m_pool.start([] { (void)dummyHash(); });
}

PasswordWorker::~PasswordWorker()
{
    m_pool.clear();
    m_pool.waitForDone();
}

Error PasswordWorker::busyError()
{
    return Error{ErrorCode::ServiceUnavailable,
                 QStringLiteral("too many password checks are in progress; retry in a moment"),
                 {{QStringLiteral("reason"), QStringLiteral("password_checks_busy")}}};
}

bool PasswordWorker::verify(const QString &encodedHash, const QString &password, Verified done)
{
    if (inProgress() >= kMaxInProgress)
        return false;
    const quint64 id = ++m_lastId;
    m_verified.insert(id, std::move(done));
    // The job captures only values (QString copies are thread-safe) and
    // this object, which outlives it (the destructor waits for the pool).
    m_pool.start([this, id, encodedHash, password] {
        const bool matches = crypto::verifyPassword(encodedHash, password);
        QMetaObject::invokeMethod(
            this, [this, id, matches] { deliverVerified(id, matches); }, Qt::QueuedConnection);
    });
    return true;
}

bool PasswordWorker::verifyDummy(const QString &password, Verified done)
{
    if (inProgress() >= kMaxInProgress)
        return false;
    const quint64 id = ++m_lastId;
    m_verified.insert(id, std::move(done));
    m_pool.start([this, id, password] {
        (void)crypto::verifyPassword(dummyHash(), password);
        QMetaObject::invokeMethod(
            this, [this, id] { deliverVerified(id, false); }, Qt::QueuedConnection);
    });
    return true;
}

bool PasswordWorker::hash(const QString &password, Hashed done)
{
    if (inProgress() >= kMaxInProgress)
        return false;
    const quint64 id = ++m_lastId;
    m_hashed.insert(id, std::move(done));
    m_pool.start([this, id, password] {
        Result<QString> hash = crypto::hashPassword(password);
        QMetaObject::invokeMethod(
            this,
            [this, id, hash = std::move(hash)]() mutable { deliverHashed(id, std::move(hash)); },
            Qt::QueuedConnection);
    });
    return true;
}

void PasswordWorker::deliverVerified(quint64 id, bool matches)
{
    Verified done = m_verified.take(id);
    if (done)
        done(matches);
}

void PasswordWorker::deliverHashed(quint64 id, Result<QString> hash)
{
    Hashed done = m_hashed.take(id);
    if (done)
        done(std::move(hash));
}

} // namespace hm::server::auth
