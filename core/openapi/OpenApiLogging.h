#pragma once

#include <QLoggingCategory>

// "hivemind.openapi": importing OpenAPI / Swagger documents. Declared by the library that logs to
// it (the categories every library shares are in common/Logging.h).
Q_DECLARE_LOGGING_CATEGORY(lcOpenApi)
