// docs/grafana/hivemind-dashboard.json references only metrics HiveMind
// exports (issue 37 item 4, "Grafana JSON references only exported
// metrics"): a real server with a simulated agent connected
// (tests/support/SimulatedAgents.h) is scraped at /metrics and at the
// fleet federation endpoint, and every metric name in every PromQL
// expression of the dashboard (panels and template variables) must be
// among the sample names served. The dashboard must also be one Grafana
// imports: a title, a uid, panels with positions and a Prometheus
// data-source variable.

#include "AuthTestSupport.h"
#include "PrometheusText.h"
#include "SimulatedAgents.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace hm::test;

namespace {

const QString kDashboard =
    QStringLiteral(HIVEMIND_SOURCE_DIR "/docs/grafana/hivemind-dashboard.json");

// The metric names a PromQL expression reads. Grafana's label_values(m, l)
// reads m. Strings, label matchers, ranges and by/without/on/ignoring
// lists are dropped first; what is left that is not followed by "(" (a
// function) and is not a keyword is a metric name.
QSet<QString> metricNames(QString expr)
{
    static const QRegularExpression labelValues(
        QStringLiteral("label_values\\((.*),\\s*\\w+\\s*\\)"));
    if (const auto match = labelValues.match(expr); match.hasMatch())
        expr = match.captured(1);
    static const QList<QRegularExpression> drop{
        QRegularExpression(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"")),
        QRegularExpression(QStringLiteral("'(?:[^'\\\\]|\\\\.)*'")),
        QRegularExpression(QStringLiteral("\\{[^}]*\\}")),
        QRegularExpression(QStringLiteral("\\[[^\\]]*\\]")),
        QRegularExpression(
            QStringLiteral("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)"))};
    for (const QRegularExpression &pattern : drop)
        expr.replace(pattern, QStringLiteral(" "));
    static const QSet<QString> keywords{
        QStringLiteral("and"),        QStringLiteral("or"),          QStringLiteral("unless"),
        QStringLiteral("bool"),       QStringLiteral("offset"),      QStringLiteral("by"),
        QStringLiteral("without"),    QStringLiteral("on"),          QStringLiteral("ignoring"),
        QStringLiteral("group_left"), QStringLiteral("group_right"), QStringLiteral("inf"),
        QStringLiteral("nan")};
    static const QRegularExpression identifier(
        QStringLiteral("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?"));
    QSet<QString> names;
    for (auto it = identifier.globalMatch(expr); it.hasNext();) {
        const auto match = it.next();
        if (!match.captured(2).isEmpty() || keywords.contains(match.captured(1).toLower()))
            continue;
        names.insert(match.captured(1));
    }
    return names;
}

// Every PromQL expression in the dashboard: targets[].expr of every panel
// (rows' nested panels too) and the query variables.
void collectExpressions(const QJsonArray &panels, QStringList &out)
{
    for (const QJsonValue value : panels) {
        const QJsonObject panel = value.toObject();
        for (const QJsonValue target : panel.value("targets").toArray())
            out.append(target.toObject().value("expr").toString());
        collectExpressions(panel.value("panels").toArray(), out);
    }
}

} // namespace

class TestGrafanaDashboard : public QObject, private ServerFixture
{
    Q_OBJECT

    QJsonObject m_dashboard;
    QStringList m_expressions;

private slots:
    void initTestCase()
    {
        QFile file(kDashboard);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(kDashboard));
        QJsonParseError error;
        m_dashboard = QJsonDocument::fromJson(file.readAll(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        collectExpressions(m_dashboard.value("panels").toArray(), m_expressions);
        for (const QJsonValue variable :
             m_dashboard.value("templating").toObject().value("list").toArray()) {
            const QJsonObject v = variable.toObject();
            if (v.value("type").toString() == QLatin1String("query"))
                m_expressions.append(v.value("query").toObject().value("query").toString());
        }
    }

    // The checker itself: it finds the names, and only the names.
    void extractsMetricNames()
    {
        QCOMPARE(metricNames(QStringLiteral(
                     "histogram_quantile(0.95, sum by (le, route) (rate("
                     "http_request_duration_seconds_bucket{job=~\"$job\",status=~\"5..\"}"
                     "[$__rate_interval]))) / on (job) group_left foo_total offset 5m")),
                 (QSet<QString>{QStringLiteral("http_request_duration_seconds_bucket"),
                                QStringLiteral("foo_total")}));
        QCOMPARE(metricNames(QStringLiteral("count(up == 0) or vector(1e3)")),
                 QSet<QString>{QStringLiteral("up")});
        QCOMPARE(metricNames(QStringLiteral("label_values(hivemind_node_up{job=~\"$j\"}, node)")),
                 QSet<QString>{QStringLiteral("hivemind_node_up")});
    }

    void isAnImportableDashboard()
    {
        QVERIFY(!m_dashboard.value("title").toString().isEmpty());
        QVERIFY(!m_dashboard.value("uid").toString().isEmpty());
        QVERIFY(m_dashboard.value("schemaVersion").toInt() >= 30);
        bool datasourceVariable = false;
        for (const QJsonValue variable :
             m_dashboard.value("templating").toObject().value("list").toArray())
            datasourceVariable |=
                variable.toObject().value("type").toString() == QLatin1String("datasource") &&
                variable.toObject().value("query").toString() == QLatin1String("prometheus");
        QVERIFY(datasourceVariable);
        QSet<int> ids;
        for (const QJsonValue value : m_dashboard.value("panels").toArray()) {
            const QJsonObject panel = value.toObject();
            QVERIFY(!panel.value("title").toString().isEmpty());
            QVERIFY(panel.value("gridPos").toObject().contains("w"));
            QVERIFY2(!ids.contains(panel.value("id").toInt()), "panel ids must be unique");
            ids.insert(panel.value("id").toInt());
            if (panel.value("type").toString() != QLatin1String("row"))
                QVERIFY2(!panel.value("targets").toArray().isEmpty(),
                         qPrintable(panel.value("title").toString()));
        }
        // What seed 003 §11.3 and the issue ask to see.
        const QString all = m_expressions.join(u'\n');
        for (const char *needed :
             {"http_requests_total", "http_request_duration_seconds_bucket",
              "hivemind_executions_started_total", "hivemind_execution_duration_seconds_bucket",
              "hivemind_executions_running", "hivemind_history_queue_ops",
              "hivemind_websocket_clients", "hivemind_database_size_bytes", "hivemind_node_up",
              "hivemind_node_cpu_usage_percent", "hivemind_node_memory_usage_percent"})
            QVERIFY2(all.contains(QLatin1String(needed)), needed);
    }

    // The test of the issue: every name the dashboard reads is served.
    void referencesOnlyExportedMetrics()
    {
        const QString failure = startServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        SimulatedAgents::Options options;
        options.server = m_http->base();
        options.adminToken = m_admin;
        options.count = 1;
        options.threads = 1;
        options.labels = {QStringLiteral("env:test")};
        SimulatedAgents agents(options);
        QString why = agents.enrol(60000);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        why = agents.connectAll(60000);
        QVERIFY2(why.isEmpty(), qPrintable(why));

        // Requests so the HTTP families have series; the agent's first report
        // so the node families do.
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/nodes"), m_admin).status, 200);
        QByteArray fleet;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (fleet = m_http->get(QStringLiteral("/api/v1/nodes/metrics/prometheus"), m_admin).raw)
                .contains("hivemind_node_cpu_usage_percent{"),
            fleet.constData(), 30000);
        const Answer server = m_http->get(QStringLiteral("/metrics"));
        QCOMPARE(server.status, 200);
        const QSet<QString> exported = promSampleNames(server.raw) + promSampleNames(fleet);
        agents.stop(2000);

        QVERIFY(m_expressions.size() > 10);
        QStringList missing;
        int checked = 0;
        for (const QString &expr : std::as_const(m_expressions)) {
            const QSet<QString> names = metricNames(expr);
            QVERIFY2(!names.isEmpty(), qPrintable(expr));
            for (const QString &name : names) {
                ++checked;
                if (!exported.contains(name))
                    missing.append(name + QStringLiteral(" (in ") + expr + u')');
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("\n"))));
        QVERIFY(checked >= m_expressions.size());
        // A name the server does not export is caught (the check is not vacuous).
        QVERIFY(!exported.contains(QStringLiteral("flow_executions_started_total")));
    }
};

QTEST_GUILESS_MAIN(TestGrafanaDashboard)
#include "TestGrafanaDashboard.moc"
