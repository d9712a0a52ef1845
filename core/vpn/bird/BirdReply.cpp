#include "vpn/bird/BirdReply.h"

namespace hm::bird {

namespace {

bool birdReplyIsDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

BirdCodeClass birdCodeClass(int code)
{
    if (code < 0 || code > 9999)
        return BirdCodeClass::Other;
    switch (code / 1000) {
    case 0:
        return BirdCodeClass::Completed;
    case 1:
        return BirdCodeClass::TableEntry;
    case 2:
        return BirdCodeClass::TableHeading;
    case 8:
        return BirdCodeClass::RuntimeError;
    case 9:
        return BirdCodeClass::ParseError;
    default:
        return BirdCodeClass::Other;
    }
}

QString BirdReply::text() const
{
    QStringList out;
    out.reserve(lines.size());
    for (const BirdLine &l : lines)
        out.append(l.text);
    return out.join(QLatin1Char('\n'));
}

QByteArray BirdReply::toWire() const
{
    QByteArray out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const BirdLine &l = lines[i];
        out += QByteArray::number(l.code).rightJustified(4, '0');
        out += i + 1 == lines.size() ? ' ' : '-';
        out += l.text.toUtf8();
        out += '\n';
    }
    return out;
}

BirdReplyReader::BirdReplyReader(qsizetype maxLineBytes, qsizetype maxReplyBytes)
    : m_maxLineBytes(maxLineBytes), m_maxReplyBytes(maxReplyBytes)
{}

bool BirdReplyReader::fail(const QString &why)
{
    m_failed = true;
    m_error = Error{ErrorCode::NetworkError, why};
    m_partial.clear();
    return false;
}

bool BirdReplyReader::feed(QByteArrayView bytes)
{
    if (m_failed)
        return false;
    while (!bytes.isEmpty()) {
        const qsizetype nl = bytes.indexOf('\n');
        if (nl < 0) {
            if (m_partial.size() + bytes.size() > m_maxLineBytes)
                return fail(
                    QStringLiteral("BIRD sent a line longer than %1 bytes").arg(m_maxLineBytes));
            m_partial.append(bytes);
            return true;
        }
        bool ok = true;
        if (m_partial.isEmpty()) {
            if (nl > m_maxLineBytes)
                return fail(
                    QStringLiteral("BIRD sent a line longer than %1 bytes").arg(m_maxLineBytes));
            ok = takeLine(bytes.first(nl));
        } else {
            if (m_partial.size() + nl > m_maxLineBytes)
                return fail(
                    QStringLiteral("BIRD sent a line longer than %1 bytes").arg(m_maxLineBytes));
            m_partial.append(bytes.first(nl));
            const QByteArray line = std::exchange(m_partial, QByteArray());
            ok = takeLine(line);
        }
        if (!ok)
            return false;
        bytes = bytes.sliced(nl + 1);
    }
    return true;
}

bool BirdReplyReader::takeLine(QByteArrayView line)
{
    if (line.startsWith('+')) {
        // Spontaneous printout (log messages echoed to the CLI): outside replies.
        m_spontaneous.append(QString::fromUtf8(line.sliced(1)));
        return true;
    }
    BirdLine parsed;
    bool last = false;
    if (line.startsWith(' ')) {
        if (m_current.lines.isEmpty())
            return fail(QStringLiteral("BIRD sent a continuation line outside a reply"));
        parsed.code = m_current.lines.constLast().code;
        parsed.text = QString::fromUtf8(line.sliced(1));
    } else {
        if (line.size() < 4 || !birdReplyIsDigit(line[0]) || !birdReplyIsDigit(line[1]) ||
            !birdReplyIsDigit(line[2]) || !birdReplyIsDigit(line[3]))
            return fail(QStringLiteral("BIRD sent a line without a reply code"));
        parsed.code =
            (line[0] - '0') * 1000 + (line[1] - '0') * 100 + (line[2] - '0') * 10 + (line[3] - '0');
        if (line.size() == 4) {
            last = true; // "DDDD" alone: a last line with no text
        } else if (line[4] == ' ') {
            last = true;
        } else if (line[4] != '-') {
            return fail(QStringLiteral("BIRD sent a reply code followed by neither '-' nor ' '"));
        }
        parsed.text = line.size() > 5 ? QString::fromUtf8(line.sliced(5)) : QString();
    }
    m_currentBytes += line.size() + 1;
    if (m_currentBytes > m_maxReplyBytes)
        return fail(QStringLiteral("BIRD sent a reply longer than %1 bytes").arg(m_maxReplyBytes));
    m_current.lines.append(std::move(parsed));
    if (last) {
        m_complete.append(std::exchange(m_current, BirdReply()));
        m_currentBytes = 0;
    }
    return true;
}

BirdReply BirdReplyReader::takeReply()
{
    return m_complete.isEmpty() ? BirdReply() : m_complete.takeFirst();
}

QList<BirdReply> BirdReplyReader::takeReplies()
{
    return std::exchange(m_complete, {});
}

QStringList BirdReplyReader::takeSpontaneous()
{
    return std::exchange(m_spontaneous, {});
}

Result<QList<BirdReply>> parseBirdReplies(QByteArrayView bytes)
{
    BirdReplyReader reader;
    if (!reader.feed(bytes))
        return reader.error();
    if (reader.inReply() || (!bytes.isEmpty() && !bytes.endsWith('\n')))
        return Error{ErrorCode::NetworkError,
                     QStringLiteral("BIRD's reply ends before its last line")};
    return reader.takeReplies();
}

} // namespace hm::bird
