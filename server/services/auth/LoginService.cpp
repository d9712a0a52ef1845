#include "server/services/auth/LoginService.h"

#include "common/Username.h"
#include "crypto/PasswordHasher.h"
#include "crypto/Random.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/UserRepository.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/auth/AuthLogging.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/auth/TwoFactor.h"

#include <QJsonArray>
#include <QTimer>

namespace hm::server::auth {
namespace {

// How often a login waiting for another check of its account and address
// looks again.
constexpr qint64 kBusyRetryMs = 25;
// Wrong codes that end a pending login: the password is needed again.
constexpr int kMaxPendingCodeFailures = 5;

// What a pending login offers: TOTP, and recovery codes while any are left.
QJsonArray secondFactorMethods(AuthModule &auth, const QString &userId)
{
    QJsonArray methods{QStringLiteral("totp")};
    const Result<qint64> left = UserRepository(auth.db).countRecoveryCodes(userId);
    if (left && left.value() > 0)
        methods.append(QStringLiteral("recovery"));
    return methods;
}

} // namespace

// A login on its way through the delay and the password worker: what the
// request said, kept past the call.
struct LoginService::Attempt
{
    LoginRequest request;
    Done done;
    Wanted wanted;

    bool isWanted() const { return !wanted || wanted(); }
};

QString LoginService::lockSubjectOf(const QString &userId)
{
    return QStringLiteral("account:") + userId;
}

QString LoginService::unknownSubjectOf(const QString &login)
{
    return QStringLiteral("login:") + usernameKey(login);
}

QString LoginService::nameSubjectOf(const QString &login)
{
    return QStringLiteral("name:") + usernameKey(login); // NFC and case-folded
}

Error LoginService::invalidCredentials()
{
    return Error{ErrorCode::InvalidCredentials,
                 QStringLiteral("Invalid username/email or password")};
}

void LoginService::login(LoginRequest request, Done done, Wanted wanted)
{
    check(
        std::make_shared<Attempt>(Attempt{std::move(request), std::move(done), std::move(wanted)}));
}

// Checks one attempt, or waits for its turn: one check per name and
// address at a time, the next only after the delay the last failure set,
// so parallel guesses queue up.
//
// Two counts per attempt, the same two for every attempt whether or not
// an account has the name: the lock counts per account (an unknown name
// stands for itself), so the username and the e-mail address of one
// account share their max_attempts; the delay and the one-check rule count
// per name as typed. Were the delay counted per account too, a wrong
// password by username would delay the next try by e-mail address and a
// made-up pair of name and address would not, and the difference in time
// would tell that the account exists. A lock shows nothing: a locked pair
// waits no delay and gets the same dummy check as an unknown name.
void LoginService::check(const AttemptPtr &attempt)
{
    if (!attempt->isWanted())
        return; // the client left while it waited
    const qint64 now = nowMs();
    auto found = UserRepository(m_auth.db).findByLogin(attempt->request.login);
    if (!found)
        return attempt->done(found.error());
    const std::optional<UserRecord> &user = found.value();
    const QString userId = user ? user->id : QString();
    Subjects subjects{user ? lockSubjectOf(user->id) : unknownSubjectOf(attempt->request.login),
                      nameSubjectOf(attempt->request.login)};
    const QString &ip = attempt->request.client.ip;
    const AttemptTracker::Policy policy = m_auth.loginPolicy();
    const bool locked = m_auth.loginAttempts.state(subjects.lock, ip, policy, now).locked(now);
    const AttemptTracker::State pace = m_auth.loginAttempts.state(subjects.name, ip, policy, now);
    if (!locked && (pace.busy || pace.nextAttemptMs > now)) {
        const qint64 waitMs = pace.busy ? kBusyRetryMs : pace.nextAttemptMs - now;
        LoginService self = *this;
        QTimer::singleShot(std::chrono::milliseconds(waitMs), &m_auth.passwords,
                           [self, attempt]() mutable { self.check(attempt); });
        return;
    }
    if (!locked)
        m_auth.loginAttempts.setBusy(subjects.name, ip, true, now);
    // Locked pairs and unknown names are checked against the worker's dummy
    // hash: the same Argon2id work as a real check, never a match.
    const QString checkedHash = user && !locked ? user->passwordHash : QString();
    LoginService self = *this;
    PasswordWorker::Verified verified = [self, attempt, subjects, userId, locked,
                                         checkedHash](bool matches) mutable {
        if (!locked)
            self.m_auth.loginAttempts.setBusy(subjects.name, attempt->request.client.ip, false,
                                              nowMs());
        // Counted even when the client has left: leaving early must not
        // make guesses free.
        if (matches)
            self.succeeded(*attempt, subjects, userId, checkedHash);
        else
            self.failed(*attempt, subjects, userId, locked);
    };
    const bool started =
        checkedHash.isEmpty()
            ? m_auth.passwords.verifyDummy(attempt->request.password, std::move(verified))
            : m_auth.passwords.verify(checkedHash, attempt->request.password, std::move(verified));
    if (!started) {
        if (!locked)
            m_auth.loginAttempts.setBusy(subjects.name, ip, false, now);
        attempt->done(PasswordWorker::busyError());
    }
}

void LoginService::failed(const Attempt &attempt, const Subjects &subjects, const QString &userId,
                          bool wasLocked)
{
    const qint64 now = nowMs();
    const ClientInfo &client = attempt.request.client;
    QJsonObject details{{QStringLiteral("reason"), wasLocked ? QStringLiteral("locked")
                                                   : userId.isEmpty()
                                                       ? QStringLiteral("unknown_user")
                                                       : QStringLiteral("wrong_password")}};
    if (!wasLocked) {
        const AttemptTracker::Policy policy = m_auth.loginPolicy();
        (void)m_auth.loginAttempts.recordFailure(subjects.name, client.ip, policy, now);
        const AttemptTracker::State after =
            m_auth.loginAttempts.recordFailure(subjects.lock, client.ip, policy, now);
        details.insert(QStringLiteral("attempts"), after.failures);
        if (after.locked(now) && !userId.isEmpty()) {
            qCWarning(lcServerAuth).noquote() << "account" << userId << "locked for" << client.ip
                                              << "after" << after.failures << "failed logins";
            audit(m_auth.db, QStringLiteral("ACCOUNT_LOCKED"), userId, QStringLiteral("user"),
                  userId, client.ip, client.userAgent,
                  {{QStringLiteral("locked_until"), isoOrNull(after.lockedUntilMs)},
                   {QStringLiteral("attempts"), after.failures}});
        }
    }
    audit(m_auth.db, QStringLiteral("LOGIN_FAILED"), userId, QStringLiteral("user"), userId,
          client.ip, client.userAgent, details);
    attempt.done(invalidCredentials());
}

void LoginService::succeeded(const Attempt &attempt, const Subjects &subjects,
                             const QString &userId, const QString &checkedHash)
{
    m_auth.loginAttempts.recordSuccess(subjects.lock, attempt.request.client.ip);
    m_auth.loginAttempts.recordSuccess(subjects.name, attempt.request.client.ip);
    // The account may have changed while its password was checked.
    auto found = UserRepository(m_auth.db).findById(userId);
    if (!found)
        return attempt.done(found.error());
    if (!found.value() || found.value()->status == QLatin1String("deleted") ||
        found.value()->passwordHash != checkedHash)
        return attempt.done(invalidCredentials());
    const UserRecord user = *found.value();
    if (user.status == QLatin1String("suspended"))
        return attempt.done(
            Error{ErrorCode::AccountSuspended, QStringLiteral("account is suspended")});
    if (user.status != QLatin1String("active"))
        return attempt.done(
            Error{ErrorCode::EmailNotVerified, QStringLiteral("account is not activated yet")});
    if (crypto::passwordNeedsRehash(user.passwordHash)) {
        // Best effort, after the answer: the old hash works until then.
        AuthModule &auth = m_auth;
        (void)m_auth.passwords.hash(
            attempt.request.password, [&auth, userId, checkedHash](Result<QString> rehashed) {
                if (!rehashed)
                    return;
                UserRepository again(auth.db);
                auto current = again.findById(userId);
                if (current && current.value() && current.value()->passwordHash == checkedHash)
                    (void)again.setPasswordHash(userId, rehashed.value());
            });
    }

    if (user.twoFactorEnabled) {
        const QString pending = crypto::randomToken(32);
        m_auth.pendingLogins.insert(
            crypto::sha256Hex(pending.toUtf8()),
            PendingLogin{user.id, attempt.request.rememberMe, nowMs() + m_auth.pendingLoginMs});
        return attempt.done(
            QJsonObject{{QStringLiteral("two_factor_required"), true},
                        {QStringLiteral("pending_token"), pending},
                        {QStringLiteral("methods"), secondFactorMethods(m_auth, user.id)},
                        {QStringLiteral("expires_in"), (m_auth.pendingLoginMs + 999) / 1000}});
    }
    attempt.done(complete(user, attempt.request.rememberMe, attempt.request.client));
}

// Tokens plus the user, after every factor has been checked.
Result<QJsonObject> LoginService::complete(const UserRecord &user, bool rememberMe,
                                           const ClientInfo &client)
{
    const qint64 now = nowMs();
    if (Status recorded = UserRepository(m_auth.db).recordSuccessfulLogin(user.id, now); !recorded)
        return recorded.error();
    auto tokens = m_auth.tokens.startSession(user, rememberMe, client);
    if (!tokens)
        return tokens.error();
    UserRecord current = user;
    current.lastLoginAt = now;
    QJsonObject data = tokens.value();
    data.insert(QStringLiteral("user"), current.toJson());
    audit(m_auth.db, QStringLiteral("LOGIN"), user.id, QStringLiteral("user"), user.id, client.ip,
          client.userAgent,
          {{QStringLiteral("remember_me"), rememberMe},
           {QStringLiteral("two_factor"), user.twoFactorEnabled}});
    return data;
}

Result<QJsonObject> LoginService::verifyTwoFactor(const QString &pendingToken, const QString &code,
                                                  const ClientInfo &client, const QString &method)
{
    auto &pendingLogins = m_auth.pendingLogins;
    const QString key = crypto::sha256Hex(pendingToken.toUtf8());
    auto it = pendingLogins.find(key);
    const qint64 now = nowMs();
    if (it == pendingLogins.end() || it->expiresAtMs <= now) {
        if (it != pendingLogins.end())
            pendingLogins.erase(it);
        return Error{ErrorCode::TokenInvalid,
                     QStringLiteral("pending login is invalid or has expired")};
    }
    auto found = UserRepository(m_auth.db).findById(it->userId);
    if (!found)
        return found.error();
    if (!found.value() || found.value()->status != QLatin1String("active") ||
        !found.value()->twoFactorEnabled) {
        pendingLogins.erase(it);
        return invalidCredentials();
    }
    const UserRecord user = *found.value();
    // Wrong codes also count per account, over all pending logins.
    const Result<bool> matches = checkSecondFactor(m_auth, user, method, code, client);
    if (!matches)
        return matches.error();
    if (!matches.value()) {
        if (++it->attempts >= kMaxPendingCodeFailures)
            pendingLogins.erase(it);
        audit(m_auth.db, QStringLiteral("LOGIN_FAILED"), user.id, QStringLiteral("user"), user.id,
              client.ip, client.userAgent,
              {{QStringLiteral("reason"), method == QLatin1String("recovery")
                                              ? QStringLiteral("wrong_recovery_code")
                                              : QStringLiteral("wrong_totp_code")}});
        return Error{ErrorCode::InvalidCredentials, QStringLiteral("invalid two-factor code")};
    }
    const bool rememberMe = it->rememberMe;
    pendingLogins.erase(it);
    // Drop expired entries now and then so abandoned logins do not pile up.
    for (auto p = pendingLogins.begin(); p != pendingLogins.end();)
        p = p->expiresAtMs <= now ? pendingLogins.erase(p) : std::next(p);
    auto data = complete(user, rememberMe, client);
    if (!data)
        return data.error();
    data.value().insert(QStringLiteral("verified"), true);
    return data;
}

} // namespace hm::server::auth
