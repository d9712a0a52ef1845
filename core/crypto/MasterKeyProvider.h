#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <optional>

namespace hm::crypto {

enum class MasterKeySource
{
    Environment,   // HIVEMIND_MASTER_KEY
    KeyFile,       // --master-key-file
    Keychain,      // the OS keychain (console only)
    GeneratedFile, // <dataDir>/master.key, generated on an earlier or this run
};

struct ResolvedMasterKey
{
    SecureBytes key; // 32 bytes
    MasterKeySource source = MasterKeySource::Environment;
    QString location;       // variable name, file path or "OS keychain"; never key material
    bool generated = false; // created during this resolve(): tell the user to back it up
};

// Where the key came from, for the log: "environment variable
// HIVEMIND_MASTER_KEY", "key file /path/master.key", "OS keychain",
// "generated key file /data/master.key". Each part once, never key material.
QString describeMasterKeySource(const ResolvedMasterKey &key);

struct MasterKeyOptions
{
    QString dataDir; // where the generated key file lives: <dataDir>/master.key
    QString keyFile; // --master-key-file, optional
    // Console only, injected so this library does not link QtKeychain.
    // read: std::nullopt = no keychain answered (fall through), empty = the
    // keychain answered but holds no key, else the base64 key.
    std::function<std::optional<QByteArray>()> keychainRead;
    // Stores a base64 key; false on failure.
    std::function<bool(const QByteArray &)> keychainWrite;
    QByteArray environmentValue; // value of HIVEMIND_MASTER_KEY; empty = unset
    // The variable environmentValue came from, for messages and
    // ResolvedMasterKey::location (rotate-master-key reads the new key from
    // HIVEMIND_NEW_MASTER_KEY).
    QString environmentName = QStringLiteral("HIVEMIND_MASTER_KEY");

    // Fills environmentValue from qgetenv("HIVEMIND_MASTER_KEY").
    static MasterKeyOptions fromEnvironment(QString dataDir, QString keyFile);
};

// Finds the master key, in order: environment > key file > keychain >
// existing <dataDir>/master.key > new key in the keychain > new key file.
// A configured source that is broken is an error, never a silent fall-through
// to a fresh key: a new key would make the existing data unreadable.
class MasterKeyProvider
{
public:
    static Result<ResolvedMasterKey> resolve(const MasterKeyOptions &options);
    // 32 random bytes, base64 (the same format as `openssl rand -base64 32`).
    static QByteArray generateKeyBase64();

    static constexpr qsizetype kKeyBytes = 32;
};

} // namespace hm::crypto
