#pragma once

// What the account, API key and user panel tests share (issue 12): a real
// in-process server over loopback (ServerConnection), its first
// administrator, extra accounts made through the API, and awaiting the
// client's callbacks.

#include "client/AccountApi.h"
#include "client/ApiClient.h"
#include "client/UsersApi.h"
#include "connection/ServerConnection.h"
#include "shell/LanguageManager.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>
#include <optional>

namespace admintest {

inline QByteArray randomMasterKey()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(key.begin(), key.end());
    return key.toBase64();
}

// Runs an asynchronous client call to its one callback.
template <typename T, typename Start> hm::Result<T> await(Start start, int timeoutMs = 20000)
{
    std::optional<hm::Result<T>> out;
    start([&out](hm::Result<T> r) { out.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, timeoutMs))
        return hm::Error{hm::ErrorCode::Timeout, QStringLiteral("no answer")};
    return std::move(*out);
}

// Base32 to bytes as an authenticator app reads a TOTP secret (on the test
// side, so the product's encoder is not checked against itself).
inline QByteArray base32Decode(const QString &text)
{
    QByteArray bytes;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar c : text) {
        if (c == u'=')
            break;
        const int v = c.isDigit() ? c.unicode() - '2' + 26 : c.toUpper().unicode() - 'A';
        buffer = (buffer << 5) | static_cast<quint32>(v);
        bits += 5;
        if (bits >= 8) {
            bytes.append(static_cast<char>((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return bytes;
}

// Whether any file under `dir` holds `needle` (bytes, as written).
inline QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found << path;
    }
    return found;
}

// The requests a minute one user may make of AdminServer's server (its
// api_rate_limit; the server's default is 1,000): enough for any suite.
inline constexpr int kAdminServerRequestsPerMinute = 1000000;

// A fresh server in temporary data and config directories, the console's
// connection signed in as its first administrator (or, with
// Console::SignedOut, left as the console starts, for suites that sign it in
// themselves or check what it shows before; the administrator then signs
// in on a client of their own through signIn()).
struct AdminServer
{
    enum class Console
    {
        SignedIn,
        SignedOut
    };

    QTemporaryDir dataDir;
    QTemporaryDir configDir;
    std::unique_ptr<hm::app::LanguageManager> languages;
    std::unique_ptr<hm::app::ServerConnection> connection;
    QString adminPassword;
    hm::client::UserInfo admin;

    bool start(const char *appName, Console console = Console::SignedIn)
    {
        if (!configDir.isValid() || !dataDir.isValid())
            return false;
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(configDir.path()));
        qputenv("XDG_DATA_HOME", QFile::encodeName(configDir.path() + QStringLiteral("/data")));
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("HiveMindTest"));
        QCoreApplication::setApplicationName(QString::fromLatin1(appName));
        QSettings().clear();
        qputenv("HIVEMIND_MASTER_KEY", randomMasterKey());
        languages = std::make_unique<hm::app::LanguageManager>();
        if (!languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No))
            return false;
        hm::app::ServerConnection::Options options;
        options.dataDir = dataDir.path();
        options.useKeychain = false;
        options.refreshIntervalMs = 0;
        // The GUI tests run as any user, root too: WireGuard servers only
        // write their files, never bring up an interface on the machine.
        options.wireguardBackend = QStringLiteral("config-only");
        connection = std::make_unique<hm::app::ServerConnection>(options);
        connection->start();
        if (!QTest::qWaitFor(
                [&] { return connection->state() == hm::app::ServerConnection::State::Connected; },
                30000))
            return false;
        QFile passwordFile(QDir(dataDir.path()).filePath(QStringLiteral("initial-admin-password")));
        if (!passwordFile.open(QIODevice::ReadOnly))
            return false;
        adminPassword = QString::fromUtf8(passwordFile.readAll()).trimmed();
        // The generated password must be replaced before the server
        // answers anything else (issue 34, item 17): done first, once.
        if (!replaceGeneratedPassword())
            return false;
        std::unique_ptr<hm::client::ApiClient> own;
        hm::client::ApiClient *client = connection->client();
        if (console == Console::SignedOut) {
            own = signIn(QStringLiteral("admin"), adminPassword, &admin);
            if (!own)
                return false;
            client = own.get();
        } else {
            auto login = await<hm::client::LoginResult>(
                [&](auto done) { client->login(QStringLiteral("admin"), adminPassword, done); });
            if (!login.ok()) {
                qWarning("admin login: %s", qPrintable(login.error().toString()));
                return false;
            }
            admin = login.value().user;
            connection->setSignedIn(admin);
        }
        // These suites sign in more often than the default 5 logins a minute.
        auto settings = await<QJsonValue>([&](auto done) {
            client->call<QJsonValue>(
                hm::client::ApiRequest::put(
                    QStringLiteral("/api/v1/auth/settings"),
                    QJsonObject{{QStringLiteral("auth.rate_limits"),
                                 QJsonObject{{QStringLiteral("login_per_minute"), 1000},
                                             {QStringLiteral("window_seconds"), 60}}}}),
                [](const hm::client::ApiResponse &r) { return r.data; }, done);
        });
        if (!settings.ok()) {
            qWarning("settings: %s", qPrintable(settings.error().toString()));
            return false;
        }
        // The test peers listen on loopback: the outbound policy refuses
        // that unless an administrator allows private networks. Every new
        // MainWindow asks for every section's data (some 45 requests): a
        // suite that opens many in a minute, as a screenshots slot does
        // after the rest, went past the default 1,000 requests a minute
        // of one user and got 429s (lists empty, models Failed), as the
        // server's own suites would (AuthTestSupport.h lifts it too).
        auto config = await<QJsonValue>([&](auto done) {
            client->call<QJsonValue>(
                hm::client::ApiRequest::put(
                    QStringLiteral("/api/v1/system/config"),
                    QJsonObject{{QStringLiteral("security"),
                                 QJsonObject{{QStringLiteral("allow_private_networks"), true}}},
                                {QStringLiteral("api_rate_limit"), kAdminServerRequestsPerMinute}}),
                [](const hm::client::ApiResponse &r) { return r.data; }, done);
        });
        if (!config.ok()) {
            qWarning("system config: %s", qPrintable(config.error().toString()));
            return false;
        }
        return true;
    }

    void stop()
    {
        connection.reset();
        languages.reset();
        QSettings().clear();
    }

    // A user made by the administrator through the API.
    hm::client::UserInfo createUser(const QString &username, const QString &role,
                                    const QString &password)
    {
        hm::client::NewUser user;
        user.username = username;
        user.email = username + QStringLiteral("@example.test");
        user.password = password;
        user.role = role;
        auto created = await<hm::client::UserInfo>(
            [&](auto done) { hm::client::UsersApi(*connection->client()).create(user, done); });
        if (!created.ok()) {
            qWarning("create %s: %s", qPrintable(username), qPrintable(created.error().toString()));
            return {};
        }
        return created.value();
    }

    // A client of its own signed in as `username` (without 2FA).
    // Signs the administrator in with the generated password and changes it
    // to kAdminOwnPassword, as the sign-in dialog makes the operator do.
    bool replaceGeneratedPassword()
    {
        hm::client::ApiClient client;
        client.setBaseUrl(connection->baseUrl());
        auto login = await<hm::client::LoginResult>(
            [&](auto done) { client.login(QStringLiteral("admin"), adminPassword, done); });
        if (!login.ok()) {
            qWarning("first admin login: %s", qPrintable(login.error().toString()));
            return false;
        }
        if (!login.value().user.passwordChangeRequired)
            return true;
        const QString own = QStringLiteral("Admin-Own-Pass1");
        auto changed = await<void>([&](auto done) {
            hm::client::AccountApi(client).changePassword(adminPassword, own, done);
        });
        if (!changed.ok()) {
            qWarning("first admin password change: %s", qPrintable(changed.error().toString()));
            return false;
        }
        adminPassword = own;
        return true;
    }

    // A new user of `role`, signed in on a client of their own: nullptr
    // (with a warning) when either step failed.
    std::unique_ptr<hm::client::ApiClient> newSignedInUser(const QString &username,
                                                           const QString &role,
                                                           const QString &password,
                                                           hm::client::UserInfo *user = nullptr)
    {
        if (createUser(username, role, password).id.isEmpty()) {
            qWarning("user %s was not created", qPrintable(username));
            return nullptr;
        }
        return signIn(username, password, user);
    }

    std::unique_ptr<hm::client::ApiClient> signIn(const QString &username, const QString &password,
                                                  hm::client::UserInfo *user = nullptr,
                                                  const QByteArray &userAgent = {})
    {
        auto client = std::make_unique<hm::client::ApiClient>();
        client->setBaseUrl(connection->baseUrl());
        if (!userAgent.isEmpty())
            client->setUserAgent(userAgent);
        auto login = await<hm::client::LoginResult>(
            [&](auto done) { client->login(username, password, done); });
        if (!login.ok() || login.value().twoFactorRequired) {
            qWarning("login of %s failed", qPrintable(username));
            return nullptr;
        }
        if (user)
            *user = login.value().user;
        return client;
    }
};

template <typename T> T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QString::fromLatin1(name));
}

} // namespace admintest
