#pragma once

#include <QLoggingCategory>

// "hivemind.server.auth": authentication: sessions, tokens, the audit log. Declared by the library
// that logs to it (the categories every library shares are in common/Logging.h).
Q_DECLARE_LOGGING_CATEGORY(lcServerAuth)
