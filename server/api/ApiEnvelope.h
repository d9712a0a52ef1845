#pragma once

#include "common/Error.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace hm::server {

// The seed-001 envelope: {"success":true,"data":…,"message":…} and
// {"success":false,"error":{code,message,details,request_id,timestamp}}.
QJsonObject successEnvelope(const QJsonValue &data, const QString &message = {});
QJsonObject errorEnvelope(const Error &error, const QString &requestId);
// "req_" followed by 16 random hex digits.
QString newRequestId();
// ISO-8601 UTC with milliseconds, the API's only time format.
QString isoUtcNow();

} // namespace hm::server
