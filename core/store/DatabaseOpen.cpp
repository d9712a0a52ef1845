// Database::open(): the opening rules. Everything here is about never
// damaging an existing file and about telling a wrong key from a damaged
// file, which SQLCipher reports identically (SQLITE_NOTADB).
//
// 1. An existing file is first probed through a READONLY connection with
//    the URI parameter immutable=1: an O_RDONLY descriptor, no locks, and
//    no -wal/-shm opened or created, so a failed open leaves every file
//    byte-identical and adds none. The probe decrypts page 1 (the key) and,
//    when the WAL is empty, reads the schema and checks the file size
//    against the header (damage). Only then is the file opened READWRITE
//    (never with SQLITE_OPEN_CREATE) for real. With frames in the WAL the
//    main file alone may be stale or half checkpointed (a kill during a
//    checkpoint), so past the key the judgement is left to the
//    read-write connection, which reads through the WAL; if that fails the
//    file is reported DbCorrupt, and closing that connection may checkpoint
//    valid WAL frames into the file exactly as any SQLite client would.
// 2. A missing file is created exclusively (O_EXCL) when createIfMissing,
//    so a file that appears concurrently is never treated as ours.
// 3. Wrong key versus damage: with a key-check sidecar the answer is exact
//    (KeyCheck_p.h), and a mismatch is refused before SQLite opens the file.
//    Without one (files made before sidecars, or a deleted sidecar) it is a
//    heuristic: SQLite only writes whole pages, so a file shorter than one
//    page or not a whole number of pages is called DbCorrupt; a well-sized
//    file that does not decrypt is called DbKeyInvalid (random garbage of a
//    page-multiple size is therefore reported as a wrong key). The sidecar
//    is rewritten whenever the key is proven right, so the heuristic is
//    needed at most once per file.
// 4. Pages are 4096 bytes (cipher_page_size, set on every connection since
//    SQLCipher does not record it in the file; SQLCipher 4's default), not
//    SQLCipher 3's 1024: a quarter of the page writes and encryptions,
//    about 1.5x the insert throughput here. Anyone opening a HiveMind
//    database with the sqlcipher shell must also set it.

#include "common/Logging.h"
#include "crypto/SecureBytes.h"
#include "store/Connection_p.h"
#include "store/Database.h"
#include "store/KeyCheck_p.h"
#include "store/PageCrypto_p.h"
#include "store/SqliteError_p.h"

#include <QFile>
#include <QFileInfo>

namespace hm::store {

namespace {

constexpr qsizetype kKeySize = 32;
// cipher_page_size of every HiveMind database, also the smallest valid file.
constexpr qint64 kPageSize = 4096;
// Per connection; the default 2 MB makes every insert into a large table
// re-read and re-decrypt index pages.
constexpr char kCacheSizePragma[] = "PRAGMA cache_size = -16384"; // KiB

Error keyInvalid(const QString &path)
{
    // Never the key, nor anything derived from it.
    return Error{ErrorCode::DbKeyInvalid,
                 QStringLiteral("the master key does not match the database %1").arg(path),
                 {}};
}

Error corrupt(const QString &path, const QString &why)
{
    return Error{
        ErrorCode::DbCorrupt, QStringLiteral("the database %1 is damaged: %2").arg(path, why), {}};
}

struct FileFacts
{
    bool exists = false;
    qint64 size = 0;
    bool plainSqlite = false; // starts with the unencrypted SQLite header
};

Result<FileFacts> inspect(const QString &path)
{
    FileFacts facts;
    const QFileInfo info(path);
    if (!info.exists())
        return facts;
    if (!info.isFile())
        return Error{ErrorCode::IoError, QStringLiteral("%1 is not a regular file").arg(path), {}};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot read %1: %2").arg(path, file.errorString()),
                     {}};
    facts.exists = true;
    facts.size = file.size();
    // SQLCipher files begin with a random salt; this header means a plain
    // SQLite database that must not be mistaken for a damaged one.
    facts.plainSqlite = file.read(16) == QByteArrayView("SQLite format 3\0", 16);
    return facts;
}

qint64 fileSize(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : 0;
}

// "file:<path>?immutable=1"; the path percent-encoded so '?', '#' and '%'
// in it stay part of the name.
QByteArray immutableUri(const QString &path)
{
    return "file:" + QFile::encodeName(path).toPercentEncoding("/") + "?immutable=1";
}

// Once per process, before SQLite initialises: no memory statistics. With
// them every sqlite3_malloc and sqlite3_free of every connection takes one
// process-wide mutex (the writer, the checkpointer and the readers on the
// request thread all contend for it); nothing here reads those statistics.
// sqlite3_config is only allowed before sqlite3_initialize, so a process
// that already used SQLite elsewhere keeps them, which is harmless.
void configureSqliteOnce()
{
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return sqlite3_initialize() == SQLITE_OK;
    }();
    Q_UNUSED(configured);
}

Result<std::shared_ptr<detail::Connection>> connect(const QString &path, const QByteArray &name,
                                                    int flags)
{
    configureSqliteOnce();
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(name.constData(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    // The handle must be closed even when opening failed.
    auto connection = std::make_shared<detail::Connection>(raw, path);
    if (rc != SQLITE_OK) {
        Error error = detail::sqliteError(raw, rc, QStringLiteral("opening %1").arg(path));
        if ((rc & 0xff) == SQLITE_CANTOPEN)
            error.code = ErrorCode::IoError;
        return error;
    }
    sqlite3_extended_result_codes(raw, 1);
    connection->setBusyTimeoutMs(Database::kBusyTimeoutMs);
    return connection;
}

// x'<64 hex>': SQLCipher's notation of a raw key (no PBKDF2). The caller
// wipes the result.
QByteArray rawKeyLiteral(const crypto::SecureBytes &key)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    QByteArray literal;
    // Reserved up front so appending never reallocates and strands a copy.
    literal.reserve(3 + 2 * key.size());
    literal.append("x'");
    for (qsizetype i = 0; i < key.size(); ++i) {
        literal.append(kDigits[key.data()[i] >> 4]);
        literal.append(kDigits[key.data()[i] & 0x0f]);
    }
    literal.append('\'');
    return literal;
}

// PRAGMA key = "x'<64 hex>'": a raw key, so SQLCipher skips its PBKDF2.
// Then the page size, which must be known before the first page is read.
Status applyKey(sqlite3 *db, const crypto::SecureBytes &key)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    static constexpr char kPrefix[] = "PRAGMA key = \"x'";
    static constexpr char kSuffix[] = "'\"";
    QByteArray pragma;
    // Reserved up front so appending never reallocates and strands a copy.
    pragma.reserve(qsizetype(sizeof(kPrefix) + sizeof(kSuffix)) + 2 * key.size());
    pragma.append(kPrefix);
    for (qsizetype i = 0; i < key.size(); ++i) {
        pragma.append(kDigits[key.data()[i] >> 4]);
        pragma.append(kDigits[key.data()[i] & 0x0f]);
    }
    pragma.append(kSuffix);
    detail::page_crypto::prepareForKey(); // the provider SQLCipher copies at this key
    const int rc = sqlite3_exec(db, pragma.constData(), nullptr, nullptr, nullptr);
    crypto::wipe(pragma);
    if (rc != SQLITE_OK)
        return detail::sqliteError(db, rc, QStringLiteral("applying the database key"));
    const QByteArray pageSize = "PRAGMA cipher_page_size = " + QByteArray::number(kPageSize);
    if (const int sized = sqlite3_exec(db, pageSize.constData(), nullptr, nullptr, nullptr);
        sized != SQLITE_OK)
        return detail::sqliteError(db, sized, QStringLiteral("setting the page size"));
    return {};
}

Result<qint64> pragmaInt(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    qint64 value = 0;
    if (rc == SQLITE_ROW) {
        value = sqlite3_column_int64(stmt, 0);
        rc = SQLITE_OK;
    }
    Result<qint64> result =
        rc == SQLITE_OK ? Result<qint64>(value)
                        : Result<qint64>(detail::sqliteError(db, rc, QString::fromUtf8(sql)));
    sqlite3_finalize(stmt);
    return result;
}

// A truncated tail is invisible to a read of sqlite_master, so compare the
// file with what its header says.
Status checkSize(sqlite3 *db, const QString &path, qint64 size)
{
    const Result<qint64> pageSize = pragmaInt(db, "PRAGMA page_size");
    if (!pageSize.ok())
        return pageSize.error();
    if (pageSize.value() <= 0 || size % pageSize.value() != 0)
        return corrupt(
            path, QStringLiteral("its size (%1 bytes) is not a whole number of pages").arg(size));
    const Result<qint64> pages = pragmaInt(db, "PRAGMA page_count");
    if (!pages.ok())
        return pages.error();
    if (pages.value() * pageSize.value() != size)
        return corrupt(path, QStringLiteral("it holds %1 bytes but its header describes %2 pages")
                                 .arg(size)
                                 .arg(pages.value()));
    return {};
}

// Step 1 for an existing file: prove the key and the file through a
// connection that cannot write.
Status probeExisting(const QString &path, const crypto::SecureBytes &key, const FileFacts &facts,
                     detail::KeyCheck check)
{
    Result<std::shared_ptr<detail::Connection>> probe =
        connect(path, immutableUri(path), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    if (!probe.ok())
        return probe.error();
    sqlite3 *db = probe.value()->handle();
    if (Status keyed = applyKey(db, key); !keyed.ok())
        return keyed;

    // The key: a header value decrypts page 1 and nothing else.
    int rc = sqlite3_exec(db, "PRAGMA user_version", nullptr, nullptr, nullptr);
    if ((rc & 0xff) == SQLITE_NOTADB) {
        if (check == detail::KeyCheck::Matches)
            return corrupt(path, QStringLiteral("its first page does not decrypt although the key "
                                                "matches its key-check file"));
        if (facts.size % kPageSize != 0)
            return corrupt(path, QStringLiteral("its size (%1 bytes) is not a whole number of "
                                                "pages and it does not decrypt")
                                     .arg(facts.size));
        return keyInvalid(path);
    }
    // An immutable connection ignores the WAL, so the main file alone is
    // only the whole truth while the WAL is empty. With frames in it (a
    // crash, or the database is open elsewhere and may be checkpointing
    // right now) the main file may be half checkpointed: page 1, copied
    // first, already counts pages the file does not hold yet, which SQLite
    // calls "malformed" although nothing is lost. Page 1 decrypted, so the
    // key is right; the read-write connection, reading through the WAL,
    // judges the rest.
    const bool walHasFrames = fileSize(path + QStringLiteral("-wal")) > 0;
    if (rc != SQLITE_OK) {
        if ((rc & 0xff) != SQLITE_CORRUPT)
            return detail::sqliteError(db, rc, QStringLiteral("reading %1").arg(path));
        if (walHasFrames)
            return {};
        return corrupt(path, QString::fromUtf8(sqlite3_errmsg(db)));
    }
    if (walHasFrames)
        return {};
    rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        const int primary = rc & 0xff;
        // The key is proven, so "not a database" now means damage.
        if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
            return corrupt(path, QString::fromUtf8(sqlite3_errmsg(db)));
        return detail::sqliteError(db, rc, QStringLiteral("reading %1").arg(path));
    }
    return checkSize(db, path, facts.size);
}

Status configure(detail::Connection &connection, bool fullSync)
{
    sqlite3 *db = connection.handle();
    // Incremental auto-vacuum, so history retention can hand freed pages
    // back to the file system (PRAGMA incremental_vacuum). SQLite records
    // it only while the file holds no page yet, so only a new, empty file
    // gets it; existing ones keep theirs (auto_vacuum NONE: their freed
    // pages are reused by new rows instead; docs/engine-persistence.md,
    // "History retention"). Not set on a file that has pages: on one that
    // already is incremental the pragma writes the header again, a write
    // transaction at every connection's open.
    const Result<qint64> pages = pragmaInt(db, "PRAGMA page_count");
    if (!pages.ok())
        return pages.error();
    int rc = SQLITE_OK;
    if (pages.value() == 0) {
        rc = sqlite3_exec(db, "PRAGMA auto_vacuum = INCREMENTAL", nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            return detail::sqliteError(db, rc, QStringLiteral("setting auto_vacuum"));
    }
    sqlite3_stmt *stmt = nullptr;
    rc = sqlite3_prepare_v2(db, "PRAGMA journal_mode=WAL", -1, &stmt, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    QByteArray mode;
    if (rc == SQLITE_ROW)
        mode = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW)
        return detail::sqliteError(db, rc, QStringLiteral("switching to WAL"));
    if (mode != "wal")
        return Status(ErrorCode::DbError,
                      QStringLiteral("%1 stays in journal mode %2 instead of WAL")
                          .arg(connection.path(), QString::fromLatin1(mode)));
    // synchronous=NORMAL in WAL mode: a commit survives a process crash;
    // only an OS crash or power loss can lose the last commits, never
    // consistency. FULL (OpenOptions::fullSync) fsyncs the WAL at every
    // commit, so power loss loses nothing committed either.
    const QByteArray pragmas = QByteArray("PRAGMA foreign_keys = ON; PRAGMA synchronous = ") +
                               (fullSync ? "FULL; " : "NORMAL; ") + kCacheSizePragma;
    rc = sqlite3_exec(db, pragmas.constData(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return detail::sqliteError(db, rc, QStringLiteral("configuring"));
    return {};
}

// Only for a file this call created: it holds nothing yet.
void removeCreated(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                                  QStringLiteral("-journal"), QStringLiteral(".keycheck")})
        QFile::remove(path + suffix);
}

Status createEmpty(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Status(ErrorCode::IoError,
                      QStringLiteral("cannot create %1: %2").arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

} // namespace

Result<std::unique_ptr<Database>>
Database::open(const QString &path, const crypto::SecureBytes &key, OpenOptions options)
{
    if (key.size() != kKeySize)
        return Error{ErrorCode::InternalError,
                     QStringLiteral("the database key must be %1 bytes").arg(kKeySize),
                     {}};
    if (path.isEmpty())
        return Error{ErrorCode::InternalError, QStringLiteral("no database path given"), {}};

    Result<FileFacts> inspected = inspect(path);
    if (!inspected.ok())
        return inspected.error();
    const FileFacts facts = inspected.value();

    detail::KeyCheck check = detail::KeyCheck::Missing;
    if (facts.exists) {
        if (facts.plainSqlite)
            return Error{ErrorCode::DbError,
                         QStringLiteral("%1 is an unencrypted SQLite database; HiveMind only "
                                        "opens databases it encrypted")
                             .arg(path),
                         {}};
        check = detail::verifyKeyCheck(path, key);
        if (check == detail::KeyCheck::Mismatch)
            return keyInvalid(path);
        // Also with a matching sidecar: an empty or sub-page file has lost
        // its header, and SQLite would treat it as a new database.
        if (facts.size < kPageSize)
            return corrupt(path, QStringLiteral("it is only %1 bytes long").arg(facts.size));
        if (Status probed = probeExisting(path, key, facts, check); !probed.ok())
            return probed.error();
    } else {
        if (!options.createIfMissing)
            return Error{
                ErrorCode::IoError, QStringLiteral("the database %1 does not exist").arg(path), {}};
        if (Status created = createEmpty(path); !created.ok())
            return created.error();
    }

    std::shared_ptr<detail::Connection> connection;
    const auto fail = [&](Error error) -> Result<std::unique_ptr<Database>> {
        connection.reset(); // closed before a created file is removed
        if (!facts.exists)
            removeCreated(path);
        return error;
    };

    // Only ever READWRITE: SQLITE_OPEN_CREATE could silently make a new,
    // empty database where the operator expected theirs.
    Result<std::shared_ptr<detail::Connection>> connected =
        connect(path, QFile::encodeName(path), SQLITE_OPEN_READWRITE);
    if (!connected.ok())
        return fail(connected.error());
    connection = std::move(connected.value());
    sqlite3 *db = connection->handle();
    if (Status keyed = applyKey(db, key); !keyed.ok())
        return fail(keyed.error());
    // Re-checked on this connection: the file could have been swapped since
    // the probe, and this read also loads the schema.
    if (const int rc =
            sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
        rc != SQLITE_OK) {
        return fail(detail::sqliteError(db, rc, QStringLiteral("reading %1").arg(path)));
    }
    if (Status configured = configure(*connection, options.fullSync); !configured.ok())
        return fail(configured.error());

    if (check != detail::KeyCheck::Matches) {
        // The key is proven right: record it so a later failure can be
        // told apart exactly.
        if (Status written = detail::writeKeyCheck(path, key); !written.ok()) {
            if (!facts.exists)
                return fail(written.error());
            qCWarning(lcStore) << written.error().toString();
        }
    }
    return std::unique_ptr<Database>(new Database(std::move(connection)));
}

Status Database::exportTo(const QString &path, const crypto::SecureBytes &key)
{
    if (key.size() != kKeySize)
        return Status(ErrorCode::InternalError,
                      QStringLiteral("the database key must be %1 bytes").arg(kKeySize));
    // Created here, empty and owner-only: the connection was opened without
    // SQLITE_OPEN_CREATE, so ATTACH may not create it.
    if (Status created = createEmpty(path); !created.ok())
        return created;
    sqlite3 *db = m_connection->handle();
    detail::page_crypto::prepareForKey(); // the provider SQLCipher copies at ATTACH ... KEY
    sqlite3_stmt *attach = nullptr;
    int rc = sqlite3_prepare_v2(db, "ATTACH DATABASE ?1 AS hm_export KEY ?2", -1, &attach, nullptr);
    if (rc != SQLITE_OK)
        return detail::sqliteError(db, rc, QStringLiteral("preparing the export"));
    const QByteArray name = QFile::encodeName(path);
    QByteArray literal = rawKeyLiteral(key);
    sqlite3_bind_text(attach, 1, name.constData(), int(name.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(attach, 2, literal.constData(), int(literal.size()), SQLITE_STATIC);
    rc = sqlite3_step(attach);
    sqlite3_clear_bindings(attach);
    sqlite3_finalize(attach);
    crypto::wipe(literal);
    if (rc != SQLITE_DONE)
        return detail::sqliteError(db, rc, QStringLiteral("attaching %1").arg(path));
    const QByteArray pageSize =
        "PRAGMA hm_export.cipher_page_size = " + QByteArray::number(kPageSize);
    rc = sqlite3_exec(db, pageSize.constData(), nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "SELECT sqlcipher_export('hm_export')", nullptr, nullptr, nullptr);
    Status exported =
        rc == SQLITE_OK
            ? Status()
            : Status(detail::sqliteError(db, rc, QStringLiteral("exporting to %1").arg(path)));
    const int detached = sqlite3_exec(db, "DETACH DATABASE hm_export", nullptr, nullptr, nullptr);
    if (exported.ok() && detached != SQLITE_OK)
        return detail::sqliteError(db, detached, QStringLiteral("detaching %1").arg(path));
    return exported;
}

} // namespace hm::store
