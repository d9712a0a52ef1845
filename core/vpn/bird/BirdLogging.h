#pragma once

#include <QLoggingCategory>

// "hivemind.bird": talking to BIRD 2 over its control socket and replacing its
// configuration. Never logs a BGP password (configuration text is not logged).
Q_DECLARE_LOGGING_CATEGORY(lcBird)
