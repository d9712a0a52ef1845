#pragma once

// Every SQL string of alert rules and alert records (schema 19; docs/api.md
// "Alerts"). The rules' logic is core/fleet/AlertRule, the service
// server/services/fleet/AlertService.

#include "common/Result.h"
#include "fleet/AlertRule.h"
#include "store/PagedQuery.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

struct AlertRuleRow
{
    hm::fleet::AlertRule rule;
    QString createdBy;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

Result<QList<AlertRuleRow>> allAlertRules(store::Database &db);
Result<std::optional<AlertRuleRow>> alertRuleById(store::Database &db, const QString &id);
Status insertAlertRule(store::Database &db, const AlertRuleRow &row);
// Name, type, threshold, duration, enabled, scope and updated_at.
Status updateAlertRule(store::Database &db, const AlertRuleRow &row);
Result<int> deleteAlertRule(store::Database &db, const QString &id);

struct AlertRecordRow
{
    QString id;
    QString ruleId; // empty once the rule is deleted
    QString ruleName;
    QString nodeId;
    QString nodeName; // read with the record
    QString type;
    QString status; // "open" / "resolved"
    double value = 0;
    double threshold = 0;
    qint64 startedAt = 0;
    qint64 resolvedAt = 0;  // 0 while open
    QString resolvedBy;     // a user id; empty when it resolved by itself
    QString resolvedByName; // that user's name; empty when unknown
    qint64 notifiedAt = 0;  // when its alert was last sent (server time)
    // container_down / container_unhealthy: the first of the containers it
    // is about (sorted, bounded); `value` counts them all.
    QStringList containers;
};

Status insertAlertRecord(store::Database &db, const AlertRecordRow &row);
// An open record's alert was sent again at `at`; the rows changed (0: not
// open any more).
Result<int> markAlertRecordNotified(store::Database &db, const QString &id, qint64 at);
// Open -> resolved; the number of rows changed (0: not open, or no such).
Result<int> resolveAlertRecord(store::Database &db, const QString &id, qint64 at,
                               const QString &by);
// The open records of a rule (every node), to resolve when it changes.
Result<QStringList> openAlertRecordIds(store::Database &db, const QString &ruleId);
// Every open record, to pick up where the server left off.
Result<QList<AlertRecordRow>> openAlertRecords(store::Database &db);
Result<std::optional<AlertRecordRow>> alertRecordById(store::Database &db, const QString &id);

struct AlertRecordFilter
{
    QString nodeId;
    QString type;
    bool onlyOpen = false;
    qint64 limit = 20;
    qint64 offset = 0;
};
// Newest first.
Result<store::Page<AlertRecordRow>> listAlertRecords(store::Database &db,
                                                     const AlertRecordFilter &filter);

struct MaintenanceRow
{
    QString id;
    QString name;
    qint64 startsAt = 0;
    qint64 endsAt = 0;
    QString nodeId; // empty: not one node
    QString label;  // empty: no label (all nodes when nodeId is empty too)
    QString createdBy;
    qint64 createdAt = 0;
};

// Windows that have not ended by `nowMs`, the soonest first.
Result<QList<MaintenanceRow>> currentMaintenance(store::Database &db, qint64 nowMs);
Status insertMaintenance(store::Database &db, const MaintenanceRow &row);
Result<int> deleteMaintenance(store::Database &db, const QString &id);
// Windows that ended before `beforeMs` (kept a while for the record).
Status pruneMaintenance(store::Database &db, qint64 beforeMs);

} // namespace hm::server::repositories
