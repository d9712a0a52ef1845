// BIRD's control-socket protocol (core/vpn/bird/BirdReply) on arbitrary
// bytes: what hivemind_bird reads from BIRD's socket. Oracles:
// - split invariance: the whole input, byte by byte, and cut at two points
//   chosen by the input give the same replies, the same spontaneous lines
//   and the same failure (with the same message);
// - a failure is NETWORK_ERROR, and a failed reader accepts nothing more;
// - every reply ends with its only "last" line; codes are 0..9999;
// - the wire form of the replies reads back as the same replies;
// - parseBirdReplies agrees with the reader (all complete replies, or a
//   failure when the input ends inside a reply or a line).

#include "FuzzCheck.h"
#include "vpn/bird/BirdReply.h"

using namespace hm;
using namespace hm::bird;

namespace {

struct FuzzBirdReplyRun
{
    bool ok = true;
    QString error;
    QList<BirdReply> replies;
    QStringList spontaneous;
    bool inReply = false;
};

FuzzBirdReplyRun fuzzBirdReplyFeed(QByteArrayView bytes, const QList<qsizetype> &cuts)
{
    BirdReplyReader reader;
    FuzzBirdReplyRun run;
    qsizetype from = 0;
    QList<qsizetype> all = cuts;
    all.append(bytes.size());
    for (const qsizetype cut : all) {
        if (!reader.feed(bytes.sliced(from, cut - from)))
            run.ok = false;
        run.replies += reader.takeReplies();
        run.spontaneous += reader.takeSpontaneous();
        from = cut;
    }
    if (!run.ok) {
        HM_FUZZ_CHECK(reader.failed(), "feed() said no but the reader has not failed");
        HM_FUZZ_CHECK(reader.error().code == ErrorCode::NetworkError, "unexpected error code");
        run.error = reader.error().message;
        HM_FUZZ_CHECK(!reader.feed("0000 \n") && !reader.hasReply(),
                      "a failed reader took more input");
    }
    run.inReply = reader.inReply();
    return run;
}

bool fuzzBirdReplySame(const FuzzBirdReplyRun &a, const FuzzBirdReplyRun &b)
{
    return a.ok == b.ok && a.error == b.error && a.replies == b.replies &&
           a.spontaneous == b.spontaneous && (!a.ok || a.inReply == b.inReply);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const FuzzBirdReplyRun whole = fuzzBirdReplyFeed(bytes, {});

    QList<qsizetype> each;
    if (size <= 4096) {
        for (qsizetype i = 1; i < bytes.size(); ++i)
            each.append(i);
        HM_FUZZ_CHECK(fuzzBirdReplySame(whole, fuzzBirdReplyFeed(bytes, each)),
                      "byte-by-byte feeding changed the result");
    }
    if (size >= 2) {
        qsizetype a = qsizetype(data[0]) * qsizetype(size) / 256;
        qsizetype b = qsizetype(data[size - 1]) * qsizetype(size) / 256;
        if (a > b)
            std::swap(a, b);
        HM_FUZZ_CHECK(fuzzBirdReplySame(whole, fuzzBirdReplyFeed(bytes, {a, b})),
                      "cutting the input changed the result");
    }

    QByteArray wire;
    for (const BirdReply &r : whole.replies) {
        HM_FUZZ_CHECK(!r.lines.isEmpty(), "an empty reply");
        for (const BirdLine &l : r.lines)
            HM_FUZZ_CHECK(l.code >= 0 && l.code <= 9999, "a code out of range");
        wire += r.toWire();
    }
    auto again = parseBirdReplies(wire);
    HM_FUZZ_CHECK(again.ok(), "the wire form of the replies does not read back");
    HM_FUZZ_CHECK(again.value() == whole.replies, "the wire form read back differently");

    auto direct = parseBirdReplies(bytes);
    const bool complete = whole.ok && !whole.inReply && (size == 0 || bytes.endsWith('\n'));
    HM_FUZZ_CHECK(direct.ok() == complete, "parseBirdReplies disagrees with the reader");
    if (direct.ok())
        HM_FUZZ_CHECK(direct.value() == whole.replies, "parseBirdReplies gave other replies");
    return 0;
}
