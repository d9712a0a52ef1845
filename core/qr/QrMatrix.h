#pragma once

#include "common/Result.h"

#include <QByteArray>

namespace hm::qr {

// The modules of one QR code, row by row, without the quiet zone.
struct QrMatrix
{
    int width = 0;
    QByteArray modules; // width * width bytes, 1 = dark

    bool isNull() const { return width == 0; }
    bool dark(int x, int y) const { return modules.at(qsizetype(y) * width + x) != 0; }
};

// Encodes `bytes` (8-bit mode, the smallest version that holds them, error
// correction M, else L for what M cannot hold). VALIDATION_ERROR when they
// do not fit a QR code at all (about 2,950 bytes); the message never quotes
// the bytes, which may be a config holding a private key.
Result<QrMatrix> encode(const QByteArray &bytes);

} // namespace hm::qr
