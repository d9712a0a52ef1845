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

// "Forgot password?" from the sign-in dialog (seed 003 §8.1, issue 37):
// first the account's e-mail address (POST /auth/forgot-password, which
// answers the same for any address), then the code from the mail with a new
// password typed twice (POST /auth/reset-password). "I have a code" goes to
// the second step at once. Accepts once the password is set. Shown through
// DialogSeam; tests fill `passwordReset.email`, `passwordReset.token`,
// `passwordReset.newPassword`, `passwordReset.repeatPassword` and click
// `passwordReset.submit` (or `passwordReset.haveCode`).
class PasswordResetDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PasswordResetDialog(hm::client::ApiClient *client, QWidget *parent = nullptr);

    void setEmail(const QString &email);
    // On the second step: the mail was asked for, or "I have a code".
    bool awaitingCode() const { return m_codeStep; }
    QString errorText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void submit();
    void showCodeStep();
    void showError(const hm::Error &error);
    void setBusy(bool busy);
    void retranslateUi();

    QPointer<hm::client::ApiClient> m_client;
    bool m_codeStep = false;
    bool m_mailSent = false;
    AccountDialogForm m_form;

    QLabel *m_emailLabel = nullptr;
    QLineEdit *m_email = nullptr;
    QLabel *m_tokenLabel = nullptr;
    QLineEdit *m_token = nullptr;
    QLabel *m_newPasswordLabel = nullptr;
    QLineEdit *m_newPassword = nullptr;
    QLabel *m_repeatLabel = nullptr;
    QLineEdit *m_repeat = nullptr;
    QPushButton *m_haveCode = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace hm::app
