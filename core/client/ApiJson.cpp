#include "client/ApiJson.h"

namespace hm::client::json {
namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QDateTime at(const QJsonObject &o, const char *key)
{
    return time(o.value(QLatin1String(key)));
}

} // namespace

QJsonObject object(const ApiResponse &r)
{
    return r.data.toObject();
}

QDateTime time(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QStringList strings(const QJsonValue &value)
{
    QStringList result;
    for (const QJsonValue &item : value.toArray())
        result.append(item.toString());
    return result;
}

HealthInfo health(const QJsonObject &o)
{
    return HealthInfo{str(o, "status"), str(o, "database"), str(o, "version"),
                      o.value(QLatin1String("uptime_seconds")).toInteger()};
}

VersionInfo version(const QJsonObject &o)
{
    return VersionInfo{str(o, "version"), str(o, "api_version"), str(o, "build_date"),
                       strings(o.value(QLatin1String("features"))),
                       o.value(QLatin1String("features")).isArray()};
}

TokenPair tokenPair(const QJsonObject &o)
{
    return TokenPair{str(o, "access_token"), str(o, "refresh_token"), str(o, "token_type"),
                     o.value(QLatin1String("expires_in")).toInteger()};
}

UserInfo user(const QJsonObject &o)
{
    UserInfo u;
    u.id = str(o, "id");
    u.username = str(o, "username");
    u.email = str(o, "email");
    u.fullName = str(o, "full_name");
    u.role = str(o, "role");
    u.status = str(o, "status");
    u.permissions = strings(o.value(QLatin1String("permissions")));
    u.twoFactorEnabled = o.value(QLatin1String("two_factor_enabled")).toBool();
    u.passwordChangeRequired = o.value(QLatin1String("password_change_required")).toBool();
    u.lastLogin = at(o, "last_login");
    u.createdAt = at(o, "created_at");
    u.loginAttempts = o.value(QLatin1String("login_attempts")).toInt();
    u.lockedUntil = at(o, "locked_until");
    return u;
}

LoginResult login(const QJsonObject &o)
{
    LoginResult r;
    r.twoFactorRequired = o.value(QLatin1String("two_factor_required")).toBool();
    if (r.twoFactorRequired) {
        r.pendingToken = str(o, "pending_token");
        r.methods = strings(o.value(QLatin1String("methods")));
        r.pendingExpiresIn = o.value(QLatin1String("expires_in")).toInteger();
        return r;
    }
    r.tokens = tokenPair(o);
    r.user = user(o.value(QLatin1String("user")).toObject());
    return r;
}

SessionInfo session(const QJsonObject &o)
{
    return SessionInfo{str(o, "id"),
                       str(o, "device_info"),
                       str(o, "ip_address"),
                       at(o, "created_at"),
                       at(o, "last_used_at"),
                       at(o, "expires_at"),
                       o.value(QLatin1String("current")).toBool()};
}

ApiKeyInfo apiKey(const QJsonObject &o)
{
    ApiKeyInfo k;
    k.id = str(o, "id");
    k.name = str(o, "name");
    k.description = str(o, "description");
    k.prefix = str(o, "prefix");
    k.accessLevel = str(o, "access_level");
    k.permissions = strings(o.value(QLatin1String("permissions")));
    k.allowedIps = strings(o.value(QLatin1String("allowed_ips")));
    k.allowedEndpoints = strings(o.value(QLatin1String("allowed_endpoints")));
    const QJsonObject rate = o.value(QLatin1String("rate_limit")).toObject();
    k.requestsPerMinute = rate.value(QLatin1String("requests_per_minute")).toInt();
    k.burstLimit = rate.value(QLatin1String("burst_limit")).toInt();
    k.status = str(o, "status");
    k.expiresAt = at(o, "expires_at");
    k.createdAt = at(o, "created_at");
    k.lastUsed = at(o, "last_used");
    k.key = str(o, "api_key");
    return k;
}

FlowVersion flowVersion(const QJsonObject &o)
{
    return FlowVersion{str(o, "version"),
                       str(o, "status"),
                       str(o, "created_by"),
                       at(o, "created_at"),
                       at(o, "published_at"),
                       o.value(QLatin1String("definition")).toObject(),
                       o.value(QLatin1String("settings")).toObject(),
                       o.value(QLatin1String("flow_revision")).toInteger(),
                       o.value(QLatin1String("problems")).toArray()};
}

FlowSummary flowSummary(const QJsonObject &o)
{
    FlowSummary f;
    f.id = str(o, "id");
    f.name = str(o, "name");
    f.description = str(o, "description");
    f.ownerId = str(o, "owner_id");
    f.createdAt = at(o, "created_at");
    f.updatedAt = at(o, "updated_at");
    // The list sends latest_version; the creation answer sends version.
    f.latestVersion =
        o.contains(QLatin1String("latest_version")) ? str(o, "latest_version") : str(o, "version");
    f.publishedVersion = str(o, "published_version");
    f.revision = o.value(QLatin1String("revision")).toInteger();
    f.myPermission = str(o, "my_permission");
    const QJsonObject last = o.value(QLatin1String("last_execution")).toObject();
    f.lastExecutionId = str(last, "id");
    f.lastExecutionStatus = str(last, "status");
    f.lastExecutionAt = at(last, "created_at");
    return f;
}

FlowDetail flowDetail(const QJsonObject &o)
{
    FlowDetail f;
    f.id = str(o, "id");
    f.name = str(o, "name");
    f.description = str(o, "description");
    f.ownerId = str(o, "owner_id");
    f.createdAt = at(o, "created_at");
    f.updatedAt = at(o, "updated_at");
    f.latestVersion = flowVersion(o.value(QLatin1String("latest_version")).toObject());
    const QJsonValue published = o.value(QLatin1String("published_version"));
    if (published.isObject())
        f.publishedVersion = flowVersion(published.toObject());
    f.revision = o.value(QLatin1String("revision")).toInteger();
    f.myPermission = str(o, "my_permission");
    return f;
}

TriggerOutcome triggerOutcome(const QJsonObject &o)
{
    TriggerOutcome t;
    t.status = str(o, "status");
    if (t.status == QLatin1String("started"))
        t.state = TriggerOutcome::State::Started;
    else if (t.status == QLatin1String("queued"))
        t.state = TriggerOutcome::State::Queued;
    else if (t.status == QLatin1String("completed") || t.status == QLatin1String("failed") ||
             t.status == QLatin1String("cancelled"))
        t.state = TriggerOutcome::State::Ended;
    else
        t.state = TriggerOutcome::State::Started; // a wait that timed out: still running
    t.executionId = str(o, "execution_id");
    t.flowId = str(o, "flow_id");
    t.flowVersion = str(o, "flow_version");
    t.startedAt = at(o, "started_at");
    t.websocketUrl = str(o, "websocket_url");
    t.queuePosition = o.value(QLatin1String("queue_position")).toInt();
    t.outputs = o.value(QLatin1String("outputs")).toObject();
    t.error = o.value(QLatin1String("error")).toObject();
    return t;
}

CancelOutcome cancelOutcome(const QJsonObject &o)
{
    return CancelOutcome{str(o, "execution_id"), str(o, "status"),
                         strings(o.value(QLatin1String("affected_nodes")))};
}

ExecutionSummary executionSummary(const QJsonObject &o)
{
    ExecutionSummary e;
    e.executionId = str(o, "execution_id");
    e.flowId = str(o, "flow_id");
    e.flowName = str(o, "flow_name");
    e.flowVersion = str(o, "flow_version");
    e.status = str(o, "status");
    e.triggeredBy = str(o, "triggered_by");
    e.createdAt = at(o, "created_at");
    e.startedAt = at(o, "started_at");
    e.endedAt = at(o, "ended_at");
    const QJsonValue duration = o.value(QLatin1String("duration_ms"));
    e.durationMs = duration.isDouble() ? duration.toInteger() : -1;
    e.errorCode = str(o, "error_code");
    return e;
}

FlowShare flowShare(const QJsonObject &o)
{
    FlowShare s;
    s.id = str(o, "id");
    s.flowId = str(o, "flow_id");
    s.userId = str(o, "user_id");
    s.userName = str(o, "user_name");
    s.userEmail = str(o, "user_email");
    s.invitedEmail = str(o, "invited_email");
    s.permission = str(o, "permission");
    s.pending = o.value(QLatin1String("pending")).toBool();
    s.sharedBy = str(o, "shared_by");
    s.sharedByName = str(o, "shared_by_name");
    s.createdAt = at(o, "created_at");
    s.acceptedAt = at(o, "accepted_at");
    return s;
}

FlowWebhook flowWebhook(const QJsonObject &o)
{
    FlowWebhook w;
    w.flowId = str(o, "flow_id");
    w.token = str(o, "token");
    w.path = str(o, "path");
    // The creation answer has no "enabled": a token means there is one.
    w.enabled = o.value(QLatin1String("enabled")).toBool(!w.token.isEmpty());
    w.rotated = o.value(QLatin1String("rotated")).toBool();
    return w;
}

} // namespace hm::client::json
