#pragma once

// Every SQL string of bgp_sessions (schema 27; docs/api.md "BGP"). The
// rules (names BIRD accepts, ranges, the rendered BIRD configuration) are
// server/services/vpn/BgpService.

#include "common/Result.h"

#include <QList>
#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

struct BgpSessionRow
{
    qint64 id = 0;
    QString name; // also the BIRD protocol name
    QString neighbor;
    qint64 remoteAs = 0;
    qint64 localAs = 0;
    QString sealedPassword; // empty: none
    int holdTime = 90;
    int keepalive = 30;
    int connectRetry = 120;
    int multihop = 0; // 0: direct; else the TTL
    bool ttlSecurity = false;
    bool enabled = true;
    QString description;
    QString ipv6NextHop; // empty: BIRD chooses (schema 35)
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// A prefix announced besides the pools' (bgp_announcements).
struct BgpAnnouncementRow
{
    qint64 id = 0;
    QString prefix; // canonical
    QString description;
    qint64 createdAt = 0;
};

struct BgpSessionFilter
{
    QString search;   // name, neighbor or description contains it
    QString neighbor; // exactly; empty: any
};

// Every matching session, by id (the status filter and the paging are the
// service's: the status comes from BIRD).
Result<QList<BgpSessionRow>> bgpSessions(store::Database &db, const BgpSessionFilter &filter = {});
Result<std::optional<BgpSessionRow>> bgpSessionById(store::Database &db, qint64 id);
// Conflict (details.field "name") when taken. The new id.
Result<qint64> insertBgpSession(store::Database &db, const BgpSessionRow &row);
// Everything but id and created_at; Conflict as insertBgpSession.
Status updateBgpSession(store::Database &db, const BgpSessionRow &row);
Status setBgpSessionPassword(store::Database &db, qint64 id, const QString &sealed);
// 0 when there was no such session.
Result<int> deleteBgpSession(store::Database &db, qint64 id);

// Every announced prefix, by id.
Result<QList<BgpAnnouncementRow>> bgpAnnouncements(store::Database &db);
// CONFLICT when the prefix is announced already; the new id.
Result<qint64> insertBgpAnnouncement(store::Database &db, const BgpAnnouncementRow &row);
// 0 when there was none.
Result<int> deleteBgpAnnouncement(store::Database &db, qint64 id);

} // namespace hm::server::repositories
