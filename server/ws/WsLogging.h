#pragma once

#include <QLoggingCategory>

// "hivemind.server.ws": the WebSocket hub and its connections. Declared by the library that logs to
// it (the categories every library shares are in common/Logging.h).
Q_DECLARE_LOGGING_CATEGORY(lcServerWs)
