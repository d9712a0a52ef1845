#pragma once

#include <QByteArray>

namespace hm::server::remote {

// The last output of a terminal session that consoles have already been
// sent, kept so that a console attaching again (a closed tab, a closed
// console, a lost connection) starts from the screen the shell left rather
// than from a blank one (docs/api.md "Node terminals": a replay of at most
// kBytes before the output that waited). Bounded: older bytes go, and the
// cut moves to the next line start so a replay does not begin inside an
// escape sequence or a multi-byte character (at most one line lost more).
class TerminalReplay
{
public:
    static constexpr qsizetype kBytes = 64 * 1024;

    void append(const QByteArray &bytes);
    const QByteArray &bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

} // namespace hm::server::remote
