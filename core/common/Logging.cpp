#include "common/Logging.h"

Q_LOGGING_CATEGORY(lcStore, "hivemind.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStoreQueue, "hivemind.store.queue", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCrypto, "hivemind.crypto", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "hivemind.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerHttp, "hivemind.server.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClient, "hivemind.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "hivemind.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAgent, "hivemind.agent", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEngine, "hivemind.engine", QtInfoMsg)
