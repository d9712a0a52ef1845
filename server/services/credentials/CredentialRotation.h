#pragma once

// Rotation of the CREDENTIAL data key (docs/vault.md "Key rotation"): a new
// ACTIVE version, the previous ones DECRYPT_ONLY, every credential
// re-encrypted in batches on a thread of its own (its own connection and
// its own EnvelopeCipher), then the previous versions RETIRED once no row
// uses them. Every step is durable on its own, so a process killed at any
// point resumes at the next start (resumeIfNeeded) without losing a secret.

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <atomic>
#include <memory>

class QThread;

namespace hm::crypto {
class EnvelopeCipher;
}
namespace hm::store {
class Database;
class DekRepository;
} // namespace hm::store

namespace hm::server::credentials {

// Rows per re-encryption transaction by default.
inline constexpr int kDefaultRotationBatch = 500;

class CredentialRotation : public QObject
{
    Q_OBJECT
public:
    // `db` and `cipher`: the server thread's. `workerDb` is a second
    // connection to the same file and `wrappingKey` the DEK-wrapping
    // subkey, both for the worker thread only.
    CredentialRotation(store::Database &db, crypto::EnvelopeCipher &cipher,
                       std::unique_ptr<store::Database> workerDb, crypto::SecureBytes wrappingKey,
                       int batchSize = kDefaultRotationBatch);
    // Stops the worker between two batches and waits for it.
    ~CredentialRotation() override;

    // Starts the worker when the store holds an unfinished rotation.
    void resumeIfNeeded();
    // A new ACTIVE version (the answer waits for it to be committed), then
    // re-encryption in the background. CONFLICT while a rotation is
    // unfinished. The previous active version (0: none) goes to *previous.
    Result<int> rotate(int *previous);
    // {purpose, active_version, keys: [{version, status, created_at,
    //  retired_at, credentials}], rotation: {state, total, reencrypted,
    //  failed, remaining, batch_size, started_at, finished_at, error}}.
    Result<QJsonObject> status();
    bool isRunning() const { return m_running.load(); }

signals:
    // On the server thread, after a worker run ended.
    void finished();

private:
    // Whether the store holds versions or rows that a rotation must still
    // deal with.
    Result<bool> unfinished();
    void startWorker();
    void work(); // the worker thread's body
    void workerDone();

    store::Database &m_db;
    crypto::EnvelopeCipher &m_cipher;
    std::unique_ptr<store::Database> m_workerDb;
    std::unique_ptr<store::DekRepository> m_workerDeks;
    std::unique_ptr<crypto::EnvelopeCipher> m_workerCipher;
    const int m_batchSize;
    QThread *m_thread = nullptr;

    std::atomic<bool> m_running{false};
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_total{0};
    std::atomic<qint64> m_done{0};
    std::atomic<qint64> m_failed{0};
    std::atomic<qint64> m_startedAt{0};
    std::atomic<qint64> m_finishedAt{0};
    mutable QMutex m_errorMutex;
    QString m_error; // the worker's last error
};

} // namespace hm::server::credentials
