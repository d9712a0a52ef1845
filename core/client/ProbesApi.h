#pragma once

#include "client/ApiTypes.h"
#include "client/ProbeTypes.h"

namespace hm::client {

class ApiClient;

// The fleet's probes (/api/v1/probes). Anyone signed in reads them;
// administrators create, change and delete them.
class ProbesApi
{
public:
    explicit ProbesApi(ApiClient &client) : m_client(client) {}

    // Every probe, all pages read (by id, as the server orders them).
    void list(Callback<QList<ProbeRow>> done);
    void get(const QString &id, Callback<ProbeRow> done);
    void create(const ProbeChange &probe, Callback<ProbeRow> done);
    void update(const QString &id, const ProbeChange &change, Callback<ProbeRow> done);
    void remove(const QString &id, Callback<void> done);

private:
    ApiClient &m_client;
};

} // namespace hm::client
