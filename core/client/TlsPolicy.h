#pragma once

#include "common/Error.h"

#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <optional>

namespace hm::client {

// How a client trusts a server's TLS certificate (a remote profile's
// settings): the usual CA verification, none at all (a lab server with a
// self-signed certificate), or a pinned SHA-256 fingerprint that the
// certificate must have — with a pin the certificate need not chain to a
// trusted CA, but any other certificate is refused, whatever CA signed it.
// ApiClient and JsonWebSocket (EventStream, ExecutionWatcher) apply it.
struct TlsPolicy
{
    bool verifyPeer = true;
    // Hex SHA-256 of the certificate (DER); case and ':' separators do not
    // matter. Empty: no pin.
    QString pinnedSha256;

    bool operator==(const TlsPolicy &) const = default;

    // "ab:cd:…" (lower-case hex with ':'), as the connection dialog shows it.
    static QString fingerprint(const QSslCertificate &certificate);
    static QString normalized(const QString &fingerprint);

    // Whether a handshake that reported `errors` (possibly none) for
    // `peer` may go on: nothing when it may, else the refusal as an
    // Error (NETWORK_ERROR; details.tls = "untrusted" with
    // details.tls_errors, or "fingerprint_mismatch" with details.expected
    // and details.actual).
    std::optional<Error> judge(const QSslCertificate &peer, const QList<QSslError> &errors) const;
};

} // namespace hm::client
