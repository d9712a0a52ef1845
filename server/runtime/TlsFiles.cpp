#include "server/runtime/TlsFiles.h"

#include <QFile>

namespace hm::server {
namespace {

Result<QByteArray> readFile(const QString &path, const char *what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("cannot read the TLS %1 file %2: %3")
                         .arg(QString::fromLatin1(what), path, file.errorString())};
    return file.readAll();
}

} // namespace

Result<TlsIdentity> loadTlsIdentity(const QString &certFile, const QString &keyFile)
{
    auto certBytes = readFile(certFile, "certificate");
    if (!certBytes)
        return certBytes.error();
    auto keyBytes = readFile(keyFile, "key");
    if (!keyBytes)
        return keyBytes.error();

    const QList<QSslCertificate> chain = QSslCertificate::fromData(certBytes.value(), QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("%1 holds no PEM certificate").arg(certFile)};
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        key = QSslKey(keyBytes.value(), algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return Error{
            ErrorCode::ValidationError,
            QStringLiteral("%1 holds no unencrypted PEM RSA or EC private key").arg(keyFile)};
    // QSslKey cannot derive the public half, so only the algorithm is
    // compared here; a mismatched pair of one algorithm fails the handshake.
    if (chain.first().publicKey().algorithm() != key.algorithm())
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("the key in %1 does not belong to the certificate in %2")
                         .arg(keyFile, certFile)};
    return TlsIdentity{chain.first(), key};
}

} // namespace hm::server
