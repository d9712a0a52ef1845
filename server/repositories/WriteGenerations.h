#pragma once

// Process-wide counters of writes that caches above the repositories depend
// on. The auth counter is bumped by the repositories' write methods (and by
// the few services that write those tables themselves), the flow counter
// by the services after a successful write (FlowService, ShareService);
// the caches (AuthCache, FlowGrantCache, the trigger path's version cache)
// compare the counter with the one they saw. Here, at the repositories'
// level, so that a repository never includes a service for it.
//
// Atomic: a write through any Database instance, on any thread, counts.

#include <QtGlobal>

namespace hm::server::auth {

// Generation of the stored data authentication reads: users, user_roles,
// refresh_tokens and api_keys (AuthCache.h). Every write there that can
// change who a credential belongs to, their role or status, or whether a
// session or key still lives calls authDataChanged().
quint64 authDataGeneration();
void authDataChanged();

} // namespace hm::server::auth

namespace hm::server {

// Every write that changes whether a flow is live, who it is shared with or
// which of its versions runs calls this (FlowAccess.h) once it succeeded:
// flow created, updated or deleted, version added or published
// (FlowService), share added, changed or removed (ShareService), invitation
// accepted (account creation). The services call it, not the repositories
// (flows, shares).
void invalidateFlowCaches();
// Bumped by invalidateFlowCaches().
quint64 flowCacheGeneration();

} // namespace hm::server
