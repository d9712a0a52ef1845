// The HiveMind schema, as migrations. Conventions for every table:
//   - timestamps are INTEGER unix milliseconds UTC, in columns named *_at;
//   - ids are UUIDs stored as TEXT (lower case, no braces);
//   - JSON documents are TEXT (SQLCipher 3.4.1 = SQLite 3.15.2 has no JSON1);
//   - booleans are INTEGER 0/1.
// SQLite 3.15.2 also lacks UPSERT, RETURNING and window functions; partial
// indexes and expression defaults are fine.
//
// Never edit a migration that has shipped: add a new one.

#include "store/Migrations.h"

namespace hm::store {

namespace {

// Current time in unix milliseconds, as a column default.
#define HM_NOW_MS "(CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))"

// Version 1: accounts, tokens, API keys, audit log, data keys and settings
// (seed 003 section 4.2 and 12.2.3, seed 001 API keys).
const char kInitialSchema[] = R"sql(
CREATE TABLE users (
    id                 TEXT PRIMARY KEY NOT NULL,
    -- HiveMind logs in by username or email; both unique ignoring ASCII case.
    username           TEXT NOT NULL COLLATE NOCASE,
    email              TEXT NOT NULL COLLATE NOCASE,
    password_hash      TEXT NOT NULL,
    name               TEXT NOT NULL,
    avatar_url         TEXT,
    status             TEXT NOT NULL DEFAULT 'pending',
    email_verified     INTEGER NOT NULL DEFAULT 0 CHECK (email_verified IN (0, 1)),
    two_factor_enabled INTEGER NOT NULL DEFAULT 0 CHECK (two_factor_enabled IN (0, 1)),
    -- envelope ciphertext "v{version}:{nonce}:{ciphertext}" of the TOTP secret
    totp_secret_enc    TEXT,
    last_login_at      INTEGER,
    login_attempts     INTEGER NOT NULL DEFAULT 0,
    locked_until       INTEGER,
    created_at         INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    updated_at         INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    CONSTRAINT uk_users_username UNIQUE (username),
    CONSTRAINT uk_users_email UNIQUE (email),
    CONSTRAINT chk_user_status CHECK (status IN ('pending', 'active', 'suspended', 'deleted'))
);
-- The seed's idx_users_email duplicates the index of uk_users_email.
CREATE INDEX idx_users_status ON users(status);

CREATE TABLE user_roles (
    id         TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role       TEXT NOT NULL,
    created_at INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    CONSTRAINT uk_user_roles UNIQUE (user_id, role),
    CONSTRAINT chk_role CHECK (role IN ('ADMIN', 'USER', 'VIEWER'))
);
CREATE INDEX idx_user_roles_user_id ON user_roles(user_id);

-- Refresh tokens rotate on use: every token of one login shares family_id,
-- replaced_by points at the successor, and reuse of a replaced token
-- revokes the whole family.
CREATE TABLE refresh_tokens (
    id           TEXT PRIMARY KEY NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash   TEXT NOT NULL, -- SHA-256 of the token, hex
    family_id    TEXT NOT NULL,
    replaced_by  TEXT,
    device_info  TEXT,
    ip_address   TEXT,
    expires_at   INTEGER NOT NULL,
    created_at   INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    last_used_at INTEGER,
    revoked_at   INTEGER,
    CONSTRAINT uk_refresh_token UNIQUE (token_hash)
);
CREATE INDEX idx_refresh_tokens_user_id ON refresh_tokens(user_id);
CREATE INDEX idx_refresh_tokens_family_id ON refresh_tokens(family_id);
CREATE INDEX idx_refresh_tokens_expires ON refresh_tokens(expires_at) WHERE revoked_at IS NULL;

-- Keys are shown once; only a hash is kept, the prefix finds the row.
CREATE TABLE api_keys (
    id                TEXT PRIMARY KEY NOT NULL,
    user_id           TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    description       TEXT,
    key_hash          TEXT NOT NULL,
    key_prefix        TEXT NOT NULL,
    access_level      TEXT NOT NULL DEFAULT 'read',
    permissions       TEXT NOT NULL DEFAULT '[]', -- JSON array of permission names
    allowed_ips       TEXT NOT NULL DEFAULT '[]', -- JSON array of addresses / CIDRs
    allowed_endpoints TEXT NOT NULL DEFAULT '[]', -- JSON array of path patterns
    rate_limit        TEXT, -- JSON {requests_per_minute, burst_limit}
    expires_at        INTEGER,
    status            TEXT NOT NULL DEFAULT 'active',
    created_at        INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    last_used_at      INTEGER, -- "last_used" in the API
    CONSTRAINT uk_api_keys_hash UNIQUE (key_hash),
    CONSTRAINT chk_api_key_access CHECK (access_level IN ('read', 'write', 'admin')),
    CONSTRAINT chk_api_key_status CHECK (status IN ('active', 'disabled', 'revoked', 'expired'))
);
CREATE INDEX idx_api_keys_user_id ON api_keys(user_id);
CREATE INDEX idx_api_keys_prefix ON api_keys(key_prefix);

CREATE TABLE audit_logs (
    id            TEXT PRIMARY KEY NOT NULL,
    user_id       TEXT REFERENCES users(id),
    action        TEXT NOT NULL, -- LOGIN, LOGOUT, LOGIN_FAILED, CREATE_FLOW, ...
    resource_type TEXT,
    resource_id   TEXT,
    ip_address    TEXT,
    user_agent    TEXT,
    details       TEXT, -- JSON object
    created_at    INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(
);
CREATE INDEX idx_audit_logs_user_id ON audit_logs(user_id);
CREATE INDEX idx_audit_logs_action ON audit_logs(action);
CREATE INDEX idx_audit_logs_created_at ON audit_logs(created_at DESC);

-- Envelope encryption keys, each wrapped by the DEK-wrapping subkey of the
-- master key (XChaCha20-Poly1305; encryption_iv is the 24-byte nonce).
CREATE TABLE data_encryption_keys (
    id            TEXT PRIMARY KEY NOT NULL,
    key_version   INTEGER NOT NULL,
    purpose       TEXT NOT NULL, -- CREDENTIAL, BACKUP, GENERAL
    encrypted_key BLOB NOT NULL,
    encryption_iv BLOB NOT NULL,
    status        TEXT NOT NULL,
    created_at    INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    retired_at    INTEGER,
    CONSTRAINT uk_dek_version_purpose UNIQUE (key_version, purpose),
    CONSTRAINT chk_dek_status CHECK (status IN ('ACTIVE', 'DECRYPT_ONLY', 'RETIRED'))
);
CREATE INDEX idx_dek_active ON data_encryption_keys(purpose, status) WHERE status = 'ACTIVE';

CREATE TABLE settings (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL, -- JSON value
    updated_at INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    updated_by TEXT REFERENCES users(id) ON DELETE SET NULL
);
)sql";

// Version 2: flows, their versions and execution history (seed 003 §4.2,
// adapted; see docs/engine-persistence.md). Deliberately without foreign
// keys from executions and execution_queue: their rows arrive through the
// write-behind queue, which drops a failing op, so a missing or soft-deleted
// flow must never cost history or a queued request.
const char kFlowsSchema[] = R"sql(
CREATE TABLE flows (
    id                 TEXT PRIMARY KEY NOT NULL,
    name               TEXT NOT NULL,
    description        TEXT,
    owner_id           TEXT NOT NULL, -- user id (no FK: flows may be owned by "system")
    webhook_token_hash TEXT,          -- SHA-256 of the webhook token, hex
    history_level      TEXT NOT NULL DEFAULT 'all',
    created_at         INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    updated_at         INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    deleted_at         INTEGER, -- soft delete: history keeps pointing at the flow
    CONSTRAINT chk_flow_history_level CHECK (history_level IN ('all', 'summary', 'none'))
);
-- Names are unique among live flows only (the seed's "WHERE NOT is_deleted").
CREATE UNIQUE INDEX uk_flows_name ON flows(name) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX uk_flows_webhook ON flows(webhook_token_hash)
    WHERE webhook_token_hash IS NOT NULL;
CREATE INDEX idx_flows_owner_id ON flows(owner_id) WHERE deleted_at IS NULL;

CREATE TABLE flow_versions (
    id           TEXT PRIMARY KEY NOT NULL,
    flow_id      TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
    version      TEXT NOT NULL, -- "1", "2", ...
    status       TEXT NOT NULL DEFAULT 'draft',
    definition   TEXT NOT NULL, -- JSON, flow::FlowDefinition::toJson()
    settings     TEXT NOT NULL DEFAULT '{}', -- JSON, flow::FlowSettings::toJson()
    created_by   TEXT NOT NULL,
    created_at   INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    published_at INTEGER,
    CONSTRAINT uk_flow_versions UNIQUE (flow_id, version),
    CONSTRAINT chk_flow_version_status CHECK (status IN ('draft', 'published', 'deprecated'))
);
-- Publishing deprecates the previous published version: at most one each.
CREATE UNIQUE INDEX uk_flow_versions_published ON flow_versions(flow_id)
    WHERE status = 'published';

CREATE TABLE executions (
    id            TEXT PRIMARY KEY NOT NULL,
    flow_id       TEXT NOT NULL,
    flow_version  TEXT NOT NULL, -- pinned version, flow_versions.version
    status        TEXT NOT NULL DEFAULT 'pending',
    trigger_key   TEXT,          -- concurrency scope key (scope trigger_key)
    trigger_input TEXT,          -- JSON
    triggered_by  TEXT,          -- user id, API key id or "system"
    cancel_reason TEXT,          -- user_requested|timeout|replaced|system|dependency_failed
    error_code    TEXT,
    error_message TEXT,
    outputs       TEXT,          -- JSON, leaf outputs (masked)
    rerun_of      TEXT,
    history_level TEXT NOT NULL DEFAULT 'all',
    created_at    INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    started_at    INTEGER,
    ended_at      INTEGER,
    duration_ms   INTEGER,
    CONSTRAINT chk_execution_status CHECK (status IN
        ('pending', 'queued', 'running', 'completed', 'failed', 'cancelling', 'cancelled')),
    CONSTRAINT chk_execution_history_level CHECK (history_level IN ('all', 'summary', 'none'))
);
CREATE INDEX idx_executions_flow_created ON executions(flow_id, created_at DESC);
CREATE INDEX idx_executions_status ON executions(status);

-- One row per (execution, node) holding its latest state, replaced with
-- INSERT OR REPLACE (nothing references these rows, so a replace is safe).
CREATE TABLE node_executions (
    id            TEXT PRIMARY KEY NOT NULL,
    execution_id  TEXT NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
    node_id       TEXT NOT NULL,
    component     TEXT NOT NULL,
    version       TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'pending',
    attempt       INTEGER NOT NULL DEFAULT 0,
    skip_reason   TEXT,
    inputs        TEXT, -- JSON (masked, capped)
    outputs       TEXT, -- JSON (masked, capped)
    error_code    TEXT,
    error_message TEXT,
    started_at    INTEGER,
    ended_at      INTEGER,
    duration_ms   INTEGER,
    CONSTRAINT uk_node_execution UNIQUE (execution_id, node_id),
    CONSTRAINT chk_node_status CHECK (status IN
        ('pending', 'running', 'completed', 'failed', 'cancelled', 'skipped'))
);

-- Requests waiting for a concurrency slot; survives restarts and is handed
-- back to the engine in sequence order.
CREATE TABLE execution_queue (
    execution_id TEXT PRIMARY KEY NOT NULL,
    flow_id      TEXT NOT NULL,
    flow_version TEXT NOT NULL,
    scope_key    TEXT NOT NULL DEFAULT '',
    inputs       TEXT NOT NULL DEFAULT '{}', -- JSON, unmasked: needed to run
    triggered_by TEXT,
    queued_at    INTEGER NOT NULL,
    sequence     INTEGER NOT NULL,
    CONSTRAINT uk_execution_queue_sequence UNIQUE (sequence)
);
)sql";

// Version 3: flow sharing (seed 003 §14.3) and registered HTTP components
// (seed 003 §4.2 components + component_versions folded into one row per
// name and version: HiveMind's components are endpoints, not images).
const char kSharingAndComponentsSchema[] = R"sql(
CREATE TABLE flow_shares (
    id            TEXT PRIMARY KEY NOT NULL,
    flow_id       TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
    user_id       TEXT REFERENCES users(id) ON DELETE CASCADE,
    invited_email TEXT COLLATE NOCASE, -- not yet registered users
    permission    TEXT NOT NULL,
    shared_by     TEXT NOT NULL,
    accepted_at   INTEGER,
    created_at    INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    updated_at    INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    CONSTRAINT chk_share_permission CHECK (permission IN ('view', 'edit', 'admin')),
    CONSTRAINT chk_share_target CHECK (user_id IS NOT NULL OR invited_email IS NOT NULL)
);
-- One share per person and flow (ALREADY_SHARED).
CREATE UNIQUE INDEX uk_flow_shares_user ON flow_shares(flow_id, user_id)
    WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX uk_flow_shares_email ON flow_shares(flow_id, invited_email)
    WHERE user_id IS NULL;
CREATE INDEX idx_flow_shares_user ON flow_shares(user_id);
CREATE INDEX idx_flow_shares_email ON flow_shares(invited_email);

CREATE TABLE components (
    id                TEXT PRIMARY KEY NOT NULL,
    name              TEXT NOT NULL,
    version           TEXT NOT NULL,
    display_name      TEXT,
    description       TEXT,
    category          TEXT,
    endpoint          TEXT NOT NULL, -- base URL of the HTTP component
    interface_def     TEXT NOT NULL, -- JSON, flow::ComponentInterface
    status            TEXT NOT NULL DEFAULT 'active',
    health            TEXT NOT NULL DEFAULT 'unknown',
    health_checked_at INTEGER,
    created_by        TEXT NOT NULL,
    created_at        INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    updated_at        INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    deleted_at        INTEGER,
    CONSTRAINT chk_component_status CHECK (status IN ('active', 'deprecated', 'disabled')),
    CONSTRAINT chk_component_health CHECK (health IN
        ('unknown', 'healthy', 'degraded', 'unhealthy'))
);
CREATE UNIQUE INDEX uk_components ON components(name, version) WHERE deleted_at IS NULL;
)sql";

// Version 4: the last log lines of each node (JSON array of strings, masked),
// for GET /api/v1/executions/{id}/nodes/{nodeId} after the engine forgot it.
const char kNodeLogsSchema[] = R"sql(
ALTER TABLE node_executions ADD COLUMN logs TEXT;
)sql";

// Version 5: node_executions keyed by (execution_id, node_id) only. The text
// primary key `id` duplicated that key (it is "<execution id>/<node id>",
// or a UUIDv5 of the pair in older rows) and cost a third B-tree insert per
// node row, the history's commonest write. `id` stays as a plain column.
// SQLite cannot drop a primary key in place: the table is rebuilt.
const char kNodeKeySchema[] = R"sql(
CREATE TABLE node_executions_v5 (
    id            TEXT NOT NULL,
    execution_id  TEXT NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
    node_id       TEXT NOT NULL,
    component     TEXT NOT NULL,
    version       TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'pending',
    attempt       INTEGER NOT NULL DEFAULT 0,
    skip_reason   TEXT,
    inputs        TEXT,
    outputs       TEXT,
    error_code    TEXT,
    error_message TEXT,
    started_at    INTEGER,
    ended_at      INTEGER,
    duration_ms   INTEGER,
    logs          TEXT,
    CONSTRAINT uk_node_execution UNIQUE (execution_id, node_id),
    CONSTRAINT chk_node_status CHECK (status IN
        ('pending', 'running', 'completed', 'failed', 'cancelled', 'skipped'))
);
INSERT INTO node_executions_v5 (id, execution_id, node_id, component, version, status, attempt,
    skip_reason, inputs, outputs, error_code, error_message, started_at, ended_at, duration_ms, logs)
SELECT id, execution_id, node_id, component, version, status, attempt, skip_reason, inputs,
    outputs, error_code, error_message, started_at, ended_at, duration_ms, logs
FROM node_executions;
DROP TABLE node_executions;
ALTER TABLE node_executions_v5 RENAME TO node_executions;
)sql";

// Version 6: an execution that ends within one history batch keeps its
// node records in its own row (a JSON array) instead of one node_executions
// row each: one B-tree insert per execution instead of one per node
// (core/engine_store/PackedNodeStates.h).
const char kPackedNodeStatesSchema[] = R"sql(
ALTER TABLE executions ADD COLUMN node_states TEXT;
)sql";

// Version 7: optimistic concurrency on flows. `revision` counts the changes
// of a flow (1 when created, +1 per new version, publish, rename or delete;
// shares and webhooks leave it alone); a write based on an older revision
// is refused with CONFLICT (engine_store/FlowRepository.h, FlowEditBase).
// It is the flow's ETag on the API.
const char kFlowRevisionSchema[] = R"sql(
ALTER TABLE flows ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
)sql";

// Version 8: the credential vault (seed 003 §13.3, docs/vault.md). The
// type's non-secret fields are `public_data` (JSON object) and the names of
// its secret fields that hold a value `secret_fields` (JSON array), so lists
// need no decryption; the secret fields themselves are `encrypted_data`, an
// envelope under the CREDENTIAL data key with the row's id as associated
// data, sealed under key version `dek_version` (also the ciphertext's
// "v{n}:" prefix; kept as a column for the rotation's batches).
// credential_usages: who uses a credential (external services when they
// land); a credential with a usage cannot be deleted (CREDENTIAL_IN_USE).
const char kCredentialSchema[] = R"sql(
CREATE TABLE credentials (
    id             TEXT PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL,
    description    TEXT,
    type           TEXT NOT NULL,
    visibility     TEXT NOT NULL DEFAULT 'private',
    public_data    TEXT NOT NULL DEFAULT '{}',
    secret_fields  TEXT NOT NULL DEFAULT '[]',
    encrypted_data TEXT NOT NULL,
    dek_version    INTEGER NOT NULL,
    owner_id       TEXT NOT NULL REFERENCES users(id),
    workspace_id   TEXT,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    CONSTRAINT chk_credential_type CHECK (type IN
        ('http_basic', 'http_bearer', 'api_key', 'oauth2', 'database', 'ssh')),
    CONSTRAINT chk_credential_visibility CHECK (visibility IN ('private', 'workspace', 'shared'))
);
CREATE INDEX idx_credentials_owner ON credentials(owner_id);
CREATE INDEX idx_credentials_dek_version ON credentials(dek_version);
CREATE TABLE credential_usages (
    credential_id TEXT NOT NULL REFERENCES credentials(id),
    user_type     TEXT NOT NULL, -- what uses it: service, ...
    user_id       TEXT NOT NULL,
    user_name     TEXT,
    created_at    INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    PRIMARY KEY (credential_id, user_type, user_id)
);
)sql";

// Version 9: external services and their endpoints (seed 003 §4.2
// external_services / service_endpoints, docs/services.md). A service is
// hard-deleted (its endpoints go with it); `credential_id` links a vault
// credential (credential_usages gets a row 'service' while linked).
// `schema_url` is what the user gave (relative to base_url or absolute),
// `schema_source` the absolute URL the document was last read from (probed
// when no schema_url was given). An endpoint keeps the imported operation
// whole as `definition` (Endpoint::toJson of core/openapi, for refresh
// diffs) and the parts flows use as columns; one that a refresh no longer
// finds stays with status 'removed' so that flows pointing at it get a
// clear ENDPOINT_NOT_FOUND instead of a dangling id.
const char kExternalServicesSchema[] = R"sql(
CREATE TABLE external_services (
    id                  TEXT PRIMARY KEY NOT NULL,
    name                TEXT NOT NULL,
    display_name        TEXT NOT NULL,
    description         TEXT,
    base_url            TEXT NOT NULL,
    protocol            TEXT NOT NULL DEFAULT 'REST',
    schema_url          TEXT,
    schema_source       TEXT,
    schema_info         TEXT, -- JSON {specVersion, title, version, servers, securitySchemes}
    credential_id       TEXT REFERENCES credentials(id),
    timeout_ms          INTEGER NOT NULL DEFAULT 30000,
    status              TEXT NOT NULL DEFAULT 'active',
    created_by          TEXT NOT NULL REFERENCES users(id),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    schema_refreshed_at INTEGER,
    CONSTRAINT chk_external_service_protocol CHECK (protocol IN ('REST', 'GraphQL', 'gRPC')),
    CONSTRAINT chk_external_service_status CHECK (status IN ('active', 'inactive', 'error'))
);
CREATE UNIQUE INDEX uk_external_services_name ON external_services(name);
CREATE INDEX idx_external_services_credential ON external_services(credential_id);
CREATE TABLE service_endpoints (
    id                   TEXT PRIMARY KEY NOT NULL,
    service_id           TEXT NOT NULL REFERENCES external_services(id) ON DELETE CASCADE,
    name                 TEXT NOT NULL,
    operation_id         TEXT,
    summary              TEXT,
    description          TEXT,
    method               TEXT NOT NULL,
    path                 TEXT NOT NULL,
    parameters           TEXT NOT NULL DEFAULT '[]', -- JSON array {name, in, required, schema, ...}
    request_body         TEXT, -- JSON Schema of the body (request_content_type), NULL = none
    request_content_type TEXT,
    responses            TEXT NOT NULL DEFAULT '[]', -- JSON array {status, description, content}
    tags                 TEXT NOT NULL DEFAULT '[]',
    definition           TEXT NOT NULL DEFAULT '{}', -- the whole operation as imported
    source               TEXT NOT NULL DEFAULT 'manual',
    status               TEXT NOT NULL DEFAULT 'active',
    is_enabled           INTEGER NOT NULL DEFAULT 1,
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    removed_at           INTEGER,
    CONSTRAINT uk_service_endpoints UNIQUE (service_id, method, path),
    CONSTRAINT chk_endpoint_method CHECK (method IN
        ('GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE')),
    CONSTRAINT chk_endpoint_source CHECK (source IN ('document', 'manual')),
    CONSTRAINT chk_endpoint_status CHECK (status IN ('active', 'removed'))
);
CREATE INDEX idx_service_endpoints_service ON service_endpoints(service_id);
)sql";

// Version 10: a component version may be served by several endpoints
// (ComponentService: round robin over the healthy ones). Each endpoint
// keeps its own health; components.endpoint and components.health stay as
// the first endpoint and the summary of all (SQLite 3.15 cannot drop
// columns). `deprecated` is components.status = 'deprecated' (seed 003
// §4.2 component_versions.status); a version's config_schema stays inside
// interface_def ("configSchema"). Version 9 is another change's number.
const char kComponentEndpointsSchema[] = R"sql(
CREATE TABLE component_endpoints (
    id                TEXT PRIMARY KEY NOT NULL,
    component_id      TEXT NOT NULL REFERENCES components(id) ON DELETE CASCADE,
    endpoint          TEXT NOT NULL, -- base URL of the HTTP component service
    health            TEXT NOT NULL DEFAULT 'unknown',
    health_checked_at INTEGER,
    health_message    TEXT,
    created_by        TEXT NOT NULL,
    created_at        INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    CONSTRAINT uk_component_endpoints UNIQUE (component_id, endpoint),
    CONSTRAINT chk_component_endpoint_health CHECK (health IN
        ('unknown', 'healthy', 'degraded', 'unhealthy'))
);
CREATE INDEX idx_component_endpoints_endpoint ON component_endpoints(endpoint);
INSERT INTO component_endpoints (id, component_id, endpoint, health, health_checked_at,
                                 created_by, created_at)
SELECT lower(hex(randomblob(16))), id, endpoint, health, health_checked_at, created_by, created_at
FROM components;
)sql";

// Version 11: seed 003 §4.2's components / component_versions split. The
// name-level fields (display_name, description, category, icon) move to
// one `components` row per name; every registration row of version 3 becomes
// a `component_versions` row with the SAME id (the API's "id", audit entries
// and component_endpoints point at it), its endpoint summary, interface,
// status, health, times and soft delete. The seed's `image` is our endpoint
// (the first of component_endpoints), its config_schema stays inside
// interface_def ("configSchema"), resources and health_check have no
// meaning for an HTTP endpoint. A deleted registration keeps its row
// (history), so (component_id, version) is unique among live rows only.
// A `components` row lives as long as the name is registered at all: it
// gets deleted_at (the seed's is_deleted) when its last live version is
// deleted and loses it when a version is registered again, so the name is
// unique outright. When the rows of one name disagree, the latest live
// one's display name, description and category win.
// SQLite renames, never alters: old components aside (foreign keys on, so
// component_endpoints follows the rename), the new tables filled, the
// endpoints rebuilt to point at component_versions, the old table dropped.
const char kComponentVersionsSchema[] = R"sql(
ALTER TABLE components RENAME TO components_v10;
CREATE TABLE components (
    id           TEXT PRIMARY KEY NOT NULL,
    name         TEXT NOT NULL,
    display_name TEXT NOT NULL,
    description  TEXT,
    category     TEXT,
    icon         TEXT, -- a name or URL the console maps to an icon
    created_by   TEXT NOT NULL,
    created_at   INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    updated_at   INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    deleted_at   INTEGER, -- every version deleted
    CONSTRAINT uk_components_name UNIQUE (name)
);
CREATE INDEX idx_components_category ON components(category) WHERE deleted_at IS NULL;
INSERT INTO components (id, name, display_name, description, category, created_by, created_at,
                        updated_at, deleted_at)
SELECT lower(substr(g.h, 1, 8) || '-' || substr(g.h, 9, 4) || '-4' || substr(g.h, 14, 3) || '-' ||
             substr('89AB', 1 + abs(random() % 4), 1) || substr(g.h, 18, 3) || '-' ||
             substr(g.h, 21, 12)),
       g.name,
       coalesce((SELECT r.display_name FROM components_v10 r WHERE r.name = g.name
                 AND r.display_name IS NOT NULL AND r.display_name <> ''
                 ORDER BY r.deleted_at IS NULL DESC, r.updated_at DESC, r.rowid DESC LIMIT 1),
                g.name),
       (SELECT r.description FROM components_v10 r WHERE r.name = g.name
        AND r.description IS NOT NULL
        ORDER BY r.deleted_at IS NULL DESC, r.updated_at DESC, r.rowid DESC LIMIT 1),
       (SELECT r.category FROM components_v10 r WHERE r.name = g.name AND r.category IS NOT NULL
        ORDER BY r.deleted_at IS NULL DESC, r.updated_at DESC, r.rowid DESC LIMIT 1),
       (SELECT r.created_by FROM components_v10 r WHERE r.name = g.name
        ORDER BY r.created_at, r.rowid LIMIT 1),
       g.created_at, g.updated_at, CASE WHEN g.live > 0 THEN NULL ELSE g.deleted_at END
FROM (SELECT hex(randomblob(16)) AS h, name, min(created_at) AS created_at,
             max(updated_at) AS updated_at, max(deleted_at) AS deleted_at,
             sum(deleted_at IS NULL) AS live
      FROM components_v10 GROUP BY name) g;
CREATE TABLE component_versions (
    id                TEXT PRIMARY KEY NOT NULL,
    component_id      TEXT NOT NULL REFERENCES components(id),
    version           TEXT NOT NULL,
    endpoint          TEXT NOT NULL, -- the first of component_endpoints (the seed's image)
    interface_def     TEXT NOT NULL, -- JSON, flow::ComponentInterface
    status            TEXT NOT NULL DEFAULT 'active',
    health            TEXT NOT NULL DEFAULT 'unknown', -- the best of its endpoints'
    health_checked_at INTEGER,
    created_by        TEXT NOT NULL,
    created_at        INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    updated_at        INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    deleted_at        INTEGER,
    CONSTRAINT chk_component_version_status CHECK (status IN ('active', 'deprecated', 'disabled')),
    CONSTRAINT chk_component_version_health CHECK (health IN
        ('unknown', 'healthy', 'degraded', 'unhealthy'))
);
CREATE UNIQUE INDEX uk_component_versions ON component_versions(component_id, version)
    WHERE deleted_at IS NULL;
CREATE INDEX idx_component_versions_component ON component_versions(component_id);
INSERT INTO component_versions (id, component_id, version, endpoint, interface_def, status, health,
                                health_checked_at, created_by, created_at, updated_at, deleted_at)
SELECT o.id, c.id, o.version, o.endpoint, o.interface_def, o.status, o.health,
       o.health_checked_at, o.created_by, o.created_at, o.updated_at, o.deleted_at
FROM components_v10 o JOIN components c ON c.name = o.name;
CREATE TABLE component_endpoints_v11 (
    id                TEXT PRIMARY KEY NOT NULL,
    version_id        TEXT NOT NULL REFERENCES component_versions(id) ON DELETE CASCADE,
    endpoint          TEXT NOT NULL,
    health            TEXT NOT NULL DEFAULT 'unknown',
    health_checked_at INTEGER,
    health_message    TEXT,
    created_by        TEXT NOT NULL,
    created_at        INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    CONSTRAINT uk_component_endpoints UNIQUE (version_id, endpoint),
    CONSTRAINT chk_component_endpoint_health CHECK (health IN
        ('unknown', 'healthy', 'degraded', 'unhealthy'))
);
INSERT INTO component_endpoints_v11 (id, version_id, endpoint, health, health_checked_at,
                                     health_message, created_by, created_at)
SELECT id, component_id, endpoint, health, health_checked_at, health_message, created_by,
       created_at
FROM component_endpoints ORDER BY rowid;
DROP TABLE component_endpoints;
ALTER TABLE component_endpoints_v11 RENAME TO component_endpoints;
CREATE INDEX idx_component_endpoints_endpoint ON component_endpoints(endpoint);
DROP TABLE components_v10;
)sql";

// Version 12: the execution history's indexes answer every list filter
// without reading the rows. A row carries its node states (a few KB, about
// a page), so a filter the index could not decide cost one decrypted page
// per execution, and an order it could not give a sort of every row: on a
// history of 300,000 executions, the unfiltered list and one flow's
// completed executions ran into the query time limit. Each index leads
// with what a filter fixes and goes on in the list's order (newest first);
// the flow index also holds the status, so counts, pages and the
// dashboard's hourly counts read index pages and then only the rows of the
// page. Flow ids (36 characters) stay out of the other two: every index
// byte is written, encrypted, at each commit of the history.
const char kExecutionListIndexes[] = R"sql(
DROP INDEX idx_executions_flow_created;
DROP INDEX idx_executions_status;
CREATE INDEX idx_executions_flow_created ON executions(flow_id, created_at DESC, status);
CREATE INDEX idx_executions_status_created ON executions(status, created_at DESC);
CREATE INDEX idx_executions_created ON executions(created_at DESC);
)sql";

// Version 13: the same indexes in ascending order. New executions carry
// the newest created_at, so a DESC index took every one of them at its left
// edge, where SQLite's B-tree has no quick append: each full leaf was split
// by rebalancing it with its neighbours, several pages rewritten (and
// encrypted) per split, at every commit of the history. Ascending, they are
// appended at the right edge, and the lists read the same indexes backwards
// for "newest first". A commit of 11 executions wrote 20 pages before, 16
// after (docs/benchmarks.md, "Executions' indexes in ascending order").
const char kExecutionIndexesAscending[] = R"sql(
DROP INDEX idx_executions_flow_created;
DROP INDEX idx_executions_status_created;
DROP INDEX idx_executions_created;
CREATE INDEX idx_executions_flow_created ON executions(flow_id, created_at, status);
CREATE INDEX idx_executions_status_created ON executions(status, created_at);
CREATE INDEX idx_executions_created ON executions(created_at);
)sql";

// Version 14: the CHECK constraints of the two tables the execution journal
// writes say "status = 'a' OR status = 'b' ..." instead of "status IN ('a',
// 'b', ...)". SQLite 3.15 evaluates an IN list of more than two constants
// by building a temporary B-tree of the list, for every statement that
// checks it: two of them for each execution row inserted or updated, about
// a tenth of the history's cost per commit (docs/benchmarks.md,
// "Executions' indexes in ascending order"). The constraints mean the same.
// SQLite cannot alter a constraint in place, and rebuilding a history of a
// million rows would hold the start for minutes: the stored CREATE TABLE
// text is edited instead (SQLite's documented writable_schema procedure for
// changes that leave the file's content as it is), and the temporary table
// changes the schema cookie, so that every other connection reads the new
// text (the one that migrates keeps what it parsed before, which means the
// same, until it is closed). A text that does not match (a hand-edited
// schema) stays as it is.
const char kChecksWithoutInLists[] = R"sql(
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace(replace(sql,
    'status IN
        (''pending'', ''queued'', ''running'', ''completed'', ''failed'', ''cancelling'', ''cancelled'')',
    'status = ''pending'' OR status = ''queued'' OR status = ''running'''
    || ' OR status = ''completed'' OR status = ''failed'' OR status = ''cancelling'''
    || ' OR status = ''cancelled'''),
    'history_level IN (''all'', ''summary'', ''none'')',
    'history_level = ''all'' OR history_level = ''summary'' OR history_level = ''none''')
WHERE type = 'table' AND name = 'executions';
UPDATE sqlite_master SET sql = replace(sql,
    'status IN
        (''pending'', ''running'', ''completed'', ''failed'', ''cancelled'', ''skipped'')',
    'status = ''pending'' OR status = ''running'' OR status = ''completed'''
    || ' OR status = ''failed'' OR status = ''cancelled'' OR status = ''skipped''')
WHERE type = 'table' AND name = 'node_executions';
PRAGMA writable_schema = OFF;
CREATE TABLE schema_cookie_14 (x);
DROP TABLE schema_cookie_14;
)sql";

// Version 15: two-factor recovery codes (docs/api.md "Two-factor
// authentication"). Shown once; only a SHA-256 of the user id and the
// normalised code is kept. Using one deletes its row, so a code works once.
const char kRecoveryCodesSchema[] = R"sql(
CREATE TABLE two_factor_recovery_codes (
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL, -- SHA-256 of "{user id}:{code}", hex
    created_at INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(,
    PRIMARY KEY (user_id, code_hash)
);
)sql";

// Version 16: the fleet (docs/api.md "Nodes"). A node is created by an
// admin with a single-use, expiring enrolment secret (only its SHA-256 is
// kept, deleted when used); the agent that uses it leaves its Ed25519
// public key, the only thing it is known by from then on. Reports are kept
// one row per node and agent sequence number, so a replayed report is
// ignored (INSERT OR IGNORE), never stored twice.
const char kFleetSchema[] = R"sql(
CREATE TABLE fleet_nodes (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    description   TEXT,
    labels        TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    public_key    BLOB,                        -- Ed25519, 32 bytes; NULL until enrolled
    fingerprint   TEXT,
    ip            TEXT,
    os            TEXT,
    arch          TEXT,
    cpu_cores     INTEGER,
    cpu_model     TEXT,
    memory_total  INTEGER,
    disk_total    INTEGER,
    system_info   TEXT,
    agent_version TEXT,
    capabilities  TEXT NOT NULL DEFAULT '[]', -- JSON array, as the agent reported it
    last_seq      INTEGER NOT NULL DEFAULT 0,  -- highest report sequence stored
    last_seen_at  INTEGER,
    enrolled_at   INTEGER,
    created_by    TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at    INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(
);
CREATE UNIQUE INDEX fleet_nodes_name ON fleet_nodes (name COLLATE NOCASE);
CREATE TABLE fleet_enrolments (
    node_id     TEXT PRIMARY KEY REFERENCES fleet_nodes(id) ON DELETE CASCADE,
    secret_hash TEXT NOT NULL UNIQUE, -- SHA-256 hex of the secret
    expires_at  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL DEFAULT )sql" HM_NOW_MS R"sql(
);
CREATE TABLE fleet_samples (
    node_id TEXT NOT NULL REFERENCES fleet_nodes(id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    time_ms INTEGER NOT NULL,
    metrics TEXT NOT NULL, -- JSON object {name: number}
    PRIMARY KEY (node_id, seq)
) WITHOUT ROWID;
CREATE INDEX fleet_samples_time ON fleet_samples (node_id, time_ms);
)sql";

// Version 17: a password somebody else chose must be changed at the first
// sign-in (the generated first administrator's, a user an administrator
// created or reset with the option). Until then only the account's own
// routes answer (docs/api.md "Password change required").
const char kPasswordChangeSchema[] = R"sql(
ALTER TABLE users ADD COLUMN password_change_required INTEGER NOT NULL DEFAULT 0;
)sql";

// Version 18: the fleet's metric history in tiers (core/fleet/MetricPack,
// docs/api.md "Metric history"). Raw samples are packed one row per node
// and minute (kept 24 h); rollups hold avg/min/max/count per metric and
// bucket of 60, 900 and 3600 s (kept 7 d, 90 d, 1 y); a mark per node and
// tier says up to where the rollups are done. The JSON rows of version 16
// go: no release ever wrote them.
const char kMetricTiersSchema[] = R"sql(
DROP TABLE fleet_samples;
CREATE TABLE fleet_metric_minutes (
    node_id TEXT NOT NULL REFERENCES fleet_nodes(id) ON DELETE CASCADE,
    minute  INTEGER NOT NULL, -- ms since 1970 / 60000
    data    BLOB NOT NULL,    -- MetricPack minute
    PRIMARY KEY (node_id, minute)
) WITHOUT ROWID;
CREATE TABLE fleet_metric_buckets (
    node_id TEXT NOT NULL REFERENCES fleet_nodes(id) ON DELETE CASCADE,
    tier    INTEGER NOT NULL, -- bucket length in seconds: 60, 900, 3600
    bucket  INTEGER NOT NULL, -- its start, seconds since 1970
    data    BLOB NOT NULL,    -- MetricPack bucket
    PRIMARY KEY (node_id, tier, bucket)
) WITHOUT ROWID;
CREATE TABLE fleet_rollup_marks (
    node_id    TEXT NOT NULL REFERENCES fleet_nodes(id) ON DELETE CASCADE,
    tier       INTEGER NOT NULL,
    done_until INTEGER NOT NULL, -- seconds: every bucket that ends by then is rolled up
    PRIMARY KEY (node_id, tier)
) WITHOUT ROWID;
)sql";

// Version 19: alert rules and what they raised (core/fleet/AlertRule,
// docs/api.md "Alerts"). A rule covers one node, the nodes with a label, or
// all; a record is one firing of a rule on a node, open until it resolves
// (by itself or by hand). Records keep the rule's name: they outlive it.
const char kAlertsSchema[] = R"sql(
CREATE TABLE alert_rules (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    threshold  REAL NOT NULL,
    duration_s INTEGER NOT NULL DEFAULT 0,
    enabled    INTEGER NOT NULL DEFAULT 1,
    node_id    TEXT REFERENCES fleet_nodes(id) ON DELETE CASCADE,
    label      TEXT,
    created_by TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE TABLE alert_records (
    id          TEXT PRIMARY KEY,
    rule_id     TEXT REFERENCES alert_rules(id) ON DELETE SET NULL,
    rule_name   TEXT NOT NULL,
    node_id     TEXT NOT NULL REFERENCES fleet_nodes(id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status = 'open' OR status = 'resolved'),
    value       REAL NOT NULL,
    threshold   REAL NOT NULL,
    started_at  INTEGER NOT NULL,
    resolved_at INTEGER,
    resolved_by TEXT
);
CREATE INDEX alert_records_by_start ON alert_records(started_at, id);
CREATE INDEX alert_records_open ON alert_records(status, rule_id, node_id);
)sql";

// Where alerts are sent (issue 35; docs/api.md "Alerts", channels): a
// channel's settings as JSON without its secret, the secret (webhook
// signing key, SMTP password) sealed apart. A delivery is one record's (or
// a test's) message to one channel, pending until it is delivered or gives
// up; each try is kept. Pending deliveries survive a restart.
const char kAlertChannelsSchema[] = R"sql(
CREATE TABLE alert_channels (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    enabled    INTEGER NOT NULL DEFAULT 1,
    config     TEXT NOT NULL,
    secret     TEXT,
    created_by TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE TABLE alert_deliveries (
    id              TEXT PRIMARY KEY,
    channel_id      TEXT NOT NULL REFERENCES alert_channels(id) ON DELETE CASCADE,
    record_id       TEXT REFERENCES alert_records(id) ON DELETE SET NULL,
    event           TEXT NOT NULL,
    payload         TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status = 'pending' OR status = 'delivered'
                                         OR status = 'failed'),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    last_status     INTEGER,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX alert_deliveries_by_channel ON alert_deliveries(channel_id, created_at);
CREATE INDEX alert_deliveries_pending ON alert_deliveries(status, next_attempt_at);
CREATE TABLE alert_delivery_attempts (
    delivery_id TEXT NOT NULL REFERENCES alert_deliveries(id) ON DELETE CASCADE,
    attempt     INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    http_status INTEGER,
    error       TEXT,
    duration_ms INTEGER NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
)sql";

// Maintenance windows (issue 35; docs/api.md "Alerts"): from starts_at to
// ends_at, the nodes covered (one, those with a label, or all) raise no new
// alert.
const char kAlertMaintenanceSchema[] = R"sql(
CREATE TABLE alert_maintenance (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    starts_at  INTEGER NOT NULL,
    ends_at    INTEGER NOT NULL,
    node_id    TEXT REFERENCES fleet_nodes(id) ON DELETE CASCADE,
    label      TEXT,
    created_by TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX alert_maintenance_by_end ON alert_maintenance(ends_at);
)sql";

// Fleet probes (issue 35, "Probes"; docs/api.md "Probes"): what agents
// check (core/fleet/ProbeTarget) and which nodes run each: every node
// (scope 'all', scope_value ''), one node ('node', its id) or the nodes
// with a label ('label', the label). A node's probes are rebuilt from here
// whenever a probe or the node's labels change, so no row per node.
const char kFleetProbesSchema[] = R"sql(
CREATE TABLE fleet_probes (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind = 'http' OR kind = 'tcp' OR kind = 'icmp'),
    target           TEXT NOT NULL,
    keyword          TEXT NOT NULL DEFAULT '',
    expected_status  INTEGER NOT NULL DEFAULT 0,
    tls_verify       INTEGER NOT NULL DEFAULT 1,
    interval_seconds INTEGER NOT NULL,
    timeout_seconds  INTEGER NOT NULL,
    enabled          INTEGER NOT NULL DEFAULT 1,
    scope            TEXT NOT NULL CHECK (scope = 'all' OR scope = 'node' OR scope = 'label'),
    scope_value      TEXT NOT NULL DEFAULT '',
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
CREATE INDEX fleet_probes_by_scope ON fleet_probes(scope, scope_value);
-- scope_value holds a node id or a label, so no foreign key can say it; a
-- deleted node takes its own probes with it, as it takes its alert rules.
CREATE TRIGGER fleet_probes_node_deleted AFTER DELETE ON fleet_nodes
BEGIN
    DELETE FROM fleet_probes WHERE scope = 'node' AND scope_value = OLD.id;
END;
)sql";

// Alert rules on fleet probes (issue 35, "Probes"): the "probe" and
// "certificate" types name the probe they watch.
const char kAlertProbeRulesSchema[] = R"sql(
ALTER TABLE alert_rules ADD COLUMN probe_id TEXT;
)sql";

// Re-notification (issue 35, "Alerts"): a rule may repeat its alert
// while it stays open; the record keeps when it was last sent so a
// restart does not send it again early.
const char kAlertRenotifySchema[] = R"sql(
ALTER TABLE alert_rules ADD COLUMN renotify_s INTEGER NOT NULL DEFAULT 0;
ALTER TABLE alert_records ADD COLUMN notified_at INTEGER;
)sql";

// WireGuard servers and their clients (issue 36, points 1 and 2; docs/api.md
// "WireGuard"). Private and preshared keys are sealed (EnvelopeCipher,
// CREDENTIAL data key, "wg_server:<id>" / "wg_client:<id>" as associated
// data). Lists (DNS servers, allowed IPs) are comma-separated text the
// repository reads and writes: every entry is checked before it is stored
// and none can hold a comma. A client's addresses are plain IP literals
// (no prefix length); the unique indexes make two clients of one server
// holding one address impossible, whatever the service checked before.
const char kWireGuardSchema[] = R"sql(
CREATE TABLE wg_servers (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    name                 TEXT NOT NULL,
    interface            TEXT NOT NULL UNIQUE,
    listen_port          INTEGER NOT NULL CHECK (listen_port BETWEEN 1 AND 65535),
    ipv4_address         TEXT,
    ipv6_address         TEXT,
    public_key           TEXT NOT NULL,
    private_key          TEXT NOT NULL,
    dns_servers          TEXT NOT NULL DEFAULT '',
    mtu                  INTEGER NOT NULL DEFAULT 1420,
    persistent_keepalive INTEGER NOT NULL DEFAULT 0,
    allowed_ips          TEXT NOT NULL DEFAULT '',
    endpoint_host        TEXT NOT NULL DEFAULT '',
    auto_start           INTEGER NOT NULL DEFAULT 0,
    description          TEXT NOT NULL DEFAULT '',
    desired_state        TEXT NOT NULL DEFAULT 'stopped'
                         CHECK (desired_state = 'running' OR desired_state = 'stopped'),
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    CHECK (ipv4_address IS NOT NULL OR ipv6_address IS NOT NULL)
);
CREATE TABLE wg_clients (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    server_id            INTEGER NOT NULL REFERENCES wg_servers(id) ON DELETE CASCADE,
    name                 TEXT NOT NULL,
    address_family       TEXT NOT NULL
                         CHECK (address_family = 'ipv4' OR address_family = 'ipv6'
                                OR address_family = 'dual'),
    ipv4_address         TEXT,
    ipv6_address         TEXT,
    public_key           TEXT NOT NULL,
    private_key          TEXT NOT NULL,
    preshared_key        TEXT,
    allowed_ips          TEXT NOT NULL DEFAULT '',
    dns_servers          TEXT NOT NULL DEFAULT '',
    persistent_keepalive INTEGER NOT NULL DEFAULT 0,
    enabled              INTEGER NOT NULL DEFAULT 1,
    expires_at           INTEGER,
    description          TEXT NOT NULL DEFAULT '',
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL
);
CREATE UNIQUE INDEX wg_clients_name ON wg_clients(server_id, name);
CREATE UNIQUE INDEX wg_clients_ipv4 ON wg_clients(server_id, ipv4_address);
CREATE UNIQUE INDEX wg_clients_ipv6 ON wg_clients(server_id, ipv6_address);
)sql";

// IPv6 prefix pools and their delegations (seed 001 "IPv6管理"; docs/api.md
// "IPv6 prefix pools"). A pool is a canonical IPv6 prefix handed out as
// prefixes of `prefix_length`, the first `reserved_prefixes` of them kept
// back (core/vpn PrefixPool does the arithmetic; pools never overlap, which
// the service checks in the transaction that inserts one). The unique index
// on ipv6_allocations.prefix (canonical text) is the last guard against one
// prefix handed out twice. An allocation goes with its pool (the service
// refuses to delete a pool that holds any unless forced); it may name a
// WireGuard client: when that client is deleted the allocation stays,
// client_id becomes NULL (client_name keeps the name), and only an audited
// release frees the prefix.
const char kIpv6PoolsSchema[] = R"sql(
CREATE TABLE ipv6_pools (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    name              TEXT NOT NULL UNIQUE,
    prefix            TEXT NOT NULL UNIQUE,
    prefix_length     INTEGER NOT NULL CHECK (prefix_length BETWEEN 0 AND 128),
    reserved_prefixes INTEGER NOT NULL DEFAULT 0 CHECK (reserved_prefixes >= 0),
    auto_assign       INTEGER NOT NULL DEFAULT 1,
    status            TEXT NOT NULL DEFAULT 'active'
                      CHECK (status = 'active' OR status = 'disabled'),
    description       TEXT NOT NULL DEFAULT '',
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
CREATE TABLE ipv6_allocations (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    pool_id      INTEGER NOT NULL REFERENCES ipv6_pools(id) ON DELETE CASCADE,
    client_id    INTEGER REFERENCES wg_clients(id) ON DELETE SET NULL,
    client_name  TEXT NOT NULL,
    prefix       TEXT NOT NULL UNIQUE,
    status       TEXT NOT NULL DEFAULT 'active' CHECK (status = 'active'),
    description  TEXT NOT NULL DEFAULT '',
    allocated_at INTEGER NOT NULL,
    expires_at   INTEGER
);
CREATE INDEX ipv6_allocations_pool ON ipv6_allocations(pool_id, id);
CREATE INDEX ipv6_allocations_client ON ipv6_allocations(client_id);
)sql";

const char kBgpSessionsSchema[] = R"sql(
CREATE TABLE bgp_sessions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    name            TEXT NOT NULL UNIQUE,
    neighbor        TEXT NOT NULL,
    remote_as       INTEGER NOT NULL CHECK (remote_as BETWEEN 1 AND 4294967295),
    local_as        INTEGER NOT NULL CHECK (local_as BETWEEN 1 AND 4294967295),
    sealed_password TEXT,
    hold_time       INTEGER NOT NULL DEFAULT 90,
    keepalive       INTEGER NOT NULL DEFAULT 30,
    connect_retry   INTEGER NOT NULL DEFAULT 120,
    multihop        INTEGER NOT NULL DEFAULT 0 CHECK (multihop BETWEEN 0 AND 255),
    ttl_security    INTEGER NOT NULL DEFAULT 0,
    enabled         INTEGER NOT NULL DEFAULT 1,
    description     TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
)sql";

// WireGuard traffic kept exact (issue 36 point 5; docs/api.md "WireGuard
// traffic"). wg_traffic_state holds, per client, what the last sample saw
// of its peer (the interface's instance — boot id and ifindex — whether the
// peer was there, its counters then), the cumulative totals, and the bytes
// of the minute in progress (minute_start; closed into a 1-minute bucket
// when the minute is over). wg_traffic_buckets holds the tiers: 1 = 1 minute
// (kept 7 days), 2 = 15 minutes (90 days), 3 = 1 hour (1 year), only for
// minutes with traffic; wg_traffic_marks says how far tiers 2 and 3 are
// rolled up. wg_endpoints keeps where each client connected from.
const char kWireGuardTrafficSchema[] = R"sql(
CREATE TABLE wg_traffic_state (
    client_id    INTEGER PRIMARY KEY REFERENCES wg_clients(id) ON DELETE CASCADE,
    instance     TEXT NOT NULL,
    present      INTEGER NOT NULL,
    last_rx      INTEGER NOT NULL,
    last_tx      INTEGER NOT NULL,
    total_rx     INTEGER NOT NULL,
    total_tx     INTEGER NOT NULL,
    minute_start INTEGER NOT NULL,
    minute_rx    INTEGER NOT NULL,
    minute_tx    INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE TABLE wg_traffic_buckets (
    client_id INTEGER NOT NULL REFERENCES wg_clients(id) ON DELETE CASCADE,
    tier      INTEGER NOT NULL CHECK (tier BETWEEN 1 AND 3),
    bucket    INTEGER NOT NULL,
    rx        INTEGER NOT NULL,
    tx        INTEGER NOT NULL,
    PRIMARY KEY (client_id, tier, bucket)
) WITHOUT ROWID;
CREATE INDEX wg_traffic_buckets_time ON wg_traffic_buckets(tier, bucket);
CREATE TABLE wg_traffic_marks (
    tier       INTEGER PRIMARY KEY,
    done_until INTEGER NOT NULL
);
CREATE TABLE wg_endpoints (
    client_id  INTEGER NOT NULL REFERENCES wg_clients(id) ON DELETE CASCADE,
    endpoint   TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL,
    PRIMARY KEY (client_id, endpoint)
) WITHOUT ROWID;
)sql";

// One-time links to a WireGuard client's config (issue 36 point 3;
// docs/api.md "WireGuard share links"). Only the SHA-256 of a link's token
// is kept; a link is spent (used_at) in the same statement that checks it,
// so two callers racing for it cannot both get the config. Links go with
// their client.
const char kWireGuardShareLinksSchema[] = R"sql(
CREATE TABLE wg_share_links (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id  INTEGER NOT NULL REFERENCES wg_clients(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    used_from  TEXT
);
CREATE INDEX wg_share_links_client ON wg_share_links(client_id);
)sql";

// WireGuard changes applied with a confirm deadline (issue 36 point 4;
// docs/api.md "Commit-confirm"): the server's or client's row as it was
// before the change, restored and applied again unless the change is
// confirmed (by a person, or by a chosen client's handshake after it)
// before the deadline — also when hivemind-server was down meanwhile.
// baseline_handshake is that client's latest handshake in the sample taken
// just before the change was applied: a later one confirms.
const char kWireGuardPendingSchema[] = R"sql(
CREATE TABLE wg_pending_changes (
    kind                TEXT NOT NULL CHECK (kind = 'server' OR kind = 'client'),
    object_id           INTEGER NOT NULL,
    server_id           INTEGER NOT NULL REFERENCES wg_servers(id) ON DELETE CASCADE,
    previous            TEXT NOT NULL,
    applied_at          INTEGER NOT NULL,
    deadline            INTEGER NOT NULL,
    handshake_client_id INTEGER,
    baseline_handshake  INTEGER,
    created_by          TEXT NOT NULL,
    PRIMARY KEY (kind, object_id)
);
)sql";

// Prefixes BGP announces besides the active IPv6 pools' (issue 36 point 7:
// "and chosen IPv4 prefixes"; docs/api.md "BGP"): canonical text, each once.
const char kBgpAnnouncementsSchema[] = R"sql(
CREATE TABLE bgp_announcements (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    prefix      TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
);
)sql";

// Who may act on which nodes (issue 38 "Who may act"; docs/api.md "Node
// grants"): a user, or every user of a role, may use one capability on the
// nodes that carry a label ('*': every node). ADMIN needs none; VIEWER is
// never granted (the service refuses to store it).
const char kNodeGrantsSchema[] = R"sql(
CREATE TABLE node_grants (
    id           TEXT PRIMARY KEY,
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('user', 'role')),
    subject      TEXT NOT NULL, -- a user id, or a role name
    label        TEXT NOT NULL,
    capability   TEXT NOT NULL,
    created_by   TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at   INTEGER NOT NULL
);
CREATE UNIQUE INDEX node_grants_unique ON node_grants (subject_kind, subject, label, capability);
-- A deleted user's grants go with the account (subject is no foreign key:
-- it may name a role). Accounts are deleted by status; rows only by hand.
CREATE TRIGGER node_grants_user_deleted AFTER UPDATE OF status ON users
WHEN NEW.status = 'deleted'
BEGIN
    DELETE FROM node_grants WHERE subject_kind = 'user' AND subject = NEW.id;
END;
CREATE TRIGGER node_grants_user_removed AFTER DELETE ON users
BEGIN
    DELETE FROM node_grants WHERE subject_kind = 'user' AND subject = OLD.id;
END;
)sql";

// Agent builds an administrator uploaded (issue 38 item 9; docs/api.md
// "Agent releases"): the manifest the server signed; the bytes live in
// <data dir>/agent-releases/<id>.bin.
const char kAgentReleasesSchema[] = R"sql(
CREATE TABLE agent_releases (
    id          TEXT PRIMARY KEY,
    version     TEXT NOT NULL,
    protocol    INTEGER NOT NULL,
    os          TEXT NOT NULL,
    arch        TEXT NOT NULL,
    size        INTEGER NOT NULL CHECK (size > 0),
    sha256      TEXT NOT NULL,
    signature   TEXT NOT NULL,
    uploaded_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX agent_releases_unique ON agent_releases (version, os, arch);
)sql";

// Audit & Logs filtered by node (issue 38 item 11): a node's entries by
// resource, newest first, without reading the whole trail.
const char kAuditByResourceSchema[] = R"sql(
CREATE INDEX idx_audit_logs_resource ON audit_logs(resource_type, resource_id, created_at DESC);
)sql";

// IPv6 over IPv4 BGP sessions (issue 36): the next hop announced on the
// ipv6 channel ('' lets BIRD choose: the interface's IPv6 address towards a
// direct neighbor).
const char kBgpIpv6NextHopSchema[] = R"sql(
ALTER TABLE bgp_sessions ADD COLUMN ipv6_next_hop TEXT NOT NULL DEFAULT '';
)sql";

// Container alert rules (issue 38 item 6): container_down and
// container_unhealthy name the containers they watch.
const char kAlertContainerRulesSchema[] = R"sql(
ALTER TABLE alert_rules ADD COLUMN container TEXT;
)sql";

// Where an agent release came from (issue 38 item 9): 'upload' by an
// administrator, or 'built_in' — the hivemind-agent built with this server,
// registered at start (AgentReleases::registerBuiltIn).
const char kAgentReleaseSourceSchema[] = R"sql(
ALTER TABLE agent_releases ADD COLUMN source TEXT NOT NULL DEFAULT 'upload'
    CHECK (source IN ('upload', 'built_in'));
)sql";

// Backups (issue 37 item 1; docs/backup.md): one row per backup file in
// <data dir>/backups/<id>.hmbackup. The file itself is the truth about its
// content; this row is the list the API shows. trigger: manual, scheduled
// or uploaded (retention prunes only scheduled ones).
const char kBackupsSchema[] = R"sql(
CREATE TABLE backups (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    type          TEXT NOT NULL DEFAULT 'full' CHECK (type = 'full'),
    trigger_kind  TEXT NOT NULL CHECK (trigger_kind = 'manual' OR trigger_kind = 'scheduled'
                                       OR trigger_kind = 'uploaded'),
    status        TEXT NOT NULL CHECK (status = 'running' OR status = 'completed'
                                       OR status = 'failed'),
    progress      INTEGER NOT NULL DEFAULT 0,
    size_bytes    INTEGER NOT NULL DEFAULT 0,
    database_size INTEGER NOT NULL DEFAULT 0,
    files_size    INTEGER NOT NULL DEFAULT 0,
    checksum      TEXT NOT NULL DEFAULT '',
    file_name     TEXT NOT NULL,
    includes_logs INTEGER NOT NULL DEFAULT 0,
    schema_version INTEGER NOT NULL DEFAULT 0,
    snapshot_at   INTEGER,
    error         TEXT,
    created_by    TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at    INTEGER NOT NULL,
    completed_at  INTEGER
);
CREATE INDEX idx_backups_created ON backups(created_at DESC);
)sql";

// Version 40: the fleet's report log (server/services/fleet/MetricHistory.h).
// A report is acknowledged once its row here commits: an append at the end
// of a rowid table, a page or two per batch for the whole fleet, where
// rewriting each node's growing minute row cost two or three scattered pages
// per report. Minutes are written from memory at checkpoints; the table
// the checkpoint covered is then emptied at once (a DELETE without WHERE),
// while new reports go to the other one. At start-up both are folded into
// their minutes. No foreign key: the delete must stay a truncation.
const char kFleetReportLogSchema[] = R"sql(
CREATE TABLE fleet_report_log0 (
    id      INTEGER PRIMARY KEY,
    node_id TEXT NOT NULL,
    minute  INTEGER NOT NULL, -- ms since 1970 / 60000
    data    BLOB NOT NULL     -- server/services/fleet/ReportLogRecord
);
CREATE TABLE fleet_report_log1 (
    id      INTEGER PRIMARY KEY,
    node_id TEXT NOT NULL,
    minute  INTEGER NOT NULL,
    data    BLOB NOT NULL
);
)sql";

// Version 41: history retention per flow (issue 37 item 6; docs/api.md "History
// retention"): NULL follows the global setting (system config
// retention.*), 0 keeps without limit. Read and written by
// server/repositories/RetentionRepository.
const char kFlowRetentionSchema[] = R"sql(
ALTER TABLE flows ADD COLUMN retention_max_age_days INTEGER;
ALTER TABLE flows ADD COLUMN retention_max_executions INTEGER;
)sql";

// Version 43: trigger options (seed 003 §7.3 "options"; docs/api.md,
// "Trigger options"). A queued request keeps its priority and timeout
// override across restarts; a callback_url waits in execution_callbacks for
// its execution to end and is then delivered (and retried) from there, its
// signing secret sealed like an alert channel's.
const char kTriggerOptionsSchema[] = R"sql(
ALTER TABLE execution_queue ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE execution_queue ADD COLUMN timeout_ms INTEGER NOT NULL DEFAULT 0;
CREATE TABLE execution_callbacks (
    execution_id    TEXT PRIMARY KEY NOT NULL,
    url             TEXT NOT NULL,
    secret          TEXT NOT NULL,     -- sealed (EnvelopeCipher)
    status          TEXT NOT NULL CHECK (status = 'waiting' OR status = 'pending'
                                         OR status = 'delivered' OR status = 'failed'),
    payload         TEXT,              -- the result JSON, once the execution ended
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    last_status     INTEGER,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX execution_callbacks_pending ON execution_callbacks(status, next_attempt_at);
CREATE TABLE execution_callback_attempts (
    execution_id TEXT NOT NULL REFERENCES execution_callbacks(execution_id) ON DELETE CASCADE,
    attempt      INTEGER NOT NULL,
    at           INTEGER NOT NULL,
    http_status  INTEGER,
    error        TEXT,
    duration_ms  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (execution_id, attempt)
);
)sql";

// Account e-mail (issue 37 item 2; docs/api.md "Account e-mail"): the
// single-use tokens of password resets and e-mail verification, stored as
// the SHA-256 of the token only, and the language a user's mails are
// written in (NULL: English).
const char kAccountMailSchema[] = R"sql(
CREATE TABLE account_tokens (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose = 'reset' OR purpose = 'verify'),
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX account_tokens_user ON account_tokens(user_id, purpose);
ALTER TABLE users ADD COLUMN language TEXT;
)sql";

// A container alert's record names the containers it is about (issue 38):
// a JSON array of at most AlertService's kMaxRecordContainers names; the
// record's value is how many there were in all.
const char kAlertRecordContainersSchema[] = R"sql(
ALTER TABLE alert_records ADD COLUMN containers TEXT;
)sql";

// Version 44: the 15-minute and 1-hour rollups in one row per node, tier
// and UTC day (core/fleet/MetricDayPack: 96 or 24 buckets, each metric's
// name once and its values in a column). A year of 1-hour history was
// 8,760 rows of ~870 B in half-full pages; it is 365 rows now (issue 35,
// docs/benchmarks.md "Metric history after a year"). Nothing is converted
// here: a migration is one transaction, and a large fleet's buckets are
// millions of rows. fleet_metric_buckets stays the table rollups write to;
// MetricHistory's maintenance passes fold the buckets of days that are
// complete into this table in bounded batches, old rows and new alike,
// and readers lay the rows not folded yet over the days (on the
// benchmark's database: docs/benchmarks.md gives how long that takes).
const char kMetricDaysSchema[] = R"sql(
CREATE TABLE fleet_metric_days (
    node_id TEXT NOT NULL REFERENCES fleet_nodes(id) ON DELETE CASCADE,
    tier    INTEGER NOT NULL, -- bucket length in seconds: 900, 3600
    day     INTEGER NOT NULL, -- the UTC day's start, seconds since 1970
    data    BLOB NOT NULL,    -- MetricDayPack day
    PRIMARY KEY (node_id, tier, day)
) WITHOUT ROWID;
)sql";

// Version 45: audit entries of hot paths wait here before audit_logs
// (issue 4 regression; docs/benchmarks.md "The trigger's audit through an
// outbox"). An audit_logs row is a row in six B-trees (the table, its id
// and four indexes), so every commit that carries any dirties at least six
// pages more, and at the trigger benchmark's ~20 triggers a commit that was
// about one 4 KiB page a trigger. A row here is a row in one B-tree without
// an index, in the same commit as the execution it is about (the answer
// still waits for it: an answered trigger is audited). The server moves
// the rows into audit_logs later, many at a time, in rowid order, and
// deletes them (TriggerAuditLog); the start-up and every reader of the
// audit list move what is left. Same columns as audit_logs.
const char kAuditOutboxSchema[] = R"sql(
CREATE TABLE audit_outbox (
    id            TEXT NOT NULL,
    user_id       TEXT,
    action        TEXT NOT NULL,
    resource_type TEXT,
    resource_id   TEXT,
    ip_address    TEXT,
    user_agent    TEXT,
    details       TEXT,
    created_at    INTEGER NOT NULL
);
)sql";

#undef HM_NOW_MS

} // namespace

const QList<Migration> &schemaMigrations()
{
    static const QList<Migration> migrations{
        {1, QStringLiteral("initial schema"), QString::fromUtf8(kInitialSchema)},
        {2, QStringLiteral("flows and executions"), QString::fromUtf8(kFlowsSchema)},
        {3, QStringLiteral("flow sharing and components"),
         QString::fromUtf8(kSharingAndComponentsSchema)},
        {4, QStringLiteral("node execution logs"), QString::fromUtf8(kNodeLogsSchema)},
        {5, QStringLiteral("node executions keyed by execution and node"),
         QString::fromUtf8(kNodeKeySchema)},
        {6, QStringLiteral("node states packed into the execution row"),
         QString::fromUtf8(kPackedNodeStatesSchema)},
        {7, QStringLiteral("flow revisions"), QString::fromUtf8(kFlowRevisionSchema)},
        {8, QStringLiteral("credential vault"), QString::fromUtf8(kCredentialSchema)},
        {9, QStringLiteral("external services"), QString::fromUtf8(kExternalServicesSchema)},
        {10, QStringLiteral("component endpoints"), QString::fromUtf8(kComponentEndpointsSchema)},
        {11, QStringLiteral("components and component versions"),
         QString::fromUtf8(kComponentVersionsSchema)},
        {12, QStringLiteral("execution list indexes"), QString::fromUtf8(kExecutionListIndexes)},
        {13, QStringLiteral("execution indexes in ascending order"),
         QString::fromUtf8(kExecutionIndexesAscending)},
        {14, QStringLiteral("history constraints without IN lists"),
         QString::fromUtf8(kChecksWithoutInLists)},
        {15, QStringLiteral("two-factor recovery codes"), QString::fromUtf8(kRecoveryCodesSchema)},
        {16, QStringLiteral("fleet nodes, enrolments and samples"),
         QString::fromUtf8(kFleetSchema)},
        {17, QStringLiteral("password change required"), QString::fromUtf8(kPasswordChangeSchema)},
        {18, QStringLiteral("fleet metric history in tiers"),
         QString::fromUtf8(kMetricTiersSchema)},
        {19, QStringLiteral("alert rules and records"), QString::fromUtf8(kAlertsSchema)},
        {20, QStringLiteral("alert channels and deliveries"),
         QString::fromUtf8(kAlertChannelsSchema)},
        {21, QStringLiteral("alert maintenance windows"),
         QString::fromUtf8(kAlertMaintenanceSchema)},
        {22, QStringLiteral("fleet probes"), QString::fromUtf8(kFleetProbesSchema)},
        {23, QStringLiteral("alert rules on probes"), QString::fromUtf8(kAlertProbeRulesSchema)},
        {24, QStringLiteral("alert re-notification"), QString::fromUtf8(kAlertRenotifySchema)},
        {25, QStringLiteral("wireguard servers and clients"), QString::fromUtf8(kWireGuardSchema)},
        {26, QStringLiteral("ipv6 prefix pools"), QString::fromUtf8(kIpv6PoolsSchema)},
        {27, QStringLiteral("bgp sessions"), QString::fromUtf8(kBgpSessionsSchema)},
        {28, QStringLiteral("wireguard traffic history"),
         QString::fromUtf8(kWireGuardTrafficSchema)},
        {29, QStringLiteral("wireguard share links"),
         QString::fromUtf8(kWireGuardShareLinksSchema)},
        {30, QStringLiteral("wireguard changes awaiting confirmation"),
         QString::fromUtf8(kWireGuardPendingSchema)},
        {31, QStringLiteral("bgp announced prefixes"), QString::fromUtf8(kBgpAnnouncementsSchema)},
        {32, QStringLiteral("node grants"), QString::fromUtf8(kNodeGrantsSchema)},
        {33, QStringLiteral("agent releases"), QString::fromUtf8(kAgentReleasesSchema)},
        {34, QStringLiteral("audit by resource"), QString::fromUtf8(kAuditByResourceSchema)},
        {35, QStringLiteral("bgp ipv6 next hop"), QString::fromUtf8(kBgpIpv6NextHopSchema)},
        {36, QStringLiteral("alert rules on containers"),
         QString::fromUtf8(kAlertContainerRulesSchema)},
        {37, QStringLiteral("agent release source"),
         QString::fromUtf8(kAgentReleaseSourceSchema)},
        {38, QStringLiteral("backups"), QString::fromUtf8(kBackupsSchema)},
        {39, QStringLiteral("account e-mail tokens and user language"),
         QString::fromUtf8(kAccountMailSchema)},
        {40, QStringLiteral("fleet report log"), QString::fromUtf8(kFleetReportLogSchema)},
        {41, QStringLiteral("history retention per flow"), QString::fromUtf8(kFlowRetentionSchema)},
        {42, QStringLiteral("alert records name their containers"),
         QString::fromUtf8(kAlertRecordContainersSchema)},
        {43, QStringLiteral("trigger options"), QString::fromUtf8(kTriggerOptionsSchema)},
        {44, QStringLiteral("fleet metric rollups by day"), QString::fromUtf8(kMetricDaysSchema)},
        {45, QStringLiteral("audit outbox"), QString::fromUtf8(kAuditOutboxSchema)},
    };
    return migrations;
}

} // namespace hm::store
