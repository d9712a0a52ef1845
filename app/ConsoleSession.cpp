#include "ConsoleSession.h"

#include "ServerConnection.h"
#include "client/ApiClient.h"
#include "common/Logging.h"

#include <QDir>
#include <QFile>
#include <QPointer>

namespace hm::app {

ConsoleSession::ConsoleSession(ServerConnection *connection, QObject *parent)
    : QObject(parent), m_connection(connection), m_client(new client::ApiClient(this))
{
    m_client->setUserAgent(QByteArrayLiteral("hivemind-console"));
    connect(m_connection, &ServerConnection::stateChanged, this,
            &ConsoleSession::onConnectionChanged);
    onConnectionChanged();
}

ConsoleSession::~ConsoleSession() = default;

void ConsoleSession::onConnectionChanged()
{
    if (m_connection->state() != ServerConnection::State::Connected || m_signedIn || m_signingIn)
        return;
    m_client->setBaseUrl(m_connection->baseUrl());
    const QString passwordFile =
        QDir(m_connection->dataDir()).filePath(QStringLiteral("initial-admin-password"));
    QFile file(passwordFile);
    if (!m_connection->isLocal() || !file.open(QIODevice::ReadOnly)) {
        emit signInFailed(
            Error{ErrorCode::Unauthorized, QStringLiteral("no sign-in available for this server")});
        return;
    }
    const QString password = QString::fromUtf8(file.readAll()).trimmed();
    const QString user = qEnvironmentVariable("HIVEMIND_ADMIN_USER", QStringLiteral("admin"));
    m_signingIn = true;
    const QPointer<ConsoleSession> self(this);
    m_client->login(user, password, [self](Result<client::LoginResult> result) {
        if (!self)
            return;
        self->m_signingIn = false;
        if (!result || result.value().twoFactorRequired) {
            const Error error = result ? Error{ErrorCode::Unauthorized,
                                               QStringLiteral("the administrator uses two-factor "
                                                              "authentication")}
                                       : result.error();
            qCWarning(lcApp).noquote() << "console sign-in:" << error.toString();
            emit self->signInFailed(error);
            return;
        }
        self->m_signedIn = true;
        qCInfo(lcApp).noquote() << "console signed in as" << result.value().user.username;
        emit self->signedIn();
    });
}

} // namespace hm::app
