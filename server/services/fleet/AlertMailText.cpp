#include "server/services/fleet/AlertMailText.h"

#include "server/i18n/ServerCatalogue.h"
#include "server/services/fleet/ContainerAlertNames.h"

#include <QJsonArray>

#include <QStringList>
#include <QtGlobal>

namespace hm::server::fleet {

namespace {

QString mailText(i18n::Language language, const char *source)
{
    return i18n::translate(language, "AlertMail", source);
}

// The rule types by the names the console gives them (AlertText).
QString alertTypeName(i18n::Language language, const QString &type)
{
    static const QList<std::pair<QLatin1String, const char *>> names = {
        {QLatin1String("cpu"), QT_TRANSLATE_NOOP("AlertMail", "CPU usage")},
        {QLatin1String("memory"), QT_TRANSLATE_NOOP("AlertMail", "Memory usage")},
        {QLatin1String("disk"), QT_TRANSLATE_NOOP("AlertMail", "Disk usage")},
        {QLatin1String("network"), QT_TRANSLATE_NOOP("AlertMail", "Network traffic")},
        {QLatin1String("load"), QT_TRANSLATE_NOOP("AlertMail", "Load (1 min)")},
        {QLatin1String("offline"), QT_TRANSLATE_NOOP("AlertMail", "Offline")},
        {QLatin1String("probe"), QT_TRANSLATE_NOOP("AlertMail", "Probe down")},
        {QLatin1String("certificate"), QT_TRANSLATE_NOOP("AlertMail", "Certificate expiry")},
        {QLatin1String("container_down"), QT_TRANSLATE_NOOP("AlertMail", "Container down")},
        {QLatin1String("container_unhealthy"),
         QT_TRANSLATE_NOOP("AlertMail", "Container unhealthy")}};
    for (const auto &[id, name] : names) {
        if (type == id)
            return mailText(language, name);
    }
    return type;
}

} // namespace

std::optional<i18n::Language> mailLanguage(const QString &tag)
{
    for (const i18n::Language language :
         {i18n::Language::En, i18n::Language::ZhTw, i18n::Language::ZhCn}) {
        if (tag == i18n::languageTag(language))
            return language;
    }
    return std::nullopt;
}

AlertMailText alertMailText(i18n::Language language, const QString &event, const QJsonObject &alert,
                            const QString &deliveryId)
{
    const auto t = [language](const char *source) { return mailText(language, source); };
    const QString name = alert.value(QStringLiteral("name")).toString();
    const QString node = alert.value(QStringLiteral("node_name")).toString();
    const bool reminder = event == QLatin1String("reminder");
    const bool firing = reminder || event == QLatin1String("firing");
    AlertMailText mail;
    QStringList lines;
    if (reminder) {
        mail.subject = t(QT_TRANSLATE_NOOP("AlertMail", "[HiveMind] Still firing: %1 on %2"));
        lines << t(QT_TRANSLATE_NOOP("AlertMail", "The alert \"%1\" on %2 is still firing."));
    } else if (firing) {
        mail.subject = t(QT_TRANSLATE_NOOP("AlertMail", "[HiveMind] Alert: %1 on %2"));
        lines << t(QT_TRANSLATE_NOOP("AlertMail", "The alert \"%1\" fired on %2."));
    } else {
        mail.subject = t(QT_TRANSLATE_NOOP("AlertMail", "[HiveMind] Resolved: %1 on %2"));
        lines << t(QT_TRANSLATE_NOOP("AlertMail", "The alert \"%1\" on %2 is resolved."));
    }
    mail.subject = mail.subject.arg(name, node);
    lines.first() = lines.first().arg(name, node);
    lines << QString();
    lines << t(QT_TRANSLATE_NOOP("AlertMail", "Type: %1"))
                 .arg(alertTypeName(language, alert.value(QStringLiteral("type")).toString()));
    lines << t(QT_TRANSLATE_NOOP("AlertMail", "Value: %1"))
                 .arg(alert.value(QStringLiteral("current_value")).toDouble());
    // A container alert names its containers (the first ones, and how many
    // more), in the mail's language.
    QStringList containers;
    for (const QJsonValue &c : alert.value(QStringLiteral("containers")).toArray())
        containers << c.toString();
    if (!containers.isEmpty())
        lines << t(QT_TRANSLATE_NOOP("AlertMail", "Containers: %1"))
                     .arg(containerListText(
                         containers, alert.value(QStringLiteral("containers_more")).toInt(),
                         t(QT_TRANSLATE_NOOP("AlertMail", ", ")),
                         t(QT_TRANSLATE_NOOP("AlertMail", "%1 and %2 more"))));
    lines << t(QT_TRANSLATE_NOOP("AlertMail", "Threshold: %1"))
                 .arg(alert.value(QStringLiteral("threshold")).toDouble());
    lines << t(QT_TRANSLATE_NOOP("AlertMail", "Fired at: %1"))
                 .arg(alert.value(QStringLiteral("created_at")).toString());
    if (!firing)
        lines << t(QT_TRANSLATE_NOOP("AlertMail", "Resolved at: %1"))
                     .arg(alert.value(QStringLiteral("resolved_at")).toString());
    lines << QString();
    lines << t(QT_TRANSLATE_NOOP("AlertMail", "Alert %1, delivery %2."))
                 .arg(alert.value(QStringLiteral("id")).toString(), deliveryId);
    mail.text = lines.join(u'\n') + u'\n';
    return mail;
}

AlertMailText testMailText(i18n::Language language, const QString &channelName,
                           const QString &deliveryId)
{
    const auto t = [language](const char *source) { return mailText(language, source); };
    AlertMailText mail;
    mail.subject = t(QT_TRANSLATE_NOOP("AlertMail", "[HiveMind] Test of the alert channel \"%1\""))
                       .arg(channelName);
    mail.text = t(QT_TRANSLATE_NOOP("AlertMail",
                                    "This is a test message of the HiveMind alert channel \"%1\". "
                                    "Alerts that fire and resolve will be sent to this address."))
                    .arg(channelName) +
                QStringLiteral("\n\n") +
                t(QT_TRANSLATE_NOOP("AlertMail", "Delivery: %1")).arg(deliveryId) + u'\n';
    return mail;
}

} // namespace hm::server::fleet
