#pragma once

#include <QString>

// What the console says about a failure of its server (the embedded one or
// a remote one): a sentence in the current language for the error codes an
// operator meets when connecting, and the server's own message (English)
// only for codes the console has no words for. `dataDir` names the local
// data directory in the sentences about it.
QString describeServerError(const QString &code, const QString &serverMessage,
                            const QString &dataDir);

namespace hm {
struct Error;
}

// What the console says about a request the server refused or that failed
// (flows, executions): a sentence in the current language for the codes an
// operator meets there, else the server's own message (English).
QString describeApiError(const hm::Error &error);
