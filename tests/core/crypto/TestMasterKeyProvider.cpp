#include "crypto/MasterKeyProvider.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace hm;
using namespace hm::crypto;

// QVERIFY2 evaluates its message even on success, so never call error() there.
template <typename R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

namespace {

const QByteArray kEnvKey = "nJsaWEwTysEqcg/pAbCD32u8emt/KkJSeBZWdh7NGos="; // seed 003 §12.3.1

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Mode bits as the kernel reports them, not as Qt maps them.
int modeOf(const QString &path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

SecureBytes decoded(const QByteArray &base64)
{
    return SecureBytes::fromRaw(QByteArray::fromBase64(base64.trimmed()));
}

} // namespace

class TestMasterKeyProvider : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir.reset(new QTemporaryDir);
        QVERIFY(m_dir->isValid());
    }

    void generateKeyBase64Shape()
    {
        const QByteArray key = MasterKeyProvider::generateKeyBase64();
        QCOMPARE(key.size(), 44);
        QCOMPARE(QByteArray::fromBase64(key).size(), 32);
        QVERIFY(MasterKeyProvider::generateKeyBase64() != key);
    }

    void environmentWins()
    {
        writeFile(keyFilePath(), MasterKeyProvider::generateKeyBase64());
        writeFile(generatedPath(), MasterKeyProvider::generateKeyBase64());
        MasterKeyOptions options = baseOptions();
        options.environmentValue = kEnvKey;
        options.keyFile = keyFilePath();
        bool keychainAsked = false;
        options.keychainRead = [&]() -> std::optional<QByteArray> {
            keychainAsked = true;
            return MasterKeyProvider::generateKeyBase64();
        };

        const Result<ResolvedMasterKey> result = MasterKeyProvider::resolve(options);
        QVERIFY2(result.ok(), why(result).constData());
        QCOMPARE(result.value().source, MasterKeySource::Environment);
        QVERIFY(result.value().key == decoded(kEnvKey));
        QVERIFY(!result.value().generated);
        QCOMPARE(result.value().location, QStringLiteral("HIVEMIND_MASTER_KEY"));
        QVERIFY(!keychainAsked);
    }

    // The server logs "master key from <this>": each part named once (it
    // used to read "environment variable HIVEMIND_MASTER_KEY HIVEMIND_MASTER_KEY").
    void describesTheSourceOnce()
    {
        MasterKeyOptions options = baseOptions();
        options.environmentValue = kEnvKey;
        const Result<ResolvedMasterKey> fromEnv = MasterKeyProvider::resolve(options);
        if (!fromEnv.ok())
            QFAIL(why(fromEnv).constData());
        QCOMPARE(describeMasterKeySource(fromEnv.value()),
                 QStringLiteral("environment variable HIVEMIND_MASTER_KEY"));

        ResolvedMasterKey keychain;
        keychain.source = MasterKeySource::Keychain;
        keychain.location = QStringLiteral("OS keychain");
        QCOMPARE(describeMasterKeySource(keychain), QStringLiteral("OS keychain"));

        ResolvedMasterKey file;
        file.source = MasterKeySource::KeyFile;
        file.location = QStringLiteral("/etc/hivemind/master.key");
        QCOMPARE(describeMasterKeySource(file),
                 QDir::toNativeSeparators(QStringLiteral("key file /etc/hivemind/master.key")));
    }

    void environmentInvalid_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("not base64") << QByteArray("this-is-not*base64!!");
        QTest::newRow("16 bytes") << QByteArray("c2VjcmV0LXNlY3JldC0xNg==");
        QTest::newRow("33 bytes") << QByteArray(33, 'k').toBase64();
        QTest::newRow("padding inside")
            << QByteArray("nJsa=EwTysEqcg/pAbCD32u8emt/KkJSeBZWdh7NGos=");
    }

    void environmentInvalid()
    {
        QFETCH(QByteArray, value);
        writeFile(generatedPath(), MasterKeyProvider::generateKeyBase64());
        MasterKeyOptions options = baseOptions();
        options.environmentValue = value;

        const Result<ResolvedMasterKey> result = MasterKeyProvider::resolve(options);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::MasterKeyNotConfigured);
        QVERIFY(result.error().message.contains(QLatin1String("HIVEMIND_MASTER_KEY")));
        QVERIFY(!result.error().message.contains(QString::fromLatin1(value)));
        QVERIFY(!result.error().toString().contains(QString::fromLatin1(value)));
    }

    void environmentAcceptsTrailingNewline()
    {
        MasterKeyOptions options = baseOptions();
        options.environmentValue = kEnvKey + '\n';
        const Result<ResolvedMasterKey> result = MasterKeyProvider::resolve(options);
        QVERIFY(result.ok());
        QVERIFY(result.value().key == decoded(kEnvKey));
    }

    void fromEnvironmentReadsTheVariable()
    {
        qputenv("HIVEMIND_MASTER_KEY", kEnvKey);
        const MasterKeyOptions options =
            MasterKeyOptions::fromEnvironment(m_dir->path(), QStringLiteral("/x/key"));
        qunsetenv("HIVEMIND_MASTER_KEY");
        QCOMPARE(options.environmentValue, kEnvKey);
        QCOMPARE(options.dataDir, m_dir->path());
        QCOMPARE(options.keyFile, QStringLiteral("/x/key"));
        QVERIFY(MasterKeyOptions::fromEnvironment({}, {}).environmentValue.isEmpty());
    }

    void keyFileBeatsKeychainAndGeneratedFile()
    {
        const QByteArray fileKey = MasterKeyProvider::generateKeyBase64();
        writeFile(keyFilePath(), fileKey + '\n');
        writeFile(generatedPath(), MasterKeyProvider::generateKeyBase64());
        MasterKeyOptions options = baseOptions();
        options.keyFile = keyFilePath();
        options.keychainRead = [] { return std::optional(MasterKeyProvider::generateKeyBase64()); };

        const Result<ResolvedMasterKey> result = MasterKeyProvider::resolve(options);
        QVERIFY2(result.ok(), why(result).constData());
        QCOMPARE(result.value().source, MasterKeySource::KeyFile);
        QCOMPARE(result.value().location, keyFilePath());
        QVERIFY(result.value().key == decoded(fileKey));
    }

    void keyFileMissing()
    {
        MasterKeyOptions options = baseOptions();
        options.keyFile = m_dir->filePath(QStringLiteral("nope.key"));
        const Result<ResolvedMasterKey> result = MasterKeyProvider::resolve(options);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::IoError);
        QVERIFY(result.error().message.contains(options.keyFile));
        QVERIFY(!QFile::exists(generatedPath())); // no silent fallback to a new key
    }

    // A key file that exists but cannot be read is an error naming it, not
    // a fallback. Root reads a file whatever its mode, so the path names a
    // directory (unreadable as a file for everyone); other users also get
    // a file without read permission.
    void keyFileUnreadable_data()
    {
        QTest::addColumn<bool>("directory");
        QTest::newRow("directory") << true;
        if (::geteuid() != 0)
            QTest::newRow("no read permission") << false;
    }

    void keyFileUnreadable()
    {
        QFETCH(bool, directory);
        if (directory) {
            QVERIFY(QDir().mkpath(keyFilePath()));
        } else {
            writeFile(keyFilePath(), MasterKeyProvider::generateKeyBase64());
            QVERIFY(QFile::setPermissions(keyFilePath(), QFileDevice::WriteOwner));
        }
        MasterKeyOptions options = baseOptions();
        options.keyFile = keyFilePath();
        const Result<ResolvedMasterKey> result = MasterKeyProvider::resolve(options);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::IoError);
        QVERIFY(result.error().message.contains(keyFilePath()));
        QVERIFY2(result.error().message.contains(QLatin1String("cannot read")),
                 qPrintable(result.error().message));
        QVERIFY(!QFile::exists(generatedPath())); // no silent fallback to a new key
    }

    void keyFileBadContent()
    {
        const QByteArray shortKey = QByteArray(16, 'x').toBase64();
        writeFile(keyFilePath(), shortKey);
        MasterKeyOptions options = baseOptions();
        options.keyFile = keyFilePath();
        const Result<ResolvedMasterKey> result = MasterKeyProvider::resolve(options);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::MasterKeyNotConfigured);
        QVERIFY(result.error().message.contains(keyFilePath()));
        QVERIFY(!result.error().message.contains(QString::fromLatin1(shortKey)));
    }

    void keychainKeyIsUsedBeforeGeneratedFile()
    {
        const QByteArray chainKey = MasterKeyProvider::generateKeyBase64();
        writeFile(generatedPath(), MasterKeyProvider::generateKeyBase64());
        MasterKeyOptions options = baseOptions();
        options.keychainRead = [&] { return std::optional(chainKey); };
        bool written = false;
        options.keychainWrite = [&](const QByteArray &) { return written = true; };

        const Result<ResolvedMasterKey> result = MasterKeyProvider::resolve(options);
        QVERIFY(result.ok());
        QCOMPARE(result.value().source, MasterKeySource::Keychain);
        QVERIFY(!result.value().generated);
        QVERIFY(result.value().key == decoded(chainKey));
        QVERIFY(!written);
    }

    void keychainNotAnsweringFallsThrough()
    {
        MasterKeyOptions options = baseOptions();
        options.keychainRead = [] { return std::optional<QByteArray>(); };
        bool written = false;
        options.keychainWrite = [&](const QByteArray &) { return written = true; };

        const Result<ResolvedMasterKey> result = MasterKeyProvider::resolve(options);
        QVERIFY2(result.ok(), why(result).constData());
        QCOMPARE(result.value().source, MasterKeySource::GeneratedFile);
        QVERIFY(result.value().generated);
        QVERIFY(!written);
        QVERIFY(QFile::exists(generatedPath()));
    }

    void emptyKeychainGetsAGeneratedKey()
    {
        MasterKeyOptions options = baseOptions();
        QByteArray stored;
        options.keychainRead = [] { return std::optional(QByteArray()); };
        options.keychainWrite = [&](const QByteArray &key) {
            stored = key;
            return true;
        };

        const Result<ResolvedMasterKey> result = MasterKeyProvider::resolve(options);
        QVERIFY2(result.ok(), why(result).constData());
        QCOMPARE(result.value().source, MasterKeySource::Keychain);
        QVERIFY(result.value().generated);
        QVERIFY(result.value().key == decoded(stored));
        QVERIFY(!QFile::exists(generatedPath()));
    }

    void existingGeneratedFileBeatsKeychainGeneration()
    {
        const QByteArray fileKey = MasterKeyProvider::generateKeyBase64();
        writeFile(generatedPath(), fileKey);
        MasterKeyOptions options = baseOptions();
        options.keychainRead = [] { return std::optional(QByteArray()); };
        bool written = false;
        options.keychainWrite = [&](const QByteArray &) { return written = true; };

        const Result<ResolvedMasterKey> result = MasterKeyProvider::resolve(options);
        QVERIFY(result.ok());
        QCOMPARE(result.value().source, MasterKeySource::GeneratedFile);
        QVERIFY(!result.value().generated);
        QVERIFY(result.value().key == decoded(fileKey));
        QVERIFY(!written);
    }

    void keychainWriteFailureFallsBackToFile()
    {
        MasterKeyOptions options = baseOptions();
        options.keychainRead = [] { return std::optional(QByteArray()); };
        options.keychainWrite = [](const QByteArray &) { return false; };
        const Result<ResolvedMasterKey> result = MasterKeyProvider::resolve(options);
        QVERIFY(result.ok());
        QCOMPARE(result.value().source, MasterKeySource::GeneratedFile);
        QVERIFY(result.value().generated);
        QVERIFY(result.value().key == decoded(readFile(generatedPath())));
    }

    void invalidKeychainKeyIsAnError()
    {
        MasterKeyOptions options = baseOptions();
        options.keychainRead = [] { return std::optional(QByteArray("garbage")); };
        const Result<ResolvedMasterKey> result = MasterKeyProvider::resolve(options);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::MasterKeyNotConfigured);
        QVERIFY(!QFile::exists(generatedPath()));
    }

    void generatedFileIsOwnerOnlyAndReused()
    {
        const QString dataDir = m_dir->filePath(QStringLiteral("data/nested"));
        MasterKeyOptions options;
        options.dataDir = dataDir;
        const QString path = QDir(dataDir).filePath(QStringLiteral("master.key"));

        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("generated a new master key in .*") +
                                                QRegularExpression::escape(path)));
        const Result<ResolvedMasterKey> first = MasterKeyProvider::resolve(options);
        QVERIFY2(first.ok(), why(first).constData());
        QCOMPARE(first.value().source, MasterKeySource::GeneratedFile);
        QVERIFY(first.value().generated);
        QCOMPARE(first.value().location, path);
        QCOMPARE(first.value().key.size(), 32);
        QCOMPARE(modeOf(path), 0600);

        const QByteArray content = readFile(path);
        QVERIFY(content.endsWith('\n'));
        QVERIFY(first.value().key == decoded(content));
        // Nothing but the key file is left behind (no temporary files).
        QCOMPARE(QDir(dataDir).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("master.key")});

        const Result<ResolvedMasterKey> second = MasterKeyProvider::resolve(options);
        QVERIFY(second.ok());
        QCOMPARE(second.value().source, MasterKeySource::GeneratedFile);
        QVERIFY(!second.value().generated);
        QVERIFY(second.value().key == first.value().key);
        QCOMPARE(readFile(path), content); // never rewritten
    }

    void corruptGeneratedFileIsNeverOverwritten()
    {
        writeFile(generatedPath(), "corrupt");
        const Result<ResolvedMasterKey> result = MasterKeyProvider::resolve(baseOptions());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::MasterKeyNotConfigured);
        QVERIFY(result.error().message.contains(generatedPath()));
        QCOMPARE(readFile(generatedPath()), QByteArray("corrupt"));
    }

    void noSourceAndNoDataDir()
    {
        const Result<ResolvedMasterKey> result = MasterKeyProvider::resolve(MasterKeyOptions{});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::MasterKeyNotConfigured);
    }

private:
    MasterKeyOptions baseOptions() const
    {
        MasterKeyOptions options;
        options.dataDir = m_dir->path();
        return options;
    }
    QString keyFilePath() const { return m_dir->filePath(QStringLiteral("explicit.key")); }
    QString generatedPath() const { return m_dir->filePath(QStringLiteral("master.key")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestMasterKeyProvider)
#include "TestMasterKeyProvider.moc"
