// Not Linux: no relay (the agent offers no data connection there either);
// downloads keep the WebSocket's stream frames
// (FileDownloads offers no data connection when this gives nullptr).

#include "server/services/remote/ByteRelay.h"

#include <QtGlobal>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace hm::server::remote {

bool sendOnDescriptor(int, const QByteArray &)
{
    return false; // no raw upgrades here: nothing is ever handed over
}

void closeDescriptor(int descriptor)
{
    if (descriptor >= 0)
        ::close(descriptor);
}

bool socketRelaysAvailable()
{
    return false;
}

std::unique_ptr<ByteRelay> makeSocketRelay(int source, int sink, qint64, hm::fleet::FileDataPath)
{
    // Never called where socketRelaysAvailable() is false; the descriptors
    // are ours all the same.
    if (source >= 0)
        ::close(source);
    if (sink >= 0)
        ::close(sink);
    return nullptr;
}

} // namespace hm::server::remote
