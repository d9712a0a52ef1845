#include "openapi/OpenApiLogging.h"

Q_LOGGING_CATEGORY(lcOpenApi, "hivemind.openapi", QtInfoMsg)
