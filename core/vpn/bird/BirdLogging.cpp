#include "vpn/bird/BirdLogging.h"

Q_LOGGING_CATEGORY(lcBird, "hivemind.bird", QtInfoMsg)
