#include "server/services/credentials/CredentialRotation.h"

#include "common/Logging.h"
#include "crypto/Envelope.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/CredentialRepository.h"
#include "store/Database.h"
#include "store/DekRepository.h"

#include <QJsonArray>
#include <QMutexLocker>
#include <QThread>
#include <functional>
#include <map>

namespace hm::server::credentials {

using crypto::DekPurpose;
using crypto::DekRecord;
using crypto::DekStatus;

namespace {

const QString kPurpose = QStringLiteral("CREDENTIAL");

// The credential keys by version, and the version in use for new data: the
// newest ACTIVE one (an older ACTIVE row is what a crash inside rotate()
// leaves behind; EnvelopeCipher reads it as DECRYPT_ONLY).
struct KeyState
{
    std::map<int, DekRecord> keys;
    int active = 0;
};

Result<KeyState> keyState(store::Database &db)
{
    Result<QList<DekRecord>> records = store::DekRepository(db).loadAll();
    if (!records)
        return records.error();
    KeyState state;
    for (const DekRecord &record : std::as_const(records.value())) {
        if (record.purpose != kPurpose)
            continue;
        state.keys[record.version] = record;
        if (record.status == DekStatus::Active)
            state.active = qMax(state.active, record.version);
    }
    return state;
}

} // namespace

CredentialRotation::CredentialRotation(store::Database &db, crypto::EnvelopeCipher &cipher,
                                       std::unique_ptr<store::Database> workerDb,
                                       crypto::SecureBytes wrappingKey, int batchSize)
    : m_db(db), m_cipher(cipher), m_workerDb(std::move(workerDb)),
      m_workerDeks(std::make_unique<store::DekRepository>(*m_workerDb)),
      m_workerCipher(
          std::make_unique<crypto::EnvelopeCipher>(std::move(wrappingKey), *m_workerDeks)),
      m_batchSize(qMax(1, batchSize))
{}

CredentialRotation::~CredentialRotation()
{
    m_stop = true;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

Result<bool> CredentialRotation::unfinished()
{
    Result<KeyState> state = keyState(m_db);
    if (!state)
        return state.error();
    for (const auto &[version, record] : state.value().keys) {
        if (version != state.value().active && record.status != DekStatus::Retired)
            return true;
    }
    Result<QList<QPair<int, qint64>>> counts = repositories::credentialCountsByKeyVersion(m_db);
    if (!counts)
        return counts.error();
    for (const auto &[version, count] : std::as_const(counts.value())) {
        if (version != state.value().active && count > 0)
            return true;
    }
    Result<QList<int>> totpVersions = repositories::totpSecretKeyVersions(m_db);
    if (!totpVersions)
        return totpVersions.error();
    for (const int version : std::as_const(totpVersions.value())) {
        if (version != state.value().active)
            return true;
    }
    return false;
}

void CredentialRotation::resumeIfNeeded()
{
    Result<bool> pending = unfinished();
    if (!pending) {
        qCWarning(lcServer).noquote()
            << "credential key rotation: cannot read its state:" << pending.error().toString();
        return;
    }
    if (pending.value()) {
        qCInfo(lcServer) << "credential key rotation: resuming an unfinished rotation";
        startWorker();
    }
}

Result<int> CredentialRotation::rotate(int *previous)
{
    if (m_running)
        return Error{
            ErrorCode::Conflict, QStringLiteral("a credential key rotation is still running"), {}};
    Result<bool> pending = unfinished();
    if (!pending)
        return pending.error();
    if (pending.value()) {
        // Left by a failed run (rows that could not be decrypted): try again.
        startWorker();
        return Error{ErrorCode::Conflict,
                     QStringLiteral("a credential key rotation is unfinished; it was resumed"),
                     {}};
    }
    *previous = m_cipher.activeVersion(DekPurpose::Credential);
    Result<int> version = m_cipher.rotate(DekPurpose::Credential);
    if (!version)
        return version.error();
    qCInfo(lcServer) << "credential key rotated from version" << *previous << "to"
                     << version.value();
    startWorker();
    return version;
}

void CredentialRotation::startWorker()
{
    if (m_running)
        return;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_running = true;
    m_total = 0;
    m_done = 0;
    m_failed = 0;
    m_startedAt = auth::nowMs();
    m_finishedAt = 0;
    {
        QMutexLocker locker(&m_errorMutex);
        m_error.clear();
    }
    m_thread = QThread::create([this] { work(); });
    m_thread->setObjectName(QStringLiteral("credential-rotation"));
    connect(m_thread, &QThread::finished, this, &CredentialRotation::workerDone);
    m_thread->start();
}

void CredentialRotation::workerDone()
{
    // The server thread's cipher forgets what was retired.
    if (Status reloaded = m_cipher.load(); !reloaded)
        qCWarning(lcServer).noquote() << "credential key rotation: cannot reload the data keys:"
                                      << reloaded.error().toString();
    emit finished();
}

void CredentialRotation::work()
{
    const auto fail = [this](const Error &error) {
        qCWarning(lcServer).noquote() << "credential key rotation stopped:" << error.toString();
        QMutexLocker locker(&m_errorMutex);
        m_error = error.toString();
    };
    const auto end = [this] {
        m_finishedAt = auth::nowMs();
        m_running = false;
    };
    store::Database &db = *m_workerDb;
    // The new version was committed by the server thread: read it.
    if (Status loaded = m_workerCipher->load(); !loaded)
        return fail(loaded.error()), end();
    const int active = m_workerCipher->activeVersion(DekPurpose::Credential);
    if (active == 0)
        return end();
    if (Result<QList<QPair<int, qint64>>> counts = repositories::credentialCountsByKeyVersion(db);
        counts) {
        qint64 total = 0;
        for (const auto &[version, count] : std::as_const(counts.value()))
            total += version == active ? 0 : count;
        m_total = total;
    }

    // Batches of rows sealed under another version, by id; one transaction
    // per batch. `fetch` reads the next batch after an id, `reseal` writes
    // one row back (compare-and-set). False when the rotation stopped.
    using Rows = Result<QList<repositories::SealedCredential>>;
    const auto reencrypt =
        [&](const std::function<Rows(const QString &)> &fetch,
            const std::function<Result<bool>(const repositories::SealedCredential &,
                                             const QString &)> &reseal,
            const char *what, bool counted) -> bool {
        QString afterId;
        while (!m_stop) {
            Rows batch = fetch(afterId);
            if (!batch)
                return fail(batch.error()), false;
            if (batch.value().isEmpty())
                return true;
            Result<store::Transaction> transaction = db.begin();
            if (!transaction)
                return fail(transaction.error()), false;
            qint64 done = 0;
            for (const repositories::SealedCredential &row : std::as_const(batch.value())) {
                afterId = row.id;
                const QByteArray ad = row.id.toUtf8();
                Result<QByteArray> plaintext =
                    m_workerCipher->decrypt(row.encryptedData, DekPurpose::Credential, ad);
                if (!plaintext) {
                    // Left as it is, under a key that is then kept: never lose it.
                    qCWarning(lcServer).noquote()
                        << "credential key rotation:" << what << row.id
                        << "cannot be decrypted and keeps its key version" << row.dekVersion << "-"
                        << plaintext.error().message;
                    ++m_failed;
                    continue;
                }
                Result<QString> sealed =
                    m_workerCipher->encrypt(plaintext.value(), DekPurpose::Credential, ad);
                crypto::wipe(plaintext.value());
                if (!sealed)
                    return fail(sealed.error()), false;
                Result<bool> resealed = reseal(row, sealed.value());
                if (!resealed)
                    return fail(resealed.error()), false;
                ++done; // a row changed meanwhile was sealed under the new key by its writer
            }
            if (Status committed = transaction.value().commit(); !committed)
                return fail(committed.error()), false;
            if (counted)
                m_done += done;
        }
        return false;
    };
    const bool credentialsDone = reencrypt(
        [&](const QString &afterId) {
            return repositories::credentialsNotSealedUnder(db, active, afterId, m_batchSize);
        },
        [&](const repositories::SealedCredential &row, const QString &sealed) {
            return repositories::resealCredential(db, row.id, row.encryptedData, sealed, active);
        },
        "credential", true);
    if (!credentialsDone)
        return end();
    // Users' TOTP secrets are sealed under the same key (not counted in
    // total, reencrypted or the key-status counts, which are credentials').
    const bool totpDone = reencrypt(
        [&](const QString &afterId) {
            return repositories::totpSecretsNotSealedUnder(db, active, afterId, m_batchSize);
        },
        [&](const repositories::SealedCredential &row, const QString &sealed) {
            return repositories::resealTotpSecret(db, row.id, row.encryptedData, sealed);
        },
        "TOTP secret of user", false);
    if (!totpDone)
        return end();

    // Retire the versions no row uses any more.
    Result<QList<QPair<int, qint64>>> counts = repositories::credentialCountsByKeyVersion(db);
    if (!counts)
        return fail(counts.error()), end();
    Result<KeyState> state = keyState(db);
    if (!state)
        return fail(state.error()), end();
    Result<QList<int>> totpVersions = repositories::totpSecretKeyVersions(db);
    if (!totpVersions)
        return fail(totpVersions.error()), end();
    for (const auto &[version, record] : state.value().keys) {
        if (version == active || record.status == DekStatus::Retired)
            continue;
        const bool used = std::any_of(
            counts.value().begin(), counts.value().end(),
            [v = version](const QPair<int, qint64> &c) { return c.first == v && c.second > 0; });
        if (used || totpVersions.value().contains(version))
            continue;
        if (Status retired = m_workerCipher->retire(DekPurpose::Credential, version); !retired)
            return fail(retired.error()), end();
    }
    qCInfo(lcServer) << "credential key rotation finished:" << m_done.load() << "re-encrypted,"
                     << m_failed.load() << "could not be decrypted";
    end();
}

Result<QJsonObject> CredentialRotation::status()
{
    Result<KeyState> state = keyState(m_db);
    if (!state)
        return state.error();
    Result<QList<QPair<int, qint64>>> counts = repositories::credentialCountsByKeyVersion(m_db);
    if (!counts)
        return counts.error();
    qint64 remaining = 0;
    QJsonArray keys;
    for (const auto &[version, record] : state.value().keys) {
        qint64 used = 0;
        for (const auto &[v, count] : std::as_const(counts.value()))
            used += v == version ? count : 0;
        if (version != state.value().active)
            remaining += used;
        const bool staleActive =
            record.status == DekStatus::Active && version != state.value().active;
        keys.append(QJsonObject{
            {QStringLiteral("version"), version},
            {QStringLiteral("status"),
             crypto::statusName(staleActive ? DekStatus::DecryptOnly : record.status)},
            {QStringLiteral("created_at"), auth::isoOrNull(record.createdAtMs)},
            {QStringLiteral("retired_at"), auth::isoOrNull(record.retiredAtMs.value_or(0))},
            {QStringLiteral("credentials"), used}});
    }
    Result<bool> pending = unfinished();
    if (!pending)
        return pending.error();
    const bool running = m_running;
    QString error;
    {
        QMutexLocker locker(&m_errorMutex);
        error = m_error;
    }
    const QString stateName = running           ? QStringLiteral("running")
                              : pending.value() ? QStringLiteral("unfinished")
                                                : QStringLiteral("idle");
    return QJsonObject{
        {QStringLiteral("purpose"), kPurpose},
        {QStringLiteral("active_version"), state.value().active},
        {QStringLiteral("keys"), keys},
        {QStringLiteral("rotation"),
         QJsonObject{
             {QStringLiteral("state"), stateName},
             {QStringLiteral("total"), m_total.load()},
             {QStringLiteral("reencrypted"), m_done.load()},
             {QStringLiteral("failed"), m_failed.load()},
             {QStringLiteral("remaining"), remaining},
             {QStringLiteral("batch_size"), m_batchSize},
             {QStringLiteral("started_at"), auth::isoOrNull(m_startedAt.load())},
             {QStringLiteral("finished_at"), auth::isoOrNull(m_finishedAt.load())},
             {QStringLiteral("error"), error.isEmpty() ? QJsonValue() : QJsonValue(error)}}}};
}

} // namespace hm::server::credentials
