#pragma once

#include <QString>

namespace hm::server {

// The port the console's local server listened on last, kept in
// DATA_DIR/local-port so the next start listens there again: what points at
// the local server (a service registered on it, a webhook URL, a
// component's callback) keeps working after a restart. When that port is
// taken the server listens on a free one and stores that instead.
//
// Its own file rather than DATA_DIR/server-url: server-url is removed when
// the server stops (it tells a console where a running server is), and a
// standalone hivemind-server on the same directory writes its --port there,
// which must not become the console's port.
namespace localServerPort {

QString filePath(const QString &dataDir);
// The stored port; 0 when there is none or the file does not hold one.
quint16 read(const QString &dataDir);
// Replaces the stored port (whole or not at all); false, with the reason
// in *error, when the file cannot be written.
bool write(const QString &dataDir, quint16 port, QString *error = nullptr);

} // namespace localServerPort
} // namespace hm::server
