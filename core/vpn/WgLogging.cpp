#include "vpn/WgLogging.h"

Q_LOGGING_CATEGORY(lcVpnWg, "hivemind.vpn.wg", QtInfoMsg)
