#pragma once

#include <QImage>
#include <QString>

namespace hm::app {

// A QR code of `text` (UTF-8, core/qr: libqrencode, error correction M,
// 8-bit mode): black modules on white, `scale` pixels per module, a quiet
// zone of four modules. Only in memory: the image is never written
// anywhere. A null image when the text cannot be encoded. The two-factor
// enrolment and the VPN client configs draw theirs with it.
QImage renderQrCode(const QString &text, int scale = 6);

// The module matrix for `text` (true = dark), row by row, without the
// quiet zone; empty when it cannot be encoded.
QList<QList<bool>> qrModules(const QString &text);

} // namespace hm::app
