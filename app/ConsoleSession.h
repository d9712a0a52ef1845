#pragma once

#include "common/Result.h"

#include <QObject>

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class ServerConnection;

// The console's signed-in API client, for the sections that need a
// session (Flows, ...). It follows ServerConnection's server.
//
// Until the sign-in dialog exists (issue 11, item 9), local mode signs in
// as the administrator the embedded server created on its first start,
// with the password the server wrote to <dataDir>/initial-admin-password
// (user HIVEMIND_ADMIN_USER, default "admin"). Without that file
// (HIVEMIND_ADMIN_PASSWORD was set, the file was removed, or the console
// talks to another server) nothing signs in and signInFailed() says why.
class ConsoleSession final : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleSession(ServerConnection *connection, QObject *parent = nullptr);
    ~ConsoleSession() override;

    client::ApiClient *client() const { return m_client; }
    bool isSignedIn() const { return m_signedIn; }

signals:
    void signedIn();
    void signInFailed(const hm::Error &error);

private:
    void onConnectionChanged();

    ServerConnection *m_connection;
    client::ApiClient *m_client;
    bool m_signedIn = false;
    bool m_signingIn = false;
};

} // namespace hm::app
