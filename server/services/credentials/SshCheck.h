#pragma once

// Signing in to an SSH server with a credential's private key (libssh),
// for POST /api/v1/credentials/{id}/test. Blocking: run it off the server
// thread (CredentialTester's pool).

#include <QString>

namespace hm::server::credentials {

struct SshCheckOutcome
{
    bool success = false;
    // What happened, with the server's host key fingerprint (SHA256:…)
    // once connected; never a secret.
    QString message;
};

// With `expectedHostKey` (a pinned "SHA256:…" fingerprint) a server whose
// host key has another fingerprint fails the check before anything is
// sent to it (no key offered); without one the fingerprint is only
// reported, so a person can check it.
SshCheckOutcome checkSshLogin(const QString &host, int port, const QString &username,
                              const QString &privateKey, const QString &passphrase,
                              const QString &expectedHostKey, int timeoutSeconds);

} // namespace hm::server::credentials
