#pragma once

#include <QString>

namespace hm::server::fleet {

// How one try of an alert delivery went, whatever the channel: in the
// server's words ("HTTP 500", "connection refused", "SMTP error 550"),
// never the receiver's.
struct DeliveryOutcome
{
    bool delivered = false;
    bool retryable = false; // no answer, or a passing refusal: worth another try
    int status = 0;         // the HTTP status or SMTP reply code; 0: no answer came
    QString error;
    qint64 durationMs = 0;
};

} // namespace hm::server::fleet
