#pragma once

// One report as the fleet's report log stores it (MetricHistory.h): the
// row a report is acknowledged on, so it must cost little to write. Its
// time and sequence number, then the values as IEEE doubles, exactly what
// arrived: the minute it joins quantises them when it is packed, the same
// whether the report came live or from the log. The metric names are
// written only when they differ from the node's previous record in the
// same log table (an agent sends the same names report after report), so
// a record of 40 values is about 340 bytes instead of a kilobyte.
//
//   byte    flags (1: names follow)
//   varint  seq, time (ms since 1970), value count
//   names   (flag 1) per value: one byte length, that many ASCII bytes
//   values  8 bytes each, little-endian

#include "common/Result.h"
#include "fleet/AgentProtocol.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>

namespace hm::server::fleet {

// Whether `names` are the report's metric names in order (a record may
// then leave them out).
bool sameMetricNames(const QStringList &names, const QList<hm::fleet::MetricValue> &metrics);

QByteArray encodeReportLogRecord(const hm::fleet::ReportMessage &report, bool withNames);

// `names`: the node's names from its previous record in the same table;
// replaced when the record carries its own. ValidationError for a record
// that is cut short, has trailing bytes, or leaves its names out when
// there are none to go on with.
Result<hm::fleet::ReportMessage> decodeReportLogRecord(QByteArrayView data, QStringList &names);

} // namespace hm::server::fleet
