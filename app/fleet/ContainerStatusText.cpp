#include "fleet/ContainerStatusText.h"

#include "fleet/NodeContainerModel.h"

#include <QRegularExpression>

namespace hm::app {

QString ContainerStatusText::duration(const QString &duration)
{
    const QString d = duration.trimmed();
    if (d.compare(QLatin1String("Less than a second"), Qt::CaseInsensitive) == 0)
        return tr("less than a second");
    if (d.compare(QLatin1String("About a minute"), Qt::CaseInsensitive) == 0)
        return tr("about a minute");
    if (d.compare(QLatin1String("About an hour"), Qt::CaseInsensitive) == 0)
        return tr("about an hour");
    static const QRegularExpression counted(
        QStringLiteral("^(\\d+) (second|minute|hour|day|week|month|year)s?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = counted.match(d);
    if (!m.hasMatch())
        return {};
    bool ok = false;
    const int n = m.captured(1).toInt(&ok);
    if (!ok)
        return {};
    const QString unit = m.captured(2).toLower();
    if (unit == u"second")
        return tr("%n second(s)", "", n);
    if (unit == u"minute")
        return tr("%n minute(s)", "", n);
    if (unit == u"hour")
        return tr("%n hour(s)", "", n);
    if (unit == u"day")
        return tr("%n day(s)", "", n);
    if (unit == u"week")
        return tr("%n week(s)", "", n);
    if (unit == u"month")
        return tr("%n month(s)", "", n);
    return tr("%n year(s)", "", n);
}

QString ContainerStatusText::status(const QString &status, const QString &state)
{
    const QString s = status.trimmed();
    if (s.isEmpty())
        return NodeContainerModel::stateText(state);
    // "Up 4 minutes", with " (healthy)", " (Paused)" … after it: the State
    // column says the health and the pause already.
    static const QRegularExpression up(QStringLiteral("^Up (.+?)(?: \\(([^)]*)\\))?$"));
    if (const QRegularExpressionMatch m = up.match(s); m.hasMatch()) {
        const QString since = duration(m.captured(1));
        if (!since.isEmpty())
            return tr("Up for %1").arg(since);
    }
    // "Exited (0) 3 hours ago", "Restarting (1) 5 seconds ago".
    static const QRegularExpression ended(
        QStringLiteral("^(Exited|Restarting) \\((-?\\d+)\\) (.+) ago$"));
    if (const QRegularExpressionMatch m = ended.match(s); m.hasMatch()) {
        const QString ago = duration(m.captured(3));
        if (!ago.isEmpty())
            return m.captured(1) == u"Exited"
                       ? tr("Exited with code %1, %2 ago").arg(m.captured(2), ago)
                       : tr("Restarting (exit code %1, %2 ago)").arg(m.captured(2), ago);
    }
    if (s == u"Created")
        return NodeContainerModel::stateText(QStringLiteral("created"));
    if (s == u"Dead")
        return NodeContainerModel::stateText(QStringLiteral("dead"));
    if (s == u"Paused")
        return NodeContainerModel::stateText(QStringLiteral("paused"));
    if (s == u"Stopping")
        return NodeContainerModel::stateText(QStringLiteral("stopping"));
    if (s == u"Removal In Progress")
        return NodeContainerModel::stateText(QStringLiteral("removing"));
    if (s == u"Exited" || s == u"Stopped")
        return tr("Exited");
    return s;
}

} // namespace hm::app
