#pragma once

namespace hm::server {

class ApiRouter;
namespace auth {
struct AuthModule;
}
namespace remote {
class NodeGrants;
class NodeActions;
class ProcessOps;
class RecentAuthentication;
class TerminalService;
class FileOps;
class TaskService;
class DockerOps;
class NginxOps;
class NodePower;
class AgentReleases;
class AgentUpgrades;
} // namespace remote

// /api/v1/nodes/grants* (NodeGrantRoutes.cpp, docs/api.md "Node grants"):
// who may act on which nodes; administrators only. And
// GET /api/v1/nodes/{id}/access: what the caller may do on one node.
void registerNodeGrantRoutes(ApiRouter &router, auth::AuthModule &auth,
                             remote::NodeActions &actions);
// /api/v1/nodes/{id}/processes* and seed 002's /api/servers/{id}/processes*
// (ProcessRoutes.cpp, docs/api.md "Node processes").
void registerProcessRoutes(ApiRouter &router, auth::AuthModule &auth, remote::ProcessOps &processes);
// /api/v1/nodes/{id}/files* and seed 002's /api/servers/{id}/files/*
// (FileRoutes.cpp, docs/api.md "Node files").
void registerFileRoutes(ApiRouter &router, auth::AuthModule &auth, remote::FileOps &files);
// Seed 000's GET/POST /api/tasks and /api/v1/tasks (TaskRoutes.cpp,
// docs/api.md "Node tasks").
void registerTaskRoutes(ApiRouter &router, auth::AuthModule &auth, remote::TaskService &tasks);
// /api/v1/nodes/{id}/docker/* and seed 002's /api/servers/{id}/docker/*
// (DockerRoutes.cpp, docs/api.md "Node Docker").
void registerDockerRoutes(ApiRouter &router, auth::AuthModule &auth, remote::DockerOps &docker);

// /api/v1/nodes/{id}/nginx/* and seed 002's /api/servers/{id}/nginx/*
// (NginxRoutes.cpp, docs/api.md "Node Nginx").
void registerNginxRoutes(ApiRouter &router, auth::AuthModule &auth, remote::NginxOps &nginx);

// /api/v1/nodes/{id}/terminal/sessions* (and seed 002's
// /api/servers/{id}/terminal/sessions*), POST /api/v1/auth/reauthenticate
// (TerminalRoutes.cpp, docs/api.md "Node terminals").
void registerTerminalRoutes(ApiRouter &router, auth::AuthModule &auth,
                            remote::TerminalService &terminals,
                            remote::RecentAuthentication &recent);

// POST /api/v1/nodes/{id}/restart-agent, /api/v1/nodes/{id}/reboot and
// seed 000's /api/nodes/{id}/restart (NodePowerRoutes.cpp, docs/api.md
// "Node power").
void registerNodePowerRoutes(ApiRouter &router, auth::AuthModule &auth, remote::NodePower &power);
// /api/v1/agents/releases*, /api/v1/nodes/{id}/upgrade, /api/v1/agents/upgrade
// and seed 002's /api/agents/releases/latest and /api/servers/upgrade
// (AgentReleaseRoutes.cpp, docs/api.md "Agent releases").
void registerAgentReleaseRoutes(ApiRouter &router, auth::AuthModule &auth,
                                remote::AgentReleases &releases, remote::AgentUpgrades &upgrades);

} // namespace hm::server
