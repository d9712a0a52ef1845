#pragma once

// The agent's Ed25519 identity: `identity.key` in the data directory (the
// 64-byte secret key, 0600, the directory 0700). The server knows the agent
// only by the public key it received at enrolment; losing or replacing the
// file means enrolling again, so a damaged file is an error, never silently
// replaced.

#include "common/Result.h"
#include "crypto/Signing.h"

#include <QByteArray>
#include <QString>

namespace hm::agent {

class AgentIdentity
{
public:
    static QString keyFilePath(const QString &dataDir);

    // Loads the key of `dataDir`, or makes one (creating the directory)
    // when there is none. IoError when the directory or file cannot be
    // made or read, ValidationError when the file is not a key.
    static Result<AgentIdentity> loadOrCreate(const QString &dataDir);
    // Loads only: ResourceNotFound when there is no key yet.
    static Result<AgentIdentity> load(const QString &dataDir);

    const QByteArray &publicKey() const { return m_pair.publicKey; }
    // "SHA256:…" as the console shows it (crypto::publicKeyFingerprint).
    QString fingerprint() const;
    // A detached Ed25519 signature of `message`.
    QByteArray sign(QByteArrayView message) const;

private:
    explicit AgentIdentity(crypto::SigningKeyPair pair) : m_pair(std::move(pair)) {}

    crypto::SigningKeyPair m_pair;
};

// Creates `dir` (and parents) and restricts it to its owner (0700).
Status ensurePrivateDirectory(const QString &dir);

} // namespace hm::agent
