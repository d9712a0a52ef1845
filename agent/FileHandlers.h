#pragma once

// The `files` capability's actions (issue 38; docs/api.md "Node files"),
// over one ConfinedFiles made from the agent's --files-root list. Every
// path is a root (its exact configured path) plus a path relative to it;
// ConfinedFiles does all the confinement, this file only checks the form
// of the arguments (VALIDATION_ERROR naming the field) and shapes answers:
//   roots         {}                                → {roots: [{path, read_only}]}
//   list          {root, path}                      → {entries: [...], truncated}
//   stat          {root, path}                      → {entry}
//   read          {root, path, offset, length}      → {data (base64), offset, size,
//                                                      version, eof}
//   write         {root, path, content, encoding,   → {version, size}
//                  expected_version}
//   mkdir         {root, path}                      → {}
//   rename        {root, from, to}                  → {}
//   remove        {root, path, recursive}           → {}
//   upload_begin  {root, path, size, sha256,        → {upload_id, received, size}
//                  overwrite, upload_id?}
//   upload_chunk  {upload_id, offset, data}         → {upload_id, received, size}
//   upload_status {upload_id}                       → {upload_id, received, size,
//                                                      root, path}
//   upload_finish {upload_id}                       → {upload_id, size, root, path}
//   upload_abort  {upload_id}                       → {upload_id}
// Chunks (read and upload) are at most kMaxFileChunkBytes, so their base64
// stays well inside one frame (fleet::kMaxAgentResponseBytes) and one call
// stays short: the calls run synchronously on the agent's thread. Without
// roots every action answers FORBIDDEN with details.code NO_FILE_ROOTS.

#include "agent/FileRoots.h"

#include <QList>

namespace hm::agent {

class RemoteDispatcher;

// 512 KiB: 683 KiB as base64, leaving room in a 1 MiB frame.
inline constexpr qint64 kMaxFileChunkBytes = 512 * 1024;

// The handlers own the ConfinedFiles (it lives as long as the dispatcher).
void addFileHandlers(RemoteDispatcher &dispatcher, const QList<FileRoot> &roots);

} // namespace hm::agent
