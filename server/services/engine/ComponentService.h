#pragma once

// Registered HTTP components (docs/component-protocol.md) on the server
// side: registration through discovery, the `components` rows (one per
// name: display name, description, category, icon), `component_versions`
// (one per name and version) and their `component_endpoints`, the executors in the
// engine's registry, and health checks that gate dispatch.
//
// Versions are semantic versions (flow::SemanticVersion), listed by
// precedence. One version may be served by several endpoints: registering
// the same name and version (with the same interface) from another
// endpoint adds that endpoint, and dispatch goes round robin over the
// healthy ones with failover (HttpComponentExecutor). Interfaces are
// checked at registration, their config and port schemas compiled with
// valijson (flow::ConfigSchemaValidator).
//
// Deprecating a version (status "deprecated") keeps it running and usable;
// flow writes that use it answer warnings (deprecationWarnings). Deleting
// is soft: the row gets status "disabled" and deleted_at, the version
// disappears from the engine's catalogue (new flows fail validation with
// UNKNOWN_COMPONENT) while executions already planned with it keep its
// executor (see ExecutorRegistry.h).
//
// Health: every `healthIntervalMs`, and on demand, GET <endpoint>/health once
// per endpoint of the live rows. Per endpoint: "healthy" when the service
// says so and lists the component (or lists nothing), "degraded" when it is
// healthy but no longer lists it, "unhealthy" when the check fails. Only
// "unhealthy" gates dispatch: that endpoint is skipped; when every endpoint
// of a version is, the executor fails attempts at once with a retryable
// COMPONENT_UNAVAILABLE (details.reason "COMPONENT_UNHEALTHY") instead of
// calling anything, until a later check finds one healthy again. A
// version's own health is the best of its endpoints'.
//
// Lives on the server thread and uses the server's database connection;
// network callbacks arrive on that thread too.

#include "common/Result.h"
#include "engine/http/HttpComponentExecutor.h"
#include "server/repositories/ComponentRepository.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace hm::store {
class Database;
}

namespace hm::engine {
class ExecutorRegistry;
}

namespace hm::server {

namespace auth {
struct Principal;
}

class FlowEngineHost;

class ComponentService : public QObject
{
    Q_OBJECT
public:
    template <typename T> using Done = std::function<void(Result<T>)>;

    ComponentService(store::Database &db, FlowEngineHost &host, int healthIntervalMs,
                     QObject *parent = nullptr);
    ~ComponentService() override;

    // Adds the executors of every live row to the engine's registry; run
    // from FlowEngineHost::start's beforeQueue hook. Remembers which names
    // are built-in (everything in the registry before).
    Status loadRegistered();
    // Starts the periodic checks and runs a first round now.
    void startHealthChecks();

    // Checks `endpoint`'s health, reads its interfaces (only `name` when not
    // empty) and stores one active, healthy row per component version, or
    // adds the endpoint to the live row of that name and version, all or
    // nothing. With `name`, `info` sets that name's display name,
    // description, category and icon (VALIDATION_ERROR without a name).
    // `done` gets the rows as API JSON, or VALIDATION_ERROR (bad
    // URL, interface, version or schema; details name the component and the
    // field), COMPONENT_UNAVAILABLE (unreachable or unhealthy),
    // COMPONENT_NOT_FOUND (`name` not served), RESOURCE_ALREADY_EXISTS (a
    // built-in has that name, the version is already served at this
    // endpoint, or registered with another interface). Runs `done` later,
    // on this thread.
    void registerEndpoint(const QString &endpoint, const QString &name,
                          const repositories::ComponentInfo &info, const QString &createdBy,
                          Done<QJsonArray> done);
    // Built-ins and registered rows (live ones, plus the latest deleted row
    // of a name and version that has no live one), by name then version
    // precedence.
    // `name` not empty: only that component; COMPONENT_NOT_FOUND if none.
    Result<QJsonArray> list(const QString &name = {});
    // Soft delete; the deleted row as API JSON.
    Result<QJsonObject> remove(const QString &name, const QString &version);
    // Checks the health of a live registered version now (every endpoint);
    // `done` gets its row afterwards (built-ins answer at once).
    void recheck(const QString &name, const QString &version, Done<QJsonObject> done);
    // Marks a live registered version deprecated or active again; the row.
    // VALIDATION_ERROR for built-ins, COMPONENT_NOT_FOUND.
    Result<QJsonObject> setDeprecated(const QString &name, const QString &version, bool deprecated);
    // Sets the given name-level fields of a registered name (every version);
    // its versions as list(name) answers them, and the components row's id.
    // VALIDATION_ERROR for built-ins, COMPONENT_NOT_FOUND when no live
    // version of `name` is registered.
    struct UpdatedInfo
    {
        QString componentId;
        QJsonArray items;
    };
    Result<UpdatedInfo> updateInfo(const QString &name, const repositories::ComponentInfo &info);
    // Flows and flow versions whose nodes use name and version (any version
    // when `version` is empty), among the flows `principal` may view.
    Result<QJsonArray> usage(const QString &name, const QString &version,
                             const auth::Principal &principal);
    // One warning per node of `definition` (flow::FlowDefinition JSON) that
    // uses a deprecated version: {code: "DEPRECATED_COMPONENT_VERSION",
    // message, node, component, version}.
    static QJsonArray deprecationWarnings(const engine::ExecutorRegistry &registry,
                                          const QJsonObject &definition);

    // The summary /ws/events carries of a row as API JSON: {component_id,
    // name, version, display_name, description, category, icon, status,
    // deprecated, health, builtin} (no interface, no endpoint URLs).
    static QJsonObject eventData(const QJsonObject &row);

signals:
    // After each committed change, for /ws/events (docs/api.md):
    // component_registered (a new name, version or endpoint of a version),
    // component_updated (deprecated or active again: changed ["status"];
    // its health summary changed: changed ["health"]; not on every check),
    // component_deleted. `data` is eventData() of the row, plus `changed`.
    void changed(const QString &type, const QJsonObject &data);

private:
    using Row = repositories::StoredComponent;
    using EndpointRow = repositories::StoredEndpoint;

    static QString key(const QString &name, const QString &version);
    QJsonObject rowJson(const Row &row, const QList<EndpointRow> &endpoints) const;
    // Rows as API JSON with their endpoints.
    Result<QJsonArray> rowsJson(const QList<Row> &rows) const;
    Result<QJsonObject> oneRowJson(const Row &row) const;
    Status checkInterface(const flow::ComponentInterface &iface) const;
    void updateSummary(const QString &versionId, qint64 now);
    QJsonObject builtinJson(const flow::ComponentInterface &iface) const;
    Result<QJsonArray> store(const QString &endpoint, const QList<flow::ComponentInterface> &found,
                             const QString &name, const repositories::ComponentInfo &info,
                             const QString &createdBy);
    void checkEndpoint(const QString &endpoint, std::function<void()> then);
    void applyHealth(const QString &endpoint, const Result<engine::ComponentHealth> &health);
    void checkAll();

    store::Database &m_db;
    FlowEngineHost &m_host;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QTimer m_timer;
    bool m_closing = false;
    QSet<QString> m_builtinNames;
    // Executors of live rows, by key(name, version).
    QHash<QString, std::shared_ptr<engine::HttpComponentExecutor>> m_executors;
    // Endpoints being checked, with what to run when the answer is in.
    QHash<QString, QList<std::function<void()>>> m_checking;
};

} // namespace hm::server
