#include "server/runtime/DataDirectory.h"

#include <QDir>
#include <QStandardPaths>

namespace hm::server {

QString defaultDataDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("hivemind"));
}

} // namespace hm::server
