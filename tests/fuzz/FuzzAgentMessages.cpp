// The agent protocol's parser (core/fleet/AgentProtocol) on arbitrary
// frames: what both the server (/ws/agent) and hivemind-agent run on every
// message the other side sends. Oracles:
// - a frame above kMaxAgentResponseBytes is refused as PAYLOAD_TOO_LARGE
//   before parsing, and one above kMaxAgentMessageBytes unless it is a
//   request or a response; PAYLOAD_TOO_LARGE for nothing smaller;
// - every refusal is VALIDATION_ERROR or PAYLOAD_TOO_LARGE, never anything
//   else;
// - an accepted message keeps the protocol's limits (metric names by
//   isValidMetricName, finite values, at most kMaxReportValues, positive
//   sequence numbers, exact nonce and signature sizes);
// - stability: an accepted message, serialised and parsed again, is the
//   same message;
// - the report fast path (ReportTextReader, what AgentFeed runs first on
//   every frame) on the bytes and on the QString a WebSocket would deliver:
//   whatever it reads, parseAgentMessage reads as the same report, down to
//   the bits of every value; a reader that remembers the previous input's
//   names reads the same.

#include "FuzzCheck.h"
#include "fleet/AgentProtocol.h"
#include "fleet/ReportText.h"

#include <cmath>
#include <cstring>

using namespace hm;
using namespace hm::fleet;

namespace {

bool sameMetrics(const QList<MetricValue> &a, const QList<MetricValue> &b)
{
    if (a.size() != b.size())
        return false;
    // serialize() writes a JSON object: the names come back sorted.
    QList<MetricValue> left = a;
    QList<MetricValue> right = b;
    const auto byName = [](const MetricValue &x, const MetricValue &y) { return x.name < y.name; };
    std::sort(left.begin(), left.end(), byName);
    std::sort(right.begin(), right.end(), byName);
    return left == right;
}

bool same(const AgentMessage &a, const AgentMessage &b)
{
    if (a.index() != b.index())
        return false;
    if (const auto *x = std::get_if<ChallengeMessage>(&a)) {
        const auto &y = std::get<ChallengeMessage>(b);
        return x->protocol == y.protocol && x->nonce == y.nonce;
    }
    if (const auto *x = std::get_if<HelloMessage>(&a)) {
        const auto &y = std::get<HelloMessage>(b);
        return x->protocol == y.protocol && x->nodeId == y.nodeId &&
               x->agentVersion == y.agentVersion && x->capabilities == y.capabilities &&
               x->lastSeq == y.lastSeq && x->signature == y.signature;
    }
    if (const auto *x = std::get_if<WelcomeMessage>(&a)) {
        const auto &y = std::get<WelcomeMessage>(b);
        return x->nodeId == y.nodeId && x->ackedSeq == y.ackedSeq && x->settings == y.settings;
    }
    if (const auto *x = std::get_if<ReportMessage>(&a)) {
        const auto &y = std::get<ReportMessage>(b);
        return x->seq == y.seq && x->timeMs == y.timeMs && sameMetrics(x->metrics, y.metrics);
    }
    if (const auto *x = std::get_if<AckMessage>(&a))
        return x->seq == std::get<AckMessage>(b).seq;
    if (const auto *x = std::get_if<RequestMessage>(&a)) {
        const auto &y = std::get<RequestMessage>(b);
        return x->id == y.id && x->capability == y.capability && x->action == y.action &&
               x->args == y.args;
    }
    if (const auto *x = std::get_if<ResponseMessage>(&a)) {
        const auto &y = std::get<ResponseMessage>(b);
        return x->id == y.id && x->ok == y.ok && x->result == y.result &&
               x->errorCode == y.errorCode && x->errorMessage == y.errorMessage &&
               x->errorDetails == y.errorDetails;
    }
    return std::get<SettingsMessage>(a).settings == std::get<SettingsMessage>(b).settings;
}

QByteArray serializeAny(const AgentMessage &message)
{
    return std::visit([](const auto &m) { return serialize(m); }, message);
}

void checkLimits(const AgentMessage &message)
{
    if (const auto *report = std::get_if<ReportMessage>(&message)) {
        HM_FUZZ_CHECK(report->seq >= 1, "report seq below 1");
        HM_FUZZ_CHECK(report->metrics.size() <= kMaxReportValues, "too many values");
        for (const MetricValue &metric : report->metrics) {
            HM_FUZZ_CHECK(isValidMetricName(metric.name), "invalid metric name accepted");
            HM_FUZZ_CHECK(std::isfinite(metric.value), "non-finite value accepted");
        }
    }
    if (const auto *hello = std::get_if<HelloMessage>(&message)) {
        HM_FUZZ_CHECK(hello->signature.size() == 64, "signature size");
        HM_FUZZ_CHECK(!hello->nodeId.isEmpty() && hello->nodeId.size() <= 64, "node id size");
    }
    if (const auto *challenge = std::get_if<ChallengeMessage>(&message))
        HM_FUZZ_CHECK(challenge->nonce.size() == kChallengeNonceBytes, "nonce size");
    if (const auto *request = std::get_if<RequestMessage>(&message)) {
        HM_FUZZ_CHECK(request->id >= 1, "request id below 1");
        HM_FUZZ_CHECK(knownCapabilities().contains(request->capability), "unknown capability");
        HM_FUZZ_CHECK(!request->action.isEmpty() && request->action.size() <= 32, "action size");
    }
    if (const auto *response = std::get_if<ResponseMessage>(&message)) {
        HM_FUZZ_CHECK(response->id >= 1, "response id below 1");
        HM_FUZZ_CHECK(response->ok || !response->errorCode.isEmpty(), "failure without a code");
        HM_FUZZ_CHECK(response->errorMessage.size() <= kMaxResponseErrorMessage,
                      "error message size");
    }
}

bool identicalReports(const ReportMessage &a, const ReportMessage &b)
{
    if (a.seq != b.seq || a.timeMs != b.timeMs || a.containers != b.containers ||
        a.metrics.size() != b.metrics.size())
        return false;
    for (qsizetype i = 0; i < a.metrics.size(); ++i) {
        if (a.metrics[i].name != b.metrics[i].name ||
            std::memcmp(&a.metrics[i].value, &b.metrics[i].value, sizeof(double)) != 0)
            return false;
    }
    return true;
}

// The fast path's report against parseAgentMessage on `utf8`.
void checkFastReport(const ReportMessage &fast, const QByteArray &utf8)
{
    const auto slow = parseAgentMessage(utf8);
    HM_FUZZ_CHECK(slow.ok(), "the fast path read what parseAgentMessage refuses");
    const auto *report = std::get_if<ReportMessage>(&slow.value());
    HM_FUZZ_CHECK(report != nullptr, "the fast path read a report of another message");
    HM_FUZZ_CHECK(identicalReports(fast, *report), "the fast path read another report");
}

void checkFastPath(QByteArrayView frame)
{
    // Carried from input to input, as a connection's reader is.
    static ReportTextReader carried;
    ReportTextReader fresh;
    const auto fast = fresh.read(frame);
    const auto fastCarried = carried.read(frame);
    HM_FUZZ_CHECK(fast.has_value() == fastCarried.has_value(),
                  "the previous report's names changed the outcome");
    if (fast) {
        HM_FUZZ_CHECK(identicalReports(*fast, *fastCarried),
                      "the previous report's names changed the report");
        checkFastReport(*fast, frame.toByteArray());
    }
    const QString text = QString::fromUtf8(frame);
    ReportTextReader freshText;
    const auto fastText = freshText.read(QStringView(text));
    if (fastText)
        checkFastReport(*fastText, text.toUtf8());
    // Where the QString holds the same text (fromUtf8 drops a BOM and
    // replaces invalid bytes), both forms are read alike.
    HM_FUZZ_CHECK(fast.has_value() == fastText.has_value() || text.toUtf8() != frame,
                  "bytes and QString read differently");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView frame(reinterpret_cast<const char *>(data), qsizetype(size));
    checkFastPath(frame);
    auto parsed = parseAgentMessage(frame);
    if (!parsed) {
        const ErrorCode code = parsed.error().code;
        HM_FUZZ_CHECK(code == ErrorCode::ValidationError || code == ErrorCode::PayloadTooLarge,
                      "unexpected error code");
        HM_FUZZ_CHECK(code != ErrorCode::PayloadTooLarge || frame.size() > kMaxAgentMessageBytes,
                      "size limit below the limit");
        HM_FUZZ_CHECK(frame.size() <= kMaxAgentResponseBytes || code == ErrorCode::PayloadTooLarge,
                      "size limit");
        return 0;
    }
    HM_FUZZ_CHECK(frame.size() <= kMaxAgentMessageBytes ||
                      (frame.size() <= kMaxAgentResponseBytes &&
                       (std::holds_alternative<ResponseMessage>(parsed.value()) ||
                        std::holds_alternative<RequestMessage>(parsed.value()))),
                  "oversized frame accepted");
    checkLimits(parsed.value());
    auto again = parseAgentMessage(serializeAny(parsed.value()));
    HM_FUZZ_CHECK(again.ok(), "a serialised message does not parse");
    HM_FUZZ_CHECK(same(parsed.value(), again.value()), "round trip changed the message");
    return 0;
}
