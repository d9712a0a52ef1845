#pragma once

// Fleet probes (issue 35, "Probes"; docs/api.md "Probes"): administrators
// define what the agents check (core/fleet/ProbeTarget) and which nodes run
// each — every node, one node or the nodes with a label. Anyone signed in
// reads them. The routes (server/routes/fleet/ProbeRoutes.cpp) parse and
// render; the agents' WebSocket (server/ws/AgentFeed) hands each node the
// probes that apply to it (probesForNode) and pushes them again on
// probesChanged. Server thread.

#include "common/Result.h"
#include "fleet/ProbeTarget.h"
#include "server/api/Roles.h"
#include "server/repositories/ProbeRepository.h"
#include "server/services/auth/TokenService.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <functional>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::auth {
class AccountEvents;
}

namespace hm::server::fleet {

class FleetService;

// What an administrator gives when creating or changing a probe (unset:
// keep, or the default on create). The scope is given whole: type and
// value together.
struct ProbeDetails
{
    std::optional<QString> id;
    std::optional<QString> name;
    std::optional<QString> kind;
    std::optional<QString> target;
    std::optional<QString> keyword;
    std::optional<int> expectedStatus;
    std::optional<bool> tlsVerify;
    std::optional<int> intervalSeconds;
    std::optional<int> timeoutSeconds;
    std::optional<bool> enabled;
    std::optional<QString> scopeType;
    QString scopeValue; // with scopeType
};

class ProbeService : public QObject
{
    Q_OBJECT
public:
    ProbeService(store::Database &db, FleetService &fleet, auth::AccountEvents &events,
                 QObject *parent = nullptr);

    // For tests: the clock of created_at / updated_at.
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

    // Anyone signed in.
    Result<store::Page<repositories::ProbeRow>> list(const repositories::ProbeFilter &filter);
    // RESOURCE_NOT_FOUND for an unknown id.
    Result<repositories::ProbeRow> get(const QString &id);

    // Administrators (INSUFFICIENT_PERMISSIONS, 403, otherwise, as the
    // routes' role check answers). VALIDATION_ERROR with "field"
    // for the first thing wrong (validateProbeTarget's fields, kind,
    // scope.type, scope.value); CONFLICT for an id taken; RESOURCE_NOT_FOUND
    // for an unknown id. Nothing is stored unless all of it is right; each
    // change is audited (PROBE_CREATED, PROBE_UPDATED, PROBE_DELETED) and
    // sent on /ws/events to everyone signed in (probe_created,
    // probe_updated {probe_id, probe}; probe_deleted {probe_id}).
    Result<repositories::ProbeRow> create(const auth::Principal &caller,
                                          const auth::ClientInfo &client,
                                          const ProbeDetails &details);
    // The id cannot change.
    Result<repositories::ProbeRow> update(const auth::Principal &caller,
                                          const auth::ClientInfo &client, const QString &id,
                                          const ProbeDetails &details);
    Status remove(const auth::Principal &caller, const auth::ClientInfo &client, const QString &id);

    // Every enabled probe, by id.
    Result<QList<repositories::ProbeRow>> enabledProbes();
    // The enabled probes a node runs: those for all nodes, for this node
    // and for a label it has; at most hm::fleet::kMaxSettingsProbes, by id
    // (what the agent protocol carries).
    Result<QList<hm::fleet::ProbeTarget>> probesForNode(const QString &nodeId,
                                                        const QStringList &labels);
    // The same over rows already read (one read for every connected agent).
    static QList<hm::fleet::ProbeTarget> probesApplying(const QList<repositories::ProbeRow> &rows,
                                                        const QString &nodeId,
                                                        const QStringList &labels);

    // A probe as the API shows it (docs/api.md "Probes").
    static QJsonObject probeJson(const repositories::ProbeRow &row);

signals:
    // A probe was created, changed or deleted: the connected agents' probe
    // lists may differ now.
    void probesChanged();

private:
    qint64 now() const;
    Result<repositories::ProbeRow> validated(repositories::ProbeRow row,
                                             const ProbeDetails &details);
    // The event on /ws/events, then probesChanged.
    void announce(const QString &type, const QString &probeId, const QJsonObject &probe);

    store::Database &m_db;
    FleetService &m_fleet;
    auth::AccountEvents &m_events;
    std::function<qint64()> m_now;
};

} // namespace hm::server::fleet
