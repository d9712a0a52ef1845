#pragma once

// A container's log as Docker sends it, made into text a response can
// carry (issue 38 item 6). A container without a TTY sends its output
// multiplexed: frames of an 8-byte header (stream 0/1/2, three zero bytes,
// a big-endian length) and the payload; one with a TTY sends it raw. The
// text keeps the newest lines within `budget` bytes of JSON (cut at a line
// start, `truncated` set), with control characters other than tab and
// newline replaced by U+FFFD so that nothing a process printed reaches a
// terminal or grows when escaped.

#include <QByteArray>
#include <QString>

namespace hm::agent {

struct DockerLogText
{
    QString text;
    int lines = 0;
    bool truncated = false;
};

// True when `raw` starts like a multiplexed stream.
bool looksMultiplexed(const QByteArray &raw);
// The payloads of a multiplexed stream, in order (a cut last frame kept
// as far as it goes).
QByteArray demultiplexDockerStream(const QByteArray &raw);
DockerLogText dockerLogText(const QByteArray &raw, qsizetype budget);

} // namespace hm::agent
