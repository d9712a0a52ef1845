#include "shell/Screenshot.h"

#include "common/Logging.h"
#include "connection/ServerConnection.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace hm::app {

namespace {

constexpr int kSettleMs = 400;

void saveAndQuit(QWidget *window, const QString &file, bool answered)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    const QPixmap picture = window->grab();
    const bool saved = picture.save(file, "PNG");
    if (saved)
        qCInfo(lcApp) << "screenshot saved to" << file << picture.size();
    else
        qCWarning(lcApp) << "cannot save the screenshot to" << file;
    if (!answered)
        qCWarning(lcApp) << "the server did not answer before the screenshot timeout";
    QCoreApplication::exit(saved && answered ? 0 : 1);
}

} // namespace

void takeScreenshotWhenReady(QWidget *window, ServerConnection *connection, const QString &file,
                             int timeoutMs)
{
    const QPointer<QWidget> target(window);
    auto *timeout = new QTimer(window);
    timeout->setSingleShot(true);
    QObject::connect(timeout, &QTimer::timeout, window,
                     [target, file] { saveAndQuit(target, file, false); });
    timeout->start(timeoutMs);

    QObject::connect(connection, &ServerConnection::ready, window, [target, file, timeout] {
        timeout->stop();
        QTimer::singleShot(kSettleMs, target, [target, file] {
            if (target)
                saveAndQuit(target, file, true);
        });
    });
}

} // namespace hm::app
