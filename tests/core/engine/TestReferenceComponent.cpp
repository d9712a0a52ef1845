// The reference component seen by any HTTP client: the shapes of /health,
// /interface and error answers that docs/component-protocol.md promises.

#include "TestHttpSupport.h"

#include <QTest>

using namespace hm;

class TestReferenceComponent : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    test::ReferenceComponent m_component;

private slots:
    void initTestCase() { QVERIFY(!m_component.start().isEmpty()); }

    void healthListsComponents()
    {
        const auto reply =
            test::sendJson(m_network, "GET", m_component.url(QStringLiteral("/health")));
        QCOMPARE(reply.status, 200);
        const QJsonObject health = reply.document.object();
        QCOMPARE(health[QStringLiteral("status")].toString(), QStringLiteral("healthy"));
        const QJsonArray components = health[QStringLiteral("components")].toArray();
        QVERIFY(components.size() >= 5);
        QStringList names;
        for (const QJsonValue &c : components) {
            QVERIFY(!c[QStringLiteral("name")].toString().isEmpty());
            QCOMPARE(c[QStringLiteral("version")].toString(), QStringLiteral("1.0.0"));
            names.append(c[QStringLiteral("name")].toString());
        }
        for (const char *name : {"echo", "uppercase", "sleep", "fail", "blob-size"})
            QVERIFY2(names.contains(QString::fromLatin1(name)), name);
    }

    void interfaceIsAListOfInterfaceDefs()
    {
        const auto reply =
            test::sendJson(m_network, "GET", m_component.url(QStringLiteral("/interface")));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.document.isArray());
        for (const QJsonValue &def : reply.document.array()) {
            QVERIFY(def[QStringLiteral("name")].isString());
            QVERIFY(def[QStringLiteral("version")].isString());
            QVERIFY(def[QStringLiteral("inputs")].isArray());
            QVERIFY(def[QStringLiteral("outputs")].isArray());
            for (const QJsonValue &port : def[QStringLiteral("inputs")].toArray()) {
                QVERIFY(port[QStringLiteral("name")].isString());
                QVERIFY(port[QStringLiteral("type")].isString());
            }
        }
    }

    void executeAnswersTheProtocolShapes()
    {
        const QJsonObject job{{QStringLiteral("execution_id"), QStringLiteral("e")},
                              {QStringLiteral("node_id"), QStringLiteral("n")},
                              {QStringLiteral("component"), QStringLiteral("echo")},
                              {QStringLiteral("version"), QStringLiteral("1.0.0")},
                              {QStringLiteral("config"), QJsonObject{}},
                              {QStringLiteral("inputs"), QJsonObject{{QStringLiteral("x"), 1}}},
                              {QStringLiteral("attempt"), 1}};
        const auto ok =
            test::sendJson(m_network, "POST", m_component.url(QStringLiteral("/execute")),
                           QJsonDocument(job).toJson());
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.document[QStringLiteral("status")].toString(), QStringLiteral("ok"));
        QCOMPARE(ok.document[QStringLiteral("outputs")][QStringLiteral("x")].toInt(), 1);

        const auto bad =
            test::sendJson(m_network, "POST", m_component.url(QStringLiteral("/execute")),
                           QByteArrayLiteral("not json"));
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.document[QStringLiteral("status")].toString(), QStringLiteral("error"));
        QVERIFY(bad.document[QStringLiteral("error")][QStringLiteral("code")].isString());
        QVERIFY(bad.document[QStringLiteral("error")][QStringLiteral("message")].isString());
    }

    void cancelIsAcknowledgedAndCounted()
    {
        const auto reply = test::sendJson(
            m_network, "POST", m_component.url(QStringLiteral("/cancel")),
            QJsonDocument(QJsonObject{{QStringLiteral("execution_id"), QStringLiteral("e9")},
                                      {QStringLiteral("node_id"), QStringLiteral("n9")}})
                .toJson());
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.document[QStringLiteral("found")].toBool(), false);
        const QJsonObject stats =
            test::getObject(m_network, m_component.url(QStringLiteral("/stats")));
        QCOMPARE(test::entriesFor(stats[QStringLiteral("cancelled")].toArray(),
                                  QStringLiteral("e9"), QStringLiteral("n9"))
                     .size(),
                 1);
    }

    void unknownPathsAnswer404()
    {
        const auto reply =
            test::sendJson(m_network, "GET", m_component.url(QStringLiteral("/nope")));
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.document[QStringLiteral("status")].toString(), QStringLiteral("error"));
    }
};

QTEST_GUILESS_MAIN(TestReferenceComponent)
#include "TestReferenceComponent.moc"
