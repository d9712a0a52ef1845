#include "server/services/remote/TerminalReplay.h"

namespace hm::server::remote {

void TerminalReplay::append(const QByteArray &bytes)
{
    m_bytes.append(bytes);
    if (m_bytes.size() <= kBytes)
        return;
    qsizetype cut = m_bytes.size() - kBytes;
    // From the start of a line: an escape sequence or a UTF-8 character cut
    // in two would show as garbage at the top of the replay.
    const qsizetype newline = m_bytes.indexOf('\n', cut);
    if (newline >= 0 && newline + 1 < m_bytes.size())
        cut = newline + 1;
    m_bytes.remove(0, cut);
}

} // namespace hm::server::remote
