#include "qr/QrMatrix.h"

#include <qrencode.h>

namespace hm::qr {

Result<QrMatrix> encode(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return Error{ErrorCode::ValidationError, QStringLiteral("Nothing to put in a QR code.")};
    // QRcode_encodeData takes the length, so NUL bytes are data like any
    // other (QRcode_encodeString8bit would stop at the first one).
    QRcode *code = QRcode_encodeData(int(bytes.size()),
                                     reinterpret_cast<const unsigned char *>(bytes.constData()), 0,
                                     QR_ECLEVEL_M);
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
