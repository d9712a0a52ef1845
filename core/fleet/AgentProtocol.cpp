#include "fleet/AgentProtocol.h"

#include "fleet/DockerNames.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <cmath>

namespace hm::fleet {

namespace {

Error invalid(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError, message, QJsonObject{{QStringLiteral("field"), field}}};
}

// A whole number in [min, max] at `key`, or an error naming it.
Result<qint64> integerAt(const QJsonObject &object, const QString &key, qint64 min, qint64 max)
{
    const QJsonValue value = object.value(key);
    if (!value.isDouble())
        return invalid(key, key + QStringLiteral(" must be a number"));
    const double number = value.toDouble();
    if (!std::isfinite(number) || number != std::floor(number) || number < double(min)
        || number > double(max))
        return invalid(key, QStringLiteral("%1 must be a whole number from %2 to %3")
                                .arg(key)
                                .arg(min)
                                .arg(max));
    return qint64(number);
}

Result<QString> stringAt(const QJsonObject &object, const QString &key, qsizetype maxLength,
                         bool required = true)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() && !required)
        return QString();
    if (!value.isString())
        return invalid(key, key + QStringLiteral(" must be a string"));
    const QString text = value.toString();
    if ((required && text.isEmpty()) || text.size() > maxLength)
        return invalid(key, QStringLiteral("%1 must have 1 to %2 characters").arg(key).arg(maxLength));
    return text;
}

Result<QByteArray> base64At(const QJsonObject &object, const QString &key, qsizetype bytes)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return invalid(key, key + QStringLiteral(" must be a base64 string"));
    const auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != bytes)
        return invalid(key, QStringLiteral("%1 must be %2 bytes in base64").arg(key).arg(bytes));
    return decoded.decoded;
}

Result<int> protocolAt(const QJsonObject &object)
{
    auto protocol = integerAt(object, QStringLiteral("protocol"), 1, 1000);
    if (!protocol)
        return protocol.error();
    if (*protocol != kAgentProtocolVersion)
        return invalid(QStringLiteral("protocol"),
                       QStringLiteral("protocol %1 is not supported (this side speaks %2)")
                           .arg(*protocol)
                           .arg(kAgentProtocolVersion));
    return int(*protocol);
}

// One entry of settings.probes, bounded by validateProbeTarget like the
// server's own input: an agent runs nothing the server could not store.
Result<ProbeTarget> probeAt(const QJsonValue &value)
{
    if (!value.isObject())
        return invalid(QStringLiteral("probes"), QStringLiteral("each probe must be an object"));
    const QJsonObject object = value.toObject();
    ProbeTarget probe;
    auto id = stringAt(object, QStringLiteral("id"), kMaxProbeIdLength);
    auto name = stringAt(object, QStringLiteral("name"), kMaxProbeNameLength);
    auto kind = stringAt(object, QStringLiteral("kind"), 8);
    auto target = stringAt(object, QStringLiteral("target"), kMaxProbeTargetLength);
    auto keyword = stringAt(object, QStringLiteral("keyword"), kMaxProbeKeywordLength, false);
    for (const auto *text : {&id, &name, &kind, &target, &keyword})
        if (!*text)
            return text->error();
    const auto parsedKind = probeKindFromName(*kind);
    if (!parsedKind)
        return invalid(QStringLiteral("kind"), QStringLiteral("kind must be http, tcp or icmp"));
    auto interval = integerAt(object, QStringLiteral("interval_s"), kMinProbeIntervalSeconds,
                              kMaxProbeIntervalSeconds);
    if (!interval)
        return interval.error();
    auto timeout = integerAt(object, QStringLiteral("timeout_s"), kMinProbeTimeoutSeconds,
                             kMaxProbeTimeoutSeconds);
    if (!timeout)
        return timeout.error();
    probe.expectedStatus = 0;
    if (object.contains(QStringLiteral("expected_status"))) {
        auto status = integerAt(object, QStringLiteral("expected_status"), 0, 599);
        if (!status)
            return status.error();
        probe.expectedStatus = int(*status);
    }
    const QJsonValue tlsVerify = object.value(QStringLiteral("tls_verify"));
    if (!tlsVerify.isUndefined() && !tlsVerify.isBool())
        return invalid(QStringLiteral("tls_verify"),
                       QStringLiteral("tls_verify must be true or false"));
    probe.id = *id;
    probe.name = *name;
    probe.kind = *parsedKind;
    probe.target = *target;
    probe.keyword = *keyword;
    probe.tlsVerify = tlsVerify.toBool(true);
    probe.intervalSeconds = int(*interval);
    probe.timeoutSeconds = int(*timeout);
    if (auto checked = validateProbeTarget(probe); !checked)
        return checked.error();
    return probe;
}

Result<AgentSettings> settingsAt(const QJsonObject &object)
{
    const QJsonValue value = object.value(QStringLiteral("settings"));
    if (!value.isObject())
        return invalid(QStringLiteral("settings"), QStringLiteral("settings must be an object"));
    auto interval = integerAt(value.toObject(), QStringLiteral("interval_s"), 1, 3600);
    if (!interval)
        return interval.error();
    AgentSettings settings{int(*interval), {}};
    const QJsonValue probes = value.toObject().value(QStringLiteral("probes"));
    if (probes.isUndefined())
        return settings;
    if (!probes.isArray() || probes.toArray().size() > kMaxSettingsProbes)
        return invalid(
            QStringLiteral("probes"),
            QStringLiteral("probes must be an array of at most %1").arg(kMaxSettingsProbes));
    QSet<QString> ids;
    for (const QJsonValue &item : probes.toArray()) {
        auto probe = probeAt(item);
        if (!probe)
            return probe.error();
        if (ids.contains(probe->id))
            return invalid(QStringLiteral("probes"),
                           QStringLiteral("probe %1 appears twice").arg(probe->id));
        ids.insert(probe->id);
        settings.probes.append(std::move(*probe));
    }
    return settings;
}

QJsonObject probeObject(const ProbeTarget &probe)
{
    QJsonObject object{{QStringLiteral("id"), probe.id},
                       {QStringLiteral("name"), probe.name},
                       {QStringLiteral("kind"), probeKindName(probe.kind)},
                       {QStringLiteral("target"), probe.target},
                       {QStringLiteral("interval_s"), probe.intervalSeconds},
                       {QStringLiteral("timeout_s"), probe.timeoutSeconds}};
    if (probe.kind == ProbeKind::Http) {
        object.insert(QStringLiteral("keyword"), probe.keyword);
        object.insert(QStringLiteral("expected_status"), probe.expectedStatus);
        object.insert(QStringLiteral("tls_verify"), probe.tlsVerify);
    }
    return object;
}

QJsonObject settingsObject(const AgentSettings &settings)
{
    QJsonObject object{{QStringLiteral("interval_s"), settings.intervalSeconds}};
    if (!settings.probes.isEmpty()) {
        QJsonArray probes;
        for (const ProbeTarget &probe : settings.probes)
            probes.append(probeObject(probe));
        object.insert(QStringLiteral("probes"), probes);
    }
    return object;
}

QByteArray toBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<AgentMessage> parseHello(const QJsonObject &object)
{
    HelloMessage hello;
    auto protocol = protocolAt(object);
    if (!protocol)
        return protocol.error();
    hello.protocol = *protocol;
    // An agent from before protocol ranges sends neither: it installs
    // releases of its own protocol only.
    hello.protocolMin = hello.protocolMax = hello.protocol;
    if (object.contains(QStringLiteral("protocol_min"))
        || object.contains(QStringLiteral("protocol_max"))) {
        auto low = integerAt(object, QStringLiteral("protocol_min"), 1, 1000);
        if (!low)
            return low.error();
        auto high = integerAt(object, QStringLiteral("protocol_max"), 1, 1000);
        if (!high)
            return high.error();
        if (*low > hello.protocol || *high < hello.protocol)
            return invalid(QStringLiteral("protocol_min"),
                           QStringLiteral("protocol_min ≤ protocol ≤ protocol_max"));
        hello.protocolMin = int(*low);
        hello.protocolMax = int(*high);
    }
    auto nodeId = stringAt(object, QStringLiteral("node_id"), 64);
    if (!nodeId)
        return nodeId.error();
    hello.nodeId = *nodeId;
    auto version = stringAt(object, QStringLiteral("agent_version"), 64);
    if (!version)
        return version.error();
    hello.agentVersion = *version;
    const QJsonValue capabilities = object.value(QStringLiteral("capabilities"));
    if (!capabilities.isArray() || capabilities.toArray().size() > 32)
        return invalid(QStringLiteral("capabilities"),
                       QStringLiteral("capabilities must be a list of at most 32 names"));
    for (const QJsonValue &capability : capabilities.toArray()) {
        const QString name = capability.toString();
        if (!capability.isString() || name.isEmpty() || name.size() > 32)
            return invalid(QStringLiteral("capabilities"),
                           QStringLiteral("capabilities must be names of 1 to 32 characters"));
        if (!hello.capabilities.contains(name))
            hello.capabilities.append(name);
    }
    auto lastSeq = integerAt(object, QStringLiteral("last_seq"), 0, qint64(1) << 53);
    if (!lastSeq)
        return lastSeq.error();
    hello.lastSeq = *lastSeq;
    auto signature = base64At(object, QStringLiteral("signature"), 64);
    if (!signature)
        return signature.error();
    hello.signature = *signature;
    return AgentMessage(std::move(hello));
}

std::optional<ContainerState::Health> healthFromName(const QString &name)
{
    for (const auto health : {ContainerState::Health::None, ContainerState::Health::Starting,
                              ContainerState::Health::Healthy, ContainerState::Health::Unhealthy}) {
        if (name == containerHealthName(health))
            return health;
    }
    return std::nullopt;
}

// A report's container summary: bounded, every name a container name, no
// name twice.
Result<QList<ContainerState>> containersAt(const QJsonObject &object)
{
    const QString field = QStringLiteral("containers");
    const QJsonValue value = object.value(field);
    if (!value.isArray())
        return invalid(field, QStringLiteral("containers must be an array"));
    const QJsonArray array = value.toArray();
    if (array.size() > kMaxReportContainers)
        return invalid(field, QStringLiteral("a report holds at most %1 containers")
                                  .arg(kMaxReportContainers));
    QList<ContainerState> containers;
    QSet<QString> names;
    for (const QJsonValue item : array) {
        const QJsonObject o = item.toObject();
        ContainerState c;
        c.name = o.value(QStringLiteral("name")).toString();
        const auto health = healthFromName(o.value(QStringLiteral("health")).toString());
        if (!isDockerContainerName(c.name) || names.contains(c.name) ||
            !o.value(QStringLiteral("running")).isBool() || !health)
            return invalid(field, QStringLiteral("each container is {name, running, health} with "
                                                 "a container name once and health one of none, "
                                                 "starting, healthy, unhealthy"));
        c.running = o.value(QStringLiteral("running")).toBool();
        c.health = *health;
        names.insert(c.name);
        containers.append(c);
    }
    return containers;
}

Result<AgentMessage> parseReport(const QJsonObject &object)
{
    ReportMessage report;
    auto seq = integerAt(object, QStringLiteral("seq"), 1, qint64(1) << 53);
    if (!seq)
        return seq.error();
    report.seq = *seq;
    // Milliseconds since 1970 (UTC), from 2000 to 9999.
    auto time = integerAt(object, QStringLiteral("time_ms"), 946684800000LL, 253402300799000LL);
    if (!time)
        return time.error();
    report.timeMs = *time;
    const QJsonValue metrics = object.value(QStringLiteral("metrics"));
    if (!metrics.isObject())
        return invalid(QStringLiteral("metrics"), QStringLiteral("metrics must be an object"));
    const QJsonObject values = metrics.toObject();
    if (values.size() > kMaxReportValues)
        return invalid(QStringLiteral("metrics"),
                       QStringLiteral("a report holds at most %1 values").arg(kMaxReportValues));
    report.metrics.reserve(values.size());
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!isValidMetricName(it.key()))
            return invalid(QStringLiteral("metrics"),
                           QStringLiteral("metric names are 1 to 64 of a-z 0-9 _ . : -"));
        const double value = it.value().toDouble(std::nan(""));
        if (!it.value().isDouble() || !std::isfinite(value))
            return invalid(QStringLiteral("metrics"),
                           QStringLiteral("metric values must be finite numbers"));
        report.metrics.append(MetricValue{it.key(), value});
    }
    if (object.contains(QStringLiteral("containers"))) {
        auto containers = containersAt(object);
        if (!containers)
            return containers.error();
        report.containers = std::move(containers).value();
    }
    return AgentMessage(std::move(report));
}

bool isActionName(const QString &action)
{
    if (action.isEmpty() || action.size() > 32)
        return false;
    for (const QChar c : action)
        if (!((c >= u'a' && c <= u'z') || c == u'_'))
            return false;
    return true;
}

Result<AgentMessage> parseRequest(const QJsonObject &object)
{
    RequestMessage request;
    auto id = integerAt(object, QStringLiteral("id"), 1, qint64(1) << 53);
    if (!id)
        return id.error();
    request.id = *id;
    auto capability = stringAt(object, QStringLiteral("capability"), 32);
    if (!capability)
        return capability.error();
    if (!knownCapabilities().contains(*capability))
        return invalid(QStringLiteral("capability"), QStringLiteral("unknown capability"));
    request.capability = *capability;
    const QString action = object.value(QStringLiteral("action")).toString();
    if (!isActionName(action))
        return invalid(QStringLiteral("action"),
                       QStringLiteral("action must be 1 to 32 of a-z and _"));
    request.action = action;
    const QJsonValue args = object.value(QStringLiteral("args"));
    if (!args.isUndefined() && !args.isObject())
        return invalid(QStringLiteral("args"), QStringLiteral("args must be an object"));
    request.args = args.toObject();
    return AgentMessage(std::move(request));
}

Result<AgentMessage> parseResponse(const QJsonObject &object)
{
    ResponseMessage response;
    auto id = integerAt(object, QStringLiteral("id"), 1, qint64(1) << 53);
    if (!id)
        return id.error();
    response.id = *id;
    const QJsonValue ok = object.value(QStringLiteral("ok"));
    if (!ok.isBool())
        return invalid(QStringLiteral("ok"), QStringLiteral("ok must be true or false"));
    response.ok = ok.toBool();
    if (response.ok) {
        const QJsonValue result = object.value(QStringLiteral("result"));
        if (!result.isObject())
            return invalid(QStringLiteral("result"), QStringLiteral("result must be an object"));
        response.result = result.toObject();
        return AgentMessage(std::move(response));
    }
    const QJsonValue error = object.value(QStringLiteral("error"));
    if (!error.isObject())
        return invalid(QStringLiteral("error"), QStringLiteral("error must be an object"));
    const QJsonObject e = error.toObject();
    auto code = stringAt(e, QStringLiteral("code"), 64);
    if (!code)
        return code.error();
    auto message = stringAt(e, QStringLiteral("message"), kMaxResponseErrorMessage, false);
    if (!message)
        return message.error();
    const QJsonValue details = e.value(QStringLiteral("details"));
    if (!details.isUndefined() && !details.isObject())
        return invalid(QStringLiteral("details"), QStringLiteral("details must be an object"));
    response.errorCode = *code;
    response.errorMessage = *message;
    response.errorDetails = details.toObject();
    return AgentMessage(std::move(response));
}

} // namespace

QString containerHealthName(ContainerState::Health health)
{
    switch (health) {
    case ContainerState::Health::None:
        return QStringLiteral("none");
    case ContainerState::Health::Starting:
        return QStringLiteral("starting");
    case ContainerState::Health::Healthy:
        return QStringLiteral("healthy");
    case ContainerState::Health::Unhealthy:
        return QStringLiteral("unhealthy");
    }
    return QStringLiteral("none");
}

bool isValidMetricName(QStringView name)
{
    if (name.isEmpty() || name.size() > kMaxMetricNameLength)
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'_'
                        || u == u'.' || u == u':' || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

Result<AgentMessage> parseAgentMessage(QByteArrayView frame)
{
    // Only a request or a response may be larger than
    // kMaxAgentMessageBytes; which type a frame is needs the parse, bounded
    // by the larger limit.
    const auto tooLarge = [](qsizetype limit) {
        return Error{ErrorCode::PayloadTooLarge,
                     QStringLiteral("an agent message may have at most %1 bytes").arg(limit)};
    };
    if (frame.size() > kMaxAgentResponseBytes)
        return tooLarge(kMaxAgentResponseBytes);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(frame.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        // Above the ordinary limit only a request or a response is let in.
        if (frame.size() > kMaxAgentMessageBytes)
            return tooLarge(kMaxAgentMessageBytes);
        return invalid(QStringLiteral("message"), QStringLiteral("a message is one JSON object"));
    }
    const QJsonObject object = document.object();
    const QString type = object.value(QStringLiteral("type")).toString();
    if (type == u"response")
        return parseResponse(object);
    if (type == u"request")
        return parseRequest(object);
    if (frame.size() > kMaxAgentMessageBytes)
        return tooLarge(kMaxAgentMessageBytes);
    if (type == u"report")
        return parseReport(object);
    if (type == u"hello")
        return parseHello(object);
    if (type == u"ack") {
        auto seq = integerAt(object, QStringLiteral("seq"), 0, qint64(1) << 53);
        if (!seq)
            return seq.error();
        return AgentMessage(AckMessage{*seq});
    }
    if (type == u"challenge") {
        auto protocol = protocolAt(object);
        if (!protocol)
            return protocol.error();
        auto nonce = base64At(object, QStringLiteral("nonce"), kChallengeNonceBytes);
        if (!nonce)
            return nonce.error();
        return AgentMessage(ChallengeMessage{*protocol, *nonce});
    }
    if (type == u"welcome") {
        WelcomeMessage welcome;
        auto nodeId = stringAt(object, QStringLiteral("node_id"), 64);
        if (!nodeId)
            return nodeId.error();
        welcome.nodeId = *nodeId;
        auto acked = integerAt(object, QStringLiteral("acked_seq"), 0, qint64(1) << 53);
        if (!acked)
            return acked.error();
        welcome.ackedSeq = *acked;
        auto settings = settingsAt(object);
        if (!settings)
            return settings.error();
        welcome.settings = *settings;
        return AgentMessage(std::move(welcome));
    }
    if (type == u"settings") {
        auto settings = settingsAt(object);
        if (!settings)
            return settings.error();
        return AgentMessage(SettingsMessage{*settings});
    }
    return invalid(QStringLiteral("type"),
                   type.isEmpty() ? QStringLiteral("a message needs a type")
                                  : QStringLiteral("unknown message type"));
}

QByteArray serialize(const ChallengeMessage &message)
{
    return toBytes({{QStringLiteral("type"), QStringLiteral("challenge")},
                    {QStringLiteral("protocol"), message.protocol},
                    {QStringLiteral("nonce"), QString::fromLatin1(message.nonce.toBase64())}});
}

QByteArray serialize(const HelloMessage &message)
{
    return toBytes({{QStringLiteral("type"), QStringLiteral("hello")},
                    {QStringLiteral("protocol"), message.protocol},
                    {QStringLiteral("protocol_min"), message.protocolMin},
                    {QStringLiteral("protocol_max"), message.protocolMax},
                    {QStringLiteral("node_id"), message.nodeId},
                    {QStringLiteral("agent_version"), message.agentVersion},
                    {QStringLiteral("capabilities"), QJsonArray::fromStringList(message.capabilities)},
                    {QStringLiteral("last_seq"), message.lastSeq},
                    {QStringLiteral("signature"), QString::fromLatin1(message.signature.toBase64())}});
}

QByteArray serialize(const WelcomeMessage &message)
{
    return toBytes({{QStringLiteral("type"), QStringLiteral("welcome")},
                    {QStringLiteral("node_id"), message.nodeId},
                    {QStringLiteral("acked_seq"), message.ackedSeq},
                    {QStringLiteral("settings"), settingsObject(message.settings)}});
}

QByteArray serialize(const ReportMessage &message)
{
    QJsonObject metrics;
    for (const MetricValue &metric : message.metrics)
        metrics.insert(metric.name, metric.value);
    QJsonObject object{{QStringLiteral("type"), QStringLiteral("report")},
                       {QStringLiteral("seq"), message.seq},
                       {QStringLiteral("time_ms"), message.timeMs},
                       {QStringLiteral("metrics"), metrics}};
    if (message.containers) {
        QJsonArray containers;
        for (const ContainerState &c : *message.containers)
            containers.append(QJsonObject{{QStringLiteral("name"), c.name},
                                          {QStringLiteral("running"), c.running},
                                          {QStringLiteral("health"), containerHealthName(c.health)}});
        object.insert(QStringLiteral("containers"), containers);
    }
    return toBytes(object);
}

QByteArray serialize(const AckMessage &message)
{
    return toBytes({{QStringLiteral("type"), QStringLiteral("ack")},
                    {QStringLiteral("seq"), message.seq}});
}

QByteArray serialize(const SettingsMessage &message)
{
    return toBytes({{QStringLiteral("type"), QStringLiteral("settings")},
                    {QStringLiteral("settings"), settingsObject(message.settings)}});
}

QByteArray serialize(const RequestMessage &message)
{
    return toBytes({{QStringLiteral("type"), QStringLiteral("request")},
                    {QStringLiteral("id"), message.id},
                    {QStringLiteral("capability"), message.capability},
                    {QStringLiteral("action"), message.action},
                    {QStringLiteral("args"), message.args}});
}

QByteArray serialize(const ResponseMessage &message)
{
    QJsonObject object{{QStringLiteral("type"), QStringLiteral("response")},
                       {QStringLiteral("id"), message.id},
                       {QStringLiteral("ok"), message.ok}};
    if (message.ok) {
        object.insert(QStringLiteral("result"), message.result);
    } else {
        QJsonObject error{{QStringLiteral("code"), message.errorCode},
                          {QStringLiteral("message"), message.errorMessage}};
        if (!message.errorDetails.isEmpty())
            error.insert(QStringLiteral("details"), message.errorDetails);
        object.insert(QStringLiteral("error"), error);
    }
    return toBytes(object);
}

ResponseMessage failedResponse(qint64 requestId, const Error &error)
{
    ResponseMessage response;
    response.id = requestId;
    response.ok = false;
    response.errorCode = error.codeName();
    response.errorMessage = error.message.left(kMaxResponseErrorMessage);
    response.errorDetails = error.details;
    return response;
}

Error responseError(const ResponseMessage &response)
{
    bool known = false;
    const ErrorCode code = errorCodeFromName(response.errorCode, &known);
    QJsonObject details = response.errorDetails;
    if (!known)
        details.insert(QStringLiteral("agent_code"), response.errorCode);
    return Error{code, response.errorMessage, details};
}

QByteArray signedChallenge(const QString &nodeId, const QByteArray &nonce)
{
    return QByteArrayLiteral("hivemind-agent-auth-v1\n") + nodeId.toUtf8() + '\n' + nonce;
}

} // namespace hm::fleet
