#include "widgets/ClipboardGuard.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QTimer>

namespace hm::app {
namespace {

int g_clearDelayMs = 30 * 1000;

QByteArray fingerprint(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace

void ClipboardGuard::copySecret(const QString &secret)
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!clipboard || secret.isEmpty())
        return;
    clipboard->setText(secret);
    // Only a hash of the secret waits for the timer, not the secret itself.
    QTimer::singleShot(g_clearDelayMs, qApp, [hash = fingerprint(secret)] {
        QClipboard *clipboard = QGuiApplication::clipboard();
        if (clipboard && fingerprint(clipboard->text()) == hash)
            clipboard->clear();
    });
}

void ClipboardGuard::setClearDelayMs(int ms)
{
    g_clearDelayMs = ms;
}

int ClipboardGuard::clearDelayMs()
{
    return g_clearDelayMs;
}

} // namespace hm::app
