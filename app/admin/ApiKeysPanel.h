#pragma once

#include "client/ApiTypes.h"
#include "widgets/LocalizedText.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class LiveEvents;

class ApiKeyListModel;

// The signed-in user's API keys (issue 12, item 2): the list, "New API
// key" (ApiKeyDialog, then the secret once in ApiKeySecretDialog) and
// revoke with confirmation. Every user owns keys; viewers may look only
// (the server refuses them creating or revoking: the buttons say why).
class ApiKeysPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit ApiKeysPanel(QWidget *parent = nullptr);
    ~ApiKeysPanel() override;

    void setSession(client::ApiClient *client, const client::UserInfo &user);
    ApiKeyListModel *model() const { return m_model; }
    // Whether other consoles' changes arrive (/ws/events is open).
    bool isLive() const;

public slots:
    void reload();
    void createKey();
    void revokeSelected();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateActions();
    void showState();

    QPointer<client::ApiClient> m_client;
    client::UserInfo m_user;
    ApiKeyListModel *m_model = nullptr;
    LiveEvents *m_live = nullptr;
    QLabel *m_intro = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_revoke = nullptr;
    QPushButton *m_refresh = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_state = nullptr;
    LocalizedText m_message; // the last action's failure, in words
};

} // namespace hm::app
