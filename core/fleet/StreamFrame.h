#pragma once

// The binary frames of /ws/agent (docs/agent-protocol.md, "Streams"): the
// bytes of a remote terminal, both ways, with credit-based flow control.
// Control (open, resize, close) goes as `request`s; only the bytes and
// their credits travel here, without JSON or base64.
//
//   byte 0      kind: 1 data, 2 credit, 3 end
//   bytes 1–4   channel, unsigned 32-bit big-endian (the agent's number
//               for the stream, from its `open` answer)
//   data        the bytes (1 … kMaxStreamPayload)
//   credit      unsigned 32-bit big-endian: that many more bytes of
//               output may be sent (1 … kStreamWindow)
//   end         exit code and signal, signed 32-bit big-endian each
//               (agent → server: the program ended)
//
// File streams (the `files` capability's stream_open, a download of any
// size) use the same frames on channels with the high bit set
// (kFileStreamChannelBit): data frames of up to kMaxFileStreamPayload, an
// implicit window of kFileStreamWindow, and an end frame whose exit code
// says how the file ended (kFileStream*; signal 0).
//
// Flow control: the agent sends at most kStreamWindow bytes of a channel's
// output that the server has not credited; the server credits what it has
// handed on to the console. A console that stops reading stops the
// credits, the agent stops reading the PTY, and the program blocks in
// write(): nothing grows anywhere.

#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace hm::fleet {

inline constexpr qsizetype kMaxStreamPayload = 32 * 1024;
inline constexpr qint64 kStreamWindow = 256 * 1024;

inline constexpr quint32 kFileStreamChannelBit = 0x80000000u;
inline constexpr qsizetype kMaxFileStreamPayload = 256 * 1024;
inline constexpr qint64 kFileStreamWindow = 4 * 1024 * 1024;
// A file stream's data connection (the server's FileDownloads.h): the
// agent's own connection to the server for one download's bytes, asked for
// with GET kFileDataPath, "Upgrade: kFileDataProtocol", its node in
// kFileDataNodeHeader and stream_open's data_token in kFileDataTokenHeader.
inline constexpr const char *kFileDataPath = "/api/v1/agent/file-data";
inline constexpr const char *kFileDataProtocol = "hivemind-file-data";
inline constexpr const char *kFileDataNodeHeader = "X-HiveMind-Node";
inline constexpr const char *kFileDataTokenHeader = "X-HiveMind-Stream-Token";
// End frame exit codes of a file stream.
inline constexpr qint32 kFileStreamComplete = 0;
inline constexpr qint32 kFileStreamChanged = 1; // size or version moved: CONFLICT
inline constexpr qint32 kFileStreamFailed = 2;  // a read failed: IO_ERROR

struct StreamFrame
{
    enum class Kind : quint8
    {
        Data = 1,
        Credit = 2,
        End = 3,
    };
    Kind kind = Kind::Data;
    quint32 channel = 0;
    QByteArray data;    // Data
    quint32 credit = 0; // Credit
    qint32 exitCode = 0; // End
    qint32 signal = 0;   // End
};

// VALIDATION_ERROR for a frame that is not exactly one of the shapes above.
Result<StreamFrame> parseStreamFrame(QByteArrayView frame);
QByteArray serialize(const StreamFrame &frame);

StreamFrame streamData(quint32 channel, QByteArray data);
StreamFrame streamCredit(quint32 channel, quint32 bytes);
StreamFrame streamEnd(quint32 channel, qint32 exitCode, qint32 signal);

} // namespace hm::fleet
