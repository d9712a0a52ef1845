#pragma once

#include "qr/QrMatrix.h"

#include <QString>

namespace hm::qr {

// A 1-bit greyscale PNG of `matrix`: black modules on white, `scale`
// pixels per module and a quiet zone of `quiet` modules around it (4 is
// what the standard asks for). Empty for a null matrix or a scale outside
// 1..64. Written here rather than through QImage so that the server needs
// no QtGui.
QByteArray png(const QrMatrix &matrix, int scale = 6, int quiet = 4);

// "data:image/png;base64,…" of png(encode(bytes)) — seed 001's `qr_code`.
Result<QString> pngDataUrl(const QByteArray &bytes, int scale = 6);

} // namespace hm::qr
