#include "qr/QrMatrix.h"

#include <qrencode.h>

namespace hm::qr {

Result<QrMatrix> encode(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return Error{ErrorCode::ValidationError, QStringLiteral("Nothing to put in a QR code.")};
    // QRcode_encodeData takes the length, so NUL bytes are data like any
    // other (QRcode_encodeString8bit would stop at the first one).
    // Level M where it fits (15 % of the code may be damaged); a config
    // too large for M (about 2,330 bytes) still fits at level L (about
    // 2,950), which a phone on a screen reads just as well.
    QRcode *code = nullptr;
    for (const QRecLevel level : {QR_ECLEVEL_M, QR_ECLEVEL_L}) {
        code =
            QRcode_encodeData(int(bytes.size()),
                              reinterpret_cast<const unsigned char *>(bytes.constData()), 0, level);
        if (code)
            break;
    }
    if (!code)
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("%1 bytes do not fit in a QR code.").arg(bytes.size())};
    QrMatrix matrix;
    matrix.width = code->width;
    matrix.modules.resize(qsizetype(code->width) * code->width);
    for (qsizetype i = 0; i < matrix.modules.size(); ++i)
        matrix.modules[i] = char(code->data[i] & 1);
    QRcode_free(code);
    return matrix;
}

} // namespace hm::qr
