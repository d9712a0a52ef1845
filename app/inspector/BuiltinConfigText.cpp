#include "inspector/BuiltinConfigText.h"

namespace hm::app {

namespace {

struct FieldText
{
    const char *component;
    const char *field;
    const char *title;
    const char *description; // "" when the title says it all
};

// The built-ins' fields (core/engine/builtins, http, tasks), in English;
// translated where used.
constexpr FieldText kFields[] = {
    {"log", "message", QT_TRANSLATE_NOOP("BuiltinConfigText", "Message"),
     QT_TRANSLATE_NOOP("BuiltinConfigText",
                       "Written before the node's inputs in the execution's log.")},
    {"delay", "ms", QT_TRANSLATE_NOOP("BuiltinConfigText", "Delay (milliseconds)"),
     QT_TRANSLATE_NOOP("BuiltinConfigText",
                       "How long the node waits before it passes its inputs on; unset, its "
                       "\"ms\" input says.")},
    {"transform", "outputs", QT_TRANSLATE_NOOP("BuiltinConfigText", "Outputs"), ""},
    {"condition", "op", QT_TRANSLATE_NOOP("BuiltinConfigText", "Comparison"), ""},
    {"http-request", "failOnHttpError",
     QT_TRANSLATE_NOOP("BuiltinConfigText", "Fail on an HTTP error"),
     QT_TRANSLATE_NOOP("BuiltinConfigText",
                       "An answer outside 2xx fails the node (retried for 5xx, 408 and 429) "
                       "instead of passing its status on.")},
    {"task", "argv", QT_TRANSLATE_NOOP("BuiltinConfigText", "Command"),
     QT_TRANSLATE_NOOP("BuiltinConfigText",
                       "The program and its arguments, one per item, started without a shell.")},
    {"task", "shell", QT_TRANSLATE_NOOP("BuiltinConfigText", "Run a script in a shell"),
     QT_TRANSLATE_NOOP("BuiltinConfigText",
                       "On: the Script below runs in the node's shell instead of a Command.")},
    {"task", "script", QT_TRANSLATE_NOOP("BuiltinConfigText", "Script"),
     QT_TRANSLATE_NOOP("BuiltinConfigText",
                       "Shell commands; only with \"Run a script in a shell\" on.")},
    {"task", "env", QT_TRANSLATE_NOOP("BuiltinConfigText", "Environment variables"),
     QT_TRANSLATE_NOOP("BuiltinConfigText",
                       "Added to the command's environment: an object of names and text values.")},
    {"task", "working_dir", QT_TRANSLATE_NOOP("BuiltinConfigText", "Working directory"),
     QT_TRANSLATE_NOOP("BuiltinConfigText", "Where the command starts on the node.")},
    {"task", "timeout_s", QT_TRANSLATE_NOOP("BuiltinConfigText", "Time limit (seconds)"),
     QT_TRANSLATE_NOOP("BuiltinConfigText", "The command is stopped when it runs longer.")},
};

} // namespace

QJsonObject BuiltinConfigText::withTexts(const QString &component, QJsonObject schema)
{
    QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    bool changed = false;
    for (const FieldText &text : kFields) {
        if (component != QLatin1String(text.component))
            continue;
        const QString name = QLatin1String(text.field);
        if (!properties.contains(name))
            continue;
        QJsonObject field = properties.value(name).toObject();
        if (!field.contains(QStringLiteral("title")))
            field.insert(QStringLiteral("title"), tr(text.title));
        if (*text.description && !field.contains(QStringLiteral("description")))
            field.insert(QStringLiteral("description"), tr(text.description));
        properties.insert(name, field);
        changed = true;
    }
    if (changed)
        schema.insert(QStringLiteral("properties"), properties);
    return schema;
}

} // namespace hm::app
