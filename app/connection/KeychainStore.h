#pragma once

#include <QByteArray>
#include <QString>
#include <chrono>
#include <optional>

namespace hm::app {

// Synchronous access to the master key in the OS keychain (QtKeychain), for
// the server's key resolution. Every call waits at most `timeout` in a local
// event loop and may run on any thread that can run one. Reads give the stored
// (base64) key, an empty array when the keychain answered but holds no key,
// and std::nullopt when no keychain service answers (no Secret Service on
// D-Bus, headless machines) so the server falls through to its key file;
// writes give false then.
class KeychainStore
{
public:
    static constexpr const char *kService = "HiveMind";
    static constexpr const char *kMasterKeyKey = "master-key";

    explicit KeychainStore(std::chrono::milliseconds timeout = std::chrono::seconds(3));

    std::optional<QByteArray> readMasterKey() const;
    bool writeMasterKey(const QByteArray &key) const;

    // Any other secret of the console under `key` (the sign-in session of
    // a server). Same answers as for the master key: std::nullopt / false
    // when no keychain answers, an empty array when it holds nothing.
    std::optional<QByteArray> readSecret(const QString &key) const;
    bool writeSecret(const QString &key, const QByteArray &secret) const;
    bool removeSecret(const QString &key) const;

private:
    std::chrono::milliseconds m_timeout;
};

} // namespace hm::app
