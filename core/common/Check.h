#pragma once

#include <QLoggingCategory>

// Assertion that recovers (Qt Creator's QTC_ASSERT habit): a failing check
// logs the broken invariant with its location and runs the recovery
// statement, so a bug degrades one operation rather than the whole server.
// With fatal checks on (tests, sanitizer builds) it aborts instead, so a
// broken invariant fails the test that reached it.
//
//   HM_CHECK(queue != nullptr, return Status(ErrorCode::InternalError, ...));
#define HM_CHECK(cond, action)                                                                     \
    if (Q_LIKELY(cond)) {                                                                          \
    } else {                                                                                       \
        ::hm::checkFailed(#cond, __FILE__, __LINE__);                                              \
        action;                                                                                    \
    }                                                                                              \
    do {                                                                                           \
    } while (false)

namespace hm {

// Every failing HM_CHECK calls this: it logs under "hivemind.check" and, when
// fatal checks are on, aborts. Fatal checks are on when the environment says
// HIVEMIND_FATAL_CHECKS=1 (the ctest presets set it; child processes inherit
// it), off when it says HIVEMIND_FATAL_CHECKS=0, and otherwise as the build
// was configured (CMake option HIVEMIND_FATAL_CHECKS, on in the asan preset,
// off by default and in the release build).
[[gnu::cold]] void checkFailed(const char *condition, const char *file, int line);

bool fatalChecks();
void setFatalChecks(bool fatal); // for tests of checkFailed itself

} // namespace hm
