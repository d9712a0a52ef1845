#include "engine/ExecutorRegistry.h"

namespace hm::engine {

namespace {
QString key(const QString &name, const QString &version)
{
    return name + QChar(0x1f) + version;
}
} // namespace

void ExecutorRegistry::add(flow::ComponentInterface iface, std::shared_ptr<NodeExecutor> executor)
{
    m_executors.insert(key(iface.name, iface.version), std::move(executor));
    m_catalog.add(std::move(iface));
}

NodeExecutor *ExecutorRegistry::executor(const QString &name, const QString &version) const
{
    return m_executors.value(key(name, version)).get();
}

const flow::ComponentInterface *ExecutorRegistry::find(const QString &name,
                                                       const QString &version) const
{
    return m_catalog.find(name, version);
}

QStringList ExecutorRegistry::versions(const QString &name) const
{
    return m_catalog.versions(name);
}

} // namespace hm::engine
