#pragma once

#include "client/WireGuardTypes.h"

namespace hm::client {

class ApiClient;

// WireGuard servers and their clients (/api/v1/wireguard). Anyone signed in
// reads them; administrators create, change, delete, start and stop, and
// download a client's config (it holds the client's private key).
class WireGuardApi
{
public:
    explicit WireGuardApi(ApiClient &client) : m_client(client) {}

    void servers(const WgServerFilter &filter, Callback<Page<WgServerRow>> done);
    void server(qint64 id, Callback<WgServerRow> done);
    void createServer(const WgServerChange &server, Callback<WgServerRow> done);
    void updateServer(qint64 id, const WgServerChange &change, Callback<WgServerRow> done);
    // Its clients go with it; a running interface is removed.
    void removeServer(qint64 id, Callback<void> done);
    void startServer(qint64 id, Callback<WgRunState> done);
    void stopServer(qint64 id, Callback<WgRunState> done);
    void serverStatus(qint64 id, Callback<WgServerStatus> done);
    // The server's clients' traffic summed per bucket.
    void serverTraffic(qint64 id, const WgTrafficQuery &query, Callback<WgTraffic> done);
    // Imports a wg-quick file with its peers (ADMIN); a dry run stores
    // nothing and answers what would be created.
    void importServer(const WgImportRequest &request, Callback<WgImportResult> done);

    void clients(const WgClientFilter &filter, Callback<Page<WgClientRow>> done);
    void client(qint64 id, Callback<WgClientRow> done);
    void createClient(const WgClientChange &client, Callback<WgCreatedClient> done);
    void updateClient(qint64 id, const WgClientChange &change, Callback<WgClientRow> done);
    void removeClient(qint64 id, Callback<void> done);
    void enableClient(qint64 id, Callback<WgClientRow> done);
    void disableClient(qint64 id, Callback<WgClientRow> done);
    // The client's wg-quick file (ADMIN): a secret.
    void clientConfig(qint64 id, Callback<QString> done);
    // The client's traffic per bucket (a tier the server does not have is
    // 422 at `tier`; an unknown client 404).
    void clientTraffic(qint64 id, const WgTrafficQuery &query, Callback<WgTraffic> done);
    // Where the client connected from, most recently seen first; limit
    // 1–100 (0: the server's default, 20).
    void clientEndpoints(qint64 id, int limit, Callback<QList<WgEndpointSeen>> done);

    // One-time links to a client's config (ADMIN). `expiresInSeconds`
    // 60–604,800; an imported client without its private key is 409.
    void createShareLink(qint64 clientId, int expiresInSeconds,
                         Callback<WgShareLinkCreated> done);
    // Newest first, without tokens.
    void shareLinks(qint64 clientId, Callback<QList<WgShareLink>> done);
    // Removes the unused links (used ones stay as a record); answers how many.
    void revokeShareLinks(qint64 clientId, Callback<int> done);

    // Changes made with a WgConfirmRequest that await confirmation, by deadline.
    void pendingChanges(Callback<QList<WgPendingChange>> done);
    // Keeps the change of a server or client (`kind` "server" or "client");
    // 404 when nothing awaits confirmation.
    void confirmChange(const QString &kind, qint64 id, Callback<void> done);

private:
    ApiClient &m_client;
};

} // namespace hm::client
