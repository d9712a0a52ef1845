#pragma once

// Which containers a container_down / container_unhealthy rule is about on
// one node (issue 38): the same containers fleet::containerAlertValue
// counts, by name, so that the record, its event and its e-mail say which
// ones — the first kMaxRecordContainers in name order, the record's value
// saying how many there are in all ("and N more").

#include "fleet/AgentProtocol.h"
#include "fleet/AlertRule.h"

#include <QSet>
#include <QStringList>

namespace hm::server::fleet {

inline constexpr int kMaxRecordContainers = 10;

QStringList containerAlertNames(const hm::fleet::AlertRule &rule,
                                const QList<hm::fleet::ContainerState> &containers,
                                const QSet<QString> &seen, int max = kMaxRecordContainers);

// How many containers a record counted beyond the names it keeps.
int containersMore(const QStringList &names, double value);

// "a, b, c", or with `more` "a, b, c and 4 more": `andMore` has %1 for the
// list and %2 for the number (the e-mail passes its language's words).
QString containerListText(const QStringList &names, int more,
                          const QString &separator = QStringLiteral(", "),
                          const QString &andMore = QStringLiteral("%1 and %2 more"));

} // namespace hm::server::fleet
