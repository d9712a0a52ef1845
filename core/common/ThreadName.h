#pragma once

#include <QtGlobal>

#if defined(Q_OS_LINUX)
#include <pthread.h>
#elif defined(Q_OS_MACOS)
#include <pthread.h>
#endif

namespace hm {

// Names the calling thread for profilers, debuggers and `top -H` (Linux
// keeps at most 15 characters). A no-op where there is no such call.
inline void nameCurrentThread(const char *name)
{
#if defined(Q_OS_LINUX)
    pthread_setname_np(pthread_self(), name);
#elif defined(Q_OS_MACOS)
    pthread_setname_np(name); // macOS names only the calling thread
#else
    Q_UNUSED(name);
#endif
}

} // namespace hm
