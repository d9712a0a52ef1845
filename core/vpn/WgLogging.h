#pragma once

#include <QLoggingCategory>

// WireGuard configuration text and status (core/vpn Wg*).
Q_DECLARE_LOGGING_CATEGORY(lcVpnWg)
