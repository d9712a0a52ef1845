#pragma once

#include "common/LogFormatter.h"
#include "common/Result.h"
#include "server/runtime/MasterKeyRotation.h"
#include "server/runtime/ServerOptions.h"

class QCoreApplication;

namespace hm::server {

struct ServerCommandLine
{
    ServerOptions options;
    logging::Format logFormat = logging::Format::Text;
    // --log-file: the server's own log, rotated by size (LogOutput::setFile);
    // empty: stderr.
    QString logFile;
    qint64 logMaxBytes = 10 * 1024 * 1024;
    int logKeep = 5;
};

// Parses hivemind-server's arguments. --help and --version print and exit
// from inside (QCommandLineParser's behaviour); bad values give
// ValidationError with a message naming the option.
Result<ServerCommandLine> parseServerCommandLine(const QCoreApplication &app);

// `hivemind-server rotate-master-key ...`: the offline master-key rotation
// (MasterKeyRotation.h) instead of a server.
bool isRotateMasterKeyCommand(const QStringList &arguments);
// Its options; the keys themselves come from the environment
// (HIVEMIND_MASTER_KEY, HIVEMIND_NEW_MASTER_KEY) or from files, never from
// the command line.
Result<MasterKeyRotationOptions> parseRotateMasterKeyCommandLine(const QCoreApplication &app);

} // namespace hm::server
