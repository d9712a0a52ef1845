#pragma once

// A node's nginx (issue 38 item 7; docs/api.md "Node Nginx") through its
// agent's `nginx` capability: status, start/stop/restart/reload, the main
// config, sites (create, update, delete, enable, disable) and TLS
// certificates. The server checks every name, domain and config body
// before it asks (fleet/NginxNames.h; the agent checks them again), and
// the agent tests every change with `nginx -t` and undoes what nginx
// refuses (VALIDATION_ERROR, details.code NGINX_CONFIG_INVALID).
// Every change is audited (NODE_NGINX_*) with its target — the site, the
// domain, "nginx.conf" — and for a config body only its size and SHA-256,
// never its text. Reads are not audited. The agent's answers are rebuilt
// here from the documented fields only.

#include "common/Result.h"
#include "server/services/remote/NodeActions.h"

#include <QJsonObject>
#include <QString>
#include <functional>

namespace hm::server::remote {

class NginxOps
{
public:
    using Done = std::function<void(Result<QJsonObject>)>;

    explicit NginxOps(NodeActions &actions) : m_actions(actions) {}

    void status(const auth::Principal &caller, const auth::ClientInfo &client,
                const QString &nodeId, QObject *context, Done done);
    // `verb`: start, stop, restart or reload (anything else: VALIDATION_ERROR).
    void control(const auth::Principal &caller, const auth::ClientInfo &client,
                 const QString &nodeId, const QString &verb, QObject *context, Done done);

    void config(const auth::Principal &caller, const auth::ClientInfo &client,
                const QString &nodeId, QObject *context, Done done);
    // `expectedSha256` empty: no check against a concurrent edit.
    void updateConfig(const auth::Principal &caller, const auth::ClientInfo &client,
                      const QString &nodeId, const QString &content, const QString &expectedSha256,
                      QObject *context, Done done);

    void sites(const auth::Principal &caller, const auth::ClientInfo &client, const QString &nodeId,
               QObject *context, Done done);
    void site(const auth::Principal &caller, const auth::ClientInfo &client, const QString &nodeId,
              const QString &name, QObject *context, Done done);
    void createSite(const auth::Principal &caller, const auth::ClientInfo &client,
                    const QString &nodeId, const QString &name, const QString &content, bool enable,
                    QObject *context, Done done);
    void updateSite(const auth::Principal &caller, const auth::ClientInfo &client,
                    const QString &nodeId, const QString &name, const QString &content,
                    const QString &expectedSha256, QObject *context, Done done);
    void deleteSite(const auth::Principal &caller, const auth::ClientInfo &client,
                    const QString &nodeId, const QString &name, QObject *context, Done done);
    void setSiteEnabled(const auth::Principal &caller, const auth::ClientInfo &client,
                        const QString &nodeId, const QString &name, bool enabled, QObject *context,
                        Done done);

    void certificate(const auth::Principal &caller, const auth::ClientInfo &client,
                     const QString &nodeId, const QString &domain, QObject *context, Done done);
    // A self-signed certificate valid `days` (1–3650) for `domain`.
    void generateCertificate(const auth::Principal &caller, const auth::ClientInfo &client,
                             const QString &nodeId, const QString &domain, int days, bool overwrite,
                             QObject *context, Done done);

private:
    void call(const auth::Principal &caller, const auth::ClientInfo &client, RemoteAction action,
              QObject *context, Done done);

    NodeActions &m_actions;
};

} // namespace hm::server::remote
