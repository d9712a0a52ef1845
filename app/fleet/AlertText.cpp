#include "fleet/AlertText.h"

#include "client/AlertTypes.h"
#include "fleet/NodeText.h"
#include "widgets/ByteSizeText.h"

#include <QLocale>

namespace hm::app {

QStringList AlertText::types()
{
    return {QStringLiteral("cpu"),   QStringLiteral("memory"),     QStringLiteral("disk"),
            QStringLiteral("load"),  QStringLiteral("network"),    QStringLiteral("offline"),
            QStringLiteral("probe"), QStringLiteral("certificate"),
            QStringLiteral("container_down"), QStringLiteral("container_unhealthy")};
}

QString AlertText::type(const QString &type)
{
    if (type == QLatin1String("cpu"))
        return tr("CPU usage");
    if (type == QLatin1String("memory"))
        return tr("Memory usage");
    if (type == QLatin1String("disk"))
        return tr("Disk usage");
    if (type == QLatin1String("load"))
        return tr("Load (1 min)");
    if (type == QLatin1String("network"))
        return tr("Network traffic");
    if (type == QLatin1String("offline"))
        return tr("Offline");
    if (type == QLatin1String("probe"))
        return tr("Probe down");
    if (type == QLatin1String("certificate"))
        return tr("Certificate expiry");
    if (type == QLatin1String("container_down"))
        return tr("Container down");
    if (type == QLatin1String("container_unhealthy"))
        return tr("Container unhealthy");
    return type;
}

bool AlertText::isContainer(const QString &type)
{
    return type == QLatin1String("container_down") || type == QLatin1String("container_unhealthy");
}

bool AlertText::isPercent(const QString &type)
{
    return type == QLatin1String("cpu") || type == QLatin1String("memory") ||
           type == QLatin1String("disk");
}

QString AlertText::value(const QString &type, double value)
{
    if (isPercent(type))
        return QLocale().toString(value, 'f', 1) + u'%';
    if (type == QLatin1String("network"))
        return tr("%1/s").arg(ByteSizeText::format(qint64(value)));
    if (type == QLatin1String("offline"))
        return duration(qint64(value));
    if (type == QLatin1String("probe"))
        return value >= 0.5 ? tr("up") : tr("down");
    if (type == QLatin1String("certificate"))
        return tr("%1 days").arg(QLocale().toString(value, 'f', 0));
    if (isContainer(type))
        return tr("%n container(s)", "", int(value));
    return QLocale().toString(value, 'f', 2);
}

QString AlertText::containers(const QStringList &names, int more)
{
    if (names.isEmpty())
        return {};
    // The language's list separator ("、" in Chinese), no "and" inside:
    // the list may end with "and N more".
    const QString list = names.join(tr(", "));
    return more > 0 ? tr("%1 and %2 more").arg(list, QLocale().toString(more)) : list;
}

QString AlertText::condition(const QString &type, double threshold)
{
    if (type == QLatin1String("offline"))
        return tr("offline");
    if (type == QLatin1String("probe"))
        return tr("down");
    if (type == QLatin1String("certificate"))
        return tr("under %1").arg(value(type, threshold));
    if (type == QLatin1String("container_down"))
        return tr("not running");
    if (type == QLatin1String("container_unhealthy"))
        return tr("unhealthy");
    return tr("over %1").arg(value(type, threshold));
}

QString AlertText::ruleCondition(const client::AlertRuleRow &rule, const QString &probeName)
{
    if (isContainer(rule.type) && !rule.container.isEmpty()) {
        const QString which =
            rule.container == QLatin1String("any") ? tr("any container") : rule.container;
        return rule.type == QLatin1String("container_down") ? tr("%1 not running").arg(which)
                                                            : tr("%1 unhealthy").arg(which);
    }
    const QString probe = probeName.isEmpty() ? rule.probeId : probeName;
    if (probe.isEmpty())
        return condition(rule.type, rule.threshold);
    if (rule.type == QLatin1String("probe"))
        return tr("%1 down").arg(probe);
    if (rule.type == QLatin1String("certificate"))
        return tr("%1: certificate under %2").arg(probe, value(rule.type, rule.threshold));
    return condition(rule.type, rule.threshold);
}

QString AlertText::renotify(qint64 seconds)
{
    constexpr qint64 kDay = 24 * 3600;
    if (seconds <= 0)
        return tr("Never");
    if (seconds % kDay == 0)
        return tr("Every %n day(s)", "", int(seconds / kDay));
    return tr("Every %1").arg(duration(seconds));
}

QString AlertText::duration(qint64 seconds)
{
    if (seconds <= 0)
        return tr("at once");
    const qint64 h = seconds / 3600;
    const qint64 min = seconds % 3600 / 60;
    const qint64 s = seconds % 60;
    QStringList parts;
    if (h > 0)
        parts << tr("%1 h").arg(h);
    if (min > 0)
        parts << tr("%1 min").arg(min);
    if (s > 0)
        parts << tr("%1 s").arg(s);
    return parts.join(u' ');
}

QString AlertText::scope(const client::AlertRuleRow &rule, const QString &nodeName)
{
    return scope(rule.nodeId, rule.label, nodeName);
}

QString AlertText::scope(const QString &nodeId, const QString &label, const QString &nodeName)
{
    if (!nodeId.isEmpty())
        return nodeName.isEmpty() ? tr("One node") : nodeName;
    if (!label.isEmpty())
        return tr("Label: %1").arg(label);
    return tr("All nodes");
}

QString AlertText::recordState(bool active)
{
    return active ? tr("Firing") : tr("Resolved");
}

QIcon AlertText::recordDot(bool active)
{
    return NodeText::statusDot(active ? QStringLiteral("offline") : QStringLiteral("online"));
}

QString AlertText::resolver(const client::AlertRecordRow &record)
{
    if (record.active)
        return {};
    if (record.resolvedBy.isEmpty())
        return tr("by itself");
    return record.resolvedByName.isEmpty() ? tr("a deleted user") : record.resolvedByName;
}

QString AlertText::ruleState(bool enabled)
{
    return enabled ? tr("Enabled") : tr("Disabled");
}

QIcon AlertText::ruleDot(bool enabled)
{
    return NodeText::statusDot(enabled ? QStringLiteral("online") : QStringLiteral("pending"));
}

} // namespace hm::app
