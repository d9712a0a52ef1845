#pragma once

// The string-level half of ConfinedFiles' confinement: what a request's
// path may look like before anything touches the file system, and the
// errors all of ConfinedFiles reports. Portable.

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace hm::agent {

struct ConfinedPath
{
    // UTF-8 components, none empty, "." or "..". Empty: the root itself.
    QList<QByteArray> components;
    // The path as the request gave it, for messages.
    QString shown;

    bool isRoot() const { return components.isEmpty(); }
    QByteArray name() const { return isRoot() ? QByteArray() : components.last(); }
    QList<QByteArray> parentComponents() const
    {
        return isRoot() ? QList<QByteArray>() : components.first(components.size() - 1);
    }
    // "a/b/c"; "." for the root.
    QByteArray joined() const;
    static QByteArray join(const QList<QByteArray> &components);
};

enum class ConfinedPathUse
{
    // A trailing slash is refused: "a/" names a directory.
    Entry,
    // One trailing slash is allowed and dropped (list, makeDirectory).
    Directory,
};

// "" and "." are the root. Refused with PATH_INVALID: absolute paths, any
// "..", any "." component other than a lone "." ("a/./b": one spelling per
// entry, and nothing for the walk to interpret), empty components ("a//b"),
// control characters (NUL included: C0, DEL and C1), a trailing slash for
// an Entry, components above NAME_MAX and paths above PATH_MAX bytes.
Result<ConfinedPath> parseConfinedPath(const QString &path, ConfinedPathUse use);

// An Error with the wire reason in details["code"] (and the request's path
// in details["path"] when given).
Error confinedFilesError(ErrorCode code, const char *reason, const QString &message,
                         const QString &path = QString());

} // namespace hm::agent
