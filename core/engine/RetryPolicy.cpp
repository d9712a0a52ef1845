#include "engine/RetryPolicy.h"

#include <algorithm>
#include <cmath>

namespace hm::engine {

qint64 retryDelayMs(const flow::RetrySettings &retry, int failedAttempt, double unitJitter,
                    qint64 capMs)
{
    const double base = static_cast<double>(retry.backoffMs) *
                        std::pow(retry.backoffMultiplier, std::max(0, failedAttempt - 1));
    const double jittered = base * (1.0 + kRetryJitter * std::clamp(unitJitter, -1.0, 1.0));
    const double capped = std::min(jittered, static_cast<double>(capMs));
    return std::max<qint64>(0, static_cast<qint64>(std::llround(capped)));
}

} // namespace hm::engine
