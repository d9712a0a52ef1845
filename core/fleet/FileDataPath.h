#pragma once

// How a download's bytes cross the sockets of a data connection on Linux
// (issue 38; the agent's FileDataSender.h, the server's ByteRelay.h):
//
// - zero copy: sendfile(2) on the agent, splice(2) through a pipe in the
//   server's relay; no process copies a byte;
// - copies: pread(2)+send(2) of 4 MiB chunks on the agent, recv(2)+send(2)
//   through a 4 MiB ring in the relay.
//
// Which one is cheaper is the kernel's doing, not ours. The zero-copy
// path hands each socket skbs of 4 KiB page fragments, and every receiver
// downstream walks them fragment by fragment; a copy's send(2) builds
// 32 KiB ones. On a kernel that mitigates Spectre v2 with retpolines that
// walk cost a loopback receiver about twice as much per byte as the
// copies it saved (a whole download 1.3-1.7 CPU s per GiB against
// 1.0-1.2), while on a kernel with enhanced IBRS zero copy cost about
// 0.4 CPU s per GiB against the copies' 0.65 and moved 1.3-1.5 times the
// bytes per second (docs/benchmarks.md, "File download through the
// server"). So the choice follows the kernel's own account of itself in
// /sys/devices/system/cpu/vulnerabilities/spectre_v2; HIVEMIND_FILE_DATA_PATH
// (zero-copy, copies or auto) in the environment of the agent or the
// server overrides it for that process.

#include <QString>

namespace hm::fleet {

enum class FileDataPath
{
    ZeroCopy,
    Copies
};

inline constexpr char kFileDataPathVariable[] = "HIVEMIND_FILE_DATA_PATH";
inline constexpr char kSpectreV2File[] = "/sys/devices/system/cpu/vulnerabilities/spectre_v2";

struct FileDataPathChoice
{
    FileDataPath path = FileDataPath::ZeroCopy;
    QString reason;  // why, for the log: "the kernel uses retpolines", ...
    QString warning; // an override that is none of the three, ignored
};

// The choice for a kernel whose spectre_v2 file reads `spectreV2` (empty:
// unknown, as off Linux or without sysfs) and a HIVEMIND_FILE_DATA_PATH of
// `override` (empty: not set).
FileDataPathChoice chooseFileDataPath(const QString &spectreV2, const QString &override);

// This process's choice: the file and the variable are read at the first
// call, once.
const FileDataPathChoice &fileDataPathChoice();
inline FileDataPath fileDataPath()
{
    return fileDataPathChoice().path;
}

// "zero copy" or "copies", for logs.
QString fileDataPathName(FileDataPath path);

} // namespace hm::fleet
