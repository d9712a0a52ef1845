#include "allocator/Allocator.h"

#ifdef HIVEMIND_HAVE_JEMALLOC
#include <cstdint>
#include <cstdlib>
#include <jemalloc/jemalloc.h>
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
