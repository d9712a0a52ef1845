// HTTPS with --tls-cert/--tls-key and start-up failures for bad TLS files,
// against the real hivemind-server process.

#include "AuthTestSupport.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::test;

class TestTls : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_cert;
    QString m_key;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Committed fixtures (tests/server/fixtures/README.md): no openssl
        // needed at run time.
        m_cert = QStringLiteral(HIVEMIND_SOURCE_DIR "/tests/server/fixtures/tls-cert.pem");
        m_key = QStringLiteral(HIVEMIND_SOURCE_DIR "/tests/server/fixtures/tls-key.pem");
        QVERIFY(QFile::exists(m_cert) && QFile::exists(m_key));
    }

    void servesHttpsWithTheCertificate()
    {
        ServerProcess server(m_dir.filePath("data"));
        const QUrl url = server.start({"--tls-cert", m_cert, "--tls-key", m_key});
        QVERIFY2(!url.isEmpty(), server.standardError().constData());
        QCOMPARE(url.scheme(), QStringLiteral("https"));

        QFile certFile(m_cert);
        QVERIFY(certFile.open(QIODevice::ReadOnly));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromData(certFile.readAll(), QSsl::Pem));

        QNetworkAccessManager network;
        QUrl health = url;
        health.setPath("/api/v1/health");
        QNetworkRequest request(health);
        request.setSslConfiguration(ssl);
        QNetworkReply *reply = network.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(60000));
        QVERIFY2(reply->error() == QNetworkReply::NoError, qPrintable(reply->errorString()));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(body.value("data").toObject().value("status").toString(),
                 QStringLiteral("healthy"));
        reply->deleteLater();

        // Without trusting the certificate the handshake fails (a fresh
        // manager, so no kept-alive connection is reused).
        QNetworkAccessManager strict;
        QNetworkReply *untrusted = strict.get(QNetworkRequest(health));
        QSignalSpy untrustedFinished(untrusted, &QNetworkReply::finished);
        QVERIFY(untrustedFinished.wait(60000));
        QCOMPARE(untrusted->error(), QNetworkReply::SslHandshakeFailedError);
        untrusted->deleteLater();
    }

    void badTlsArgumentsExit2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("missing cert")
            << QStringList{"--tls-cert", "/nonexistent/cert.pem", "--tls-key", "KEY"}
            << QByteArray("TLS certificate file");
        QTest::newRow("missing key")
            << QStringList{"--tls-cert", "CERT", "--tls-key", "/nonexistent/key.pem"}
            << QByteArray("TLS key file");
        QTest::newRow("key is not a key")
            << QStringList{"--tls-cert", "CERT", "--tls-key", "CERT"} << QByteArray("private key");
        QTest::newRow("cert is not a cert") << QStringList{"--tls-cert", "KEY", "--tls-key", "KEY"}
                                            << QByteArray("no PEM certificate");
        QTest::newRow("cert without key")
            << QStringList{"--tls-cert", "CERT"} << QByteArray("--tls-cert and --tls-key");
    }

    void badTlsArgumentsExit2()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        arguments.replaceInStrings("CERT", m_cert);
        arguments.replaceInStrings("KEY", m_key);
        const QString data = m_dir.filePath("bad-" + QString::number(qHash(arguments.join(' '))));
        ServerProcess server(data);
        QCOMPARE(server.runToExit(arguments), 2);
        QVERIFY2(server.standardError().contains(message), server.standardError().constData());
        // Refused before the store was touched.
        QVERIFY(!QFile::exists(data + "/hivemind.db"));
    }
};

QTEST_MAIN(TestTls)
#include "TestTls.moc"
