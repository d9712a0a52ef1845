#pragma once

// Which executor runs which component version, and what that version's
// interface is. Doubles as the catalogue compile() checks flows against, so
// a flow can only reference components the engine can actually run.
//
// Threads: read on the engine thread (plans resolve executor() once per
// compiled flow and keep the raw NodeExecutor*; the flow loader compiles
// against find()/versions()) and on the server thread (flow validation,
// listings), while the server adds registered HTTP components at run time.
// So every call takes an internal std::shared_mutex (readers shared, add()
// and setEnabled() exclusive), and nothing handed out is ever freed while
// the registry lives:
// - add() over an existing (name, version) keeps the replaced interface and
//   executor alive in a retired list, so a plan's NodeExecutor* and a
//   find() pointer a compiler is about to copy stay valid;
// - components are disabled, never removed: a disabled version is invisible
//   to find() and versions() (new flows fail validation with the usual
//   unknown-component problem) but executor() still answers it, so
//   executions already planned with it run to their end.
// Built-ins are added before the registry is handed to the Engine.

#include "engine/NodeExecutor.h"
#include "flow/ComponentCatalog.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <vector>

namespace hm::engine {

class ExecutorRegistry final : public flow::ComponentCatalog
{
public:
    // The interface of one node from its config, for components whose ports
    // depend on it (see flow::ComponentCatalog::portsFollowConfig). Called
    // on whichever thread compiles a flow, without the registry's lock.
    using PortsFromConfig =
        std::function<Result<flow::ComponentInterface>(const QJsonObject &config)>;

    // Adds or replaces the (iface.name, iface.version) entry, enabled.
    // With `portsFromConfig`, nodes of it get their ports from it; `iface`
    // is what the catalogue lists and what a node falls back to.
    void add(flow::ComponentInterface iface, std::shared_ptr<NodeExecutor> executor,
             PortsFromConfig portsFromConfig = {});
    // Hides (false) or shows again (true) a version from the catalogue.
    // False when there is no such entry.
    bool setEnabled(const QString &name, const QString &version, bool enabled);
    // Deprecated versions still run and still compile; flow writes report a
    // warning for nodes using them. False when there is no such entry.
    bool setDeprecated(const QString &name, const QString &version, bool deprecated);
    bool isDeprecated(const QString &name, const QString &version) const;
    // The executor of a component version (enabled or not), or nullptr.
    NodeExecutor *executor(const QString &name, const QString &version) const;
    // Enabled entries.
    int size() const;
    // Copies of the enabled interfaces, by name then version.
    QList<flow::ComponentInterface> interfaces() const;

    const flow::ComponentInterface *find(const QString &name,
                                         const QString &version) const override;
    QStringList versions(const QString &name) const override;
    bool portsFollowConfig(const QString &name, const QString &version) const override;
    Result<flow::ComponentInterface> nodeInterface(const QString &name, const QString &version,
                                                   const QJsonObject &config) const override;

private:
    struct Entry
    {
        std::shared_ptr<const flow::ComponentInterface> iface;
        std::shared_ptr<NodeExecutor> executor;
        bool enabled = true;
        std::shared_ptr<const PortsFromConfig> ports; // null: fixed ports
        bool deprecated = false;
    };

    mutable std::shared_mutex m_lock;
    QHash<QString, QMap<QString, Entry>> m_entries; // name -> version -> entry
    // Replaced interfaces and executors: alive until the registry goes.
    std::vector<std::shared_ptr<const void>> m_retired;
};

} // namespace hm::engine
