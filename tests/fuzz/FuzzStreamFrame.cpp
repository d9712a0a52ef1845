// The binary stream frames of /ws/agent (core/fleet/StreamFrame): a
// terminal's bytes and credits, parsed by the server from agents and by
// hivemind-agent from the server. Oracles:
// - every refusal is VALIDATION_ERROR;
// - an accepted frame keeps the limits (channel ≠ 0, 1 … kMaxStreamPayload
//   data bytes, a credit of 1 … kStreamWindow);
// - stability: an accepted frame serialised again is the same bytes.

#include "FuzzCheck.h"
#include "fleet/StreamFrame.h"

using namespace hm;
using namespace hm::fleet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto parsed = parseStreamFrame(bytes);
    if (!parsed) {
        HM_FUZZ_CHECK(parsed.error().code == ErrorCode::ValidationError, "unexpected error code");
        return 0;
    }
    const StreamFrame &frame = parsed.value();
    HM_FUZZ_CHECK(frame.channel != 0, "channel 0 accepted");
    if (frame.kind == StreamFrame::Kind::Data)
        HM_FUZZ_CHECK(!frame.data.isEmpty() && frame.data.size() <= kMaxStreamPayload,
                      "data size");
    if (frame.kind == StreamFrame::Kind::Credit)
        HM_FUZZ_CHECK(frame.credit >= 1 && frame.credit <= quint32(kStreamWindow), "credit");
    HM_FUZZ_CHECK(serialize(frame) == bytes.toByteArray(), "round trip changed the frame");
    return 0;
}
