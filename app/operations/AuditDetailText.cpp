#include "operations/AuditDetailText.h"

#include "widgets/AdminText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QStringList>

namespace hm::app {
namespace {

struct DetailKey
{
    const char *key;
    const char *title; // translated in the "AuditDetailText" context
};

// The detail keys the server's audit calls write (server/services, the
// audit(...) calls and the remote actions' auditDetails).
constexpr DetailKey kKeys[] = {
    {"access_level", QT_TRANSLATE_NOOP("AuditDetailText", "Access level")},
    {"action", QT_TRANSLATE_NOOP("AuditDetailText", "Action")},
    {"agent_version", QT_TRANSLATE_NOOP("AuditDetailText", "Agent version")},
    {"applied_at", QT_TRANSLATE_NOOP("AuditDetailText", "Applied at")},
    {"arch", QT_TRANSLATE_NOOP("AuditDetailText", "Architecture")},
    {"argv", QT_TRANSLATE_NOOP("AuditDetailText", "Command")},
    {"attempts", QT_TRANSLATE_NOOP("AuditDetailText", "Attempts")},
    {"backend", QT_TRANSLATE_NOOP("AuditDetailText", "Backend")},
    {"by", QT_TRANSLATE_NOOP("AuditDetailText", "By")},
    {"bytes_in", QT_TRANSLATE_NOOP("AuditDetailText", "Bytes in")},
    {"bytes_out", QT_TRANSLATE_NOOP("AuditDetailText", "Bytes out")},
    {"changed", QT_TRANSLATE_NOOP("AuditDetailText", "Changed")},
    {"checksum", QT_TRANSLATE_NOOP("AuditDetailText", "Checksum")},
    {"client_id", QT_TRANSLATE_NOOP("AuditDetailText", "Client")},
    {"clients", QT_TRANSLATE_NOOP("AuditDetailText", "Clients")},
    {"command", QT_TRANSLATE_NOOP("AuditDetailText", "Command")},
    {"container", QT_TRANSLATE_NOOP("AuditDetailText", "Container")},
    {"days", QT_TRANSLATE_NOOP("AuditDetailText", "Days")},
    {"deadline", QT_TRANSLATE_NOOP("AuditDetailText", "Deadline")},
    {"deleted", QT_TRANSLATE_NOOP("AuditDetailText", "Deleted")},
    {"duration_s", QT_TRANSLATE_NOOP("AuditDetailText", "Duration (s)")},
    {"enable", QT_TRANSLATE_NOOP("AuditDetailText", "Enable")},
    {"enabled", QT_TRANSLATE_NOOP("AuditDetailText", "Enabled")},
    {"endpoint", QT_TRANSLATE_NOOP("AuditDetailText", "Endpoint")},
    {"endpoint_id", QT_TRANSLATE_NOOP("AuditDetailText", "Endpoint")},
    {"error", QT_TRANSLATE_NOOP("AuditDetailText", "Error")},
    {"exit_code", QT_TRANSLATE_NOOP("AuditDetailText", "Exit code")},
    {"expires_at", QT_TRANSLATE_NOOP("AuditDetailText", "Expires")},
    {"fields", QT_TRANSLATE_NOOP("AuditDetailText", "Fields")},
    {"fingerprint", QT_TRANSLATE_NOOP("AuditDetailText", "Fingerprint")},
    {"from", QT_TRANSLATE_NOOP("AuditDetailText", "From")},
    {"interface", QT_TRANSLATE_NOOP("AuditDetailText", "Interface")},
    {"invited_email", QT_TRANSLATE_NOOP("AuditDetailText", "Invited email")},
    {"key_revoked", QT_TRANSLATE_NOOP("AuditDetailText", "Key revoked")},
    {"keys", QT_TRANSLATE_NOOP("AuditDetailText", "Settings")},
    {"labels", QT_TRANSLATE_NOOP("AuditDetailText", "Labels")},
    {"language", QT_TRANSLATE_NOOP("AuditDetailText", "Language")},
    {"link_id", QT_TRANSLATE_NOOP("AuditDetailText", "Link")},
    {"locked_addresses", QT_TRANSLATE_NOOP("AuditDetailText", "Locked addresses")},
    {"locked_until", QT_TRANSLATE_NOOP("AuditDetailText", "Locked until")},
    {"name", QT_TRANSLATE_NOOP("AuditDetailText", "Name")},
    {"node_id", QT_TRANSLATE_NOOP("AuditDetailText", "Node")},
    {"nodes", QT_TRANSLATE_NOOP("AuditDetailText", "Nodes")},
    {"offset", QT_TRANSLATE_NOOP("AuditDetailText", "Offset")},
    {"os", QT_TRANSLATE_NOOP("AuditDetailText", "Operating system")},
    {"password_change_required", QT_TRANSLATE_NOOP("AuditDetailText", "Password change required")},
    {"permission", QT_TRANSLATE_NOOP("AuditDetailText", "Permission")},
    {"pid", QT_TRANSLATE_NOOP("AuditDetailText", "PID")},
    {"prefix", QT_TRANSLATE_NOOP("AuditDetailText", "Prefix")},
    {"previous_permission", QT_TRANSLATE_NOOP("AuditDetailText", "Previous permission")},
    {"previous_version", QT_TRANSLATE_NOOP("AuditDetailText", "Previous version")},
    {"problems", QT_TRANSLATE_NOOP("AuditDetailText", "Problems")},
    {"project", QT_TRANSLATE_NOOP("AuditDetailText", "Project")},
    {"reason", QT_TRANSLATE_NOOP("AuditDetailText", "Reason")},
    {"recovery_codes_remaining", QT_TRANSLATE_NOOP("AuditDetailText", "Recovery codes left")},
    {"release_id", QT_TRANSLATE_NOOP("AuditDetailText", "Release")},
    {"remember_me", QT_TRANSLATE_NOOP("AuditDetailText", "Remember me")},
    {"requested_at", QT_TRANSLATE_NOOP("AuditDetailText", "Requested at")},
    {"result", QT_TRANSLATE_NOOP("AuditDetailText", "Result")},
    {"revoked", QT_TRANSLATE_NOOP("AuditDetailText", "Revoked")},
    {"role", QT_TRANSLATE_NOOP("AuditDetailText", "Role")},
    {"root", QT_TRANSLATE_NOOP("AuditDetailText", "Files root")},
    {"rule", QT_TRANSLATE_NOOP("AuditDetailText", "Rule")},
    {"session_id", QT_TRANSLATE_NOOP("AuditDetailText", "Session")},
    {"sha256", QT_TRANSLATE_NOOP("AuditDetailText", "SHA-256")},
    {"share_id", QT_TRANSLATE_NOOP("AuditDetailText", "Share")},
    {"shell", QT_TRANSLATE_NOOP("AuditDetailText", "Shell")},
    {"show_addresses", QT_TRANSLATE_NOOP("AuditDetailText", "Show addresses")},
    {"signal", QT_TRANSLATE_NOOP("AuditDetailText", "Signal")},
    {"size", QT_TRANSLATE_NOOP("AuditDetailText", "Size (bytes)")},
    {"size_bytes", QT_TRANSLATE_NOOP("AuditDetailText", "Size (bytes)")},
    {"success", QT_TRANSLATE_NOOP("AuditDetailText", "Succeeded")},
    {"target", QT_TRANSLATE_NOOP("AuditDetailText", "Target")},
    {"to", QT_TRANSLATE_NOOP("AuditDetailText", "To")},
    {"trigger", QT_TRANSLATE_NOOP("AuditDetailText", "Trigger")},
    {"two_factor", QT_TRANSLATE_NOOP("AuditDetailText", "Two-factor authentication")},
    {"upload_id", QT_TRANSLATE_NOOP("AuditDetailText", "Upload")},
    {"user_id", QT_TRANSLATE_NOOP("AuditDetailText", "User")},
    {"username", QT_TRANSLATE_NOOP("AuditDetailText", "User name")},
    {"version", QT_TRANSLATE_NOOP("AuditDetailText", "Version")},
    {"visibility", QT_TRANSLATE_NOOP("AuditDetailText", "Visibility")},
    {"warnings", QT_TRANSLATE_NOOP("AuditDetailText", "Warnings")},
    {"working_dir", QT_TRANSLATE_NOOP("AuditDetailText", "Working directory")},
};

QString translatedTitle(const char *text)
{
    return QCoreApplication::translate("AuditDetailText", text);
}

bool isPlain(const QJsonValue &value)
{
    return value.isString() || value.isDouble() || value.isBool();
}

QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QCoreApplication::translate("AuditDetailText", "yes")
                              : QCoreApplication::translate("AuditDetailText", "no");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        // Pids, exit codes and byte counts are whole: no decimals and no
        // digit grouping (a pid is a name, and the row is searched by it).
        if (number == double(qint64(number)))
            return QString::number(qint64(number));
        return QLocale().toString(number, 'g', 15);
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        QStringList items;
        for (const QJsonValue &item : array) {
            if (!isPlain(item))
                return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
            items << valueText(item);
        }
        return items.isEmpty() ? QCoreApplication::translate("AuditDetailText", "none")
                               : items.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default:
        return QCoreApplication::translate("AuditDetailText", "none");
    }
}

} // namespace

QString auditDetailKeyTitle(const QString &key)
{
    for (const DetailKey &known : kKeys) {
        if (key == QLatin1String(known.key))
            return translatedTitle(known.title);
    }
    return key;
}

QString auditDetailsText(const QJsonObject &details)
{
    QStringList pairs;
    for (auto it = details.constBegin(); it != details.constEnd(); ++it) {
        // Codes the console has words for: a role, an API key's access.
        QString value = valueText(it.value());
        if (it.key() == QLatin1String("role") && it.value().isString())
            value = AdminText::role(value);
        else if (it.key() == QLatin1String("access_level") && it.value().isString())
            value = AdminText::accessLevel(value);
        pairs << QCoreApplication::translate("AuditDetailText", "%1: %2",
                                             "a detail's title and its value")
                     .arg(auditDetailKeyTitle(it.key()), value);
    }
    return pairs.join(QStringLiteral(" · "));
}

} // namespace hm::app
