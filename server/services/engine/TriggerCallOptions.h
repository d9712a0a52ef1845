#pragma once

// The per-call "options" of POST /flows/{id}/trigger beyond the version
// (seed 003 §7.3): priority, timeout_override_ms, callback_url and
// callback_secret, read and checked on their own (docs/api.md, "Trigger
// options"). What needs the flow (the timeout's limit) is checked by
// TriggerService once the flow is compiled.

#include "common/Result.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace hm::server {

inline constexpr int kMinPriority = -100;
inline constexpr int kMaxPriority = 100;
// The seed's names for priorities.
inline constexpr int kLowPriority = -10;
inline constexpr int kHighPriority = 10;
inline constexpr int kMinCallbackSecret = 16;
inline constexpr int kMaxCallbackSecret = 256;
inline constexpr int kMaxCallbackUrl = 2048;

struct TriggerCallOptions
{
    int priority = 0;          // "normal"
    qint64 timeoutMs = 0;      // 0 = the flow's flowTimeoutMs
    QUrl callbackUrl;          // empty = no callback
    QByteArray callbackSecret; // empty with a URL: the server makes one
};

// VALIDATION_ERROR naming the field (options.priority, ...) for a bad value.
Result<TriggerCallOptions> readTriggerCallOptions(const QJsonObject &options);

} // namespace hm::server
