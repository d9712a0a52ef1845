#pragma once

#include <QString>

namespace hm::server {

// ~/.local/share/hivemind on Linux: shared by hivemind-server and the
// console's local server, so both find the same database by default.
QString defaultDataDir();

} // namespace hm::server
