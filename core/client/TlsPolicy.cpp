#include "client/TlsPolicy.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>

namespace hm::client {

QString TlsPolicy::fingerprint(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return {};
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':'));
}

QString TlsPolicy::normalized(const QString &fingerprint)
{
    QString hex;
    for (const QChar c : fingerprint) {
        if (c.isLetterOrNumber())
            hex.append(c.toLower());
    }
    // Back to the "ab:cd:…" form.
    QString out;
    for (qsizetype i = 0; i < hex.size(); i += 2) {
        if (!out.isEmpty())
            out.append(u':');
        out.append(hex.mid(i, 2));
    }
    return out;
}

std::optional<Error> TlsPolicy::judge(const QSslCertificate &peer,
                                      const QList<QSslError> &errors) const
{
    if (!pinnedSha256.trimmed().isEmpty()) {
        const QString expected = normalized(pinnedSha256);
        const QString actual = fingerprint(peer);
        if (actual == expected)
            return std::nullopt; // the pin replaces the CA's word
        Error error{ErrorCode::NetworkError,
                    QStringLiteral("The server's certificate fingerprint %1 is not the pinned "
                                   "fingerprint %2")
                        .arg(actual.isEmpty() ? QStringLiteral("(none)") : actual, expected)};
        error.details = QJsonObject{{QStringLiteral("tls"), QStringLiteral("fingerprint_mismatch")},
                                    {QStringLiteral("expected"), expected},
                                    {QStringLiteral("actual"), actual}};
        return error;
    }
    if (errors.isEmpty() || !verifyPeer)
        return std::nullopt;
    QStringList texts;
    QJsonArray list;
    for (const QSslError &e : errors) {
        texts.append(e.errorString());
        list.append(e.errorString());
    }
    Error error{ErrorCode::NetworkError,
                QStringLiteral("The server's TLS certificate is not trusted: %1")
                    .arg(texts.join(QStringLiteral("; ")))};
    error.details = QJsonObject{{QStringLiteral("tls"), QStringLiteral("untrusted")},
                                {QStringLiteral("tls_errors"), list},
                                {QStringLiteral("actual"), fingerprint(peer)}};
    return error;
}

} // namespace hm::client
