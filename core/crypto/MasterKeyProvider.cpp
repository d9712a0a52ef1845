#include "crypto/MasterKeyProvider.h"

#include "common/Logging.h"
#include "crypto/Random.h"
#include "crypto/Sodium.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <unistd.h>

namespace hm::crypto {
namespace {

const QLatin1String kEnvironmentVariable("HIVEMIND_MASTER_KEY");
const QLatin1String kGeneratedFileName("master.key");
const QLatin1String kKeychainLocation("OS keychain");
// A key file is 44 characters of base64; anything much larger is not one.
constexpr qint64 kMaxKeyFileBytes = 4096;
constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// Base64 text, optionally followed by a newline, of exactly 32 bytes.
// Returns an empty SecureBytes for anything else. Wipes its intermediates.
SecureBytes decodeKey(QByteArrayView text)
{
    while (!text.isEmpty() && (text.back() == '\n' || text.back() == '\r'))
        text.chop(1);
    QByteArray encoded = text.toByteArray();
    auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    wipe(encoded);
    SecureBytes key;
    if (decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok &&
        decoded.decoded.size() == MasterKeyProvider::kKeyBytes)
        key = SecureBytes::fromRaw(decoded.decoded);
    wipe(decoded.decoded);
    return key;
}

ResolvedMasterKey resolved(SecureBytes key, MasterKeySource source, QString location,
                           bool generated)
{
    ResolvedMasterKey result;
    result.key = std::move(key);
    result.source = source;
    result.location = std::move(location);
    result.generated = generated;
    return result;
}

Result<ResolvedMasterKey> readKeyFile(const QString &path, MasterKeySource source)
{
    QFile file(path);
    if (!file.exists())
        return Error{
            ErrorCode::IoError, QStringLiteral("master key file %1 does not exist").arg(path), {}};
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            ErrorCode::IoError,
            QStringLiteral("cannot read master key file %1: %2").arg(path, file.errorString()),
            {}};
    QByteArray content = file.read(kMaxKeyFileBytes);
    SecureBytes key = decodeKey(content);
    wipe(content);
    if (key.isEmpty())
        return Error{ErrorCode::MasterKeyNotConfigured,
                     QStringLiteral("master key file %1 does not hold the base64 encoding of "
                                    "exactly 32 bytes")
                         .arg(path),
                     {}};
    return resolved(std::move(key), source, path, false);
}

// Writes a new key file that is owner-only from its first byte, complete or
// absent (temporary file + rename), and never replaces an existing file.
Result<ResolvedMasterKey> generateKeyFile(const QString &dataDir)
{
    if (dataDir.isEmpty())
        return Error{ErrorCode::MasterKeyNotConfigured,
                     QStringLiteral("no master key is configured: set HIVEMIND_MASTER_KEY or "
                                    "--master-key-file"),
                     {}};
    if (!QDir().mkpath(dataDir))
        return Error{
            ErrorCode::IoError, QStringLiteral("cannot create data directory %1").arg(dataDir), {}};
    const QString path = QDir(dataDir).absoluteFilePath(kGeneratedFileName);

    // QTemporaryFile creates its file with O_EXCL and mode 0600; the explicit
    // setPermissions below is belt and braces before any key byte is written.
    QTemporaryFile temp(QDir(dataDir).absoluteFilePath(QStringLiteral(".master.key.XXXXXX")));
    if (!temp.open() || !temp.setPermissions(kOwnerOnly))
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot create master key file in %1: %2")
                         .arg(dataDir, temp.errorString()),
                     {}};
    QByteArray encoded = MasterKeyProvider::generateKeyBase64();
    SecureBytes key = decodeKey(encoded);
    encoded.append('\n');
    const bool written =
        temp.write(encoded) == encoded.size() && temp.flush() && ::fsync(temp.handle()) == 0;
    wipe(encoded);
    if (!written)
        return Error{
            ErrorCode::IoError,
            QStringLiteral("cannot write master key file %1: %2").arg(path, temp.errorString()),
            {}};
    // QFile::rename refuses to replace an existing file (renameat2 with
    // RENAME_NOREPLACE, or link + unlink), so a key written by a concurrent
    // start-up is kept and used instead of ours.
    if (!temp.rename(path)) {
        if (QFileInfo::exists(path))
            return readKeyFile(path, MasterKeySource::GeneratedFile);
        return Error{
            ErrorCode::IoError,
            QStringLiteral("cannot create master key file %1: %2").arg(path, temp.errorString()),
            {}};
    }
    temp.setAutoRemove(false);
    qCWarning(lcCrypto).noquote()
        << "generated a new master key in" << path
        << "- back this file up; without it the encrypted data cannot be read."
        << "Set HIVEMIND_MASTER_KEY or --master-key-file in production.";
    return resolved(std::move(key), MasterKeySource::GeneratedFile, path, true);
}

} // namespace

MasterKeyOptions MasterKeyOptions::fromEnvironment(QString dataDir, QString keyFile)
{
    MasterKeyOptions options;
    options.dataDir = std::move(dataDir);
    options.keyFile = std::move(keyFile);
    options.environmentValue = qgetenv(kEnvironmentVariable.data());
    return options;
}

QByteArray MasterKeyProvider::generateKeyBase64()
{
    QByteArray raw = randomBytes(kKeyBytes);
    QByteArray encoded = raw.toBase64();
    wipe(raw);
    return encoded;
}

Result<ResolvedMasterKey> MasterKeyProvider::resolve(const MasterKeyOptions &options)
{
    if (!initialize())
        return Error{
            ErrorCode::CryptoSelfTestFailed, QStringLiteral("libsodium is not available"), {}};

    if (!options.environmentValue.isEmpty()) {
        SecureBytes key = decodeKey(options.environmentValue);
        if (key.isEmpty())
            return Error{ErrorCode::MasterKeyNotConfigured,
                         QStringLiteral("%1 is set but is not the base64 encoding of exactly 32 "
                                        "bytes (generate one with: openssl rand -base64 32)")
                             .arg(options.environmentName),
                         {}};
        return resolved(std::move(key), MasterKeySource::Environment, options.environmentName,
                        false);
    }

    if (!options.keyFile.isEmpty())
        return readKeyFile(options.keyFile, MasterKeySource::KeyFile);

    bool keychainAvailable = false;
    if (options.keychainRead) {
        std::optional<QByteArray> stored = options.keychainRead();
        keychainAvailable = stored.has_value();
        if (stored && !stored->isEmpty()) {
            SecureBytes key = decodeKey(*stored);
            wipe(*stored);
            if (key.isEmpty())
                return Error{ErrorCode::MasterKeyNotConfigured,
                             QStringLiteral("the master key stored in the OS keychain is not the "
                                            "base64 encoding of exactly 32 bytes"),
                             {}};
            return resolved(std::move(key), MasterKeySource::Keychain, kKeychainLocation, false);
        }
    }

    if (!options.dataDir.isEmpty()) {
        const QString path = QDir(options.dataDir).absoluteFilePath(kGeneratedFileName);
        if (QFileInfo::exists(path))
            return readKeyFile(path, MasterKeySource::GeneratedFile);
    }

    if (keychainAvailable && options.keychainWrite) {
        QByteArray encoded = generateKeyBase64();
        SecureBytes key = decodeKey(encoded);
        const bool stored = options.keychainWrite(encoded);
        wipe(encoded);
        if (stored) {
            qCInfo(lcCrypto) << "generated a new master key and stored it in the OS keychain";
            return resolved(std::move(key), MasterKeySource::Keychain, kKeychainLocation, true);
        }
        qCWarning(lcCrypto) << "the OS keychain refused the new master key; using a key file";
    }

    return generateKeyFile(options.dataDir);
}

QString describeMasterKeySource(const ResolvedMasterKey &key)
{
    // `location` already says which variable, file or keychain: the kind is
    // named once and the location added only where it tells more.
    switch (key.source) {
    case MasterKeySource::Environment:
        return QStringLiteral("environment variable ") + key.location;
    case MasterKeySource::KeyFile:
        return QStringLiteral("key file ") + QDir::toNativeSeparators(key.location);
    case MasterKeySource::Keychain:
        return QStringLiteral("OS keychain");
    case MasterKeySource::GeneratedFile:
        return QStringLiteral("generated key file ") + QDir::toNativeSeparators(key.location);
    }
    return key.location;
}

} // namespace hm::crypto
