#pragma once

#include "flow/ComponentInterface.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <memory>

namespace hm::flow {

// Where compile() looks components up. The engine backs it with the
// component_versions table plus the built-ins; tests use the in-memory one.
class ComponentCatalog
{
public:
    virtual ~ComponentCatalog() = default;

    // The interface of one version, or nullptr. The pointer stays valid
    // until the catalogue changes; callers that keep it must copy.
    virtual const ComponentInterface *find(const QString &name, const QString &version) const = 0;
    // Known versions of a component (empty: no such component), so problems
    // can tell "unknown component" from "unknown version".
    virtual QStringList versions(const QString &name) const = 0;

    // Components whose ports depend on each node's config, such as the
    // "service" node (one input per parameter of the endpoint its config
    // names). compile() asks this once per component version a flow uses;
    // for those that say yes it then asks nodeInterface() once per distinct
    // config, and checks the node's mappings and edges against that answer.
    // Default: no component does.
    virtual bool portsFollowConfig(const QString &name, const QString &version) const
    {
        Q_UNUSED(name);
        Q_UNUSED(version);
        return false;
    }
    // The interface of one node of such a component. An error becomes the
    // node's INVALID_CONFIG problem (its message), and the node is then
    // checked against find()'s interface. Default: find()'s interface.
    virtual Result<ComponentInterface> nodeInterface(const QString &name, const QString &version,
                                                     const QJsonObject &config) const;
};

class InMemoryComponentCatalog final : public ComponentCatalog
{
public:
    // Adds or replaces the (name, version) entry.
    void add(ComponentInterface iface);
    int size() const;

    const ComponentInterface *find(const QString &name, const QString &version) const override;
    QStringList versions(const QString &name) const override;

private:
    // Held by pointer so find()'s results survive later add()s of others.
    QHash<QString, QHash<QString, std::shared_ptr<const ComponentInterface>>> m_components;
};

} // namespace hm::flow
