#pragma once

// What the agent checks before it installs a build (issue 38 item 9;
// docs/agent.md "Upgrades"), as pure functions for the unit tests:
// before a single byte, the manifest — signed by the release key pinned at
// enrolment, a protocol within this build's range, this os/arch, a version newer than the one
// running; after the last byte, the bytes — exactly `size` of them with
// the manifest's SHA-256. Refusals carry details.code: NO_RELEASE_KEY,
// BAD_SIGNATURE, PROTOCOL_INCOMPATIBLE, PLATFORM_MISMATCH, NOT_NEWER,
// SIZE_MISMATCH, CHECKSUM_MISMATCH.
//
// The version an agent reports is its compiled one, unless the binary it
// runs is exactly one the pinned key signed: an installed upgrade leaves a
// sidecar (<binary>.release.json, the manifest) and the agent reports the
// manifest's version only after checking its own bytes' SHA-256 and the
// signature again. Nobody can make an agent claim a version without a
// build the server signed as that version.

#include "common/Result.h"
#include "fleet/AgentRelease.h"

namespace hm::agent {

Status checkReleaseManifest(const fleet::ReleaseManifest &manifest, const QByteArray &pinnedKey,
                            const QString &runningVersion);
Status checkReleaseBytes(const fleet::ReleaseManifest &manifest, qint64 receivedBytes,
                         const QByteArray &receivedSha256);

QString releaseSidecarPath(const QString &binaryPath);
// The sidecar's version when it describes `binaryPath` exactly and
// `pinnedKey` signed it; `compiledVersion` otherwise.
QString installedReleaseVersion(const QString &binaryPath, const QByteArray &pinnedKey,
                                const QString &compiledVersion);

} // namespace hm::agent
