// Parse cost per request of server/http/HttpParser, socket-free: the bytes
// of the HTTP benchmarks' requests (tests/bench/http: wrk's health GET and
// the trigger POST with a bearer token and a JSON body), a chunked POST and
// 16 pipelined GETs, each copied into a fresh buffer as a socket read
// leaves it, parsed and taken. Only HttpParser's public interface is used,
// so the same file measures another parser behind that interface (issue
// 14: llhttp against the hand-written parser it replaced).

#include "server/http/HttpParser.h"

#include <benchmark/benchmark.h>

using hm::server::http::HttpParser;

namespace {

const QByteArray kHealth = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:18080\r\n\r\n";

// A token as long as the server's access tokens (HS256 JWT, ~300 bytes).
const QByteArray kToken =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJpc3MiOiJoaXZlbWluZCIsInN1YiI6IjAxOTM0ZjJhLTU1ZTAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMSIsInJvbGUi"
    "OiJBRE1JTiIsInR5cGUiOiJhY2Nlc3MiLCJpYXQiOjE3MzIyNzY4MDAsImV4cCI6MTczMjI3NzcwMCwianRpIjoiMDE5"
    "MzRmMmEtNTVlMC03MDAwLTgwMDAtMDAwMDAwMDAwMDAyIn0."
    "c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmE";

QByteArray trigger()
{
    const QByteArray body = R"({"input":{"value":42,"name":"benchmark"}})";
    return "POST /api/v1/flows/01934f2a-55e0-7000-8000-000000000003/trigger HTTP/1.1\r\n"
           "Host: 127.0.0.1:18080\r\n"
           "Content-Length: " +
           QByteArray::number(body.size()) +
           "\r\n"
           "Content-Type: application/json\r\n"
           "Authorization: Bearer " +
           kToken + "\r\n\r\n" + body;
}

QByteArray chunked()
{
    return "POST /api/v1/flows/01934f2a-55e0-7000-8000-000000000003/trigger HTTP/1.1\r\n"
           "Host: 127.0.0.1:18080\r\n"
           "Transfer-Encoding: chunked\r\n"
           "Content-Type: application/json\r\n\r\n"
           "10\r\n{\"input\":{\"value\r\n"
           "17\r\n\":42,\"name\":\"chunked\"}}\r\n"
           "0\r\n\r\n";
}

// Parses `bytes` (holding `requests` requests) once per iteration.
void parseAll(benchmark::State &state, const QByteArray &bytes, int requests)
{
    HttpParser parser({}, {});
    for (auto _ : state) {
        QByteArray buffer(bytes.constData(), bytes.size());
        for (int i = 0; i < requests; ++i) {
            if (parser.parse(buffer) != HttpParser::Step::Request) {
                state.SkipWithError("a benchmark request did not parse");
                return;
            }
            benchmark::DoNotOptimize(parser.takeRequest());
        }
    }
    state.SetItemsProcessed(state.iterations() * requests);
    state.SetBytesProcessed(state.iterations() * bytes.size());
}

void BM_ParseHealthGet(benchmark::State &state)
{
    parseAll(state, kHealth, 1);
}

void BM_ParseTriggerPost(benchmark::State &state)
{
    parseAll(state, trigger(), 1);
}

void BM_ParseChunkedPost(benchmark::State &state)
{
    parseAll(state, chunked(), 1);
}

void BM_ParsePipelinedGets(benchmark::State &state)
{
    parseAll(state, kHealth.repeated(16), 16);
}

} // namespace

BENCHMARK(BM_ParseHealthGet);
BENCHMARK(BM_ParseTriggerPost);
BENCHMARK(BM_ParseChunkedPost);
BENCHMARK(BM_ParsePipelinedGets);

BENCHMARK_MAIN();
