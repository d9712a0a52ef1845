#pragma once

// The fast path for the one message that makes up nearly all of /ws/agent's
// traffic: an agent's `report`, read straight from the frame's characters
// into a ReportMessage, without a QJsonDocument, without re-encoding the
// QString the WebSocket hands over to UTF-8 and, while an agent keeps
// sending the same metric names, without a new QString per name (issue 35:
// at 1,000 reports/s Qt's JSON parsing of the reports was most of the
// server thread's time, BenchAgentFleet in docs/benchmarks.md).
//
// The reader accepts only a report in the shape agents write it
// (serialize(ReportMessage): compact or indented JSON, ASCII, no escapes,
// the metric names in ascending order as a QJsonObject writes them), and
// what it accepts is exactly what parseAgentMessage would give for the
// same text, down to the order of the values and the bits of each double.
// Anything else — another type, a refusal of any kind, an unknown or
// repeated member, escapes, names out of order, numbers Qt might read
// differently (out of range, subnormal, -0.0), containers — is declined
// (nullopt) and the caller hands the frame to parseAgentMessage, which
// refuses it with its error code and message or accepts the quirk, as
// before. Declining is never wrong, only slower; TestReportText and the
// AgentMessages fuzz target hold the two readers against each other.

#include "fleet/AgentProtocol.h"

#include <QByteArrayView>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace hm::fleet {

// One per connection: it remembers the names of the last report it read,
// so a report with the same names shares their QStrings (an agent sends the
// same 40 names every second).
class ReportTextReader
{
public:
    // The frame as the WebSocket delivered it (a text frame's QString).
    std::optional<ReportMessage> read(QStringView frame);
    // The same on UTF-8 bytes (tests, fuzzing, other callers).
    std::optional<ReportMessage> read(QByteArrayView frame);

private:
    template <typename Char> std::optional<ReportMessage> readAny(const Char *begin, const Char *end);

    QStringList m_names; // the names of the last report read, in order
};

// serialize(AckMessage{seq}) as the text frame it is sent in, without a
// QJsonObject and a UTF-8 round trip per acknowledged report.
QString ackText(qint64 seq);

} // namespace hm::fleet
