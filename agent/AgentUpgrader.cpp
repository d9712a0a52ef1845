#include "agent/AgentUpgrader.h"

#include "agent/ReleaseVerifier.h"
#include "agent/RemoteDispatcher.h"
#include "common/Logging.h"
#include "crypto/Random.h"
#include "fleet/AgentProtocol.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSaveFile>
#include <QTimer>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace hm::agent {

namespace {

Error agentUpgradeError(ErrorCode code, const char *reason, const QString &message)
{
    return Error{code, message,
                 QJsonObject{{QStringLiteral("code"), QString::fromLatin1(reason)}}};
}

QString stagingPath(const QString &binaryPath)
{
    const QFileInfo info(binaryPath);
    return info.dir().filePath(QStringLiteral(".") + info.fileName() + QStringLiteral(".upgrade"));
}

Status writeJson(const QString &path, const QJsonObject &json)
{
    QSaveFile file(path);
    const QByteArray bytes = QJsonDocument(json).toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

Status renameOver(const QString &from, const QString &to)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return Error{ErrorCode::IoError, QStringLiteral("cannot rename %1 to %2: %3")
                                             .arg(from, to, QString::fromLocal8Bit(
                                                                std::strerror(errno)))};
    return {};
}

} // namespace

AgentUpgrader::AgentUpgrader(UpgradeSetup setup, std::function<void()> restart)
    : m_setup(std::move(setup)), m_restart(std::move(restart))
{}

AgentUpgrader::~AgentUpgrader()
{
    if (!m_installed)
        dropStaging();
}

QString AgentUpgrader::pendingPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("upgrade-pending.json"));
}

QString AgentUpgrader::previousPath(const QString &binaryPath)
{
    return binaryPath + QStringLiteral(".previous");
}

void AgentUpgrader::dropStaging()
{
    if (!m_staging)
        return;
    m_staging->file.close();
    m_staging->file.remove();
    m_staging.reset();
}

void AgentUpgrader::addHandlers(RemoteDispatcher &dispatcher)
{
    const auto add = [&](const char *action, Result<QJsonObject> (AgentUpgrader::*step)(
                                                 const QJsonObject &)) {
        dispatcher.addHandler(QStringLiteral("upgrade"), QString::fromLatin1(action),
                              [this, step](const QJsonObject &args,
                                           const RemoteDispatcher::Reply &reply) {
                                  reply((this->*step)(args));
                              });
    };
    add("begin", &AgentUpgrader::begin);
    add("chunk", &AgentUpgrader::chunk);
    add("install", &AgentUpgrader::install);
}

Result<QJsonObject> AgentUpgrader::begin(const QJsonObject &args)
{
    if (m_installed)
        return agentUpgradeError(ErrorCode::Conflict, "UPGRADE_IN_PROGRESS",
                            QStringLiteral("an upgrade is being installed"));
    auto manifest = fleet::ReleaseManifest::fromJson(args.value(QStringLiteral("manifest")).toObject());
    if (!manifest)
        return manifest.error();
    if (Status ok = checkReleaseManifest(manifest.value(), m_setup.releaseKey,
                                         m_setup.runningVersion);
        !ok) {
        qCWarning(lcAgent).noquote() << QStringLiteral("upgrade to %1 refused: %2")
                                            .arg(manifest->version, ok.error().message);
        return ok.error();
    }
    dropStaging(); // one upgrade at a time: a new one replaces an abandoned one
    auto staging = std::make_unique<Staging>();
    staging->id = crypto::randomToken(16);
    staging->manifest = manifest.value();
    staging->file.setFileName(stagingPath(m_setup.binaryPath));
    if (!staging->file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return agentUpgradeError(ErrorCode::IoError, "NOT_WRITABLE",
                            QStringLiteral("cannot write beside the agent's binary (%1): %2 — "
                                           "see docs/agent.md \"Upgrades\"")
                                .arg(staging->file.fileName(), staging->file.errorString()));
    m_staging = std::move(staging);
    qCInfo(lcAgent).noquote() << QStringLiteral("receiving agent %1 (%2 bytes)")
                                     .arg(m_staging->manifest.version)
                                     .arg(m_staging->manifest.size);
    return QJsonObject{{QStringLiteral("upgrade_id"), m_staging->id},
                       {QStringLiteral("chunk_bytes"), fleet::kAgentReleaseChunkBytes}};
}

Result<QJsonObject> AgentUpgrader::chunk(const QJsonObject &args)
{
    if (!m_staging || args.value(QStringLiteral("upgrade_id")).toString() != m_staging->id)
        return agentUpgradeError(ErrorCode::ResourceNotFound, "NO_UPGRADE",
                            QStringLiteral("no such upgrade in progress"));
    const QJsonValue offset = args.value(QStringLiteral("offset"));
    if (!offset.isDouble() || qint64(offset.toDouble()) != m_staging->received)
        return agentUpgradeError(ErrorCode::ValidationError, "BAD_OFFSET",
                            QStringLiteral("chunks come in order: expected offset %1")
                                .arg(m_staging->received));
    const auto data = QByteArray::fromBase64Encoding(
        args.value(QStringLiteral("data")).toString().toLatin1(),
        QByteArray::AbortOnBase64DecodingErrors);
    if (!data || data.decoded.size() > fleet::kAgentReleaseChunkBytes
        || m_staging->received + data.decoded.size() > m_staging->manifest.size) {
        dropStaging();
        return agentUpgradeError(ErrorCode::ValidationError, "SIZE_MISMATCH",
                            QStringLiteral("a chunk that is not base64 or goes past the size"));
    }
    if (m_staging->file.write(data.decoded) != data.decoded.size()) {
        const QString why = m_staging->file.errorString();
        dropStaging();
        return agentUpgradeError(ErrorCode::IoError, "NOT_WRITABLE",
                            QStringLiteral("cannot write the build: %1").arg(why));
    }
    m_staging->hash.addData(data.decoded);
    m_staging->received += data.decoded.size();
    return QJsonObject{{QStringLiteral("received"), m_staging->received}};
}

Result<QJsonObject> AgentUpgrader::install(const QJsonObject &args)
{
    if (!m_staging || args.value(QStringLiteral("upgrade_id")).toString() != m_staging->id)
        return agentUpgradeError(ErrorCode::ResourceNotFound, "NO_UPGRADE",
                            QStringLiteral("no such upgrade in progress"));
    const int probation = std::clamp(
        args.value(QStringLiteral("probation_s")).toInt(kDefaultProbationSeconds), 10, 600);
    if (Status ok = checkReleaseBytes(m_staging->manifest, m_staging->received,
                                      m_staging->hash.result());
        !ok) {
        qCWarning(lcAgent).noquote() << QStringLiteral("upgrade to %1 refused: %2")
                                            .arg(m_staging->manifest.version, ok.error().message);
        dropStaging();
        return ok.error();
    }
    const QString version = m_staging->manifest.version;
    if (Status swapped = swap(probation); !swapped) {
        dropStaging();
        return swapped.error();
    }
    m_installed = true;
    qCWarning(lcAgent).noquote()
        << QStringLiteral("agent %1 installed; restarting into it (rollback after %2 s without "
                          "the server)")
               .arg(version)
               .arg(probation);
    QTimer::singleShot(0, m_restart);
    return QJsonObject{{QStringLiteral("installed"), true}, {QStringLiteral("version"), version}};
}

Status AgentUpgrader::swap(int probationSeconds)
{
    QFile &staged = m_staging->file;
    staged.flush();
#ifdef Q_OS_UNIX
    ::fsync(staged.handle());
#endif
    staged.close();
    staged.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                          | QFileDevice::ReadGroup | QFileDevice::ExeGroup
                          | QFileDevice::ReadOther | QFileDevice::ExeOther);
    const QString binary = m_setup.binaryPath;
    const QString previous = previousPath(binary);
    const QString sidecar = releaseSidecarPath(binary);
    const QString previousSidecar = releaseSidecarPath(previous);

    // The running binary stays reachable as .previous (a hard link: the
    // binary's name never disappears, even for a moment).
    QFile::remove(previous);
#ifdef Q_OS_UNIX
    if (::link(QFile::encodeName(binary).constData(), QFile::encodeName(previous).constData())
        != 0)
#endif
        if (!QFile::copy(binary, previous))
            return agentUpgradeError(ErrorCode::IoError, "NOT_WRITABLE",
                                QStringLiteral("cannot keep the running binary as %1")
                                    .arg(previous));
    QFile::remove(previousSidecar);
    const bool hadSidecar = QFile::exists(sidecar);
    if (hadSidecar)
        QFile::copy(sidecar, previousSidecar);

    const QJsonObject pending{
        {QStringLiteral("binary"), binary},
        {QStringLiteral("previous"), previous},
        {QStringLiteral("arguments"), QJsonArray::fromStringList(m_setup.arguments)},
        {QStringLiteral("pid"), qint64(QCoreApplication::applicationPid())},
        {QStringLiteral("deadline_ms"),
         QDateTime::currentMSecsSinceEpoch() + qint64(probationSeconds) * 1000},
        {QStringLiteral("version"), m_staging->manifest.version},
        {QStringLiteral("had_sidecar"), hadSidecar}};
    if (Status written = writeJson(pendingPath(m_setup.dataDir), pending); !written)
        return written;
    if (Status written = writeJson(sidecar, m_staging->manifest.toJson()); !written) {
        QFile::remove(pendingPath(m_setup.dataDir));
        return written;
    }
    if (Status renamed = renameOver(staged.fileName(), binary); !renamed) {
        QFile::remove(pendingPath(m_setup.dataDir));
        if (hadSidecar)
            (void)renameOver(previousSidecar, sidecar);
        else
            QFile::remove(sidecar);
        return renamed;
    }
    // The watchdog runs the previous binary: code that is known to work.
    if (!QProcess::startDetached(previous, {QStringLiteral("--upgrade-watchdog"),
                                            pendingPath(m_setup.dataDir)})) {
        (void)renameOver(previous, binary);
        if (hadSidecar)
            (void)renameOver(previousSidecar, sidecar);
        else
            QFile::remove(sidecar);
        QFile::remove(pendingPath(m_setup.dataDir));
        return agentUpgradeError(ErrorCode::InternalError, "NO_WATCHDOG",
                            QStringLiteral("cannot start the upgrade's watchdog"));
    }
    return {};
}

void AgentUpgrader::confirmPending()
{
    const QString path = pendingPath(m_setup.dataDir);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject pending = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    if (qint64(pending.value(QStringLiteral("pid")).toDouble())
        != qint64(QCoreApplication::applicationPid()))
        return;
    QFile::remove(path);
    qCInfo(lcAgent).noquote() << QStringLiteral("upgrade to %1 confirmed: the server accepted it")
                                     .arg(pending.value(QStringLiteral("version")).toString());
}

} // namespace hm::agent
