// Envelope encryption cost for a typical credential-sized payload (1 KiB):
// the per-request overhead the server pays to read or write a secret.
#include "crypto/Envelope.h"
#include "crypto/Random.h"

#include <QLoggingCategory>
#include <benchmark/benchmark.h>

using namespace hm::crypto;

namespace {

constexpr qsizetype kPayloadBytes = 1024;

// Each run creates a DEK and logs it; keep the report readable without
// replacing BENCHMARK_MAIN.
const bool kQuiet = [] {
    QLoggingCategory::setFilterRules(QStringLiteral("hivemind.crypto.info=false"));
    return true;
}();

void BM_EnvelopeEncrypt1KiB(benchmark::State &state)
{
    InMemoryDekStorage storage;
    EnvelopeCipher cipher(SecureBytes::fromRaw(randomBytes(32)), storage);
    const QByteArray plaintext = randomBytes(kPayloadBytes);
    const QByteArray ad("credential-id");
    if (!cipher.encrypt(plaintext, DekPurpose::Credential, ad).ok()) { // creates the DEK
        state.SkipWithError("encrypt failed");
        return;
    }
    for (auto _ : state) {
        auto sealed = cipher.encrypt(plaintext, DekPurpose::Credential, ad);
        benchmark::DoNotOptimize(sealed);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * kPayloadBytes);
}

void BM_EnvelopeDecrypt1KiB(benchmark::State &state)
{
    InMemoryDekStorage storage;
    EnvelopeCipher cipher(SecureBytes::fromRaw(randomBytes(32)), storage);
    const QByteArray ad("credential-id");
    const auto sealed = cipher.encrypt(randomBytes(kPayloadBytes), DekPurpose::Credential, ad);
    if (!sealed.ok()) {
        state.SkipWithError("encrypt failed");
        return;
    }
    for (auto _ : state) {
        auto opened = cipher.decrypt(sealed.value(), DekPurpose::Credential, ad);
        benchmark::DoNotOptimize(opened);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * kPayloadBytes);
}

} // namespace

BENCHMARK(BM_EnvelopeEncrypt1KiB);
BENCHMARK(BM_EnvelopeDecrypt1KiB);

BENCHMARK_MAIN();
