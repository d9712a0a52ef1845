// Seed 001's Python SDK example against a real hivemind-server (issue 36:
// "the seed's Python SDK example must work against it unchanged"): the
// example's class, copied unchanged into tests/server/sdk/
// seed001_python_sdk.py, signs in with a user name and password, lists the
// WireGuard servers, creates the seed's dual-stack "wg1" and starts it
// (config-only backend), then reads the list through an API key — with
// Debian's python3 and python3-requests, over loopback.

#include "AuthTestSupport.h"

#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace hm;
using namespace hm::test;

class TestSeedPythonSdk : public QObject, private ServerFixture
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QFAIL("python3 is needed (Debian: python3, python3-requests)");
        QVERIFY2(startServer({QStringLiteral("--wireguard-backend"), QStringLiteral("config-only")})
                     .isEmpty(),
                 "server did not start");
    }

    void theSeedsExampleRunsUnchanged()
    {
        const Answer key = m_http->json("POST", QStringLiteral("/api/v1/auth/api-keys"),
                                        {{"name", "sdk"}, {"access_level", "read"}}, m_admin);
        QVERIFY2(key.status == 201, key.raw.constData());
        const QString apiKey = key.data().value("api_key").toString();
        QVERIFY(!apiKey.isEmpty());

        QProcess python;
        python.setProcessChannelMode(QProcess::MergedChannels);
        python.start(QStringLiteral("python3"),
                     {QStringLiteral(HIVEMIND_SOURCE_DIR "/tests/server/sdk/seed001_python_sdk.py"),
                      m_http->base().toString(), kAdmin, kAdminPassword, apiKey});
        QVERIFY(python.waitForStarted(15000));
        QVERIFY(python.waitForFinished(60000));
        const QByteArray output = python.readAll();
        QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0,
                 output.constData());
        QVERIFY2(output.contains("SDK_EXAMPLE_OK"), output.constData());
        // What the example made is there, running.
        const Answer servers =
            m_http->get(QStringLiteral("/api/v1/wireguard/servers?search=wg1"), m_admin);
        QCOMPARE(servers.status, 200);
        const QJsonArray items = servers.data().value("servers").toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0][QStringLiteral("ipv6_address")].toString(),
                 QStringLiteral("2001:db8:1::1/64"));
        QCOMPARE(items[0][QStringLiteral("status")].toString(), QStringLiteral("running"));
    }
};

QTEST_GUILESS_MAIN(TestSeedPythonSdk)
#include "TestSeedPythonSdk.moc"
