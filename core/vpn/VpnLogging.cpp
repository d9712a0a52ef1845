#include "vpn/VpnLogging.h"

Q_LOGGING_CATEGORY(lcVpn, "hivemind.vpn", QtInfoMsg)
