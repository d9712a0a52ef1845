#pragma once

// How full a filesystem is, counted as df(1) counts it, for the agent's
// disk metrics and the server's own host status alike.
//
// A filesystem keeps blocks that only root may use (ext4 reserves 5 % by
// default). Counting "used of all blocks" never reaches 100 % on such a
// disk: it is full for every service at 95 %, so a "disk above 90 %" alert
// would fire too late or never. df's Use% is the used blocks over the blocks
// an unprivileged writer can have, used + available, and that is what an
// operator compares our figure with.

#include <QtGlobal>

namespace hm::fleet {

struct FilesystemUse
{
    qint64 capacity = 0; // used + available to unprivileged writers, bytes
    qint64 used = 0;     // total − free, bytes
};

// From a filesystem's sizes in bytes (statvfs: f_blocks, f_bfree and
// f_bavail times f_frsize; QStorageInfo: bytesTotal, bytesFree,
// bytesAvailable). Inconsistent input (free above total, available above
// free) is clamped, never negative.
FilesystemUse filesystemUse(qint64 total, qint64 free, qint64 available);

// used × 100 / capacity, 0 … 100; 0 for an empty capacity.
double usedPercent(const FilesystemUse &use);

} // namespace hm::fleet
