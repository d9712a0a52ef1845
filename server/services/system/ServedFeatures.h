#pragma once

#include <QStringList>

namespace hm::server {

// What this build serves, one name per area (GET /api/v1/version
// "features", and the capabilities of GET /api/v1/cluster/status): a
// console shows a section whose feature a server lacks as "needs a newer
// server" (app/shell/SectionFrame). Grows as areas land; names are never
// reused.
const QStringList &servedFeatures();

} // namespace hm::server
