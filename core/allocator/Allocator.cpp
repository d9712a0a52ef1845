#include "allocator/Allocator.h"

#ifdef HIVEMIND_HAVE_JEMALLOC
#include <cstdint>
#include <cstdlib>
#include <jemalloc/jemalloc.h>
#endif
#include <malloc.h>
#if defined(__SANITIZE_ADDRESS__)
// From the sanitizer runtime (sanitizer/allocator_interface.h, which this
// compiler does not always ship).
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#endif

namespace hm::allocator {

bool usingJemalloc()
{
#ifdef HIVEMIND_HAVE_JEMALLOC
    // mallctl() answers whenever the library is loaded; whether it also
    // serves plain malloc() is what matters (a preloaded or earlier malloc
    // would win). jemalloc counts what this thread allocated: if a malloc()
    // moves the counter, jemalloc served it.
    auto allocated = []() -> quint64 {
        uint64_t bytes = 0;
        size_t size = sizeof(bytes);
        return mallctl("thread.allocated", &bytes, &size, nullptr, 0) == 0 ? bytes : 0;
    };
    const quint64 before = allocated();
    void *volatile probe = std::malloc(4096);
    const quint64 after = allocated();
    std::free(probe);
    return after >= before + 4096;
#else
    return false;
#endif
}

qint64 allocatedBytes()
{
#ifdef HIVEMIND_HAVE_JEMALLOC
    if (usingJemalloc()) {
        // Statistics are snapshots, refreshed by advancing the epoch.
        uint64_t epoch = 1;
        size_t size = sizeof(epoch);
        mallctl("epoch", &epoch, &size, &epoch, size);
        size_t allocated = 0;
        size = sizeof(allocated);
        if (mallctl("stats.allocated", &allocated, &size, nullptr, 0) == 0)
            return qint64(allocated);
        return -1;
    }
#endif
#if defined(__SANITIZE_ADDRESS__)
    // The sanitizer's allocator serves malloc; glibc's counters stay still.
    return qint64(__sanitizer_get_current_allocated_bytes());
#else
    return qint64(mallinfo2().uordblks);
#endif
}

QString description()
{
#ifdef HIVEMIND_HAVE_JEMALLOC
    if (usingJemalloc()) {
        const char *version = nullptr;
        size_t size = sizeof(version);
        if (mallctl("version", &version, &size, nullptr, 0) == 0 && version)
            return QStringLiteral("jemalloc ") + QString::fromLatin1(version);
        return QStringLiteral("jemalloc");
    }
#endif
    return QStringLiteral("system malloc");
}

} // namespace hm::allocator
