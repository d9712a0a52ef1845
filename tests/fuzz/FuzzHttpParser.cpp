// HttpParser (server/http) on arbitrary request streams. Oracle: split
// invariance, as in TestHttpParser. The same bytes fed whole, one byte at a
// time and cut at two points taken from the input itself must give the same
// requests (method, target, path, keep-alive, headers, body) and the same
// failure. A parser that keeps its place between calls is exactly where a
// request boundary read two ways would hide (request smuggling). Plus: the
// parser consumes only what it reports; it never holds more than the head
// limit of unparsed head bytes without failing.

#include "FuzzCheck.h"
#include "server/http/HttpParser.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

using namespace hm;
using namespace hm::server::http;

namespace {

// Small limits, so that the limit paths are reachable by short inputs.
HttpParser::Limits limits()
{
    HttpParser::Limits l;
    l.maxHeadBytes = 2048;
    l.defaultBodyBytes = 4096;
    l.maxChunkExtensionBytes = 64;
    return l;
}

QString entryOf(const HttpRequest &request)
{
    QString entry =
        QString::fromLatin1(request.methodText()) + u' ' + QString::fromLatin1(request.target()) +
        u' ' + request.path() +
        (request.keepAlive() ? QStringLiteral(" keep-alive") : QStringLiteral(" close"));
    for (const auto &[name, value] : request.headers())
        entry +=
            u' ' + QString::fromLatin1(name.toHex()) + u':' + QString::fromLatin1(value.toHex());
    return entry + QStringLiteral(" body=") + QString::fromLatin1(request.body().toHex());
}

// What the parser makes of `bytes` cut before each offset in `cuts`.
QStringList run(const QByteArray &bytes, const QList<qsizetype> &cuts)
{
    HttpParser parser(limits(), [](const HttpRequest &) -> qsizetype { return 8192; });
    QStringList entries;
    QByteArray buffer;
    qsizetype from = 0;
    for (qsizetype i = 0; i <= cuts.size(); ++i) {
        const qsizetype to = i < cuts.size() ? cuts.at(i) : bytes.size();
        buffer.append(bytes.constData() + from, to - from);
        from = to;
        while (true) {
            const qsizetype before = buffer.size();
            const HttpParser::Step step = parser.parse(buffer);
            HM_FUZZ_CHECK(buffer.size() <= before, "the parser grew its input buffer");
            if (step == HttpParser::Step::Request) {
                entries.append(entryOf(parser.takeRequest()));
                continue;
            }
            if (step == HttpParser::Step::Failed) {
                const Error &error = parser.failure().error;
                entries.append(QStringLiteral("error %1 %2 %3")
                                   .arg(error.httpStatus())
                                   .arg(errorCodeName(error.code), error.message));
                return entries;
            }
            // Waiting for more: the unparsed rest of a head is bounded.
            if (parser.headPending())
                HM_FUZZ_CHECK(buffer.size() <= limits().maxHeadBytes + 2,
                              "head bytes beyond the limit kept without failing");
            break;
        }
    }
    if (parser.inRequest())
        entries.append(QStringLiteral("incomplete"));
    return entries;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Byte-at-a-time is quadratic at worst: keep inputs to what a head and
    // a small body need.
    if (size > 8192)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QStringList whole = run(bytes, {});

    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < bytes.size(); ++i)
        everyByte.append(i);
    HM_FUZZ_CHECK(run(bytes, everyByte) == whole, "byte-at-a-time differs from whole");

    if (bytes.size() >= 2) {
        // Two cut points derived from the content, so the fuzzer steers them.
        const auto a = static_cast<qsizetype>(static_cast<uint8_t>(bytes.front())) % bytes.size();
        const auto b =
            static_cast<qsizetype>(static_cast<uint8_t>(bytes.back())) * 7 % bytes.size();
        QList<qsizetype> cuts{std::min(a, b), std::max(a, b)};
        HM_FUZZ_CHECK(run(bytes, cuts) == whole, "split input differs from whole");
    }
    return 0;
}
