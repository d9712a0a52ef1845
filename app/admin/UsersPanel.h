#pragma once

#include "client/ApiTypes.h"
#include "widgets/LocalizedText.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class SectionEmptyState;

class LiveEvents;

class UserListModel;

// The Users list (issue 12, item 3): search, role and status filters, sort
// by the header, and the administrator's actions — new user, edit (role,
// status), suspend / reactivate, unlock, reset password, delete — each
// confirmed where it loses something. For anyone but an administrator the
// list is read-only: it says so, loads nothing and every action is off
// with a tooltip saying why; a refusal of the server is shown in words.
class UsersPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit UsersPanel(QWidget *parent = nullptr);
    ~UsersPanel() override;

    void setSession(client::ApiClient *client, const client::UserInfo &user);
    UserListModel *model() const { return m_model; }
    bool isReadOnly() const;
    // Whether other consoles' changes arrive (/ws/events is open).
    bool isLive() const;
    // The message the panel shows now (state, or the last failure).
    QString stateText() const;

public slots:
    // Asks the server again (also when read-only: the server decides).
    void reload();
    void createUser();
    void editSelected();
    void toggleSuspended();
    void unlockSelected();
    void resetPasswordOfSelected();
    void deleteSelected();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateActions();
    void showState();
    const client::UserInfo *selectedUser() const;
    // `what` makes the sentence (with %1 for the reason) in the language shown.
    void failed(std::function<QString()> what, const hm::Error &error);
    void changeStatus(const client::UserInfo &user, const QString &status);

    QPointer<client::ApiClient> m_client;
    client::UserInfo m_me;
    UserListModel *m_model = nullptr;
    LiveEvents *m_live = nullptr;
    QLabel *m_readOnly = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDelay = nullptr;
    QComboBox *m_roleFilter = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_suspend = nullptr;
    QPushButton *m_unlock = nullptr;
    QPushButton *m_resetPassword = nullptr;
    QPushButton *m_delete = nullptr;
    QTableView *m_view = nullptr;
    QStackedWidget *m_listStack = nullptr;
    SectionEmptyState *m_empty = nullptr;
    QLabel *m_state = nullptr;
    LocalizedText m_message; // the state line's error, said in the language shown
};

} // namespace hm::app
