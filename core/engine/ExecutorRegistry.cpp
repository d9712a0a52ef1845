#include "engine/ExecutorRegistry.h"

#include <mutex>

namespace hm::engine {

void ExecutorRegistry::add(flow::ComponentInterface iface, std::shared_ptr<NodeExecutor> executor,
                           PortsFromConfig portsFromConfig)
{
    const QString name = iface.name;
    const QString version = iface.version;
    Entry entry{std::make_shared<const flow::ComponentInterface>(std::move(iface)),
                std::move(executor), true,
                portsFromConfig
                    ? std::make_shared<const PortsFromConfig>(std::move(portsFromConfig))
                    : nullptr};
    std::unique_lock lock(m_lock);
    Entry &slot = m_entries[name][version];
    if (slot.iface)
        m_retired.push_back(std::move(slot.iface));
    if (slot.executor)
        m_retired.push_back(std::move(slot.executor));
    if (slot.ports)
        m_retired.push_back(std::move(slot.ports));
    slot = std::move(entry);
}

bool ExecutorRegistry::setEnabled(const QString &name, const QString &version, bool enabled)
{
    std::unique_lock lock(m_lock);
    const auto byName = m_entries.find(name);
    if (byName == m_entries.end())
        return false;
    const auto entry = byName->find(version);
    if (entry == byName->end())
        return false;
    entry->enabled = enabled;
    return true;
}

bool ExecutorRegistry::setDeprecated(const QString &name, const QString &version, bool deprecated)
{
    std::unique_lock lock(m_lock);
    const auto byName = m_entries.find(name);
    if (byName == m_entries.end())
        return false;
    const auto entry = byName->find(version);
    if (entry == byName->end())
        return false;
    entry->deprecated = deprecated;
    return true;
}

bool ExecutorRegistry::isDeprecated(const QString &name, const QString &version) const
{
    std::shared_lock lock(m_lock);
    const auto byName = m_entries.constFind(name);
    if (byName == m_entries.cend())
        return false;
    const auto entry = byName->constFind(version);
    return entry != byName->cend() && entry->deprecated;
}

NodeExecutor *ExecutorRegistry::executor(const QString &name, const QString &version) const
{
    std::shared_lock lock(m_lock);
    const auto byName = m_entries.constFind(name);
    if (byName == m_entries.cend())
        return nullptr;
    const auto entry = byName->constFind(version);
    return entry == byName->cend() ? nullptr : entry->executor.get();
}

int ExecutorRegistry::size() const
{
    std::shared_lock lock(m_lock);
    int n = 0;
    for (const auto &versions : m_entries) {
        for (const Entry &entry : versions)
            n += entry.enabled ? 1 : 0;
    }
    return n;
}

QList<flow::ComponentInterface> ExecutorRegistry::interfaces() const
{
    std::shared_lock lock(m_lock);
    QStringList names = m_entries.keys();
    names.sort();
    QList<flow::ComponentInterface> list;
    for (const QString &name : std::as_const(names)) {
        for (const Entry &entry : m_entries.value(name)) {
            if (entry.enabled)
                list.append(*entry.iface);
        }
    }
    return list;
}

const flow::ComponentInterface *ExecutorRegistry::find(const QString &name,
                                                       const QString &version) const
{
    std::shared_lock lock(m_lock);
    const auto byName = m_entries.constFind(name);
    if (byName == m_entries.cend())
        return nullptr;
    const auto entry = byName->constFind(version);
    if (entry == byName->cend() || !entry->enabled)
        return nullptr;
    // Never freed while the registry lives (see the header).
    return entry->iface.get();
}

QStringList ExecutorRegistry::versions(const QString &name) const
{
    std::shared_lock lock(m_lock);
    QStringList list;
    const auto byName = m_entries.constFind(name);
    if (byName == m_entries.cend())
        return list;
    // QMap: already sorted by version string, as before.
    for (auto it = byName->cbegin(); it != byName->cend(); ++it) {
        if (it->enabled)
            list.append(it.key());
    }
    return list;
}

bool ExecutorRegistry::portsFollowConfig(const QString &name, const QString &version) const
{
    std::shared_lock lock(m_lock);
    const auto byName = m_entries.constFind(name);
    if (byName == m_entries.cend())
        return false;
    const auto entry = byName->constFind(version);
    return entry != byName->cend() && entry->enabled && entry->ports;
}

Result<flow::ComponentInterface> ExecutorRegistry::nodeInterface(const QString &name,
                                                                 const QString &version,
                                                                 const QJsonObject &config) const
{
    std::shared_ptr<const PortsFromConfig> ports;
    {
        std::shared_lock lock(m_lock);
        const auto byName = m_entries.constFind(name);
        if (byName != m_entries.cend()) {
            const auto entry = byName->constFind(version);
            if (entry != byName->cend() && entry->enabled)
                ports = entry->ports;
        }
    }
    // Called unlocked: it may ask the server (a service's endpoint).
    if (ports)
        return (*ports)(config);
    return flow::ComponentCatalog::nodeInterface(name, version, config);
}

} // namespace hm::engine
