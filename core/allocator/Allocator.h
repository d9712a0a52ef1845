#pragma once

#include <QString>

namespace hm::allocator {

// The allocator this process runs on: "jemalloc <version>" when the
// executable was linked with it and it really serves malloc(), "system
// malloc" otherwise (glibc's, or a sanitizer's). Logged at start-up.
QString description();

// True when jemalloc serves malloc() in this process.
bool usingJemalloc();

} // namespace hm::allocator
