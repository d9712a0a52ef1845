#pragma once

#include "common/Result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace hm::server {

// What the command line gave for one option.
struct GivenOption
{
    QString name;       // without the dashes, for error messages
    QString value;      // the last value given, or the default
    QStringList values; // every value given (repeatable options)
    bool isSet = false;
};

// One command-line option as a table row: what --help shows (names, value
// name, help text, default) and how its value goes into `Target`. A
// command line is a list of rows, so an option is added in one place and
// its help, default and check cannot drift apart.
template <typename Target> struct OptionRow
{
    QString name;
    QString valueName; // empty: a flag without a value
    QString help;
    QString defaultValue;
    // Checks the value and stores it; an error names the option.
    std::function<Status(const GivenOption &, Target &)> apply;
    // Tests-only options work but stay out of --help.
    bool hidden = false;
};

// The apply of an option stored as given (a file name, a directory).
template <typename Target>
std::function<Status(const GivenOption &, Target &)> storeValue(QString Target::*field)
{
    return [field](const GivenOption &given, Target &target) -> Status {
        target.*field = given.value;
        return {};
    };
}

// The apply of a flag: whether it was given.
template <typename Target>
std::function<Status(const GivenOption &, Target &)> storeFlag(bool Target::*field)
{
    return [field](const GivenOption &given, Target &target) -> Status {
        target.*field = given.isSet;
        return {};
    };
}

// Adds the rows to `parser` in table order (the order --help lists them).
template <typename Target>
QList<QCommandLineOption> addOptionRows(QCommandLineParser &parser,
                                        const QList<OptionRow<Target>> &rows)
{
    QList<QCommandLineOption> options;
    for (const OptionRow<Target> &row : rows) {
        QCommandLineOption option(row.name, row.help, row.valueName, row.defaultValue);
        if (row.hidden)
            option.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(option);
        options.append(option);
    }
    return options;
}

// Applies every row to `target` in table order; the first error stops.
template <typename Target>
Status applyOptionRows(const QCommandLineParser &parser, const QList<OptionRow<Target>> &rows,
                       const QList<QCommandLineOption> &options, Target &target)
{
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const OptionRow<Target> &row = rows.at(i);
        if (!row.apply)
            continue;
        const QCommandLineOption &option = options.at(i);
        GivenOption given{row.name, {}, {}, parser.isSet(option)};
        // A flag has no value to ask for (the parser warns when asked).
        if (!row.valueName.isEmpty()) {
            given.value = parser.value(option);
            given.values = parser.values(option);
        }
        if (Status applied = row.apply(given, target); !applied)
            return applied;
    }
    return {};
}

} // namespace hm::server
