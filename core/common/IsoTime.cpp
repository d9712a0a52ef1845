#include "common/IsoTime.h"

#include <QDateTime>

namespace hm {
namespace {

constexpr qint64 kMsPerDay = 86'400'000;
// 0001-01-01T00:00:00.000Z and 10000-01-01T00:00:00.000Z.
constexpr qint64 kFirstMs = -62'135'596'800'000;
constexpr qint64 kEndMs = 253'402'300'800'000;

struct Civil
{
    qint64 year;
    int month;
    int day;
};

// Howard Hinnant's civil_from_days: days since 1970-01-01 to the proleptic
// Gregorian date (http://howardhinnant.github.io/date_algorithms.html).
constexpr Civil civilFromDays(qint64 z)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;                                      // [0, 146096]
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; // [0, 399]
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               // [0, 365]
    const qint64 mp = (5 * doy + 2) / 153;                                    // [0, 11]
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return Civil{yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

void two(char *out, int value)
{
    out[0] = static_cast<char>('0' + value / 10);
    out[1] = static_cast<char>('0' + value % 10);
}

} // namespace

bool writeIsoUtcMs(qint64 msSinceEpoch, char *out)
{
    if (msSinceEpoch < kFirstMs || msSinceEpoch >= kEndMs)
        return false;
    // Floor division, so instants before 1970 land on the right day.
    qint64 days = msSinceEpoch / kMsPerDay;
    qint64 msOfDay = msSinceEpoch % kMsPerDay;
    if (msOfDay < 0) {
        msOfDay += kMsPerDay;
        --days;
    }
    const Civil date = civilFromDays(days);
    const int year = static_cast<int>(date.year);
    const int secondOfDay = static_cast<int>(msOfDay / 1000);
    const int millis = static_cast<int>(msOfDay % 1000);
    two(out, year / 100);
    two(out + 2, year % 100);
    out[4] = '-';
    two(out + 5, date.month);
    out[7] = '-';
    two(out + 8, date.day);
    out[10] = 'T';
    two(out + 11, secondOfDay / 3600);
    out[13] = ':';
    two(out + 14, secondOfDay / 60 % 60);
    out[16] = ':';
    two(out + 17, secondOfDay % 60);
    out[19] = '.';
    out[20] = static_cast<char>('0' + millis / 100);
    two(out + 21, millis % 100);
    out[23] = 'Z';
    return true;
}

QString formatIsoUtcMs(qint64 msSinceEpoch)
{
    char text[kIsoUtcMsLength];
    if (!writeIsoUtcMs(msSinceEpoch, text))
        return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
    return QString::fromLatin1(text, kIsoUtcMsLength);
}

QString isoUtcNowMs()
{
    return formatIsoUtcMs(QDateTime::currentMSecsSinceEpoch());
}

} // namespace hm
