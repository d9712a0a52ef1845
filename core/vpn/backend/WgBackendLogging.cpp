#include "vpn/backend/WgBackendLogging.h"

Q_LOGGING_CATEGORY(lcWgBackend, "hivemind.vpn.backend", QtInfoMsg)
