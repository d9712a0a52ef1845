#pragma once

// The messages between hivemind-agent and the server on /ws/agent
// (docs/agent-protocol.md). Every message is one JSON text frame with a
// "type"; the first frame each way is fixed:
//
//   server → agent  challenge  {type, protocol, nonce}
//   agent  → server hello      {type, protocol, protocol_min, protocol_max,
//                               node_id, agent_version, capabilities,
//                               last_seq, signature}
//   server → agent  welcome    {type, node_id, acked_seq, settings}
//   agent  → server report     {type, seq, time_ms, metrics{name: number},
//                               containers?[{name, running, health}]}
//   server → agent  ack        {type, seq}     (stored durably up to seq)
//   server → agent  settings   {type, settings}
//   server → agent  request    {type, id, capability, action, args}
//   agent  → server response   {type, id, ok, result | error{code, message,
//                               details}}
//
// Requests are remote operations (issue 38): the agent checks the
// capability against its own config before anything else and answers
// CAPABILITY_DISABLED when it does not grant it; the server never decides
// that for the agent.
//
// The signature is Ed25519 over signedChallenge(node_id, nonce) with the key
// pair the agent made at enrolment. Both sides parse with parseAgentMessage,
// which refuses what is not exactly one of these shapes: the server trusts
// nothing an agent writes beyond what this checks, and checks the rest
// (whose node, which sequence) against the authenticated connection.

#include "common/Result.h"
#include "fleet/ProbeTarget.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>
#include <variant>

namespace hm::fleet {

// The protocol this build speaks on /ws/agent (and the highest a release
// it installs may speak), and the oldest protocol a release it installs
// may speak (docs/agent-protocol.md "Protocol versions"). A build that
// could not hand over to an older protocol's agent raises the minimum.
inline constexpr int kAgentProtocolVersion = 1;
inline constexpr int kAgentProtocolMinVersion = 1;
// A frame larger than this is refused before it is parsed; only a
// `request` or a `response` may be larger, up to kMaxAgentResponseBytes
// (a process list, a file chunk either way).
inline constexpr qsizetype kMaxAgentMessageBytes = 64 * 1024;
inline constexpr qsizetype kMaxAgentResponseBytes = 1024 * 1024;
// The longest error message a response carries (it reaches people).
inline constexpr qsizetype kMaxResponseErrorMessage = 1000;
// At most this many values in one report, names of at most 64 characters.
inline constexpr int kMaxReportValues = 512;
inline constexpr qsizetype kMaxMetricNameLength = 64;
inline constexpr qsizetype kChallengeNonceBytes = 32;
// At most this many probes in one settings message (settings.probes).
inline constexpr int kMaxSettingsProbes = 64;
// At most this many containers in one report's container summary.
inline constexpr int kMaxReportContainers = 100;

// What an agent may do, fixed in its own config (docs/agent-protocol.md).
// metrics and probes are the default install's; the rest are remote
// operations an operator turns on per machine (docs/agent.md).
inline const QStringList &knownCapabilities()
{
    static const QStringList names{
        QStringLiteral("metrics"), QStringLiteral("probes"),    QStringLiteral("terminal"),
        QStringLiteral("processes"), QStringLiteral("files"),  QStringLiteral("docker"),
        QStringLiteral("nginx"),   QStringLiteral("tasks"),    QStringLiteral("upgrade"),
        QStringLiteral("reboot")};
    return names;
}

struct ChallengeMessage
{
    int protocol = kAgentProtocolVersion;
    QByteArray nonce; // raw bytes, base64 on the wire
};

struct HelloMessage
{
    int protocol = kAgentProtocolVersion;
    // The protocols of the releases this agent installs (absent on the
    // wire: an older agent, `protocol` alone).
    int protocolMin = kAgentProtocolMinVersion;
    int protocolMax = kAgentProtocolVersion;
    QString nodeId;
    QString agentVersion;
    QStringList capabilities;
    qint64 lastSeq = 0;   // the last sequence number the agent has buffered
    QByteArray signature; // raw bytes, base64 on the wire
};

struct AgentSettings
{
    int intervalSeconds = 5; // 1 … 3600
    // The enabled probes that cover this node (docs/agent-protocol.md,
    // "settings.probes"); absent on the wire means none, so an older
    // server's settings still parse. The agent runs them only if its own
    // config grants "probes".
    QList<ProbeTarget> probes;
    bool operator==(const AgentSettings &) const = default;
};

struct WelcomeMessage
{
    QString nodeId;
    qint64 ackedSeq = 0; // the last sequence number the server has stored
    AgentSettings settings;
};

struct MetricValue
{
    QString name;
    double value = 0;
    bool operator==(const MetricValue &) const = default;
};

// One container in a report's summary (docs/agent-protocol.md, "report"):
// what the container alert rules need, nothing more.
struct ContainerState
{
    enum class Health
    {
        None, // no healthcheck
        Starting,
        Healthy,
        Unhealthy
    };
    QString name; // fleet/DockerNames: isDockerContainerName
    bool running = false;
    Health health = Health::None;
    bool operator==(const ContainerState &) const = default;
};
QString containerHealthName(ContainerState::Health health);

struct ReportMessage
{
    qint64 seq = 0;    // 1, 2, … per agent identity, never reused
    qint64 timeMs = 0; // when the sample was taken, ms since 1970 UTC
    QList<MetricValue> metrics;
    // The node's containers (all of them, running or not, at most
    // kMaxReportContainers), sent only by an agent granted "docker" that
    // could read them; absent: nothing is known (rules wait), empty: none.
    std::optional<QList<ContainerState>> containers;
};

struct AckMessage
{
    qint64 seq = 0;
};

struct SettingsMessage
{
    AgentSettings settings;
};

// A remote operation, server → agent. `id` is the server's, unique per
// connection; `action` names what to do within the capability
// ([a-z_], 1–32 characters); `args` its arguments, checked by the agent's
// handler.
struct RequestMessage
{
    qint64 id = 0;
    QString capability;
    QString action;
    QJsonObject args;
};

// The agent's answer to the request with the same id. On failure `error`
// holds a catalogue code name (CAPABILITY_DISABLED, VALIDATION_ERROR, …),
// a message for people and details (details.code: the precise reason, such
// as PROCESS_NOT_FOUND).
struct ResponseMessage
{
    qint64 id = 0;
    bool ok = true;
    QJsonObject result;
    QString errorCode;
    QString errorMessage;
    QJsonObject errorDetails;
};

using AgentMessage = std::variant<ChallengeMessage, HelloMessage, WelcomeMessage, ReportMessage,
                                  AckMessage, SettingsMessage, RequestMessage, ResponseMessage>;

// One frame → one message. ValidationError (with "field" in the details)
// for a malformed or unknown message, PayloadTooLarge above
// kMaxAgentMessageBytes. Metric names: [a-z0-9_.:-], 1–64 characters;
// values finite numbers; no name twice.
Result<AgentMessage> parseAgentMessage(QByteArrayView frame);

QByteArray serialize(const ChallengeMessage &message);
QByteArray serialize(const HelloMessage &message);
QByteArray serialize(const WelcomeMessage &message);
QByteArray serialize(const ReportMessage &message);
QByteArray serialize(const AckMessage &message);
QByteArray serialize(const SettingsMessage &message);
QByteArray serialize(const RequestMessage &message);
QByteArray serialize(const ResponseMessage &message);

// A failed response for `requestId` from an Error: its code's name, its
// message (cut to kMaxResponseErrorMessage) and details.
ResponseMessage failedResponse(qint64 requestId, const Error &error);
// The Error a failed response stands for (unknown code names become
// INTERNAL_ERROR, the agent's name kept in details.agent_code).
Error responseError(const ResponseMessage &response);

// The bytes an agent signs to answer a challenge: a fixed context string,
// the node id and the nonce, so a signature made for one purpose, node or
// connection is worth nothing for another.
QByteArray signedChallenge(const QString &nodeId, const QByteArray &nonce);

// A metric name's rule (see parseAgentMessage).
bool isValidMetricName(QStringView name);

} // namespace hm::fleet
