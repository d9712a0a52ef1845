#include "widgets/QrCode.h"

#include "qr/QrMatrix.h"

#include <QPainter>

namespace hm::app {

QList<QList<bool>> qrModules(const QString &text)
{
    const auto matrix = qr::encode(text.toUtf8());
    if (!matrix)
        return {};
    QList<QList<bool>> rows;
    rows.reserve(matrix->width);
    for (int y = 0; y < matrix->width; ++y) {
        QList<bool> row;
        row.reserve(matrix->width);
        for (int x = 0; x < matrix->width; ++x)
            row << matrix->dark(x, y);
        rows << row;
    }
    return rows;
}

QImage renderQrCode(const QString &text, int scale)
{
    const QList<QList<bool>> modules = qrModules(text);
    if (modules.isEmpty() || scale < 1)
        return {};
    constexpr int kQuiet = 4;
    const int side = (int(modules.size()) + 2 * kQuiet) * scale;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < modules.size(); ++y) {
        for (int x = 0; x < modules.size(); ++x) {
            if (modules[y][x])
                painter.fillRect((x + kQuiet) * scale, (y + kQuiet) * scale, scale, scale,
                                 Qt::black);
        }
    }
    return image;
}

} // namespace hm::app
