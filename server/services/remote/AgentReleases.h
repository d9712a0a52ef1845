#pragma once

// The agent builds the server offers (issue 38 item 9; docs/api.md "Agent
// releases"): an administrator uploads a binary with its version (and
// os/arch, default the server's own); the server signs its manifest with
// the release key (ReleaseSigner), keeps the bytes in
// <data dir>/agent-releases/<id>.bin (0600) and the manifest in
// agent_releases, and audits AGENT_RELEASE_UPLOADED. Agents never download
// over HTTP: the bytes travel in upgrade/chunk requests over their own
// authenticated connection (AgentUpgrades).

#include "common/Result.h"
#include "server/repositories/AgentReleaseRepository.h"
#include "server/services/auth/TokenService.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>

class QObject;
class QThread;

namespace hm::store {
class Database;
}

namespace hm::server::remote {

class ReleaseSigner;

class AgentReleases
{
public:
    AgentReleases(store::Database &db, ReleaseSigner &signer, QString dataDir)
        : m_db(db), m_signer(signer), m_dir(std::move(dataDir))
    {}
    // Waits for the uploads and downloads its workers still handle.
    ~AgentReleases();

    // `protocol`: the agent protocol the build speaks (0: the server's).
    // VALIDATION_ERROR (version, os, arch, an empty or oversized body),
    // RESOURCE_ALREADY_EXISTS for a version stored for that os/arch. The
    // SHA-256 and the file (up to 128 MiB) are made on a worker thread,
    // never the server's; `done` runs on the server thread (not after
    // `context` is gone).
    void upload(const auth::Principal &caller, const auth::ClientInfo &client,
                const QString &version, QString os, QString arch, int protocol, QByteArray binary,
                QObject *context, std::function<void(Result<repositories::AgentReleaseRow>)> done);
    // The hivemind-agent built with this server (`binaryPath`: the one next
    // to the server's binary, or --agent-binary) as a release of `version`
    // and this build's protocol, os and arch, marked built-in and signed
    // like an upload (issue 38 item 9). Read and hashed on a worker.
    // Idempotent: nothing is added when that sha256 is stored already for
    // this os/arch; a different build stored as the same version is kept
    // (a log line says so). No file: a log line, nothing else. `done`
    // (optional) gets the row, or the reason nothing was added.
    void registerBuiltIn(const QString &binaryPath, const QString &version, QObject *context,
                         std::function<void(Result<repositories::AgentReleaseRow>)> done = {});
    Result<QList<repositories::AgentReleaseRow>> list();
    // The newest for os/arch (empty: the server's); RESOURCE_NOT_FOUND.
    Result<repositories::AgentReleaseRow> latest(QString os = {}, QString arch = {});
    Result<repositories::AgentReleaseRow> get(const QString &id);
    // Up to `length` bytes of the build from `offset` (fewer at its end,
    // none past it): what the file holds now, unchecked — the agent checks.
    // Read on a worker thread (an upgrade's chunks never touch the disk on
    // the server's thread); `done` on the server thread.
    void readChunk(const QString &id, qint64 offset, qint64 length, QObject *context,
                   std::function<void(Result<QByteArray>)> done);

    // The whole build, read on a worker thread (up to 128 MiB); `done` on
    // the server thread.
    void readAll(const QString &id, QObject *context,
                 std::function<void(Result<QByteArray>)> done);

    QByteArray publicKey() const;
    static QJsonObject json(const repositories::AgentReleaseRow &row);

    // Asked before a build is written to the data directory (StorageGuard::
    // admitFile): a build that would eat into the disk's reserve is refused
    // (an upload) or not registered (the built-in one), so a server started
    // on a nearly full disk does not refuse triggers while it copies itself.
    void setRoomCheck(std::function<Status(qint64 bytes)> check) { m_roomCheck = std::move(check); }

private:
    QString binaryPath(const QString &id) const;
    Result<repositories::AgentReleaseRow> record(const auth::Principal &caller,
                                                 const auth::ClientInfo &client,
                                                 repositories::AgentReleaseRow row);
    // Hashes and writes `binary` as row's build on a worker, then signs and
    // records the row on the server thread.
    void store(const auth::Principal &caller, const auth::ClientInfo &client,
               repositories::AgentReleaseRow row, QByteArray binary, QObject *context,
               std::function<void(Result<repositories::AgentReleaseRow>)> done);
    // Runs `work` on a worker thread, then `then` on the server thread
    // (context's); the destructor waits for the workers still running.
    void onWorker(std::function<void()> work, QObject *context, std::function<void()> then);

    store::Database &m_db;
    ReleaseSigner &m_signer;
    QString m_dir;
    QList<QThread *> m_workers; // uploads being written, downloads being read
    std::function<Status(qint64)> m_roomCheck;
};

} // namespace hm::server::remote
