#pragma once

// Every SQL string of fleet_probes (schema 22; docs/api.md "Probes"): the
// probes administrators define for the agents to run. The rules (bounds,
// scopes, who may change them) are server/services/fleet/ProbeService; the
// definition itself is core/fleet/ProbeTarget.

#include "common/Result.h"
#include "fleet/ProbeTarget.h"
#include "store/PagedQuery.h"

#include <QList>
#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

// Which nodes run a probe: every node, one node (scopeValue: its id) or
// the nodes with a label (scopeValue: the label).
enum class ProbeScope
{
    All,
    Node,
    Label,
};
// "all", "node", "label" (the scope column and the API's scope.type).
QString probeScopeName(ProbeScope scope);
std::optional<ProbeScope> probeScopeFromName(QStringView name);

struct ProbeRow
{
    hm::fleet::ProbeTarget probe;
    ProbeScope scope = ProbeScope::All;
    QString scopeValue; // empty for All
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

struct ProbeFilter
{
    QString search; // id, name or target contains it
    std::optional<hm::fleet::ProbeKind> kind;
    std::optional<bool> enabled;
    qint64 limit = 20;
    qint64 offset = 0;
};
// Ordered by id.
Result<store::Page<ProbeRow>> listProbes(store::Database &db, const ProbeFilter &filter);
Result<std::optional<ProbeRow>> probeById(store::Database &db, const QString &id);
// The id is the primary key: a second insert of it fails (the service
// checks first, to answer CONFLICT).
Status insertProbe(store::Database &db, const ProbeRow &row);
// Everything but the id and created_at.
Status updateProbe(store::Database &db, const ProbeRow &row);
// 0 when there was no such probe.
Result<int> deleteProbe(store::Database &db, const QString &id);
// Every enabled probe, ordered by id: what the connected agents' settings
// are built from.
Result<QList<ProbeRow>> enabledProbes(store::Database &db);

} // namespace hm::server::repositories
