#include "fleet/NodeText.h"

#include "common/Error.h"
#include "widgets/AdminText.h"
#include "widgets/ByteSizeText.h"
#include "widgets/ThemeManager.h"

#include <QGuiApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPainter>
#include <QPen>
#include <QPixmap>

namespace hm::app {

QString NodeText::status(const QString &status)
{
    if (status == QLatin1String("online"))
        return tr("Online");
    if (status == QLatin1String("offline"))
        return tr("Offline");
    if (status == QLatin1String("pending"))
        return tr("Pending enrolment");
    return status;
}

QColor NodeText::statusColour(const QString &status)
{
    // The service list's green, red and neutral grey: one palette of dots.
    if (status == QLatin1String("online"))
        return QColor(0x2e, 0x9e, 0x5b);
    if (status == QLatin1String("offline"))
        return QColor(0xd0, 0x3b, 0x3b);
    // Alerts held back (a maintenance window in progress).
    if (status == QLatin1String("maintenance"))
        return QColor(0xd9, 0x8e, 0x04);
    return QColor(0x8a, 0x8f, 0x98);
}

QIcon NodeText::statusDot(const QString &status)
{
    // One icon per status for every row (no pixmap per cell); drawn at two
    // scales so it stays round on high-density screens.
    static QHash<QString, QIcon> dots;
    if (const auto it = dots.constFind(status); it != dots.constEnd())
        return *it;
    QIcon icon;
    for (const int size : {12, 24}) {
        // On a selected row (the accent's blue) a red or green dot nearly
        // vanishes, in the dark theme most: there it wears a ring in the
        // colour the theme writes on the accent.
        for (const QIcon::Mode mode : {QIcon::Normal, QIcon::Selected}) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(Qt::NoPen);
            painter.setBrush(statusColour(status));
            const qreal inset = size / 6.0;
            const QRectF dot(inset, inset, size - 2 * inset, size - 2 * inset);
            painter.drawEllipse(dot);
            if (mode == QIcon::Selected) {
                const qreal ring = size / 12.0;
                painter.setBrush(Qt::NoBrush);
                painter.setPen(
                    QPen(ThemeManager::tokenColour("onAccent", QGuiApplication::palette()), ring));
                painter.drawEllipse(dot.adjusted(-ring / 2, -ring / 2, ring / 2, ring / 2));
            }
            painter.end();
            icon.addPixmap(pixmap, mode);
        }
    }
    dots.insert(status, icon);
    return icon;
}

QString NodeText::capability(const QString &capability)
{
    if (capability == QLatin1String("metrics"))
        return tr("Metrics");
    if (capability == QLatin1String("probes"))
        return tr("Probes");
    // The tabs' names where a tab shows the capability.
    if (capability == QLatin1String("terminal"))
        return tr("Terminal");
    if (capability == QLatin1String("processes"))
        return tr("Processes");
    if (capability == QLatin1String("files"))
        return tr("Files");
    if (capability == QLatin1String("docker"))
        return tr("Docker");
    if (capability == QLatin1String("nginx"))
        return tr("Nginx");
    if (capability == QLatin1String("tasks"))
        return tr("Remote tasks");
    if (capability == QLatin1String("upgrade"))
        return tr("Agent upgrades");
    if (capability == QLatin1String("reboot"))
        return tr("Reboot");
    return capability;
}

QString NodeText::system(const QString &os, const QString &arch, const QString &systemInfo)
{
    QString text = os;
    if (!arch.isEmpty())
        text = text.isEmpty() ? arch : tr("%1 / %2").arg(os, arch);
    // The agent reports {"kernel", "uptime"} as JSON; the uptime is the one
    // at enrolment (stale at once), the kernel is what an operator reads.
    const QJsonDocument info = QJsonDocument::fromJson(systemInfo.toUtf8());
    QString kernel;
    if (info.isObject())
        kernel = info.object().value(QStringLiteral("kernel")).toString().trimmed();
    else
        kernel = systemInfo.trimmed();
    if (kernel.isEmpty())
        return text;
    return text.isEmpty() ? tr("Kernel %1").arg(kernel) : tr("%1, kernel %2").arg(text, kernel);
}

QString NodeText::percent(double value)
{
    return tr("%1 %").arg(QLocale().toString(qRound(value)));
}

QString NodeText::bytes(qint64 bytes)
{
    if (bytes <= 0)
        return {};
    return ByteSizeText::format(bytes);
}

QString NodeText::ago(const QDateTime &time, const QDateTime &now, const QString &never)
{
    if (!time.isValid())
        return never;
    const qint64 seconds = std::max<qint64>(0, time.secsTo(now));
    if (seconds < 60)
        return tr("%n s ago", "", int(seconds));
    if (seconds < 3600)
        return tr("%n min ago", "", int(seconds / 60));
    if (seconds < 86400)
        return tr("%n h ago", "", int(seconds / 3600));
    return tr("%n day(s) ago", "", int(seconds / 86400));
}

QStringList NodeText::splitLabels(const QString &text)
{
    QStringList labels;
    for (const QString &part : text.split(u','))
        if (const QString label = part.trimmed(); !label.isEmpty())
            labels << label;
    return labels;
}

QString NodeText::labelProblem(const QStringList &labels)
{
    if (labels.size() > kMaxLabels)
        return tr("At most %1 labels.").arg(kMaxLabels);
    const auto allowed = [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
               c == u'_' || c == u'.' || c == u':' || c == u'-';
    };
    for (const QString &label : labels) {
        if (label.size() > kMaxLabelLength || !std::all_of(label.begin(), label.end(), allowed))
            return tr("\"%1\": each label is 1 to %2 of the letters a-z and A-Z, digits, "
                      "\"_\", \".\", \":\" or \"-\".")
                .arg(label)
                .arg(kMaxLabelLength);
    }
    return {};
}

QString NodeText::refusalField(const hm::Error &error)
{
    return error.code == ErrorCode::ResourceAlreadyExists ? QStringLiteral("name")
                                                          : AdminText::errorField(error);
}

QString NodeText::refusalText(const hm::Error &error)
{
    // AdminText words a conflict as a taken username: a node's name here.
    return error.code == ErrorCode::ResourceAlreadyExists
               ? tr("A node with this name exists already (names ignore case).")
               : AdminText::error(error, QStringLiteral("admin"));
}

} // namespace hm::app
