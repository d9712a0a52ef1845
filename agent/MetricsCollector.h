#pragma once

// What the agent measures, behind an interface: the Linux implementation
// reads /proc and /sys (LinuxMetricsCollector), other systems get a
// collector that reports nothing until someone writes theirs.

#include "fleet/AgentProtocol.h"

#include <QList>
#include <QString>
#include <memory>

namespace hm::agent {

class MetricsCollector
{
public:
    virtual ~MetricsCollector() = default;
    // One sample: valid metric names (fleet::isValidMetricName), finite
    // values, each name once, at most fleet::kMaxReportValues. Rates and
    // percentages need a previous sample: the first call has only the
    // absolute values.
    virtual QList<fleet::MetricValue> collect() = 0;
};

// What enrolment tells the server about the machine.
struct SystemFacts
{
    QString ip;
    QString os;
    QString arch;
    int cpuCores = 0;
    QString cpuModel;
    qint64 memoryTotal = 0; // bytes
    qint64 diskTotal = 0;   // bytes, root filesystem
    QString kernel;
    qint64 uptimeSeconds = 0;
};

// This system's collector.
std::unique_ptr<MetricsCollector> createMetricsCollector();
SystemFacts collectSystemFacts();

} // namespace hm::agent
