#pragma once

#include <QJsonObject>
#include <QString>

// What the console says about a failure of its server (the embedded one or
// a remote one): a sentence in the current language for the error codes an
// operator meets when connecting, and the server's own message (English)
// only for codes the console has no words for. `dataDir` names the local
// data directory in the sentences about it.
QString describeServerError(const QString &code, const QString &serverMessage,
                            const QString &dataDir);
// The same, with the client error's details: a TLS certificate the
// connection's policy refused (details.tls, TlsPolicy::judge) is told as
// such, not as a server that cannot be reached.
QString describeServerError(const QString &code, const QString &serverMessage,
                            const QString &dataDir, const QJsonObject &details);

namespace hm {
struct Error;
}

// What the console says about a request the server refused or that failed:
// a sentence in the current language for every code of the catalogue
// (core/common/Error.h); the server's own message (English) only for a code
// the console does not know.
QString describeApiError(const hm::Error &error);
// The same as a sentence of its own (a capital and a full stop), for a page
// or an empty state that shows the failure alone.
QString describeApiErrorSentence(const hm::Error &error);

// The server's own code and message, for a details line or tooltip under the
// translated sentence ("DB_BUSY: database is locked"); empty without either.
QString serverErrorDetail(const QString &code, const QString &serverMessage);

// Whether doing the same again may succeed (the network, a busy, starting or
// maintained server), so a Retry is worth offering.
bool isRetryableError(const QString &code);
