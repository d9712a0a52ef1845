#pragma once

#include "common/Error.h"

#include <QNetworkRequest>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QUrlQuery>
#include <optional>

class QNetworkReply;
class QObject;

namespace hm::client {

class ApiClient;

// Requests made beside ApiClient::send, on a QNetworkAccessManager of their
// own, because their bodies stream (backup and node-file transfers, agent
// release uploads, followed container logs). They must carry the client's
// credential and obey its TLS policy exactly as the client's own calls do:
// these helpers are the one place that says how.

// `path` below the client's base URL (whose own path is kept) with `query`.
QUrl rawRequestUrl(const ApiClient &client, const QString &path, const QUrlQuery &query = {});

// A request for `url` that accepts JSON (an error envelope), gives up after
// `transferTimeoutMs` without progress (0: never) and carries the client's
// credential (API key or bearer token; secrets are never logged).
QNetworkRequest rawRequest(const ApiClient &client, const QUrl &url, int transferTimeoutMs);

// Judges the TLS handshake of `reply` by the client's policy (TlsPolicy.h),
// as ApiClient does for its own calls: Qt's errors are ignored when the
// policy accepts the certificate, and a pin is checked on every handshake,
// trusted CA or not, aborting the reply on a mismatch. A refusal is stored
// in `*refusal`, which `context` owns (the connections end with it) and
// which the owner reads when the reply finishes and resets before the next
// request. A plain-HTTP reply has nothing to judge.
void watchRawReplyTls(QObject *context, const QPointer<ApiClient> &client, QNetworkReply *reply,
                      std::optional<Error> *refusal);

// What a finished raw reply with `body` (an error envelope when it failed)
// comes to: nothing for a 2xx answer; else `tlsRefusal` when the handshake
// was refused, the server's error, or INTERNAL_ERROR with details.code
// UNEXPECTED_ANSWER when a failed answer held no error.
std::optional<Error> rawReplyError(QNetworkReply *reply, const QByteArray &body,
                                   const std::optional<Error> &tlsRefusal);

} // namespace hm::client
