#include "flow/ComponentCatalog.h"

namespace hm::flow {

Result<ComponentInterface> ComponentCatalog::nodeInterface(const QString &name,
                                                           const QString &version,
                                                           const QJsonObject &config) const
{
    Q_UNUSED(config);
    if (const ComponentInterface *found = find(name, version))
        return *found;
    return Error{ErrorCode::ComponentNotFound,
                 QStringLiteral("unknown component %1 %2").arg(name, version)};
}

void InMemoryComponentCatalog::add(ComponentInterface iface)
{
    const QString name = iface.name;
    const QString version = iface.version;
    m_components[name].insert(version,
                              std::make_shared<const ComponentInterface>(std::move(iface)));
}

int InMemoryComponentCatalog::size() const
{
    int n = 0;
    for (const auto &versions : m_components)
        n += static_cast<int>(versions.size());
    return n;
}

const ComponentInterface *InMemoryComponentCatalog::find(const QString &name,
                                                         const QString &version) const
{
    const auto byName = m_components.constFind(name);
    if (byName == m_components.cend())
        return nullptr;
    const auto byVersion = byName->constFind(version);
    return byVersion == byName->cend() ? nullptr : byVersion->get();
}

QStringList InMemoryComponentCatalog::versions(const QString &name) const
{
    QStringList list = m_components.value(name).keys();
    list.sort();
    return list;
}

} // namespace hm::flow
