#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace hm::app {

// What the console was asked to do on its command line.
struct AppOptions
{
    QString language; // empty: saved choice, else the system's
    QString dataDir;
    bool useKeychain = true;
    QString screenshotFile;
    QString section;
    QString theme; // "light", "dark", "system"; empty: the saved choice
};

// The value of --lang, read before the parser exists so that --help can be
// shown in the requested language. Empty when absent.
QString preparseLanguage(const QStringList &arguments);

// `path` made absolute against the current directory and cleaned
// ("data/../hm/" -> "/home/me/hm"), as the console shows and uses it.
QString absoluteDataDir(const QString &path);

// Parses the arguments. Handles --help and --version itself (prints, exits);
// on invalid input prints the reason to stderr and returns std::nullopt.
std::optional<AppOptions> parseCommandLine(const QStringList &arguments);

} // namespace hm::app
