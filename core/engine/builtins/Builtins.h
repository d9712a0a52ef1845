#pragma once

// The in-process components (seed 003: transform, delay, log, condition,
// plus noop), all version "1.0.0". http-request lives in engine/http.

#include "engine/ExecutorRegistry.h"

namespace hm::engine {

inline const QString kBuiltinVersion = QStringLiteral("1.0.0");

void registerBuiltins(ExecutorRegistry &registry);

} // namespace hm::engine
