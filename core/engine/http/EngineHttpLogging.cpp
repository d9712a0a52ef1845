#include "engine/http/EngineHttpLogging.h"

Q_LOGGING_CATEGORY(lcEngineHttp, "hivemind.engine.http", QtInfoMsg)
