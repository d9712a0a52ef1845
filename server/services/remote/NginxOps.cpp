#include "server/services/remote/NginxOps.h"

#include "fleet/NginxNames.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSet>
#include <QTimer>
#include <cmath>

namespace hm::server::remote {

namespace {

// The agent runs nginx -t (and a reload, or waits for nginx to leave) and
// may queue behind another change: longer than a plain call.
constexpr int kNginxChangeTimeoutMs = 45'000;
constexpr int kNginxStartStopTimeoutMs = 60'000;
constexpr int kNginxRestartTimeoutMs = 90'000;

const QString kNginxCapability = QStringLiteral("nginx");

// The documented fields of every nginx answer, with their types: what an
// agent adds or mistypes is dropped.
QJsonObject sanitisedNginx(const QJsonObject &in)
{
    static const QSet<QString> strings{QStringLiteral("path"),
                                       QStringLiteral("content"),
                                       QStringLiteral("sha256"),
                                       QStringLiteral("modified"),
                                       QStringLiteral("version"),
                                       QStringLiteral("config_test"),
                                       QStringLiteral("binary"),
                                       QStringLiteral("conf"),
                                       QStringLiteral("name"),
                                       QStringLiteral("subject"),
                                       QStringLiteral("issuer"),
                                       QStringLiteral("not_before"),
                                       QStringLiteral("not_after"),
                                       QStringLiteral("fingerprint_sha256"),
                                       QStringLiteral("certificate_path"),
                                       QStringLiteral("key_path"),
                                       QStringLiteral("site"),
                                       QStringLiteral("domain")};
    static const QSet<QString> booleans{
        QStringLiteral("running"),     QStringLiteral("config_ok"), QStringLiteral("tested"),
        QStringLiteral("reloaded"),    QStringLiteral("enabled"),   QStringLiteral("changed"),
        QStringLiteral("deleted"),     QStringLiteral("truncated"), QStringLiteral("expired"),
        QStringLiteral("self_signed"), QStringLiteral("generated")};
    static const QSet<QString> numbers{QStringLiteral("pid"), QStringLiteral("size"),
                                       QStringLiteral("days_left")};
    static const QSet<QString> stringLists{QStringLiteral("server_name"), QStringLiteral("listen"),
                                           QStringLiteral("sans")};
    QJsonObject out;
    for (auto it = in.constBegin(); it != in.constEnd(); ++it) {
        const QString &key = it.key();
        const QJsonValue value = it.value();
        if (strings.contains(key) && value.isString()) {
            out.insert(key, value.toString().left(
                                key == u"content" ? hm::fleet::kMaxNginxConfigBytes : 8192));
        } else if (strings.contains(key) && value.isNull()) {
            out.insert(key, QJsonValue());
        } else if (booleans.contains(key) && value.isBool()) {
            out.insert(key, value);
        } else if (numbers.contains(key) &&
                   (value.isNull() || (value.isDouble() && std::isfinite(value.toDouble())))) {
            out.insert(key, value);
        } else if (stringLists.contains(key) && value.isArray()) {
            QJsonArray list;
            for (const QJsonValue &item : value.toArray())
                if (item.isString() && list.size() < 256)
                    list.append(item.toString().left(512));
            out.insert(key, list);
        } else if (key == u"sites" && value.isArray()) {
            QJsonArray sites;
            for (const QJsonValue &item : value.toArray())
                if (item.isObject())
                    sites.append(sanitisedNginx(item.toObject()));
            out.insert(key, sites);
        }
    }
    return out;
}

QJsonObject contentAudit(const QString &content)
{
    const QByteArray bytes = content.toUtf8();
    return {
        {QStringLiteral("size"), bytes.size()},
        {QStringLiteral("sha256"),
         QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())}};
}

RemoteAction nginxAction(const QString &nodeId, const QString &agentAction, QJsonObject args = {})
{
    RemoteAction action;
    action.nodeId = nodeId;
    action.capability = kNginxCapability;
    action.action = agentAction;
    action.args = std::move(args);
    return action;
}

void refuseLater(QObject *context, const NginxOps::Done &done, const Error &error)
{
    QTimer::singleShot(0, context, [done, error] { done(error); });
}

} // namespace

void NginxOps::call(const auth::Principal &caller, const auth::ClientInfo &client,
                    RemoteAction action, QObject *context, Done done)
{
    m_actions.run(caller, client, std::move(action), context,
                  [done = std::move(done)](Result<QJsonObject> outcome) {
                      if (!outcome)
                          return done(outcome.error());
                      done(sanitisedNginx(outcome.value()));
                  });
}

void NginxOps::status(const auth::Principal &caller, const auth::ClientInfo &client,
                      const QString &nodeId, QObject *context, Done done)
{
    RemoteAction action = nginxAction(nodeId, QStringLiteral("status"));
    action.timeoutMs = kNginxChangeTimeoutMs; // nginx -v and nginx -t
    call(caller, client, std::move(action), context, std::move(done));
}

void NginxOps::control(const auth::Principal &caller, const auth::ClientInfo &client,
                       const QString &nodeId, const QString &verb, QObject *context, Done done)
{
    static const QHash<QString, QString> audits{
        {QStringLiteral("start"), QStringLiteral("NODE_NGINX_STARTED")},
        {QStringLiteral("stop"), QStringLiteral("NODE_NGINX_STOPPED")},
        {QStringLiteral("restart"), QStringLiteral("NODE_NGINX_RESTARTED")},
        {QStringLiteral("reload"), QStringLiteral("NODE_NGINX_RELOADED")}};
    if (!audits.contains(verb))
        return refuseLater(context, done,
                           Error{ErrorCode::ValidationError,
                                 QStringLiteral("action: start, stop, restart or reload")});
    RemoteAction action = nginxAction(nodeId, verb);
    action.auditAction = audits.value(verb);
    action.auditTarget = QStringLiteral("nginx");
    action.timeoutMs = verb == u"restart"  ? kNginxRestartTimeoutMs
                       : verb == u"reload" ? kNginxChangeTimeoutMs
                                           : kNginxStartStopTimeoutMs;
    call(caller, client, std::move(action), context, std::move(done));
}

void NginxOps::config(const auth::Principal &caller, const auth::ClientInfo &client,
                      const QString &nodeId, QObject *context, Done done)
{
    call(caller, client, nginxAction(nodeId, QStringLiteral("config_get")), context,
         std::move(done));
}

void NginxOps::updateConfig(const auth::Principal &caller, const auth::ClientInfo &client,
                            const QString &nodeId, const QString &content,
                            const QString &expectedSha256, QObject *context, Done done)
{
    if (Status text = hm::fleet::checkNginxConfigText(content, QStringLiteral("config")); !text)
        return refuseLater(context, done, text.error());
    QJsonObject args{{QStringLiteral("content"), content}};
    if (!expectedSha256.isEmpty())
        args.insert(QStringLiteral("expected_sha256"), expectedSha256);
    RemoteAction action = nginxAction(nodeId, QStringLiteral("config_update"), args);
    action.auditAction = QStringLiteral("NODE_NGINX_CONFIG_UPDATED");
    action.auditTarget = QStringLiteral("nginx.conf");
    action.auditDetails = contentAudit(content);
    action.timeoutMs = kNginxChangeTimeoutMs;
    call(caller, client, std::move(action), context, std::move(done));
}

void NginxOps::sites(const auth::Principal &caller, const auth::ClientInfo &client,
                     const QString &nodeId, QObject *context, Done done)
{
    call(caller, client, nginxAction(nodeId, QStringLiteral("sites_list")), context,
         std::move(done));
}

void NginxOps::site(const auth::Principal &caller, const auth::ClientInfo &client,
                    const QString &nodeId, const QString &name, QObject *context, Done done)
{
    if (Status valid = hm::fleet::checkNginxSiteName(name); !valid)
        return refuseLater(context, done, valid.error());
    call(caller, client,
         nginxAction(nodeId, QStringLiteral("site_get"), {{QStringLiteral("name"), name}}), context,
         std::move(done));
}

void NginxOps::createSite(const auth::Principal &caller, const auth::ClientInfo &client,
                          const QString &nodeId, const QString &name, const QString &content,
                          bool enable, QObject *context, Done done)
{
    if (Status valid = hm::fleet::checkNginxSiteName(name); !valid)
        return refuseLater(context, done, valid.error());
    if (Status text = hm::fleet::checkNginxConfigText(content, QStringLiteral("config")); !text)
        return refuseLater(context, done, text.error());
    RemoteAction action = nginxAction(nodeId, QStringLiteral("site_create"),
                                      {{QStringLiteral("name"), name},
                                       {QStringLiteral("content"), content},
                                       {QStringLiteral("enable"), enable}});
    action.auditAction = QStringLiteral("NODE_NGINX_SITE_CREATED");
    action.auditTarget = name;
    action.auditDetails = contentAudit(content);
    action.auditDetails.insert(QStringLiteral("enable"), enable);
    action.timeoutMs = kNginxChangeTimeoutMs;
    call(caller, client, std::move(action), context, std::move(done));
}

void NginxOps::updateSite(const auth::Principal &caller, const auth::ClientInfo &client,
                          const QString &nodeId, const QString &name, const QString &content,
                          const QString &expectedSha256, QObject *context, Done done)
{
    if (Status valid = hm::fleet::checkNginxSiteName(name); !valid)
        return refuseLater(context, done, valid.error());
    if (Status text = hm::fleet::checkNginxConfigText(content, QStringLiteral("config")); !text)
        return refuseLater(context, done, text.error());
    QJsonObject args{{QStringLiteral("name"), name}, {QStringLiteral("content"), content}};
    if (!expectedSha256.isEmpty())
        args.insert(QStringLiteral("expected_sha256"), expectedSha256);
    RemoteAction action = nginxAction(nodeId, QStringLiteral("site_update"), args);
    action.auditAction = QStringLiteral("NODE_NGINX_SITE_UPDATED");
    action.auditTarget = name;
    action.auditDetails = contentAudit(content);
    action.timeoutMs = kNginxChangeTimeoutMs;
    call(caller, client, std::move(action), context, std::move(done));
}

void NginxOps::deleteSite(const auth::Principal &caller, const auth::ClientInfo &client,
                          const QString &nodeId, const QString &name, QObject *context, Done done)
{
    if (Status valid = hm::fleet::checkNginxSiteName(name); !valid)
        return refuseLater(context, done, valid.error());
    RemoteAction action =
        nginxAction(nodeId, QStringLiteral("site_delete"), {{QStringLiteral("name"), name}});
    action.auditAction = QStringLiteral("NODE_NGINX_SITE_DELETED");
    action.auditTarget = name;
    action.timeoutMs = kNginxChangeTimeoutMs;
    call(caller, client, std::move(action), context, std::move(done));
}

void NginxOps::setSiteEnabled(const auth::Principal &caller, const auth::ClientInfo &client,
                              const QString &nodeId, const QString &name, bool enabled,
                              QObject *context, Done done)
{
    if (Status valid = hm::fleet::checkNginxSiteName(name); !valid)
        return refuseLater(context, done, valid.error());
    RemoteAction action = nginxAction(
        nodeId, enabled ? QStringLiteral("site_enable") : QStringLiteral("site_disable"),
        {{QStringLiteral("name"), name}});
    action.auditAction = enabled ? QStringLiteral("NODE_NGINX_SITE_ENABLED")
                                 : QStringLiteral("NODE_NGINX_SITE_DISABLED");
    action.auditTarget = name;
    action.timeoutMs = kNginxChangeTimeoutMs;
    call(caller, client, std::move(action), context, std::move(done));
}

void NginxOps::certificate(const auth::Principal &caller, const auth::ClientInfo &client,
                           const QString &nodeId, const QString &domain, QObject *context,
                           Done done)
{
    if (Status valid = hm::fleet::checkNginxDomain(domain); !valid)
        return refuseLater(context, done, valid.error());
    call(caller, client,
         nginxAction(nodeId, QStringLiteral("ssl_info"), {{QStringLiteral("domain"), domain}}),
         context, std::move(done));
}

void NginxOps::generateCertificate(const auth::Principal &caller, const auth::ClientInfo &client,
                                   const QString &nodeId, const QString &domain, int days,
                                   bool overwrite, QObject *context, Done done)
{
    if (Status valid = hm::fleet::checkNginxDomain(domain); !valid)
        return refuseLater(context, done, valid.error());
    if (days < 1 || days > 3650)
        return refuseLater(context, done,
                           Error{ErrorCode::ValidationError,
                                 QStringLiteral("days: a whole number from 1 to 3650"),
                                 QJsonObject{{QStringLiteral("field"), QStringLiteral("days")}}});
    RemoteAction action = nginxAction(nodeId, QStringLiteral("ssl_generate"),
                                      {{QStringLiteral("domain"), domain},
                                       {QStringLiteral("days"), days},
                                       {QStringLiteral("overwrite"), overwrite}});
    action.auditAction = QStringLiteral("NODE_NGINX_CERTIFICATE_CREATED");
    action.auditTarget = domain;
    action.auditDetails = {{QStringLiteral("days"), days},
                           {QStringLiteral("overwrite"), overwrite},
                           {QStringLiteral("self_signed"), true}};
    action.timeoutMs = kNginxChangeTimeoutMs;
    call(caller, client, std::move(action), context, std::move(done));
}

} // namespace hm::server::remote
