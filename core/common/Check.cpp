#include "common/Check.h"

#include <atomic>
#include <cstdlib>

namespace hm {
namespace {

Q_LOGGING_CATEGORY(lcCheck, "hivemind.check")

bool fatalByDefault()
{
    const QByteArray env = qgetenv("HIVEMIND_FATAL_CHECKS");
    if (!env.isEmpty())
        return env != "0";
#ifdef HIVEMIND_FATAL_CHECKS_DEFAULT
    return true;
#else
    return false;
#endif
}

std::atomic<bool> &fatalFlag()
{
    static std::atomic<bool> flag{fatalByDefault()};
    return flag;
}

} // namespace

bool fatalChecks()
{
    return fatalFlag().load(std::memory_order_relaxed);
}

void setFatalChecks(bool fatal)
{
    fatalFlag().store(fatal, std::memory_order_relaxed);
}

void checkFailed(const char *condition, const char *file, int line)
{
    const bool fatal = fatalChecks();
    qCCritical(lcCheck, "HM_CHECK failed: \"%s\" in %s:%d%s", condition, file, line,
               fatal ? " (fatal checks: aborting)" : "");
    if (fatal)
        std::abort();
}

} // namespace hm
