// Remote terminals: parse, authorise, call TerminalService, render
// (docs/api.md "Node terminals"), and POST /api/v1/auth/reauthenticate,
// which a terminal needs within the last five minutes. Seed 002's
// /api/servers/{id}/terminal/sessions* are the same routes.

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/remote/RemoteRoutes.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/auth/TwoFactor.h"
#include "server/services/remote/RecentAuthentication.h"
#include "server/services/remote/TerminalService.h"

#include <QJsonArray>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using Method = http::Method;

namespace {

const QString kTerminalsTag = QStringLiteral("Node terminals");

Result<remote::TerminalOptions> terminalOptionsOf(const QJsonObject &body)
{
    remote::TerminalOptions options;
    auto shell = auth::optionalString(body, QStringLiteral("shell"), QString());
    if (!shell)
        return shell.error();
    options.shell = shell.value();
    auto dir = auth::optionalString(body, QStringLiteral("working_dir"), QString());
    if (!dir)
        return dir.error();
    options.workingDir = dir.value();
    if (options.shell.size() > 256 || options.workingDir.size() > 4096)
        return auth::fieldError(QStringLiteral("shell"), QStringLiteral("too long"));
    for (const auto &[field, out] : {std::pair{QStringLiteral("rows"), &options.rows},
                                     std::pair{QStringLiteral("cols"), &options.cols}}) {
        if (!body.contains(field))
            continue;
        const QJsonValue value = body.value(field);
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number != int(number) || number < 1 || number > 1000)
            return auth::fieldError(field, QStringLiteral("1 to 1000"));
        *out = int(number);
    }
    return options;
}

QJsonObject terminalSessionSchema()
{
    return object({{QStringLiteral("id"), string()},
                   {QStringLiteral("node_id"), string()},
                   {QStringLiteral("user_id"), string()},
                   {QStringLiteral("username"), string()},
                   {QStringLiteral("shell"), string()},
                   {QStringLiteral("pid"), integer()},
                   {QStringLiteral("created_at"), string(QStringLiteral("ISO-8601"))},
                   {QStringLiteral("last_activity_at"), string(QStringLiteral("ISO-8601"))},
                   {QStringLiteral("bytes_in"), integer()},
                   {QStringLiteral("bytes_out"), integer()},
                   {QStringLiteral("attached"), boolean()}});
}

QJsonObject terminalTicketSchema()
{
    return object({{QStringLiteral("ticket"),
                    string(QStringLiteral("single use, send as the WebSocket's first message"))},
                   {QStringLiteral("ticket_expires_in"), integer(QStringLiteral("seconds"))},
                   {QStringLiteral("websocket"), string(QStringLiteral("the path to open"))}});
}

DeferredReply deferTerminalAnswer(const RequestContext &c, const std::function<void(
                                                       std::function<void(Result<QJsonObject>)>)>
                                                       &start,
                          int status = 200)
{
    const DeferredReply reply = c.defer();
    start([reply, status](Result<QJsonObject> outcome) {
        reply.send(outcome ? ApiReply::ok(outcome.value(), status)
                           : ApiReply::failure(outcome.error()));
    });
    return reply;
}

const QList<ErrorCode> kTerminalErrors{ErrorCode::ResourceNotFound, ErrorCode::Forbidden,
                                       ErrorCode::NodeOffline,      ErrorCode::CapabilityDisabled,
                                       ErrorCode::Timeout};

} // namespace

void registerTerminalRoutes(ApiRouter &router, auth::AuthModule &auth,
                            remote::TerminalService &terminals,
                            remote::RecentAuthentication &recent)
{
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/auth/reauthenticate"), Role::Viewer,
        [&auth, &recent](const RequestContext &c, const Principal &p) -> ApiReply {
            HM_TRY(body, c.jsonObject());
            HM_TRY(user, auth::UserRepository(auth.db).requireById(p.userId));
            const auto confirmed = [&auth, &recent, p, client = auth::clientInfo(c)](
                                       const DeferredReply &reply) {
                recent.record(p, auth::nowMs());
                auth::audit(auth.db, QStringLiteral("REAUTHENTICATED"), p.userId,
                            QStringLiteral("user"), p.userId, client.ip, client.userAgent);
                reply.send(ApiReply::ok(QJsonObject{
                    {QStringLiteral("reauthenticated"), true},
                    {QStringLiteral("valid_for"),
                     remote::RecentAuthentication::kFreshMs / 1000}}));
            };
            const QJsonValue code = body.value().value(QStringLiteral("totp_code"));
            if (code.isString()) {
                if (!user.value().twoFactorEnabled)
                    return ApiReply::failure(auth::fieldError(
                        QStringLiteral("totp_code"),
                        QStringLiteral("two-factor authentication is not enabled: send "
                                       "password")));
                const Result<bool> matches =
                    auth::checkCode(auth, user.value(), code.toString(), auth::clientInfo(c));
                if (!matches)
                    return auth::failureReply(matches.error());
                if (!matches.value())
                    return ApiReply::failure(Error{ErrorCode::InvalidCredentials,
                                                   QStringLiteral("the code is wrong")});
                const DeferredReply reply = c.defer();
                confirmed(reply);
                return ApiReply::deferred();
            }
            HM_TRY(password, auth::requiredString(body.value(), QStringLiteral("password")));
            return auth::checkOwnPassword(auth, c, user.value(), password.value(),
                                          QStringLiteral("the password is wrong"), confirmed);
        },
        routeDoc(QStringLiteral("Authentication"),
                 QStringLiteral("Confirm who you are again (password or TOTP code): opening a "
                                "terminal needs it within the last 5 minutes"),
                 {ErrorCode::CurrentPasswordWrong, ErrorCode::InvalidCredentials})
            .request(object({{QStringLiteral("password"), string()},
                             {QStringLiteral("totp_code"), string()}}))
            .response(object({{QStringLiteral("reauthenticated"), boolean()},
                              {QStringLiteral("valid_for"), integer(QStringLiteral("seconds"))}})));

    for (const QString &base : {QStringLiteral("/api/v1/nodes/{id}/terminal/sessions"),
                                QStringLiteral("/api/servers/{id}/terminal/sessions")}) {
        const bool seed = base.startsWith(QStringLiteral("/api/servers"));
        const QString prefix = seed ? QStringLiteral("Seed 002: ") : QString();
        QList<ErrorCode> createErrors = kTerminalErrors;
        createErrors << ErrorCode::ReauthenticationRequired << ErrorCode::RateLimitExceeded;
        auth::addProtectedRoute(
            router, auth, Method::Post, base, Role::User,
            [&terminals](const RequestContext &c, const Principal &p) -> ApiReply {
                HM_TRY(body, c.jsonObject());
                HM_TRY(options, terminalOptionsOf(body.value()));
                deferTerminalAnswer(
                    c,
                    [&terminals, &c, &p, options = options.value()](auto done) {
                        terminals.create(p, auth::clientInfo(c), c.pathArgs.at(0), options,
                                         nullptr, std::move(done));
                    },
                    201);
                return ApiReply::deferred();
            },
            routeDoc(kTerminalsTag,
                     prefix + QStringLiteral("Open a shell on the node (needs the terminal grant, "
                                             "an agent that grants terminal and a password or "
                                             "TOTP code entered within 5 minutes); audited"),
                     createErrors)
                .request(object({{QStringLiteral("shell"),
                                  string(QStringLiteral("one /etc/shells lists"))},
                                 {QStringLiteral("working_dir"), string()},
                                 {QStringLiteral("rows"), integer()},
                                 {QStringLiteral("cols"), integer()}}))
                .response(object({{QStringLiteral("session"), terminalSessionSchema()},
                                  {QStringLiteral("ticket"), string()},
                                  {QStringLiteral("ticket_expires_in"), integer()},
                                  {QStringLiteral("websocket"), string()}}))
                .status(201));
        auth::addProtectedRoute(
            router, auth, Method::Get, base, Role::User,
            [&terminals](const RequestContext &c, const Principal &p) -> ApiReply {
                HM_TRY(items, terminals.list(p, c.pathArgs.at(0)));
                return ApiReply::ok(QJsonObject{{QStringLiteral("items"), items.value()}});
            },
            routeDoc(kTerminalsTag,
                     prefix + QStringLiteral("Your terminal sessions on the node (an "
                                             "administrator's: everyone's)"))
                .response(object({{QStringLiteral("items"), arrayOf(terminalSessionSchema())}})));
        auth::addProtectedRoute(
            router, auth, Method::Get, base + QStringLiteral("/{sid}"), Role::User,
            [&terminals](const RequestContext &c, const Principal &p) -> ApiReply {
                HM_TRY(info, terminals.info(p, c.pathArgs.at(0), c.pathArgs.at(1)));
                return ApiReply::ok(info.value());
            },
            routeDoc(kTerminalsTag, prefix + QStringLiteral("One terminal session"),
                     {ErrorCode::ResourceNotFound})
                .response(terminalSessionSchema()));
        auth::addProtectedRoute(
            router, auth, Method::Delete, base + QStringLiteral("/{sid}"), Role::User,
            [&terminals](const RequestContext &c, const Principal &p) -> ApiReply {
                deferTerminalAnswer(c, [&terminals, &c, &p](auto done) {
                    terminals.close(p, auth::clientInfo(c), c.pathArgs.at(0), c.pathArgs.at(1),
                                    nullptr, std::move(done));
                });
                return ApiReply::deferred();
            },
            routeDoc(kTerminalsTag,
                     prefix + QStringLiteral("Close a terminal session (its shell gets SIGHUP); "
                                             "audited"),
                     {ErrorCode::ResourceNotFound})
                .response(object({{QStringLiteral("id"), string()},
                                  {QStringLiteral("closed"), boolean()}})));
        auth::addProtectedRoute(
            router, auth, Method::Get, base + QStringLiteral("/{sid}/working-directory"),
            Role::User,
            [&terminals](const RequestContext &c, const Principal &p) -> ApiReply {
                deferTerminalAnswer(c, [&terminals, &c, &p](auto done) {
                    terminals.workingDirectory(p, c.pathArgs.at(0), c.pathArgs.at(1), nullptr,
                                               std::move(done));
                });
                return ApiReply::deferred();
            },
            routeDoc(kTerminalsTag,
                     prefix + QStringLiteral("The working directory of the session's "
                                             "foreground program"),
                     kTerminalErrors)
                .response(object({{QStringLiteral("working_dir"), string()}})));
        auth::addProtectedRoute(
            router, auth, Method::Post, base + QStringLiteral("/{sid}/ticket"), Role::User,
            [&terminals](const RequestContext &c, const Principal &p) -> ApiReply {
                HM_TRY(ticket, terminals.ticket(p, c.pathArgs.at(0), c.pathArgs.at(1)));
                return ApiReply::ok(ticket.value());
            },
            routeDoc(kTerminalsTag,
                     prefix + QStringLiteral("A new single-use ticket to attach to your session "
                                             "again"),
                     {ErrorCode::ResourceNotFound, ErrorCode::ReauthenticationRequired})
                .response(terminalTicketSchema()));
    }
}

} // namespace hm::server
