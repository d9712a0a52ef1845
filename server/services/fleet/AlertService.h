#pragma once

// The fleet's alerts (issue 35; docs/api.md "Alerts"; seed 002's alert
// settings and records): rules that administrators manage, evaluated as
// each report is stored (core/fleet/AlertRule: duration and hysteresis)
// and as agents come and go (offline rules), and the records they raise,
// open until they resolve by themselves or by hand. Each firing and each
// resolution is stored before it is announced on /ws/events ("alert",
// seed 001's shape) to everyone signed in. Rule changes are audited and
// announced (alert_rule_*).
// Notification channels (AlertChannels, AlertDispatcher) follow
// recordChanged. Server thread.

#include "common/Result.h"
#include "fleet/AgentProtocol.h"
#include "fleet/AlertRule.h"
#include "server/api/Roles.h"
#include "server/repositories/AlertRepository.h"
#include "server/services/auth/TokenService.h"

#include <QHash>
#include <QSet>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <functional>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server {

namespace auth {
class AccountEvents;
}

namespace fleet {

class FleetService;

// A rule as the API writes it; missing fields keep their value (update)
// or take the default (create).
struct AlertRuleDetails
{
    std::optional<QString> name;
    std::optional<QString> type;
    std::optional<double> threshold;
    std::optional<qint64> durationSeconds;
    std::optional<qint64> renotifySeconds; // 0: never
    std::optional<bool> enabled;
    std::optional<QString> nodeId;  // "" = no node
    std::optional<QString> label;   // "" = no label
    std::optional<QString> probeId; // probe and certificate rules; "" = none
    std::optional<QString> container; // container rules: a name, a glob or "any"
};

class AlertService final : public QObject
{
    Q_OBJECT
public:
    AlertService(store::Database &db, FleetService &fleet, auth::AccountEvents &events,
                 QObject *parent = nullptr);

    // The wall clock for offline rules and records (tests may move it).
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }
    // Reads the rules and the open records; call once before use.
    Status start();

    Result<QList<repositories::AlertRuleRow>> rules();
    Result<repositories::AlertRuleRow> rule(const QString &id);
    Result<repositories::AlertRuleRow> createRule(const auth::Principal &caller,
                                                  const auth::ClientInfo &client,
                                                  const AlertRuleDetails &details);
    // A changed rule starts its evaluation again: its open records resolve.
    Result<repositories::AlertRuleRow> updateRule(const auth::Principal &caller,
                                                  const auth::ClientInfo &client, const QString &id,
                                                  const AlertRuleDetails &details);
    Status deleteRule(const auth::Principal &caller, const auth::ClientInfo &client,
                      const QString &id);

    Result<store::Page<repositories::AlertRecordRow>>
    records(const repositories::AlertRecordFilter &filter);
    // Resolves an open record by hand (RESOURCE_NOT_FOUND, or CONFLICT when
    // it is resolved already).
    Result<repositories::AlertRecordRow>
    resolve(const auth::Principal &caller, const auth::ClientInfo &client, const QString &recordId);

    // Maintenance windows: the covered nodes raise no new alert meanwhile
    // (open ones still resolve). The current and coming ones; ADMIN makes
    // and deletes (ends) them.
    Result<QList<repositories::MaintenanceRow>> maintenance();
    Result<repositories::MaintenanceRow> createMaintenance(const auth::Principal &caller,
                                                           const auth::ClientInfo &client,
                                                           repositories::MaintenanceRow window);
    Status deleteMaintenance(const auth::Principal &caller, const auth::ClientInfo &client,
                             const QString &id);
    static QJsonObject maintenanceJson(const repositories::MaintenanceRow &row);

    static QJsonObject ruleJson(const repositories::AlertRuleRow &row);
    static QJsonObject recordJson(const repositories::AlertRecordRow &row);
    // The "alert" message of a record (seed 001's shape): /ws/events' and
    // the notification channels'.
    static QJsonObject alertMessage(const repositories::AlertRecordRow &row);

    // Sends the open records whose rule's re-notify interval has passed
    // since they were last sent (not during a maintenance window of their
    // node). The service's one-second timer calls it; tests with their own
    // clock call it directly.
    void remindDue();

signals:
    // A record was stored as opened or resolved (for notification channels
    // and the console's tray).
    void recordChanged(const repositories::AlertRecordRow &record);
    // A record still open was due again under its rule's re-notify
    // interval (its notified_at is stored first).
    void recordReminded(const repositories::AlertRecordRow &record);

private:
    struct Evaluation
    {
        hm::fleet::AlertState state;
        QString openRecordId;
        qint64 notifiedMs = 0; // when the open record's alert was last sent
    };
    // Which rule on which node an evaluation is.
    struct EvaluationKey
    {
        QString ruleId;
        QString nodeId;
        bool operator==(const EvaluationKey &) const = default;
        friend size_t qHash(const EvaluationKey &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.ruleId, k.nodeId);
        }
    };
    static EvaluationKey key(const QString &ruleId, const QString &nodeId)
    {
        return {ruleId, nodeId};
    }
    qint64 now() const { return m_now ? m_now() : 0; }
    Result<repositories::AlertRuleRow> validated(repositories::AlertRuleRow row,
                                                 const AlertRuleDetails &details);
    void onReport(const QString &nodeId, const hm::fleet::ReportMessage &report);
    // Container rules over the report's container summary (when it has one).
    void onContainers(const QString &nodeId, const hm::fleet::ReportMessage &report);
    // Fire/resolve bookkeeping shared by metric and container rules.
    // `containers`: a container rule's names for the record it may open.
    void apply(const hm::fleet::AlertRule &rule, const QString &nodeId, qint64 atMs, double value,
               const QStringList &containers = {});
    void onStatus(const QString &nodeId, bool online);
    void forgetNode(const QString &nodeId);
    void reloadRulesAndWindows();
    void checkOffline();
    const QStringList &labelsOf(const QString &nodeId);
    void open(const hm::fleet::AlertRule &rule, const QString &nodeId, double value, qint64 atMs,
              const QStringList &containers = {});
    // Resolves an open record and announces it (a failure is logged).
    void close(const QString &recordId, const QString &byUserId);
    // The same, answering the record as stored after it, or nothing when it
    // was resolved already (or is gone).
    Result<std::optional<repositories::AlertRecordRow>> closeRecord(const QString &recordId,
                                                                    const QString &byUserId);
    // Resolves the rule's open records and forgets its evaluations.
    void restartRule(const QString &ruleId);
    void announce(const repositories::AlertRecordRow &record);
    // Whether a maintenance window covers the node at that time.
    bool inMaintenance(const QString &nodeId, qint64 atMs);
    // alert_rule_created / _updated / _deleted on /ws/events, so that every
    // console's rule list follows.
    void publishRule(const QString &type, const QString &ruleId, const QJsonObject &rule);
    // alert_maintenance_created {window_id, window} / _deleted {window_id}.
    void publishMaintenance(const QString &type, const QString &windowId,
                            const QJsonObject &window);

    store::Database &m_db;
    FleetService &m_fleet;
    auth::AccountEvents &m_events;
    std::function<qint64()> m_now;
    QHash<QString, repositories::AlertRuleRow> m_rules;
    QHash<EvaluationKey, Evaluation> m_evaluations;
    QHash<QString, QStringList> m_labels;  // node -> labels, read once
    QHash<QString, qint64> m_offlineSince; // enrolled nodes whose agent is away
    // Per node, the container names seen in its reports since the server
    // started and those in the newest one: a seen container that is gone
    // counts as down.
    struct NodeContainers
    {
        QSet<QString> seen;
        QSet<QString> present;
    };
    QHash<QString, NodeContainers> m_containers;
    QTimer m_offlineCheck;
    QList<repositories::MaintenanceRow> m_maintenance; // not ended at the last look
};

} // namespace fleet
} // namespace hm::server
