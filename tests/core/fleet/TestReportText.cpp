// ReportTextReader (core/fleet/ReportText.h) reads an agent's report
// straight from the frame and declines everything else to
// parseAgentMessage. Whatever it accepts must be exactly what
// parseAgentMessage gives for the same text (same sequence, time, names in
// the same order, the same bits of every value), on the UTF-8 bytes and on
// the QString the WebSocket hands over, with or without the names it
// remembers from the previous report. Checked on hand-picked corner cases,
// on thousands of generated reports and on thousands of random mutations of
// them, in the style of TestFlowDefinitionText.

#include "fleet/AgentProtocol.h"
#include "fleet/ReportText.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <cfloat>
#include <cmath>
#include <cstring>

using namespace hm;
using namespace hm::fleet;

namespace {

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// Empty when equal, else what differs.
QString reportDifference(const ReportMessage &a, const ReportMessage &b)
{
    if (a.seq != b.seq || a.timeMs != b.timeMs)
        return QStringLiteral("different seq or time");
    if (a.containers.has_value() != b.containers.has_value() ||
        (a.containers && *a.containers != *b.containers))
        return QStringLiteral("different containers");
    if (a.metrics.size() != b.metrics.size())
        return QStringLiteral("different value counts");
    for (qsizetype i = 0; i < a.metrics.size(); ++i) {
        if (a.metrics[i].name != b.metrics[i].name)
            return QStringLiteral("different name at %1").arg(i);
        if (!sameBits(a.metrics[i].value, b.metrics[i].value))
            return QStringLiteral("different value of %1").arg(a.metrics[i].name);
    }
    return {};
}

// What the fast reader accepted against parseAgentMessage on `utf8`.
QString againstParser(const ReportMessage &fast, const QByteArray &utf8)
{
    const auto slow = parseAgentMessage(utf8);
    if (!slow)
        return QStringLiteral("read what parseAgentMessage refuses: ") + slow.error().message;
    const auto *report = std::get_if<ReportMessage>(&slow.value());
    if (!report)
        return QStringLiteral("read a report where parseAgentMessage reads another type");
    return reportDifference(fast, *report);
}

// Empty when the fast reader agrees with parseAgentMessage on `text`.
// `carried` has read the texts before this one (its remembered names must
// not change the outcome); `*fastRead` tells whether the fast path took it.
QString difference(const QByteArray &text, ReportTextReader &carried, bool *fastRead = nullptr)
{
    ReportTextReader fresh;
    const auto fast = fresh.read(QByteArrayView(text));
    const auto fastCarried = carried.read(QByteArrayView(text));
    if (fastRead)
        *fastRead = fast.has_value();
    if (fast.has_value() != fastCarried.has_value())
        return QStringLiteral("the previous report's names changed the outcome");
    if (fast) {
        if (QString d = reportDifference(*fast, *fastCarried); !d.isEmpty())
            return QStringLiteral("with the previous report's names: ") + d;
        if (QString d = againstParser(*fast, text); !d.isEmpty())
            return d;
    }
    // As AgentFeed gets it: the QString of a text frame, which it used to
    // turn back into UTF-8 for parseAgentMessage.
    const QString frame = QString::fromUtf8(text);
    ReportTextReader freshText;
    const auto fastText = freshText.read(QStringView(frame));
    if (fastText) {
        if (QString d = againstParser(*fastText, frame.toUtf8()); !d.isEmpty())
            return QStringLiteral("QString: ") + d;
    }
    // Where the QString holds the same text (QString::fromUtf8 drops a BOM
    // and replaces invalid bytes), both forms must be read alike.
    if (frame.toUtf8() == text && fast.has_value() != fastText.has_value())
        return QStringLiteral("bytes and QString read differently");
    return {};
}

// The names a real agent sends (agent/LinuxMetricsCollector.cpp), and some
// of every character the protocol allows.
QStringList realisticNames()
{
    QStringList names{QStringLiteral("cpu_usage")};
    for (int core = 0; core < 12; ++core)
        names << QStringLiteral("cpu.%1").arg(core);
    names << QStringLiteral("load_avg_1") << QStringLiteral("load_avg_5")
          << QStringLiteral("load_avg_15") << QStringLiteral("memory_total")
          << QStringLiteral("memory_used") << QStringLiteral("swap_used")
          << QStringLiteral("disk_read_bps") << QStringLiteral("net.eth0.rx_bps")
          << QStringLiteral("net.eth0:1.tx_bps") << QStringLiteral("network_in")
          << QStringLiteral("tcp_connections") << QStringLiteral("processes")
          << QStringLiteral("uptime") << QStringLiteral("disk.var-lib.used")
          << QStringLiteral("temp.thermal_zone0") << QString(64, u'z');
    return names;
}

double randomValue(QRandomGenerator &random)
{
    switch (random.bounded(10)) {
    case 0:
        return double(random.bounded(1000));
    case 1:
        return -double(random.bounded(1000000));
    case 2:
        return double(qint64(random.generate64() >> 11)); // up to 2^53
    case 3:
        return random.generateDouble() * 100;
    case 4:
        return std::ldexp(random.generateDouble(), int(random.bounded(2000)) - 1000);
    case 5:
        return -std::ldexp(random.generateDouble(), int(random.bounded(200)) - 100);
    case 6:
        return double(random.bounded(10000)) / 100;
    case 7: {
        static const double edges[] = {0.0,     -0.0,   DBL_MAX, -DBL_MAX, DBL_MIN,
                                       5e-324,  1e-310, 1e300,   1e-300,   9007199254740993.0,
                                       1e19,    -1e19,  0.1,     1e21,     123456789012345680.0};
        return edges[random.bounded(int(std::size(edges)))];
    }
    default:
        return 512e9 + random.generateDouble() * 1e9;
    }
}

ReportMessage randomReport(QRandomGenerator &random, const QStringList &names)
{
    ReportMessage report;
    report.seq = 1 + qint64(random.generate64() % (qint64(1) << 53));
    if (random.bounded(4) == 0)
        report.seq = 1 + random.bounded(100);
    report.timeMs = 946684800000LL + qint64(random.generate64() % 10'000'000'000'000LL);
    for (const QString &name : names) {
        if (random.bounded(8) != 0)
            report.metrics.append({name, randomValue(random)});
    }
    return report;
}

// A report written as agents write it, or indented as a person might.
QByteArray written(const ReportMessage &report, bool indented)
{
    if (!indented)
        return serialize(report);
    return QJsonDocument::fromJson(serialize(report)).toJson(QJsonDocument::Indented);
}

QByteArray canonical()
{
    return R"({"metrics":{"cpu.0":10,"cpu_usage":12.5,"disk.root.used":53000000000,)"
           R"("load_avg_1":0.25,"memory_used":4194304,"temp.x86_pkg_temp":41},)"
           R"("seq":8,"time_ms":1764000000000,"type":"report"})";
}

} // namespace

class TestReportText : public QObject
{
    Q_OBJECT

private slots:
    // What agents send is read directly, and read as parseAgentMessage
    // reads it.
    void agentReportsReadDirectly()
    {
        QRandomGenerator random(35);
        ReportTextReader carried;
        const QStringList names = realisticNames();
        for (int i = 0; i < 200; ++i) {
            ReportMessage report = randomReport(random, names);
            // Values Qt may read otherwise are the fallback's (below).
            for (MetricValue &m : report.metrics) {
                if (m.value == 0 || std::fabs(m.value) < DBL_MIN)
                    m.value = 1;
            }
            const QByteArray text = serialize(report);
            bool fastRead = false;
            const QString diff = difference(text, carried, &fastRead);
            QVERIFY2(diff.isEmpty(), qPrintable(diff + u'\n' + QString::fromUtf8(text)));
            QVERIFY2(fastRead, text.constData());
        }
        ReportTextReader reader;
        const auto report = reader.read(QStringView(QString::fromLatin1(canonical())));
        QVERIFY(report.has_value());
        QCOMPARE(report->seq, qint64(8));
        QCOMPARE(report->timeMs, 1764000000000LL);
        QCOMPARE(report->metrics.size(), qsizetype(6));
        QCOMPARE(report->metrics.first(), (MetricValue{QStringLiteral("cpu.0"), 10}));
        QCOMPARE(report->metrics.last(), (MetricValue{QStringLiteral("temp.x86_pkg_temp"), 41}));
        QVERIFY(!report->containers.has_value());
    }

    // An agent sends the same names report after report: the second shares
    // the first's strings; a change of names is read all the same.
    void namesAreSharedWhileUnchanged()
    {
        ReportTextReader reader;
        const auto first = reader.read(QStringView(QString::fromLatin1(canonical())));
        QByteArray next = canonical();
        next.replace("\"seq\":8", "\"seq\":9");
        const auto second = reader.read(QStringView(QString::fromLatin1(next)));
        QVERIFY(first && second);
        QCOMPARE(second->seq, qint64(9));
        for (qsizetype i = 0; i < first->metrics.size(); ++i)
            QCOMPARE(second->metrics[i].name.constData(), first->metrics[i].name.constData());
        QByteArray renamed = next;
        renamed.replace("\"cpu_usage\"", "\"cpu_usagf\"");
        const auto third = reader.read(QByteArrayView(renamed));
        QVERIFY(third.has_value());
        QCOMPARE(third->metrics[1].name, QStringLiteral("cpu_usagf"));
        QCOMPARE(third->metrics[0].name.constData(), first->metrics[0].name.constData());
        QByteArray fewer = next;
        fewer.replace("\"cpu.0\":10,", "");
        const auto fourth = reader.read(QByteArrayView(fewer));
        QVERIFY(fourth.has_value());
        QCOMPARE(fourth->metrics.size(), qsizetype(5));
        QCOMPARE(fourth->metrics[0].name, QStringLiteral("cpu_usage"));
    }

    // The acknowledgement AgentFeed writes without a QJsonObject is the
    // serialised one, and parses as one.
    void ackTextIsTheSerialisedAck()
    {
        for (const qint64 seq : {qint64(0), qint64(1), qint64(42), qint64(1) << 53}) {
            QCOMPARE(ackText(seq), QString::fromUtf8(serialize(AckMessage{seq})));
            const auto parsed = parseAgentMessage(ackText(seq).toUtf8());
            QVERIFY(parsed.ok());
            QCOMPARE(std::get<AckMessage>(parsed.value()).seq, seq);
        }
    }

    void cornerCases_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("direct"); // the fast path takes it
        const QByteArray head = R"({"type":"report","seq":1,"time_ms":1764000000000,"metrics":)";
        const auto with = [&](const QByteArray &metrics) { return head + metrics + '}'; };
        QTest::newRow("canonical") << canonical() << true;
        QTest::newRow("type first") << with(R"({"a":1})") << true;
        QTest::newRow("no values") << with("{}") << true;
        QTest::newRow("spaces") << QByteArray(" \t\r\n{ \"type\" : \"report\" , \"seq\" : 1 ,"
                                              "\"time_ms\":1764000000000,\"metrics\": { \"a\" : "
                                              "1 , \"b\" : -2.5e-3 } } \n")
                                << true;
        QTest::newRow("seq 2^53") << QByteArray(R"({"type":"report","seq":9007199254740992,)"
                                                R"("time_ms":1764000000000,"metrics":{}})")
                                  << true;
        QTest::newRow("seq as 1.0") << QByteArray(R"({"type":"report","seq":1.0,)"
                                                  R"("time_ms":1764000000000,"metrics":{}})")
                                    << true;
        QTest::newRow("seq as 1e2") << QByteArray(R"({"type":"report","seq":1e2,)"
                                                  R"("time_ms":1764000000000,"metrics":{}})")
                                    << true;
        QTest::newRow("integer zero") << with(R"({"a":0,"b":-0})") << true;
        QTest::newRow("64-character name") << with("{\"" + QByteArray(64, 'a') + "\":1}") << true;
        QTest::newRow("big integer") << with(R"({"a":123456789012345678901234567890})") << true;
        QTest::newRow("int64 edge") << with(R"({"a":9223372036854775807,"b":-9223372036854775808,)"
                                            R"("c":9223372036854775808})")
                                    << true;
        // Declined: parseAgentMessage refuses them, or takes a quirk.
        // Qt reads it as a 64-bit integer and integerAt takes its double,
        // 2^53: both readers give seq 2^53.
        QTest::newRow("seq 2^53 + 1") << QByteArray(R"({"type":"report","seq":9007199254740993,)"
                                                    R"("time_ms":1764000000000,"metrics":{}})")
                                      << true;
        QTest::newRow("seq 0") << QByteArray(R"({"type":"report","seq":0,)"
                                             R"("time_ms":1764000000000,"metrics":{}})")
                               << false;
        QTest::newRow("seq 1.5") << QByteArray(R"({"type":"report","seq":1.5,)"
                                               R"("time_ms":1764000000000,"metrics":{}})")
                                 << false;
        QTest::newRow("seq text") << QByteArray(R"({"type":"report","seq":"1",)"
                                                R"("time_ms":1764000000000,"metrics":{}})")
                                  << false;
        QTest::newRow("time before 2000") << QByteArray(R"({"type":"report","seq":1,)"
                                                        R"("time_ms":946684799999,"metrics":{}})")
                                          << false;
        QTest::newRow("no seq") << QByteArray(R"({"type":"report","time_ms":1764000000000,)"
                                              R"("metrics":{}})")
                                << false;
        QTest::newRow("no metrics") << QByteArray(R"({"type":"report","seq":1,)"
                                                  R"("time_ms":1764000000000})")
                                    << false;
        QTest::newRow("metrics array") << with("[]") << false;
        QTest::newRow("negative zero fraction") << with(R"({"a":-0.0})") << false;
        QTest::newRow("negative zero exponent") << with(R"({"a":-0e1})") << false;
        QTest::newRow("subnormal") << with(R"({"a":5e-324})") << false;
        QTest::newRow("underflow") << with(R"({"a":1e-400})") << false;
        QTest::newRow("overflow") << with(R"({"a":1e400})") << false;
        QTest::newRow("long number") << with("{\"a\":0." + QByteArray(60, '1') + '}') << false;
        QTest::newRow("leading zero") << with(R"({"a":01})") << false;
        QTest::newRow("bare point") << with(R"({"a":1.})") << false;
        QTest::newRow("plus sign") << with(R"({"a":+1})") << false;
        QTest::newRow("null value") << with(R"({"a":null})") << false;
        QTest::newRow("true value") << with(R"({"a":true})") << false;
        QTest::newRow("text value") << with(R"({"a":"1"})") << false;
        QTest::newRow("object value") << with(R"({"a":{}})") << false;
        QTest::newRow("names out of order") << with(R"({"b":1,"a":2})") << false;
        QTest::newRow("name twice") << with(R"({"a":1,"a":2})") << false;
        QTest::newRow("prefix after longer") << with(R"({"ab":1,"a":2})") << false;
        QTest::newRow("escaped name") << with(R"({"cpu\u005fusage":1})") << false;
        QTest::newRow("upper-case name") << with(R"({"Cpu":1})") << false;
        QTest::newRow("space in name") << with(R"({"a b":1})") << false;
        QTest::newRow("empty name") << with(R"({"":1})") << false;
        QTest::newRow("65-character name") << with("{\"" + QByteArray(65, 'a') + "\":1}") << false;
        QTest::newRow("non-ASCII name") << with("{\"caf\xc3\xa9\":1}") << false;
        QTest::newRow("invalid UTF-8") << with("{\"caf\xe9\":1}") << false;
        QTest::newRow("NUL in name") << with(QByteArray("{\"a\0b\":1}", 9)) << false;
        QTest::newRow("containers") << QByteArray(R"({"containers":[],"type":"report","seq":1,)"
                                                  R"("time_ms":1764000000000,"metrics":{}})")
                                    << false;
        QTest::newRow("unknown member") << QByteArray(R"({"type":"report","seq":1,"x":1,)"
                                                      R"("time_ms":1764000000000,"metrics":{}})")
                                        << false;
        QTest::newRow("type twice") << QByteArray(R"({"type":"ack","type":"report","seq":1,)"
                                                  R"("time_ms":1764000000000,"metrics":{}})")
                                    << false;
        QTest::newRow("seq twice") << QByteArray(R"({"type":"report","seq":1,"seq":2,)"
                                                 R"("time_ms":1764000000000,"metrics":{}})")
                                   << false;
        QTest::newRow("ack") << QByteArray(R"({"type":"ack","seq":1})") << false;
        QTest::newRow("escaped type") << QByteArray(R"({"type":"repor\u0074","seq":1,)"
                                                    R"("time_ms":1764000000000,"metrics":{}})")
                                      << false;
        QTest::newRow("type number") << QByteArray(R"({"type":1,"seq":1,)"
                                                   R"("time_ms":1764000000000,"metrics":{}})")
                                     << false;
        QTest::newRow("trailing garbage") << canonical() + "x" << false;
        QTest::newRow("trailing comma") << with(R"({"a":1,})") << false;
        QTest::newRow("second object") << canonical() + "{}" << false;
        // Declined on the bytes; QString::fromUtf8 drops it, and the QString
        // is then read like the text without it.
        // Declined on the bytes; QString::fromUtf8 drops it, and the QString is
        // then read like the text without it (what AgentFeed parsed before too).
        QTest::newRow("BOM") << "\xef\xbb\xbf" + canonical() << false;
        QTest::newRow("form feed") << "\f" + canonical() << false;
        QTest::newRow("cut short") << canonical().chopped(1) << false;
        QTest::newRow("empty") << QByteArray() << false;
        QByteArray many = "{";
        for (int i = 0; i < kMaxReportValues + 1; ++i)
            many += QByteArray("\"m") + QByteArray::number(100000 + i) + "\":1,";
        many.chop(1);
        many += '}';
        QTest::newRow("513 values") << with(many) << false;
        QByteArray enough = many;
        enough.truncate(enough.lastIndexOf(','));
        enough += '}';
        QTest::newRow("512 values") << with(enough) << true;
        QByteArray padded = with(R"({"a":1})");
        padded.insert(1, QByteArray(kMaxAgentMessageBytes, ' '));
        QTest::newRow("too large") << padded << false;
    }

    void cornerCases()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, direct);
        ReportTextReader carried;
        carried.read(QByteArrayView(canonical()));
        bool fastRead = false;
        const QString diff = difference(text, carried, &fastRead);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(fastRead, direct);
    }

    // Generated reports, compact and indented: every one the fast path
    // takes agrees; the rest are parseAgentMessage's quirks (-0.0,
    // subnormals) or refusals.
    void generatedReportsAgree()
    {
        QRandomGenerator random(20261128);
        ReportTextReader carried;
        const QStringList names = realisticNames();
        int direct = 0;
        for (int round = 0; round < 3000; ++round) {
            const QByteArray text = written(randomReport(random, names), round % 3 == 0);
            bool fastRead = false;
            const QString diff = difference(text, carried, &fastRead);
            if (!diff.isEmpty())
                QFAIL(qPrintable(diff + u'\n' + QString::fromUtf8(text)));
            direct += fastRead ? 1 : 0;
        }
        QVERIFY2(direct > 1500, qPrintable(QString::number(direct)));
    }

    // Random byte edits of reports: most break the JSON or the shape, some
    // do not; none may make the two readers disagree.
    void randomMutationsAgree()
    {
        QRandomGenerator random(20261129);
        const QByteArray alphabet =
            QByteArrayLiteral("{}[]\":,.-+eE0123456789 \t\n\\u/abcz_AZ") + "\xc3\xa9" + '\0';
        ReportTextReader carried;
        const QStringList names = realisticNames();
        int direct = 0;
        int acceptedOnlyByParser = 0;
        int refused = 0;
        for (int round = 0; round < 6000; ++round) {
            QByteArray text = written(randomReport(random, names.mid(0, 8)), round % 5 == 0);
            const int edits = 1 + int(random.bounded(3));
            for (int e = 0; e < edits; ++e) {
                const auto at = qsizetype(random.bounded(quint32(text.size())));
                const char c = alphabet.at(qsizetype(random.bounded(quint32(alphabet.size()))));
                switch (random.bounded(3)) {
                case 0:
                    text[at] = c;
                    break;
                case 1:
                    text.insert(at, c);
                    break;
                default:
                    text.remove(at, 1 + qsizetype(random.bounded(4)));
                    break;
                }
            }
            bool fastRead = false;
            const QString diff = difference(text, carried, &fastRead);
            if (!diff.isEmpty())
                QFAIL(qPrintable(diff + u'\n' + QString::fromUtf8(text)));
            const bool accepted = parseAgentMessage(text).ok();
            direct += fastRead ? 1 : 0;
            acceptedOnlyByParser += accepted && !fastRead ? 1 : 0;
            refused += accepted ? 0 : 1;
        }
        // Every kind occurred.
        QVERIFY2(direct > 300, qPrintable(QString::number(direct)));
        QVERIFY2(acceptedOnlyByParser > 30, qPrintable(QString::number(acceptedOnlyByParser)));
        QVERIFY2(refused > 1000, qPrintable(QString::number(refused)));
    }
};

QTEST_GUILESS_MAIN(TestReportText)
#include "TestReportText.moc"
