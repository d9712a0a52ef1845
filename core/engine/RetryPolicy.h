#pragma once

#include "flow/FlowSettings.h"

namespace hm::engine {

// Delay before attempt `failedAttempt + 1`: backoffMs * multiplier^(failedAttempt-1),
// scaled by (1 + jitter) where jitter is in [-0.2, 0.2] (callers pass a
// uniform sample of [-1, 1]), then capped at capMs. Jitter spreads retries
// of many executions hitting the same failing service.
qint64 retryDelayMs(const flow::RetrySettings &retry, int failedAttempt, double unitJitter,
                    qint64 capMs);

inline constexpr double kRetryJitter = 0.2;

} // namespace hm::engine
