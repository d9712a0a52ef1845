// `wg show <if> dump` / `wg show all dump` (core/vpn/WgDump) on arbitrary
// bytes: what the server reads from a wg process. Oracles:
// - every refusal is VALIDATION_ERROR "wg dump line N: ..." naming no
//   input text (an interface line holds the private key);
// - an accepted dump, written again the way wg prints it (with a
//   placeholder private key), parses to the same result in both forms;
// - the interface line's private-key column appears in no string of the
//   result, nor in its JSON, unless the input repeats it elsewhere;
// - parseWgDumpPeers() gives what the whole parse gives, filtered.

#include "FuzzCheck.h"
#include "vpn/WgDump.h"

#include <QJsonDocument>

using namespace hm;
using namespace hm::vpn;

namespace {

const QByteArray kFuzzPlaceholderKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

QByteArray fuzzWgEndpoint(const WgDumpPeer &peer)
{
    if (peer.endpointHost.isEmpty())
        return "(none)";
    const QByteArray host = peer.endpointHost.toLatin1();
    return (peer.endpointHost.contains(u':') ? '[' + host + ']' : host) + ':' +
           QByteArray::number(peer.endpointPort);
}

// The dump as wg prints it; all: with the interface name in front.
QByteArray fuzzWgWrite(const WgDump &dump, bool all)
{
    QByteArray out;
    for (const WgDumpInterface &in : dump.interfaces) {
        const QByteArray prefix = all ? in.name.toLatin1() + '\t' : QByteArray();
        out += prefix + kFuzzPlaceholderKey + '\t' +
               (in.publicKey.isEmpty() ? QByteArray("(none)") : in.publicKey.toLatin1()) + '\t' +
               QByteArray::number(in.listenPort) + '\t' +
               (in.fwMark == 0 ? QByteArray("off") : "0x" + QByteArray::number(in.fwMark, 16)) +
               '\n';
        for (const WgDumpPeer &peer : dump.peers) {
            if (peer.interfaceName != in.name)
                continue;
            QByteArray allowed;
            for (const WgCidr &cidr : peer.allowedIps)
                allowed += (allowed.isEmpty() ? "" : ",") + cidr.toString().toLatin1();
            out += prefix + peer.publicKey.toLatin1() + '\t' +
                   (peer.hasPresharedKey ? kFuzzPlaceholderKey : QByteArray("(none)")) + '\t' +
                   fuzzWgEndpoint(peer) + '\t' + (allowed.isEmpty() ? "(none)" : allowed) + '\t' +
                   QByteArray::number(peer.latestHandshake) + '\t' +
                   QByteArray::number(peer.transferRx) + '\t' +
                   QByteArray::number(peer.transferTx) + '\t' +
                   (peer.persistentKeepalive == 0 ? QByteArray("off")
                                                  : QByteArray::number(peer.persistentKeepalive)) +
                   '\n';
        }
    }
    return out;
}

void fuzzWgCheck(const QByteArray &bytes, const Result<WgDump> &dump, bool all)
{
    if (!dump) {
        HM_FUZZ_CHECK(dump.error().code == ErrorCode::ValidationError, "unexpected error code");
        HM_FUZZ_CHECK(dump.error().message.startsWith(QStringLiteral("wg dump line ")),
                      "an error without its line");
        const QString message = dump.error().message;
        const qsizetype colon = message.indexOf(u':');
        for (const QChar c : message.left(colon))
            HM_FUZZ_CHECK(c.isLetter() || c.isDigit() || c == u' ', "an error names input text");
        return;
    }
    const QByteArray written = fuzzWgWrite(*dump, all);
    const auto again =
        all ? parseWgDumpAll(written) : parseWgDump(written, dump->interfaces.value(0).name);
    HM_FUZZ_CHECK(again.ok(), "a written dump does not parse");
    HM_FUZZ_CHECK(*again == *dump, "write then parse changed the dump");

    // The private-key column of the interface line(s) is nowhere in the result.
    const QByteArray firstLine = bytes.left(bytes.indexOf('\n'));
    const QList<QByteArray> columns = firstLine.split('\t');
    const QByteArray privateKey = columns.value(all ? 1 : 0);
    if (privateKey.size() >= 8 && bytes.count(privateKey) == 1) {
        const QString key = QString::fromLatin1(privateKey);
        HM_FUZZ_CHECK(!QJsonDocument(wgDumpToJson(*dump)).toJson().contains(privateKey),
                      "the private key reached the JSON");
        for (const WgDumpInterface &in : dump->interfaces)
            HM_FUZZ_CHECK(!in.publicKey.contains(key) && !in.name.contains(key),
                          "the private key reached the result");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256 * 1024)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto single = parseWgDump(bytes, QStringLiteral("wg0"));
    fuzzWgCheck(bytes, single, false);
    fuzzWgCheck(bytes, parseWgDumpAll(bytes), true);
    // The few-peers fast path agrees with the whole parse on every dump the
    // whole parse accepts, asked for its first and last peers and one it
    // does not have.
    if (single) {
        QStringList wanted{QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB=")};
        if (!single->peers.isEmpty())
            wanted << single->peers.first().publicKey << single->peers.last().publicKey;
        WgDump expected = *single;
        expected.peers.removeIf(
            [&](const WgDumpPeer &peer) { return !wanted.contains(peer.publicKey); });
        const auto some = parseWgDumpPeers(bytes, QStringLiteral("wg0"), wanted);
        HM_FUZZ_CHECK(some.ok(), "the few-peers parse refused a dump the whole parse took");
        HM_FUZZ_CHECK(*some == expected, "the few-peers parse differs from the whole parse");
    }
    return 0;
}
