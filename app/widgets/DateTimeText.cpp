#include "widgets/DateTimeText.h"

#include <QAbstractItemModel>

namespace hm::app {

QString dateTimeFormat(QLocale::FormatType format, TimeDetail detail)
{
    const QLocale locale;
    QString time = locale.timeFormat(format);
    if (time.contains(u'B')) {
        time.replace(QStringLiteral("Bhh"), QStringLiteral("HH"));
        time.replace(QStringLiteral("Bh"), QStringLiteral("H"));
        time.remove(u'B');
    }
    if (detail == TimeDetail::Seconds && !time.contains(QStringLiteral("ss"))) {
        const qsizetype minutes = time.indexOf(QStringLiteral("mm"));
        if (minutes >= 0)
            time.insert(minutes + 2, QStringLiteral(":ss"));
    }
    return locale.dateFormat(format) + u' ' + time.trimmed();
}

QString dateTimeText(const QDateTime &time, QLocale::FormatType format, TimeDetail detail,
                     const QString &invalid)
{
    if (!time.isValid())
        return invalid;
    return QLocale().toString(time.toLocalTime(), dateTimeFormat(format, detail));
}

QString dateText(const QDateTime &time, QLocale::FormatType format, const QString &invalid)
{
    if (!time.isValid())
        return invalid;
    return QLocale().toString(time.toLocalTime().date(), format);
}

void refreshTexts(QAbstractItemModel *model)
{
    if (!model)
        return;
    const int rows = model->rowCount();
    const int columns = model->columnCount();
    if (columns > 0)
        emit model->headerDataChanged(Qt::Horizontal, 0, columns - 1);
    if (rows > 0 && columns > 0)
        emit model->dataChanged(model->index(0, 0), model->index(rows - 1, columns - 1));
}

} // namespace hm::app
