#include "ServerErrorText.h"

#include "common/Error.h"

#include <QCoreApplication>
#include <QDir>

namespace {

bool is(const QString &code, hm::ErrorCode known)
{
    return code == hm::errorCodeName(known);
}

} // namespace

QString describeServerError(const QString &code, const QString &serverMessage,
                            const QString &dataDir)
{
    const QString dir = QDir::toNativeSeparators(dataDir);
    using hm::ErrorCode;
    if (is(code, ErrorCode::DataDirInUse))
        return QCoreApplication::translate("ServerErrorText", "another HiveMind server is using the data directory %1").arg(dir);
    if (is(code, ErrorCode::PortInUse))
        return QCoreApplication::translate("ServerErrorText", "the port to listen on is taken by another program");
    if (is(code, ErrorCode::DbKeyInvalid))
        return QCoreApplication::translate("ServerErrorText", "the master key does not open the database in %1").arg(dir);
    if (is(code, ErrorCode::DbCorrupt))
        return QCoreApplication::translate("ServerErrorText", "the database in %1 is damaged; restore it from a backup").arg(dir);
    if (is(code, ErrorCode::MasterKeyNotConfigured))
        return QCoreApplication::translate("ServerErrorText", "no master key is configured");
    if (is(code, ErrorCode::NetworkError))
        return QCoreApplication::translate("ServerErrorText", "the server cannot be reached");
    if (is(code, ErrorCode::Timeout))
        return QCoreApplication::translate("ServerErrorText", "the server did not answer in time");
    if (is(code, ErrorCode::ServiceUnavailable))
        return QCoreApplication::translate("ServerErrorText", "the server is not available right now");
    return serverMessage.isEmpty() ? code : serverMessage;
}
