#pragma once

// Every SQL string of agent_releases (schema 33, `source` 35; docs/api.md
// "Agent releases").

#include "common/Result.h"
#include "fleet/AgentRelease.h"

#include <QList>
#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

struct AgentReleaseRow
{
    hm::fleet::ReleaseManifest manifest;
    QString uploadedBy;
    qint64 createdAt = 0;
    // The hivemind-agent built with this server, registered at start
    // (source 'built_in'); false for an administrator's upload.
    bool builtIn = false;
};

// ResourceAlreadyExists for a version already stored for that os/arch.
Status insertAgentRelease(store::Database &db, const AgentReleaseRow &row);
// Newest first (by version, then upload time).
Result<QList<AgentReleaseRow>> listAgentReleases(store::Database &db);
Result<std::optional<AgentReleaseRow>> agentRelease(store::Database &db, const QString &id);

} // namespace hm::server::repositories
