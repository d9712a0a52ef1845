#include "agent/ReleaseVerifier.h"

#include "crypto/Signing.h"
#include "fleet/AgentProtocol.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>

namespace hm::agent {

namespace {

Error releaseRefusal(ErrorCode code, const char *reason, const QString &message)
{
    return Error{code, message,
                 QJsonObject{{QStringLiteral("code"), QString::fromLatin1(reason)}}};
}

} // namespace

Status checkReleaseManifest(const fleet::ReleaseManifest &manifest, const QByteArray &pinnedKey,
                            const QString &runningVersion)
{
    if (pinnedKey.size() != crypto::kSigningPublicKeyBytes)
        return releaseRefusal(ErrorCode::Forbidden, "NO_RELEASE_KEY",
                       QStringLiteral("this agent has no release key pinned (it enrolled before "
                                      "upgrades existed): enrol it again to upgrade remotely"));
    if (!crypto::verifySignature(pinnedKey, manifest.signedMessage(), manifest.signature))
        return releaseRefusal(ErrorCode::Forbidden, "BAD_SIGNATURE",
                       QStringLiteral("the build is not signed by the release key this agent "
                                      "pinned at enrolment"));
    // The range this build hands over to (docs/agent-protocol.md "Protocol
    // versions"), whatever the server decided.
    if (Status fits = fleet::checkReleaseProtocol(manifest.protocol,
                                                  fleet::kAgentProtocolMinVersion,
                                                  fleet::kAgentProtocolVersion);
        !fits)
        return fits;
    if (manifest.os != fleet::currentReleaseOs() || manifest.arch != fleet::currentReleaseArch())
        return releaseRefusal(ErrorCode::ValidationError, "PLATFORM_MISMATCH",
                       QStringLiteral("the build is for %1/%2, this machine is %3/%4")
                           .arg(manifest.os, manifest.arch, fleet::currentReleaseOs(),
                                fleet::currentReleaseArch()));
    if (fleet::compareReleaseVersions(manifest.version, runningVersion) <= 0)
        return releaseRefusal(ErrorCode::ValidationError, "NOT_NEWER",
                       QStringLiteral("version %1 is not newer than the running %2")
                           .arg(manifest.version, runningVersion));
    return {};
}

Status checkReleaseBytes(const fleet::ReleaseManifest &manifest, qint64 receivedBytes,
                         const QByteArray &receivedSha256)
{
    if (receivedBytes != manifest.size)
        return releaseRefusal(ErrorCode::ValidationError, "SIZE_MISMATCH",
                       QStringLiteral("received %1 bytes of a %2-byte build")
                           .arg(receivedBytes)
                           .arg(manifest.size));
    if (receivedSha256 != manifest.sha256)
        return releaseRefusal(ErrorCode::ValidationError, "CHECKSUM_MISMATCH",
                       QStringLiteral("the received build's SHA-256 is not the signed one"));
    return {};
}

QString releaseSidecarPath(const QString &binaryPath)
{
    return binaryPath + QStringLiteral(".release.json");
}

QString installedReleaseVersion(const QString &binaryPath, const QByteArray &pinnedKey,
                                const QString &compiledVersion)
{
    QFile sidecar(releaseSidecarPath(binaryPath));
    if (pinnedKey.isEmpty() || !sidecar.open(QIODevice::ReadOnly))
        return compiledVersion;
    const auto manifest =
        fleet::ReleaseManifest::fromJson(QJsonDocument::fromJson(sidecar.read(64 * 1024)).object());
    if (!manifest
        || !crypto::verifySignature(pinnedKey, manifest->signedMessage(), manifest->signature))
        return compiledVersion;
    QFile binary(binaryPath);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!binary.open(QIODevice::ReadOnly) || binary.size() != manifest->size
        || !hash.addData(&binary) || hash.result() != manifest->sha256)
        return compiledVersion;
    return manifest->version;
}

} // namespace hm::agent
