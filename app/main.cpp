#include "CommandLine.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "Screenshot.h"
#include "ServerConnection.h"
#include "ThemeManager.h"
#include "common/Logging.h"
#include "hivemind/Version.h"

#include <QApplication>
#include <QIcon>

namespace {

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("HiveMind"));
    QCoreApplication::setOrganizationName(QStringLiteral("HiveMind"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(hm::version::kVersion));
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
    window.show();

    if (!options->screenshotFile.isEmpty())
        hm::app::takeScreenshotWhenReady(&window, &connection, options->screenshotFile);

    // The remote server used last, or the local one.
    if (!window.restoreActiveProfile())
        connection.start();
    return QApplication::exec();
}
