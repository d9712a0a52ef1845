#include "fleet/StreamFrame.h"

#include <QtEndian>

namespace hm::fleet {

namespace {

Error badStreamFrame(const QString &message)
{
    return Error{ErrorCode::ValidationError, message,
                 QJsonObject{{QStringLiteral("field"), QStringLiteral("frame")}}};
}

quint32 readU32(QByteArrayView bytes, qsizetype at)
{
    return qFromBigEndian<quint32>(bytes.data() + at);
}

void appendU32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

} // namespace

Result<StreamFrame> parseStreamFrame(QByteArrayView frame)
{
    if (frame.size() < 5)
        return badStreamFrame(QStringLiteral("a stream frame has at least 5 bytes"));
    StreamFrame parsed;
    parsed.channel = readU32(frame, 1);
    if (parsed.channel == 0)
        return badStreamFrame(QStringLiteral("channel 0 is no channel"));
    switch (quint8(frame.at(0))) {
    case quint8(StreamFrame::Kind::Data):
    {
        // Terminal channels carry up to kMaxStreamPayload, file channels more.
        const qsizetype most = (parsed.channel & kFileStreamChannelBit) ? kMaxFileStreamPayload
                                                                         : kMaxStreamPayload;
        if (frame.size() == 5 || frame.size() > 5 + most)
            return badStreamFrame(
                QStringLiteral("a data frame carries 1 to %1 bytes").arg(most));
    }
        parsed.kind = StreamFrame::Kind::Data;
        parsed.data = frame.sliced(5).toByteArray();
        return parsed;
    case quint8(StreamFrame::Kind::Credit):
        if (frame.size() != 9)
            return badStreamFrame(QStringLiteral("a credit frame has 9 bytes"));
        parsed.kind = StreamFrame::Kind::Credit;
        parsed.credit = readU32(frame, 5);
        if (parsed.credit == 0 || parsed.credit > quint32(kStreamWindow))
            return badStreamFrame(
                QStringLiteral("a credit is 1 to %1 bytes").arg(kStreamWindow));
        return parsed;
    case quint8(StreamFrame::Kind::End):
        if (frame.size() != 13)
            return badStreamFrame(QStringLiteral("an end frame has 13 bytes"));
        parsed.kind = StreamFrame::Kind::End;
        parsed.exitCode = qint32(readU32(frame, 5));
        parsed.signal = qint32(readU32(frame, 9));
        return parsed;
    default:
        return badStreamFrame(QStringLiteral("unknown stream frame kind"));
    }
}

QByteArray serialize(const StreamFrame &frame)
{
    QByteArray out;
    out.reserve(13 + frame.data.size());
    out.append(char(frame.kind));
    appendU32(out, frame.channel);
    switch (frame.kind) {
    case StreamFrame::Kind::Data:
        out.append(frame.data);
        break;
    case StreamFrame::Kind::Credit:
        appendU32(out, frame.credit);
        break;
    case StreamFrame::Kind::End:
        appendU32(out, quint32(frame.exitCode));
        appendU32(out, quint32(frame.signal));
        break;
    }
    return out;
}

StreamFrame streamData(quint32 channel, QByteArray data)
{
    StreamFrame frame;
    frame.kind = StreamFrame::Kind::Data;
    frame.channel = channel;
    frame.data = std::move(data);
    return frame;
}

StreamFrame streamCredit(quint32 channel, quint32 bytes)
{
    StreamFrame frame;
    frame.kind = StreamFrame::Kind::Credit;
    frame.channel = channel;
    frame.credit = bytes;
    return frame;
}

StreamFrame streamEnd(quint32 channel, qint32 exitCode, qint32 signal)
{
    StreamFrame frame;
    frame.kind = StreamFrame::Kind::End;
    frame.channel = channel;
    frame.exitCode = exitCode;
    frame.signal = signal;
    return frame;
}

} // namespace hm::fleet
