#include "executions/ExecutionFormat.h"

#include "widgets/DateTimeText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace hm::app {

QString formatDuration(qint64 ms)
{
    const QLocale locale;
    if (ms < 0)
        return {};
    if (ms < 1000)
        return QCoreApplication::translate("hm::app::ExecutionFormat", "%1 ms")
            .arg(locale.toString(ms));
    if (ms < 60 * 1000)
        return QCoreApplication::translate("hm::app::ExecutionFormat", "%1 s")
            .arg(locale.toString(double(ms) / 1000.0, 'f', ms < 10000 ? 1 : 0));
    const qint64 seconds = ms / 1000;
    if (seconds < 3600)
        return QCoreApplication::translate("hm::app::ExecutionFormat", "%1 min %2 s")
            .arg(locale.toString(seconds / 60), locale.toString(seconds % 60));
    return QCoreApplication::translate("hm::app::ExecutionFormat", "%1 h %2 min")
        .arg(locale.toString(seconds / 3600), locale.toString((seconds % 3600) / 60));
}

QString formatClock(qint64 msSinceEpoch, bool withMs)
{
    if (msSinceEpoch <= 0)
        return {};
    const QTime time = QDateTime::fromMSecsSinceEpoch(msSinceEpoch).time();
    return time.toString(withMs ? QStringLiteral("HH:mm:ss.zzz") : QStringLiteral("HH:mm:ss"));
}

QString formatDateTime(qint64 msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return {};
    return dateTimeTextWithSeconds(QDateTime::fromMSecsSinceEpoch(msSinceEpoch));
}

} // namespace hm::app
