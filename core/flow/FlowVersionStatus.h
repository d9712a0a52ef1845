#pragma once

#include <QString>
#include <optional>

namespace hm::flow {

// Lifecycle of a flow version (seed 003 flow_versions.status). Only a
// published version can be triggered; a deprecated one keeps running the
// executions pinned to it but takes no new ones.
enum class FlowVersionStatus
{
    Draft,
    Published,
    Deprecated,
};

// "draft", "published", "deprecated"
QString flowVersionStatusName(FlowVersionStatus status);
std::optional<FlowVersionStatus> flowVersionStatusFromName(const QString &name);

} // namespace hm::flow
