#pragma once

// Typed answers of a node's files (issue 38; docs/api.md "Node files").
// A root is named by its canonical path as the agent lists it, and every
// path is relative to its root ("" is the root itself).

#include "client/ApiTypes.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace hm::client {

// One directory the node's agent lets callers reach (--files-root).
struct FileRoot
{
    QString path;
    bool readOnly = false;
};

// One entry of a listing (or a stat): `type` is "file", "dir", "symlink" or
// "other"; symlinks are listed, never followed.
struct FileEntry
{
    QString name;
    QString type;
    qint64 size = 0;
    int mode = 0; // permission bits, as stat's st_mode & 07777
    QDateTime modified;
    int links = 0;

    bool isDirectory() const { return type == QLatin1String("dir"); }
    bool isFile() const { return type == QLatin1String("file"); }
};

// GET /nodes/{id}/files: a directory's entries, at most 10,000 (`truncated`).
struct FileListing
{
    QString root;
    QString path;
    QList<FileEntry> entries;
    bool truncated = false;
};

// GET /nodes/{id}/files/content: a text file for editing and the version a
// save must name (it refuses with CONFLICT when the file changed since).
struct FileText
{
    QString root;
    QString path;
    QString content;
    QString version;
    qint64 size = 0;
};

// PUT /nodes/{id}/files/content's answer: the version the file is at now.
struct FileSaved
{
    QString version;
    qint64 size = 0;
};

// What POST /nodes/{id}/files/uploads asks for. `uploadId` set: reopen
// that upload (after an agent restart) rather than begin one.
struct UploadRequest
{
    QString root;
    QString path;
    qint64 size = 0;
    QString sha256; // hex, of the whole file
    bool overwrite = false;
    QString uploadId;
};

// An open upload and the bytes the agent confirmed (the next chunk's offset).
struct UploadState
{
    QString uploadId;
    qint64 received = 0;
    qint64 size = 0;
    QString root;
    QString path;
};

namespace json {
FileEntry fileEntry(const QJsonObject &o);
UploadState uploadState(const QJsonObject &o);
} // namespace json

} // namespace hm::client
