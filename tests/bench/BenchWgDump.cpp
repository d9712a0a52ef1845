// `wg show <if> dump` of 10,000 peers (issue 36: status of 10,000 peers in
// under 200 ms including the history write, so the parse should be a small
// part of that). The dump is generated like wg prints it: IPv4 endpoints
// and two allowed-ips (an IPv4 /32 and an IPv6 /128) per peer, every
// fourth peer with a preshared key, every tenth without an endpoint.
//
// - BM_WgDumpParse: core/vpn parseWgDump (tab split over the bytes, no
//   regular expressions, allowed-ips parsed to addresses).
// - BM_WgDumpAllParse: the same peers in the `wg show all dump` form.
// - BM_NaiveSplitRegexParse: the reference, measured in the same run: the
//   obvious code (QString::fromUtf8, QString::split on lines and tabs, a
//   QRegularExpression per endpoint and allowed-ip, QHostAddress from
//   QString), producing the same fields.

#include "vpn/WgDump.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <benchmark/benchmark.h>

using namespace hm::vpn;

namespace {

QByteArray benchWgKey(int i, char salt)
{
    return QByteArray::number(i).rightJustified(31, salt).append('k').toBase64();
}

QByteArray benchWgDump(int peers, bool all)
{
    const QByteArray prefix = all ? QByteArray("wg0\t") : QByteArray();
    QByteArray text;
    text.reserve(peers * 200);
    text += prefix + benchWgKey(0, 'p') + '\t' + benchWgKey(0, 'q') + "\t51820\toff\n";
    for (int i = 0; i < peers; ++i) {
        text += prefix + benchWgKey(i, 'k') + '\t' +
                (i % 4 == 0 ? benchWgKey(i, 's') : QByteArray("(none)")) + '\t';
        if (i % 10 == 0)
            text += "(none)";
        else
            text += "198.51." + QByteArray::number(i / 250 % 256) + '.' +
                    QByteArray::number(i % 250) + ':' + QByteArray::number(1024 + i);
        text += "\t10." + QByteArray::number(i / 250) + '.' + QByteArray::number(i % 250) +
                ".2/32,fd00:8::" + QByteArray::number(i, 16) + "/128\t" +
                QByteArray::number(1764201600 + i) + '\t' + QByteArray::number(qint64(i) * 4096) +
                '\t' + QByteArray::number(qint64(i) * 777) + '\t' +
                (i % 3 == 0 ? QByteArray("25") : QByteArray("off")) + '\n';
    }
    return text;
}

void BM_WgDumpParse(benchmark::State &state)
{
    const int peers = int(state.range(0));
    const QByteArray text = benchWgDump(peers, false);
    const QString name = QStringLiteral("wg0");
    for (auto _ : state) {
        auto dump = parseWgDump(text, name);
        if (!dump.ok() || dump->peers.size() != peers) {
            state.SkipWithError("parse failed");
            break;
        }
        benchmark::DoNotOptimize(dump->peers.data());
    }
    state.SetItemsProcessed(state.iterations() * peers);
    state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_WgDumpParse)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_WgDumpAllParse(benchmark::State &state)
{
    const int peers = int(state.range(0));
    const QByteArray text = benchWgDump(peers, true);
    for (auto _ : state) {
        auto dump = parseWgDumpAll(text);
        if (!dump.ok() || dump->peers.size() != peers) {
            state.SkipWithError("parse failed");
            break;
        }
        benchmark::DoNotOptimize(dump->peers.data());
    }
    state.SetItemsProcessed(state.iterations() * peers);
}
BENCHMARK(BM_WgDumpAllParse)->Arg(10000)->Unit(benchmark::kMillisecond);

// The reference: what one writes first.
bool naiveWgDumpParse(const QByteArray &bytes, WgDump &dump)
{
    static const QRegularExpression endpointRe(QStringLiteral(R"(^\[?([^\]]+)\]?:(\d+)$)"));
    static const QRegularExpression cidrRe(QStringLiteral(R"(^([0-9a-fA-F.:]+)/(\d+)$)"));
    const QStringList lines = QString::fromUtf8(bytes).split(u'\n', Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return false;
    const QStringList head = lines[0].split(u'\t');
    if (head.size() != 4)
        return false;
    WgDumpInterface in;
    in.name = QStringLiteral("wg0");
    in.publicKey = head[1];
    in.listenPort = quint16(head[2].toUInt());
    dump.interfaces.append(in);
    for (qsizetype l = 1; l < lines.size(); ++l) {
        const QStringList f = lines[l].split(u'\t');
        if (f.size() != 8)
            return false;
        WgDumpPeer peer;
        peer.interfaceName = in.name;
        peer.publicKey = f[0];
        peer.hasPresharedKey = f[1] != u"(none)";
        if (f[2] != u"(none)") {
            const auto m = endpointRe.match(f[2]);
            if (!m.hasMatch())
                return false;
            peer.endpointHost = m.captured(1);
            peer.endpointPort = quint16(m.captured(2).toUInt());
        }
        if (f[3] != u"(none)") {
            for (const QString &item : f[3].split(u',')) {
                const auto m = cidrRe.match(item);
                if (!m.hasMatch())
                    return false;
                peer.allowedIps.append(WgCidr{QHostAddress(m.captured(1)), m.captured(2).toInt()});
            }
        }
        peer.latestHandshake = f[4].toLongLong();
        peer.transferRx = f[5].toULongLong();
        peer.transferTx = f[6].toULongLong();
        peer.persistentKeepalive = f[7] == u"off" ? 0 : quint16(f[7].toUInt());
        dump.peers.append(peer);
    }
    return true;
}

void BM_NaiveSplitRegexParse(benchmark::State &state)
{
    const int peers = int(state.range(0));
    const QByteArray text = benchWgDump(peers, false);
    // Same result as the product parser, or the comparison means nothing.
    {
        WgDump naive;
        const auto product = parseWgDump(text, QStringLiteral("wg0"));
        if (!naiveWgDumpParse(text, naive) || !product.ok() || naive.peers != product->peers) {
            state.SkipWithError("the reference parses differently");
            return;
        }
    }
    for (auto _ : state) {
        WgDump dump;
        if (!naiveWgDumpParse(text, dump)) {
            state.SkipWithError("parse failed");
            break;
        }
        benchmark::DoNotOptimize(dump.peers.data());
    }
    state.SetItemsProcessed(state.iterations() * peers);
}
BENCHMARK(BM_NaiveSplitRegexParse)->Arg(10000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
