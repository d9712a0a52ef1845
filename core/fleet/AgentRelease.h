#pragma once

// An agent build as the server signs it and the agent checks it (issue 38
// item 9; docs/agent.md "Upgrades"). The server signs, with its Ed25519
// release key, the canonical byte string
//
//   "hivemind-agent-release/1\n" sha256-hex "\n" version "\n" protocol "\n"
//   os "\n" arch "\n" size
//
// (ASCII, no trailing newline; sha256 lower-case hex of the binary). The
// agent learns the release public key at enrolment and refuses any build
// whose manifest that key did not sign, whatever the server says.

#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace hm::fleet {

// The largest agent build the server stores and the agent accepts.
inline constexpr qint64 kMaxAgentReleaseBytes = 128LL * 1024 * 1024;
// The bytes of one upgrade/chunk request (base64 in the JSON: ~700 KiB).
inline constexpr qint64 kAgentReleaseChunkBytes = 512 * 1024;

struct ReleaseManifest
{
    QString id;
    QString version; // dotted numbers, e.g. 1.4.0
    int protocol = 0;
    QString os;   // "linux"
    QString arch; // "amd64", "arm64", …
    qint64 size = 0;
    QByteArray sha256;    // 32 raw bytes
    QByteArray signature; // 64 raw bytes

    QByteArray signedMessage() const;
    // {id, version, protocol, os, arch, size, sha256 (hex), signature (base64)}
    QJsonObject toJson() const;
    // ValidationError naming the field for anything malformed.
    static Result<ReleaseManifest> fromJson(const QJsonObject &json);
};

// The protocol rule of upgrades (docs/agent-protocol.md "Protocol
// versions"): a release speaking `releaseProtocol` may go to an agent that
// reported the range [agentMin, agentMax] only when the range holds it.
// CONFLICT, details.code PROTOCOL_INCOMPATIBLE (with release_protocol,
// agent_protocol_min, agent_protocol_max) otherwise. Both sides apply it:
// the server before it offers a build, the agent before it takes one.
Status checkReleaseProtocol(int releaseProtocol, int agentMin, int agentMax);

// Dotted version numbers ("1.10.0" > "1.9.2"; a missing part is 0; an
// "-suffix" is ignored). False from isReleaseVersion for anything else.
bool isReleaseVersion(const QString &version);
int compareReleaseVersions(const QString &a, const QString &b);

// This machine's os and arch as releases name them ("linux", "amd64").
QString currentReleaseOs();
QString currentReleaseArch();

} // namespace hm::fleet
