// rotate-master-key, step by step (docs/vault.md "Master-key rotation").
//
// Files of DATA_DIR: hivemind.db (D) and its key-check sidecar (D.keycheck),
// the copy under construction hivemind.db.rotating (R, R.keycheck), the
// marker master-key-rotation, and for a generated key master.key (M) and
// the staged new key master.key.new (N).
//
//   locked            the data directory lock is held; D opened with the
//                     current key, every data key unwrapped with it
//   marker-written    marker (commitment to the new key) on disk
//   new-key-staged    N written and fsynced (generated key only)
//   exported          R = sqlcipher_export of D under the new database key
//   rewrapped         R's data keys re-wrapped under the new key, R closed
//                     and fsynced, D closed (its WAL checkpointed away)
//   keycheck-removed  D.keycheck deleted (it names the old key)
//   committed         rename(R, D): THE commit point
//   keycheck-written  rename(R.keycheck, D.keycheck)
//   key-installed     rename(N, M) (generated key only)
//   then the marker is removed.
//
// Before the commit D is untouched and opens with the old key; after it D
// opens with the new key only, which by then is on disk (N, or the
// operator's own variable or file). Every rename is followed by an fsync of
// the directory.

#include "server/runtime/MasterKeyRotation.h"

#include "common/FileSync.h"
#include "common/Logging.h"
#include "crypto/Envelope.h"
#include "crypto/KeyDerivation.h"
#include "crypto/MasterKeyProvider.h"
#include "crypto/Random.h"
#include "crypto/Sodium.h"
#include "server/runtime/DataDirectoryLock.h"
#include "store/Database.h"
#include "store/DekRepository.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTemporaryFile>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <unistd.h>

namespace hm::server {
namespace {

using crypto::SecureBytes;
using Kind = MasterKeyRotationOutcome::Kind;

constexpr char kMarkerLabel[] = "HiveMind master key rotation v1";
constexpr int kMarkerFormat = 1;

struct Paths
{
    explicit Paths(const QString &dataDir)
        : dir(dataDir), database(QDir(dataDir).filePath(QStringLiteral("hivemind.db"))),
          rotating(database + QStringLiteral(".rotating")),
          marker(masterKeyRotationMarkerPath(dataDir)),
          keyFile(QDir(dataDir).filePath(QStringLiteral("master.key"))),
          stagedKey(keyFile + QStringLiteral(".new"))
    {}
    QString dir;
    QString database;
    QString rotating;
    QString marker;
    QString keyFile;
    QString stagedKey;
};

QString keyCheckOf(const QString &database)
{
    return database + QStringLiteral(".keycheck");
}

void testHook(const QString &stopAt, const char *step)
{
    if (stopAt.isEmpty() || stopAt != QLatin1String(step))
        return;
    std::fprintf(stderr, "hivemind-server: test hook: stopped at %s\n", step);
    std::fflush(stderr);
    for (;;)
        ::pause();
}

Error ioError(const QString &what)
{
    return Error{ErrorCode::IoError, what, {}};
}

Status syncPath(const QString &path, int flags)
{
    const int fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC);
    if (fd < 0)
        return ioError(QStringLiteral("cannot open %1 to sync it: %2")
                           .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    const int rc = ::fsync(fd);
    const int savedErrno = errno;
    ::close(fd);
    if (rc != 0)
        return ioError(QStringLiteral("cannot sync %1: %2")
                           .arg(path, QString::fromLocal8Bit(std::strerror(savedErrno))));
    return {};
}

Status syncDirectory(const QString &dir)
{
    return filesync::syncDirectory(dir);
}

// rename(2): atomic, replacing `to`; then the directory entry is made durable.
Status renameDurably(const QString &from, const QString &to, const QString &dir)
{
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return ioError(QStringLiteral("cannot rename %1 to %2: %3")
                           .arg(from, to, QString::fromLocal8Bit(std::strerror(errno))));
    return syncDirectory(dir);
}

Status removeDurably(const QStringList &paths, const QString &dir)
{
    bool removed = false;
    for (const QString &path : paths) {
        if (!QFileInfo::exists(path))
            continue;
        if (!QFile::remove(path))
            return ioError(QStringLiteral("cannot remove %1").arg(path));
        removed = true;
    }
    return removed ? syncDirectory(dir) : Status();
}

QStringList rotatingFiles(const Paths &paths)
{
    QStringList files;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                                  QStringLiteral("-journal"), QStringLiteral(".keycheck")})
        files.append(paths.rotating + suffix);
    return files;
}

// SHA-256 of a label and the key, as the marker records the new key.
QString commitmentTo(const SecureBytes &key)
{
    const qsizetype labelSize = qsizetype(sizeof(kMarkerLabel)) - 1;
    SecureBytes input(labelSize + key.size());
    std::memcpy(input.data(), kMarkerLabel, size_t(labelSize));
    std::memcpy(input.data() + labelSize, key.data(), size_t(key.size()));
    return crypto::sha256Hex(input.view());
}

bool sameText(const QString &a, const QString &b)
{
    const QByteArray x = a.toLatin1();
    const QByteArray y = b.toLatin1();
    if (x.size() != y.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < x.size(); ++i)
        diff |= static_cast<unsigned char>(x[i] ^ y[i]);
    return diff == 0;
}

// The commitment the marker holds; nullopt without a (readable) marker.
std::optional<QString> readMarker(const Paths &paths)
{
    QFile file(paths.marker);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject marker = QJsonDocument::fromJson(file.read(4096)).object();
    const QString check = marker.value(QStringLiteral("new_key_check")).toString();
    if (check.size() != 64) {
        qCWarning(lcServer) << "ignoring the malformed master-key rotation marker" << paths.marker;
        return std::nullopt;
    }
    return check;
}

Status writeMarker(const Paths &paths, const SecureBytes &newKey)
{
    QSaveFile file(paths.marker);
    if (!file.open(QIODevice::WriteOnly))
        return ioError(QStringLiteral("cannot write %1: %2").arg(paths.marker, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QJsonObject marker{{QStringLiteral("format"), kMarkerFormat},
                             {QStringLiteral("new_key_check"), commitmentTo(newKey)},
                             {QStringLiteral("started_at"),
                              QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    file.write(QJsonDocument(marker).toJson(QJsonDocument::Compact) + '\n');
    if (!file.commit())
        return ioError(QStringLiteral("cannot write %1: %2").arg(paths.marker, file.errorString()));
    return syncDirectory(paths.dir);
}

// A key file (base64 and a newline) that is owner-only from its first byte
// and complete or absent: temporary file, fsync, rename over `path`.
Status writeKeyFile(const QString &path, const SecureBytes &key, const QString &dir)
{
    QTemporaryFile temp(QDir(dir).filePath(QStringLiteral(".master.key.XXXXXX")));
    if (!temp.open() || !temp.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return ioError(
            QStringLiteral("cannot create a key file in %1: %2").arg(dir, temp.errorString()));
    // fromRawData: base64 straight from the key's own buffer, no plain copy.
    QByteArray encoded =
        QByteArray::fromRawData(reinterpret_cast<const char *>(key.data()), key.size()).toBase64();
    encoded.append('\n');
    const bool written =
        temp.write(encoded) == encoded.size() && temp.flush() && ::fsync(temp.handle()) == 0;
    crypto::wipe(encoded);
    if (!written)
        return ioError(QStringLiteral("cannot write %1: %2").arg(path, temp.errorString()));
    temp.close();
    if (Status renamed = renameDurably(temp.fileName(), path, dir); !renamed)
        return renamed;
    temp.setAutoRemove(false);
    return {};
}

Result<crypto::ResolvedMasterKey> readKey(const QString &file, const QByteArray &environment,
                                          const QString &environmentName)
{
    crypto::MasterKeyOptions options;
    options.keyFile = file;
    options.environmentValue = environment;
    options.environmentName = environmentName;
    return crypto::MasterKeyProvider::resolve(options);
}

Result<std::unique_ptr<store::Database>> openWith(const QString &path, const SecureBytes &master)
{
    return store::Database::open(path, crypto::deriveSubkey(master, crypto::Subkey::Database),
                                 store::OpenOptions{.createIfMissing = false, .fullSync = true});
}

class Rotation
{
public:
    explicit Rotation(const MasterKeyRotationOptions &options)
        : m_options(options), m_paths(options.dataDir)
    {}

    Result<MasterKeyRotationOutcome> run();

private:
    void hook(const char *step) const { testHook(m_options.testHookStopAt, step); }
    // The rotation was committed (D opens with `key`): the steps after the
    // commit, each a no-op when already done.
    Result<MasterKeyRotationOutcome> finish(Kind kind, const SecureBytes &key, bool fromStaged,
                                            const QString &location);
    Result<MasterKeyRotationOutcome> rotate(std::unique_ptr<store::Database> database,
                                            SecureBytes newKey, const QString &location);

    const MasterKeyRotationOptions &m_options;
    const Paths m_paths;
    bool m_managedKeyFile = false; // the current key is DATA_DIR/master.key
    crypto::ResolvedMasterKey m_current;
};

Result<MasterKeyRotationOutcome> Rotation::run()
{
    if (!crypto::initialize())
        return Error{
            ErrorCode::CryptoSelfTestFailed, QStringLiteral("libsodium failed to initialise"), {}};
    if (!QFileInfo(m_paths.dir).isDir())
        return ioError(QStringLiteral("the data directory %1 does not exist").arg(m_paths.dir));
    DataDirectoryLock lock(m_paths.dir);
    if (Status locked = lock.acquire(); !locked)
        return locked.error();
    if (!QFileInfo::exists(m_paths.database))
        return ioError(QStringLiteral("there is no database %1").arg(m_paths.database));

    // The current key, as the server finds it, but never a generated one.
    if (m_options.masterKeyEnvironment.isEmpty() && m_options.masterKeyFile.isEmpty() &&
        !QFileInfo::exists(m_paths.keyFile))
        return Error{ErrorCode::MasterKeyNotConfigured,
                     QStringLiteral("no current master key: set HIVEMIND_MASTER_KEY or "
                                    "--master-key-file (there is no %1)")
                         .arg(m_paths.keyFile),
                     {}};
    crypto::MasterKeyOptions currentOptions;
    currentOptions.dataDir = m_paths.dir;
    currentOptions.keyFile = m_options.masterKeyFile;
    currentOptions.environmentValue = m_options.masterKeyEnvironment;
    Result<crypto::ResolvedMasterKey> current = crypto::MasterKeyProvider::resolve(currentOptions);
    if (!current)
        return current.error();
    m_current = std::move(current.value());
    m_managedKeyFile = m_current.source == crypto::MasterKeySource::GeneratedFile;

    // The new key the operator gave, if any (a malformed one is an error).
    std::optional<crypto::ResolvedMasterKey> supplied;
    if (!m_options.newMasterKeyEnvironment.isEmpty() || !m_options.newMasterKeyFile.isEmpty()) {
        Result<crypto::ResolvedMasterKey> key =
            readKey(m_options.newMasterKeyFile, m_options.newMasterKeyEnvironment,
                    QStringLiteral("HIVEMIND_NEW_MASTER_KEY"));
        if (!key)
            return key.error();
        supplied = std::move(key.value());
    }
    if (m_options.generateNewKey && supplied)
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("--generate-new-key and a given new key "
                                    "(HIVEMIND_NEW_MASTER_KEY, --new-master-key-file) exclude "
                                    "each other"),
                     {}};
    if (m_options.generateNewKey && !m_managedKeyFile)
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("--generate-new-key only works when the current key is "
                                    "the data directory's master.key; the current key comes "
                                    "from the %1: give the new one with "
                                    "HIVEMIND_NEW_MASTER_KEY or --new-master-key-file")
                         .arg(crypto::describeMasterKeySource(m_current)),
                     {}};
    const QString describedCurrent = crypto::describeMasterKeySource(m_current);

    // An interrupted run whose new key is the current one: only its tidying
    // up was left (or the operator has switched to the new key already).
    const std::optional<QString> marker = readMarker(m_paths);
    const bool markerIsCurrent = marker && sameText(*marker, commitmentTo(m_current.key));

    Result<std::unique_ptr<store::Database>> database = openWith(m_paths.database, m_current.key);
    if (!database) {
        if (database.error().code != ErrorCode::DbKeyInvalid)
            return database.error();
        // Committed by an interrupted run? Then the database opens with its
        // new key: the staged one, or the one given again (with no marker
        // left, that run had finished: nothing to do).
        const Kind kind = QFileInfo::exists(m_paths.marker) ? Kind::Completed : Kind::AlreadyDone;
        if (QFileInfo::exists(m_paths.stagedKey)) {
            Result<crypto::ResolvedMasterKey> staged = readKey(m_paths.stagedKey, {}, QString());
            if (staged && openWith(m_paths.database, staged.value().key))
                return finish(Kind::Completed, staged.value().key, true, m_paths.keyFile);
        }
        if (supplied && openWith(m_paths.database, supplied->key))
            return finish(kind, supplied->key, false, crypto::describeMasterKeySource(*supplied));
        return Error{ErrorCode::DbKeyInvalid,
                     QStringLiteral("the current master key (from the %1) does not open the "
                                    "database %2%3; nothing was changed")
                         .arg(describedCurrent, m_paths.database,
                              supplied ? QStringLiteral(", nor does the new one") : QString()),
                     {}};
    }

    if (markerIsCurrent && (!supplied || supplied->key == m_current.key)) {
        database.value().reset();
        return finish(Kind::AlreadyDone, m_current.key, false, describedCurrent);
    }

    SecureBytes newKey;
    QString location;
    if (supplied) {
        newKey = std::move(supplied->key);
        location = crypto::describeMasterKeySource(*supplied);
    } else if (m_options.generateNewKey) {
        QByteArray raw = crypto::randomBytes(crypto::MasterKeyProvider::kKeyBytes);
        newKey = SecureBytes::fromRaw(raw);
        crypto::wipe(raw);
        location = m_paths.keyFile;
    } else {
        return Error{
            ErrorCode::ValidationError,
            QStringLiteral("no new master key: set HIVEMIND_NEW_MASTER_KEY, give "
                           "--new-master-key-file%1")
                .arg(m_managedKeyFile ? QStringLiteral(" or --generate-new-key") : QString()),
            {}};
    }
    if (newKey == m_current.key)
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("the new master key is the current one; nothing was changed"),
                     {}};
    if (m_managedKeyFile)
        location = m_paths.keyFile;
    return rotate(std::move(database.value()), std::move(newKey), location);
}

Result<MasterKeyRotationOutcome> Rotation::rotate(std::unique_ptr<store::Database> database,
                                                  SecureBytes newKey, const QString &location)
{
    // Every data key must open with the current key before anything is
    // written: a wrong wrapping key is refused with nothing changed.
    const SecureBytes currentWrapping =
        crypto::deriveSubkey(m_current.key, crypto::Subkey::DekWrapping);
    const SecureBytes newWrapping = crypto::deriveSubkey(newKey, crypto::Subkey::DekWrapping);
    Result<QList<crypto::DekRecord>> records = store::DekRepository(*database).loadAll();
    if (!records)
        return records.error();
    QList<crypto::DekRecord> rewrapped;
    for (const crypto::DekRecord &record : std::as_const(records.value())) {
        Result<crypto::DekRecord> moved = crypto::rewrapDek(record, currentWrapping, newWrapping);
        if (moved) {
            rewrapped.append(std::move(moved.value()));
            continue;
        }
        // A retired key no longer decrypts anything; one that does not
        // open is kept as it is rather than block the rotation.
        if (record.status == crypto::DekStatus::Retired) {
            qCWarning(lcServer) << "retired data key" << record.purpose << "version"
                                << record.version << "does not open; kept as it is";
            continue;
        }
        return Error{ErrorCode::DecryptionError,
                     QStringLiteral("the current master key opens the database but not data "
                                    "key %1 version %2; nothing was changed")
                         .arg(record.purpose)
                         .arg(record.version),
                     {}};
    }
    hook("locked");

    if (Status written = writeMarker(m_paths, newKey); !written)
        return written.error();
    hook("marker-written");

    // Left by an interrupted run that did not commit: useless now.
    if (Status removed = removeDurably(rotatingFiles(m_paths), m_paths.dir); !removed)
        return removed.error();
    if (m_managedKeyFile) {
        if (Status staged = writeKeyFile(m_paths.stagedKey, newKey, m_paths.dir); !staged)
            return staged.error();
        hook("new-key-staged");
    }

    const SecureBytes newDatabaseKey = crypto::deriveSubkey(newKey, crypto::Subkey::Database);
    if (Status exported = database->exportTo(m_paths.rotating, newDatabaseKey); !exported)
        return exported.error();
    // The only connection: closing it checkpoints the WAL and removes it.
    database.reset();
    hook("exported");

    {
        Result<std::unique_ptr<store::Database>> copy = openWith(m_paths.rotating, newKey);
        if (!copy)
            return copy.error();
        store::DekRepository deks(*copy.value());
        Result<store::Transaction> transaction = copy.value()->begin();
        if (!transaction)
            return transaction.error();
        for (const crypto::DekRecord &record : std::as_const(rewrapped)) {
            if (Status updated = deks.updateWrapping(record); !updated)
                return updated.error();
        }
        if (Status committed = transaction.value().commit(); !committed)
            return committed.error();
        // The copy opens with the new key: prove every data key does too.
        crypto::EnvelopeCipher check(crypto::deriveSubkey(newKey, crypto::Subkey::DekWrapping),
                                     deks);
        if (Status loaded = check.load(); !loaded)
            return loaded.error();
    }
    if (Status synced = syncPath(m_paths.rotating, O_RDONLY); !synced)
        return synced.error();
    for (const QString &wal : QStringList{m_paths.database + QStringLiteral("-wal"),
                                          m_paths.rotating + QStringLiteral("-wal")}) {
        // A WAL left beside the new file would be read as part of it.
        if (QFileInfo(wal).size() > 0)
            return Error{ErrorCode::DbError,
                         QStringLiteral("%1 still holds frames after the database was closed; "
                                        "nothing was changed")
                             .arg(wal),
                         {}};
    }
    hook("rewrapped");

    // The sidecar names the old key; without one, either key is judged by
    // opening the file.
    if (Status removed = removeDurably(
            {keyCheckOf(m_paths.database), m_paths.database + QStringLiteral("-wal"),
             m_paths.database + QStringLiteral("-shm"), m_paths.rotating + QStringLiteral("-wal"),
             m_paths.rotating + QStringLiteral("-shm")},
            m_paths.dir);
        !removed)
        return removed.error();
    hook("keycheck-removed");

    if (Status committed = renameDurably(m_paths.rotating, m_paths.database, m_paths.dir);
        !committed)
        return committed.error();
    qCInfo(lcServer).noquote() << "master key rotation: the database" << m_paths.database
                               << "is now encrypted under the new master key";
    hook("committed");

    Result<MasterKeyRotationOutcome> outcome =
        finish(Kind::Rotated, newKey, m_managedKeyFile, location);
    if (outcome)
        outcome.value().dataKeys = int(rewrapped.size());
    return outcome;
}

Result<MasterKeyRotationOutcome> Rotation::finish(Kind kind, const SecureBytes &key,
                                                  bool fromStaged, const QString &location)
{
    MasterKeyRotationOutcome outcome;
    outcome.kind = kind;
    outcome.keyLocation = location;

    const QString rotatingCheck = keyCheckOf(m_paths.rotating);
    if (QFileInfo::exists(rotatingCheck)) {
        if (Status moved = renameDurably(rotatingCheck, keyCheckOf(m_paths.database), m_paths.dir);
            !moved)
            return moved.error();
    }
    hook("keycheck-written");

    if (m_managedKeyFile && !(key == m_current.key)) {
        // DATA_DIR/master.key must hold the key the database now uses.
        Status installed = fromStaged && QFileInfo::exists(m_paths.stagedKey)
                               ? renameDurably(m_paths.stagedKey, m_paths.keyFile, m_paths.dir)
                               : writeKeyFile(m_paths.keyFile, key, m_paths.dir);
        if (!installed)
            return installed.error();
        outcome.keyFileReplaced = true;
        outcome.keyLocation = m_paths.keyFile;
        hook("key-installed");
    }

    QStringList leftovers = rotatingFiles(m_paths);
    leftovers.append(m_paths.stagedKey);
    leftovers.append(m_paths.marker);
    if (Status removed = removeDurably(leftovers, m_paths.dir); !removed)
        return removed.error();
    return outcome;
}

} // namespace

QString masterKeyRotationMarkerPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("master-key-rotation"));
}

Result<MasterKeyRotationOutcome> rotateMasterKey(const MasterKeyRotationOptions &options)
{
    return Rotation(options).run();
}

} // namespace hm::server
