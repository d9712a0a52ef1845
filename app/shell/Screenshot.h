#pragma once

#include <QString>

class QWidget;

namespace hm::app {

class ServerConnection;

// For docs/screenshots: once the server has answered (or failed), waits a
// moment for the layout to settle, saves `window` to `file` and quits the
// application (exit code 0, or 1 when saving failed or nothing answered in
// `timeoutMs`).
void takeScreenshotWhenReady(QWidget *window, ServerConnection *connection, const QString &file,
                             int timeoutMs = 30000);

} // namespace hm::app
