#pragma once

// The server's Ed25519 release key (issue 38 item 9; docs/agent.md
// "Upgrades"): it signs every agent build's manifest
// (fleet::ReleaseManifest::signedMessage), and agents pin its public key at
// enrolment. The secret key lives in <data dir>/agent-release.key, sealed
// by the envelope cipher (the master key's DEKs, purpose GENERAL) and mode
// 0600; made on first start.

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <memory>

namespace hm::crypto {
class EnvelopeCipher;
}

namespace hm::server::remote {

class ReleaseSigner
{
public:
    static Result<std::unique_ptr<ReleaseSigner>> loadOrCreate(const QString &dataDir,
                                                               crypto::EnvelopeCipher &envelope);

    QByteArray publicKey() const { return m_publicKey; }
    QByteArray sign(QByteArrayView message) const;

private:
    ReleaseSigner(QByteArray publicKey, crypto::SecureBytes secretKey)
        : m_publicKey(std::move(publicKey)), m_secretKey(std::move(secretKey))
    {}

    QByteArray m_publicKey;
    crypto::SecureBytes m_secretKey;
};

} // namespace hm::server::remote
