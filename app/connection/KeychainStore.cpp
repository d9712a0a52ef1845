#include "connection/KeychainStore.h"

#include "common/Logging.h"

#include <QEventLoop>
#include <QTimer>
#include <memory>
#include <qt6keychain/keychain.h>

namespace hm::app {

namespace {

struct JobOutcome
{
    bool finished = false;
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QByteArray data;
};

// Starts the job, waits for it or for the timeout, and returns what it said.
// The job deletes itself when it finishes, also after a timeout.
std::shared_ptr<JobOutcome> runJob(QKeychain::Job *job, std::chrono::milliseconds timeout,
                                   bool readsData)
{
    auto outcome = std::make_shared<JobOutcome>();
    job->setAutoDelete(true);
    QEventLoop loop;
    QObject::connect(
        job, &QKeychain::Job::finished, job, [outcome, readsData, &loop, job](QKeychain::Job *) {
            outcome->finished = true;
            outcome->error = job->error();
            outcome->errorString = job->errorString();
            if (readsData && job->error() == QKeychain::NoError)
                outcome->data = static_cast<QKeychain::ReadPasswordJob *>(job)->binaryData();
            if (loop.isRunning())
                loop.quit();
        });
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    job->start();
    if (!outcome->finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!outcome->finished) {
        // The job may still answer later; it must not touch the gone loop.
        QObject::disconnect(job, &QKeychain::Job::finished, job, nullptr);
    }
    return outcome;
}

} // namespace

KeychainStore::KeychainStore(std::chrono::milliseconds timeout) : m_timeout(timeout) {}

std::optional<QByteArray> KeychainStore::readMasterKey() const
{
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(kService));
    job->setKey(QString::fromLatin1(kMasterKeyKey));
    const auto outcome = runJob(job, m_timeout, true);
    if (!outcome->finished) {
        qCInfo(lcApp) << "keychain did not answer within" << m_timeout.count()
                      << "ms; using the key file";
        return std::nullopt;
    }
    if (outcome->error == QKeychain::EntryNotFound) {
        // The keychain answered: an empty key lets the server create one there.
        qCInfo(lcApp) << "no master key in the keychain yet";
        return QByteArray();
    }
    if (outcome->error != QKeychain::NoError) {
        qCInfo(lcApp) << "keychain unavailable:" << outcome->errorString;
        return std::nullopt;
    }
    return outcome->data;
}

bool KeychainStore::writeMasterKey(const QByteArray &key) const
{
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(kService));
    job->setKey(QString::fromLatin1(kMasterKeyKey));
    job->setBinaryData(key);
    const auto outcome = runJob(job, m_timeout, false);
    if (!outcome->finished) {
        qCInfo(lcApp) << "keychain did not answer within" << m_timeout.count()
                      << "ms; master key not stored there";
        return false;
    }
    if (outcome->error != QKeychain::NoError) {
        qCInfo(lcApp) << "could not store the master key in the keychain:" << outcome->errorString;
        return false;
    }
    return true;
}

std::optional<QByteArray> KeychainStore::readSecret(const QString &key) const
{
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(kService));
    job->setKey(key);
    const auto outcome = runJob(job, m_timeout, true);
    if (!outcome->finished ||
        (outcome->error != QKeychain::NoError && outcome->error != QKeychain::EntryNotFound))
        return std::nullopt;
    return outcome->error == QKeychain::EntryNotFound ? QByteArray() : outcome->data;
}

bool KeychainStore::writeSecret(const QString &key, const QByteArray &secret) const
{
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(kService));
    job->setKey(key);
    job->setBinaryData(secret);
    const auto outcome = runJob(job, m_timeout, false);
    if (!outcome->finished || outcome->error != QKeychain::NoError) {
        qCInfo(lcApp) << "could not store a secret in the keychain:"
                      << (outcome->finished ? outcome->errorString : QStringLiteral("no answer"));
        return false;
    }
    return true;
}

bool KeychainStore::removeSecret(const QString &key) const
{
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(kService));
    job->setKey(key);
    const auto outcome = runJob(job, m_timeout, false);
    return outcome->finished &&
           (outcome->error == QKeychain::NoError || outcome->error == QKeychain::EntryNotFound);
}

} // namespace hm::app
