#include "agent/DockerLogs.h"

#include <QtEndian>

namespace hm::agent {

bool looksMultiplexed(const QByteArray &raw)
{
    return raw.size() >= 8 && quint8(raw.at(0)) <= 2 && raw.at(1) == 0 && raw.at(2) == 0
           && raw.at(3) == 0;
}

QByteArray demultiplexDockerStream(const QByteArray &raw)
{
    QByteArray out;
    out.reserve(raw.size());
    qsizetype at = 0;
    while (at + 8 <= raw.size()) {
        const quint32 length = qFromBigEndian<quint32>(raw.constData() + at + 4);
        at += 8;
        const qsizetype take = std::min<qsizetype>(length, raw.size() - at);
        out.append(raw.constData() + at, take);
        at += take;
    }
    return out;
}

DockerLogText dockerLogText(const QByteArray &raw, qsizetype budget)
{
    const QByteArray bytes = looksMultiplexed(raw) ? demultiplexDockerStream(raw) : raw;
    QString text = QString::fromUtf8(bytes);
    for (QChar &c : text) {
        if (c == u'\n' || c == u'\t')
            continue;
        if (c.category() == QChar::Other_Control)
            c = QChar(QChar::ReplacementCharacter);
    }
    DockerLogText result;
    // From the end backwards: what each character costs in the response
    // (UTF-8 bytes, or 2 for an escaped tab, newline, quote, backslash).
    qsizetype cost = 0;
    qsizetype start = text.size();
    while (start > 0) {
        const QChar c = text.at(start - 1);
        const qsizetype size = (c == u'\n' || c == u'\t' || c == u'"' || c == u'\\') ? 2
                               : c.unicode() < 0x80                               ? 1
                               : c.unicode() < 0x800                              ? 2
                                                                                  : 3;
        if (cost + size > budget)
            break;
        cost += size;
        --start;
    }
    if (start > 0) {
        result.truncated = true;
        // Begin at a whole line.
        const qsizetype newline = text.indexOf(u'\n', start - 1);
        start = newline < 0 ? text.size() : newline + 1;
    }
    result.text = text.mid(start);
    result.lines = int(result.text.count(u'\n'))
                   + (result.text.isEmpty() || result.text.endsWith(u'\n') ? 0 : 1);
    return result;
}

} // namespace hm::agent
