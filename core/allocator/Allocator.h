#pragma once

#include <QString>

namespace hm::allocator {

// The allocator this process runs on: "jemalloc <version>" when the
// executable was linked with it and it really serves malloc(), "system
// malloc" otherwise (glibc's, or a sanitizer's). Logged at start-up.
QString description();

// True when jemalloc serves malloc() in this process.
bool usingJemalloc();

// Bytes the application holds from malloc() right now, process-wide:
// jemalloc's stats.allocated, AddressSanitizer's count, or glibc's
// mallinfo2() in-use bytes. For
// memory benchmarks, which must not read glibc's figures while jemalloc
// serves malloc (they would stay 0).
qint64 allocatedBytes();

} // namespace hm::allocator
