#pragma once

// What the credential tests against a real peer the test starts on a
// loopback port (TestCredentialDatabase: PostgreSQL, TestCredentialMysql:
// MariaDB, TestCredentialSsh: sshd) share: a free port, and a credential
// made and tested through the API of the server ServerFixture started.

#include "AuthTestSupport.h"

#include <QTcpServer>

namespace hm::test {

// A loopback port nobody listens on (once this returns).
inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

class PeerCredentialFixture : protected ServerFixture
{
protected:
    // POST /credentials as the administrator: the new credential's id
    // (empty when it was refused).
    QString createCredential(const QString &name, const QString &type, const QJsonObject &data)
    {
        const Answer created =
            m_http->json("POST", "/api/v1/credentials",
                         {{"name", name}, {"type", type}, {"data", data}}, m_admin);
        return created.data().value("id").toString();
    }
    // A database credential for the peer on 127.0.0.1:`port`.
    QString createDatabaseCredential(const QString &name, quint16 port, const QString &database,
                                     const QString &username, const QString &password,
                                     const QString &driver)
    {
        return createCredential(name, QStringLiteral("database"),
                                {{"host", "127.0.0.1"},
                                 {"port", port},
                                 {"database", database},
                                 {"username", username},
                                 {"password", password},
                                 {"driver", driver}});
    }
    // POST /credentials/{id}/test as the administrator.
    Answer testCredential(const QString &id)
    {
        return m_http->json("POST", QStringLiteral("/api/v1/credentials/%1/test").arg(id), {},
                            m_admin);
    }
};

} // namespace hm::test
