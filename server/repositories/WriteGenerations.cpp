#include "server/repositories/WriteGenerations.h"

#include <atomic>

namespace hm::server {
namespace {

// Both start at 1 so that a zero stamp never counts as current.
std::atomic<quint64> g_authGeneration{1};
std::atomic<quint64> g_flowCacheGeneration{1};

} // namespace

quint64 auth::authDataGeneration()
{
    return g_authGeneration.load(std::memory_order_acquire);
}

void auth::authDataChanged()
{
    g_authGeneration.fetch_add(1, std::memory_order_acq_rel);
}

void invalidateFlowCaches()
{
    g_flowCacheGeneration.fetch_add(1, std::memory_order_relaxed);
}

quint64 flowCacheGeneration()
{
    return g_flowCacheGeneration.load(std::memory_order_relaxed);
}

} // namespace hm::server
