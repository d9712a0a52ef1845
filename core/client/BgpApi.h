#pragma once

#include "client/VpnNetTypes.h"

namespace hm::client {

class ApiClient;

// BGP sessions through BIRD (/api/v1/bgp). Anyone signed in reads;
// administrators create, change, start, stop and delete. Without BIRD every
// session's status is "unavailable" (lastError says why) and routes are 503;
// announcements are then stored without asking anyone.
class BgpApi
{
public:
    explicit BgpApi(ApiClient &client) : m_client(client) {}

    void sessions(const BgpSessionFilter &filter, Callback<Page<BgpSessionRow>> done);
    void session(qint64 id, Callback<BgpSessionRow> done);
    void createSession(const BgpSessionChange &session, Callback<BgpSessionRow> done);
    void updateSession(qint64 id, const BgpSessionChange &change, Callback<BgpSessionRow> done);
    void removeSession(qint64 id, Callback<void> done);
    void startSession(qint64 id, Callback<BgpRunState> done);
    void stopSession(qint64 id, Callback<BgpRunState> done);
    void routes(const BgpRouteFilter &filter, Callback<Page<BgpRouteRow>> done);
    // Prefixes announced besides the active IPv6 pools' (all of them: the
    // server keeps few). announce: BIRD applies it before it is stored
    // (422 with BIRD's words, 422 at prefix for host bits, 409 when
    // announced already or an active pool's).
    void announcements(Callback<QList<BgpAnnouncement>> done);
    void announce(const QString &prefix, const QString &description,
                  Callback<BgpAnnouncement> done);
    void withdraw(qint64 id, Callback<void> done);

private:
    ApiClient &m_client;
};

} // namespace hm::client
