#include "fleet/FilesystemUse.h"

#include <algorithm>

namespace hm::fleet {

FilesystemUse filesystemUse(qint64 total, qint64 free, qint64 available)
{
    total = std::max<qint64>(total, 0);
    free = std::clamp<qint64>(free, 0, total);
    available = std::clamp<qint64>(available, 0, free);
    const qint64 used = total - free;
    return FilesystemUse{used + available, used};
}

double usedPercent(const FilesystemUse &use)
{
    if (use.capacity <= 0)
        return 0;
    return std::clamp(double(use.used) * 100.0 / double(use.capacity), 0.0, 100.0);
}

} // namespace hm::fleet
