#include "agent/ConfinedPath.h"

#include <QJsonObject>

namespace hm::agent {

namespace {

// Linux's NAME_MAX and PATH_MAX, spelled out so that this file stays
// portable.
constexpr qsizetype kConfinedNameMax = 255;
constexpr qsizetype kConfinedPathMax = 4095;

bool confinedIsControl(char16_t c)
{
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
}

Error confinedPathInvalid(const QString &path, const QString &why)
{
    return confinedFilesError(ErrorCode::ValidationError, "PATH_INVALID",
                              QStringLiteral("invalid path: %1").arg(why), path);
}

} // namespace

QByteArray ConfinedPath::join(const QList<QByteArray> &components)
{
    if (components.isEmpty())
        return QByteArrayLiteral(".");
    QByteArray out;
    for (const QByteArray &component : components) {
        if (!out.isEmpty())
            out += '/';
        out += component;
    }
    return out;
}

QByteArray ConfinedPath::joined() const
{
    return join(components);
}

Result<ConfinedPath> parseConfinedPath(const QString &path, ConfinedPathUse use)
{
    // The path itself goes into details only once it is known to hold no
    // control characters: it may end up in logs and terminals.
    for (const QChar c : path) {
        if (confinedIsControl(c.unicode()))
            return confinedPathInvalid(QString(),
                                       QStringLiteral("control characters are not allowed"));
    }
    ConfinedPath out;
    out.shown = path;
    QByteArray bytes = path.toUtf8();
    // Lone surrogates would be replaced on the way to UTF-8: two requests
    // would then name the same entry.
    if (QString::fromUtf8(bytes) != path)
        return confinedPathInvalid(QString(), QStringLiteral("not valid Unicode"));
    if (bytes.isEmpty() || bytes == ".")
        return out;
    if (bytes.startsWith('/'))
        return confinedPathInvalid(path, QStringLiteral("paths are relative to the root"));
    if (bytes.endsWith('/')) {
        if (use != ConfinedPathUse::Directory)
            return confinedPathInvalid(path, QStringLiteral("a trailing '/' names a directory"));
        bytes.chop(1);
        if (bytes == ".")
            return out;
    }
    if (bytes.size() > kConfinedPathMax)
        return confinedPathInvalid(path, QStringLiteral("the path is too long"));
    for (const QByteArray &component : bytes.split('/')) {
        if (component.isEmpty())
            return confinedPathInvalid(path, QStringLiteral("empty component"));
        if (component == "..")
            return confinedPathInvalid(path, QStringLiteral("'..' is not allowed"));
        if (component == ".")
            return confinedPathInvalid(path,
                                       QStringLiteral("'.' is only allowed alone, for the root"));
        if (component.size() > kConfinedNameMax)
            return confinedPathInvalid(path, QStringLiteral("a component is too long"));
        out.components.append(component);
    }
    return out;
}

Error confinedFilesError(ErrorCode code, const char *reason, const QString &message,
                         const QString &path)
{
    QJsonObject details{{QStringLiteral("code"), QString::fromLatin1(reason)}};
    if (!path.isNull())
        details.insert(QStringLiteral("path"), path);
    return Error{code, message, details};
}

} // namespace hm::agent
