#pragma once

// The audit row of a trigger made by a user or an API key (issue 37
// leftovers; docs/api.md "Audit log"): FLOW_TRIGGERED on the flow, with the
// execution id, the version run, whether it started or queued, the API
// key (when one was used) and the options asked for — never the callback
// secret, nor the callback URL's query (it may carry a token). A re-run
// (POST /executions/{id}/rerun) is a trigger too, with `rerun_of`.
//
// The trigger is the server's hot path (issue 4: >= 15,000 triggers a
// second), so the row costs as little as it can (docs/benchmarks.md, "The
// trigger's audit through an outbox"):
// - it is written as a row of audit_outbox (one B-tree, no index; an
//   audit_logs row is a row in six) through the history's write-behind
//   queue, like the execution's own records, and record() returns its
//   ticket: the trigger's answer waits for it with the execution (one
//   commit for both; an answered trigger is an audited one, durably);
// - the outbox rows become audit_logs rows later, many in one write of the
//   same queue (repositories::moveAuditOutbox): as soon as triggers pause
//   for kIdleMs, or while they go on once kPressureRows wait or the oldest
//   has waited kPressureMs: a burst of triggers pays for its audit_logs
//   rows after it, a steady stream pays in small moves paced between its
//   triggers' writes (a move holds up the triggers queued behind it);
// - whoever reads the audit list moves what is left first
//   (repositories::flushAuditOutbox), and so does the start-up (what a
//   crash left behind);
// - /ws/events hears of them once the last move of a run is in: the latest
//   entry, with `coalesced` = how many it stands for (a console refreshes
//   its list either way);
// - a batch that was not stored is written again directly, entry by entry,
//   into audit_logs under the same ids (never doubled).
// When the queue is full or stopped the row is written directly instead.

#include "engine/EngineTypes.h"
#include "server/repositories/AuditRepository.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/engine/TriggerCallOptions.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <deque>
#include <functional>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server {

class FlowEngineHost;

// Who triggered, as the route knows it.
struct TriggerActor
{
    QString userId;   // the user, or the API key's owner
    QString apiKeyId; // empty when signed in as the user
    QString ip;       // the request's client, as auth::clientInfo() has it
    QString userAgent;
};

// The details of the FLOW_TRIGGERED row (without the secret).
QJsonObject triggerAuditDetails(const engine::TriggerResult &result,
                                const QString &requestedVersion, const TriggerCallOptions &call,
                                const QString &apiKeyId, const QString &rerunOf = {});
// The same as compact JSON text, written straight (what the row stores):
// QJsonDocument(triggerAuditDetails(…)).toJson(Compact) as a QString, byte
// for byte, without the object (half the audit's cost on the server
// thread). TestTriggerAuditText holds it against the object.
QString triggerAuditDetailsText(const engine::TriggerResult &result,
                                const QString &requestedVersion, const TriggerCallOptions &call,
                                const QString &apiKeyId, const QString &rerunOf = {});

// Server thread, one per server (TriggerService owns it).
class TriggerAuditLog : public QObject
{
    Q_OBJECT
public:
    // Triggers pausing this long start the moves, kIdleMoveRows each, back
    // to back until none is left or a trigger comes (then the move under
    // way is the last). A move is one write of the queue, and the triggers
    // queued behind it wait for it: a row costs the writer ~14 us to move,
    // so 512 rows hold a trigger that comes at the wrong moment up to ~7 ms
    // (4,096, this until 2026-11-30, held the first triggers of a burst
    // ~60 ms and made the benchmark's p99).
    static constexpr int kIdleMs = 100;
    static constexpr int kIdleMoveRows = 512;
    // While triggers go on, moves start once kPressureRows wait or the
    // oldest has waited kPressureMs: a burst at the benchmark's rate stays
    // below it for ~9 s; the outbox's rows take ~450 B each. Under the
    // pressure the moves are small and paced, kPressurePaceMs apart so that
    // the triggers' own writes commit between them, and take kMoveRows more
    // for each kPressureRows waiting: a stream faster than the moves
    // drain makes them larger, not more frequent.
    static constexpr int kMoveRows = 128;
    static constexpr int kPressureRows = 131072;
    static constexpr int kPressureMs = 30000;
    static constexpr int kPressurePaceMs = 10;
    // Tests: the pause, the rows and the age above (the defaults), so the
    // rules can be told apart in seconds.
    struct Levels
    {
        int idleMs = kIdleMs;
        int pressureRows = kPressureRows;
        int pressureMs = kPressureMs;
    };
    void setLevels(const Levels &levels) { m_levels = levels; }

    // Moves what a previous run left in the outbox (start-up).
    TriggerAuditLog(store::Database &db, FlowEngineHost &host, QObject *parent = nullptr);

    // Writes the FLOW_TRIGGERED entry of `result` (to the outbox). Returns
    // the journal ticket after it, for the trigger's afterCommit(), or -1
    // when it was written directly (already committed, or failed and
    // logged).
    qint64 record(const TriggerActor &actor, const engine::TriggerResult &result,
                  const QString &requestedVersion, const TriggerCallOptions &call,
                  const QString &rerunOf = {});

    // Runs `then` (unless `context` is gone) once every entry committed so
    // far is in audit_logs: at once when none waits, else after the moves
    // (on the writer, in moves of kIdleMoveRows, so other writes go on
    // between them). For readers of the audit list.
    void catchUp(QObject *context, std::function<void()> then);

signals:
    // A move of at most `rows` outbox rows was queued on the writer; a move
    // ended, having moved `moved` rows (-1: it failed). For tests (the
    // pressure moves' size and pace) and diagnostics.
    void moveQueued(int rows);
    void moveEnded(int moved);

private:
    struct Pending
    {
        repositories::AuditEntry entry;
        QString id;
        qint64 from = 0;
        qint64 to = 0;
    };

    void arm();
    void settle(qint64 to, bool committed);
    struct CatchUp
    {
        quint64 serial = 0;
        QPointer<QObject> context;
        std::function<void()> then;
    };

    void schedule();
    void tick();
    void move(int rows);
    int pressureMoveRows() const;
    void answerCatchUps(quint64 upTo);

    store::Database &m_db;
    FlowEngineHost &m_host;
    std::deque<Pending> m_pending; // ticket order, until committed
    bool m_armed = false;
    // Outbox entries not moved yet: how many, the latest (for the
    // announcement), since when.
    qsizetype m_waiting = 0;
    std::optional<auth::AuditNotice> m_latest;
    qint64 m_oldestMs = 0;
    // Triggers recorded so far, and since the last (counted when recorded,
    // not when committed: a move that ends knows of the triggers queued
    // behind it, and stops).
    quint64 m_triggers = 0;
    QElapsedTimer m_sinceTrigger;
    qsizetype m_moved = 0; // by the moves since the last announcement
    bool m_moving = false;
    QTimer *m_timer = nullptr;
    Levels m_levels;
    std::deque<CatchUp> m_catchUps; // serial order
    quint64 m_catchUpSerial = 0;
};

} // namespace hm::server
