#pragma once

#include <QLoggingCategory>

// Category of core/vpn: "hivemind.vpn".
Q_DECLARE_LOGGING_CATEGORY(lcVpn)
