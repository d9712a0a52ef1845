#pragma once

// Changes of flows, for the consoles' live lists: FlowService and
// ShareService publish one after each committed change, /ws/events (ws::EventFeed)
// forwards it to every connection whose caller may see it. Types and data
// (docs/api.md, "/ws/events"):
//   flow_created          {flow_id, name, description, owner_id, revision,
//                          latest_version, published_version, created_at,
//                          updated_at}
//   flow_updated          {flow_id, revision, name, description, changed,
//                          updated_at}: renamed or described anew
//   flow_version_added    {flow_id, revision, version, status, created_by,
//                          created_at, latest_version, updated_at}
//   flow_published        {flow_id, revision, version, published_version,
//                          deprecated_version, published_at, updated_at}
//   flow_deleted          {flow_id, name, deleted_at}
//   flow_shares_changed   {flow_id, share_id, action, user_id, permission,
//                          pending}
// EventFeed adds each receiver's my_permission. Never secrets: no webhook
// token, no invited e-mail address.

#include "server/services/engine/FlowAccess.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

namespace hm::server {

struct FlowEvent
{
    QString type; // "flow_created", …
    QString flowId;
    QJsonObject data; // flow_id and the changed fields
    // Who gets it: callers with at least this permission on the flow
    // (historyPermission: a deleted flow's owner and shares still count) …
    FlowPermission audience = FlowPermission::View;
    // … and this user whatever they may see now (share events: the person
    // the share is for, also when it was just taken away). "" = nobody.
    QString alsoUserId;
};

// Lives on the server thread, like the routes and the hub; connections are
// direct, so a subscriber runs inside publish().
class FlowEvents : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void publish(const FlowEvent &event) { emit published(event); }

signals:
    void published(const hm::server::FlowEvent &event);
};

} // namespace hm::server
