#include "server/services/auth/AuthLogging.h"

Q_LOGGING_CATEGORY(lcServerAuth, "hivemind.server.auth", QtInfoMsg)
