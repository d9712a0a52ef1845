#pragma once

#include "client/VpnNetTypes.h"

namespace hm::client {

class ApiClient;

// IPv6 prefix pools and their delegations (/api/v1/ipv6). Anyone signed in
// reads; administrators create, change, delete, allocate and release.
class Ipv6PoolsApi
{
public:
    explicit Ipv6PoolsApi(ApiClient &client) : m_client(client) {}

    void pools(const Ipv6PoolFilter &filter, Callback<Page<Ipv6PoolRow>> done);
    void pool(qint64 id, Callback<Ipv6PoolRow> done);
    void createPool(const Ipv6PoolChange &pool, Callback<Ipv6PoolRow> done);
    void updatePool(qint64 id, const Ipv6PoolChange &change, Callback<Ipv6PoolRow> done);
    // force: its allocations are released with it (else 409 while it holds any).
    void removePool(qint64 id, bool force, Callback<void> done);

    void allocations(const Ipv6AllocationFilter &filter, Callback<Page<Ipv6AllocationRow>> done);
    void allocation(qint64 id, Callback<Ipv6AllocationRow> done);
    void allocate(const Ipv6AllocationRequest &request, Callback<Ipv6AllocationRow> done);
    void release(qint64 id, Callback<void> done);

private:
    ApiClient &m_client;
};

} // namespace hm::client
