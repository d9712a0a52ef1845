#include "server/runtime/LocalServerPort.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace hm::server::localServerPort {

QString filePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("local-port"));
}

quint16 read(const QString &dataDir)
{
    QFile file(filePath(dataDir));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    // A port is at most five digits; anything longer is not one.
    bool ok = false;
    const uint port = file.read(16).trimmed().toUInt(&ok);
    return ok && port > 0 && port <= 65535 ? quint16(port) : 0;
}

bool write(const QString &dataDir, quint16 port, QString *error)
{
    const QString path = filePath(dataDir);
    // A reader never sees half a number.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::number(port) + '\n') < 0 ||
        !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace hm::server::localServerPort
