#pragma once

#include <QLoggingCategory>

// "hivemind.engine.http": the engine's HTTP components and http-request. Declared by the library
// that logs to it (the categories every library shares are in common/Logging.h).
Q_DECLARE_LOGGING_CATEGORY(lcEngineHttp)
