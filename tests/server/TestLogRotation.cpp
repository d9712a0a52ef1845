// The server's own log file (docs/observability.md "Log files"): a real
// server started with --log-file and a small --log-max-size writes enough
// access lines to rotate many times; exactly --log-keep rotated files stay,
// none is larger than the limit, every line is one JSON record with the
// documented fields, and the kept files together hold an unbroken run of
// the requests up to the last one (no line lost or split by a rotation).

#include "AuthTestSupport.h"
#include "common/LogFile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace hm::test;

namespace {

constexpr int kMaxBytes = 4096;
constexpr int kKeep = 3;
constexpr int kRequests = 400;

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The kept files oldest first (PATH.3, PATH.2, PATH.1, PATH), concatenated.
QByteArray keptLog(const QString &path)
{
    QByteArray all;
    for (int i = kKeep; i >= 1; --i)
        all += readFile(path + u'.' + QString::number(i));
    return all + readFile(path);
}

} // namespace

class TestLogRotation : public QObject, private ServerFixture
{
    Q_OBJECT

private slots:
    void rotatesKeepsTheCountAndLosesNoLine()
    {
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("logs")));
        const QString log = m_dir.path() + QStringLiteral("/logs/server.log");
        const QString failure = startServer(
            {QStringLiteral("--log-format"), QStringLiteral("json"), QStringLiteral("--log-file"),
             log, QStringLiteral("--log-max-size"), QString::number(kMaxBytes),
             QStringLiteral("--log-keep"), QString::number(kKeep)});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        // One access line per request, each naming its number.
        for (int i = 0; i < kRequests; ++i)
            QCOMPARE(
                m_http->get(QStringLiteral("/rotation-probe-%1").arg(i, 4, 10, QChar(u'0'))).status,
                404);
        const QByteArray last = QStringLiteral("/rotation-probe-%1 404")
                                    .arg(kRequests - 1, 4, 10, QChar(u'0'))
                                    .toUtf8();
        QTRY_VERIFY_WITH_TIMEOUT(readFile(log).contains(last), 10000);

        // PATH and exactly kKeep rotated files, none over the limit.
        QDir logs(m_dir.path() + QStringLiteral("/logs"));
        QStringList names = logs.entryList(QDir::Files, QDir::Name);
        QCOMPARE(names,
                 (QStringList{QStringLiteral("server.log"), QStringLiteral("server.log.1"),
                              QStringLiteral("server.log.2"), QStringLiteral("server.log.3")}));
        for (const QString &name : names) {
            const qint64 size = QFileInfo(logs.filePath(name)).size();
            QVERIFY2(size > 0 && size <= kMaxBytes,
                     qPrintable(name + u' ' + QString::number(size)));
        }

        // Every line a whole JSON record; the probes an unbroken run that
        // ends with the last request and began before the oldest kept file.
        static const QRegularExpression probe(QStringLiteral("/rotation-probe-(\\d+) 404"));
        QList<int> seen;
        const QList<QByteArray> lines = keptLog(log).split('\n');
        QVERIFY(lines.last().isEmpty()); // ends with a newline
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            QJsonParseError error;
            const QJsonObject record = QJsonDocument::fromJson(lines[i], &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, lines[i].constData());
            for (const char *field : {"time", "level", "category", "message", "service", "host"})
                QVERIFY2(record.contains(QLatin1String(field)), lines[i].constData());
            QCOMPARE(record.value("service").toString(), QStringLiteral("hivemind-server"));
            QCOMPARE(record.value("pid").toInteger(), m_server->process().processId());
            const auto match = probe.match(record.value("message").toString());
            if (!match.hasMatch())
                continue;
            QCOMPARE(record.value("category").toString(), QStringLiteral("hivemind.server.http"));
            QVERIFY(record.value("request_id").toString().startsWith(QStringLiteral("req_")));
            seen.append(match.captured(1).toInt());
        }
        QVERIFY2(seen.size() > 3 * kKeep, qPrintable(QString::number(seen.size())));
        QVERIFY2(seen.first() > 0, "the oldest lines should have been rotated away");
        QCOMPARE(seen.last(), kRequests - 1);
        for (qsizetype i = 1; i < seen.size(); ++i)
            QVERIFY2(seen[i] == seen[i - 1] + 1,
                     qPrintable(QStringLiteral("%1 follows %2").arg(seen[i]).arg(seen[i - 1])));

        // The log went to the file, not to stderr.
        QVERIFY(!m_server->standardError().contains("rotation-probe"));
    }

    // A restarted server appends to the file it finds and keeps rotating.
    void restartAppendsToTheFile()
    {
        const QString log = m_dir.path() + QStringLiteral("/logs/server.log");
        const qint64 before = QFileInfo(log).size();
        QVERIFY(stopServer());
        QVERIFY(readFile(log).contains("stopped cleanly"));
        const QString failure = restartServer(
            {QStringLiteral("--log-format"), QStringLiteral("json"), QStringLiteral("--log-file"),
             log, QStringLiteral("--log-max-size"), QString::number(kMaxBytes),
             QStringLiteral("--log-keep"), QString::number(kKeep)});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(m_http->get(QStringLiteral("/after-restart")).status, 404);
        QTRY_VERIFY_WITH_TIMEOUT(keptLog(log).contains("/after-restart 404"), 10000);
        QVERIFY(QFileInfo(log).size() > before || QFile::exists(log + QStringLiteral(".1")));
        QVERIFY(!QFile::exists(log + u'.' + QString::number(kKeep + 1)));
    }

    // LogFile on its own: a line longer than the limit lands whole in a
    // file of its own, a batch is split between files only at line ends,
    // and --log-keep 0 keeps no rotated file.
    void logFileEdgeCases()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("edge.log"));
        {
            hm::logging::LogFile file({path, 100, 2});
            QVERIFY(file.open().isEmpty());
            QVERIFY(file.write(QByteArray(60, 'a') + '\n' + QByteArray(60, 'b') + '\n'));
            QCOMPARE(readFile(path + QStringLiteral(".1")), QByteArray(60, 'a') + '\n');
            QCOMPARE(readFile(path), QByteArray(60, 'b') + '\n');
            QVERIFY(file.write(QByteArray(250, 'c') + '\n'));
            QCOMPARE(readFile(path), QByteArray(250, 'c') + '\n');
            QCOMPARE(readFile(path + QStringLiteral(".1")), QByteArray(60, 'b') + '\n');
            QCOMPARE(readFile(path + QStringLiteral(".2")), QByteArray(60, 'a') + '\n');
            QVERIFY(file.write("d\n"));
            QCOMPARE(readFile(path), QByteArray("d\n"));
            QCOMPARE(readFile(path + QStringLiteral(".2")), QByteArray(60, 'b') + '\n');
            QVERIFY(!QFile::exists(path + QStringLiteral(".3")));
        }
        const QString none = dir.filePath(QStringLiteral("none.log"));
        hm::logging::LogFile file({none, 100, 0});
        QVERIFY(file.open().isEmpty());
        QVERIFY(file.write(QByteArray(80, 'x') + '\n'));
        QVERIFY(file.write(QByteArray(80, 'y') + '\n'));
        QCOMPARE(readFile(none), QByteArray(80, 'y') + '\n');
        QVERIFY(!QFile::exists(none + QStringLiteral(".1")));
        // A directory that is not there: why, not a crash.
        hm::logging::LogFile missing({dir.filePath(QStringLiteral("no/such.log")), 100, 1});
        QVERIFY(missing.open().contains(QStringLiteral("cannot open the log file")));
    }

    // Refusals: the server does not start, and says why.
    void badOptionsAreRefused()
    {
        QTemporaryDir dir;
        {
            ServerProcess server(dir.path());
            QCOMPARE(server.runToExit({QStringLiteral("--log-file"),
                                       dir.path() + QStringLiteral("/x.log"),
                                       QStringLiteral("--log-max-size"), QStringLiteral("100")}),
                     2);
            QVERIFY2(server.standardError().contains("--log-max-size must be 4096 to"),
                     server.standardError().constData());
        }
        {
            ServerProcess server(dir.path());
            QCOMPARE(server.runToExit({QStringLiteral("--log-keep"), QStringLiteral("-1")}), 2);
            QVERIFY(server.standardError().contains("--log-keep must be 0 to 1000"));
        }
        {
            // A directory that does not exist: IO_ERROR, exit code 1.
            ServerProcess server(dir.path());
            QCOMPARE(server.runToExit({QStringLiteral("--log-file"),
                                       dir.path() + QStringLiteral("/missing/x.log")}),
                     1);
            QVERIFY2(server.standardError().contains("cannot open the log file"),
                     server.standardError().constData());
            QVERIFY(server.standardError().contains("IO_ERROR"));
        }
    }
};

QTEST_GUILESS_MAIN(TestLogRotation)
#include "TestLogRotation.moc"
