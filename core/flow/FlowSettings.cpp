#include "flow/FlowSettings.h"

#include "flow/JsonRead.h"
#include "flow/Mapping.h"

#include <limits>

namespace hm::flow {

namespace {

constexpr ConcurrencyMode kModes[] = {ConcurrencyMode::Allow, ConcurrencyMode::Deny,
                                      ConcurrencyMode::Queue, ConcurrencyMode::Replace};
constexpr ConcurrencyScope kScopes[] = {ConcurrencyScope::Flow, ConcurrencyScope::TriggerKey};
constexpr HistoryLevel kLevels[] = {HistoryLevel::All, HistoryLevel::Summary, HistoryLevel::None};

FlowProblem settingProblem(const QString &setting, const QString &message)
{
    FlowProblem p;
    p.code = problem::InvalidSetting;
    p.message = setting + QStringLiteral(": ") + message;
    p.extra.insert(QStringLiteral("setting"), setting);
    return p;
}

// Reads an enum by name; an unknown name is a problem and keeps the default.
template <typename Enum, typename FromName>
Enum readEnum(JsonReader &reader, const QJsonObject &obj, const QString &key, const QString &prefix,
              Enum fallback, FromName fromName, const QStringList &allowed, FlowProblems *problems)
{
    const QString name = reader.string(obj, key, prefix, false);
    if (name.isEmpty())
        return fallback;
    if (const auto value = fromName(name))
        return *value;
    problems->append(settingProblem(
        JsonReader::join(prefix, key),
        QStringLiteral("\"%1\" is not one of %2").arg(name, allowed.join(QStringLiteral(", ")))));
    return fallback;
}

int readInt(JsonReader &reader, const QJsonObject &obj, const QString &key, const QString &prefix,
            int fallback, FlowProblems *problems)
{
    const qint64 v = reader.integer(obj, key, prefix, fallback);
    if (v > std::numeric_limits<int>::max() || v < std::numeric_limits<int>::min()) {
        problems->append(settingProblem(JsonReader::join(prefix, key),
                                        QStringLiteral("%1 is out of range").arg(v)));
        return fallback;
    }
    return static_cast<int>(v);
}

template <typename Enum, size_t N> bool known(Enum value, const Enum (&all)[N])
{
    for (Enum e : all) {
        if (e == value)
            return true;
    }
    return false;
}

template <typename Enum, size_t N, typename Name> QStringList names(const Enum (&all)[N], Name name)
{
    QStringList list;
    for (Enum e : all)
        list.append(name(e));
    return list;
}

} // namespace

QString concurrencyModeName(ConcurrencyMode mode)
{
    switch (mode) {
    case ConcurrencyMode::Allow:
        return QStringLiteral("allow");
    case ConcurrencyMode::Deny:
        return QStringLiteral("deny");
    case ConcurrencyMode::Queue:
        return QStringLiteral("queue");
    case ConcurrencyMode::Replace:
        return QStringLiteral("replace");
    }
    return {};
}

std::optional<ConcurrencyMode> concurrencyModeFromName(const QString &name)
{
    for (ConcurrencyMode m : kModes) {
        if (concurrencyModeName(m) == name)
            return m;
    }
    return std::nullopt;
}

QString concurrencyScopeName(ConcurrencyScope scope)
{
    switch (scope) {
    case ConcurrencyScope::Flow:
        return QStringLiteral("flow");
    case ConcurrencyScope::TriggerKey:
        return QStringLiteral("trigger_key");
    }
    return {};
}

std::optional<ConcurrencyScope> concurrencyScopeFromName(const QString &name)
{
    for (ConcurrencyScope s : kScopes) {
        if (concurrencyScopeName(s) == name)
            return s;
    }
    return std::nullopt;
}

QString historyLevelName(HistoryLevel level)
{
    switch (level) {
    case HistoryLevel::All:
        return QStringLiteral("all");
    case HistoryLevel::Summary:
        return QStringLiteral("summary");
    case HistoryLevel::None:
        return QStringLiteral("none");
    }
    return {};
}

std::optional<HistoryLevel> historyLevelFromName(const QString &name)
{
    for (HistoryLevel l : kLevels) {
        if (historyLevelName(l) == name)
            return l;
    }
    return std::nullopt;
}

FlowProblems validateSettings(const FlowSettings &s)
{
    FlowProblems problems;
    if (!known(s.concurrency.mode, kModes))
        problems.append(settingProblem(QStringLiteral("concurrency.mode"),
                                       QStringLiteral("unknown concurrency mode")));
    if (!known(s.concurrency.scope, kScopes))
        problems.append(settingProblem(QStringLiteral("concurrency.scope"),
                                       QStringLiteral("unknown concurrency scope")));
    if (!known(s.historyLevel, kLevels))
        problems.append(settingProblem(QStringLiteral("historyLevel"),
                                       QStringLiteral("unknown history level")));
    if (s.concurrency.maxInstances < 1)
        problems.append(settingProblem(
            QStringLiteral("concurrency.maxInstances"),
            QStringLiteral("must be at least 1, is %1").arg(s.concurrency.maxInstances)));
    if (s.concurrency.scope == ConcurrencyScope::TriggerKey) {
        if (s.concurrency.scopeKey.isEmpty()) {
            problems.append(
                settingProblem(QStringLiteral("concurrency.scopeKey"),
                               QStringLiteral("is required when scope is trigger_key")));
        } else if (const auto key = parseScopeKey(s.concurrency.scopeKey); !key) {
            problems.append(
                settingProblem(QStringLiteral("concurrency.scopeKey"), key.error().message));
        }
    }
    if (s.timeout.flowTimeoutMs < 1)
        problems.append(settingProblem(QStringLiteral("timeout.flowTimeoutMs"),
                                       QStringLiteral("must be at least 1")));
    if (s.timeout.nodeTimeoutMs < 1)
        problems.append(settingProblem(QStringLiteral("timeout.nodeTimeoutMs"),
                                       QStringLiteral("must be at least 1")));
    if (s.retry.maxAttempts < 1)
        problems.append(
            settingProblem(QStringLiteral("retry.maxAttempts"),
                           QStringLiteral("must be at least 1, is %1").arg(s.retry.maxAttempts)));
    if (s.retry.backoffMs < 0)
        problems.append(settingProblem(QStringLiteral("retry.backoffMs"),
                                       QStringLiteral("must not be negative")));
    if (!(s.retry.backoffMultiplier >= 1.0)) // also catches NaN
        problems.append(settingProblem(QStringLiteral("retry.backoffMultiplier"),
                                       QStringLiteral("must be at least 1")));
    return problems;
}

Result<FlowSettings> FlowSettings::fromJson(const QJsonObject &json)
{
    FlowProblems problems;
    JsonReader reader(&problems, problem::InvalidSetting, QLatin1StringView("setting"));
    FlowSettings s;

    const QString cPath = QStringLiteral("concurrency");
    const QJsonObject c = reader.object(json, cPath, {});
    s.concurrency.mode =
        readEnum(reader, c, QStringLiteral("mode"), cPath, s.concurrency.mode,
                 concurrencyModeFromName, names(kModes, concurrencyModeName), &problems);
    s.concurrency.scope =
        readEnum(reader, c, QStringLiteral("scope"), cPath, s.concurrency.scope,
                 concurrencyScopeFromName, names(kScopes, concurrencyScopeName), &problems);
    s.concurrency.maxInstances = readInt(reader, c, QStringLiteral("maxInstances"), cPath,
                                         s.concurrency.maxInstances, &problems);
    s.concurrency.scopeKey = reader.string(c, QStringLiteral("scopeKey"), cPath, false);

    const QString tPath = QStringLiteral("timeout");
    const QJsonObject t = reader.object(json, tPath, {});
    s.timeout.flowTimeoutMs =
        reader.integer(t, QStringLiteral("flowTimeoutMs"), tPath, s.timeout.flowTimeoutMs);
    s.timeout.nodeTimeoutMs =
        reader.integer(t, QStringLiteral("nodeTimeoutMs"), tPath, s.timeout.nodeTimeoutMs);

    const QString rPath = QStringLiteral("retry");
    const QJsonObject r = reader.object(json, rPath, {});
    s.retry.maxAttempts =
        readInt(reader, r, QStringLiteral("maxAttempts"), rPath, s.retry.maxAttempts, &problems);
    s.retry.backoffMs = reader.integer(r, QStringLiteral("backoffMs"), rPath, s.retry.backoffMs);
    s.retry.backoffMultiplier =
        reader.number(r, QStringLiteral("backoffMultiplier"), rPath, s.retry.backoffMultiplier);

    const QString nPath = QStringLiteral("notification");
    const QJsonObject n = reader.object(json, nPath, {});
    s.notification.onComplete = reader.array(n, QStringLiteral("onComplete"), nPath, false);
    s.notification.onFail = reader.array(n, QStringLiteral("onFail"), nPath, false);

    s.historyLevel = readEnum(reader, json, QStringLiteral("historyLevel"), {}, s.historyLevel,
                              historyLevelFromName, names(kLevels, historyLevelName), &problems);

    // Range checks only on fields that parsed, so one mistake is one problem.
    const FlowProblems ranges = validateSettings(s);
    for (const FlowProblem &p : ranges) {
        const QString setting = p.extra.value(QStringLiteral("setting")).toString();
        bool reported = false;
        for (const FlowProblem &q : std::as_const(problems))
            reported = reported || q.extra.value(QStringLiteral("setting")).toString() == setting;
        if (!reported)
            problems.append(p);
    }
    if (!problems.isEmpty())
        return problemsError(problems);
    return s;
}

QJsonObject FlowSettings::toJson() const
{
    QJsonObject c;
    c.insert(QStringLiteral("mode"), concurrencyModeName(concurrency.mode));
    c.insert(QStringLiteral("scope"), concurrencyScopeName(concurrency.scope));
    c.insert(QStringLiteral("maxInstances"), concurrency.maxInstances);
    c.insert(QStringLiteral("scopeKey"), concurrency.scopeKey.isEmpty()
                                             ? QJsonValue(QJsonValue::Null)
                                             : QJsonValue(concurrency.scopeKey));
    QJsonObject t;
    t.insert(QStringLiteral("flowTimeoutMs"), timeout.flowTimeoutMs);
    t.insert(QStringLiteral("nodeTimeoutMs"), timeout.nodeTimeoutMs);
    QJsonObject r;
    r.insert(QStringLiteral("maxAttempts"), retry.maxAttempts);
    r.insert(QStringLiteral("backoffMs"), retry.backoffMs);
    r.insert(QStringLiteral("backoffMultiplier"), retry.backoffMultiplier);
    QJsonObject n;
    n.insert(QStringLiteral("onComplete"), notification.onComplete);
    n.insert(QStringLiteral("onFail"), notification.onFail);

    QJsonObject json;
    json.insert(QStringLiteral("concurrency"), c);
    json.insert(QStringLiteral("timeout"), t);
    json.insert(QStringLiteral("retry"), r);
    json.insert(QStringLiteral("notification"), n);
    json.insert(QStringLiteral("historyLevel"), historyLevelName(historyLevel));
    return json;
}

} // namespace hm::flow
