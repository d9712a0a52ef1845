#include "server/services/vpn/BgpService.h"

#include "common/Logging.h"
#include "crypto/Envelope.h"
#include "crypto/SecureBytes.h"
#include "server/api/AuthCommon.h"
#include "server/api/Roles.h"
#include "server/repositories/Ipv6PoolRepository.h"
#include "server/services/auth/AuditLog.h"
#include "store/Database.h"
#include "vpn/IpPrefix.h"
#include "vpn/SpecialPrefixes.h"
#include "vpn/WgFieldCheck.h"
#include "vpn/bird/BirdConfig.h"
#include "vpn/bird/BirdConfigApplier.h"
#include "vpn/bird/BirdControl.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QPointer>

namespace hm::server::vpn {

using namespace repositories;

namespace {

constexpr qsizetype kBgpMaxDescription = 256;
constexpr auto kBgpBirdTimeout = std::chrono::seconds(10);
// How long BIRD keeps a change before going back by itself unless the
// server confirms it (it confirms as soon as the change is stored).
constexpr int kBgpConfirmSeconds = 30;
const QString kBgpRedacted = QStringLiteral("***REDACTED***");

Error bgpRuleError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError,
                 field + QStringLiteral(": ") + message,
                 {{QStringLiteral("field"), field}}};
}

// Overwrites a secret held in a QString (its own copy).
void bgpWipe(QString &text)
{
    text.fill(QChar(u'\0'));
    text.clear();
}

Error bgpNotFound()
{
    return Error{ErrorCode::ResourceNotFound, QStringLiteral("BGP session not found")};
}

// Where session `id` is in `sessions`; -1 when it is not.
qsizetype indexOfSession(const QList<BgpSessionRow> &sessions, qint64 id)
{
    const auto it = std::find_if(sessions.cbegin(), sessions.cend(),
                                 [id](const BgpSessionRow &row) { return row.id == id; });
    return it == sessions.cend() ? -1 : qsizetype(it - sessions.cbegin());
}

Status requireBgpAdmin(const auth::Principal &caller)
{
    if (caller.role != auth::Role::Admin)
        return Error{ErrorCode::InsufficientPermissions,
                     QStringLiteral("only administrators change BGP sessions")};
    return {};
}

QByteArray bgpPasswordAad(qint64 id)
{
    return QByteArrayLiteral("bgp_session:") + QByteArray::number(id);
}

QJsonObject bgpAuditDetails(const BgpSessionRow &row)
{
    return {{QStringLiteral("name"), row.name},
            {QStringLiteral("neighbor"), row.neighbor},
            {QStringLiteral("remote_as"), double(row.remoteAs)},
            {QStringLiteral("local_as"), double(row.localAs)},
            {QStringLiteral("has_password"), !row.sealedPassword.isEmpty()},
            {QStringLiteral("ipv6_next_hop"), row.ipv6NextHop},
            {QStringLiteral("enabled"), row.enabled}};
}

// Transport problems (no BIRD at the socket, no answer) are 503.
// Why a session shows "unavailable": the message in last_error, and a code
// a console words in its own language (unavailable_reason).
const QString kBgpNoSocket = QStringLiteral("no BIRD control socket is configured (--bird-socket)");
const QString kBgpNotRunYet = QStringLiteral("BIRD does not run this session yet");
const QString kBgpStarting = QStringLiteral("BIRD is starting the session");
const QString kBgpUnreachable = QStringLiteral("BIRD is not reachable: ");

QString bgpUnavailableReason(const QString &why)
{
    if (why == kBgpNoSocket)
        return QStringLiteral("BIRD_NOT_CONFIGURED");
    if (why == kBgpNotRunYet || why.isEmpty())
        return QStringLiteral("NOT_IN_BIRD");
    if (why == kBgpStarting)
        return QStringLiteral("STARTING");
    if (why.startsWith(kBgpUnreachable))
        return QStringLiteral("BIRD_UNREACHABLE");
    // BIRD answered with an error of its own: last_error has its words.
    return QStringLiteral("BIRD_ERROR");
}

Error bgpBirdUnreachable(const Error &error)
{
    if (error.code == ErrorCode::NetworkError || error.code == ErrorCode::Timeout)
        return Error{ErrorCode::ServiceUnavailable, kBgpUnreachable + error.message};
    return error;
}

QString bgpStatusOf(const bird::BirdProtocol &p)
{
    if (!p.bgpState.isEmpty())
        return p.bgpState.toLower();
    return p.state.toLower();
}

} // namespace

BgpService::BgpService(store::Database &db, crypto::EnvelopeCipher &cipher, BgpBirdOptions options,
                       QObject *parent)
    : QObject(parent), m_db(db), m_cipher(cipher), m_options(std::move(options)),
      m_now(&auth::nowMs)
{
    m_pool.setMaxThreadCount(1);
}

BgpService::~BgpService()
{
    m_pool.clear();
    m_pool.waitForDone();
}

qint64 BgpService::now() const
{
    return m_now ? m_now() : QDateTime::currentMSecsSinceEpoch();
}

void BgpService::later(Done done, Result<QJsonObject> result)
{
    QMetaObject::invokeMethod(
        this,
        [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); },
        Qt::QueuedConnection);
}

void BgpService::runOnWorker(std::function<Result<QJsonObject>()> work, Done done)
{
    QPointer<BgpService> self(this);
    m_pool.start([self, work = std::move(work), done = std::move(done)]() mutable {
        Result<QJsonObject> result = work();
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [done = std::move(done), result = std::move(result)]() mutable {
                done(std::move(result));
            },
            Qt::QueuedConnection);
    });
}

void BgpService::enqueue(std::function<void()> job)
{
    m_waiting.append(std::move(job));
    if (m_busy)
        return;
    m_busy = true;
    // Always after the caller returned, like the worker's answers.
    QMetaObject::invokeMethod(
        this, [this] { runNext(); }, Qt::QueuedConnection);
}

// The next waiting change, if any (each renders what the previous one stored).
void BgpService::runNext()
{
    if (m_waiting.isEmpty()) {
        m_busy = false;
        return;
    }
    auto job = m_waiting.takeFirst();
    job();
}

void BgpService::finished()
{
    runNext();
}

// ---- rendering -------------------------------------------------------------

Result<QString> BgpService::render(const QList<BgpSessionRow> &sessions, qint64 plainFor,
                                   const QString &plainPassword)
{
    bird::BirdConfig config;
    config.routerId = QHostAddress(m_options.routerId);
    config.localAs = m_options.localAs;
    auto pools = allIpv6Pools(m_db);
    if (!pools)
        return pools.error();
    for (const Ipv6PoolRow &pool : pools.value()) {
        if (pool.status != QLatin1String("active"))
            continue;
        auto prefix = bird::BirdPrefix::parse(pool.prefix);
        if (!prefix)
            continue; // stored pools are canonical
        config.announced.append({prefix.value(), bird::BirdAnnounceKind::Unreachable});
    }
    QList<BgpAnnouncementRow> chosen;
    if (m_announcementsOverride) {
        chosen = *m_announcementsOverride;
    } else {
        auto stored = bgpAnnouncements(m_db);
        if (!stored)
            return stored.error();
        chosen = stored.value();
    }
    for (const BgpAnnouncementRow &a : chosen) {
        auto prefix = bird::BirdPrefix::parse(a.prefix);
        if (!prefix)
            continue; // stored ones are canonical
        const bool twice = std::any_of(config.announced.cbegin(), config.announced.cend(),
                                       [&](const bird::BirdAnnounced &b) {
                                           return b.prefix == prefix.value();
                                       });
        if (!twice)
            config.announced.append({prefix.value(), bird::BirdAnnounceKind::Unreachable});
    }
    for (const BgpSessionRow &row : sessions) {
        bird::BirdBgpSession s;
        s.name = row.name;
        s.neighbor = QHostAddress(row.neighbor);
        s.remoteAs = quint32(row.remoteAs);
        s.localAs = quint32(row.localAs);
        if (row.id == plainFor) {
            s.password = plainPassword;
        } else if (!row.sealedPassword.isEmpty()) {
            auto opened = m_cipher.decrypt(row.sealedPassword, crypto::DekPurpose::Credential,
                                           bgpPasswordAad(row.id));
            if (!opened)
                return Error{ErrorCode::InternalError,
                             QStringLiteral("the password of BGP session %1 cannot be opened")
                                 .arg(row.name)};
            s.password = QString::fromUtf8(opened.value());
            crypto::wipe(opened.value());
        }
        s.holdTime = row.holdTime;
        s.keepaliveTime = row.keepalive;
        s.connectRetryTime = row.connectRetry;
        s.multihopTtl = row.multihop;
        s.ttlSecurity = row.ttlSecurity;
        s.enabled = row.enabled;
        // Every session carries both families: IPv4 over an IPv6 neighbor
        // with extended next hop, IPv6 over an IPv4 one with the IPv6 next
        // hop chosen (or BIRD's: the interface's address towards a direct
        // neighbor), so the IPv6 pools reach IPv4-only peerings too. A peer
        // that does not offer a family leaves that channel down.
        s.ipv6.enabled = true;
        s.ipv4.enabled = true;
        if (!row.ipv6NextHop.isEmpty())
            s.ipv6NextHop = QHostAddress(row.ipv6NextHop);
        config.sessions.append(s);
    }
    auto text = bird::renderBirdConfig(config);
    for (bird::BirdBgpSession &s : config.sessions)
        s.password.fill(QChar(u'\0'));
    if (!text)
        return Error{ErrorCode::ValidationError, text.error().message, text.error().details};
    return text;
}

Result<QString> BgpService::renderStored()
{
    auto sessions = bgpSessions(m_db);
    if (!sessions)
        return sessions.error();
    return render(sessions.value());
}

Status BgpService::writeInitialConfig()
{
    if (m_options.configPath.isEmpty())
        return {};
    auto text = renderStored();
    if (!text)
        return text.error();
    QByteArray bytes = text.value().toUtf8();
    bgpWipe(text.value());
    {
        // A file that differs from what is stored (a server that died
        // between applying a change and storing it: BIRD went back by itself,
        // the file did not) is replaced, so BIRD's next start reads the
        // stored sessions; one that matches is left alone.
        QFile current(m_options.configPath);
        if (current.exists() && current.size() > 0 && current.open(QIODevice::ReadOnly)) {
            QByteArray live = current.readAll();
            const bool same = live == bytes;
            crypto::wipe(live);
            if (same) {
                crypto::wipe(bytes);
                return {};
            }
            qCWarning(lcServer).noquote()
                << "BIRD configuration" << m_options.configPath
                << "differs from the stored sessions: written again";
        }
    }
    QFile file(m_options.configPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error{
            ErrorCode::InternalError,
            QStringLiteral("cannot write %1: %2").arg(m_options.configPath, file.errorString())};
    file.setPermissions(bird::BirdConfigApplier::DefaultPermissions);
    const bool written = file.write(bytes) == bytes.size();
    crypto::wipe(bytes);
    if (!written)
        return Error{ErrorCode::InternalError,
                     QStringLiteral("cannot write %1").arg(m_options.configPath)};
    qCInfo(lcServer).noquote() << "BIRD configuration written to" << m_options.configPath;
    if (hasBird())
        resync(); // a BIRD that runs takes it now (or logs why not)
    return {};
}

// ---- validation ------------------------------------------------------------

Result<BgpSessionRow> BgpService::validated(BgpSessionRow row, const BgpSessionDetails &d)
{
    if (d.name)
        row.name = d.name->trimmed();
    if (row.name.isEmpty())
        return bgpRuleError(QStringLiteral("name"), QStringLiteral("required"));
    if (!bird::isValidBirdName(row.name) || row.name.startsWith(QLatin1String("hm_")))
        return bgpRuleError(
            QStringLiteral("name"),
            QStringLiteral("a BIRD protocol name: a letter or _, then letters, digits or _, at "
                           "most 32, not a BIRD keyword and not starting with hm_"));
    if (d.neighbor)
        row.neighbor = d.neighbor->trimmed();
    {
        const QHostAddress address(row.neighbor);
        if (row.neighbor.isEmpty() || address.isNull() ||
            !bird::checkBirdAddress(address, QStringLiteral("neighbor")))
            return bgpRuleError(QStringLiteral("neighbor"),
                                QStringLiteral("a unicast IPv4 or IPv6 address"));
        // BIRD needs the interface of a link-local neighbor, which a
        // session here does not name. With BIRD's socket, BIRD judges the
        // config (and refuses it, nothing stored); without it the file is
        // only written, and BIRD would not load any of it later.
        if (address.isLinkLocal() && m_options.socketPath.isEmpty())
            return bgpRuleError(QStringLiteral("neighbor"),
                                QStringLiteral("a global or unique-local address: a link-local "
                                               "neighbor (fe80::/10, 169.254.0.0/16) needs an "
                                               "interface, which sessions do not name"));
        row.neighbor = address.toString();
    }
    if (d.remoteAs)
        row.remoteAs = *d.remoteAs;
    if (row.remoteAs < 1 || row.remoteAs > 4294967295LL)
        return bgpRuleError(QStringLiteral("remote_as"), QStringLiteral("1 to 4294967295"));
    if (d.localAs)
        row.localAs = *d.localAs;
    if (row.localAs < 1 || row.localAs > 4294967295LL)
        return bgpRuleError(QStringLiteral("local_as"), QStringLiteral("1 to 4294967295"));
    if (d.holdTime)
        row.holdTime = *d.holdTime;
    if (row.holdTime < 3 || row.holdTime > 65535)
        return bgpRuleError(QStringLiteral("hold_time"), QStringLiteral("3 to 65535 seconds"));
    if (d.keepalive)
        row.keepalive = *d.keepalive;
    if (row.keepalive < 1 || row.keepalive >= row.holdTime)
        return bgpRuleError(QStringLiteral("keepalive"),
                            QStringLiteral("1 second to less than hold_time"));
    if (d.connectRetry)
        row.connectRetry = *d.connectRetry;
    if (row.connectRetry < 1 || row.connectRetry > 65535)
        return bgpRuleError(QStringLiteral("connect_retry"), QStringLiteral("1 to 65535 seconds"));
    if (d.multihop)
        row.multihop = *d.multihop;
    if (row.multihop < 0 || row.multihop > 255)
        return bgpRuleError(QStringLiteral("multihop"),
                            QStringLiteral("0 (direct) or a TTL of 1 to 255"));
    if (d.ttlSecurity)
        row.ttlSecurity = *d.ttlSecurity;
    if (d.enabled)
        row.enabled = *d.enabled;
    if (d.ipv6NextHop) {
        const QString text = d.ipv6NextHop->trimmed();
        const QHostAddress hop(text);
        if (!text.isEmpty() &&
            (hop.protocol() != QAbstractSocket::IPv6Protocol ||
             !bird::checkBirdAddress(hop, QStringLiteral("ipv6_next_hop"))))
            return bgpRuleError(QStringLiteral("ipv6_next_hop"),
                                QStringLiteral("a unicast IPv6 address without a scope, or empty"));
        row.ipv6NextHop = text.isEmpty() ? QString() : hop.toString();
    }
    if (d.description)
        row.description = d.description->trimmed();
    if (row.description.size() > kBgpMaxDescription)
        return bgpRuleError(QStringLiteral("description"),
                            QStringLiteral("at most %1 characters").arg(kBgpMaxDescription));
    if (!row.description.isEmpty() && !hm::vpn::checkApiField(u"Name", row.description))
        return bgpRuleError(QStringLiteral("description"),
                            QStringLiteral("holds characters that are not allowed"));
    if (d.password && !d.password->isEmpty()) {
        if (!bird::checkBirdPassword(*d.password, row.name))
            return bgpRuleError(QStringLiteral("password"),
                                QStringLiteral("1 to 80 bytes without \", \\ or control "
                                               "characters"));
    }
    return row;
}

// ---- applying --------------------------------------------------------------

void BgpService::applyThenStore(QList<BgpSessionRow> sessions, qint64 plainFor,
                                QString plainPassword, std::optional<ProtocolStep> step,
                                std::function<Result<QJsonObject>()> store, Done done)
{
    auto text = render(sessions, plainFor, plainPassword);
    bgpWipe(plainPassword);
    if (!text) {
        done(text.error());
        return finished();
    }
    if (!hasBird()) {
        // No BIRD to ask: the checked file is written when there is one.
        if (!m_options.configPath.isEmpty()) {
            QFile file(m_options.configPath);
            if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
                file.setPermissions(bird::BirdConfigApplier::DefaultPermissions);
                QByteArray bytes = text.value().toUtf8();
                file.write(bytes);
                crypto::wipe(bytes);
            }
        }
        bgpWipe(text.value());
        QMetaObject::invokeMethod(
            this,
            [this, store = std::move(store), done = std::move(done)]() mutable {
                done(store());
                finished();
            },
            Qt::QueuedConnection);
        return;
    }
    // After store(): confirm what it kept, undo what it could not keep.
    auto settle = [this, store = std::move(store),
                   done = std::move(done)](Result<QJsonObject> applied) mutable {
        if (!applied) {
            done(applied.error());
            return finished();
        }
        Result<QJsonObject> stored = store();
        runOnWorker(
            [socket = m_options.socketPath, path = m_options.configPath,
             keep = bool(stored)]() -> Result<QJsonObject> {
                bird::BirdControl control(socket, kBgpBirdTimeout);
                bird::BirdConfigApplier applier(control, path);
                const Status s = keep ? applier.confirm() : applier.undo();
                if (!s)
                    qCWarning(lcServer).noquote()
                        << "BIRD configuration not" << (keep ? "confirmed" : "undone") << "("
                        << s.error().message << "); BIRD goes back by itself after"
                        << kBgpConfirmSeconds << "s";
                return QJsonObject{};
            },
            [this, stored = std::move(stored), done = std::move(done)](Result<QJsonObject>) mutable {
                done(std::move(stored));
                finished();
            });
    };
    runOnWorker(
        [socket = m_options.socketPath, path = m_options.configPath, text = std::move(text.value()),
         step]() mutable -> Result<QJsonObject> {
            bird::BirdControl control(socket, kBgpBirdTimeout);
            bird::BirdConfigApplier applier(control, path);
            bird::BirdApplyOptions options;
            options.confirmTimeoutSeconds = kBgpConfirmSeconds;
            auto applied = applier.apply(text, options);
            bgpWipe(text);
            if (!applied)
                return bgpBirdUnreachable(applied.error());
            if (step) {
                Status s;
                switch (step->kind) {
                case ProtocolStep::Kind::Enable:
                    s = control.enableProtocol(step->name);
                    break;
                case ProtocolStep::Kind::Disable:
                    s = control.disableProtocol(step->name);
                    break;
                case ProtocolStep::Kind::Restart:
                    s = control.restartProtocol(step->name);
                    break;
                }
                if (!s)
                    qCWarning(lcServer).noquote()
                        << "BGP session" << step->name << "not switched:" << s.error().message;
            }
            return QJsonObject{};
        },
        std::move(settle));
}

// ---- reading ---------------------------------------------------------------

QJsonObject BgpService::sessionJson(const BgpSessionRow &row, const bird::BirdProtocol *p,
                                    const QString &unavailable) const
{
    QJsonObject o{{QStringLiteral("id"), row.id},
                  {QStringLiteral("name"), row.name},
                  {QStringLiteral("neighbor"), row.neighbor},
                  {QStringLiteral("remote_as"), double(row.remoteAs)},
                  {QStringLiteral("local_as"), double(row.localAs)},
                  {QStringLiteral("enabled"), row.enabled},
                  {QStringLiteral("description"), row.description},
                  {QStringLiteral("bird_protocol"), row.name},
                  {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)},
                  {QStringLiteral("updated_at"), auth::isoOrNull(row.updatedAt)}};
    o.insert(QStringLiteral("config"),
             QJsonObject{{QStringLiteral("password"),
                          row.sealedPassword.isEmpty() ? QJsonValue() : QJsonValue(kBgpRedacted)},
                         {QStringLiteral("hold_time"), row.holdTime},
                         {QStringLiteral("keepalive"), row.keepalive},
                         {QStringLiteral("connect_retry"), row.connectRetry},
                         // Seed 001's boolean; the TTL beside it.
                         {QStringLiteral("multihop"), row.multihop > 0},
                         {QStringLiteral("multihop_ttl"), row.multihop},
                         {QStringLiteral("ttl_security"), row.ttlSecurity},
                         {QStringLiteral("ipv6_next_hop"),
                          row.ipv6NextHop.isEmpty() ? QJsonValue() : QJsonValue(row.ipv6NextHop)}});
    QJsonObject statistics{{QStringLiteral("routes_imported"), 0},
                           {QStringLiteral("routes_filtered"), 0},
                           {QStringLiteral("routes_exported"), 0},
                           {QStringLiteral("routes_preferred"), 0},
                           {QStringLiteral("updates_received"), 0},
                           {QStringLiteral("withdraws_received"), 0},
                           {QStringLiteral("updates_sent"), 0},
                           {QStringLiteral("withdraws_sent"), 0}};
    o.insert(QStringLiteral("channels"), QJsonArray());
    o.insert(QStringLiteral("warnings"), QJsonArray());
    if (!p) {
        o.insert(QStringLiteral("status"), QStringLiteral("unavailable"));
        o.insert(QStringLiteral("uptime"), 0);
        o.insert(QStringLiteral("routes_received"), 0);
        o.insert(QStringLiteral("routes_advertised"), 0);
        o.insert(QStringLiteral("last_update"), QJsonValue());
        o.insert(QStringLiteral("last_error"), unavailable);
        o.insert(QStringLiteral("unavailable_reason"), bgpUnavailableReason(unavailable));
        o.insert(QStringLiteral("statistics"), statistics);
        return o;
    }
    const QString status = bgpStatusOf(*p);
    o.insert(QStringLiteral("status"), status);
    const bool up = p->isEstablished() && p->since.isValid();
    o.insert(QStringLiteral("uptime"),
             up ? double(qMax<qint64>(0, p->since.secsTo(QDateTime::currentDateTimeUtc()))) : 0.0);
    o.insert(QStringLiteral("routes_received"), double(p->routes.imported));
    o.insert(QStringLiteral("routes_advertised"), double(p->routes.exported));
    o.insert(QStringLiteral("last_update"),
             p->since.isValid() ? QJsonValue(p->since.toUTC().toString(Qt::ISODateWithMs))
                                : QJsonValue());
    o.insert(QStringLiteral("last_error"),
             p->lastError.isEmpty() ? QJsonValue() : QJsonValue(p->lastError));
    statistics.insert(QStringLiteral("routes_imported"), double(p->routes.imported));
    statistics.insert(QStringLiteral("routes_filtered"), double(p->routes.filtered));
    statistics.insert(QStringLiteral("routes_exported"), double(p->routes.exported));
    statistics.insert(QStringLiteral("routes_preferred"), double(p->routes.preferred));
    bird::BirdUpdateStats updates;
    QJsonArray channels;
    QJsonArray warnings;
    for (const bird::BirdChannel &c : p->channels) {
        updates.updatesReceived += c.updates.updatesReceived;
        updates.withdrawsReceived += c.updates.withdrawsReceived;
        updates.updatesSent += c.updates.updatesSent;
        updates.withdrawsSent += c.updates.withdrawsSent;
        channels.append(QJsonObject{
            {QStringLiteral("family"), c.name},
            {QStringLiteral("state"), c.state},
            {QStringLiteral("routes_imported"), double(c.routes.imported)},
            {QStringLiteral("routes_exported"), double(c.routes.exported)},
            {QStringLiteral("updates_received"), double(c.updates.updatesReceived)},
            {QStringLiteral("updates_sent"), double(c.updates.updatesSent)},
            {QStringLiteral("next_hop"),
             c.nextHop.isEmpty() ? QJsonValue() : QJsonValue(c.nextHop)}});
        // BIRD sends IPv6 routes with the unspecified next hop when it has
        // no IPv6 address for an IPv4 session; the peer drops them.
        if (c.name == QLatin1String("ipv6") && c.state == QLatin1String("UP") &&
            c.routes.exported > 0 && QHostAddress(c.nextHop) == QHostAddress::AnyIPv6)
            warnings.append(QJsonObject{
                {QStringLiteral("code"), QStringLiteral("IPV6_NEXT_HOP_MISSING")},
                {QStringLiteral("message"),
                 QStringLiteral("IPv6 routes go out without a next hop and the peer ignores "
                                "them: set ipv6_next_hop (or give the interface towards the "
                                "neighbor an IPv6 address)")}});
    }
    statistics.insert(QStringLiteral("updates_received"), double(updates.updatesReceived));
    statistics.insert(QStringLiteral("withdraws_received"), double(updates.withdrawsReceived));
    statistics.insert(QStringLiteral("updates_sent"), double(updates.updatesSent));
    statistics.insert(QStringLiteral("withdraws_sent"), double(updates.withdrawsSent));
    o.insert(QStringLiteral("statistics"), statistics);
    o.insert(QStringLiteral("channels"), channels);
    o.insert(QStringLiteral("warnings"), warnings);
    return o;
}

void BgpService::listSessions(const BgpSessionQuery &query, Done done)
{
    BgpSessionFilter filter;
    filter.search = query.search;
    filter.neighbor = query.neighbor;
    auto rows = bgpSessions(m_db, filter);
    if (!rows)
        return later(std::move(done), rows.error());
    auto answer = [this, rows = rows.value(),
                   query](const QHash<QString, bird::BirdProtocol> &protocols,
                          const QString &unavailable) {
        QJsonArray items;
        qint64 total = 0;
        for (const BgpSessionRow &row : rows) {
            const auto it = protocols.constFind(row.name);
            const QJsonObject json = sessionJson(
                row, it == protocols.cend() ? nullptr : &it.value(),
                it == protocols.cend() && unavailable.isEmpty() ? kBgpNotRunYet : unavailable);
            if (!query.status.isEmpty() &&
                json.value(QStringLiteral("status")).toString() != query.status)
                continue;
            if (total >= query.offset && total < query.offset + query.limit)
                items.append(json);
            ++total;
        }
        return QJsonObject{{QStringLiteral("sessions"), items},
                           {QStringLiteral("total"), double(total)}};
    };
    if (!hasBird())
        return later(std::move(done), answer({}, kBgpNoSocket));
    QPointer<BgpService> self(this);
    auto protocols = std::make_shared<QHash<QString, bird::BirdProtocol>>();
    auto why = std::make_shared<QString>();
    runOnWorker(
        [socket = m_options.socketPath, protocols, why]() -> Result<QJsonObject> {
            bird::BirdControl control(socket, kBgpBirdTimeout);
            auto list = control.showProtocols();
            if (!list) {
                *why = bgpBirdUnreachable(list.error()).message;
                return QJsonObject{};
            }
            for (const bird::BirdProtocol &p : list.value())
                protocols->insert(p.name, p);
            return QJsonObject{};
        },
        [answer, protocols, why, done = std::move(done)](Result<QJsonObject>) {
            done(answer(*protocols, *why));
        });
}

void BgpService::session(qint64 id, Done done)
{
    auto row = bgpSessionById(m_db, id);
    if (!row)
        return later(std::move(done), row.error());
    if (!row.value())
        return later(std::move(done), bgpNotFound());
    const BgpSessionRow found = *row.value();
    if (!hasBird())
        return later(std::move(done), sessionJson(found, nullptr, kBgpNoSocket));
    auto protocol = std::make_shared<std::optional<bird::BirdProtocol>>();
    auto why = std::make_shared<QString>();
    runOnWorker(
        [socket = m_options.socketPath, name = found.name, protocol, why]() -> Result<QJsonObject> {
            bird::BirdControl control(socket, kBgpBirdTimeout);
            auto p = control.showProtocol(name);
            if (p)
                *protocol = p.value();
            else
                *why = bgpBirdUnreachable(p.error()).message;
            return QJsonObject{};
        },
        [this, found, protocol, why, done = std::move(done)](Result<QJsonObject>) {
            done(sessionJson(found, protocol->has_value() ? &protocol->value() : nullptr, *why));
        });
}

void BgpService::createSession(const auth::Principal &caller, const auth::ClientInfo &client,
                               const BgpSessionDetails &details, Done done)
{
    if (Status s = requireBgpAdmin(caller); !s)
        return later(std::move(done), s.error());
    enqueue([this, caller, client, details, done = std::move(done)]() mutable {
        BgpSessionRow row;
        auto checked = validated(row, details);
        if (!checked) {
            done(checked.error());
            return finished();
        }
        row = checked.value();
        auto sessions = bgpSessions(m_db);
        if (!sessions) {
            done(sessions.error());
            return finished();
        }
        for (const BgpSessionRow &other : sessions.value()) {
            if (other.name == row.name) {
                done(Error{ErrorCode::Conflict,
                           QStringLiteral("name: another BGP session has it"),
                           {{QStringLiteral("field"), QStringLiteral("name")}}});
                return finished();
            }
        }
        row.id = -2; // not stored yet
        row.createdAt = now();
        row.updatedAt = row.createdAt;
        QList<BgpSessionRow> all = sessions.value();
        all.append(row);
        QString password = details.password.value_or(QString());
        applyThenStore(
            all, row.id, password, std::nullopt,
            [this, row, password, caller, client]() mutable -> Result<QJsonObject> {
                auto txn = m_db.begin();
                if (!txn)
                    return txn.error();
                auto id = insertBgpSession(m_db, row);
                if (!id)
                    return id.error();
                row.id = id.value();
                if (!password.isEmpty()) {
                    QByteArray secret = password.toUtf8();
                    auto sealed = m_cipher.encrypt(secret, crypto::DekPurpose::Credential,
                                                   bgpPasswordAad(row.id));
                    crypto::wipe(secret);
                    bgpWipe(password);
                    if (!sealed)
                        return sealed.error();
                    if (Status s = setBgpSessionPassword(m_db, row.id, sealed.value()); !s)
                        return s.error();
                    row.sealedPassword = sealed.value();
                }
                if (Status s = txn.value().commit(); !s)
                    return s.error();
                auth::audit(m_db, QStringLiteral("BGP_SESSION_CREATED"), caller.userId,
                            QStringLiteral("bgp_session"), QString::number(row.id), client.ip,
                            client.userAgent, bgpAuditDetails(row));
                return sessionJson(row, nullptr, hasBird() ? kBgpStarting : kBgpNoSocket);
            },
            std::move(done));
    });
}

void BgpService::updateSession(const auth::Principal &caller, const auth::ClientInfo &client,
                               qint64 id, const BgpSessionDetails &details, Done done)
{
    if (Status s = requireBgpAdmin(caller); !s)
        return later(std::move(done), s.error());
    enqueue([this, caller, client, id, details, done = std::move(done)]() mutable {
        auto sessions = bgpSessions(m_db);
        if (!sessions) {
            done(sessions.error());
            return finished();
        }
        QList<BgpSessionRow> all = sessions.value();
        const qsizetype index = indexOfSession(all, id);
        if (index < 0) {
            done(bgpNotFound());
            return finished();
        }
        auto checked = validated(all[index], details);
        if (!checked) {
            done(checked.error());
            return finished();
        }
        BgpSessionRow row = checked.value();
        for (const BgpSessionRow &other : all) {
            if (other.id != id && other.name == row.name) {
                done(Error{ErrorCode::Conflict,
                           QStringLiteral("name: another BGP session has it"),
                           {{QStringLiteral("field"), QStringLiteral("name")}}});
                return finished();
            }
        }
        row.updatedAt = now();
        // BIRD announces a new next hop only from a new session.
        std::optional<ProtocolStep> step;
        if (row.enabled && row.ipv6NextHop != all[index].ipv6NextHop &&
            row.name == all[index].name)
            step = ProtocolStep{row.name, ProtocolStep::Kind::Restart};
        all[index] = row;
        const bool newPassword = details.password.has_value();
        QString password = details.password.value_or(QString());
        applyThenStore(
            all, newPassword ? id : -1, password, step,
            [this, row, newPassword, password, caller, client]() mutable -> Result<QJsonObject> {
                auto txn = m_db.begin();
                if (!txn)
                    return txn.error();
                if (Status s = updateBgpSession(m_db, row); !s)
                    return s.error();
                if (newPassword) {
                    QString sealedText;
                    if (!password.isEmpty()) {
                        QByteArray secret = password.toUtf8();
                        auto sealed = m_cipher.encrypt(secret, crypto::DekPurpose::Credential,
                                                       bgpPasswordAad(row.id));
                        crypto::wipe(secret);
                        bgpWipe(password);
                        if (!sealed)
                            return sealed.error();
                        sealedText = sealed.value();
                    }
                    if (Status s = setBgpSessionPassword(m_db, row.id, sealedText); !s)
                        return s.error();
                    row.sealedPassword = sealedText;
                }
                if (Status s = txn.value().commit(); !s)
                    return s.error();
                auth::audit(m_db, QStringLiteral("BGP_SESSION_UPDATED"), caller.userId,
                            QStringLiteral("bgp_session"), QString::number(row.id), client.ip,
                            client.userAgent, bgpAuditDetails(row));
                return sessionJson(row, nullptr,
                                   hasBird() ? QStringLiteral("BIRD is applying the change")
                                             : kBgpNoSocket);
            },
            std::move(done));
    });
}

namespace {

QJsonObject bgpAnnouncementJson(const BgpAnnouncementRow &a)
{
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("prefix"), a.prefix},
            {QStringLiteral("family"),
             a.prefix.contains(u':') ? QStringLiteral("ipv6") : QStringLiteral("ipv4")},
            {QStringLiteral("description"), a.description},
            {QStringLiteral("created_at"), auth::isoOrNull(a.createdAt)}};
}

// "198.51.100.0/24": canonical, no host bits; else a field error.
Result<QString> bgpAnnouncedPrefix(const QString &text)
{
    const QString trimmed = text.trimmed();
    const auto [network, length] = QHostAddress::parseSubnet(trimmed);
    const qsizetype slash = trimmed.indexOf(u'/');
    if (network.isNull() || length < 0 || slash < 0)
        return auth::fieldError(QStringLiteral("prefix"),
                                QStringLiteral("a prefix such as 198.51.100.0/24 or 2001:db8::/48"));
    if (QHostAddress(trimmed.left(slash)) != network)
        return auth::fieldError(QStringLiteral("prefix"),
                                QStringLiteral("the address has bits set past the prefix length"));
    const QString canonical = network.toString() + u'/' + QString::number(length);
    // HiveMind originates what it announces with an unreachable route: a
    // default route or a special-use range announced would black-hole the
    // peers' traffic to it.
    if (auto parsed = hm::vpn::IpPrefix::parse(canonical)) {
        if (const auto special = hm::vpn::specialUseOverlap(parsed.value()))
            return auth::fieldError(QStringLiteral("prefix"),
                                    QStringLiteral("%1 overlaps %2, which may not be announced")
                                        .arg(canonical, *special));
    }
    return canonical;
}

} // namespace

void BgpService::listAnnouncements(Done done)
{
    auto rows = bgpAnnouncements(m_db);
    if (!rows)
        return later(std::move(done), rows.error());
    QJsonArray items;
    for (const BgpAnnouncementRow &a : rows.value())
        items.append(bgpAnnouncementJson(a));
    later(std::move(done), QJsonObject{{QStringLiteral("announcements"), items}});
}

void BgpService::addAnnouncement(const auth::Principal &caller, const auth::ClientInfo &client,
                                 const QString &prefixText, const QString &description,
                                 Done done)
{
    if (Status s = requireBgpAdmin(caller); !s)
        return later(std::move(done), s.error());
    auto prefix = bgpAnnouncedPrefix(prefixText);
    if (!prefix)
        return later(std::move(done), prefix.error());
    if (description.size() > 256 || description.contains(u'\n'))
        return later(std::move(done),
                     auth::fieldError(QStringLiteral("description"),
                                      QStringLiteral("one line of at most 256 characters")));
    enqueue([this, caller, client, prefix = prefix.value(), description,
             done = std::move(done)]() mutable {
        auto stored = bgpAnnouncements(m_db);
        auto pools = allIpv6Pools(m_db);
        auto sessions = bgpSessions(m_db);
        if (!stored || !pools || !sessions) {
            done(!stored ? stored.error() : !pools ? pools.error() : sessions.error());
            return finished();
        }
        const bool taken =
            std::any_of(stored.value().cbegin(), stored.value().cend(),
                        [&](const BgpAnnouncementRow &a) { return a.prefix == prefix; }) ||
            std::any_of(pools.value().cbegin(), pools.value().cend(), [&](const Ipv6PoolRow &p) {
                return p.status == QLatin1String("active") && p.prefix == prefix;
            });
        if (taken) {
            done(Error{ErrorCode::Conflict, QStringLiteral("prefix: announced already"),
                       {{QStringLiteral("field"), QStringLiteral("prefix")}}});
            return finished();
        }
        if (stored.value().size() >= kMaxAnnouncements) {
            done(auth::fieldError(QStringLiteral("prefix"),
                                  QStringLiteral("at most %1 prefixes").arg(kMaxAnnouncements)));
            return finished();
        }
        BgpAnnouncementRow row;
        row.prefix = prefix;
        row.description = description;
        row.createdAt = now();
        QList<BgpAnnouncementRow> next = stored.value();
        next.append(row);
        m_announcementsOverride = next;
        applyThenStore(
            sessions.value(), -1, {}, std::nullopt,
            [this, row, caller, client]() mutable -> Result<QJsonObject> {
                auto id = insertBgpAnnouncement(m_db, row);
                if (!id)
                    return id.error();
                row.id = id.value();
                auth::audit(m_db, QStringLiteral("BGP_PREFIX_ANNOUNCED"), caller.userId,
                            QStringLiteral("bgp_announcement"), QString::number(row.id),
                            client.ip, client.userAgent,
                            {{QStringLiteral("prefix"), row.prefix}});
                return bgpAnnouncementJson(row);
            },
            std::move(done));
        m_announcementsOverride.reset();
    });
}

void BgpService::removeAnnouncement(const auth::Principal &caller,
                                    const auth::ClientInfo &client, qint64 id, Done done)
{
    if (Status s = requireBgpAdmin(caller); !s)
        return later(std::move(done), s.error());
    enqueue([this, caller, client, id, done = std::move(done)]() mutable {
        auto stored = bgpAnnouncements(m_db);
        auto sessions = bgpSessions(m_db);
        if (!stored || !sessions) {
            done(!stored ? stored.error() : sessions.error());
            return finished();
        }
        QList<BgpAnnouncementRow> next;
        std::optional<BgpAnnouncementRow> gone;
        for (const BgpAnnouncementRow &a : stored.value()) {
            if (a.id == id)
                gone = a;
            else
                next.append(a);
        }
        if (!gone) {
            done(Error{ErrorCode::ResourceNotFound,
                       QStringLiteral("announced prefix not found")});
            return finished();
        }
        m_announcementsOverride = next;
        applyThenStore(
            sessions.value(), -1, {}, std::nullopt,
            [this, row = *gone, caller, client]() -> Result<QJsonObject> {
                auto removed = deleteBgpAnnouncement(m_db, row.id);
                if (!removed)
                    return removed.error();
                auth::audit(m_db, QStringLiteral("BGP_PREFIX_WITHDRAWN"), caller.userId,
                            QStringLiteral("bgp_announcement"), QString::number(row.id),
                            client.ip, client.userAgent,
                            {{QStringLiteral("prefix"), row.prefix}});
                return QJsonObject{{QStringLiteral("id"), row.id},
                                   {QStringLiteral("deleted"), true}};
            },
            std::move(done));
        m_announcementsOverride.reset();
    });
}

void BgpService::removeSession(const auth::Principal &caller, const auth::ClientInfo &client,
                               qint64 id, Done done)
{
    if (Status s = requireBgpAdmin(caller); !s)
        return later(std::move(done), s.error());
    enqueue([this, caller, client, id, done = std::move(done)]() mutable {
        auto sessions = bgpSessions(m_db);
        if (!sessions) {
            done(sessions.error());
            return finished();
        }
        QList<BgpSessionRow> all;
        std::optional<BgpSessionRow> gone;
        for (const BgpSessionRow &row : sessions.value()) {
            if (row.id == id)
                gone = row;
            else
                all.append(row);
        }
        if (!gone) {
            done(bgpNotFound());
            return finished();
        }
        applyThenStore(
            all, -1, {}, std::nullopt,
            [this, row = *gone, caller, client]() -> Result<QJsonObject> {
                auto removed = deleteBgpSession(m_db, row.id);
                if (!removed)
                    return removed.error();
                auth::audit(m_db, QStringLiteral("BGP_SESSION_DELETED"), caller.userId,
                            QStringLiteral("bgp_session"), QString::number(row.id), client.ip,
                            client.userAgent, bgpAuditDetails(row));
                return QJsonObject{{QStringLiteral("id"), row.id},
                                   {QStringLiteral("deleted"), true}};
            },
            std::move(done));
    });
}

void BgpService::setSessionEnabled(const auth::Principal &caller, const auth::ClientInfo &client,
                                   qint64 id, bool enabled, Done done)
{
    if (Status s = requireBgpAdmin(caller); !s)
        return later(std::move(done), s.error());
    enqueue([this, caller, client, id, enabled, done = std::move(done)]() mutable {
        auto sessions = bgpSessions(m_db);
        if (!sessions) {
            done(sessions.error());
            return finished();
        }
        QList<BgpSessionRow> all = sessions.value();
        const qsizetype index = indexOfSession(all, id);
        if (index < 0) {
            done(bgpNotFound());
            return finished();
        }
        all[index].enabled = enabled;
        all[index].updatedAt = now();
        const BgpSessionRow row = all[index];
        applyThenStore(
            all, -1, {},
            ProtocolStep{row.name, enabled ? ProtocolStep::Kind::Enable : ProtocolStep::Kind::Disable},
            [this, row, enabled, caller, client]() -> Result<QJsonObject> {
                if (Status s = updateBgpSession(m_db, row); !s)
                    return s.error();
                auth::audit(m_db,
                            enabled ? QStringLiteral("BGP_SESSION_STARTED")
                                    : QStringLiteral("BGP_SESSION_STOPPED"),
                            caller.userId, QStringLiteral("bgp_session"), QString::number(row.id),
                            client.ip, client.userAgent, bgpAuditDetails(row));
                return QJsonObject{{QStringLiteral("id"), row.id},
                                   {QStringLiteral("enabled"), enabled}};
            },
            std::move(done));
    });
}

void BgpService::resync()
{
    if (!hasBird() && m_options.configPath.isEmpty())
        return;
    enqueue([this] {
        auto sessions = bgpSessions(m_db);
        if (!sessions) {
            qCWarning(lcServer).noquote()
                << "BIRD configuration not re-applied:" << sessions.error().message;
            return finished();
        }
        applyThenStore(
            sessions.value(), -1, {}, std::nullopt,
            []() -> Result<QJsonObject> { return QJsonObject{}; },
            [](Result<QJsonObject> done) {
                if (!done)
                    qCWarning(lcServer).noquote()
                        << "BIRD configuration not re-applied:" << done.error().message;
            });
    });
}

void BgpService::routes(std::optional<qint64> sessionId, const QString &prefix, qint64 limit,
                        qint64 offset, Done done)
{
    bird::BirdRouteQuery query;
    if (!prefix.isEmpty()) {
        auto parsed = bird::BirdPrefix::parse(prefix.trimmed());
        if (!parsed)
            return later(std::move(done),
                         bgpRuleError(QStringLiteral("prefix"),
                                      QStringLiteral("an IP prefix such as 192.0.2.0/24")));
        query.prefix = parsed.value();
    }
    auto sessions = bgpSessions(m_db);
    if (!sessions)
        return later(std::move(done), sessions.error());
    QHash<QString, qint64> ids;
    for (const BgpSessionRow &row : sessions.value())
        ids.insert(row.name, row.id);
    if (sessionId) {
        const QString name = ids.key(*sessionId);
        if (name.isEmpty())
            return later(std::move(done), bgpNotFound());
        query.protocol = name;
    }
    if (!hasBird())
        return later(std::move(done), Error{ErrorCode::ServiceUnavailable, kBgpNoSocket});
    runOnWorker(
        [socket = m_options.socketPath, query, ids, limit, offset]() -> Result<QJsonObject> {
            bird::BirdControl control(socket, kBgpBirdTimeout);
            auto routes = control.showRoutes(query);
            if (!routes)
                return bgpBirdUnreachable(routes.error());
            QJsonArray items;
            const qint64 total = routes.value().size();
            for (qint64 i = offset; i < total && i < offset + limit; ++i) {
                const bird::BirdRoute &r = routes.value().at(i);
                QJsonArray communities;
                for (const auto &[high, low] : r.communities)
                    communities.append(QStringLiteral("%1:%2").arg(high).arg(low));
                // IPv6's BGP.next_hop is the global next hop, then often the
                // link-local one: the route's next hop is the first.
                QString nextHop =
                    r.bgpNextHop.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
                if (nextHop.isEmpty() && !r.nextHops.isEmpty())
                    nextHop = r.nextHops.first().via;
                const auto id = ids.constFind(r.protocol);
                items.append(QJsonObject{
                    {QStringLiteral("prefix"), r.prefix},
                    {QStringLiteral("next_hop"), nextHop.isEmpty() ? QJsonValue() : nextHop},
                    {QStringLiteral("as_path"), r.asPathText},
                    {QStringLiteral("origin"),
                     r.origin.isEmpty() ? QJsonValue() : QJsonValue(r.origin.toLower())},
                    {QStringLiteral("local_pref"),
                     r.localPref ? QJsonValue(double(*r.localPref)) : QJsonValue()},
                    {QStringLiteral("med"), r.med ? QJsonValue(double(*r.med)) : QJsonValue()},
                    {QStringLiteral("communities"), communities},
                    {QStringLiteral("protocol"), r.protocol},
                    {QStringLiteral("session_id"),
                     id == ids.cend() ? QJsonValue() : QJsonValue(id.value())},
                    {QStringLiteral("type"), r.type},
                    {QStringLiteral("since"),
                     r.since.isValid() ? QJsonValue(r.since.toUTC().toString(Qt::ISODateWithMs))
                                       : QJsonValue()},
                    {QStringLiteral("primary"), r.primary}});
            }
            return QJsonObject{{QStringLiteral("routes"), items},
                               {QStringLiteral("total"), double(total)}};
        },
        std::move(done));
}

} // namespace hm::server::vpn
