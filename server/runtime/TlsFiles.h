#pragma once

#include "common/Result.h"

#include <QSslCertificate>
#include <QSslKey>

namespace hm::server {

struct TlsIdentity
{
    QSslCertificate certificate;
    QSslKey key;
};

// Reads a PEM certificate and its unencrypted RSA or EC private key. Any
// problem (missing, unreadable, not PEM, key of another algorithm) is
// VALIDATION_ERROR naming the file, so hivemind-server exits 2 before
// touching the store. The key's bytes never appear in a message.
Result<TlsIdentity> loadTlsIdentity(const QString &certFile, const QString &keyFile);

} // namespace hm::server
