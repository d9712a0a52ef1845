#pragma once

#include "common/Result.h"
#include "flow/FlowProblem.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace hm::flow {

// What a trigger does while instances of the flow are running (seed 003 §6).
enum class ConcurrencyMode
{
    Allow,   // start another instance
    Deny,    // refuse with CONCURRENT_DENIED
    Queue,   // wait FIFO for a slot
    Replace, // cancel the running instance (reason REPLACED) and start
};

enum class ConcurrencyScope
{
    Flow,       // one slot pool for the whole flow
    TriggerKey, // one pool per value of scopeKey in the trigger input
};

// How much of an execution is kept once it ends.
enum class HistoryLevel
{
    All,     // node inputs and outputs too
    Summary, // statuses, timings and errors only
    None,    // nothing beyond the execution row
};

struct ConcurrencySettings
{
    ConcurrencyMode mode = ConcurrencyMode::Allow;
    ConcurrencyScope scope = ConcurrencyScope::Flow;
    int maxInstances = 1;
    // With scope trigger_key: where the key is in the trigger input, either
    // a `$.trigger.<path>` expression or a top-level field name.
    QString scopeKey;
    bool operator==(const ConcurrencySettings &) const = default;
};

struct TimeoutSettings
{
    qint64 flowTimeoutMs = 300000;
    qint64 nodeTimeoutMs = 60000;
    bool operator==(const TimeoutSettings &) const = default;
};

struct RetrySettings
{
    int maxAttempts = 1; // 1 = no retry
    qint64 backoffMs = 1000;
    double backoffMultiplier = 2.0;
    bool operator==(const RetrySettings &) const = default;
};

// Notification targets are kept as JSON: the notification module owns
// their shape.
struct NotificationSettings
{
    QJsonArray onComplete;
    QJsonArray onFail;
    bool operator==(const NotificationSettings &) const = default;
};

// seed 003 §4.3 flow_versions.settings plus historyLevel. Every field has a
// default, so `{}` is a valid settings document.
struct FlowSettings
{
    ConcurrencySettings concurrency;
    TimeoutSettings timeout;
    RetrySettings retry;
    NotificationSettings notification;
    HistoryLevel historyLevel = HistoryLevel::All;

    // Fails with INVALID_FLOW_DEFINITION listing every INVALID_SETTING
    // problem (wrong types, unknown names, values out of range), each with
    // the `setting` path such as "concurrency.maxInstances".
    static Result<FlowSettings> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;

    bool operator==(const FlowSettings &) const = default;
};

// The range rules fromJson() applies, for settings built in code: mode and
// scope known, maxInstances >= 1, scopeKey given and well-formed with scope
// trigger_key, timeouts >= 1, maxAttempts >= 1, backoffMs >= 0,
// backoffMultiplier >= 1.
FlowProblems validateSettings(const FlowSettings &settings);

QString concurrencyModeName(ConcurrencyMode mode);
std::optional<ConcurrencyMode> concurrencyModeFromName(const QString &name);
QString concurrencyScopeName(ConcurrencyScope scope);
std::optional<ConcurrencyScope> concurrencyScopeFromName(const QString &name);
QString historyLevelName(HistoryLevel level);
std::optional<HistoryLevel> historyLevelFromName(const QString &name);

} // namespace hm::flow
