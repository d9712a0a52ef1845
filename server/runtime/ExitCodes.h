#pragma once

#include "common/Error.h"

namespace hm::server {

// Process exit codes of hivemind-server, documented in the README.
enum ExitCode : int
{
    ExitOk = 0,
    ExitFailure = 1, // anything not listed below
    // Bad command line, the listen port is taken, or another server holds
    // the data directory: nothing was started, the operator must choose again.
    ExitUsageOrPort = 2,
    ExitDatabase = 3, // the database cannot be opened: wrong key or corrupt file
};

inline int exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::PortInUse:
    case ErrorCode::DataDirInUse:
    case ErrorCode::ValidationError:
        return ExitUsageOrPort;
    case ErrorCode::DbKeyInvalid:
    case ErrorCode::DbCorrupt:
        return ExitDatabase;
    default:
        return ExitFailure;
    }
}

} // namespace hm::server
