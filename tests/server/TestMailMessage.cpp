// server/services/mail/MailMessage: addresses SMTP takes and the ones it
// must not (a line break would inject a header or a recipient), the subject
// flattened to one line and encoded when it is not ASCII, the body in
// base64 lines that decode to the text with CRLF line ends.

#include "server/services/mail/MailMessage.h"

#include <QTest>

using namespace hm::server::mail;

class TestMailMessage : public QObject
{
    Q_OBJECT

private slots:
    void addresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "ops@example.com" << true;
        QTest::newRow("plus") << "ops+alerts@mail.example.co.uk" << true;
        QTest::newRow("no at") << "ops.example.com" << false;
        QTest::newRow("two at") << "a@b@example.com" << false;
        QTest::newRow("space") << "ops @example.com" << false;
        QTest::newRow("line break") << "ops@example.com\r\nBcc: evil@example.com" << false;
        QTest::newRow("angle") << "<ops@example.com>" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("long") << QString(250, u'a') + "@b.cd" << false;
    }
    void addresses()
    {
        QFETCH(QString, address);
        QFETCH(bool, valid);
        QCOMPARE(isMailAddress(address), valid);
    }

    void splitsAndChecksRecipients()
    {
        QCOMPARE(splitAddresses(" a@x.io, b@y.io; ;c@z.io "),
                 (QStringList{"a@x.io", "b@y.io", "c@z.io"}));
        MailMessage m{"alerts@x.io", {"a@x.io"}, "s", "t"};
        QVERIFY(checkMessage(m).ok());
        m.to.append("bad address");
        QCOMPARE(checkMessage(m).error().details.value("field").toString(), QStringLiteral("to"));
        m.to = {};
        QVERIFY(!checkMessage(m).ok());
        m = MailMessage{"not-an-address", {"a@x.io"}, "s", "t"};
        QCOMPARE(checkMessage(m).error().details.value("field").toString(), QStringLiteral("from"));
    }

    void rendersHeadersThatCannotBeInjected()
    {
        const MailMessage m{"alerts@x.io",
                            {"a@x.io", "b@x.io"},
                            "CPU hot\r\nBcc: evil@example.com",
                            "line one\nline two"};
        const QByteArray text =
            renderMessage(m, QDateTime(QDate(2026, 11, 25), QTime(9, 5, 7), Qt::UTC), "id-1@x.io");
        const qsizetype split = text.indexOf("\r\n\r\n");
        const QByteArray head = text.left(split);
        QVERIFY(head.contains("Date: Wed, 25 Nov 2026 09:05:07 +0000"));
        QVERIFY(head.contains("To: a@x.io, b@x.io"));
        QVERIFY(head.contains("Message-ID: <id-1@x.io>"));
        // The break became a space: still the subject, no new header.
        QVERIFY(head.contains("Subject: CPU hot Bcc: evil@example.com"));
        QVERIFY(!head.contains("\r\nBcc:"));
        QByteArray body = text.mid(split + 4);
        for (const QByteArray &line : body.split('\n'))
            QVERIFY(line.size() <= 77);
        body.replace("\r\n", "");
        QCOMPARE(QByteArray::fromBase64(body), QByteArray("line one\r\nline two"));
    }

    void encodesAUnicodeSubject()
    {
        const MailMessage m{
            "alerts@x.io", {"a@x.io"}, QStringLiteral("告警：處理器使用率過高 on web-01"), "x"};
        const QByteArray text = renderMessage(m, QDateTime::currentDateTimeUtc(), "id@x.io");
        const qsizetype at = text.indexOf("Subject: ");
        const QByteArray subject = text.mid(at + 9, text.indexOf("\r\nMessage-ID") - at - 9);
        QVERIFY(subject.startsWith("=?UTF-8?B?"));
        // Each encoded word decodes on its own to whole characters.
        QString decoded;
        for (QByteArray word : subject.split(' ')) {
            word = word.trimmed();
            if (word.isEmpty())
                continue;
            QVERIFY(word.startsWith("=?UTF-8?B?") && word.endsWith("?="));
            QVERIFY(word.size() <= 75);
            decoded += QString::fromUtf8(QByteArray::fromBase64(word.mid(10, word.size() - 12)));
        }
        QCOMPARE(decoded, m.subject);
    }
};

QTEST_MAIN(TestMailMessage)
#include "TestMailMessage.moc"
