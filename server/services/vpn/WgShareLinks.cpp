#include "server/services/vpn/WgShareLinks.h"

#include "crypto/Random.h"
#include "server/api/AuthCommon.h"
#include "server/api/Roles.h"
#include "server/repositories/WgShareLinkRepository.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/vpn/WireGuardService.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace hm::server::vpn {

using namespace repositories;

namespace {

constexpr qsizetype kShareTokenBytes = 32; // 256 bits

Error shareLinkGone()
{
    return Error{ErrorCode::ResourceNotFound,
                 QStringLiteral("this link does not exist, was used already or has expired")};
}

Status requireShareAdmin(const auth::Principal &caller)
{
    if (caller.role != auth::Role::Admin)
        return Error{ErrorCode::InsufficientPermissions,
                     QStringLiteral("only administrators share WireGuard client configs")};
    return {};
}

bool wellFormedShareToken(const QString &token)
{
    // 32 bytes in base64url without padding: 43 characters.
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    return shape.match(token).hasMatch();
}

} // namespace

WgShareLinks::WgShareLinks(store::Database &db, WireGuardService &wireguard)
    : m_db(db), m_wireguard(wireguard), m_now(&auth::nowMs)
{
}

qint64 WgShareLinks::now() const
{
    return m_now();
}

Result<WgShareLinks::Created> WgShareLinks::create(const auth::Principal &caller,
                                                   const auth::ClientInfo &from, qint64 clientId,
                                                   qint64 lifetimeSeconds)
{
    if (Status s = requireShareAdmin(caller); !s)
        return s.error();
    if (lifetimeSeconds < kMinLifetimeSeconds || lifetimeSeconds > kMaxLifetimeSeconds)
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("expires_in_seconds: %1 to %2")
                         .arg(kMinLifetimeSeconds)
                         .arg(kMaxLifetimeSeconds),
                     {{QStringLiteral("field"), QStringLiteral("expires_in_seconds")}}};
    // The config must be possible now (an imported client has no key).
    auto config = m_wireguard.clientConfigText(clientId);
    if (!config)
        return config.error();
    Created created;
    created.token = crypto::randomToken(kShareTokenBytes);
    created.expiresAt = now() + lifetimeSeconds * 1000;
    WgShareLinkRow row;
    row.clientId = clientId;
    row.tokenHash = crypto::sha256Hex(created.token.toLatin1());
    row.createdBy = caller.userId;
    row.createdAt = now();
    row.expiresAt = created.expiresAt;
    auto id = insertWgShareLink(m_db, row);
    if (!id)
        return id.error();
    created.id = id.value();
    auth::audit(m_db, QStringLiteral("WIREGUARD_CLIENT_SHARE_CREATED"), caller.userId,
                QStringLiteral("wireguard_client"), QString::number(clientId), from.ip,
                from.userAgent,
                {{QStringLiteral("link_id"), created.id},
                 {QStringLiteral("expires_at"), auth::isoOrNull(created.expiresAt)}});
    return created;
}

Result<QString> WgShareLinks::redeem(const QString &token, const auth::ClientInfo &from)
{
    if (!wellFormedShareToken(token))
        return shareLinkGone();
    auto tx = m_db.begin();
    if (!tx)
        return tx.error();
    auto clientId = spendWgShareLink(m_db, crypto::sha256Hex(token.toLatin1()), now(), from.ip);
    if (!clientId)
        return clientId.error();
    if (!clientId.value())
        return shareLinkGone();
    auto config = m_wireguard.clientConfigText(*clientId.value());
    if (!config)
        return config.error(); // rolled back: the link stays unspent
    if (Status s = tx.value().commit(); !s)
        return s.error();
    auth::audit(m_db, QStringLiteral("WIREGUARD_CLIENT_SHARE_USED"), QString(),
                QStringLiteral("wireguard_client"), QString::number(*clientId.value()), from.ip,
                from.userAgent);
    return config;
}

Result<QJsonObject> WgShareLinks::list(const auth::Principal &caller, qint64 clientId)
{
    if (Status s = requireShareAdmin(caller); !s)
        return s.error();
    if (auto row = m_wireguard.clientRow(clientId); !row)
        return row.error();
    auto rows = wgShareLinksOf(m_db, clientId);
    if (!rows)
        return rows.error();
    const qint64 at = now();
    QJsonArray items;
    for (const WgShareLinkRow &r : rows.value())
        items.append(QJsonObject{
            {QStringLiteral("id"), r.id},
            {QStringLiteral("created_at"), auth::isoOrNull(r.createdAt)},
            {QStringLiteral("expires_at"), auth::isoOrNull(r.expiresAt)},
            {QStringLiteral("used_at"), r.usedAt ? auth::isoOrNull(*r.usedAt) : QJsonValue()},
            {QStringLiteral("used_from"), r.usedAt ? QJsonValue(r.usedFrom) : QJsonValue()},
            {QStringLiteral("state"), r.usedAt ? QStringLiteral("used")
                                      : r.expiresAt <= at ? QStringLiteral("expired")
                                                          : QStringLiteral("active")}});
    return QJsonObject{{QStringLiteral("items"), items}};
}

Result<int> WgShareLinks::revoke(const auth::Principal &caller, const auth::ClientInfo &from,
                                 qint64 clientId)
{
    if (Status s = requireShareAdmin(caller); !s)
        return s.error();
    if (auto row = m_wireguard.clientRow(clientId); !row)
        return row.error();
    auto revoked = revokeWgShareLinks(m_db, clientId);
    if (!revoked)
        return revoked.error();
    auth::audit(m_db, QStringLiteral("WIREGUARD_CLIENT_SHARE_REVOKED"), caller.userId,
                QStringLiteral("wireguard_client"), QString::number(clientId), from.ip,
                from.userAgent, {{QStringLiteral("revoked"), revoked.value()}});
    return revoked;
}

} // namespace hm::server::vpn
