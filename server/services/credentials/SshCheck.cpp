#include "server/services/credentials/SshCheck.h"

#include "crypto/SecureBytes.h"
#include "server/services/credentials/SshHandles.h"

#include <libssh/libssh.h>
#include <memory>

namespace hm::server::credentials {
namespace {

using Session = SshSessionHandle;
using Key = SshKeyHandle;

QString fingerprintOf(ssh_session session)
{
    ssh_key serverKey = nullptr;
    if (ssh_get_server_publickey(session, &serverKey) != SSH_OK)
        return {};
    const Key owned(serverKey);
    unsigned char *hash = nullptr;
    size_t length = 0;
    if (ssh_get_publickey_hash(serverKey, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) != 0)
        return {};
    char *text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length);
    ssh_clean_pubkey_hash(&hash);
    const QString fingerprint = QString::fromLatin1(text);
    ssh_string_free_char(text);
    return fingerprint;
}

} // namespace

SshCheckOutcome checkSshLogin(const QString &host, int port, const QString &username,
                              const QString &privateKey, const QString &passphrase,
                              const QString &expectedHostKey, int timeoutSeconds)
{
    const Session session(ssh_new());
    if (!session)
        return {false, QStringLiteral("libssh could not start a session")};
    const QByteArray hostBytes = host.toUtf8();
    const QByteArray userBytes = username.toUtf8();
    const unsigned int portValue = unsigned(port);
    const long timeout = timeoutSeconds;
    const int noConfig = 0;
    ssh_options_set(session.get(), SSH_OPTIONS_HOST, hostBytes.constData());
    ssh_options_set(session.get(), SSH_OPTIONS_PORT, &portValue);
    ssh_options_set(session.get(), SSH_OPTIONS_USER, userBytes.constData());
    ssh_options_set(session.get(), SSH_OPTIONS_TIMEOUT, &timeout);
    // Nothing from the server account's ~/.ssh: only the credential counts.
    ssh_options_set(session.get(), SSH_OPTIONS_PROCESS_CONFIG, &noConfig);
    if (ssh_connect(session.get()) != SSH_OK)
        return {false, QStringLiteral("could not connect: %1")
                           .arg(QString::fromUtf8(ssh_get_error(session.get())))};
    const QString fingerprint = fingerprintOf(session.get());
    if (!expectedHostKey.isEmpty() && fingerprint != expectedHostKey)
        return {false, QStringLiteral("the server's host key %1 does not match the pinned host "
                                      "key %2; the key was not offered to it")
                           .arg(fingerprint.isEmpty() ? QStringLiteral("(unknown)") : fingerprint,
                                expectedHostKey)};

    QByteArray keyText = privateKey.toUtf8();
    QByteArray phrase = passphrase.toUtf8();
    ssh_key rawKey = nullptr;
    const int imported = ssh_pki_import_privkey_base64(
        keyText.constData(), phrase.isEmpty() ? nullptr : phrase.constData(), nullptr, nullptr,
        &rawKey);
    crypto::wipe(keyText);
    crypto::wipe(phrase);
    const Key key(rawKey);
    if (imported != SSH_OK)
        return {false, QStringLiteral("the private key cannot be read (not a key, or a wrong "
                                      "passphrase); host key %1")
                           .arg(fingerprint)};
    const int auth = ssh_userauth_publickey(session.get(), nullptr, key.get());
    if (auth != SSH_AUTH_SUCCESS)
        return {false, QStringLiteral("the server refused the key for %1; host key %2")
                           .arg(username, fingerprint)};
    return {true, QStringLiteral("signed in as %1; host key %2").arg(username, fingerprint)};
}

} // namespace hm::server::credentials
