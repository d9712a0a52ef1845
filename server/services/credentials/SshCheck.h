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

// The host key is not checked against a known one (the credential has no
// field for it yet); its fingerprint is reported so a person can.
SshCheckOutcome checkSshLogin(const QString &host, int port, const QString &username,
                              const QString &privateKey, const QString &passphrase,
                              int timeoutSeconds);

} // namespace hm::server::credentials
