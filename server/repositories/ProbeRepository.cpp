#include "server/repositories/ProbeRepository.h"

#include "store/Database.h"
#include "store/Like.h"
#include "store/SelectOne.h"
#include "store/SelectPage.h"

namespace hm::server::repositories {

namespace {

const QString kProbeColumns = QStringLiteral(
    "id, name, kind, target, keyword, expected_status, tls_verify, interval_seconds, "
    "timeout_seconds, enabled, scope, scope_value, created_at, updated_at");

ProbeRow readProbe(const store::Statement &s)
{
    ProbeRow row;
    hm::fleet::ProbeTarget &p = row.probe;
    p.id = s.text(0);
    p.name = s.text(1);
    // A kind or scope this version does not know (written by a newer one)
    // reads as disabled rather than as something else.
    const auto kind = hm::fleet::probeKindFromName(s.text(2));
    const auto scope = probeScopeFromName(s.text(10));
    p.kind = kind.value_or(hm::fleet::ProbeKind::Http);
    p.target = s.text(3);
    p.keyword = s.text(4);
    p.expectedStatus = int(s.int64(5));
    p.tlsVerify = s.int64(6) != 0;
    p.intervalSeconds = int(s.int64(7));
    p.timeoutSeconds = int(s.int64(8));
    p.enabled = s.int64(9) != 0 && kind.has_value() && scope.has_value();
    row.scope = scope.value_or(ProbeScope::Node);
    row.scopeValue = s.text(11);
    row.createdAt = s.int64(12);
    row.updatedAt = s.int64(13);
    return row;
}

} // namespace

QString probeScopeName(ProbeScope scope)
{
    switch (scope) {
    case ProbeScope::All:
        return QStringLiteral("all");
    case ProbeScope::Node:
        return QStringLiteral("node");
    case ProbeScope::Label:
        return QStringLiteral("label");
    }
    return QStringLiteral("all");
}

std::optional<ProbeScope> probeScopeFromName(QStringView name)
{
    for (const ProbeScope scope : {ProbeScope::All, ProbeScope::Node, ProbeScope::Label}) {
        if (name == probeScopeName(scope))
            return scope;
    }
    return std::nullopt;
}

Result<store::Page<ProbeRow>> listProbes(store::Database &db, const ProbeFilter &filter)
{
    store::PagedQuery query;
    query.columns = QStringLiteral("SELECT ") + kProbeColumns;
    query.from = QStringLiteral("FROM fleet_probes");
    if (!filter.search.isEmpty()) {
        query.conditions << store::likeAnyCondition({u"id", u"name", u"target"}, filter.search,
                                                    query.binds);
    }
    if (filter.kind) {
        query.conditions << QStringLiteral("kind = ?");
        query.binds << hm::fleet::probeKindName(*filter.kind);
    }
    if (filter.enabled) {
        query.conditions << QStringLiteral("enabled = ?");
        query.binds << (*filter.enabled ? 1 : 0);
    }
    query.orderBy = QStringLiteral("ORDER BY id");
    query.limit = filter.limit;
    query.offset = filter.offset;
    return store::selectPageAs(db, query, readProbe);
}

Result<std::optional<ProbeRow>> probeById(store::Database &db, const QString &id)
{
    return store::selectOneAs(db,
                              QStringLiteral("SELECT ") + kProbeColumns +
                                  QStringLiteral(" FROM fleet_probes WHERE id = ?"),
                              {id}, readProbe);
}

Status insertProbe(store::Database &db, const ProbeRow &row)
{
    const hm::fleet::ProbeTarget &p = row.probe;
    return db.execute(QStringLiteral("INSERT INTO fleet_probes (") + kProbeColumns +
                          QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {p.id, p.name, hm::fleet::probeKindName(p.kind), p.target, p.keyword,
                       p.expectedStatus, p.tlsVerify ? 1 : 0, p.intervalSeconds, p.timeoutSeconds,
                       p.enabled ? 1 : 0, probeScopeName(row.scope), row.scopeValue, row.createdAt,
                       row.updatedAt});
}

Status updateProbe(store::Database &db, const ProbeRow &row)
{
    const hm::fleet::ProbeTarget &p = row.probe;
    return db.execute(
        QStringLiteral("UPDATE fleet_probes SET name = ?, kind = ?, target = ?, keyword = ?, "
                       "expected_status = ?, tls_verify = ?, interval_seconds = ?, "
                       "timeout_seconds = ?, enabled = ?, scope = ?, scope_value = ?, "
                       "updated_at = ? WHERE id = ?"),
        {p.name, hm::fleet::probeKindName(p.kind), p.target, p.keyword, p.expectedStatus,
         p.tlsVerify ? 1 : 0, p.intervalSeconds, p.timeoutSeconds, p.enabled ? 1 : 0,
         probeScopeName(row.scope), row.scopeValue, row.updatedAt, p.id});
}

Result<int> deleteProbe(store::Database &db, const QString &id)
{
    if (Status s = db.execute(QStringLiteral("DELETE FROM fleet_probes WHERE id = ?"), {id}); !s)
        return s.error();
    return db.changes();
}

Result<QList<ProbeRow>> enabledProbes(store::Database &db)
{
    QList<ProbeRow> rows;
    const Status read =
        db.forEachRow(QStringLiteral("SELECT ") + kProbeColumns +
                          QStringLiteral(" FROM fleet_probes WHERE enabled = 1 ORDER BY id"),
                      {}, [&rows](const store::Statement &s) {
                          ProbeRow row = readProbe(s);
                          // Unknown kinds or scopes read as disabled (readProbe).
                          if (row.probe.enabled)
                              rows.append(row);
                      });
    if (!read)
        return read.error();
    return rows;
}

} // namespace hm::server::repositories
