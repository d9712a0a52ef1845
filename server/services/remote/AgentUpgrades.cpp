#include "server/services/remote/AgentUpgrades.h"

#include "fleet/AgentProtocol.h"
#include "fleet/AgentRelease.h"
#include "server/api/AuthCommon.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/remote/AgentReleases.h"
#include "server/services/remote/NodePower.h"
#include "server/services/remote/RecentAuthentication.h"

#include <QJsonArray>
#include <QTimer>
#include <cmath>
#include <memory>

namespace hm::server::remote {

namespace {

// Room for the agent to restart and reconnect (its backoff) after the
// probation the watchdog gives it.
constexpr int kReconnectSlackMs = 30000;
// How long the stored "agent_version" may lag the agent's hello (the
// write-behind queue).
constexpr int kVersionPolls = 40;
constexpr int kVersionPollMs = 250;

// One node's upgrade, step by step; owned by the callbacks that carry it.
struct UpgradeJob
{
    NodeActions *actions = nullptr;
    AgentReleases *releases = nullptr;
    auth::Principal caller;
    auth::ClientInfo client;
    QString nodeId;
    repositories::AgentReleaseRow release;
    int probationSeconds = 60;
    QObject *context = nullptr;
    AgentUpgrades::Done done;
    QString upgradeId;
    qint64 offset = 0;
    QString fromVersion;

    fleet::FleetService &fleet() const { return actions->fleet(); }
    QObject *anchor() const { return context ? context : &actions->fleet(); }

    RemoteAction step(const char *name, QJsonObject args) const
    {
        RemoteAction action;
        action.nodeId = nodeId;
        action.capability = QStringLiteral("upgrade");
        action.action = QString::fromLatin1(name);
        action.args = std::move(args);
        return action;
    }

    // The one audit entry and the answer.
    void finish(Status outcome) const
    {
        RemoteAction audited = step("install", {});
        audited.auditAction = outcome ? QStringLiteral("NODE_AGENT_UPGRADED")
                                      : QStringLiteral("NODE_AGENT_UPGRADE_FAILED");
        audited.auditTarget = release.manifest.version;
        audited.auditDetails = {{QStringLiteral("release_id"), release.manifest.id},
                                {QStringLiteral("version"), release.manifest.version},
                                {QStringLiteral("from_version"), fromVersion}};
        actions->recordAudit(caller, client, audited, outcome);
        // The consoles of whoever started it hear of each node as it ends
        // (a batch answers only once all stages are over).
        QJsonObject event{{QStringLiteral("node_id"), nodeId},
                          {QStringLiteral("ok"), bool(outcome)},
                          {QStringLiteral("version"), release.manifest.version},
                          {QStringLiteral("from_version"), fromVersion}};
        if (!outcome) {
            event.insert(QStringLiteral("code"), outcome.error().codeName());
            event.insert(QStringLiteral("reason"),
                         outcome.error().details.value(QStringLiteral("code")));
            event.insert(QStringLiteral("message"), outcome.error().message);
        }
        if (!caller.userId.isEmpty())
            actions->fleet().events().publish(
                {QStringLiteral("agent_upgrade_finished"), event, false, caller.userId, false});
        if (!outcome)
            return done(outcome.error());
        done(QJsonObject{{QStringLiteral("node_id"), nodeId},
                         {QStringLiteral("upgraded"), true},
                         {QStringLiteral("version"), release.manifest.version},
                         {QStringLiteral("from_version"), fromVersion}});
    }
};

using Job = std::shared_ptr<UpgradeJob>;

void checkUpgradedVersion(const Job &job, int pollsLeft)
{
    auto row = job->fleet().get(job->nodeId);
    const QString reported = row ? row.value().facts.agentVersion : QString();
    if (reported == job->release.manifest.version)
        return job->finish(Status{});
    if (pollsLeft <= 0)
        return job->finish(Error{
            ErrorCode::Conflict,
            QStringLiteral("the agent came back as version %1, not %2: it was rolled back")
                .arg(reported, job->release.manifest.version),
            QJsonObject{{QStringLiteral("code"), QStringLiteral("ROLLED_BACK")},
                        {QStringLiteral("agent_version"), reported}}});
    QTimer::singleShot(kVersionPollMs, job->anchor(),
                       [job, pollsLeft] { checkUpgradedVersion(job, pollsLeft - 1); });
}

void installUpgrade(const Job &job)
{
    job->actions->run(
        job->caller, job->client,
        job->step("install", {{QStringLiteral("upgrade_id"), job->upgradeId},
                              {QStringLiteral("probation_s"), job->probationSeconds}}),
        job->context, [job](Result<QJsonObject> outcome) {
            if (!outcome)
                return job->finish(outcome.error());
            awaitReconnect(job->fleet(), job->nodeId,
                           job->probationSeconds * 1000 + kReconnectSlackMs, job->anchor(),
                           [job](Status back) {
                               if (!back)
                                   return job->finish(back.error());
                               checkUpgradedVersion(job, kVersionPolls);
                           });
        });
}

void sendUpgradeChunks(const Job &job)
{
    if (job->offset >= job->release.manifest.size)
        return installUpgrade(job);
    // What the stored file holds now: a damaged file is the agent's to
    // notice (size, SHA-256), and it does. Read on a worker: a 30 MiB build
    // is 60 reads the server's thread never waits for.
    job->releases->readChunk(
        job->release.manifest.id, job->offset, hm::fleet::kAgentReleaseChunkBytes, job->anchor(),
        [job](Result<QByteArray> bytes) {
            if (!bytes)
                return job->finish(bytes.error());
            if (bytes.value().isEmpty()) // the file ends early: install says so
                return installUpgrade(job);
            const qint64 length = bytes.value().size();
            job->actions->run(
                job->caller, job->client,
                job->step("chunk", {{QStringLiteral("upgrade_id"), job->upgradeId},
                                    {QStringLiteral("offset"), job->offset},
                                    {QStringLiteral("data"),
                                     QString::fromLatin1(bytes.value().toBase64())}}),
                job->context, [job, length](Result<QJsonObject> outcome) {
                    if (!outcome)
                        return job->finish(outcome.error());
                    job->offset += length;
                    sendUpgradeChunks(job);
                });
        });
}

void startUpgradeJob(const Job &job)
{
    auto row = job->fleet().get(job->nodeId);
    if (row)
        job->fromVersion = row.value().facts.agentVersion;
    // Never offer a build the agent would not take, nor one this server
    // could not talk to once it runs (Nezha's agents crossed protocol
    // versions and went dark): both ranges must hold its protocol.
    if (const auto range = job->fleet().agentProtocols(job->nodeId)) {
        const int protocol = job->release.manifest.protocol;
        Status fits = hm::fleet::checkReleaseProtocol(protocol, range->first, range->second);
        if (fits
            && !hm::fleet::checkReleaseProtocol(protocol, hm::fleet::kAgentProtocolMinVersion,
                                                hm::fleet::kAgentProtocolVersion))
            fits = Error{ErrorCode::Conflict,
                         QStringLiteral("the build speaks agent protocol %1, which this server "
                                        "does not (it speaks %2)")
                             .arg(protocol)
                             .arg(hm::fleet::kAgentProtocolVersion),
                         QJsonObject{{QStringLiteral("code"),
                                      QStringLiteral("PROTOCOL_INCOMPATIBLE")},
                                     {QStringLiteral("release_protocol"), protocol}}};
        if (!fits) {
            QTimer::singleShot(0, job->anchor(), [job, fits] { job->finish(fits); });
            return;
        }
    }
    job->actions->run(job->caller, job->client,
                      job->step("begin", {{QStringLiteral("manifest"),
                                           job->release.manifest.toJson()}}),
                      job->context, [job](Result<QJsonObject> outcome) {
                          if (!outcome)
                              return job->finish(outcome.error());
                          job->upgradeId =
                              outcome.value().value(QStringLiteral("upgrade_id")).toString();
                          sendUpgradeChunks(job);
                      });
}

Result<repositories::AgentReleaseRow> resolveUpgradeRelease(AgentReleases &releases,
                                                     const UpgradeTarget &target)
{
    if (!target.releaseId.isEmpty())
        return releases.get(target.releaseId);
    if (target.version.isEmpty())
        return releases.latest();
    auto rows = releases.list();
    if (!rows)
        return rows.error();
    for (const repositories::AgentReleaseRow &row : rows.value())
        if (row.manifest.version == target.version
            && row.manifest.os == hm::fleet::currentReleaseOs()
            && row.manifest.arch == hm::fleet::currentReleaseArch())
            return row;
    return Error{ErrorCode::ResourceNotFound,
                 QStringLiteral("no agent release %1 is stored").arg(target.version),
                 QJsonObject{{QStringLiteral("field"), QStringLiteral("version")}}};
}

void answerUpgradeLater(QObject *anchor, const AgentUpgrades::Done &done, Error error)
{
    QTimer::singleShot(0, anchor, [done, error] { done(error); });
}

QJsonObject rolloutErrorJson(const Error &error)
{
    return {{QStringLiteral("code"), error.codeName()},
            {QStringLiteral("reason"), error.details.value(QStringLiteral("code"))},
            {QStringLiteral("message"), error.message}};
}

// The batch's progress, stage by stage.
struct Rollout
{
    QList<QStringList> stages;
    int stage = 0;
    int running = 0;
    QJsonArray success, failure, offline, missing, skipped;
    QJsonObject errors;
    QString version;
    AgentUpgrades::Done done;

    QJsonObject result() const
    {
        QJsonArray stageList;
        for (const QStringList &s : stages)
            stageList.append(QJsonArray::fromStringList(s));
        return {{QStringLiteral("success"), success}, {QStringLiteral("failure"), failure},
                {QStringLiteral("offline"), offline}, {QStringLiteral("missing"), missing},
                {QStringLiteral("skipped"), skipped}, {QStringLiteral("errors"), errors},
                {QStringLiteral("stages"), stageList}, {QStringLiteral("version"), version}};
    }
};

} // namespace

Status AgentUpgrades::checkFresh(const auth::Principal &caller) const
{
    if (m_recent.isFresh(caller, auth::nowMs()))
        return {};
    return Error{ErrorCode::ReauthenticationRequired,
                 QStringLiteral("enter your password or a 2FA code again (POST "
                                "/api/v1/auth/reauthenticate) to upgrade agents")};
}

void AgentUpgrades::upgradeNode(const auth::Principal &caller, const auth::ClientInfo &client,
                                const QString &nodeId, const UpgradeTarget &target,
                                QObject *context, Done done)
{
    startUpgrade(caller, client, nodeId, target, context, std::move(done), true);
}

void AgentUpgrades::startUpgrade(const auth::Principal &caller, const auth::ClientInfo &client,
                                 const QString &nodeId, const UpgradeTarget &target,
                                 QObject *context, Done done, bool needFresh)
{
    auto job = std::make_shared<UpgradeJob>();
    job->actions = &m_actions;
    job->releases = &m_releases;
    job->caller = caller;
    job->client = client;
    job->nodeId = nodeId;
    job->probationSeconds = std::clamp(target.probationSeconds, 10, 600);
    job->context = context;
    job->done = std::move(done);
    auto release = resolveUpgradeRelease(m_releases, target);
    if (!release)
        return answerUpgradeLater(job->anchor(), job->done, release.error());
    job->release = release.value();
    if (Status fresh = needFresh ? checkFresh(caller) : Status{}; !fresh) {
        // Audited like any other refusal, and answered later.
        QTimer::singleShot(0, job->anchor(), [job, fresh] { job->finish(fresh); });
        return;
    }
    startUpgradeJob(job);
}

void AgentUpgrades::upgradeMany(const auth::Principal &caller, const auth::ClientInfo &client,
                                const QStringList &nodeIds, const UpgradeTarget &target,
                                int sharePercent, QObject *context, Done done)
{
    QObject *anchor = context ? context : &m_actions.fleet();
    if (Status fresh = checkFresh(caller); !fresh)
        return answerUpgradeLater(anchor, done, fresh.error());
    auto release = resolveUpgradeRelease(m_releases, target);
    if (!release)
        return answerUpgradeLater(anchor, done, release.error());

    auto rollout = std::make_shared<Rollout>();
    rollout->done = std::move(done);
    rollout->version = release.value().manifest.version;
    QStringList candidates;
    for (const QString &id : nodeIds) {
        if (candidates.contains(id))
            continue;
        if (!m_actions.fleet().get(id))
            rollout->missing.append(id);
        else if (!m_actions.fleet().isOnline(id))
            rollout->offline.append(id);
        else
            candidates.append(id);
    }
    if (!candidates.isEmpty()) {
        rollout->stages.append({candidates.first()});
        const QStringList rest = candidates.mid(1);
        const qsizetype share =
            rest.isEmpty() ? 0
                           : std::max<qsizetype>(
                                 1, qsizetype(std::ceil(rest.size() * sharePercent / 100.0)));
        if (share > 0)
            rollout->stages.append(rest.mid(0, share));
        if (rest.size() > share)
            rollout->stages.append(rest.mid(share));
    }

    UpgradeTarget exact = target;
    exact.releaseId = release.value().manifest.id;
    auto runStage = std::make_shared<std::function<void()>>();
    *runStage = [this, caller, client, exact, context, anchor, rollout, runStage] {
        if (rollout->stage >= rollout->stages.size() || !rollout->failure.isEmpty()) {
            for (qsizetype i = rollout->stage; i < rollout->stages.size(); ++i)
                for (const QString &id : rollout->stages.at(i))
                    rollout->skipped.append(id);
            const Result<QJsonObject> result = rollout->result();
            // Break the cycle the function holds on itself.
            QTimer::singleShot(0, anchor, [rollout, result, runStage] {
                *runStage = nullptr;
                rollout->done(result);
            });
            return;
        }
        const QStringList nodes = rollout->stages.at(rollout->stage++);
        rollout->running = int(nodes.size());
        // Re-authenticated once for the whole rollout, however long.
        for (const QString &id : nodes)
            startUpgrade(caller, client, id, exact, context,
                        [rollout, runStage, id](Result<QJsonObject> outcome) {
                            if (outcome) {
                                rollout->success.append(id);
                            } else {
                                rollout->failure.append(id);
                                rollout->errors.insert(id, rolloutErrorJson(outcome.error()));
                            }
                            if (--rollout->running == 0)
                                (*runStage)();
                        }, false);
    };
    (*runStage)();
}

} // namespace hm::server::remote
