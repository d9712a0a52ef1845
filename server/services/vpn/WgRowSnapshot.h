#pragma once

// A WireGuard server's or client's changeable fields as JSON and back: what
// a change awaiting confirmation keeps of the row it replaced
// (wg_pending_changes.previous), so it can be put back. Keys, state and
// times are not part of it: a rollback never touches them.

#include "server/repositories/WireGuardRepository.h"

#include <QJsonObject>

namespace hm::server::vpn {

QJsonObject wgServerSnapshot(const repositories::WgServerRow &row);
// `into` with the snapshot's fields put back.
repositories::WgServerRow wgServerFromSnapshot(repositories::WgServerRow into,
                                              const QJsonObject &snapshot);
QJsonObject wgClientSnapshot(const repositories::WgClientRow &row);
repositories::WgClientRow wgClientFromSnapshot(repositories::WgClientRow into,
                                              const QJsonObject &snapshot);

} // namespace hm::server::vpn
