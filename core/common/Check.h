#pragma once

#include <QLoggingCategory>

// Non-fatal assertion (Qt Creator's QTC_ASSERT habit): logs the broken
// invariant with its location and runs the recovery statement instead of
// aborting, so a bug degrades one operation rather than the whole server.
//
//   HM_CHECK(queue != nullptr, return Status(ErrorCode::InternalError, ...));
#define HM_CHECK(cond, action)                                                                     \
    if (Q_LIKELY(cond)) {                                                                          \
    } else {                                                                                       \
        qCritical("HM_CHECK failed: \"%s\" in %s:%d", #cond, __FILE__, __LINE__);                  \
        action;                                                                                    \
    }                                                                                              \
    do {                                                                                           \
    } while (false)
