#include "widgets/ByteSizeText.h"

#include <QLocale>

namespace hm::app {

QString ByteSizeText::format(qint64 bytes)
{
    if (bytes < 1000)
        return tr("%n byte(s)", "", int(bytes));
    // Up a unit from 1000 on: "0.99 MiB" rather than "1016 KiB" (four
    // digits read as a different magnitude at a glance).
    double value = double(bytes) / 1024.0;
    int unit = 0;
    while (value >= 1000.0 && unit < 3) {
        value /= 1024.0;
        ++unit;
    }
    const int decimals = value < 10.0 ? 2 : value < 100.0 ? 1 : 0;
    const QLocale locale;
    QString number = locale.toString(value, 'f', decimals);
    // "4 MiB", not "4.00 MiB": trailing zeros say nothing.
    if (decimals > 0) {
        const QString zero = locale.zeroDigit();
        while (number.endsWith(zero))
            number.chop(zero.size());
        if (number.endsWith(locale.decimalPoint()))
            number.chop(locale.decimalPoint().size());
    }
    switch (unit) {
    case 0:
        return tr("%1 KiB").arg(number);
    case 1:
        return tr("%1 MiB").arg(number);
    case 2:
        return tr("%1 GiB").arg(number);
    default:
        return tr("%1 TiB").arg(number);
    }
}

} // namespace hm::app
