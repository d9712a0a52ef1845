#include "flow/FlowLogging.h"

Q_LOGGING_CATEGORY(lcFlow, "hivemind.flow", QtInfoMsg)
