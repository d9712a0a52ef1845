#include "server/services/fleet/AlertService.h"

#include "common/Logging.h"
#include "crypto/Random.h"
#include "fleet/ProbeTarget.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/NodeRepository.h"
#include "server/repositories/ProbeRepository.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/fleet/ContainerAlertNames.h"
#include "server/services/fleet/FleetService.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <cmath>

namespace hm::server::fleet {

using namespace repositories;
using hm::fleet::AlertRule;
using hm::fleet::AlertState;
using hm::fleet::AlertType;

namespace {

constexpr qsizetype kMaxRuleNameLength = 100;
constexpr qint64 kMaxDurationSeconds = 24 * 3600;
// A certificate rule warns at most ten years ahead.
constexpr double kMaxCertificateDays = 3650;
// Re-notification: not more often than a minute, not rarer than a week.
constexpr qint64 kMinRenotifySeconds = 60;
constexpr qint64 kMaxRenotifySeconds = 7 * 24 * 3600;
constexpr qint64 kMaxMaintenanceMs = 30LL * 24 * 3600 * 1000;
constexpr int kOfflineCheckMs = 1000;

Error alertFieldError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError,
                 field + QStringLiteral(": ") + message,
                 {{QStringLiteral("field"), field}}};
}

bool isPercent(AlertType type)
{
    return type == AlertType::Cpu || type == AlertType::Memory || type == AlertType::Disk;
}

bool isLabelText(const QString &label)
{
    if (label.isEmpty() || label.size() > 32)
        return false;
    return std::all_of(label.begin(), label.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
               u == u'_' || u == u'.' || u == u':' || u == u'-';
    });
}

QStringList labelsFromText(const QString &text)
{
    QStringList labels;
    for (const QJsonValue v : QJsonDocument::fromJson(text.toUtf8()).array())
        labels.append(v.toString());
    return labels;
}

} // namespace

AlertService::AlertService(store::Database &db, FleetService &fleet, auth::AccountEvents &events,
                           QObject *parent)
    : QObject(parent), m_db(db), m_fleet(fleet), m_events(events), m_now(&auth::nowMs)
{
    connect(&m_fleet, &FleetService::reportStored, this, &AlertService::onReport);
    connect(&m_fleet, &FleetService::nodeStatusChanged, this, &AlertService::onStatus);
    connect(&m_fleet, &FleetService::nodeChanged, this,
            [this](const QString &nodeId) { m_labels.remove(nodeId); });
    connect(&m_fleet, &FleetService::nodeRevoked, this, &AlertService::forgetNode);
    connect(&m_fleet, &FleetService::nodeDeleted, this, &AlertService::reloadRulesAndWindows);
    m_offlineCheck.setInterval(kOfflineCheckMs);
    connect(&m_offlineCheck, &QTimer::timeout, this, &AlertService::checkOffline);
    connect(&m_offlineCheck, &QTimer::timeout, this, &AlertService::remindDue);
}

Status AlertService::start()
{
    auto rules = allAlertRules(m_db);
    if (!rules)
        return rules.error();
    for (const AlertRuleRow &row : rules.value())
        m_rules.insert(row.rule.id, row);
    // Open records carry on where the server left off.
    auto open = openAlertRecords(m_db);
    if (!open)
        return open.error();
    for (const AlertRecordRow &record : open.value()) {
        Evaluation &e = m_evaluations[key(record.ruleId, record.nodeId)];
        e.state.restoreFiring(record.startedAt, record.value);
        e.openRecordId = record.id;
        e.notifiedMs = record.notifiedAt;
    }
    // Enrolled nodes count as away from now until their agent connects.
    auto nodes = allNodes(m_db);
    if (!nodes)
        return nodes.error();
    for (const NodeRow &node : nodes.value()) {
        if (!node.publicKey.isEmpty() && !m_fleet.isOnline(node.id))
            m_offlineSince.insert(node.id, now());
    }
    // Maintenance windows not over yet.
    auto windows = currentMaintenance(m_db, now());
    if (!windows)
        return windows.error();
    m_maintenance = windows.value();
    m_offlineCheck.start();
    return {};
}

Result<QList<AlertRuleRow>> AlertService::rules()
{
    QList<AlertRuleRow> rows = m_rules.values();
    std::sort(rows.begin(), rows.end(), [](const AlertRuleRow &a, const AlertRuleRow &b) {
        const int byName = a.rule.name.compare(b.rule.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.rule.id < b.rule.id;
    });
    return rows;
}

Result<AlertRuleRow> AlertService::rule(const QString &id)
{
    const auto it = m_rules.constFind(id);
    if (it == m_rules.constEnd())
        return Error{ErrorCode::ResourceNotFound, QStringLiteral("alert rule not found")};
    return *it;
}

Result<AlertRuleRow> AlertService::validated(AlertRuleRow row, const AlertRuleDetails &details)
{
    AlertRule &r = row.rule;
    if (details.name)
        r.name = details.name->trimmed();
    if (r.name.isEmpty() || r.name.size() > kMaxRuleNameLength)
        return alertFieldError(QStringLiteral("name"),
                               QStringLiteral("1 to %1 characters").arg(kMaxRuleNameLength));
    if (details.type) {
        const auto type = hm::fleet::alertTypeFromName(*details.type);
        if (!type)
            return alertFieldError(QStringLiteral("type"),
                                   QStringLiteral("one of cpu, memory, disk, load, network, "
                                                  "offline, probe, certificate, container_down, "
                                                  "container_unhealthy"));
        r.type = *type;
    }
    if (details.threshold)
        r.threshold = *details.threshold;
    if (r.type == AlertType::Offline)
        r.threshold = 0; // offline has no value to compare, only its duration
    else if (r.type == AlertType::Probe || hm::fleet::isContainerAlert(r.type))
        r.threshold = 0.5; // up is 1 or 0 / a count: one container fires
    else if (r.type == AlertType::Certificate &&
             (!std::isfinite(r.threshold) || r.threshold < 0 || r.threshold > kMaxCertificateDays))
        return alertFieldError(QStringLiteral("threshold"),
                               QStringLiteral("days left, 0 to %1").arg(kMaxCertificateDays));
    else if (!std::isfinite(r.threshold) || r.threshold < 0 ||
             (isPercent(r.type) && r.threshold > 100))
        return alertFieldError(QStringLiteral("threshold"),
                               isPercent(r.type) ? QStringLiteral("a percentage, 0 to 100")
                                                 : QStringLiteral("a number, 0 or more"));
    if (details.durationSeconds)
        r.durationSeconds = *details.durationSeconds;
    if (r.durationSeconds < 0 || r.durationSeconds > kMaxDurationSeconds)
        return alertFieldError(QStringLiteral("duration"),
                               QStringLiteral("0 to %1 seconds").arg(kMaxDurationSeconds));
    if (details.renotifySeconds)
        r.renotifySeconds = *details.renotifySeconds;
    if (r.renotifySeconds != 0 &&
        (r.renotifySeconds < kMinRenotifySeconds || r.renotifySeconds > kMaxRenotifySeconds))
        return alertFieldError(QStringLiteral("renotify"),
                               QStringLiteral("0 (once), or %1 to %2 seconds")
                                   .arg(kMinRenotifySeconds)
                                   .arg(kMaxRenotifySeconds));
    if (details.enabled)
        r.enabled = *details.enabled;
    if (details.nodeId)
        r.nodeId = details.nodeId->trimmed();
    if (details.label)
        r.label = details.label->trimmed();
    if (!r.nodeId.isEmpty() && !r.label.isEmpty())
        return alertFieldError(QStringLiteral("label"),
                               QStringLiteral("a rule covers one node or a label, not both"));
    if (details.probeId)
        r.probeId = details.probeId->trimmed();
    if (hm::fleet::alertFiresBelow(r.type)) {
        if (!hm::fleet::isValidProbeId(r.probeId))
            return alertFieldError(QStringLiteral("probe_id"),
                                   QStringLiteral("the probe's id: 1 to %1 of a-z 0-9 _ -")
                                       .arg(hm::fleet::kMaxProbeIdLength));
        // Only when it changes: a rule whose probe was deleted since stays
        // editable (it watches nothing until the probe is back).
        if (details.probeId) {
            auto probe = repositories::probeById(m_db, r.probeId);
            if (!probe)
                return probe.error();
            if (!probe.value())
                return alertFieldError(QStringLiteral("probe_id"), QStringLiteral("no such probe"));
        }
    } else {
        // A probe id on a rule that reads no probe would only mislead.
        r.probeId.clear();
    }
    if (details.container)
        r.container = details.container->trimmed();
    if (hm::fleet::isContainerAlert(r.type)) {
        if (!hm::fleet::isContainerTarget(r.container))
            return alertFieldError(QStringLiteral("container"),
                                   QStringLiteral("a container name (* and ? match any "
                                                  "characters) or any: 1 to 128 of a-z A-Z 0-9 "
                                                  "_ . - * ?"));
    } else {
        r.container.clear();
    }
    if (!r.label.isEmpty() && !isLabelText(r.label))
        return alertFieldError(QStringLiteral("label"),
                               QStringLiteral("1 to 32 of a-z A-Z 0-9 _ . : -"));
    if (!r.nodeId.isEmpty()) {
        auto node = nodeById(m_db, r.nodeId);
        if (!node)
            return node.error();
        if (!node.value())
            return alertFieldError(QStringLiteral("node_id"), QStringLiteral("no such node"));
    }
    return row;
}

Result<AlertRuleRow> AlertService::createRule(const auth::Principal &caller,
                                              const auth::ClientInfo &client,
                                              const AlertRuleDetails &details)
{
    if (!details.type)
        return alertFieldError(QStringLiteral("type"), QStringLiteral("required"));
    if (!details.threshold && details.type != QLatin1String("offline") &&
        details.type != QLatin1String("probe") && details.type != QLatin1String("container_down") &&
        details.type != QLatin1String("container_unhealthy"))
        return alertFieldError(QStringLiteral("threshold"), QStringLiteral("required"));
    AlertRuleRow row;
    row.rule.id = crypto::uuid();
    row.createdBy = caller.userId;
    row.createdAt = now();
    row.updatedAt = row.createdAt;
    auto checked = validated(row, details);
    if (!checked)
        return checked.error();
    if (Status s = insertAlertRule(m_db, checked.value()); !s)
        return s.error();
    m_rules.insert(checked.value().rule.id, checked.value());
    auth::audit(m_db, QStringLiteral("ALERT_RULE_CREATED"), caller.userId,
                QStringLiteral("alert_rule"), checked.value().rule.id, client.ip, client.userAgent,
                ruleJson(checked.value()));
    publishRule(QStringLiteral("alert_rule_created"), checked.value().rule.id,
                ruleJson(checked.value()));
    checkOffline();
    return checked.value();
}

Result<AlertRuleRow> AlertService::updateRule(const auth::Principal &caller,
                                              const auth::ClientInfo &client, const QString &id,
                                              const AlertRuleDetails &details)
{
    auto existing = rule(id);
    if (!existing)
        return existing.error();
    auto checked = validated(existing.value(), details);
    if (!checked)
        return checked.error();
    checked.value().updatedAt = now();
    if (Status s = updateAlertRule(m_db, checked.value()); !s)
        return s.error();
    m_rules.insert(id, checked.value());
    restartRule(id);
    auth::audit(m_db, QStringLiteral("ALERT_RULE_UPDATED"), caller.userId,
                QStringLiteral("alert_rule"), id, client.ip, client.userAgent,
                ruleJson(checked.value()));
    publishRule(QStringLiteral("alert_rule_updated"), id, ruleJson(checked.value()));
    checkOffline();
    return checked.value();
}

Status AlertService::deleteRule(const auth::Principal &caller, const auth::ClientInfo &client,
                                const QString &id)
{
    auto existing = rule(id);
    if (!existing)
        return existing.error();
    restartRule(id);
    auto deleted = deleteAlertRule(m_db, id);
    if (!deleted)
        return deleted.error();
    m_rules.remove(id);
    auth::audit(m_db, QStringLiteral("ALERT_RULE_DELETED"), caller.userId,
                QStringLiteral("alert_rule"), id, client.ip, client.userAgent,
                {{QStringLiteral("name"), existing.value().rule.name}});
    publishRule(QStringLiteral("alert_rule_deleted"), id, {});
    return {};
}

bool AlertService::inMaintenance(const QString &nodeId, qint64 atMs)
{
    for (const MaintenanceRow &w : std::as_const(m_maintenance)) {
        if (atMs < w.startsAt || atMs >= w.endsAt)
            continue;
        if (!w.nodeId.isEmpty() ? w.nodeId == nodeId
                                : w.label.isEmpty() || labelsOf(nodeId).contains(w.label))
            return true;
    }
    return false;
}

Result<QList<MaintenanceRow>> AlertService::maintenance()
{
    // Ended windows leave the list (and, after a week, the database: when
    // the next one is made).
    const qint64 nowMs = now();
    m_maintenance.removeIf([nowMs](const MaintenanceRow &w) { return w.endsAt <= nowMs; });
    return m_maintenance;
}

Result<MaintenanceRow> AlertService::createMaintenance(const auth::Principal &caller,
                                                       const auth::ClientInfo &client,
                                                       MaintenanceRow window)
{
    window.name = window.name.trimmed();
    if (window.name.isEmpty() || window.name.size() > kMaxRuleNameLength)
        return alertFieldError(QStringLiteral("name"),
                               QStringLiteral("1 to %1 characters").arg(kMaxRuleNameLength));
    if (window.endsAt <= window.startsAt)
        return alertFieldError(QStringLiteral("ends_at"), QStringLiteral("after starts_at"));
    if (window.endsAt <= now())
        return alertFieldError(QStringLiteral("ends_at"), QStringLiteral("in the future"));
    if (window.endsAt - window.startsAt > kMaxMaintenanceMs)
        return alertFieldError(QStringLiteral("ends_at"),
                               QStringLiteral("at most 30 days after starts_at"));
    if (!window.nodeId.isEmpty() && !window.label.isEmpty())
        return alertFieldError(QStringLiteral("label"),
                               QStringLiteral("a window covers one node or a label, not both"));
    if (!window.label.isEmpty() && !isLabelText(window.label))
        return alertFieldError(QStringLiteral("label"),
                               QStringLiteral("1 to 32 of a-z A-Z 0-9 _ . : -"));
    if (!window.nodeId.isEmpty()) {
        auto node = nodeById(m_db, window.nodeId);
        if (!node)
            return node.error();
        if (!node.value())
            return alertFieldError(QStringLiteral("node_id"), QStringLiteral("no such node"));
    }
    (void)pruneMaintenance(m_db, now() - 7LL * 24 * 3600 * 1000);
    window.id = crypto::uuid();
    window.createdBy = caller.userId;
    window.createdAt = now();
    if (Status s = insertMaintenance(m_db, window); !s)
        return s.error();
    m_maintenance.append(window);
    auth::audit(m_db, QStringLiteral("ALERT_MAINTENANCE_CREATED"), caller.userId,
                QStringLiteral("alert_maintenance"), window.id, client.ip, client.userAgent,
                maintenanceJson(window));
    publishMaintenance(QStringLiteral("alert_maintenance_created"), window.id,
                       maintenanceJson(window));
    return window;
}

Status AlertService::deleteMaintenance(const auth::Principal &caller,
                                       const auth::ClientInfo &client, const QString &id)
{
    auto deleted = repositories::deleteMaintenance(m_db, id);
    if (!deleted)
        return deleted.error();
    if (deleted.value() == 0)
        return Error{ErrorCode::ResourceNotFound, QStringLiteral("maintenance window not found")};
    m_maintenance.removeIf([&id](const MaintenanceRow &w) { return w.id == id; });
    auth::audit(m_db, QStringLiteral("ALERT_MAINTENANCE_DELETED"), caller.userId,
                QStringLiteral("alert_maintenance"), id, client.ip, client.userAgent, {});
    publishMaintenance(QStringLiteral("alert_maintenance_deleted"), id, {});
    return {};
}

QJsonObject AlertService::maintenanceJson(const MaintenanceRow &w)
{
    return {{QStringLiteral("id"), w.id},
            {QStringLiteral("name"), w.name},
            {QStringLiteral("starts_at"), auth::isoOrNull(w.startsAt)},
            {QStringLiteral("ends_at"), auth::isoOrNull(w.endsAt)},
            {QStringLiteral("node_id"), w.nodeId.isEmpty() ? QJsonValue() : QJsonValue(w.nodeId)},
            {QStringLiteral("label"), w.label.isEmpty() ? QJsonValue() : QJsonValue(w.label)},
            {QStringLiteral("created_at"), auth::isoOrNull(w.createdAt)}};
}

void AlertService::publishRule(const QString &type, const QString &ruleId, const QJsonObject &rule)
{
    QJsonObject data{{QStringLiteral("rule_id"), ruleId}};
    if (!rule.isEmpty())
        data.insert(QStringLiteral("rule"), rule);
    // Everyone signed in reads the rules.
    m_events.publish({type, data, false, {}, true});
}

void AlertService::publishMaintenance(const QString &type, const QString &windowId,
                                      const QJsonObject &window)
{
    QJsonObject data{{QStringLiteral("window_id"), windowId}};
    if (!window.isEmpty())
        data.insert(QStringLiteral("window"), window);
    // Everyone signed in reads the windows, as the rules.
    m_events.publish({type, data, false, {}, true});
}

Result<store::Page<AlertRecordRow>> AlertService::records(const AlertRecordFilter &filter)
{
    return listAlertRecords(m_db, filter);
}

Result<AlertRecordRow> AlertService::resolve(const auth::Principal &caller,
                                             const auth::ClientInfo &client,
                                             const QString &recordId)
{
    auto record = alertRecordById(m_db, recordId);
    if (!record)
        return record.error();
    if (!record.value())
        return Error{ErrorCode::ResourceNotFound, QStringLiteral("alert record not found")};
    if (record.value()->status != QLatin1String("open"))
        return Error{ErrorCode::Conflict, QStringLiteral("the alert is resolved already")};
    auto closed = closeRecord(recordId, caller.userId);
    if (!closed)
        return closed.error();
    if (!closed.value()) // another request resolved it in between
        return Error{ErrorCode::Conflict, QStringLiteral("the alert is resolved already")};
    // By hand: the rule stays firing without a record, so a condition that
    // still holds (an agent still away) does not open another one; it fires
    // again only after it cleared.
    const auto evaluation = m_evaluations.find(key(record.value()->ruleId, record.value()->nodeId));
    if (evaluation != m_evaluations.end())
        evaluation->openRecordId.clear();
    // A container removed on purpose is forgotten once its alert is
    // resolved by hand: it no longer counts as down, so the rule clears and
    // fires again for the next container that stops.
    if (record.value()->type == QLatin1String("container_down")) {
        const auto known = m_containers.find(record.value()->nodeId);
        if (known != m_containers.end())
            known->seen = known->present;
    }
    auth::audit(m_db, QStringLiteral("ALERT_RESOLVED"), caller.userId,
                QStringLiteral("alert_record"), recordId, client.ip, client.userAgent,
                {{QStringLiteral("rule"), record.value()->ruleName},
                 {QStringLiteral("node_id"), record.value()->nodeId}});
    return *closed.value();
}

const QStringList &AlertService::labelsOf(const QString &nodeId)
{
    auto it = m_labels.find(nodeId);
    if (it == m_labels.end()) {
        auto node = nodeById(m_db, nodeId);
        it = m_labels.insert(nodeId, node && node.value() ? labelsFromText(node.value()->labels)
                                                          : QStringList());
    }
    return *it;
}

void AlertService::onReport(const QString &nodeId, const hm::fleet::ReportMessage &report)
{
    if (report.containers)
        onContainers(nodeId, report);
    if (m_rules.isEmpty())
        return;
    QHash<QString, double> metrics;
    for (const hm::fleet::MetricValue &m : report.metrics)
        metrics.insert(m.name, m.value);
    for (const AlertRuleRow &row : std::as_const(m_rules)) {
        const AlertRule &rule = row.rule;
        if (!rule.enabled || rule.type == AlertType::Offline ||
            hm::fleet::isContainerAlert(rule.type) || !rule.covers(nodeId, labelsOf(nodeId)))
            continue;
        const auto value = hm::fleet::alertValue(rule, metrics);
        if (value)
            apply(rule, nodeId, report.timeMs, *value);
    }
}

void AlertService::onContainers(const QString &nodeId, const hm::fleet::ReportMessage &report)
{
    NodeContainers &known = m_containers[nodeId];
    // The names seen before this report: one that is gone now is down.
    const QSet<QString> seenBefore = known.seen;
    known.present.clear();
    for (const hm::fleet::ContainerState &c : std::as_const(*report.containers)) {
        known.present.insert(c.name);
        known.seen.insert(c.name);
    }
    for (const AlertRuleRow &row : std::as_const(m_rules)) {
        const AlertRule &rule = row.rule;
        if (!rule.enabled || !hm::fleet::isContainerAlert(rule.type) ||
            !rule.covers(nodeId, labelsOf(nodeId)))
            continue;
        const auto value = hm::fleet::containerAlertValue(rule, *report.containers, seenBefore);
        if (value)
            apply(rule, nodeId, report.timeMs, *value,
                  containerAlertNames(rule, *report.containers, seenBefore));
    }
}

void AlertService::apply(const AlertRule &rule, const QString &nodeId, qint64 atMs, double value,
                         const QStringList &containers)
{
    Evaluation &e = m_evaluations[key(rule.id, nodeId)];
    switch (e.state.observe(rule, atMs, value)) {
    case AlertState::Change::Fire:
        // In maintenance: no alert, and the duration counts anew after it.
        if (inMaintenance(nodeId, atMs)) {
            e.state = AlertState();
            break;
        }
        open(rule, nodeId, value, atMs, containers);
        break;
    case AlertState::Change::Resolve:
        close(e.openRecordId, {});
        e.openRecordId.clear();
        break;
    case AlertState::Change::None:
        break;
    }
}

void AlertService::onStatus(const QString &nodeId, bool online)
{
    if (!online) {
        m_offlineSince.insert(nodeId, now());
        checkOffline();
        return;
    }
    m_offlineSince.remove(nodeId);
    // Back: its offline records resolve.
    for (auto it = m_evaluations.begin(); it != m_evaluations.end();) {
        const QString ruleId = it.key().ruleId;
        const auto rule = m_rules.constFind(ruleId);
        if (it.key().nodeId == nodeId && rule != m_rules.constEnd() &&
            rule->rule.type == AlertType::Offline) {
            if (!it->openRecordId.isEmpty())
                close(it->openRecordId, {});
            it = m_evaluations.erase(it);
        } else {
            ++it;
        }
    }
}

void AlertService::checkOffline()
{
    // Runs every second: nothing to do without an agent away or an
    // enabled offline rule (the usual case).
    if (m_offlineSince.isEmpty())
        return;
    QList<const AlertRule *> offlineRules;
    for (const AlertRuleRow &row : std::as_const(m_rules)) {
        if (row.rule.enabled && row.rule.type == AlertType::Offline)
            offlineRules.append(&row.rule);
    }
    if (offlineRules.isEmpty())
        return;
    const qint64 nowMs = now();
    for (auto node = m_offlineSince.cbegin(); node != m_offlineSince.cend(); ++node) {
        const qint64 awayMs = nowMs - node.value();
        for (const AlertRule *rule : std::as_const(offlineRules)) {
            if (awayMs < rule->durationSeconds * 1000 ||
                !rule->covers(node.key(), labelsOf(node.key())))
                continue;
            if (inMaintenance(node.key(), nowMs))
                continue;
            Evaluation &e = m_evaluations[key(rule->id, node.key())];
            if (e.state.isFiring())
                continue; // open, or resolved by hand while still away
            e.state.restoreFiring(nowMs, double(awayMs) / 1000);
            open(*rule, node.key(), double(awayMs) / 1000, nowMs);
        }
    }
}

void AlertService::forgetNode(const QString &nodeId)
{
    // Its records go with the node (ON DELETE CASCADE); a revoked key keeps
    // them, resolved by the next report or by hand.
    m_labels.remove(nodeId);
    m_offlineSince.remove(nodeId);
    m_containers.remove(nodeId);
    for (auto it = m_evaluations.begin(); it != m_evaluations.end();) {
        if (it.key().nodeId == nodeId)
            it = m_evaluations.erase(it);
        else
            ++it;
    }
}

void AlertService::reloadRulesAndWindows()
{
    // A deleted node takes its own rules and maintenance windows with it
    // (ON DELETE CASCADE): read both again, so that none stays here as a
    // ghost (listed, evaluated, its records failing their foreign key).
    // A revoked key keeps them.
    if (auto rules = allAlertRules(m_db)) {
        m_rules.clear();
        for (const AlertRuleRow &row : rules.value())
            m_rules.insert(row.rule.id, row);
    } else {
        qCWarning(lcServer).noquote() << "alert rules not read again:" << rules.error().message;
    }
    if (auto windows = currentMaintenance(m_db, now()))
        m_maintenance = windows.value();
    else
        qCWarning(lcServer).noquote()
            << "maintenance windows not read again:" << windows.error().message;
}

void AlertService::open(const AlertRule &rule, const QString &nodeId, double value, qint64 atMs,
                        const QStringList &containers)
{
    AlertRecordRow record;
    record.id = crypto::uuid();
    record.ruleId = rule.id;
    record.ruleName = rule.name;
    record.nodeId = nodeId;
    record.type = hm::fleet::alertTypeName(rule.type);
    record.status = QStringLiteral("open");
    record.value = value;
    record.threshold = rule.threshold;
    record.startedAt = atMs;
    record.notifiedAt = now();
    record.containers = containers;
    if (Status s = insertAlertRecord(m_db, record); !s) {
        // Not stored, not announced: the next report tries again.
        qCWarning(lcServer).noquote() << "alert record not stored:" << s.error().toString();
        m_evaluations.remove(key(rule.id, nodeId));
        return;
    }
    Evaluation &e = m_evaluations[key(rule.id, nodeId)];
    e.openRecordId = record.id;
    e.notifiedMs = record.notifiedAt;
    auto stored = alertRecordById(m_db, record.id);
    if (stored && stored.value())
        announce(*stored.value());
}

void AlertService::remindDue()
{
    // Every second: most installs have no reminders, and then the
    // evaluations (rules × nodes) are not walked.
    if (std::none_of(m_rules.cbegin(), m_rules.cend(),
                     [](const auto &r) { return r.rule.enabled && r.rule.renotifySeconds > 0; }))
        return;
    const qint64 nowMs = now();
    for (auto it = m_evaluations.begin(); it != m_evaluations.end(); ++it) {
        Evaluation &e = it.value();
        if (e.openRecordId.isEmpty())
            continue;
        const auto rule = m_rules.constFind(it.key().ruleId);
        if (rule == m_rules.constEnd() || !rule->rule.enabled || rule->rule.renotifySeconds <= 0 ||
            nowMs - e.notifiedMs < rule->rule.renotifySeconds * 1000)
            continue;
        if (inMaintenance(it.key().nodeId, nowMs))
            continue;
        // Stored before it is sent: a restart does not send it again early.
        auto marked = markAlertRecordNotified(m_db, e.openRecordId, nowMs);
        if (!marked) {
            qCWarning(lcServer).noquote()
                << "alert re-notification not stored:" << marked.error().toString();
            continue;
        }
        e.notifiedMs = nowMs;
        if (marked.value() == 0)
            continue; // resolved meanwhile
        auto stored = alertRecordById(m_db, e.openRecordId);
        if (!stored || !stored.value())
            continue;
        QJsonObject message = alertMessage(*stored.value());
        message.insert(QStringLiteral("reminder"), true);
        m_events.publish({QStringLiteral("alert"), message, false, {}, true});
        emit recordReminded(*stored.value());
    }
}

void AlertService::close(const QString &recordId, const QString &byUserId)
{
    if (recordId.isEmpty())
        return;
    if (auto closed = closeRecord(recordId, byUserId); !closed)
        qCWarning(lcServer).noquote() << "alert record not resolved:" << closed.error().toString();
}

Result<std::optional<AlertRecordRow>> AlertService::closeRecord(const QString &recordId,
                                                                const QString &byUserId)
{
    auto changed = resolveAlertRecord(m_db, recordId, now(), byUserId);
    if (!changed)
        return changed.error();
    if (changed.value() == 0)
        return std::optional<AlertRecordRow>(); // resolved already, or gone
    auto stored = alertRecordById(m_db, recordId);
    if (!stored)
        return stored.error();
    if (stored.value())
        announce(*stored.value());
    return stored.value();
}

void AlertService::restartRule(const QString &ruleId)
{
    auto open = openAlertRecordIds(m_db, ruleId);
    if (open) {
        for (const QString &id : open.value())
            close(id, {});
    }
    for (auto it = m_evaluations.begin(); it != m_evaluations.end();) {
        if (it.key().ruleId == ruleId)
            it = m_evaluations.erase(it);
        else
            ++it;
    }
}

QJsonObject AlertService::alertMessage(const AlertRecordRow &record)
{
    // Seed 001's alert message: {id, name, level, status, current_value,
    // threshold, message}, with the node and times beside.
    QJsonObject data = recordJson(record);
    data.insert(QStringLiteral("name"), record.ruleName);
    data.insert(QStringLiteral("level"), QStringLiteral("warning"));
    data.insert(QStringLiteral("current_value"), record.value);
    QString message = record.status == QLatin1String("open")
                          ? QStringLiteral("%1 on %2").arg(record.ruleName, record.nodeName)
                          : QStringLiteral("%1 on %2 resolved").arg(record.ruleName, record.nodeName);
    if (!record.containers.isEmpty())
        message += QStringLiteral(": ")
                   + containerListText(record.containers,
                                       containersMore(record.containers, record.value));
    data.insert(QStringLiteral("message"), message);
    return data;
}

void AlertService::announce(const AlertRecordRow &record)
{
    // Everyone signed in sees the fleet's nodes, and so its alerts.
    m_events.publish({QStringLiteral("alert"), alertMessage(record), false, {}, true});
    emit recordChanged(record);
}

QJsonObject AlertService::ruleJson(const AlertRuleRow &row)
{
    const AlertRule &r = row.rule;
    return {
        {QStringLiteral("id"), r.id},
        {QStringLiteral("name"), r.name},
        {QStringLiteral("type"), hm::fleet::alertTypeName(r.type)},
        {QStringLiteral("threshold"), r.threshold},
        {QStringLiteral("duration"), r.durationSeconds},
        {QStringLiteral("renotify"), r.renotifySeconds},
        {QStringLiteral("enabled"), r.enabled},
        {QStringLiteral("node_id"), r.nodeId.isEmpty() ? QJsonValue() : QJsonValue(r.nodeId)},
        {QStringLiteral("label"), r.label.isEmpty() ? QJsonValue() : QJsonValue(r.label)},
        {QStringLiteral("probe_id"), r.probeId.isEmpty() ? QJsonValue() : QJsonValue(r.probeId)},
        {QStringLiteral("container"),
         r.container.isEmpty() ? QJsonValue() : QJsonValue(r.container)},
        {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)},
        {QStringLiteral("updated_at"), auth::isoOrNull(row.updatedAt)}};
}

QJsonObject AlertService::recordJson(const AlertRecordRow &row)
{
    QJsonObject json{
        {QStringLiteral("id"), row.id},
        {QStringLiteral("rule_id"), row.ruleId.isEmpty() ? QJsonValue() : QJsonValue(row.ruleId)},
        {QStringLiteral("rule_name"), row.ruleName},
        {QStringLiteral("node_id"), row.nodeId},
        {QStringLiteral("node_name"), row.nodeName},
        {QStringLiteral("type"), row.type},
        {QStringLiteral("status"), row.status == QLatin1String("open")
                                       ? QStringLiteral("active")
                                       : QStringLiteral("resolved")},
        {QStringLiteral("value"), row.value},
        {QStringLiteral("threshold"), row.threshold},
        {QStringLiteral("created_at"), auth::isoOrNull(row.startedAt)},
        {QStringLiteral("resolved_at"),
         row.resolvedAt > 0 ? QJsonValue(auth::isoOrNull(row.resolvedAt)) : QJsonValue()},
        {QStringLiteral("resolved_by"),
         row.resolvedBy.isEmpty() ? QJsonValue() : QJsonValue(row.resolvedBy)},
        {QStringLiteral("resolved_by_name"),
         row.resolvedByName.isEmpty() ? QJsonValue() : QJsonValue(row.resolvedByName)}};
    // Container records name their containers: the first ones, and how
    // many more the value counted.
    if (row.type.startsWith(QLatin1String("container_"))) {
        json.insert(QStringLiteral("containers"), QJsonArray::fromStringList(row.containers));
        json.insert(QStringLiteral("containers_more"), containersMore(row.containers, row.value));
    }
    return json;
}

} // namespace hm::server::fleet
