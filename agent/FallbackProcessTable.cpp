// Systems without /proc: the agent runs, but remote process operations
// answer that they are not available here.

#include "agent/ProcessTable.h"

#include <QJsonObject>

namespace hm::agent {

namespace {

Error fallbackProcessTableUnsupported()
{
    return Error{ErrorCode::InternalError,
                 QStringLiteral("Process operations are not supported on this system"),
                 QJsonObject{{QStringLiteral("code"), QStringLiteral("NOT_SUPPORTED")}}};
}

class FallbackProcessTable : public ProcessTable
{
public:
    Result<QList<ProcessInfo>> list() override { return fallbackProcessTableUnsupported(); }
    Status kill(qint64, int) override { return fallbackProcessTableUnsupported(); }
};

} // namespace

std::unique_ptr<ProcessTable> makeProcessTable()
{
    return std::make_unique<FallbackProcessTable>();
}

} // namespace hm::agent
