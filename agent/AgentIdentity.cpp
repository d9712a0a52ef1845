#include "agent/AgentIdentity.h"

#include "common/Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace hm::agent {

namespace {

constexpr QFileDevice::Permissions kOwnerOnlyFile =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOwnerOnlyDir =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

// Any access for the group or others.
constexpr QFileDevice::Permissions kGroupOrOthers =
    QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
    QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

Error identityIoError(const QString &message)
{
    return Error{ErrorCode::IoError, message};
}

} // namespace

Status ensurePrivateDirectory(const QString &dir)
{
    if (!QDir().mkpath(dir))
        return identityIoError(QStringLiteral("cannot create the directory %1").arg(dir));
    // The directory holds the secret key and the unsent reports: nobody but
    // the agent's user has anything to read there.
    const QFileDevice::Permissions current = QFileInfo(dir).permissions();
    if ((current & kGroupOrOthers) && !QFile::setPermissions(dir, kOwnerOnlyDir))
        qCWarning(lcAgent).noquote()
            << QStringLiteral("cannot restrict %1 to its owner (0700)").arg(dir);
    return {};
}

QString AgentIdentity::keyFilePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("identity.key"));
}

Result<AgentIdentity> AgentIdentity::load(const QString &dataDir)
{
    const QString path = keyFilePath(dataDir);
    QFile file(path);
    if (!file.exists())
        return Error{ErrorCode::ResourceNotFound,
                     QStringLiteral("there is no identity key at %1").arg(path)};
    if (!file.open(QIODevice::ReadOnly))
        return identityIoError(
            QStringLiteral("cannot read the identity key %1: %2").arg(path, file.errorString()));
    // One byte more than a key: a longer file is as damaged as a shorter one.
    QByteArray secret = file.read(crypto::kSigningSecretKeyBytes + 1);
    crypto::SigningKeyPair pair = crypto::signingKeyPairFromSecret(secret);
    crypto::wipe(secret);
    if (pair.publicKey.isEmpty())
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("the identity key %1 is damaged (not a %2-byte Ed25519 secret "
                                    "key); it was not replaced. Restore it, or remove it and "
                                    "enrol this machine again with a new secret")
                         .arg(path)
                         .arg(crypto::kSigningSecretKeyBytes)};
    if (file.permissions() & kGroupOrOthers)
        qCWarning(lcAgent).noquote()
            << QStringLiteral("the identity key %1 is readable by others; it should be 0600")
                   .arg(path);
    return AgentIdentity(std::move(pair));
}

Result<AgentIdentity> AgentIdentity::loadOrCreate(const QString &dataDir)
{
    if (QFileInfo::exists(keyFilePath(dataDir)))
        return load(dataDir);
    if (const Status dir = ensurePrivateDirectory(dataDir); !dir)
        return dir.error();
    crypto::SigningKeyPair pair = crypto::generateSigningKeyPair();
    const QString path = keyFilePath(dataDir);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return identityIoError(
            QStringLiteral("cannot write the identity key %1: %2").arg(path, file.errorString()));
    // Restricted before a byte is written (the directory is 0700 anyway).
    file.setPermissions(kOwnerOnlyFile);
    const QByteArrayView secret = pair.secretKey.view();
    if (file.write(secret.data(), secret.size()) != secret.size() || !file.commit())
        return identityIoError(
            QStringLiteral("cannot write the identity key %1: %2").arg(path, file.errorString()));
    QFile::setPermissions(path, kOwnerOnlyFile);
    qCInfo(lcAgent).noquote() << QStringLiteral("made a new identity key %1").arg(path);
    return AgentIdentity(std::move(pair));
}

QString AgentIdentity::fingerprint() const
{
    return crypto::publicKeyFingerprint(m_pair.publicKey);
}

QByteArray AgentIdentity::sign(QByteArrayView message) const
{
    return crypto::sign(m_pair.secretKey, message);
}

} // namespace hm::agent
