#pragma once

// BGP sessions through BIRD 2 (seed 001 "BGP管理"; docs/api.md "BGP",
// docs/bird.md). The sessions are stored (bgp_sessions, the TCP-MD5
// password sealed like a WireGuard private key); every change renders the
// complete BIRD configuration (core/vpn/bird BirdConfig: the sessions and,
// announced on each of them, the active IPv6 pools' prefixes) and
// BirdConfigApplier checks and applies it BEFORE anything is stored: a
// configuration BIRD refuses is a VALIDATION_ERROR (422) with BIRD's words,
// nothing stored changes and BIRD keeps the previous one. Changes run one
// at a time (each renders what the previous one stored). Every birdc call
// runs on one worker thread; answers come back on the server's thread.
// Without a control socket (--bird-socket) sessions are still stored (and
// the configuration file written when --bird-config is given) and their
// status is "unavailable". Anyone signed in reads; administrators change
// (audited, never with the password).

#include "common/Result.h"
#include "server/repositories/BgpRepository.h"
#include "server/services/auth/TokenService.h"
#include "vpn/bird/BirdParsers.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QThreadPool>
#include <functional>
#include <optional>

namespace hm::store {
class Database;
}
namespace hm::crypto {
class EnvelopeCipher;
}

namespace hm::server::auth {
struct Principal;
}

namespace hm::server::vpn {

struct BgpBirdOptions
{
    QString socketPath; // --bird-socket; empty: no BIRD (status "unavailable")
    QString
        configPath; // --bird-config: the file BIRD runs (written at start when missing or empty)
    QString routerId = QStringLiteral("10.255.255.1"); // --bgp-router-id (IPv4)
    quint32 localAs = 65000; // the configuration's AS when no session names one
};

// What a create or update gives (unset: keep, or the default on create).
struct BgpSessionDetails
{
    std::optional<QString> name;
    std::optional<QString> neighbor;
    std::optional<qint64> remoteAs;
    std::optional<qint64> localAs;
    std::optional<QString> password; // empty: none
    std::optional<int> holdTime;
    std::optional<int> keepalive;
    std::optional<int> connectRetry;
    std::optional<int> multihop;
    std::optional<bool> ttlSecurity;
    std::optional<bool> enabled;
    std::optional<QString> description;
    std::optional<QString> ipv6NextHop; // empty: BIRD chooses
};

struct BgpSessionQuery
{
    QString search;
    QString neighbor;
    QString status; // as the API shows it; empty: any
    qint64 limit = 20;
    qint64 offset = 0;
};

class BgpService : public QObject
{
    Q_OBJECT

public:
    BgpService(store::Database &db, crypto::EnvelopeCipher &cipher, BgpBirdOptions options,
               QObject *parent = nullptr);
    ~BgpService() override;

    bool hasBird() const { return !m_options.socketPath.isEmpty(); }
    // Server start: writes the rendered configuration to --bird-config when
    // the file is missing, empty or differs from the stored sessions (then
    // a running BIRD is given it too), so BIRD always starts on what is
    // stored.
    Status writeInitialConfig();

    using Done = std::function<void(Result<QJsonObject>)>;
    // {sessions: [...], total}
    void listSessions(const BgpSessionQuery &query, Done done);
    void session(qint64 id, Done done);
    void createSession(const auth::Principal &caller, const auth::ClientInfo &client,
                       const BgpSessionDetails &details, Done done);
    void updateSession(const auth::Principal &caller, const auth::ClientInfo &client, qint64 id,
                       const BgpSessionDetails &details, Done done);
    // {id, deleted: true}
    void removeSession(const auth::Principal &caller, const auth::ClientInfo &client, qint64 id,
                       Done done);
    // start: enabled and `birdc enable`; stop: disabled and `birdc disable`.
    void setSessionEnabled(const auth::Principal &caller, const auth::ClientInfo &client, qint64 id,
                           bool enabled, Done done);
    // {routes: [...], total} from `show route all` (the session's protocol
    // when sessionId is given).
    void routes(std::optional<qint64> sessionId, const QString &prefix, qint64 limit, qint64 offset,
                Done done);

    // Prefixes announced besides the active IPv6 pools' (docs/api.md "BGP",
    // "Announced prefixes"): {announcements: [{id, prefix, family,
    // description, created_at}]}. Adding or removing one is applied by BIRD
    // before it is stored, like a session change. VALIDATION_ERROR for a
    // prefix with host bits, CONFLICT for one announced already (here or as
    // an active pool).
    void listAnnouncements(Done done);
    void addAnnouncement(const auth::Principal &caller, const auth::ClientInfo &client,
                         const QString &prefix, const QString &description, Done done);
    void removeAnnouncement(const auth::Principal &caller, const auth::ClientInfo &client,
                            qint64 id, Done done);
    static constexpr int kMaxAnnouncements = 1000;

    // Re-renders and applies the stored sessions (the IPv6 pools changed:
    // their prefixes are announced); a refusal is logged.
    void resync();

    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

private:
    qint64 now() const;
    Result<repositories::BgpSessionRow> validated(repositories::BgpSessionRow row,
                                                  const BgpSessionDetails &details);
    // The complete configuration with `sessions` (passwords opened; a
    // session's plain password may be given for one not stored yet).
    Result<QString> render(const QList<repositories::BgpSessionRow> &sessions, qint64 plainFor = -1,
                           const QString &plainPassword = {});
    Result<QString> renderStored();
    // The announced prefixes render() uses instead of the stored ones while
    // a change of them is being applied.
    std::optional<QList<repositories::BgpAnnouncementRow>> m_announcementsOverride;
    void enqueue(std::function<void()> job);
    void runNext();
    void finished();
    void later(Done done, Result<QJsonObject> result);
    void runOnWorker(std::function<Result<QJsonObject>()> work, Done done);
    // What is done to one protocol once the configuration is applied.
    struct ProtocolStep
    {
        enum class Kind
        {
            Enable,
            Disable,
            Restart, // a changed next hop is announced only from a new session
        };
        QString name;
        Kind kind = Kind::Enable;
    };
    // Renders `sessions` and applies it with BIRD's commit-confirm
    // (`configure … timeout`, then `step`), calls store() on this thread,
    // then confirms when it stored and undoes when it did not: a server
    // that dies in between leaves BIRD to go back by itself.
    void applyThenStore(QList<repositories::BgpSessionRow> sessions, qint64 plainFor,
                        QString plainPassword, std::optional<ProtocolStep> step,
                        std::function<Result<QJsonObject>()> store, Done done);
    // As the API shows it: BIRD's view of the protocol when `protocol` is
    // given, else status "unavailable" and `unavailable` as last_error.
    QJsonObject sessionJson(const repositories::BgpSessionRow &row,
                            const bird::BirdProtocol *protocol, const QString &unavailable) const;

    store::Database &m_db;
    crypto::EnvelopeCipher &m_cipher;
    BgpBirdOptions m_options;
    std::function<qint64()> m_now;
    QThreadPool m_pool; // one thread: birdc calls run in order
    QList<std::function<void()>> m_waiting;
    bool m_busy = false;
};

} // namespace hm::server::vpn
