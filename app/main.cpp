#include "common/Logging.h"
#include "connection/ServerConnection.h"
#include "hivemind/Version.h"
#include "shell/CommandLine.h"
#include "shell/LanguageManager.h"
#include "shell/MainWindow.h"
#include "shell/Screenshot.h"
#include "widgets/ThemeManager.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QIcon>
#include <QTimer>
#include <QWidget>
#include <cstdio>
#include <ctime>

namespace {

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("HiveMind"));
    QCoreApplication::setOrganizationName(QStringLiteral("HiveMind"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(hm::version::kVersion));
    // Wayland compositors match the window to the installed .desktop file
    // (and its icon) by this name (installer/desktop, docs/packaging.md).
    QGuiApplication::setDesktopFileName(QStringLiteral("org.hivemind.HiveMind"));
}

// --help and --version print and exit; they must work without a display.
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "-h" || argument == "--help" || argument == "--help-all" ||
            argument == "-v" || argument == "--version" || argument == "-?")
            return true;
    }
    return false;
}

// The language first, so that --help already speaks it.
void installLanguage(hm::app::LanguageManager &languages)
{
    QString language = hm::app::preparseLanguage(QCoreApplication::arguments());
    if (!hm::app::LanguageManager::isSupported(language))
        language = hm::app::LanguageManager::preferredLanguage();
    languages.setLanguage(language, hm::app::LanguageManager::Persist::No);
}

// HIVEMIND_REPORT_FIRST_PAINT=1 (tests/bench/console, BenchConsoleStart):
// once the main window's first paint has been delivered, prints one line
// "hivemind: first paint <ms> cpu <ms> ui <ms>" on stdout: the monotonic clock
// (QElapsedTimer::msecsSinceReference, CLOCK_MONOTONIC), so that the parent
// can subtract the moment it started the process, and the CPU time the
// process used so far (all threads, the local server's included) and the
// UI thread's alone.
class FirstPaintReporter final : public QObject
{
public:
    explicit FirstPaintReporter(QWidget *window) : QObject(window), m_window(window) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            auto *widget = qobject_cast<QWidget *>(watched);
            if (widget && widget->window() == m_window) {
                m_seen = true;
                // After this paint pass and its flush to the backing store.
                QTimer::singleShot(0, this, [this] {
                    QElapsedTimer now;
                    now.start();
                    auto cpuMs = [](clockid_t clock) {
                        timespec t{};
                        clock_gettime(clock, &t);
                        return static_cast<long long>(t.tv_sec * 1000 + t.tv_nsec / 1000000);
                    };
                    std::printf("hivemind: first paint %lld cpu %lld ui %lld\n",
                                static_cast<long long>(now.msecsSinceReference()),
                                cpuMs(CLOCK_PROCESS_CPUTIME_ID), cpuMs(CLOCK_THREAD_CPUTIME_ID));
                    std::fflush(stdout);
                    qApp->removeEventFilter(this);
                });
            }
        }
        return false;
    }

private:
    QWidget *m_window;
    bool m_seen = false;
};

} // namespace

int main(int argc, char *argv[])
{
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        hm::app::LanguageManager languages;
        installLanguage(languages);
        return hm::app::parseCommandLine(QCoreApplication::arguments()) ? 0 : 2;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setDesktopFileName(QStringLiteral("hivemind"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/hivemind.svg")));

    hm::app::LanguageManager languages;
    installLanguage(languages);

    const auto options = hm::app::parseCommandLine(QApplication::arguments());
    if (!options)
        return 2;

    // The saved theme (light, dark or the system's) before any window shows.
    hm::app::ThemeManager themes;
    themes.setMode(options->theme.isEmpty() ? hm::app::ThemeManager::savedMode()
                                            : hm::app::ThemeManager::modeFromName(options->theme),
                   hm::app::ThemeManager::Persist::No);

    hm::app::ServerConnection connection({options->dataDir, options->useKeychain});

    hm::app::MainWindow::Options windowOptions;
    windowOptions.persistSettings = options->screenshotFile.isEmpty();
    windowOptions.signInOnConnect = options->screenshotFile.isEmpty();
    windowOptions.themes = &themes;
    hm::app::MainWindow window(&languages, &connection, windowOptions);
    if (!options->section.isEmpty())
        window.selectSection(options->section);
    if (qEnvironmentVariableIntValue("HIVEMIND_REPORT_FIRST_PAINT") != 0)
        qApp->installEventFilter(new FirstPaintReporter(&window));
    window.show();

    if (!options->screenshotFile.isEmpty())
        hm::app::takeScreenshotWhenReady(&window, &connection, options->screenshotFile);

    // The remote server used last, or the local one.
    if (!window.restoreActiveProfile())
        connection.start();
    return QApplication::exec();
}
