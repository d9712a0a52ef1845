#include "server/services/auth/ApiKeyPermissions.h"

#include "server/api/AuthCommon.h"

#include <QHash>
#include <QRegularExpression>

namespace hm::server::auth {
namespace {

// Rank of an action: a grant of a higher rank covers the lower ones.
int actionRank(QStringView action)
{
    if (action == u"view")
        return 0;
    if (action == u"execute")
        return 1;
    if (action == u"edit")
        return 2;
    return -1;
}

bool isExecuteRoute(const QString &method, const QStringList &segments)
{
    if (method != QLatin1String("POST") || segments.size() < 2)
        return false;
    const QString &last = segments.constLast();
    return last == QLatin1String("trigger") || last == QLatin1String("cancel") ||
           last == QLatin1String("kill") || last == QLatin1String("rerun");
}

// The area a path's first segment belongs to: itself, unless the same
// resources are served under another name (the seeds' paths outside
// /api/v1, and segments named in the singular).
QString areaOf(const QString &segment)
{
    static const QHash<QString, QString> renamed{
        {QStringLiteral("servers"), QStringLiteral("nodes")},   // seed 002 /api/servers
        {QStringLiteral("vpn"), QStringLiteral("wireguard")},   // seed 000 /api/vpn
        {QStringLiteral("backup"), QStringLiteral("backups")},  // /api/v1/backup
        {QStringLiteral("settings"), QStringLiteral("system")}, // seed 002 /api/settings
        {QStringLiteral("events"), QStringLiteral("system")},   // /ws/events
        {QStringLiteral("connect"), QStringLiteral("system")},  // /ws/connect, its alias
        {QStringLiteral("public-status"), QStringLiteral("system")},
        {QStringLiteral("cluster"), QStringLiteral("system")},      // seed 001: this server
        {QStringLiteral("monitoring"), QStringLiteral("metrics")}}; // seed 001's dashboard
    return renamed.value(segment, segment);
}

// Seed 001 keeps its alert rules under /monitoring/alerts: they are the
// alerts area's rules, whatever the first segment says.
QString areaOfPath(const QStringList &segments)
{
    if (segments.size() >= 2 && segments.at(0) == QLatin1String("monitoring") &&
        segments.at(1) == QLatin1String("alerts"))
        return QStringLiteral("alerts");
    return areaOf(segments.first());
}

} // namespace

const QStringList &permissionAreas()
{
    static const QStringList areas{
        // Served today.
        QStringLiteral("auth"), QStringLiteral("users"), QStringLiteral("system"),
        QStringLiteral("audit"), QStringLiteral("logs"), QStringLiteral("metrics"),
        QStringLiteral("flows"), QStringLiteral("executions"), QStringLiteral("components"),
        QStringLiteral("hooks"),
        // Announced by the seeds.
        QStringLiteral("nodes"), QStringLiteral("agents"), QStringLiteral("alerts"),
        QStringLiteral("notifications"), QStringLiteral("wireguard"), QStringLiteral("bgp"),
        QStringLiteral("ipv6"), QStringLiteral("credentials"), QStringLiteral("backups"),
        QStringLiteral("services"), QStringLiteral("docker"), QStringLiteral("nginx"),
        QStringLiteral("probes"), QStringLiteral("tasks")};
    return areas;
}

QString requiredPermission(const QString &method, const QString &path)
{
    // WebSockets only read: /ws/executions/{id} is executions.view and the
    // system event stream (/ws/events, /ws/connect) system.view.
    static const QString wsPrefix = QStringLiteral("/ws/");
    if (path.startsWith(wsPrefix))
        return areaOf(path.mid(wsPrefix.size()).section(u'/', 0, 0)) + QStringLiteral(".view");
    // /api/v1/<area>/…, and the seeds' own paths /api/<area>/… (the same
    // services under other names): a key limited to wireguard.view reads
    // /api/vpn/clients too, and one without it neither.
    static const QString v1 = QStringLiteral("/api/v1/");
    static const QString api = QStringLiteral("/api/");
    QString rest;
    if (path.startsWith(v1))
        rest = path.mid(v1.size());
    else if (path.startsWith(api))
        rest = path.mid(api.size());
    else
        return {};
    const QStringList segments = rest.split(u'/', Qt::SkipEmptyParts);
    if (segments.isEmpty())
        return {};
    QString action;
    if (method == QLatin1String("GET") || method == QLatin1String("HEAD"))
        action = QStringLiteral("view");
    else if (isExecuteRoute(method, segments))
        action = QStringLiteral("execute");
    else
        action = QStringLiteral("edit");
    return areaOfPath(segments) + u'.' + action;
}

bool permits(const QStringList &granted, const QString &required)
{
    if (granted.isEmpty() || required.isEmpty())
        return true;
    const qsizetype dot = required.indexOf(u'.');
    const QStringView area = QStringView(required).left(dot);
    const int needed = actionRank(QStringView(required).mid(dot + 1));
    for (const QString &grant : granted) {
        if (grant == u'*')
            return true;
        const qsizetype grantDot = grant.indexOf(u'.');
        if (grantDot < 0 || QStringView(grant).left(grantDot) != area)
            continue;
        const QStringView action = QStringView(grant).mid(grantDot + 1);
        if (action == u"*" || actionRank(action) >= needed)
            return true;
    }
    return false;
}

Status validatePermissions(const QStringList &permissions)
{
    static const QRegularExpression shape(
        QStringLiteral("^([a-z][a-z0-9-]*)\\.(view|execute|edit|\\*)$"));
    for (const QString &permission : permissions) {
        if (permission == u'*')
            continue;
        const auto match = shape.match(permission);
        if (!match.hasMatch())
            return fieldError(QStringLiteral("permissions"),
                              QStringLiteral("\"%1\" is not a permission; use <area>.view, "
                                             "<area>.execute, <area>.edit, <area>.* or *")
                                  .arg(permission));
        if (!permissionAreas().contains(match.captured(1)))
            return fieldError(
                QStringLiteral("permissions"),
                QStringLiteral("unknown area \"%1\"; known: %2")
                    .arg(match.captured(1), permissionAreas().join(QStringLiteral(", "))));
    }
    return {};
}

} // namespace hm::server::auth
