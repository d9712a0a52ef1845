#include "flow/FlowVersionStatus.h"

namespace hm::flow {

QString flowVersionStatusName(FlowVersionStatus status)
{
    switch (status) {
    case FlowVersionStatus::Draft:
        return QStringLiteral("draft");
    case FlowVersionStatus::Published:
        return QStringLiteral("published");
    case FlowVersionStatus::Deprecated:
        return QStringLiteral("deprecated");
    }
    return QStringLiteral("draft");
}

std::optional<FlowVersionStatus> flowVersionStatusFromName(const QString &name)
{
    for (auto s :
         {FlowVersionStatus::Draft, FlowVersionStatus::Published, FlowVersionStatus::Deprecated}) {
        if (flowVersionStatusName(s) == name)
            return s;
    }
    return std::nullopt;
}

} // namespace hm::flow
