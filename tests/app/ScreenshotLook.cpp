// Linked into every console test (tests/app/CMakeLists.txt). With
// HIVEMIND_SCREENSHOT_DIR set, widgets draw as the console's main window
// has them drawn: ConsoleStyle (its line icons, its indicators) and the
// theme's style sheet, whichever theme the palette shows. Many tests grab a
// page or a dialog on its own, outside a MainWindow, and those shots came
// out in plain Fusion, with its raster icons and unstyled buttons, which is
// not what anyone running the console sees. Without the variable nothing
// changes: the tests check what they check in the widgets' own look.

#include "widgets/ConsoleStyle.h"
#include "widgets/ThemeManager.h"

#include <QApplication>
#include <QCoreApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QObject>

namespace {

class ScreenshotLook final : public QObject
{
public:
    explicit ScreenshotLook(QObject *parent) : QObject(parent)
    {
        QCoreApplication::instance()->installEventFilter(this);
        follow();
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // A test switching the theme (ThemeManager sets the palette).
        if (watched == QCoreApplication::instance() &&
            event->type() == QEvent::ApplicationPaletteChange)
            follow();
        return false;
    }

private:
    static void follow()
    {
        using hm::app::ThemeManager;
        const QString sheet =
            ThemeManager::styleSheet(ThemeManager::isDarkPalette(QGuiApplication::palette()));
        if (qApp->styleSheet() != sheet)
            qApp->setStyleSheet(sheet);
    }
};

void slkDressForScreenshots()
{
    if (qEnvironmentVariableIsEmpty("HIVEMIND_SCREENSHOT_DIR"))
        return;
    // Queued: this runs inside QApplication's constructor, before its
    // style exists; the first event loop (the test's initTestCase) runs it.
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [] {
            auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
            if (!app)
                return;
            if (!qobject_cast<hm::app::ConsoleStyle *>(QApplication::style()))
                QApplication::setStyle(new hm::app::ConsoleStyle);
            new ScreenshotLook(app);
        },
        Qt::QueuedConnection);
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(slkDressForScreenshots)
