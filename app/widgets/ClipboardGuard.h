#pragma once

#include <QString>

namespace hm::app {

// Puts a secret (an API key) on the clipboard and takes it off again after
// a delay, but only if the clipboard still holds that secret: whatever the
// user copied since stays. The delay is 30 s; tests make it shorter.
class ClipboardGuard
{
public:
    static void copySecret(const QString &secret);
    static void setClearDelayMs(int ms);
    static int clearDelayMs();
};

} // namespace hm::app
