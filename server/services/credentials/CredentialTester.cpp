#include "server/services/credentials/CredentialTester.h"

#include "server/services/credentials/SshCheck.h"
#include "server/services/external/CredentialInjection.h"
#include "server/services/external/NetworkProblem.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlError>
#include <QUrlQuery>
#include <QUuid>

namespace hm::server::credentials {
namespace {

QString text(const CredentialData &data, const QString &name)
{
    const QJsonValue value =
        data.publicFields.contains(name) ? data.publicFields.value(name) : data.secrets.value(name);
    return value.toString();
}

// Why a database refused a sign-in, as a code of the error catalogue:
// SERVICE_AUTH_FAILED (user, password or database refused), NETWORK_ERROR
// (no server reached). Empty when the driver's code says neither. MySQL
// and MariaDB give their client error numbers (1045 access denied, 2002
// and 2003 cannot connect, ...); PostgreSQL its SQLSTATE when it answered
// (class 28: invalid authorization) and nothing when it was not reached.
QString databaseFailure(bool mysql, const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    if (mysql) {
        static const QStringList kAuth{QStringLiteral("1044"), QStringLiteral("1045"),
                                       QStringLiteral("1049"), QStringLiteral("1698")};
        static const QStringList kNetwork{QStringLiteral("2002"), QStringLiteral("2003"),
                                          QStringLiteral("2005"), QStringLiteral("2006"),
                                          QStringLiteral("2013")};
        if (kAuth.contains(code))
            return errorCodeName(ErrorCode::ServiceAuthFailed);
        if (kNetwork.contains(code))
            return errorCodeName(ErrorCode::NetworkError);
        return {};
    }
    if (code.startsWith(QLatin1String("28")) || code == QLatin1String("3D000"))
        return errorCodeName(ErrorCode::ServiceAuthFailed);
    const QString words = error.databaseText();
    if (code.isEmpty() && (words.contains(QLatin1String("Connection refused")) ||
                           words.contains(QLatin1String("could not connect")) ||
                           words.contains(QLatin1String("timeout expired"))))
        return errorCodeName(ErrorCode::NetworkError);
    if (code.isEmpty() && words.contains(QLatin1String("authentication failed")))
        return errorCodeName(ErrorCode::ServiceAuthFailed);
    return {};
}

Error urlError(const QString &type)
{
    return Error{ErrorCode::ValidationError,
                 QStringLiteral("url is required to test a %1 credential: an absolute http or "
                                "https URL the credential is sent to")
                     .arg(type),
                 {{QStringLiteral("field"), QStringLiteral("url")}}};
}

} // namespace

bool injectCredential(const QString &type, const CredentialData &data, QNetworkRequest &request,
                      QUrl &url)
{
    // The rules of service calls (seed 003 §15.5), one copy.
    const Result<engine::ServiceAuth> auth = external::staticAuth(type, data);
    if (!auth)
        return false;
    for (const auto &[name, value] : auth.value().headers)
        request.setRawHeader(name, value);
    if (!auth.value().query.isEmpty()) {
        QUrlQuery query(url);
        for (const auto &[name, value] : auth.value().query)
            query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        url.setQuery(query);
    }
    return true;
}

CredentialTester::CredentialTester(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
{
    m_pool.setMaxThreadCount(2);
}

CredentialTester::~CredentialTester()
{
    m_pool.waitForDone();
}

void CredentialTester::testSsh(const CredentialData &data, Done done)
{
    const int port = data.publicFields.value(QStringLiteral("port")).toInt(22);
    const int timeoutSeconds = qMax(1, m_timeoutMs / 1000);
    m_pool.start([this, data, port, timeoutSeconds, done] {
        QElapsedTimer timer;
        timer.start();
        const SshCheckOutcome outcome = checkSshLogin(
            text(data, QStringLiteral("host")), port, text(data, QStringLiteral("username")),
            text(data, QStringLiteral("privateKey")), text(data, QStringLiteral("passphrase")),
            text(data, QStringLiteral("hostKey")), timeoutSeconds);
        const qint64 elapsed = timer.elapsed();
        QMetaObject::invokeMethod(
            this,
            [done, outcome, elapsed] {
                done(QJsonObject{{QStringLiteral("success"), outcome.success},
                                 {QStringLiteral("message"), outcome.message},
                                 {QStringLiteral("duration_ms"), elapsed}});
            },
            Qt::QueuedConnection);
    });
}

void CredentialTester::testDatabase(const CredentialData &data, Done done)
{
    const bool mysql = text(data, QStringLiteral("driver")) == QLatin1String("mysql");
    const QString driver = mysql ? QStringLiteral("QMYSQL") : QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driver))
        return done(Error{ErrorCode::ServiceUnavailable,
                          QStringLiteral("the %1 driver of Qt SQL is not installed").arg(driver),
                          {}});
    const int defaultPort = mysql ? 3306 : 5432;
    const int port = data.publicFields.value(QStringLiteral("port")).toInt(defaultPort);
    const int timeoutSeconds = qMax(1, m_timeoutMs / 1000);
    m_pool.start([this, data, driver, mysql, port, timeoutSeconds, done] {
        QElapsedTimer timer;
        timer.start();
        const QString connection =
            QStringLiteral("hivemind-credential-test-") + QUuid::createUuid().toString();
        bool ok = false;
        QString message;
        QString failure;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(driver, connection);
            db.setHostName(text(data, QStringLiteral("host")));
            db.setPort(port);
            db.setDatabaseName(text(data, QStringLiteral("database")));
            db.setUserName(text(data, QStringLiteral("username")));
            db.setPassword(text(data, QStringLiteral("password")));
            db.setConnectOptions(
                driver == QLatin1String("QPSQL")
                    ? QStringLiteral("connect_timeout=%1").arg(timeoutSeconds)
                    : QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=%1").arg(timeoutSeconds));
            // Opening authenticates (a query would add nothing to the check).
            ok = db.open();
            if (ok) {
                message = QStringLiteral("connected and signed in");
            } else {
                // The driver's words (never holding the password: it is
                // masked all the same).
                QString why = db.lastError().databaseText().trimmed();
                const QString password = text(data, QStringLiteral("password"));
                if (!password.isEmpty())
                    why.replace(password, QStringLiteral("****"));
                message = QStringLiteral("could not connect: %1").arg(why.left(300));
                failure = databaseFailure(mysql, db.lastError());
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        const qint64 elapsed = timer.elapsed();
        QMetaObject::invokeMethod(
            this,
            [done, ok, message, failure, elapsed] {
                QJsonObject answer{{QStringLiteral("success"), ok},
                                   {QStringLiteral("message"), message},
                                   {QStringLiteral("duration_ms"), elapsed}};
                if (!failure.isEmpty())
                    answer.insert(QStringLiteral("error"), failure);
                done(answer);
            },
            Qt::QueuedConnection);
    });
}

void CredentialTester::send(QNetworkRequest request, const QByteArray &verb, const QByteArray &body,
                            std::function<void(QNetworkReply *)> finished)
{
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_network->sendCustomRequest(request, verb, body);
    connect(reply, &QNetworkReply::finished, this, [reply, finished = std::move(finished)] {
        reply->deleteLater();
        finished(reply);
    });
}

void CredentialTester::test(const QString &type, CredentialData data, const QString &urlText,
                            Done done)
{
    // Where the credential goes must pass the outbound policy first: the
    // token URL, the database or SSH host, or the URL given.
    QString host;
    QString field = QStringLiteral("url");
    if (type == QLatin1String("oauth2")) {
        host = QUrl(text(data, QStringLiteral("tokenUrl"))).host();
        field = QStringLiteral("tokenUrl");
    } else if (type == QLatin1String("database") || type == QLatin1String("ssh")) {
        host = text(data, QStringLiteral("host"));
        field = QStringLiteral("host");
    } else {
        host = QUrl(urlText, QUrl::StrictMode).host();
    }
    if (host.isEmpty())
        return run(type, std::move(data), urlText, std::move(done));
    m_policy.admit(host, field, this,
                   [this, type, data = std::move(data), urlText,
                    done = std::move(done)](Status admitted) mutable {
                       if (!admitted)
                           return done(admitted.error());
                       run(type, std::move(data), urlText, std::move(done));
                   });
}

void CredentialTester::run(const QString &type, CredentialData data, const QString &urlText,
                           Done done)
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    const auto outcome = [timer](bool success, const QString &message, int status) {
        QJsonObject answer{{QStringLiteral("success"), success},
                           {QStringLiteral("message"), message},
                           {QStringLiteral("duration_ms"), timer->elapsed()}};
        if (status > 0)
            answer.insert(QStringLiteral("http_status"), status);
        return answer;
    };

    if (type == QLatin1String("oauth2")) {
        QNetworkRequest request(QUrl(text(data, QStringLiteral("tokenUrl"))));
        const QByteArray client =
            QUrl::toPercentEncoding(text(data, QStringLiteral("clientId"))) + ':' +
            QUrl::toPercentEncoding(text(data, QStringLiteral("clientSecret")));
        request.setRawHeader("Authorization", "Basic " + client.toBase64());
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        request.setRawHeader("Accept", "application/json");
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        QStringList scopes;
        for (const QJsonValue &scope : data.publicFields.value(QStringLiteral("scopes")).toArray())
            scopes.append(scope.toString());
        if (!scopes.isEmpty())
            form.addQueryItem(QStringLiteral("scope"),
                              QString::fromLatin1(QUrl::toPercentEncoding(scopes.join(u' '))));
        send(request, "POST", form.query(QUrl::FullyEncoded).toLatin1(),
             [outcome, done](QNetworkReply *reply) {
                 const int status =
                     reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                 if (status == 0)
                     return done(outcome(false, external::networkProblem(reply->error()), 0));
                 const QJsonObject token = QJsonDocument::fromJson(reply->readAll()).object();
                 if (status < 200 || status > 299)
                     return done(outcome(
                         false, QStringLiteral("the token endpoint answered %1").arg(status),
                         status));
                 if (!token.value(QStringLiteral("access_token")).isString())
                     return done(outcome(false,
                                         QStringLiteral("the token endpoint's answer has no "
                                                        "access_token"),
                                         status));
                 const QJsonValue expires = token.value(QStringLiteral("expires_in"));
                 done(outcome(true,
                              expires.isDouble() ? QStringLiteral("token received, valid for %1 s")
                                                       .arg(qint64(expires.toDouble()))
                                                 : QStringLiteral("token received"),
                              status));
             });
        return;
    }

    if (type == QLatin1String("database"))
        return testDatabase(data, std::move(done));
    if (type == QLatin1String("ssh"))
        return testSsh(data, std::move(done));
    if (type != QLatin1String("http_basic") && type != QLatin1String("http_bearer") &&
        type != QLatin1String("api_key"))
        return done(Error{ErrorCode::InvalidCredentialType,
                          QStringLiteral("testing %1 credentials is not available yet").arg(type),
                          {{QStringLiteral("field"), QStringLiteral("type")}}});

    QUrl url(urlText, QUrl::StrictMode);
    if (urlText.isEmpty() || !url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return done(urlError(type));
    QNetworkRequest request;
    injectCredential(type, data, request, url);
    request.setUrl(url);
    send(request, "GET", {}, [outcome, done](QNetworkReply *reply) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0)
            return done(outcome(false, external::networkProblem(reply->error()), 0));
        const bool ok = status >= 200 && status <= 299;
        done(outcome(ok,
                     ok ? QStringLiteral("the server accepted the credential (%1)").arg(status)
                        : QStringLiteral("the server answered %1").arg(status),
                     status));
    });
}

} // namespace hm::server::credentials
