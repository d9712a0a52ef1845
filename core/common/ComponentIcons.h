#pragma once

// The icons a registered component may name (components.icon, seed 003
// §4.2 and §7.4: "icon": "resize"): one name from this set. The server
// refuses any other value (VALIDATION_ERROR, field "icon"); the console
// draws each one (app/widgets/ComponentIcon) and a neutral box for an empty
// or unknown value (rows stored before the set existed).

#include <QHash>
#include <QString>
#include <QStringList>

namespace hm {

inline const QStringList &componentIconNames()
{
    static const QStringList names{
        QStringLiteral("component"), QStringLiteral("image"),  QStringLiteral("resize"),
        QStringLiteral("compress"),  QStringLiteral("upload"), QStringLiteral("download"),
        QStringLiteral("database"),  QStringLiteral("globe"),  QStringLiteral("mail"),
        QStringLiteral("message"),   QStringLiteral("code"),   QStringLiteral("filter"),
        QStringLiteral("transform"), QStringLiteral("clock"),  QStringLiteral("file"),
        QStringLiteral("chart"),     QStringLiteral("lock"),   QStringLiteral("cloud"),
        QStringLiteral("bell"),      QStringLiteral("cpu"),
    };
    return names;
}

inline bool isComponentIconName(const QString &name)
{
    return componentIconNames().contains(name);
}

// The icon the server lists a built-in component with (its `icon` in the
// component list, like a registered one's), so that built-ins are drawn
// as what they do rather than as the neutral box; empty for a name that
// is no built-in.
inline QString builtinComponentIcon(const QString &name)
{
    static const QHash<QString, QString> icons{
        {QStringLiteral("noop"), QStringLiteral("component")},
        {QStringLiteral("log"), QStringLiteral("message")},
        {QStringLiteral("delay"), QStringLiteral("clock")},
        {QStringLiteral("transform"), QStringLiteral("transform")},
        {QStringLiteral("condition"), QStringLiteral("filter")},
        {QStringLiteral("http-request"), QStringLiteral("globe")},
        {QStringLiteral("service"), QStringLiteral("cloud")},
        {QStringLiteral("task"), QStringLiteral("cpu")},
    };
    return icons.value(name);
}

} // namespace hm
