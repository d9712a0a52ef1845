#pragma once

// Turning HTTP answers into Result<ApiResponse>, and reading back what the
// client recorded about a failed call.
//
// A failure is an hm::Error: `code` is the catalogue code of the server's
// error.code (INTERNAL_ERROR for a name this build does not know), `message`
// the server's, and `details` the server's details plus these keys the
// client adds:
//   http_status  the HTTP status (0 when no HTTP answer arrived)
//   request_id   the server's request id (error.request_id / X-Request-Id)
//   server_code  error.code exactly as sent, also when it was unknown
// Transport failures are NETWORK_ERROR (details.network_error names Qt's
// error) or TIMEOUT when the per-request timeout ran out.

#include "client/ApiRequest.h"
#include "common/Result.h"

#include <QNetworkReply>

namespace hm::client {

// HTTP status of a failed call; 0 for transport failures.
int errorHttpStatus(const Error &error);
// The server's request id, empty when none came back.
QString errorRequestId(const Error &error);
// error.code as the server sent it (the catalogue name for client errors).
QString errorServerCode(const Error &error);

// Optimistic concurrency (FlowEditBase): a write based on a revision or
// version the flow has left since. Nothing was stored; the console offers
// to reload or to save as a new version on top of the current one.
bool isConflict(const Error &error);
// What a CONFLICT says the flow is at now: its revision (0 when the error
// is no conflict) and latest version ("" when it is none).
qint64 conflictCurrentRevision(const Error &error);
QString conflictCurrentVersion(const Error &error);

// Reads an envelope. networkError is QNetworkReply's error (NoError when the
// transport worked), errorString its text, requestId the X-Request-Id
// header.
Result<ApiResponse> readEnvelope(int httpStatus, const QByteArray &body,
                                 QNetworkReply::NetworkError networkError,
                                 const QString &errorString, const QString &requestId = {});

} // namespace hm::client
