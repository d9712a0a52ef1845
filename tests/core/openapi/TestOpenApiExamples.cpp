// Real-world documents: every OpenAPI 2.0 / 3.0 / 3.1 document (JSON and
// YAML) of the published collection npm @readme/oas-examples imports
// without a crash, with the endpoints an independent reader found at setup
// time (tests/support/count-openapi-endpoints.js: node's JSON.parse and
// js-yaml, no OpenAPI library): their number and, per endpoint, its merged
// parameters, response statuses and request body content types. installer/setup-test-data.sh
// installs both; a missing installation fails this test (never a skip).

#include "openapi/OpenApiImport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace hm;
using namespace hm::openapi;

namespace {

QString examplesRoot()
{
    const QByteArray fromEnv = qgetenv("HIVEMIND_OAS_EXAMPLES_DIR");
    return fromEnv.isEmpty() ? QStringLiteral(HIVEMIND_OAS_EXAMPLES_DIR)
                             : QString::fromLocal8Bit(fromEnv);
}

QString documentsDir()
{
    return examplesRoot() + QStringLiteral("/node_modules/@readme/oas-examples");
}

QJsonObject counts()
{
    QFile file(examplesRoot() + QStringLiteral("/counts.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll())
        .object()
        .value(QStringLiteral("files"))
        .toObject();
}

QStringList strings(const QJsonValue &array)
{
    QStringList out;
    for (const QJsonValue &v : array.toArray())
        out.append(v.toString());
    return out;
}

// Documents of the collection that are meant to be refused, with the reason
// (none in 8.2.2: every document there is valid; keep the list explicit).
const QHash<QString, QString> &intentionallyInvalid()
{
    static const QHash<QString, QString> list;
    return list;
}

// Pairs whose two forms differ in the collection itself (js-yaml reads them
// the same way): the YAML of 3.1 parameters-style has GET where the JSON has
// POST on /anything/form-data/deepObject.
const QStringList &formsDifferInTheCollection()
{
    static const QStringList list{QStringLiteral("3.1/json/parameters-style.json")};
    return list;
}

} // namespace

class TestOpenApiExamples : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QJsonObject all = counts();
        if (all.isEmpty()) {
            QFAIL(qPrintable(
                QStringLiteral("no OpenAPI examples at %1: run installer/setup-test-data.sh "
                               "(installer/test.sh does)")
                    .arg(examplesRoot())));
        }
        // The whole collection, not a partial install.
        QVERIFY2(all.size() >= 120, qPrintable(QString::number(all.size())));
    }

    void importsWithTheIndependentCount_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QJsonObject>("list");
        const QJsonObject all = counts();
        for (auto it = all.begin(); it != all.end(); ++it) {
            const QJsonObject entry = it.value().toObject();
            QTest::newRow(qPrintable(it.key()))
                << it.key() << entry.value(QStringLiteral("endpoints")).toInt(-1)
                << entry.value(QStringLiteral("spec")).toString()
                << entry.value(QStringLiteral("list")).toObject();
        }
    }

    void importsWithTheIndependentCount()
    {
        QFETCH(QString, file);
        QFETCH(int, expected);
        QFETCH(QString, spec);
        QVERIFY2(expected >= 0, "the independent count could not read this document");
        QFile f(documentsDir() + QLatin1Char('/') + file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto r = importOpenApi(f.readAll());
        if (intentionallyInvalid().contains(file)) {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, ErrorCode::SchemaParseError);
            QCOMPARE(importErrorReason(r.error()), intentionallyInvalid().value(file));
            return;
        }
        if (!r.ok())
            QFAIL(qPrintable(r.error().toString()));
        QCOMPARE(r->endpoints.size(), expected);
        // Per endpoint, what the independent reader saw: parameters (place and
        // name, after merging), response statuses, request body content types.
        QFETCH(QJsonObject, list);
        for (const Endpoint &e : r->endpoints) {
            const QJsonObject seen = list.value(e.key()).toObject();
            QVERIFY2(!seen.isEmpty(), qPrintable(e.key()));
            QStringList params;
            for (const Parameter &p : e.parameters)
                params.append(p.in + QLatin1Char(':') + p.name);
            params.sort();
            QCOMPARE(params, strings(seen.value(QStringLiteral("params"))));
            QStringList statuses;
            for (const Response &resp : e.responses)
                statuses.append(resp.status);
            statuses.sort();
            QCOMPARE(statuses, strings(seen.value(QStringLiteral("responses"))));
            if (seen.contains(QStringLiteral("body"))) {
                QStringList types;
                for (const MediaType &m : e.requestBody.content)
                    types.append(m.contentType);
                types.sort();
                QCOMPARE(types, strings(seen.value(QStringLiteral("body"))));
            }
        }
        QVERIFY2(spec.startsWith(r->versionText.left(3)),
                 qPrintable(spec + QLatin1Char(' ') + r->versionText));
        QVERIFY(file.startsWith(specVersionName(r->version)));
        for (const Endpoint &e : r->endpoints) {
            QVERIFY(!e.method.isEmpty());
            QVERIFY(e.path.startsWith(QLatin1Char('/')));
            // Every path placeholder has a path parameter, or the document
            // did not declare it (allowed by lenient readers, counted here).
            for (const Parameter &p : e.parameters)
                QVERIFY(!p.name.isEmpty());
        }
    }

    void jsonAndYamlFormsAgree()
    {
        // Where the collection has a document in both forms, the endpoints
        // are the same (method, path, parameters and their places).
        const QJsonObject all = counts();
        int pairs = 0;
        for (auto it = all.begin(); it != all.end(); ++it) {
            const QString json = it.key();
            if (!json.contains(QLatin1String("/json/")) || !json.endsWith(QLatin1String(".json")))
                continue;
            QString yaml = json;
            yaml.replace(QLatin1String("/json/"), QLatin1String("/yaml/"));
            yaml.chop(4);
            yaml += QLatin1String("yaml");
            if (!all.contains(yaml))
                continue;
            QFile a(documentsDir() + QLatin1Char('/') + json);
            QFile b(documentsDir() + QLatin1Char('/') + yaml);
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            const auto ra = importOpenApi(a.readAll());
            const auto rb = importOpenApi(b.readAll());
            QVERIFY2(ra.ok() && rb.ok(), qPrintable(json));
            if (formsDifferInTheCollection().contains(json)) {
                // Still listed only while it does differ.
                bool differ = rb->endpoints.size() != ra->endpoints.size();
                for (qsizetype i = 0; !differ && i < ra->endpoints.size(); ++i)
                    differ = rb->endpoints.at(i).key() != ra->endpoints.at(i).key();
                QVERIFY2(differ, qPrintable(json));
                continue;
            }
            QCOMPARE(rb->endpoints.size(), ra->endpoints.size());
            for (qsizetype i = 0; i < ra->endpoints.size(); ++i) {
                QCOMPARE(rb->endpoints.at(i).key(), ra->endpoints.at(i).key());
                QCOMPARE(rb->endpoints.at(i).parameters.size(),
                         ra->endpoints.at(i).parameters.size());
            }
            ++pairs;
        }
        QVERIFY2(pairs >= 50, qPrintable(QString::number(pairs)));
    }
};

QTEST_GUILESS_MAIN(TestOpenApiExamples)
#include "TestOpenApiExamples.moc"
