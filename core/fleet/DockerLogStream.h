#pragma once

// A container's log followed live (the `docker` capability's logs_follow,
// issue 38): the agent streams it on a channel of its own with the frames
// of fleet/StreamFrame.h — data frames of the log's bytes (Docker's
// stdout/stderr framing removed), the server's credits, and an end frame
// whose exit code says why it ended (kDockerLog*; signal 0).
//
// Channels: both top bits set (kDockerLogChannelBits), so that the
// terminal (no top bit) and file streams (top bit only) never see them.
// Flow control: at most kDockerLogWindow bytes the server has not
// credited; the server credits what its client took. A container that
// prints a flood only fills the Docker daemon's own log file: nothing on
// the agent, the server or the console grows with it.

#include <QtGlobal>

namespace hm::fleet {

inline constexpr quint32 kDockerLogChannelMask = 0xC0000000u;
inline constexpr quint32 kDockerLogChannelBits = 0xC0000000u;
inline constexpr qsizetype kMaxDockerLogPayload = 32 * 1024;
inline constexpr qint64 kDockerLogWindow = 256 * 1024;
// End frame exit codes.
inline constexpr qint32 kDockerLogEnded = 0;  // the log ended: the container stopped
inline constexpr qint32 kDockerLogFailed = 2; // the daemon's stream broke off

inline constexpr bool isDockerLogChannel(quint32 channel)
{
    return (channel & kDockerLogChannelMask) == kDockerLogChannelBits;
}

} // namespace hm::fleet
