#include "server/repositories/AlertRepository.h"

#include "store/Database.h"
#include "store/SelectOne.h"
#include "store/SelectPage.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hm::server::repositories {

namespace {

const QString kRuleColumns = QStringLiteral(
    "id, name, type, threshold, duration_s, enabled, node_id, label, created_by, created_at, "
    "updated_at, probe_id, renotify_s, container");

const QString kRecordColumns = QStringLiteral(
    "r.id, r.rule_id, r.rule_name, r.node_id, n.name, r.type, r.status, r.value, r.threshold, "
    "r.started_at, r.resolved_at, r.resolved_by, u.username, r.notified_at, r.containers");
// The resolver's name is read with the record (null once the user is gone).
const QString kRecordFrom =
    QStringLiteral("FROM alert_records r JOIN fleet_nodes n ON n.id = r.node_id "
                   "LEFT JOIN users u ON u.id = r.resolved_by");

QString textOrEmpty(const store::Statement &s, int column)
{
    return s.isNull(column) ? QString() : s.text(column);
}

QVariant orNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

AlertRuleRow readRule(const store::Statement &s)
{
    AlertRuleRow row;
    row.rule.id = s.text(0);
    row.rule.name = s.text(1);
    // A type this version does not know (written by a newer one) reads as
    // disabled rather than as something else.
    const auto type = hm::fleet::alertTypeFromName(s.text(2));
    row.rule.type = type.value_or(hm::fleet::AlertType::Cpu);
    row.rule.threshold = s.real(3);
    row.rule.durationSeconds = s.int64(4);
    row.rule.enabled = s.int64(5) != 0 && type.has_value();
    row.rule.nodeId = textOrEmpty(s, 6);
    row.rule.label = textOrEmpty(s, 7);
    row.createdBy = textOrEmpty(s, 8);
    row.createdAt = s.int64(9);
    row.updatedAt = s.int64(10);
    row.rule.probeId = textOrEmpty(s, 11);
    row.rule.renotifySeconds = s.int64(12);
    row.rule.container = textOrEmpty(s, 13);
    return row;
}

AlertRecordRow readRecord(const store::Statement &s)
{
    AlertRecordRow row;
    row.id = s.text(0);
    row.ruleId = textOrEmpty(s, 1);
    row.ruleName = s.text(2);
    row.nodeId = s.text(3);
    row.nodeName = s.text(4);
    row.type = s.text(5);
    row.status = s.text(6);
    row.value = s.real(7);
    row.threshold = s.real(8);
    row.startedAt = s.int64(9);
    row.resolvedAt = s.isNull(10) ? 0 : s.int64(10);
    row.resolvedBy = textOrEmpty(s, 11);
    row.resolvedByName = textOrEmpty(s, 12);
    row.notifiedAt = s.isNull(13) ? row.startedAt : s.int64(13);
    if (!s.isNull(14)) {
        for (const QJsonValue &name : QJsonDocument::fromJson(s.text(14).toUtf8()).array())
            row.containers.append(name.toString());
    }
    return row;
}

} // namespace

Result<QList<AlertRuleRow>> allAlertRules(store::Database &db)
{
    QList<AlertRuleRow> rows;
    const Status read =
        db.forEachRow(QStringLiteral("SELECT ") + kRuleColumns +
                          QStringLiteral(" FROM alert_rules ORDER BY name COLLATE NOCASE, id"),
                      {}, [&rows](const store::Statement &s) { rows.append(readRule(s)); });
    if (!read)
        return read.error();
    return rows;
}

Result<std::optional<AlertRuleRow>> alertRuleById(store::Database &db, const QString &id)
{
    return store::selectOneAs(db,
                              QStringLiteral("SELECT ") + kRuleColumns +
                                  QStringLiteral(" FROM alert_rules WHERE id = ?"),
                              {id}, readRule);
}

Status insertAlertRule(store::Database &db, const AlertRuleRow &row)
{
    const hm::fleet::AlertRule &r = row.rule;
    return db.execute(QStringLiteral("INSERT INTO alert_rules (") + kRuleColumns +
                          QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {r.id, r.name, hm::fleet::alertTypeName(r.type), r.threshold,
                       r.durationSeconds, r.enabled ? 1 : 0, orNull(r.nodeId), orNull(r.label),
                       orNull(row.createdBy), row.createdAt, row.updatedAt, orNull(r.probeId),
                       r.renotifySeconds, orNull(r.container)});
}

Status updateAlertRule(store::Database &db, const AlertRuleRow &row)
{
    const hm::fleet::AlertRule &r = row.rule;
    return db.execute(QStringLiteral("UPDATE alert_rules SET name = ?, type = ?, threshold = ?, "
                                     "duration_s = ?, enabled = ?, node_id = ?, label = ?, "
                                     "probe_id = ?, renotify_s = ?, container = ?, updated_at = ? "
                                     "WHERE id = ?"),
                      {r.name, hm::fleet::alertTypeName(r.type), r.threshold, r.durationSeconds,
                       r.enabled ? 1 : 0, orNull(r.nodeId), orNull(r.label), orNull(r.probeId),
                       r.renotifySeconds, orNull(r.container), row.updatedAt, r.id});
}

Result<int> deleteAlertRule(store::Database &db, const QString &id)
{
    if (Status s = db.execute(QStringLiteral("DELETE FROM alert_rules WHERE id = ?"), {id}); !s)
        return s.error();
    return db.changes();
}

Status insertAlertRecord(store::Database &db, const AlertRecordRow &row)
{
    return db.execute(QStringLiteral("INSERT INTO alert_records (id, rule_id, rule_name, node_id, "
                                     "type, status, value, threshold, started_at, notified_at, "
                                     "containers) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)"),
                      {row.id, orNull(row.ruleId), row.ruleName, row.nodeId, row.type, row.value,
                       row.threshold, row.startedAt, row.notifiedAt,
                       row.containers.isEmpty()
                           ? QVariant()
                           : QVariant(QString::fromUtf8(
                                 QJsonDocument(QJsonArray::fromStringList(row.containers))
                                     .toJson(QJsonDocument::Compact)))});
}

Result<int> markAlertRecordNotified(store::Database &db, const QString &id, qint64 at)
{
    if (Status s = db.execute(QStringLiteral("UPDATE alert_records SET notified_at = ? "
                                             "WHERE id = ? AND status = 'open'"),
                              {at, id});
        !s)
        return s.error();
    return db.changes();
}

Result<int> resolveAlertRecord(store::Database &db, const QString &id, qint64 at, const QString &by)
{
    if (Status s = db.execute(QStringLiteral("UPDATE alert_records SET status = 'resolved', "
                                             "resolved_at = ?, resolved_by = ? "
                                             "WHERE id = ? AND status = 'open'"),
                              {at, orNull(by), id});
        !s)
        return s.error();
    return db.changes();
}

Result<QStringList> openAlertRecordIds(store::Database &db, const QString &ruleId)
{
    QStringList ids;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT id FROM alert_records WHERE status = 'open' AND rule_id = ?"),
        {ruleId}, [&ids](const store::Statement &s) { ids.append(s.text(0)); });
    if (!read)
        return read.error();
    return ids;
}

Result<QList<AlertRecordRow>> openAlertRecords(store::Database &db)
{
    QList<AlertRecordRow> rows;
    const Status read =
        db.forEachRow(QStringLiteral("SELECT ") + kRecordColumns + u' ' + kRecordFrom +
                          QStringLiteral(" WHERE r.status = 'open'"),
                      {}, [&rows](const store::Statement &s) { rows.append(readRecord(s)); });
    if (!read)
        return read.error();
    return rows;
}

Result<std::optional<AlertRecordRow>> alertRecordById(store::Database &db, const QString &id)
{
    return store::selectOneAs(db,
                              QStringLiteral("SELECT ") + kRecordColumns + u' ' + kRecordFrom +
                                  QStringLiteral(" WHERE r.id = ?"),
                              {id}, readRecord);
}

Result<store::Page<AlertRecordRow>> listAlertRecords(store::Database &db,
                                                     const AlertRecordFilter &filter)
{
    store::PagedQuery query;
    query.columns = QStringLiteral("SELECT ") + kRecordColumns;
    query.from = kRecordFrom;
    if (!filter.nodeId.isEmpty()) {
        query.conditions << QStringLiteral("r.node_id = ?");
        query.binds << filter.nodeId;
    }
    if (!filter.type.isEmpty()) {
        query.conditions << QStringLiteral("r.type = ?");
        query.binds << filter.type;
    }
    if (filter.onlyOpen)
        query.conditions << QStringLiteral("r.status = 'open'");
    query.orderBy = QStringLiteral("ORDER BY r.started_at DESC, r.id DESC");
    query.limit = filter.limit;
    query.offset = filter.offset;
    return store::selectPageAs(db, query, readRecord);
}

Result<QList<MaintenanceRow>> currentMaintenance(store::Database &db, qint64 nowMs)
{
    QList<MaintenanceRow> rows;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT id, name, starts_at, ends_at, node_id, label, created_by, "
                       "created_at FROM alert_maintenance WHERE ends_at > ? "
                       "ORDER BY starts_at, id"),
        {nowMs}, [&rows](const store::Statement &s) {
            rows.append({s.text(0), s.text(1), s.int64(2), s.int64(3), textOrEmpty(s, 4),
                         textOrEmpty(s, 5), textOrEmpty(s, 6), s.int64(7)});
        });
    if (!read)
        return read.error();
    return rows;
}

Status insertMaintenance(store::Database &db, const MaintenanceRow &row)
{
    return db.execute(QStringLiteral("INSERT INTO alert_maintenance (id, name, starts_at, ends_at, "
                                     "node_id, label, created_by, created_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                      {row.id, row.name, row.startsAt, row.endsAt, orNull(row.nodeId),
                       orNull(row.label), orNull(row.createdBy), row.createdAt});
}

Result<int> deleteMaintenance(store::Database &db, const QString &id)
{
    if (Status s = db.execute(QStringLiteral("DELETE FROM alert_maintenance WHERE id = ?"), {id});
        !s)
        return s.error();
    return db.changes();
}

Status pruneMaintenance(store::Database &db, qint64 beforeMs)
{
    return db.execute(QStringLiteral("DELETE FROM alert_maintenance WHERE ends_at < ?"),
                      {beforeMs});
}

} // namespace hm::server::repositories
