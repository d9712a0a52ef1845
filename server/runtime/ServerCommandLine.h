#pragma once

#include "common/LogFormatter.h"
#include "common/Result.h"
#include "server/runtime/ServerOptions.h"

class QCoreApplication;

namespace hm::server {

struct ServerCommandLine
{
    ServerOptions options;
    logging::Format logFormat = logging::Format::Text;
};

// Parses hivemind-server's arguments. --help and --version print and exit
// from inside (QCommandLineParser's behaviour); bad values give
// ValidationError with a message naming the option.
Result<ServerCommandLine> parseServerCommandLine(const QCoreApplication &app);

} // namespace hm::server
