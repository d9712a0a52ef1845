#include "common/Error.h"
#include "common/Result.h"

#include <QSet>
#include <QTest>

using namespace hm;

class TestErrorCatalogue : public QObject
{
    Q_OBJECT
private slots:
    void seedCodesHaveTheirStatus_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("status");
        // seed 001 table
        QTest::newRow("INVALID_CREDENTIALS") << "INVALID_CREDENTIALS" << 401;
        QTest::newRow("INSUFFICIENT_PERMISSIONS") << "INSUFFICIENT_PERMISSIONS" << 403;
        QTest::newRow("VALIDATION_ERROR") << "VALIDATION_ERROR" << 422;
        QTest::newRow("RATE_LIMIT_EXCEEDED") << "RATE_LIMIT_EXCEEDED" << 429;
        QTest::newRow("MAINTENANCE_MODE") << "MAINTENANCE_MODE" << 503;
        // seed 003 appendix A
        QTest::newRow("ACCOUNT_LOCKED") << "ACCOUNT_LOCKED" << 403;
        QTest::newRow("CONCURRENT_DENIED") << "CONCURRENT_DENIED" << 409;
        QTest::newRow("EXECUTION_TIMEOUT") << "EXECUTION_TIMEOUT" << 408;
        QTest::newRow("INVALID_FLOW_DEFINITION") << "INVALID_FLOW_DEFINITION" << 400;
        QTest::newRow("COMPONENT_UNAVAILABLE") << "COMPONENT_UNAVAILABLE" << 503;
        QTest::newRow("SERVICE_AUTH_FAILED") << "SERVICE_AUTH_FAILED" << 401;
        // HiveMind
        QTest::newRow("DB_KEY_INVALID") << "DB_KEY_INVALID" << 500;
        QTest::newRow("PAYLOAD_TOO_LARGE") << "PAYLOAD_TOO_LARGE" << 413;
        QTest::newRow("METHOD_NOT_ALLOWED") << "METHOD_NOT_ALLOWED" << 405;
        QTest::newRow("TIMEOUT") << "TIMEOUT" << 504;
        QTest::newRow("DATA_DIR_IN_USE") << "DATA_DIR_IN_USE" << 409;
        QTest::newRow("CONFLICT") << "CONFLICT" << 409;
        QTest::newRow("CAPABILITY_DISABLED") << "CAPABILITY_DISABLED" << 403;
        QTest::newRow("NODE_OFFLINE") << "NODE_OFFLINE" << 409;
        QTest::newRow("REAUTHENTICATION_REQUIRED") << "REAUTHENTICATION_REQUIRED" << 401;
        QTest::newRow("RANGE_NOT_SATISFIABLE") << "RANGE_NOT_SATISFIABLE" << 416;
    }
    void seedCodesHaveTheirStatus()
    {
        QFETCH(QString, name);
        QFETCH(int, status);
        bool known = false;
        const ErrorCode code = errorCodeFromName(name, &known);
        QVERIFY2(known, qPrintable(name));
        QCOMPARE(errorCodeName(code), name);
        QCOMPARE(errorCodeHttpStatus(code), status);
    }

    void namesAreUniqueAndRoundTrip()
    {
        QSet<QString> seen;
        for (int i = 0; i <= static_cast<int>(ErrorCode::RangeNotSatisfiable); ++i) {
            const auto code = static_cast<ErrorCode>(i);
            const QString name = errorCodeName(code);
            QVERIFY2(!seen.contains(name), qPrintable(name));
            seen.insert(name);
            QCOMPARE(errorCodeFromName(name), code);
            const int status = errorCodeHttpStatus(code);
            QVERIFY(status >= 400 && status < 600);
        }
    }

    void unknownNameIsReported()
    {
        bool known = true;
        QCOMPARE(errorCodeFromName(QStringLiteral("NOPE"), &known), ErrorCode::InternalError);
        QVERIFY(!known);
    }

    void resultCarriesValueOrError()
    {
        Result<int> good = 42;
        QVERIFY(good.ok());
        QCOMPARE(good.value(), 42);
        Result<int> bad(ErrorCode::FlowNotFound, QStringLiteral("no flow 7"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.valueOr(-1), -1);
        QCOMPARE(bad.error().toString(), QStringLiteral("FLOW_NOT_FOUND: no flow 7"));
        QCOMPARE(bad.error().httpStatus(), 404);
        Status fine;
        QVERIFY(fine.ok());
        Status broken(ErrorCode::DbCorrupt, QStringLiteral("x"));
        QVERIFY(!broken.ok());
        QCOMPARE(broken.error().codeName(), QStringLiteral("DB_CORRUPT"));
    }

    void resultReadsLikeExpected()
    {
        Result<QString> name = QStringLiteral("flow");
        QVERIFY(name);
        QCOMPARE(*name, QStringLiteral("flow"));
        QCOMPARE(name->size(), 4);
        name->append(QStringLiteral("s"));
        QCOMPARE(name.value(), QStringLiteral("flows"));
        const Result<QString> &constName = name;
        QCOMPARE(constName->size(), 5);
        // From a temporary: a copy, never a reference into the dead Result.
        const QString moved = *Result<QString>(QStringLiteral("tmp"));
        QCOMPARE(moved, QStringLiteral("tmp"));
        Result<QString> failed(ErrorCode::FlowNotFound, QStringLiteral("gone"));
        QVERIFY(!failed);
    }
};

QTEST_GUILESS_MAIN(TestErrorCatalogue)
#include "TestErrorCatalogue.moc"
