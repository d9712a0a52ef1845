#pragma once

#include "common/Result.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <functional>

namespace hm::server::auth {

// Argon2id password checks and hashes (about 90 ms of CPU and 64 MiB each)
// on a small pool of threads, so the server's one thread goes on serving
// other requests (/health among them) meanwhile. Only the computation
// moves: callers read and write the store on the server thread before and
// after, because database connections belong to one thread.
//
// Results arrive on this object's thread through its event loop, always
// after the call returned. Use it from that thread only.
class PasswordWorker : public QObject
{
    Q_OBJECT
public:
    // Checks and hashes waiting or running at most; beyond that a request is
    // answered SERVICE_UNAVAILABLE at once instead of queueing without bound.
    static constexpr int kMaxInProgress = 256;

    explicit PasswordWorker(QObject *parent = nullptr);
    // Drops what has not started and waits for what runs (one computation
    // per thread); callbacks of unfinished work are never called.
    ~PasswordWorker() override;

    using Verified = std::function<void(bool matches)>;
    using Hashed = std::function<void(Result<QString> encodedHash)>;

    // False, and `done` is never called, when kMaxInProgress are in progress.
    [[nodiscard]] bool verify(const QString &encodedHash, const QString &password, Verified done);
    // Checks against the hash of a random password: as slow as a real
    // check and never a match, for logins that must not reveal that no
    // check was needed (unknown or locked accounts).
    [[nodiscard]] bool verifyDummy(const QString &password, Verified done);
    [[nodiscard]] bool hash(const QString &password, Hashed done);

    int inProgress() const { return int(m_verified.size() + m_hashed.size()); }
    int threadCount() const { return m_pool.maxThreadCount(); }
    // SERVICE_UNAVAILABLE: what a refused verify()/hash() answers.
    static Error busyError();

private:
    void deliverVerified(quint64 id, bool matches);
    void deliverHashed(quint64 id, Result<QString> hash);

    QThreadPool m_pool;
    quint64 m_lastId = 0;
    QHash<quint64, Verified> m_verified;
    QHash<quint64, Hashed> m_hashed;
};

} // namespace hm::server::auth
