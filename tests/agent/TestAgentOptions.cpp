// hivemind-agent's options: defaults, the config file, the command line over
// it, and refusals with a message an operator can act on.

#include "agent/AgentOptions.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::agent;

class TestAgentOptions : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeConfig(const QByteArray &text)
    {
        const QString path = m_dir.filePath(QStringLiteral("agent.conf"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write the config");
        file.write(text);
        return path;
    }

    static Result<AgentOptions> parse(const QStringList &args)
    {
        return parseAgentOptions(QStringList{QStringLiteral("hivemind-agent")} + args,
                                 QStringLiteral("host-1"));
    }

private slots:
    void defaults()
    {
        // An explicit empty config file: the machine's /etc/hivemind/agent.conf
        // must not decide this test.
        const QString config = writeConfig("");
        const auto options = parse({QStringLiteral("--config"), config});
        QVERIFY2(options.ok(), qPrintable(options.ok() ? QString() : options.error().message));
        QCOMPARE(options->dataDir, QStringLiteral("/var/lib/hivemind-agent"));
        QCOMPARE(options->intervalSeconds, 5);
        QCOMPARE(options->name, QStringLiteral("host-1"));
        QCOMPARE(options->capabilities,
                 (QStringList{QStringLiteral("metrics"), QStringLiteral("probes")}));
        QVERIFY(options->server.isEmpty());
        QVERIFY(options->enrolSecret.isEmpty());
        QVERIFY(options->pinSha256.isEmpty());
        QVERIFY(!options->printFingerprint);
    }

    void configFileAndCommandLineOverIt()
    {
        const QString config = writeConfig("server=https://hive.example:8443\n"
                                           "enrol_secret=file-secret\n"
                                           "data_dir=/tmp/agent-data\n"
                                           "interval=30\n"
                                           "pin_sha256=AB:CD:" +
                                           QByteArray(60, 'e') +
                                           "\n"
                                           "name=from-file\n"
                                           "capabilities=metrics,probes\n");
        const auto fromFile = parse({QStringLiteral("--config"), config});
        QVERIFY(fromFile.ok());
        QCOMPARE(fromFile->server, QUrl(QStringLiteral("https://hive.example:8443")));
        QCOMPARE(fromFile->enrolSecret, QStringLiteral("file-secret"));
        QCOMPARE(fromFile->dataDir, QStringLiteral("/tmp/agent-data"));
        QCOMPARE(fromFile->intervalSeconds, 30);
        QCOMPARE(fromFile->pinSha256, QStringLiteral("abcd") + QString(60, u'e'));
        QCOMPARE(fromFile->name, QStringLiteral("from-file"));
        QCOMPARE(fromFile->capabilities,
                 (QStringList{QStringLiteral("metrics"), QStringLiteral("probes")}));

        const auto overridden =
            parse({QStringLiteral("--config"), config, QStringLiteral("--server"),
                   QStringLiteral("http://10.0.0.1:8080"), QStringLiteral("--interval"),
                   QStringLiteral("7"), QStringLiteral("--name"), QStringLiteral("from-cli"),
                   QStringLiteral("--data-dir"), QStringLiteral("/srv/agent"),
                   QStringLiteral("--enrol-secret"), QStringLiteral("cli-secret"),
                   QStringLiteral("--print-fingerprint")});
        QVERIFY(overridden.ok());
        QCOMPARE(overridden->server, QUrl(QStringLiteral("http://10.0.0.1:8080")));
        QCOMPARE(overridden->intervalSeconds, 7);
        QCOMPARE(overridden->name, QStringLiteral("from-cli"));
        QCOMPARE(overridden->dataDir, QStringLiteral("/srv/agent"));
        QCOMPARE(overridden->enrolSecret, QStringLiteral("cli-secret"));
        QVERIFY(overridden->printFingerprint);
        // What the command line does not set stays the file's.
        QCOMPARE(overridden->capabilities.size(), 2);
        QCOMPARE(overridden->pinSha256.size(), 64);
    }

    void badValuesRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("words");
        QTest::newRow("interval 0") << QStringList{"--interval", "0"} << "interval"
                                    << "from 1 to 3600";
        QTest::newRow("interval 3601") << QStringList{"--interval", "3601"} << "interval"
                                       << "from 1 to 3600";
        QTest::newRow("interval text") << QStringList{"--interval", "fast"} << "interval"
                                       << "from 1 to 3600";
        QTest::newRow("ftp url") << QStringList{"--server", "ftp://hive.example"} << "server"
                                 << "http:// or https://";
        QTest::newRow("no host") << QStringList{"--server", "https://"} << "server"
                                 << "http:// or https://";
        QTest::newRow("short pin") << QStringList{"--pin-sha256", "abcd"} << "pin_sha256"
                                   << "64 hex digits";
        QTest::newRow("capabilities on the command line")
            << QStringList{"--capabilities", "probes"} << "arguments"
            << "capabilities";
        QTest::newRow("positional") << QStringList{"extra"} << "arguments"
                                    << "unexpected";
    }
    void badValuesRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, field);
        QFETCH(QString, words);
        const auto options = parse(QStringList{QStringLiteral("--config"), writeConfig("")} + args);
        QVERIFY(!options.ok());
        QCOMPARE(options.error().code, ErrorCode::ValidationError);
        QCOMPARE(options.error().details.value(QStringLiteral("field")).toString(), field);
        QVERIFY2(options.error().message.contains(words), qPrintable(options.error().message));
    }

    // --files-root DIR[:ro], repeatable; stored canonical.
    void filesRootsFromTheCommandLine()
    {
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("www")));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("logs")));
        const QString www = QFileInfo(m_dir.filePath(QStringLiteral("www"))).canonicalFilePath();
        const QString logs =
            QFileInfo(m_dir.filePath(QStringLiteral("logs"))).canonicalFilePath();
        const auto options = parse({QStringLiteral("--config"), writeConfig(""),
                                    QStringLiteral("--files-root"), www,
                                    QStringLiteral("--files-root"), logs + QStringLiteral(":ro")});
        QVERIFY2(options.ok(), qPrintable(options.ok() ? QString() : options.error().message));
        QCOMPARE(options->filesRoots,
                 (QList<FileRoot>{FileRoot{www, false}, FileRoot{logs, true}}));
        const auto none = parse({QStringLiteral("--config"), writeConfig("")});
        QVERIFY(none.ok());
        QVERIFY(none->filesRoots.isEmpty());
    }

    // The config file's list; the command line replaces it.
    void filesRootsFromTheFile()
    {
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("srv")));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("etc")));
        const QString srv = QFileInfo(m_dir.filePath(QStringLiteral("srv"))).canonicalFilePath();
        const QString etc = QFileInfo(m_dir.filePath(QStringLiteral("etc"))).canonicalFilePath();
        const QString config =
            writeConfig("files_roots=" + srv.toUtf8() + "," + etc.toUtf8() + ":ro\n");
        const auto fromFile = parse({QStringLiteral("--config"), config});
        QVERIFY2(fromFile.ok(),
                 qPrintable(fromFile.ok() ? QString() : fromFile.error().message));
        QCOMPARE(fromFile->filesRoots,
                 (QList<FileRoot>{FileRoot{srv, false}, FileRoot{etc, true}}));
        const auto replaced = parse({QStringLiteral("--config"), config,
                                     QStringLiteral("--files-root"), etc});
        QVERIFY(replaced.ok());
        QCOMPARE(replaced->filesRoots, (QList<FileRoot>{FileRoot{etc, false}}));
    }

    void badFilesRootsRefused_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("code");
        QTest::newRow("relative") << "some/dir" << "PATH_INVALID";
        QTest::newRow("missing") << "/no/such/hivemind/dir" << "NOT_FOUND";
        QTest::newRow("unknown suffix") << "/tmp:rw" << "PATH_INVALID";
        QTest::newRow("a file") << "FILE" << "NOT_A_DIRECTORY";
    }
    void badFilesRootsRefused()
    {
        QFETCH(QString, spec);
        QFETCH(QString, code);
        if (spec == u"FILE")
            spec = writeConfig("");
        // On the command line and in the file alike: a ValidationError, which
        // main() turns into exit code 2 (a bad option, not worth a restart).
        const auto fromCli = parse({QStringLiteral("--config"), writeConfig(""),
                                    QStringLiteral("--files-root"), spec});
        QVERIFY(!fromCli.ok());
        QCOMPARE(fromCli.error().code, ErrorCode::ValidationError);
        QCOMPARE(fromCli.error().details.value(QStringLiteral("field")).toString(),
                 QStringLiteral("files_root"));
        QCOMPARE(fromCli.error().details.value(QStringLiteral("code")).toString(), code);
        const QString config = m_dir.filePath(QStringLiteral("roots.conf"));
        {
            QFile file(config);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("files_roots=" + spec.toUtf8() + "\n");
        }
        const auto fromFile = parse({QStringLiteral("--config"), config});
        QVERIFY(!fromFile.ok());
        QCOMPARE(fromFile.error().code, ErrorCode::ValidationError);
        QVERIFY2(fromFile.error().message.contains(config),
                 qPrintable(fromFile.error().message));
    }

    // What the reboot capability runs comes from the config file only: an
    // absolute program and its arguments, never a shell.
    void rebootCommandFromTheFileOnly()
    {
        const auto defaults = parse({QStringLiteral("--config"), writeConfig("")});
        QVERIFY(defaults);
        QCOMPARE(defaults->rebootCommand,
                 (QStringList{QStringLiteral("/usr/bin/systemctl"), QStringLiteral("reboot")}));
        const auto configured = parse({QStringLiteral("--config"),
                                       writeConfig("reboot_command=/sbin/shutdown -r now\n")});
        QVERIFY(configured);
        QCOMPARE(configured->rebootCommand,
                 (QStringList{QStringLiteral("/sbin/shutdown"), QStringLiteral("-r"),
                              QStringLiteral("now")}));
        const auto relative =
            parse({QStringLiteral("--config"), writeConfig("reboot_command=reboot\n")});
        QVERIFY(!relative);
        QCOMPARE(relative.error().details.value(QStringLiteral("field")).toString(),
                 QStringLiteral("reboot_command"));
        QVERIFY(!parse({QStringLiteral("--config"), writeConfig(""),
                        QStringLiteral("--reboot-command"), QStringLiteral("/bin/true")}));
    }

    void unknownCapabilityInFileRefused()
    {
        const auto options =
            parse({QStringLiteral("--config"), writeConfig("capabilities=metrics,shell\n")});
        QVERIFY(!options.ok());
        QCOMPARE(options.error().details.value(QStringLiteral("field")).toString(),
                 QStringLiteral("capabilities"));
        QVERIFY(options.error().message.contains(QStringLiteral("\"shell\"")));
    }

    void unknownKeyInFileRefused()
    {
        const auto options = parse({QStringLiteral("--config"), writeConfig("intervall=5\n")});
        QVERIFY(!options.ok());
        QVERIFY(options.error().message.contains(QStringLiteral("intervall")));
    }

    void badFileValueNamesTheFile()
    {
        const QString config = writeConfig("interval=0\n");
        const auto options = parse({QStringLiteral("--config"), config});
        QVERIFY(!options.ok());
        QVERIFY(options.error().message.contains(config));
    }

    void secretNeverInMessages()
    {
        // A secret that happens to be refused along with something else
        // must not be echoed.
        const auto options = parse(
            {QStringLiteral("--config"), writeConfig(""), QStringLiteral("--enrol-secret"),
             QStringLiteral("s3cr3t-value"), QStringLiteral("--interval"), QStringLiteral("0")});
        QVERIFY(!options.ok());
        QVERIFY(!options.error().message.contains(QStringLiteral("s3cr3t-value")));
    }

    void missingExplicitConfigIsAnError()
    {
        const QString missing = m_dir.filePath(QStringLiteral("nope.conf"));
        const auto options = parse({QStringLiteral("--config"), missing});
        QVERIFY(!options.ok());
        QCOMPARE(options.error().details.value(QStringLiteral("field")).toString(),
                 QStringLiteral("config"));
        QVERIFY(options.error().message.contains(missing));
    }

    void helpListsEverything()
    {
        const QString help = agentHelpText();
        for (const char *word :
             {"--config", "--server", "--enrol-secret", "--data-dir", "--interval", "--pin-sha256",
              "--name", "--print-fingerprint", "capabilities", "probes", "--files-root",
              "files_roots"})
            QVERIFY2(help.contains(QLatin1String(word)), word);
        const auto options = parse({QStringLiteral("--help")});
        QVERIFY(options.ok());
        QVERIFY(options->showHelp);
    }
};

QTEST_GUILESS_MAIN(TestAgentOptions)
#include "TestAgentOptions.moc"
