#pragma once

// Oracles of the fuzz targets. A broken oracle must stop the run the way a
// sanitizer finding does (abort), so that libFuzzer saves the input as a
// crash reproducer and the replay test fails on it.

#include <cstdio>
#include <cstdlib>

#define HM_FUZZ_CHECK(condition, what)                                                             \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "fuzz oracle failed at %s:%d: %s\n", __FILE__, __LINE__, what);   \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace hm::fuzz {

// Some targets need a QCoreApplication (QObject signals, QWebSocket); it is
// made once, on the first input, and lives as long as the process.
void ensureCoreApplication();

} // namespace hm::fuzz
