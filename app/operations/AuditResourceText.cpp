#include "operations/AuditResourceText.h"

#include <QCoreApplication>
#include <QStringList>

namespace hm::app {
namespace {

struct ResourceType
{
    const char *code;
    const char *name; // translated in the "AuditResourceText" context
};

// The types the server writes (the resource_type of auth::audit calls in
// server/).
constexpr ResourceType kTypes[] = {
    {"user", QT_TRANSLATE_NOOP("AuditResourceText", "User")},
    {"session", QT_TRANSLATE_NOOP("AuditResourceText", "Session")},
    {"api_key", QT_TRANSLATE_NOOP("AuditResourceText", "API key")},
    {"settings", QT_TRANSLATE_NOOP("AuditResourceText", "Settings")},
    {"flow", QT_TRANSLATE_NOOP("AuditResourceText", "Flow")},
    {"component", QT_TRANSLATE_NOOP("AuditResourceText", "Component")},
    {"service", QT_TRANSLATE_NOOP("AuditResourceText", "Service")},
    {"credential", QT_TRANSLATE_NOOP("AuditResourceText", "Credential")},
    {"data_encryption_key", QT_TRANSLATE_NOOP("AuditResourceText", "Data encryption key")},
    {"node", QT_TRANSLATE_NOOP("AuditResourceText", "Node")},
    {"node_grant", QT_TRANSLATE_NOOP("AuditResourceText", "Node grant")},
    {"agent_release", QT_TRANSLATE_NOOP("AuditResourceText", "Agent release")},
    {"probe", QT_TRANSLATE_NOOP("AuditResourceText", "Probe")},
    {"alert_rule", QT_TRANSLATE_NOOP("AuditResourceText", "Alert rule")},
    {"alert_record", QT_TRANSLATE_NOOP("AuditResourceText", "Alert")},
    {"alert_channel", QT_TRANSLATE_NOOP("AuditResourceText", "Notification channel")},
    {"alert_maintenance", QT_TRANSLATE_NOOP("AuditResourceText", "Maintenance window")},
    {"wireguard_server", QT_TRANSLATE_NOOP("AuditResourceText", "WireGuard server")},
    {"wireguard_client", QT_TRANSLATE_NOOP("AuditResourceText", "WireGuard client")},
    {"ipv6_pool", QT_TRANSLATE_NOOP("AuditResourceText", "IPv6 pool")},
    {"ipv6_allocation", QT_TRANSLATE_NOOP("AuditResourceText", "IPv6 allocation")},
    {"bgp_session", QT_TRANSLATE_NOOP("AuditResourceText", "BGP session")},
    {"bgp_announcement", QT_TRANSLATE_NOOP("AuditResourceText", "BGP announcement")},
    {"backup", QT_TRANSLATE_NOOP("AuditResourceText", "Backup")},
};

// A UUID is told apart by its first eight characters in a list; any other
// id (a number, "system.config") is shown whole.
QString shortId(const QString &id)
{
    const bool uuid = id.size() == 36 && id.at(8) == u'-' && id.at(13) == u'-' &&
                      id.at(18) == u'-' && id.at(23) == u'-';
    return uuid ? id.left(8) + QChar(0x2026) : id;
}

} // namespace

QString auditResourceTypeName(const QString &type)
{
    for (const ResourceType &t : kTypes) {
        if (type == QLatin1String(t.code))
            return QCoreApplication::translate("AuditResourceText", t.name);
    }
    return type;
}

QStringList auditResourceTypes()
{
    QStringList codes;
    for (const ResourceType &t : kTypes)
        codes << QLatin1String(t.code);
    return codes;
}

QString auditResourceTypeOf(const QString &text)
{
    const QString trimmed = text.trimmed();
    for (const ResourceType &t : kTypes) {
        if (trimmed.compare(QCoreApplication::translate("AuditResourceText", t.name),
                            Qt::CaseInsensitive) == 0)
            return QLatin1String(t.code);
    }
    return trimmed;
}

QString auditResourceText(const QString &type, const QString &id, const QString &name,
                          const QJsonObject &details)
{
    const QString kind = auditResourceTypeName(type);
    // A resource since deleted: the name its entry recorded, if any.
    QString which = name;
    for (const char *key : {"name", "username"}) {
        if (which.isEmpty() && details.value(QLatin1String(key)).isString())
            which = details.value(QLatin1String(key)).toString();
    }
    if (which.isEmpty())
        which = shortId(id);
    if (which.isEmpty())
        return kind;
    if (kind.isEmpty())
        return which;
    return QCoreApplication::translate("AuditResourceText", "%1 %2",
                                       "a resource's kind and its name")
        .arg(kind, which);
}

} // namespace hm::app
