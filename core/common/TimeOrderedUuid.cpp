#include "common/TimeOrderedUuid.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>
#include <array>
#include <mutex>

namespace hm {

namespace {

// rand_a (12 bits) as a counter within a millisecond (RFC 9562, 6.2
// method 1): ids this process makes for one millisecond sort in the order
// they were made (the audit trail lists entries of one millisecond in the
// order they happened). Each new millisecond starts the counter at a
// random value below 0x800, so it has room to count up; past 0xFFF, or for
// a time other than the newest one asked for, the bits are random.
quint32 sequenceWithin(quint64 ms)
{
    static std::mutex mutex;
    static quint64 lastMs = 0;
    static quint32 counter = 0;
    std::lock_guard lock(mutex);
    if (ms == lastMs && counter < 0xFFF)
        return ++counter;
    if (ms > lastMs) {
        lastMs = ms;
        counter = QRandomGenerator::global()->bounded(0x800u);
        return counter;
    }
    return QRandomGenerator::global()->generate() & 0xFFF;
}

} // namespace

QString timeOrderedUuid()
{
    return timeOrderedUuid(QDateTime::currentMSecsSinceEpoch());
}

QString timeOrderedUuid(qint64 msSinceEpoch)
{
    std::array<quint8, 16> bytes{};
    // Random bits from a securely seeded generator: ids must be unique,
    // not secret (access to an execution is checked, never implied by its id).
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data() + 8), 2);
    const quint64 ms = quint64(msSinceEpoch) & 0xFFFFFFFFFFFFULL;
    const quint32 randA = sequenceWithin(ms);
    for (int i = 0; i < 6; ++i)
        bytes[size_t(i)] = quint8(ms >> (8 * (5 - i)));
    bytes[6] = quint8(0x70 | ((randA >> 8) & 0x0F)); // version 7, then rand_a
    bytes[7] = quint8(randA);
    bytes[8] = quint8(0x80 | (bytes[8] & 0x3F)); // RFC 9562 variant (10xx)

    static constexpr char kHex[] = "0123456789abcdef";
    QString text(36, Qt::Uninitialized);
    QChar *out = text.data();
    int position = 0;
    for (size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[position++] = u'-';
        out[position++] = QLatin1Char(kHex[bytes[i] >> 4]);
        out[position++] = QLatin1Char(kHex[bytes[i] & 0x0F]);
    }
    return text;
}

std::optional<qint64> timeOfTimeOrderedUuid(const QString &id)
{
    const QUuid uuid = QUuid::fromString(id);
    // Qt 6.4's QUuid::version() predates version 7: read the nibble.
    if (id.size() != 36 || uuid.isNull() || (uuid.data3 >> 12) != 7 || uuid.variant() != QUuid::DCE)
        return std::nullopt;
    // The first 48 bits: data1 (32) then data2 (16).
    return qint64(quint64(uuid.data1) << 16 | uuid.data2);
}

} // namespace hm
