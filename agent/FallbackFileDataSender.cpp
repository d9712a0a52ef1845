// FileDataSender where there is no POSIX one (everywhere but Linux, where
// ConfinedFiles reads): never available, so FileStreams sends frames.

#include "agent/FileDataSender.h"

#include "fleet/StreamFrame.h"

namespace hm::agent {

bool FileDataSender::available()
{
    return false;
}

FileDataSender::FileDataSender(FileDataTarget target, fleet::FileDataPath path)
    : m_target(std::move(target)), m_path(path)
{}

FileDataSender::~FileDataSender() = default;

Status FileDataSender::connect()
{
    return Error{ErrorCode::NetworkError,
                 QStringLiteral("data connections are only available on Linux agents")};
}

qint32 FileDataSender::send(const ConfinedReadFile &, qint64, const QString &, QString *why)
{
    if (why)
        *why = QStringLiteral("data connections are only available on Linux agents");
    return fleet::kFileStreamFailed;
}

void FileDataSender::cancel()
{
    m_cancelled = true;
}

void FileDataSender::closeSocket() {}

} // namespace hm::agent
