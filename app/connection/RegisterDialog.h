#pragma once

#include "connection/AccountDialogForm.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hm {
struct Error;
}
namespace hm::client {
class ApiClient;
}

namespace hm::app {

// "Register" from the sign-in dialog, offered when the server allows
// self-registration (GET /auth/public-settings): e-mail, an optional user
// name (the server takes the address's local part otherwise) and a password
// typed twice, sent to POST /auth/register. Accepts once the account exists;
// login() is then what to sign in with. Shown through DialogSeam; tests fill
// `register.email`, `register.username`, `register.password`,
// `register.repeatPassword` and click `register.submit`.
class RegisterDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RegisterDialog(hm::client::ApiClient *client, QWidget *parent = nullptr);

    // The new account's user name, after it was made.
    QString login() const { return m_login; }
    QString errorText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void submit();
    void showError(const hm::Error &error);
    void setBusy(bool busy);
    void retranslateUi();

    QPointer<hm::client::ApiClient> m_client;
    QString m_login;
    AccountDialogForm m_form;

    QLabel *m_emailLabel = nullptr;
    QLineEdit *m_email = nullptr;
    QLabel *m_usernameLabel = nullptr;
    QLineEdit *m_username = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_repeatLabel = nullptr;
    QLineEdit *m_repeat = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace hm::app
