#include "admin/QrCode.h"

#include <QPainter>
#include <qrencode.h>

namespace hm::app {

QList<QList<bool>> qrModules(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QRcode *code = QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M);
    if (!code)
        return {};
    QList<QList<bool>> rows;
    rows.reserve(code->width);
    for (int y = 0; y < code->width; ++y) {
        QList<bool> row;
        row.reserve(code->width);
        for (int x = 0; x < code->width; ++x)
            row << bool(code->data[y * code->width + x] & 1);
        rows << row;
    }
    QRcode_free(code);
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
