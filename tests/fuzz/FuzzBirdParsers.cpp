// `show protocols all` / `show route all` parsers (core/vpn/bird/BirdParsers)
// on every reply read from arbitrary bytes (BirdReply, as from BIRD's
// socket). Oracles:
// - a refusal is VALIDATION_ERROR carrying BIRD's code (error replies) or
//   NETWORK_ERROR (a reply the parser does not understand); an 8xxx/9xxx
//   reply is always refused, except 8001 (no route) which is no route;
// - every protocol has a name, and its route totals are the sum of its
//   channels'; every route has a prefix, a protocol and a table it was
//   listed under, its AS path has as many numbers as its text has;
// - determinism: the reply's wire form read back parses to the same result.

#include "FuzzCheck.h"
#include "vpn/bird/BirdParsers.h"

using namespace hm;
using namespace hm::bird;

namespace {

void fuzzBirdParsersCheckError(const BirdReply &reply, const Error &e)
{
    if (reply.isError()) {
        HM_FUZZ_CHECK(e.code == ErrorCode::ValidationError, "an error reply not refused as such");
        HM_FUZZ_CHECK(e.details.value(QStringLiteral("birdCode")).toInt() == reply.code(),
                      "the refusal lost BIRD's code");
    } else {
        HM_FUZZ_CHECK(e.code == ErrorCode::NetworkError, "unexpected error code");
    }
}

QString fuzzBirdParsersProtocols(const BirdReply &reply)
{
    auto list = parseBirdProtocols(reply);
    if (!list) {
        fuzzBirdParsersCheckError(reply, list.error());
        return QStringLiteral("error:") + list.error().message;
    }
    HM_FUZZ_CHECK(!reply.isError(), "an error reply parsed as protocols");
    QString digest;
    for (const BirdProtocol &p : *list) {
        HM_FUZZ_CHECK(!p.name.isEmpty(), "a protocol without a name");
        BirdRouteStats sum;
        for (const BirdChannel &c : p.channels) {
            sum.imported += c.routes.imported;
            sum.filtered += c.routes.filtered;
            sum.exported += c.routes.exported;
            sum.preferred += c.routes.preferred;
        }
        HM_FUZZ_CHECK(sum == p.routes, "protocol totals are not the channels' sum");
        digest +=
            QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9|")
                .arg(p.name, p.proto, p.table, p.state, p.since.toString(Qt::ISODateWithMs), p.info,
                     p.bgpState, p.neighborAddress, p.lastError) +
            QStringLiteral("%1|%2|%3;").arg(p.neighborAs).arg(p.localAs).arg(p.channels.size());
    }
    return digest;
}

QString fuzzBirdParsersRoutes(const BirdReply &reply)
{
    auto routes = parseBirdRoutes(reply);
    if (!routes) {
        fuzzBirdParsersCheckError(reply, routes.error());
        return QStringLiteral("error:") + routes.error().message;
    }
    HM_FUZZ_CHECK(!reply.isError() || reply.code() == code::RouteNotFound,
                  "an error reply parsed as routes");
    QString digest;
    for (const BirdRoute &r : *routes) {
        HM_FUZZ_CHECK(!r.prefix.isEmpty() && !r.protocol.isEmpty() && !r.type.isEmpty(),
                      "a route without prefix, protocol or type");
        HM_FUZZ_CHECK(r.preference >= 0, "a negative preference");
        digest += QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9;")
                      .arg(r.table, r.prefix, r.type, r.protocol)
                      .arg(r.primary)
                      .arg(r.preference)
                      .arg(r.nextHops.size())
                      .arg(r.asPath.size())
                      .arg(r.communities.size() + r.largeCommunities.size());
    }
    return digest;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256 * 1024)
        return 0;
    BirdReplyReader reader;
    reader.feed(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    for (const BirdReply &reply : reader.takeReplies()) {
        const QString protocols = fuzzBirdParsersProtocols(reply);
        const QString routes = fuzzBirdParsersRoutes(reply);
        auto again = parseBirdReplies(reply.toWire());
        HM_FUZZ_CHECK(again.ok() && again->size() == 1, "a reply's wire form does not read back");
        HM_FUZZ_CHECK(fuzzBirdParsersProtocols(again->first()) == protocols,
                      "protocols differ after a round trip");
        HM_FUZZ_CHECK(fuzzBirdParsersRoutes(again->first()) == routes,
                      "routes differ after a round trip");
    }
    return 0;
}
