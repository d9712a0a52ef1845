#include "shell/CommandLine.h"

#include "server/runtime/DataDirectory.h"
#include "shell/LanguageManager.h"
#include "shell/Sections.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <cstdio>

namespace hm::app {

namespace {

void printError(const QString &message)
{
    std::fputs(qPrintable(message + QLatin1Char('\n')), stderr);
}

} // namespace

QString absoluteDataDir(const QString &path)
{
    if (path.isEmpty())
        return {};
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QString preparseLanguage(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if ((argument == QLatin1String("--lang") || argument == QLatin1String("-lang")) &&
            i + 1 < arguments.size()) {
            return arguments.at(i + 1);
        }
        if (argument.startsWith(QLatin1String("--lang=")))
            return argument.mid(7);
    }
    return {};
}

std::optional<AppOptions> parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "HiveMind console: design, run and watch workflows and your fleet."));
    parser.addHelpOption();
    parser.addVersionOption();

    QStringList languageCodes;
    for (const auto &language : LanguageManager::languages())
        languageCodes << language.code;
    QStringList sectionIds;
    for (const auto &section : sections())
        sectionIds << section.id;

    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("CommandLine", "User interface language: %1.")
            .arg(languageCodes.join(QStringLiteral(", "))),
        QCoreApplication::translate("CommandLine", "language"));
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("CommandLine",
                                    "Directory of the local server's data (default: %1).")
            .arg(server::defaultDataDir()),
        QCoreApplication::translate("CommandLine", "directory"));
    const QCommandLineOption noKeychainOption(
        QStringLiteral("no-keychain"),
        QCoreApplication::translate(
            "CommandLine", "Do not use the system keychain for the master key; use the key file."));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate(
            "CommandLine",
            "Save a picture of the main window to this PNG file once the server has answered, "
            "then quit."),
        QCoreApplication::translate("CommandLine", "file"));
    const QCommandLineOption sectionOption(
        QStringLiteral("section"),
        QCoreApplication::translate("CommandLine", "Section to show at start: %1.")
            .arg(sectionIds.join(QStringLiteral(", "))),
        QCoreApplication::translate("CommandLine", "name"));
    const QCommandLineOption themeOption(
        QStringLiteral("theme"),
        QCoreApplication::translate("CommandLine",
                                    "Colours for this run: light, dark or system (not saved)."),
        QCoreApplication::translate("CommandLine", "theme"));
    parser.addOptions(
        {langOption, dataDirOption, noKeychainOption, screenshotOption, sectionOption});
    parser.addOption(themeOption);

    parser.process(arguments); // exits for --help, --version and unknown options

    AppOptions options;
    if (parser.isSet(langOption)) {
        options.language = parser.value(langOption);
        if (!LanguageManager::isSupported(options.language)) {
            printError(QCoreApplication::translate("CommandLine",
                                                   "Unknown language \"%1\"; choose one of: %2.")
                           .arg(options.language, languageCodes.join(QStringLiteral(", "))));
            return std::nullopt;
        }
    }
    if (parser.isSet(sectionOption)) {
        options.section = parser.value(sectionOption);
        if (!findSection(options.section)) {
            printError(QCoreApplication::translate("CommandLine",
                                                   "Unknown section \"%1\"; choose one of: %2.")
                           .arg(options.section, sectionIds.join(QStringLiteral(", "))));
            return std::nullopt;
        }
    }
    options.dataDir = absoluteDataDir(parser.isSet(dataDirOption) ? parser.value(dataDirOption)
                                                                  : server::defaultDataDir());
    if (options.dataDir.isEmpty()) {
        printError(QCoreApplication::translate("CommandLine",
                                               "No data directory; pass one with --data-dir."));
        return std::nullopt;
    }
    if (parser.isSet(themeOption)) {
        options.theme = parser.value(themeOption);
        if (options.theme != QLatin1String("light") && options.theme != QLatin1String("dark") &&
            options.theme != QLatin1String("system")) {
            printError(QCoreApplication::translate(
                           "CommandLine", "Unknown theme \"%1\"; choose light, dark or system.")
                           .arg(options.theme));
            return std::nullopt;
        }
    }
    options.useKeychain = !parser.isSet(noKeychainOption);
    options.screenshotFile = parser.value(screenshotOption);
    return options;
}

} // namespace hm::app
