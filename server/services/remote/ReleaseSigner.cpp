#include "server/services/remote/ReleaseSigner.h"

#include "crypto/Envelope.h"
#include "crypto/Signing.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace hm::server::remote {

namespace {

const QByteArray kReleaseKeyContext = QByteArrayLiteral("agent-release-key");

} // namespace

Result<std::unique_ptr<ReleaseSigner>> ReleaseSigner::loadOrCreate(const QString &dataDir,
                                                                   crypto::EnvelopeCipher &envelope)
{
    const QString path = QDir(dataDir).filePath(QStringLiteral("agent-release.key"));
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return Error{ErrorCode::IoError,
                         QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
        auto secret = envelope.decrypt(QString::fromLatin1(file.readAll().trimmed()),
                                       crypto::DekPurpose::General, kReleaseKeyContext);
        if (!secret)
            return Error{secret.error().code,
                         QStringLiteral("cannot open the release key %1: %2")
                             .arg(path, secret.error().message)};
        crypto::SigningKeyPair pair = crypto::signingKeyPairFromSecret(secret.value());
        secret.value().fill('\0');
        if (pair.publicKey.isEmpty())
            return Error{ErrorCode::InternalError,
                         QStringLiteral("%1 holds no Ed25519 key").arg(path)};
        return std::unique_ptr<ReleaseSigner>(
            new ReleaseSigner(pair.publicKey, std::move(pair.secretKey)));
    }
    crypto::SigningKeyPair pair = crypto::generateSigningKeyPair();
    auto sealed = envelope.encrypt(pair.secretKey.view(), crypto::DekPurpose::General,
                                   kReleaseKeyContext);
    if (!sealed)
        return sealed.error();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot write %1: %2").arg(path, out.errorString())};
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray text = sealed.value().toLatin1() + '\n';
    if (out.write(text) != text.size() || !out.commit())
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot write %1: %2").arg(path, out.errorString())};
    return std::unique_ptr<ReleaseSigner>(
        new ReleaseSigner(pair.publicKey, std::move(pair.secretKey)));
}

QByteArray ReleaseSigner::sign(QByteArrayView message) const
{
    return crypto::sign(m_secretKey, message);
}

} // namespace hm::server::remote
