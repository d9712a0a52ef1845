#pragma once

// The `upgrade` capability's installation (issue 38 item 9; docs/agent.md
// "Upgrades", docs/agent-protocol.md):
//   upgrade/begin   {manifest}                → {upgrade_id, chunk_bytes}
//   upgrade/chunk   {upgrade_id, offset, data} → {received}
//   upgrade/install {upgrade_id, probation_s} → {installed, version}
// begin checks the manifest (ReleaseVerifier: pinned key, protocol,
// platform, newer) before any byte; chunks (base64, in order) go to a
// staging file beside the binary, hashed as they come; install checks
// size and SHA-256, then: the running binary is hard-linked as
// <binary>.previous, the staged one renamed over it (rename(2): atomic),
// its manifest written as the sidecar, a pending-upgrade file written in
// the data directory, and a watchdog started from the PREVIOUS binary
// (known good) before this process execs the new one (same pid).
// The new agent removes the pending file once the server accepted its
// hello (confirmPending). The watchdog (UpgradeWatchdog.h) rolls back
// when the agent dies or probation ends first. Anything refused leaves the
// running binary untouched.

#include "common/Result.h"
#include "fleet/AgentRelease.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonObject>
#include <QStringList>
#include <functional>
#include <memory>

namespace hm::agent {

class RemoteDispatcher;

struct UpgradeSetup
{
    QString binaryPath;    // the running agent's binary
    QStringList arguments; // how it was started (argv[0] first)
    QString dataDir;
    QByteArray releaseKey; // pinned at enrolment
    QString runningVersion;
};

class AgentUpgrader
{
public:
    static constexpr int kDefaultProbationSeconds = 60;

    AgentUpgrader(UpgradeSetup setup, std::function<void()> restart);
    ~AgentUpgrader();

    void addHandlers(RemoteDispatcher &dispatcher);
    // The server accepted this agent's hello: an upgrade that started it
    // is confirmed (its watchdog ends).
    void confirmPending();

    static QString pendingPath(const QString &dataDir);
    static QString previousPath(const QString &binaryPath);

private:
    Result<QJsonObject> begin(const QJsonObject &args);
    Result<QJsonObject> chunk(const QJsonObject &args);
    Result<QJsonObject> install(const QJsonObject &args);
    Status swap(int probationSeconds);
    void dropStaging();

    struct Staging
    {
        QString id;
        fleet::ReleaseManifest manifest;
        QFile file;
        QCryptographicHash hash{QCryptographicHash::Sha256};
        qint64 received = 0;
    };

    UpgradeSetup m_setup;
    std::function<void()> m_restart;
    std::unique_ptr<Staging> m_staging;
    bool m_installed = false;
};

} // namespace hm::agent
