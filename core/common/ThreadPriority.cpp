#include "common/ThreadPriority.h"

#include <QtGlobal>
#include <algorithm>

#if defined(Q_OS_LINUX)
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <qt_windows.h>
#endif

namespace hm {

#if defined(Q_OS_LINUX)
namespace {

// Linux keeps a nice value per thread, addressed by its thread id
// (setpriority(2), "BUGS": POSIX says per process, Linux does per thread).
id_t currentTid()
{
    return id_t(::syscall(SYS_gettid));
}

} // namespace
#endif

bool lowerCurrentThreadPriority(int steps)
{
    if (steps <= 0)
        return false;
#if defined(Q_OS_LINUX)
    // Counted from the process's main thread (its id is the process id),
    // not from this thread: a pooled thread lowered again for its next task
    // stays where the first call put it.
    errno = 0;
    const int base = ::getpriority(PRIO_PROCESS, id_t(::getpid()));
    const std::optional<int> now = currentThreadNice();
    if ((base == -1 && errno != 0) || !now)
        return false;
    const int wanted = std::min(19, base + steps);
    return wanted > *now && ::setpriority(PRIO_PROCESS, currentTid(), wanted) == 0;
#elif defined(Q_OS_WIN)
    return ::SetThreadPriority(::GetCurrentThread(), steps >= 10 ? THREAD_PRIORITY_LOWEST
                                                                 : THREAD_PRIORITY_BELOW_NORMAL);
#else
    return false;
#endif
}

std::optional<int> currentThreadNice()
{
#if defined(Q_OS_LINUX)
    errno = 0; // -1 is a valid nice value: only errno tells a failure
    const int nice = ::getpriority(PRIO_PROCESS, currentTid());
    if (nice == -1 && errno != 0)
        return std::nullopt;
    return nice;
#else
    return std::nullopt;
#endif
}

} // namespace hm
