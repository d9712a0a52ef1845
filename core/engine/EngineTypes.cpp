#include "engine/EngineTypes.h"

namespace hm::engine {

QString executionStatusName(ExecutionStatus status)
{
    switch (status) {
    case ExecutionStatus::Pending:
        return QStringLiteral("pending");
    case ExecutionStatus::Queued:
        return QStringLiteral("queued");
    case ExecutionStatus::Running:
        return QStringLiteral("running");
    case ExecutionStatus::Completed:
        return QStringLiteral("completed");
    case ExecutionStatus::Failed:
        return QStringLiteral("failed");
    case ExecutionStatus::Cancelling:
        return QStringLiteral("cancelling");
    case ExecutionStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString nodeStatusName(NodeStatus status)
{
    switch (status) {
    case NodeStatus::Pending:
        return QStringLiteral("pending");
    case NodeStatus::Running:
        return QStringLiteral("running");
    case NodeStatus::Completed:
        return QStringLiteral("completed");
    case NodeStatus::Failed:
        return QStringLiteral("failed");
    case NodeStatus::Cancelled:
        return QStringLiteral("cancelled");
    case NodeStatus::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QString skipReasonName(SkipReason reason)
{
    switch (reason) {
    case SkipReason::None:
        return {};
    case SkipReason::DependencyFailed:
        return QStringLiteral("DEPENDENCY_FAILED");
    case SkipReason::BranchNotTaken:
        return QStringLiteral("BRANCH_NOT_TAKEN");
    }
    return {};
}

QString cancelReasonName(CancelReason reason)
{
    switch (reason) {
    case CancelReason::UserRequested:
        return QStringLiteral("user_requested");
    case CancelReason::Timeout:
        return QStringLiteral("timeout");
    case CancelReason::Replaced:
        return QStringLiteral("replaced");
    case CancelReason::System:
        return QStringLiteral("system");
    case CancelReason::DependencyFailed:
        return QStringLiteral("dependency_failed");
    }
    return {};
}

std::optional<CancelReason> cancelReasonFromName(const QString &name)
{
    for (CancelReason r :
         {CancelReason::UserRequested, CancelReason::Timeout, CancelReason::Replaced,
          CancelReason::System, CancelReason::DependencyFailed}) {
        if (name.compare(cancelReasonName(r), Qt::CaseInsensitive) == 0)
            return r;
    }
    return std::nullopt;
}

bool isTerminal(ExecutionStatus status)
{
    return status == ExecutionStatus::Completed || status == ExecutionStatus::Failed ||
           status == ExecutionStatus::Cancelled;
}

bool isTerminal(NodeStatus status)
{
    return status != NodeStatus::Pending && status != NodeStatus::Running;
}

} // namespace hm::engine
