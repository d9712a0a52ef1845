#pragma once

// Changes of user accounts and API keys, for the consoles' live Users and
// API keys lists: the user administration and API key routes publish one
// after each committed change, /ws/events (ws::EventFeed) forwards it.
// Types and data (docs/api.md, "/ws/events"):
//   user_created     {user_id, user}  the user as GET /users/{id} shows it
//   user_updated     {user_id, user}  edited, unlocked
//   user_deleted     {user_id}
//     to administrators only;
//   api_key_created  {key_id, key}    the key as GET /auth/api-keys lists it
//   api_key_revoked  {key_id}
//     to the key's owner only (its consoles);
//   audit_logged     {id, action, category, user_id, resource_type,
//                     resource_id, created_at, coalesced?}  each audit
//                     entry written (triggers' once per commit: the latest,
//                     coalesced = how many)
//     to administrators (auth::setAuditListener, ServerRuntime);
//   credential_created / credential_updated / credential_deleted
//                    {credential_id}  nothing else: a console reads the
//                                     credential again (GET answers what
//                                     that user may see)
//     to administrators and the owner, and to everyone while the
//     credential is shared (or was, before this change).
//   service_created / service_updated / service_deleted
//                    {service_id, name, service?, changed?}
//   component_registered / component_updated / component_deleted
//                    {component_id, name, version, …summary, changed?}
//     to everyone (any signed-in caller may list services and components);
//     a service's credential by id only.
//   node_created / node_updated / node_status / node_deleted {node_id, node?}
//   node_metrics     {interval_s, items: [{node_id, time, cpu_usage,
//                     memory_percent, disk_percent}]}  at most once per
//                     interval, transient (FleetService, NodeMetricsBatch)
//     to everyone (any signed-in caller may list nodes).
//   agent_upgrade_finished {node_id, ok, version, from_version, code?,
//                     reason?, message?}  one node's agent upgrade ended
//                     (remote/AgentUpgrades), a batch's nodes one by one
//     to the user who started it.
// Never secrets: no password or hash, no key secret or hash, no TOTP secret.

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <functional>

namespace hm::server::auth {

struct AccountEvent
{
    QString type; // "user_created", …
    QJsonObject data;
    bool toAdmins = false;   // every administrator's connections
    QString toUserId;        // and this user's ("" = nobody else)
    bool toEveryone = false; // every connection (a shared credential)
    // Live values (node_metrics): sent without a seq and not kept in the
    // journal a resuming client replays (the client reads them again).
    bool transient = false;
    // When set, `data` as compact JSON text, called only if a connection
    // is to get the event (and then once): a large, frequent event (a
    // 10,000-node batch) is not written for nobody. `data` is then unused.
    std::function<QByteArray()> dataText;
};

// Lives on the server thread with the routes and the hub; connections are
// direct, so a subscriber runs inside publish().
class AccountEvents : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void publish(const AccountEvent &event) { emit published(event); }

signals:
    void published(const hm::server::auth::AccountEvent &event);
};

} // namespace hm::server::auth
