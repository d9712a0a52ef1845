// Systems without a collector of their own yet: the agent still connects
// and keeps its identity, with nothing to report but the time.

#include "agent/MetricsCollector.h"

#include <QSysInfo>
#include <QThread>

namespace hm::agent {

namespace {

class EmptyMetricsCollector : public MetricsCollector
{
public:
    QList<fleet::MetricValue> collect() override { return {}; }
};

} // namespace

std::unique_ptr<MetricsCollector> createMetricsCollector()
{
    return std::make_unique<EmptyMetricsCollector>();
}

SystemFacts collectSystemFacts()
{
    SystemFacts facts;
    facts.os = QSysInfo::productType();
    facts.arch = QSysInfo::currentCpuArchitecture();
    facts.kernel = QSysInfo::kernelVersion();
    facts.cpuCores = QThread::idealThreadCount();
    return facts;
}

} // namespace hm::agent
