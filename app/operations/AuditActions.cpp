#include "operations/AuditActions.h"

#include <QCoreApplication>
#include <iterator>

namespace hm::app {
namespace {

struct Action
{
    const char *code;
    const char *category;
    const char *name; // translated in the "AuditActions" context
};

// Every code the server writes (grep auth::audit in server/), grouped by
// category; the flow writes include the codes the flow routes add.
constexpr Action kActions[] = {
    {"LOGIN", "auth", QT_TRANSLATE_NOOP("AuditActions", "Signed in")},
    {"LOGIN_FAILED", "auth", QT_TRANSLATE_NOOP("AuditActions", "Sign-in failed")},
    {"LOGOUT", "auth", QT_TRANSLATE_NOOP("AuditActions", "Signed out")},
    {"LOGOUT_ALL", "auth", QT_TRANSLATE_NOOP("AuditActions", "Signed out everywhere")},
    {"ACCOUNT_LOCKED", "auth", QT_TRANSLATE_NOOP("AuditActions", "Account locked")},
    {"REFRESH_TOKEN_REUSE", "auth", QT_TRANSLATE_NOOP("AuditActions", "Refresh token reused")},
    {"PASSWORD_CHANGED", "auth", QT_TRANSLATE_NOOP("AuditActions", "Password changed")},
    {"PASSWORD_CHECK_FAILED", "auth", QT_TRANSLATE_NOOP("AuditActions", "Password check failed")},
    {"TWO_FACTOR_ENABLED", "auth", QT_TRANSLATE_NOOP("AuditActions", "Two-factor sign-in on")},
    {"TWO_FACTOR_DISABLED", "auth", QT_TRANSLATE_NOOP("AuditActions", "Two-factor sign-in off")},
    {"TWO_FACTOR_CHECK_FAILED", "auth",
     QT_TRANSLATE_NOOP("AuditActions", "Two-factor code rejected")},
    {"TWO_FACTOR_RECOVERY_USED", "auth", QT_TRANSLATE_NOOP("AuditActions", "Recovery code used")},
    {"TWO_FACTOR_RECOVERY_CODES_REGENERATED", "auth",
     QT_TRANSLATE_NOOP("AuditActions", "Recovery codes regenerated")},
    {"SESSION_REVOKED", "auth", QT_TRANSLATE_NOOP("AuditActions", "Session revoked")},
    {"SESSIONS_REVOKED", "auth", QT_TRANSLATE_NOOP("AuditActions", "All sessions revoked")},
    {"API_KEY_CREATED", "auth", QT_TRANSLATE_NOOP("AuditActions", "API key created")},
    {"API_KEY_REVOKED", "auth", QT_TRANSLATE_NOOP("AuditActions", "API key revoked")},
    {"USER_CREATED", "users", QT_TRANSLATE_NOOP("AuditActions", "User created")},
    {"USER_REGISTERED", "users", QT_TRANSLATE_NOOP("AuditActions", "User registered")},
    {"USER_UPDATED", "users", QT_TRANSLATE_NOOP("AuditActions", "User updated")},
    {"USER_DELETED", "users", QT_TRANSLATE_NOOP("AuditActions", "User deleted")},
    {"REAUTHENTICATED", "auth", QT_TRANSLATE_NOOP("AuditActions", "Identity confirmed again")},
    {"ROLE_CHANGED", "users", QT_TRANSLATE_NOOP("AuditActions", "Role changed")},
    {"PASSWORD_RESET", "users", QT_TRANSLATE_NOOP("AuditActions", "Password reset")},
    {"ACCOUNT_UNLOCKED", "users", QT_TRANSLATE_NOOP("AuditActions", "Account unlocked")},
    {"PASSWORD_RESET_REQUESTED", "users",
     QT_TRANSLATE_NOOP("AuditActions", "Password reset e-mail requested")},
    {"EMAIL_VERIFICATION_SENT", "users",
     QT_TRANSLATE_NOOP("AuditActions", "Verification e-mail sent")},
    {"EMAIL_VERIFIED", "users", QT_TRANSLATE_NOOP("AuditActions", "E-mail address verified")},
    {"LANGUAGE_CHANGED", "users", QT_TRANSLATE_NOOP("AuditActions", "E-mail language changed")},
    {"FLOW_CREATED", "flows", QT_TRANSLATE_NOOP("AuditActions", "Flow created")},
    {"FLOW_UPDATED", "flows", QT_TRANSLATE_NOOP("AuditActions", "Flow updated")},
    {"FLOW_VERSION_ADDED", "flows", QT_TRANSLATE_NOOP("AuditActions", "Flow version saved")},
    {"FLOW_PUBLISHED", "flows", QT_TRANSLATE_NOOP("AuditActions", "Flow published")},
    {"FLOW_DELETED", "flows", QT_TRANSLATE_NOOP("AuditActions", "Flow deleted")},
    {"FLOW_TRIGGERED", "flows", QT_TRANSLATE_NOOP("AuditActions", "Flow triggered")},
    {"FLOW_RETENTION_CHANGED", "flows",
     QT_TRANSLATE_NOOP("AuditActions", "Flow history retention changed")},
    {"FLOW_SHARE_CREATED", "flows", QT_TRANSLATE_NOOP("AuditActions", "Flow shared")},
    {"FLOW_SHARE_UPDATED", "flows", QT_TRANSLATE_NOOP("AuditActions", "Flow share changed")},
    {"FLOW_SHARE_DELETED", "flows", QT_TRANSLATE_NOOP("AuditActions", "Flow share removed")},
    {"WEBHOOK_CREATED", "flows", QT_TRANSLATE_NOOP("AuditActions", "Webhook created")},
    {"WEBHOOK_ROTATED", "flows", QT_TRANSLATE_NOOP("AuditActions", "Webhook token renewed")},
    {"WEBHOOK_DELETED", "flows", QT_TRANSLATE_NOOP("AuditActions", "Webhook removed")},
    {"CREDENTIAL_CREATED", "credentials", QT_TRANSLATE_NOOP("AuditActions", "Credential created")},
    {"CREDENTIAL_UPDATED", "credentials", QT_TRANSLATE_NOOP("AuditActions", "Credential updated")},
    {"CREDENTIAL_DELETED", "credentials", QT_TRANSLATE_NOOP("AuditActions", "Credential deleted")},
    {"CREDENTIAL_TESTED", "credentials", QT_TRANSLATE_NOOP("AuditActions", "Credential tested")},
    {"CREDENTIAL_KEY_ROTATED", "credentials",
     QT_TRANSLATE_NOOP("AuditActions", "Credential keys rotated")},
    {"SERVICE_CREATED", "services", QT_TRANSLATE_NOOP("AuditActions", "Service added")},
    {"SERVICE_UPDATED", "services", QT_TRANSLATE_NOOP("AuditActions", "Service updated")},
    {"SERVICE_DELETED", "services", QT_TRANSLATE_NOOP("AuditActions", "Service deleted")},
    {"SERVICE_TESTED", "services", QT_TRANSLATE_NOOP("AuditActions", "Service tested")},
    {"SERVICE_SCHEMA_REFRESHED", "services",
     QT_TRANSLATE_NOOP("AuditActions", "Service schema refreshed")},
    {"SERVICE_ENDPOINT_ADDED", "services",
     QT_TRANSLATE_NOOP("AuditActions", "Service endpoint added")},
    {"SERVICE_ENDPOINT_DELETED", "services",
     QT_TRANSLATE_NOOP("AuditActions", "Service endpoint deleted")},
    {"COMPONENT_REGISTERED", "components",
     QT_TRANSLATE_NOOP("AuditActions", "Component registered")},
    {"COMPONENT_UPDATED", "components", QT_TRANSLATE_NOOP("AuditActions", "Component updated")},
    {"COMPONENT_DEPRECATED", "components",
     QT_TRANSLATE_NOOP("AuditActions", "Component deprecated")},
    {"COMPONENT_UNDEPRECATED", "components",
     QT_TRANSLATE_NOOP("AuditActions", "Component active again")},
    {"COMPONENT_DELETED", "components", QT_TRANSLATE_NOOP("AuditActions", "Component deleted")},
    {"SETTINGS_CHANGED", "system", QT_TRANSLATE_NOOP("AuditActions", "Sign-in settings changed")},
    {"MAIL_SETTINGS_CHANGED", "system", QT_TRANSLATE_NOOP("AuditActions", "Mail settings changed")},
    {"MAIL_TEST_SENT", "system", QT_TRANSLATE_NOOP("AuditActions", "Test e-mail sent")},
    {"SYSTEM_CONFIG_CHANGED", "system",
     QT_TRANSLATE_NOOP("AuditActions", "System configuration changed")},
    {"HISTORY_RETENTION_RUN", "system",
     QT_TRANSLATE_NOOP("AuditActions", "History retention applied")},
    {"BACKUP_CREATED", "system", QT_TRANSLATE_NOOP("AuditActions", "Backup created")},
    {"BACKUP_DELETED", "system", QT_TRANSLATE_NOOP("AuditActions", "Backup deleted")},
    {"BACKUP_DOWNLOADED", "system", QT_TRANSLATE_NOOP("AuditActions", "Backup downloaded")},
    {"BACKUP_UPLOADED", "system", QT_TRANSLATE_NOOP("AuditActions", "Backup uploaded")},
    {"BACKUP_RESTORE_SCHEDULED", "system",
     QT_TRANSLATE_NOOP("AuditActions", "Backup restore scheduled")},
    {"BACKUP_RESTORED", "system", QT_TRANSLATE_NOOP("AuditActions", "Backup restored")},
    {"NODE_CREATED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Node created")},
    {"NODE_UPDATED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Node updated")},
    {"NODE_DELETED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Node deleted")},
    {"NODE_ENROLLED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Agent enrolled")},
    {"NODE_ENROLMENT_RENEWED", "fleet",
     QT_TRANSLATE_NOOP("AuditActions", "New enrolment secret issued")},
    {"NODE_AGENT_SETTINGS_CHANGED", "fleet",
     QT_TRANSLATE_NOOP("AuditActions", "Agent settings changed")},
    {"NODE_PUBLIC_STATUS_CHANGED", "fleet",
     QT_TRANSLATE_NOOP("AuditActions", "Public status page changed")},
    {"NODE_FILE_DOWNLOADED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Node file read")},
    {"NODE_FILE_WRITTEN", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Node file saved")},
    {"NODE_FILE_UPLOADED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Node file uploaded")},
    {"NODE_FILE_UPLOAD_STARTED", "fleet",
     QT_TRANSLATE_NOOP("AuditActions", "Node file upload started")},
    {"NODE_FILE_UPLOAD_ABORTED", "fleet",
     QT_TRANSLATE_NOOP("AuditActions", "Node file upload aborted")},
    {"NODE_DIRECTORY_CREATED", "fleet",
     QT_TRANSLATE_NOOP("AuditActions", "Node directory created")},
    {"NODE_FILE_RENAMED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Node file renamed")},
    {"NODE_FILE_DELETED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Node file deleted")},
    {"NODE_PROCESS_KILLED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Node process signalled")},
    {"NODE_TASK_RUN", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Node task run")},
    {"NODE_CONTAINER_STARTED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Container started")},
    {"NODE_CONTAINER_STOPPED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Container stopped")},
    {"NODE_CONTAINER_RESTARTED", "fleet",
     QT_TRANSLATE_NOOP("AuditActions", "Container restarted")},
    {"NODE_CONTAINER_REMOVED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Container removed")},
    {"NODE_CONTAINER_LOGS_FOLLOWED", "fleet",
     QT_TRANSLATE_NOOP("AuditActions", "Container log followed")},
    {"NODE_CONTAINER_LOGS_CLOSED", "fleet",
     QT_TRANSLATE_NOOP("AuditActions", "Container log follow ended")},
    {"NODE_COMPOSE_UP", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Compose project started")},
    {"NODE_COMPOSE_DOWN", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Compose project stopped")},
    {"NODE_NGINX_STARTED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Nginx started")},
    {"NODE_NGINX_STOPPED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Nginx stopped")},
    {"NODE_NGINX_RESTARTED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Nginx restarted")},
    {"NODE_NGINX_RELOADED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Nginx reloaded")},
    {"NODE_NGINX_CONFIG_UPDATED", "fleet",
     QT_TRANSLATE_NOOP("AuditActions", "Nginx configuration saved")},
    {"NODE_NGINX_SITE_CREATED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Nginx site created")},
    {"NODE_NGINX_SITE_UPDATED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Nginx site saved")},
    {"NODE_NGINX_SITE_DELETED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Nginx site deleted")},
    {"NODE_NGINX_SITE_ENABLED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Nginx site enabled")},
    {"NODE_NGINX_SITE_DISABLED", "fleet",
     QT_TRANSLATE_NOOP("AuditActions", "Nginx site disabled")},
    {"NODE_NGINX_CERTIFICATE_CREATED", "fleet",
     QT_TRANSLATE_NOOP("AuditActions", "Self-signed certificate created")},
    {"NODE_AGENT_RESTARTED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Node agent restarted")},
    {"NODE_REBOOTED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Node rebooted")},
    {"NODE_AGENT_UPGRADED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Node agent upgraded")},
    {"NODE_AGENT_UPGRADE_FAILED", "fleet",
     QT_TRANSLATE_NOOP("AuditActions", "Node agent upgrade failed")},
    {"AGENT_RELEASE_UPLOADED", "fleet",
     QT_TRANSLATE_NOOP("AuditActions", "Agent release uploaded")},
    {"AGENT_RELEASE_REGISTERED", "fleet",
     QT_TRANSLATE_NOOP("AuditActions", "Built-in agent release registered")},
    {"NODE_TERMINAL_OPENED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Node terminal opened")},
    {"NODE_TERMINAL_CLOSED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Node terminal closed")},
    {"NODE_GRANT_CREATED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Node grant added")},
    {"NODE_GRANT_DELETED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Node grant removed")},
    {"PROBE_CREATED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Probe created")},
    {"PROBE_UPDATED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Probe changed")},
    {"PROBE_DELETED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Probe deleted")},
    {"ALERT_RULE_CREATED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Alert rule created")},
    {"ALERT_RULE_UPDATED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Alert rule changed")},
    {"ALERT_RULE_DELETED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Alert rule deleted")},
    {"ALERT_RESOLVED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Alert resolved by hand")},
    {"ALERT_CHANNEL_CREATED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Alert channel created")},
    {"ALERT_CHANNEL_UPDATED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Alert channel changed")},
    {"ALERT_CHANNEL_DELETED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Alert channel deleted")},
    {"ALERT_CHANNEL_TESTED", "fleet", QT_TRANSLATE_NOOP("AuditActions", "Alert channel tested")},
    {"ALERT_MAINTENANCE_CREATED", "fleet",
     QT_TRANSLATE_NOOP("AuditActions", "Maintenance window created")},
    {"ALERT_MAINTENANCE_DELETED", "fleet",
     QT_TRANSLATE_NOOP("AuditActions", "Maintenance window ended")},
    {"WIREGUARD_SERVER_CREATED", "vpn",
     QT_TRANSLATE_NOOP("AuditActions", "WireGuard server created")},
    {"WIREGUARD_SERVER_UPDATED", "vpn",
     QT_TRANSLATE_NOOP("AuditActions", "WireGuard server changed")},
    {"WIREGUARD_SERVER_DELETED", "vpn",
     QT_TRANSLATE_NOOP("AuditActions", "WireGuard server deleted")},
    {"WIREGUARD_SERVER_IMPORTED", "vpn",
     QT_TRANSLATE_NOOP("AuditActions", "WireGuard server imported")},
    {"WIREGUARD_SERVER_STARTED", "vpn",
     QT_TRANSLATE_NOOP("AuditActions", "WireGuard server started")},
    {"WIREGUARD_SERVER_START_FAILED", "vpn",
     QT_TRANSLATE_NOOP("AuditActions", "WireGuard server failed to start")},
    {"WIREGUARD_SERVER_STOPPED", "vpn",
     QT_TRANSLATE_NOOP("AuditActions", "WireGuard server stopped")},
    {"WIREGUARD_CLIENT_CREATED", "vpn",
     QT_TRANSLATE_NOOP("AuditActions", "WireGuard client created")},
    {"WIREGUARD_CLIENT_UPDATED", "vpn",
     QT_TRANSLATE_NOOP("AuditActions", "WireGuard client changed")},
    {"WIREGUARD_CLIENT_DELETED", "vpn",
     QT_TRANSLATE_NOOP("AuditActions", "WireGuard client deleted")},
    {"WIREGUARD_CLIENT_CONFIG_DOWNLOADED", "vpn",
     QT_TRANSLATE_NOOP("AuditActions", "WireGuard client config downloaded")},
    {"WIREGUARD_CLIENT_SHARE_CREATED", "vpn",
     QT_TRANSLATE_NOOP("AuditActions", "WireGuard client share link created")},
    {"WIREGUARD_CLIENT_SHARE_USED", "vpn",
     QT_TRANSLATE_NOOP("AuditActions", "WireGuard client share link opened")},
    {"WIREGUARD_CLIENT_SHARE_REVOKED", "vpn",
     QT_TRANSLATE_NOOP("AuditActions", "WireGuard client share links revoked")},
    {"WIREGUARD_CHANGE_CONFIRMED", "vpn",
     QT_TRANSLATE_NOOP("AuditActions", "WireGuard change confirmed")},
    {"WIREGUARD_CHANGE_ROLLED_BACK", "vpn",
     QT_TRANSLATE_NOOP("AuditActions", "WireGuard change rolled back (not confirmed in time)")},
    {"IPV6_POOL_CREATED", "vpn", QT_TRANSLATE_NOOP("AuditActions", "IPv6 pool created")},
    {"IPV6_POOL_UPDATED", "vpn", QT_TRANSLATE_NOOP("AuditActions", "IPv6 pool changed")},
    {"IPV6_POOL_DELETED", "vpn", QT_TRANSLATE_NOOP("AuditActions", "IPv6 pool deleted")},
    {"IPV6_PREFIX_ALLOCATED", "vpn", QT_TRANSLATE_NOOP("AuditActions", "IPv6 prefix delegated")},
    {"IPV6_PREFIX_RELEASED", "vpn", QT_TRANSLATE_NOOP("AuditActions", "IPv6 prefix released")},
    {"IPV6_PREFIX_EXPIRED", "vpn",
     QT_TRANSLATE_NOOP("AuditActions", "IPv6 prefix expired and released")},
    {"BGP_SESSION_CREATED", "vpn", QT_TRANSLATE_NOOP("AuditActions", "BGP session created")},
    {"BGP_SESSION_UPDATED", "vpn", QT_TRANSLATE_NOOP("AuditActions", "BGP session changed")},
    {"BGP_SESSION_DELETED", "vpn", QT_TRANSLATE_NOOP("AuditActions", "BGP session deleted")},
    {"BGP_PREFIX_ANNOUNCED", "vpn", QT_TRANSLATE_NOOP("AuditActions", "BGP prefix announced")},
    {"BGP_PREFIX_WITHDRAWN", "vpn", QT_TRANSLATE_NOOP("AuditActions", "BGP prefix withdrawn")},
    {"BGP_SESSION_STARTED", "vpn", QT_TRANSLATE_NOOP("AuditActions", "BGP session started")},
    {"BGP_SESSION_STOPPED", "vpn", QT_TRANSLATE_NOOP("AuditActions", "BGP session stopped")},
};

struct Category
{
    const char *id;
    const char *name;
};

constexpr Category kCategories[] = {
    {"auth", QT_TRANSLATE_NOOP("AuditActions", "Sign-in and account security")},
    {"users", QT_TRANSLATE_NOOP("AuditActions", "User administration")},
    {"flows", QT_TRANSLATE_NOOP("AuditActions", "Flows")},
    {"credentials", QT_TRANSLATE_NOOP("AuditActions", "Credentials")},
    {"services", QT_TRANSLATE_NOOP("AuditActions", "Services")},
    {"components", QT_TRANSLATE_NOOP("AuditActions", "Components")},
    {"system", QT_TRANSLATE_NOOP("AuditActions", "System settings")},
    {"fleet", QT_TRANSLATE_NOOP("AuditActions", "Nodes")},
    {"vpn", QT_TRANSLATE_NOOP("AuditActions", "VPN")},
};

QString translated(const char *name)
{
    return QCoreApplication::translate("AuditActions", name);
}

const Action *find(const QString &code)
{
    for (const Action &action : kActions) {
        if (code == QLatin1String(action.code))
            return &action;
    }
    return nullptr;
}

} // namespace

QStringList auditCategories()
{
    QStringList ids;
    for (const Category &category : kCategories)
        ids << QLatin1String(category.id);
    return ids;
}

QString auditCategoryName(const QString &category)
{
    for (const Category &c : kCategories) {
        if (category == QLatin1String(c.id))
            return translated(c.name);
    }
    return QCoreApplication::translate("AuditActions", "Other");
}

QStringList auditActionCodes(const QString &category)
{
    QStringList codes;
    for (const Action &action : kActions) {
        if (category.isEmpty() || category == QLatin1String(action.category))
            codes << QLatin1String(action.code);
    }
    return codes;
}

QString auditActionName(const QString &code)
{
    const Action *action = find(code);
    return action ? translated(action->name) : code;
}

QString auditActionCategory(const QString &code)
{
    const Action *action = find(code);
    return action ? QLatin1String(action->category) : QString();
}

QStringList auditActionsNamed(const QString &text)
{
    QStringList codes;
    if (text.isEmpty())
        return codes;
    for (const Action &action : kActions) {
        if (translated(action.name).contains(text, Qt::CaseInsensitive))
            codes << QLatin1String(action.code);
    }
    return codes;
}

QString auditActionCodeOf(const QString &text)
{
    for (const Action &action : kActions) {
        if (text.compare(QLatin1String(action.code), Qt::CaseInsensitive) == 0 ||
            text.compare(translated(action.name), Qt::CaseInsensitive) == 0)
            return QLatin1String(action.code);
    }
    return {};
}

} // namespace hm::app
