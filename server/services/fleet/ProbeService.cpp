#include "server/services/fleet/ProbeService.h"

#include "common/Logging.h"
#include "fleet/AgentProtocol.h"
#include "server/api/AuthCommon.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/fleet/FleetService.h"
#include "store/Database.h"

namespace hm::server::fleet {

using namespace repositories;
using hm::fleet::ProbeTarget;

namespace {

Error probeRuleError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError,
                 field + QStringLiteral(": ") + message,
                 {{QStringLiteral("field"), field}}};
}

Error probeNotFound()
{
    return Error{ErrorCode::ResourceNotFound, QStringLiteral("probe not found")};
}

Status requireProbeAdmin(const auth::Principal &caller)
{
    // The routes admit administrators only; checked here as well so no
    // other caller of the service can skip it, with the routes' code.
    if (caller.role != auth::Role::Admin)
        return Error{ErrorCode::InsufficientPermissions,
                     QStringLiteral("only administrators change probes")};
    return {};
}

QJsonObject probeAuditDetails(const ProbeRow &row)
{
    return {{QStringLiteral("name"), row.probe.name},
            {QStringLiteral("kind"), hm::fleet::probeKindName(row.probe.kind)},
            {QStringLiteral("target"), row.probe.target},
            {QStringLiteral("enabled"), row.probe.enabled},
            {QStringLiteral("scope"), probeScopeName(row.scope)},
            {QStringLiteral("scope_value"), row.scopeValue}};
}

} // namespace

ProbeService::ProbeService(store::Database &db, FleetService &fleet, auth::AccountEvents &events,
                           QObject *parent)
    : QObject(parent), m_db(db), m_fleet(fleet), m_events(events), m_now(&auth::nowMs)
{}

void ProbeService::announce(const QString &type, const QString &probeId, const QJsonObject &probe)
{
    QJsonObject data{{QStringLiteral("probe_id"), probeId}};
    if (!probe.isEmpty())
        data.insert(QStringLiteral("probe"), probe);
    // Everyone signed in reads the probes.
    m_events.publish({type, data, false, {}, true});
    emit probesChanged();
}

qint64 ProbeService::now() const
{
    return m_now ? m_now() : 0;
}

Result<store::Page<ProbeRow>> ProbeService::list(const ProbeFilter &filter)
{
    return listProbes(m_db, filter);
}

Result<ProbeRow> ProbeService::get(const QString &id)
{
    auto row = probeById(m_db, id);
    if (!row)
        return row.error();
    if (!row.value())
        return probeNotFound();
    return *row.value();
}

Result<ProbeRow> ProbeService::validated(ProbeRow row, const ProbeDetails &details)
{
    ProbeTarget &p = row.probe;
    if (details.name)
        p.name = details.name->trimmed();
    if (details.kind) {
        const auto kind = hm::fleet::probeKindFromName(*details.kind);
        if (!kind)
            return probeRuleError(QStringLiteral("kind"), QStringLiteral("one of http, tcp, icmp"));
        p.kind = *kind;
    }
    if (details.target)
        p.target = details.target->trimmed();
    if (details.keyword)
        p.keyword = *details.keyword;
    if (details.expectedStatus)
        p.expectedStatus = *details.expectedStatus;
    if (details.tlsVerify)
        p.tlsVerify = *details.tlsVerify;
    if (details.intervalSeconds)
        p.intervalSeconds = *details.intervalSeconds;
    if (details.timeoutSeconds)
        p.timeoutSeconds = *details.timeoutSeconds;
    if (details.enabled)
        p.enabled = *details.enabled;
    if (Status s = hm::fleet::validateProbeTarget(p); !s)
        return s.error();

    if (details.scopeType) {
        const auto scope = probeScopeFromName(*details.scopeType);
        if (!scope)
            return probeRuleError(QStringLiteral("scope.type"),
                                  QStringLiteral("one of all, node, label"));
        row.scope = *scope;
        row.scopeValue = details.scopeValue.trimmed();
    }
    switch (row.scope) {
    case ProbeScope::All:
        if (!row.scopeValue.isEmpty())
            return probeRuleError(QStringLiteral("scope.value"),
                                  QStringLiteral("empty when the probe covers all nodes"));
        break;
    case ProbeScope::Node: {
        if (row.scopeValue.isEmpty())
            return probeRuleError(QStringLiteral("scope.value"), QStringLiteral("a node id"));
        auto node = m_fleet.get(row.scopeValue);
        if (!node && node.error().code == ErrorCode::ResourceNotFound)
            return probeRuleError(QStringLiteral("scope.value"), QStringLiteral("no such node"));
        if (!node)
            return node.error();
        break;
    }
    case ProbeScope::Label:
        // The same syntax as a node's labels, so a probe's label can match.
        if (Status s = FleetService::checkLabels({row.scopeValue}); !s)
            return probeRuleError(QStringLiteral("scope.value"),
                                  QStringLiteral("a label: 1 to 32 of a-z A-Z 0-9 _ . : -"));
        break;
    }
    return row;
}

Result<ProbeRow> ProbeService::create(const auth::Principal &caller, const auth::ClientInfo &client,
                                      const ProbeDetails &details)
{
    if (Status s = requireProbeAdmin(caller); !s)
        return s.error();
    for (const auto &[field, given] :
         {std::pair{QStringLiteral("id"), details.id.has_value()},
          std::pair{QStringLiteral("name"), details.name.has_value()},
          std::pair{QStringLiteral("kind"), details.kind.has_value()},
          std::pair{QStringLiteral("target"), details.target.has_value()}}) {
        if (!given)
            return probeRuleError(field, QStringLiteral("required"));
    }
    ProbeRow row;
    row.probe.id = *details.id;
    row.createdAt = now();
    row.updatedAt = row.createdAt;
    auto checked = validated(row, details);
    if (!checked)
        return checked.error();
    {
        // The check and the insert in one transaction: two creates of the
        // same id cannot both pass the check.
        auto txn = m_db.begin();
        if (!txn)
            return txn.error();
        auto existing = probeById(m_db, row.probe.id);
        if (!existing)
            return existing.error();
        if (existing.value())
            return Error{ErrorCode::Conflict,
                         QStringLiteral("a probe with this id exists"),
                         {{QStringLiteral("field"), QStringLiteral("id")}}};
        if (Status s = insertProbe(m_db, checked.value()); !s)
            return s.error();
        if (Status s = txn.value().commit(); !s)
            return s.error();
    }
    auth::audit(m_db, QStringLiteral("PROBE_CREATED"), caller.userId, QStringLiteral("probe"),
                row.probe.id, client.ip, client.userAgent, probeAuditDetails(checked.value()));
    announce(QStringLiteral("probe_created"), row.probe.id, probeJson(checked.value()));
    return checked.value();
}

Result<ProbeRow> ProbeService::update(const auth::Principal &caller, const auth::ClientInfo &client,
                                      const QString &id, const ProbeDetails &details)
{
    if (Status s = requireProbeAdmin(caller); !s)
        return s.error();
    auto existing = get(id);
    if (!existing)
        return existing.error();
    // The id names the probe's metrics (probe.<id>.up): it stays.
    if (details.id && *details.id != id)
        return probeRuleError(QStringLiteral("id"), QStringLiteral("a probe's id cannot change"));
    auto checked = validated(existing.value(), details);
    if (!checked)
        return checked.error();
    if (checked.value().probe == existing.value().probe &&
        checked.value().scope == existing.value().scope &&
        checked.value().scopeValue == existing.value().scopeValue)
        return existing.value();
    checked.value().updatedAt = now();
    if (Status s = updateProbe(m_db, checked.value()); !s)
        return s.error();
    auth::audit(m_db, QStringLiteral("PROBE_UPDATED"), caller.userId, QStringLiteral("probe"), id,
                client.ip, client.userAgent, probeAuditDetails(checked.value()));
    announce(QStringLiteral("probe_updated"), id, probeJson(checked.value()));
    return checked.value();
}

Status ProbeService::remove(const auth::Principal &caller, const auth::ClientInfo &client,
                            const QString &id)
{
    if (Status s = requireProbeAdmin(caller); !s)
        return s.error();
    auto existing = get(id);
    if (!existing)
        return existing.error();
    auto deleted = deleteProbe(m_db, id);
    if (!deleted)
        return deleted.error();
    if (deleted.value() == 0)
        return probeNotFound();
    auth::audit(m_db, QStringLiteral("PROBE_DELETED"), caller.userId, QStringLiteral("probe"), id,
                client.ip, client.userAgent, probeAuditDetails(existing.value()));
    announce(QStringLiteral("probe_deleted"), id, {});
    return {};
}

Result<QList<ProbeRow>> ProbeService::enabledProbes()
{
    return repositories::enabledProbes(m_db);
}

Result<QList<ProbeTarget>> ProbeService::probesForNode(const QString &nodeId,
                                                       const QStringList &labels)
{
    auto rows = enabledProbes();
    if (!rows)
        return rows.error();
    return probesApplying(rows.value(), nodeId, labels);
}

QList<ProbeTarget> ProbeService::probesApplying(const QList<ProbeRow> &rows, const QString &nodeId,
                                                const QStringList &labels)
{
    // Rows come ordered by id, so the cap keeps the same probes every time.
    QList<ProbeTarget> probes;
    int leftOut = 0;
    for (const ProbeRow &row : rows) {
        if (!row.probe.enabled)
            continue;
        const bool applies = row.scope == ProbeScope::All ||
                             (row.scope == ProbeScope::Node && row.scopeValue == nodeId) ||
                             (row.scope == ProbeScope::Label && labels.contains(row.scopeValue));
        if (!applies)
            continue;
        if (probes.size() < hm::fleet::kMaxSettingsProbes)
            probes.append(row.probe);
        else
            ++leftOut;
    }
    // An agent runs at most so many (its settings message is bounded); the
    // operator learns which node misses some instead of guessing.
    if (leftOut > 0)
        qCWarning(lcServer).noquote()
            << "node" << nodeId << "is covered by" << probes.size() + leftOut
            << "enabled probes; its agent runs the first" << probes.size() << "by id";
    return probes;
}

QJsonObject ProbeService::probeJson(const ProbeRow &row)
{
    const ProbeTarget &p = row.probe;
    return {
        {QStringLiteral("id"), p.id},
        {QStringLiteral("name"), p.name},
        {QStringLiteral("kind"), hm::fleet::probeKindName(p.kind)},
        {QStringLiteral("target"), p.target},
        {QStringLiteral("keyword"), p.keyword},
        {QStringLiteral("expected_status"), p.expectedStatus},
        {QStringLiteral("tls_verify"), p.tlsVerify},
        {QStringLiteral("interval_seconds"), p.intervalSeconds},
        {QStringLiteral("timeout_seconds"), p.timeoutSeconds},
        {QStringLiteral("enabled"), p.enabled},
        {QStringLiteral("scope"), QJsonObject{{QStringLiteral("type"), probeScopeName(row.scope)},
                                              {QStringLiteral("value"), row.scopeValue}}},
        {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)},
        {QStringLiteral("updated_at"), auth::isoOrNull(row.updatedAt)}};
}

} // namespace hm::server::fleet
