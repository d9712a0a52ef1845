#pragma once

#include <QLoggingCategory>

// Applying WireGuard configs (core/vpn/backend): which commands ran and how
// they ended. Never a config's text: it holds the private key.
Q_DECLARE_LOGGING_CATEGORY(lcWgBackend)
