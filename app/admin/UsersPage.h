#pragma once

#include "client/ApiTypes.h"
#include "widgets/SectionPage.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class ApiKeysPanel;
class NodeGrantsPanel;
class UsersPanel;

// The Users section (issue 12): the Users tab (administrators manage
// accounts; read-only for anyone else, and it says so) and the API keys tab
// (every user's own keys), the Node grants tab (administrators: who may
// use which remote tool on which nodes), with "My account..." for profile, password, two-
// factor and sessions.
class UsersPage final : public QWidget, public SectionPage
{
    Q_OBJECT

public:
    explicit UsersPage(QWidget *parent = nullptr);
    ~UsersPage() override;

    // The signed-in session (null client: nobody signed in).
    void setSession(client::ApiClient *client, const client::UserInfo &user);

    // SectionPage: setSession() with the signed-in client, once per sign-in.
    QWidget *widget() override { return this; }
    void applySession(const Session &session) override
    {
        if (m_signIn.changed(session))
            setSession(session.signedIn ? session.client : nullptr, session.user);
    }
    bool wantsSignedInGate() const override { return false; }
    UsersPanel *usersPanel() const { return m_users; }
    ApiKeysPanel *apiKeysPanel() const { return m_keys; }
    NodeGrantsPanel *nodeGrantsPanel() const { return m_grants; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    void accountRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    client::UserInfo m_user;
    bool m_signedIn = false;
    QLabel *m_title = nullptr;
    QLabel *m_who = nullptr;
    QPushButton *m_account = nullptr;
    QTabWidget *m_tabs = nullptr;
    UsersPanel *m_users = nullptr;
    ApiKeysPanel *m_keys = nullptr;
    NodeGrantsPanel *m_grants = nullptr; // administrators only
    SignInTracker m_signIn;
};

} // namespace hm::app
