#pragma once

// The directories an operator may reach through the "Files" capability:
// each `--files-root DIR[:ro]` names one. Only the parser lives here; the
// confinement itself is ConfinedFiles' job.

#include "common/Result.h"

#include <QList>
#include <QString>

namespace hm::agent {

struct FileRoot
{
    // Canonical (realpath) absolute path: requests name a root by exactly
    // this string.
    QString path;
    // ":ro": list, stat and read only; every write is refused.
    bool readOnly = false;

    bool operator==(const FileRoot &) const = default;
};

// Parses one `--files-root` value: "DIR" or "DIR:ro". DIR must be absolute,
// exist and be a directory; it is stored canonical. The first ':' starts
// the suffix and only "ro" is known, so a path holding a ':' cannot be
// written here (name a symlink to it instead: only the canonical path is
// stored, and that may hold one).
// Errors are ValidationError with details {"field": "files_root",
// "code": PATH_INVALID | NOT_FOUND | NOT_A_DIRECTORY}.
Result<FileRoot> parseFileRoot(const QString &spec);

} // namespace hm::agent
