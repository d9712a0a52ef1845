// Systems without the Linux pty code: remote terminals answer that they are
// not available here.

#include "agent/Pty.h"

#include <QJsonObject>

namespace hm::agent {

Result<std::unique_ptr<Pty>> Pty::start(const PtyOptions &)
{
    return Error{ErrorCode::InternalError,
                 QStringLiteral("Remote terminals are not supported on this system"),
                 QJsonObject{{QStringLiteral("code"), QStringLiteral("NOT_SUPPORTED")}}};
}

} // namespace hm::agent
