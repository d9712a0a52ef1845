// /ws/events' node_metrics written straight as text (NodeMetricsBatch::
// batchText, and eventMessageText around it) held against the reference:
// QJsonDocument's compact text of batchJson() and of eventMessage(), for
// items with and without each value, whole and fractional percentages,
// times at and around the epoch's edges, and node ids that need escaping.

#include "server/services/fleet/NodeMetricsBatch.h"
#include "server/ws/EventFeed.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace hm;

using Items = server::fleet::NodeMetricsBatch::Items;

class TestNodeMetricsBatchText : public QObject
{
    Q_OBJECT

private:
    static QByteArray reference(const Items &items, int intervalMs)
    {
        return QJsonDocument(server::fleet::NodeMetricsBatch::batchJson(items, intervalMs))
            .toJson(QJsonDocument::Compact);
    }

private slots:
    void textEqualsTheReference_data()
    {
        QTest::addColumn<int>("intervalMs");
        QTest::newRow("5 s") << 5000;
        QTest::newRow("2.5 s") << 2500;
        QTest::newRow("1 s") << 1000;
    }

    void textEqualsTheReference()
    {
        QFETCH(int, intervalMs);
        QCOMPARE(server::fleet::NodeMetricsBatch::batchText({}, intervalMs),
                 reference({}, intervalMs));

        Items items;
        // Each value present or not (-1: the report lacked it).
        for (int mask = 0; mask < 8; ++mask) {
            server::fleet::NodeMetricsBatch::Latest latest;
            latest.timeMs = 1764400000123 + mask;
            latest.values.cpu = (mask & 1) ? 12.5 : -1;
            latest.values.memory = (mask & 2) ? 100.0 / 3.0 : -1;
            latest.values.disk = (mask & 4) ? 0.0 : -1;
            items.insert(QStringLiteral("node-%1").arg(mask), latest);
        }
        // Ids that need escaping, and times: none, the year 10000 (the
        // slow path), a second before the epoch.
        const QList<std::pair<QString, qint64>> odd{
            {QStringLiteral("q\"b\\s/\t\n\x01 end"), 0},
            {QStringLiteral("版本-é-\u2028-\U0001F600"), 253402300800000},
            {QStringLiteral(" "), -1000},
        };
        for (const auto &[id, time] : odd) {
            server::fleet::NodeMetricsBatch::Latest latest;
            latest.timeMs = time;
            latest.values.cpu = 99.99999999999999;
            latest.values.memory = 1e-7;
            latest.values.disk = 100;
            items.insert(id, latest);
        }
        // Random values as agents send them.
        QRandomGenerator random(35);
        for (int i = 0; i < 500; ++i) {
            server::fleet::NodeMetricsBatch::Latest latest;
            latest.timeMs = 1764400000000 + qint64(random.bounded(1u << 30));
            latest.values.cpu = random.bounded(100.0);
            latest.values.memory = double(random.bounded(1000001)) / 10000.0;
            latest.values.disk = double(random.bounded(101));
            items.insert(QStringLiteral("n%1").arg(random.generate64()), latest);
        }
        const QByteArray text = server::fleet::NodeMetricsBatch::batchText(items, intervalMs);
        QCOMPARE(text, reference(items, intervalMs));
        QVERIFY(!QJsonDocument::fromJson(text).isNull());
    }

    void messageEqualsTheReference()
    {
        Items items;
        server::fleet::NodeMetricsBatch::Latest latest;
        latest.timeMs = 1764400000123;
        latest.values.cpu = 42;
        items.insert(QStringLiteral("node-1"), latest);
        const QJsonObject data = server::fleet::NodeMetricsBatch::batchJson(items, 5000);
        const QByteArray dataText = server::fleet::NodeMetricsBatch::batchText(items, 5000);
        for (const qint64 seq : {qint64(0), qint64(1), qint64(9007199254740991)}) {
            for (const QString &type :
                 {QStringLiteral("node_metrics"), QStringLiteral("t\"y\\pe")}) {
                // The timestamp is "now" in both: compared apart, once the
                // two were written in the same millisecond.
                QString text, expected;
                for (int attempt = 0; attempt < 100; ++attempt) {
                    text = server::ws::eventMessageText(type, dataText, seq);
                    expected = server::ws::eventMessage(type, data, seq);
                    if (QJsonDocument::fromJson(text.toUtf8()).object().value("timestamp") ==
                        QJsonDocument::fromJson(expected.toUtf8()).object().value("timestamp"))
                        break;
                }
                QCOMPARE(text, expected);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestNodeMetricsBatchText)
#include "TestNodeMetricsBatchText.moc"
