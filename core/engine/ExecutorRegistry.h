#pragma once

// Which executor runs which component version, and what that version's
// interface is. Doubles as the catalogue compile() checks flows against, so
// a flow can only reference components the engine can actually run.
//
// Fill it before handing it to the Engine; afterwards it is read-only and
// may be read from any thread (compile() on the server thread, start() on
// the engine thread).

#include "engine/NodeExecutor.h"
#include "flow/ComponentCatalog.h"

#include <QHash>
#include <memory>

namespace hm::engine {

class ExecutorRegistry final : public flow::ComponentCatalog
{
public:
    // Adds or replaces the (iface.name, iface.version) entry.
    void add(flow::ComponentInterface iface, std::shared_ptr<NodeExecutor> executor);
    // The executor of a component version, or nullptr.
    NodeExecutor *executor(const QString &name, const QString &version) const;
    int size() const { return m_catalog.size(); }

    const flow::ComponentInterface *find(const QString &name,
                                         const QString &version) const override;
    QStringList versions(const QString &name) const override;

private:
    flow::InMemoryComponentCatalog m_catalog;
    QHash<QString, std::shared_ptr<NodeExecutor>> m_executors; // "name\x1fversion"
};

} // namespace hm::engine
