#pragma once

#include "client/ApiTypes.h"

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
class UsersPanel;

// The Users section (issue 12): the Users tab (administrators manage
// accounts; read-only for anyone else, and it says so) and the API keys tab
// (every user's own keys), with "My account..." for profile, password, two-
// factor and sessions.
class UsersPage final : public QWidget
{
    Q_OBJECT

public:
    explicit UsersPage(QWidget *parent = nullptr);
    ~UsersPage() override;

    // The signed-in session (null client: nobody signed in).
    void setSession(client::ApiClient *client, const client::UserInfo &user);
    UsersPanel *usersPanel() const { return m_users; }
    ApiKeysPanel *apiKeysPanel() const { return m_keys; }
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
};

} // namespace hm::app
