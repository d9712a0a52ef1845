// Linked into every console test (tests/app/CMakeLists.txt). With
// HIVEMIND_SCREENSHOT_DIR set, widgets draw as the console's main window
// has them drawn: ConsoleStyle (its line icons, its indicators) and, on
// each window shown without a sheet of its own, the theme's style sheet,
// whichever theme the palette shows. Many tests grab a
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
#include <QWidget>

namespace {

// The property a window dressed here carries, so that a theme switch
// re-dresses it.
constexpr char kDressed[] = "hivemindScreenshotLook";

class ScreenshotLook final : public QObject
{
public:
    explicit ScreenshotLook(QObject *parent) : QObject(parent)
    {
        QCoreApplication::instance()->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show) {
            auto *widget = qobject_cast<QWidget *>(watched);
            // A window as the main window dresses itself: its own sheet.
            // Left alone: windows with a sheet of their own (a MainWindow)
            // and windows a test gave a palette of its own (a dark canvas).
            if (widget && widget->isWindow() && widget->styleSheet().isEmpty() &&
                !widget->testAttribute(Qt::WA_SetPalette)) {
                widget->setProperty(kDressed, true);
                widget->setStyleSheet(sheet());
            }
        } else if (watched == QCoreApplication::instance() &&
                   event->type() == QEvent::ApplicationPaletteChange) {
            // A test switching the theme (ThemeManager sets the palette).
            for (QWidget *window : QApplication::topLevelWidgets()) {
                if (window->property(kDressed).toBool())
                    window->setStyleSheet(sheet());
            }
        }
        return false;
    }

private:
    static QString sheet()
    {
        using hm::app::ThemeManager;
        return ThemeManager::styleSheet(ThemeManager::isDarkPalette(QGuiApplication::palette()));
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
