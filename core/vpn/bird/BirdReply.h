#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace hm::bird {

// BIRD's control-socket protocol (BIRD 2, doc/reply_codes). Every reply line
// ends with '\n' and is one of
//   "DDDD-text"  a line of the reply with code DDDD, more lines follow;
//   " text"      a continuation: same code as the line before;
//   "DDDD text"  the last line of the reply (code, space);
//   "+text"      a spontaneous printout, not part of a reply.
// Code classes: 0xxx action completed, 1xxx table entry, 2xxx table heading,
// 8xxx run-time error, 9xxx parse-time error.
namespace code {
constexpr int Ok = 0;
constexpr int Welcome = 1;
constexpr int ReadingConfiguration = 2;
constexpr int Reconfigured = 3;
constexpr int ReconfigurationInProgress = 4;
constexpr int ReconfigurationQueued = 5;
constexpr int ReconfigurationIgnoredShutdown = 6;
constexpr int AlreadyDisabled = 8;
constexpr int Disabled = 9;
constexpr int AlreadyEnabled = 10;
constexpr int Enabled = 11;
constexpr int Restarted = 12;
constexpr int ReconfigurationUnqueued = 17;
constexpr int ReconfigurationConfirmed = 18;
constexpr int NothingToDo = 19;
constexpr int ConfigurationOk = 20;
constexpr int UndoRequested = 21;
constexpr int UndoScheduled = 22;
constexpr int ProtocolList = 1002;
constexpr int ProtocolDetails = 1006;
constexpr int RouteList = 1007;
constexpr int RouteDetails = 1008;
constexpr int RouteAttributes = 1012;
constexpr int ProtocolHeading = 2002;
constexpr int ReplyTooLong = 8000;
constexpr int RouteNotFound = 8001;
constexpr int ConfigurationFileError = 8002;
constexpr int NoProtocolsMatch = 8003;
constexpr int StoppedDueToReconfiguration = 8004;
constexpr int AccessDenied = 8007;
constexpr int CommandTooLong = 9000;
constexpr int ParseError = 9001;
constexpr int InvalidSymbolType = 9002;
} // namespace code

enum class BirdCodeClass
{
    Completed,    // 0xxx
    TableEntry,   // 1xxx
    TableHeading, // 2xxx
    RuntimeError, // 8xxx
    ParseError,   // 9xxx
    Other,        // 3xxx..7xxx: not assigned by BIRD
};

BirdCodeClass birdCodeClass(int code);

struct BirdLine
{
    int code = 0;
    QString text;
    friend bool operator==(const BirdLine &, const BirdLine &) = default;
};

struct BirdReply
{
    // Every line, the last one included; its code is the reply's code.
    QList<BirdLine> lines;

    int code() const { return lines.isEmpty() ? -1 : lines.constLast().code; }
    BirdCodeClass codeClass() const { return birdCodeClass(code()); }
    bool isError() const
    {
        const BirdCodeClass c = codeClass();
        return c == BirdCodeClass::RuntimeError || c == BirdCodeClass::ParseError;
    }
    // The last line's text (BIRD's error message on an error reply).
    QString finalText() const { return lines.isEmpty() ? QString() : lines.constLast().text; }
    // All lines' text, one per line.
    QString text() const;
    // The reply on the wire again: "DDDD-text" lines and a "DDDD text" last line.
    QByteArray toWire() const;
    friend bool operator==(const BirdReply &, const BirdReply &) = default;
};

// Incremental reader: feed() whatever the socket gave, then take the replies
// that are complete. A malformed line (or one above the limits) stops the
// reader for good: the stream has no way to resynchronise, the caller
// drops the connection.
class BirdReplyReader
{
public:
    static constexpr qsizetype DefaultMaxLineBytes = 64 * 1024;
    static constexpr qsizetype DefaultMaxReplyBytes = 64 * 1024 * 1024;

    explicit BirdReplyReader(qsizetype maxLineBytes = DefaultMaxLineBytes,
                             qsizetype maxReplyBytes = DefaultMaxReplyBytes);

    // false once the stream is broken (then error() says why).
    bool feed(QByteArrayView bytes);
    bool hasReply() const { return !m_complete.isEmpty(); }
    BirdReply takeReply();
    QList<BirdReply> takeReplies();
    // Spontaneous "+" lines seen so far (without the '+').
    QStringList takeSpontaneous();

    bool failed() const { return m_failed; }
    const Error &error() const { return m_error; }
    // A reply has begun and not ended.
    bool inReply() const { return !m_current.lines.isEmpty(); }

private:
    bool fail(const QString &why);
    bool takeLine(QByteArrayView line);

    qsizetype m_maxLineBytes;
    qsizetype m_maxReplyBytes;
    QByteArray m_partial;
    BirdReply m_current;
    qsizetype m_currentBytes = 0;
    QList<BirdReply> m_complete;
    QStringList m_spontaneous;
    bool m_failed = false;
    Error m_error;
};

// Parses a whole byte string: every complete reply, or the reader's error.
// Bytes after the last complete reply must be empty.
Result<QList<BirdReply>> parseBirdReplies(QByteArrayView bytes);

} // namespace hm::bird
