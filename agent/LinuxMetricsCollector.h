#pragma once

// The Linux collector: /proc and /sys, statvfs for filesystem sizes. Rates
// (CPU busy share, disk and network bytes per second) come from the
// difference to the previous call.

#include "agent/LinuxProcParsers.h"
#include "agent/MetricsCollector.h"

#include <QElapsedTimer>
#include <QHash>

namespace hm::agent {

class LinuxMetricsCollector : public MetricsCollector
{
public:
    QList<fleet::MetricValue> collect() override;

private:
    QList<procfs::CpuTimes> m_cpu;
    QHash<QString, procfs::DiskIo> m_disks;
    QHash<QString, procfs::NetIo> m_net;
    QElapsedTimer m_sinceLast; // invalid before the first call
};

} // namespace hm::agent
