// The endpoint-set diff that refresh-schema shows (core/openapi/EndpointDiff):
// two versions of one document (JSON before, YAML after) give the added,
// removed and changed endpoints with what changed.

#include "OpenApiTestDocs.h"
#include "openapi/EndpointDiff.h"
#include "openapi/OpenApiImport.h"

#include <QJsonArray>
#include <QTest>

using namespace hm;
using namespace hm::openapi;

class TestOpenApiDiff : public QObject
{
    Q_OBJECT

private slots:
    void twoVersionsOfOneDocument()
    {
        const auto before = importOpenApi(QByteArray(testdocs::diffBefore));
        const auto after = importOpenApi(QByteArray(testdocs::diffAfter));
        if (!before.ok() || !after.ok())
            QFAIL("a version does not import");
        const EndpointDiff diff = diffEndpoints(before->endpoints, after->endpoints);
        QVERIFY(!diff.isEmpty());

        QCOMPARE(diff.added.size(), 1);
        QCOMPARE(diff.added.at(0).key(), QStringLiteral("PUT /d"));
        QCOMPARE(diff.removed.size(), 1);
        QCOMPARE(diff.removed.at(0).key(), QStringLiteral("DELETE /a"));
        QCOMPARE(diff.unchanged, 1); // GET /c

        QCOMPARE(diff.changed.size(), 2);
        const EndpointChange &a = diff.changed.at(0);
        QCOMPARE(a.after.key(), QStringLiteral("GET /a"));
        QCOMPARE(a.fields,
                 QStringList({QStringLiteral("parameters"), QStringLiteral("responses")}));
        QCOMPARE(a.details, QStringList({QStringLiteral("parameter changed: query q"),
                                         QStringLiteral("parameter added: query page"),
                                         QStringLiteral("response added: 404")}));
        QCOMPARE(a.before.parameters.size(), 1);

        const EndpointChange &b = diff.changed.at(1);
        QCOMPARE(b.after.key(), QStringLiteral("POST /b"));
        QCOMPARE(b.fields, QStringList({QStringLiteral("summary"), QStringLiteral("requestBody")}));
        QCOMPARE(b.details,
                 QStringList({QStringLiteral("request body now required"),
                              QStringLiteral("request body content added: application/xml")}));

        const QJsonObject json = diff.toJson();
        QCOMPARE(json.value(QStringLiteral("added"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("putD"));
        QCOMPARE(json.value(QStringLiteral("changed")).toArray().size(), 2);
        QCOMPARE(json.value(QStringLiteral("unchanged")).toInt(), 1);
    }

    void reverseAndIdentity()
    {
        const auto before = importOpenApi(QByteArray(testdocs::diffBefore));
        const auto after = importOpenApi(QByteArray(testdocs::diffAfter));
        if (!before.ok() || !after.ok())
            QFAIL("a version does not import");
        const EndpointDiff back = diffEndpoints(after->endpoints, before->endpoints);
        QCOMPARE(back.added.at(0).key(), QStringLiteral("DELETE /a"));
        QCOMPARE(back.removed.at(0).key(), QStringLiteral("PUT /d"));
        QCOMPARE(back.changed.at(0).details,
                 QStringList({QStringLiteral("parameter changed: query q"),
                              QStringLiteral("parameter removed: query page"),
                              QStringLiteral("response removed: 404")}));

        const EndpointDiff same = diffEndpoints(after->endpoints, after->endpoints);
        QVERIFY(same.isEmpty());
        QCOMPARE(same.unchanged, after->endpoints.size());
    }
};

QTEST_GUILESS_MAIN(TestOpenApiDiff)
#include "TestOpenApiDiff.moc"
