#include "common/TimeOrderedUuid.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>
#include <array>

namespace hm {

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
    const quint32 randA = QRandomGenerator::global()->generate();
    const quint64 ms = quint64(msSinceEpoch) & 0xFFFFFFFFFFFFULL;
    for (int i = 0; i < 6; ++i)
        bytes[size_t(i)] = quint8(ms >> (8 * (5 - i)));
    bytes[6] = quint8(0x70 | ((randA >> 8) & 0x0F)); // version 7
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
