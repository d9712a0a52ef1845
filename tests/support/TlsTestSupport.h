#pragma once

// A self-signed certificate for loopback, made with openssl for one test
// run (the TLS tests: TestConnectionTls, TestDashboardTls, TestAgentTls,
// TestProbeRunner).

#include <QProcess>
#include <QString>
#include <QStringList>

namespace tlstest {

// Writes an EC (P-256) certificate for 127.0.0.1 and ::1 (and `dnsName`
// when given), valid `days` days from now, and its key as PEM files; false when
// openssl failed.
inline bool makeSelfSignedCertificate(const QString &certPath, const QString &keyPath, int days = 2,
                                      const QString &dnsName = {})
{
    const QString names = dnsName.isEmpty()
                              ? QStringLiteral("subjectAltName=IP:127.0.0.1,IP:::1")
                              : QStringLiteral("subjectAltName=IP:127.0.0.1,IP:::1,DNS:") + dnsName;
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certPath,
                   QStringLiteral("-days"), QString::number(days), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"), names});
    return openssl.waitForFinished(30000) && openssl.exitStatus() == QProcess::NormalExit &&
           openssl.exitCode() == 0;
}

} // namespace tlstest
