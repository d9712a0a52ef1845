// The ?wait=true answer is written as text directly (waitReplyBody); it is
// held here against the reference built from QJsonObjects and serialised by
// QJsonDocument, byte for byte, over hand-picked and random outcomes.

#include "server/services/engine/WaitOutcome.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace hm;
using namespace hm::server;

namespace {

QByteArray reference(const WaitOutcome &outcome, const QString &flowId, const QString &version,
                     bool timedOut)
{
    return QJsonDocument(waitReplyJson(outcome, flowId, version, timedOut))
        .toJson(QJsonDocument::Compact);
}

// Text that exercises escaping: quotes, backslashes, control characters,
// non-ASCII and a surrogate pair.
QString randomText(QRandomGenerator &random)
{
    static const QString alphabet = QStringLiteral("ab z09-_\"\\/\n\t\x01\u00e9\u4e2d\U0001F600");
    QString text;
    const int length = random.bounded(0, 12);
    for (int i = 0; i < length; ++i) {
        const int at = random.bounded(alphabet.size());
        text += alphabet.at(at);
        if (alphabet.at(at).isHighSurrogate() && at + 1 < alphabet.size())
            text += alphabet.at(at + 1);
    }
    return text;
}

QJsonValue randomValue(QRandomGenerator &random, int depth)
{
    switch (random.bounded(depth > 2 ? 5 : 7)) {
    case 0:
        return QJsonValue();
    case 1:
        return random.bounded(2) == 1;
    case 2:
        return double(random.bounded(-100000, 100000)) / (random.bounded(2) ? 1.0 : 7.0);
    case 3:
    case 4:
        return randomText(random);
    case 5: {
        QJsonArray array;
        for (int i = random.bounded(4); i > 0; --i)
            array.append(randomValue(random, depth + 1));
        return array;
    }
    default: {
        QJsonObject object;
        for (int i = random.bounded(4); i > 0; --i)
            object.insert(randomText(random), randomValue(random, depth + 1));
        return object;
    }
    }
}

} // namespace

class TestWaitOutcome : public QObject
{
    Q_OBJECT

private slots:
    void completedChain()
    {
        WaitOutcome outcome{
            QStringLiteral("0190-aa"),
            QStringLiteral("completed"),
            QJsonObject{{QStringLiteral("s10"),
                         QJsonObject{{QStringLiteral("v"), 7}, {QStringLiteral("step"), 10}}}},
            {}};
        const QByteArray body =
            waitReplyBody(outcome, QStringLiteral("f1"), QStringLiteral("3"), false);
        QCOMPARE(body,
                 QByteArrayLiteral("{\"data\":{\"execution_id\":\"0190-aa\",\"flow_id\":\"f1\","
                                   "\"flow_version\":\"3\",\"outputs\":{\"s10\":{\"step\":10,"
                                   "\"v\":7}},\"status\":\"completed\",\"timed_out\":false},"
                                   "\"success\":true}"));
        QCOMPARE(body, reference(outcome, QStringLiteral("f1"), QStringLiteral("3"), false));
    }

    void failedWithError()
    {
        WaitOutcome outcome{
            QStringLiteral("e"),
            QStringLiteral("failed"),
            {},
            Error{ErrorCode::ValidationError, QStringLiteral("node \"s2\" got a bad value")}};
        QVERIFY(outcome.reportsError());
        const QByteArray body =
            waitReplyBody(outcome, QStringLiteral("f"), QStringLiteral("1"), true);
        QVERIFY(body.contains("\"error\":{\"code\":\"VALIDATION_ERROR\""));
        QCOMPARE(body, reference(outcome, QStringLiteral("f"), QStringLiteral("1"), true));
        // The default error (no code given, no message) is not reported.
        outcome.error = Error{};
        QVERIFY(!outcome.reportsError());
        QCOMPARE(waitReplyBody(outcome, QStringLiteral("f"), QStringLiteral("1"), true),
                 reference(outcome, QStringLiteral("f"), QStringLiteral("1"), true));
    }

    void randomOutcomesMatchTheReference()
    {
        const quint32 seed = qEnvironmentVariableIsSet("HIVEMIND_TEST_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("HIVEMIND_TEST_SEED"))
                                 : QRandomGenerator::global()->generate();
        qInfo("seed %u (HIVEMIND_TEST_SEED)", seed);
        QRandomGenerator random(seed);
        for (int round = 0; round < 2000; ++round) {
            WaitOutcome outcome;
            outcome.executionId = randomText(random) + QStringLiteral("x");
            outcome.status = randomText(random);
            for (int i = random.bounded(4); i > 0; --i)
                outcome.outputs.insert(randomText(random), randomValue(random, 1).toObject());
            if (random.bounded(3) == 0)
                outcome.error = Error{ErrorCode(random.bounded(1, 20)), randomText(random)};
            const QString flowId = randomText(random);
            const QString version = randomText(random);
            const bool timedOut = random.bounded(2) == 1;
            const QByteArray fast = waitReplyBody(outcome, flowId, version, timedOut);
            const QByteArray expected = reference(outcome, flowId, version, timedOut);
            if (fast != expected)
                QFAIL(qPrintable(QStringLiteral("round %1:\n%2\n%3")
                                     .arg(round)
                                     .arg(QString::fromUtf8(fast), QString::fromUtf8(expected))));
        }
    }
};

QTEST_GUILESS_MAIN(TestWaitOutcome)
#include "TestWaitOutcome.moc"
