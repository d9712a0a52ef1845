#pragma once

// A real SMTP server on loopback for the mail tests (TestAccountMail,
// TestAlertEmailChannel, TestSmtpPinning, TestAccountMailConsole):
// tests/support/smtp_sink.py on Debian's python3-aiosmtpd, STARTTLS
// required with a certificate made for the run, then a sign-in. It saves
// each message it takes as <n>.eml (1, 2, …) with X-Envelope-From and
// X-Envelope-To headers.

#include "TlsTestSupport.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <algorithm>

namespace smtptest {

class Sink
{
public:
    ~Sink() { stop(); }

    // Starts the sink in `workDir` (its mail directory, certificate and key
    // there) for the sign-in `user` / `password`, with a certificate for
    // 127.0.0.1 and ::1 (and `dnsName` when given), listening on
    // `listenHost` (default 127.0.0.1). "" once it listens, else what went
    // wrong.
    QString start(const QString &workDir, const QString &user, const QString &password,
                  const QString &dnsName = {}, const QString &listenHost = {})
    {
        m_mailDir = QDir(workDir).filePath(QStringLiteral("mail"));
        if (!QDir().mkpath(m_mailDir))
            return QStringLiteral("cannot make ") + m_mailDir;
        const QString cert = QDir(workDir).filePath(QStringLiteral("smtp.crt"));
        const QString key = QDir(workDir).filePath(QStringLiteral("smtp.key"));
        if (!tlstest::makeSelfSignedCertificate(cert, key, 2, dnsName))
            return QStringLiteral("openssl could not make the sink's certificate");
        QFile certFile(cert);
        if (!certFile.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read ") + cert;
        m_certPem = certFile.readAll();
        // Debian's interpreter, where python3-aiosmtpd is installed.
        const QString python = QFile::exists(QStringLiteral("/usr/bin/python3"))
                                   ? QStringLiteral("/usr/bin/python3")
                                   : QStringLiteral("python3");
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList arguments{QStringLiteral(HIVEMIND_SOURCE_DIR "/tests/support/smtp_sink.py"),
                              m_mailDir,
                              cert,
                              key,
                              user,
                              password};
        if (!listenHost.isEmpty())
            arguments << listenHost;
        m_process.start(python, arguments);
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("the SMTP sink did not start");
        if (!m_process.waitForReadyRead(20000))
            return QStringLiteral("the SMTP sink said nothing (python3-aiosmtpd? no ") +
                   (listenHost.isEmpty() ? QStringLiteral("127.0.0.1") : listenHost) +
                   QStringLiteral("?)");
        const QByteArray line = m_process.readLine().trimmed();
        if (!line.startsWith("PORT "))
            return QString::fromLatin1(line);
        m_port = quint16(line.mid(5).toInt());
        return m_port > 0 ? QString() : QStringLiteral("the SMTP sink named no port");
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }

    quint16 port() const { return m_port; }
    // The sink's certificate (PEM): the CA a sender must trust.
    const QByteArray &certPem() const { return m_certPem; }

    int savedCount() const
    {
        return int(QDir(m_mailDir).entryList({QStringLiteral("*.eml")}, QDir::Files).size());
    }
    // The n-th message taken (from 1); empty when there is none.
    QByteArray savedMessage(int n) const
    {
        QFile file(QDir(m_mailDir).filePath(QStringLiteral("%1.eml").arg(n)));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    // The messages to `address`, in the order they came.
    QList<QByteArray> messagesTo(const QString &address) const
    {
        QList<QByteArray> found;
        const QDir dir(m_mailDir);
        QStringList names = dir.entryList({QStringLiteral("*.eml")}, QDir::Files);
        std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
            return a.section(u'.', 0, 0).toInt() < b.section(u'.', 0, 0).toInt();
        });
        for (const QString &name : names) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray message = file.readAll();
            if (message.contains("X-Envelope-To: " + address.toLatin1() + "\r\n"))
                found.append(message);
        }
        return found;
    }

private:
    QProcess m_process;
    QString m_mailDir;
    QByteArray m_certPem;
    quint16 m_port = 0;
};

// The body of a saved message (base64 after the blank line).
inline QString decodedBody(const QByteArray &message)
{
    const qsizetype split = message.indexOf("\r\n\r\n");
    QByteArray body = message.mid(split + 4);
    body.replace("\r\n", "");
    return QString::fromUtf8(QByteArray::fromBase64(body));
}

// The Subject header of a saved message, unfolded and decoded: RFC 2047
// encoded words (=?UTF-8?B?…?=), whitespace between adjacent words dropped.
// Empty when a header holds a byte that is not ASCII (not sent as it must).
inline QString decodedSubject(const QByteArray &message)
{
    QByteArray head = message.left(message.indexOf("\r\n\r\n"));
    for (const char byte : head) {
        if (uchar(byte) > 0x7e)
            return {};
    }
    head.replace("\r\n ", " ");
    for (const QByteArray &line : head.split('\n')) {
        if (!line.startsWith("Subject: "))
            continue;
        const QString value = QString::fromLatin1(line.mid(9).trimmed());
        static const QRegularExpression word(
            QStringLiteral("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?="));
        if (!value.contains(word))
            return value;
        QByteArray bytes;
        qsizetype at = 0;
        auto it = word.globalMatch(value);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString between = value.mid(at, m.capturedStart() - at);
            if (!between.trimmed().isEmpty())
                bytes += between.toLatin1();
            bytes += QByteArray::fromBase64(m.captured(1).toLatin1());
            at = m.capturedEnd();
        }
        bytes += value.mid(at).toLatin1();
        return QString::fromUtf8(bytes);
    }
    return {};
}

} // namespace smtptest
