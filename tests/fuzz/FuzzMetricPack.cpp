// The packed metric history's decoders (core/fleet/MetricPack) on
// arbitrary bytes: what the server reads back from its own database, where
// a damaged page must not take it down. Oracles:
// - every refusal is DB_CORRUPT;
// - stability: a minute that decodes, written again sample by sample,
//   decodes to the same samples (times, sequence numbers, names and
//   values); resuming it and re-packing gives bytes that decode the same;
// - a bucket that decodes packs and decodes to the same statistics;
// - a BucketDecoder kept across inputs (reusing the names it decoded at
//   each place) judges and decodes every bucket as a fresh one does;
// - a day of buckets (MetricDayPack) that decodes packs and decodes to the
//   same buckets, and one that decodes whole also decodes for one metric.

#include "FuzzCheck.h"
#include "fleet/MetricDayPack.h"
#include "fleet/MetricPack.h"

using namespace hm;
using namespace hm::fleet;

namespace {

bool sameSamples(const QList<PackedSample> &a, const QList<PackedSample> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].timeMs != b[i].timeMs || a[i].seq != b[i].seq || a[i].metrics != b[i].metrics)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto minute = unpackMinute(bytes);
    if (!minute) {
        HM_FUZZ_CHECK(minute.error().code == ErrorCode::DbCorrupt, "unexpected error code");
    } else {
        MinutePackWriter writer;
        for (const PackedSample &s : minute.value())
            writer.append(s.timeMs, s.seq, s.metrics);
        auto again = unpackMinute(writer.packed());
        HM_FUZZ_CHECK(again.ok(), "a re-packed minute does not decode");
        HM_FUZZ_CHECK(sameSamples(minute.value(), again.value()), "round trip changed a minute");
        auto resumed = MinutePackWriter::resume(bytes);
        HM_FUZZ_CHECK(resumed.ok(), "a minute that decodes does not resume");
        auto fromResumed = unpackMinute(resumed.value().packed());
        HM_FUZZ_CHECK(fromResumed.ok() && sameSamples(minute.value(), fromResumed.value()),
                      "resume changed a minute");
    }
    auto day = unpackDay(0, bytes);
    HM_FUZZ_CHECK(day || day.error().code == ErrorCode::DbCorrupt, "unexpected error code");
    // Skipping the columns not asked for never refuses what all accept.
    BucketColumnsBuilder oneMetric({QStringLiteral("cpu_usage")}, 0, kSecondsPerDay);
    HM_FUZZ_CHECK(!day || oneMetric.addDay(0, bytes).ok(), "a day refused for one metric");
    if (day && !day.value().isEmpty()) {
        // The bucket length: the smallest step between the starts that
        // divides the day (any divisor of the day packs the same starts).
        qint64 length = kSecondsPerDay;
        const QList<qint64> starts = day.value().keys();
        for (const qint64 start : starts) {
            while (start % length != 0)
                --length;
        }
        while (kSecondsPerDay % length != 0)
            --length;
        const QByteArray packed = packDay(0, length, day.value());
        auto again = unpackDay(0, packed);
        HM_FUZZ_CHECK(again.ok(), "a re-packed day does not decode");
        HM_FUZZ_CHECK(again.value().keys() == starts, "round trip changed a day's buckets");
        HM_FUZZ_CHECK(packDay(0, length, again.value()) == packed, "round trip changed a day");
    }
    auto bucket = unpackBucket(bytes);
    static BucketDecoder carried;
    BucketStats viaCarried;
    const Status carriedStatus =
        carried.decode(bytes, [&viaCarried](const QString &name, const MetricStats &s) {
            viaCarried.insert(name, s);
        });
    HM_FUZZ_CHECK(carriedStatus.ok() == bucket.ok(), "a carried decoder judged a bucket otherwise");
    HM_FUZZ_CHECK(!bucket || viaCarried == bucket.value(), "a carried decoder decoded otherwise");
    if (!bucket) {
        HM_FUZZ_CHECK(bucket.error().code == ErrorCode::DbCorrupt, "unexpected error code");
        return 0;
    }
    auto again = unpackBucket(packBucket(bucket.value()));
    HM_FUZZ_CHECK(again.ok(), "a re-packed bucket does not decode");
    HM_FUZZ_CHECK(packBucket(again.value()) == packBucket(bucket.value()),
                  "round trip changed a bucket");
    return 0;
}
