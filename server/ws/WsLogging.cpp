#include "server/ws/WsLogging.h"

Q_LOGGING_CATEGORY(lcServerWs, "hivemind.server.ws", QtInfoMsg)
