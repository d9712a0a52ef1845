#pragma once

#include "client/ApiTypes.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class MessageLine;

// Signs in to a server through `client`: username or e-mail and password,
// then the one-time code when the account has two-factor sign-in on, then,
// when somebody else chose the password (the generated first password, an
// administrator's reset), a new password of the user's own: the server
// answers nothing else until then. The dialog talks to the server itself
// and accepts once the client holds a session it may use; Cancel at the
// last step signs out again. Failures are shown in words and the user can
// try again. Shown through DialogSeam so tests fill `signin.user`,
// `signin.password`, `signin.totp`, `signin.newPassword`,
// `signin.repeatPassword` and click `signin.submit`. Below the fields,
// `signin.forgotPassword` and `signin.register` open PasswordResetDialog and
// RegisterDialog; each shows only when the server's public settings
// (GET /auth/public-settings) say it sends reset mail or takes
// registrations.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    SignInDialog(hm::client::ApiClient *client, QWidget *parent = nullptr);

    void setUser(const QString &user);
    void setPassword(const QString &password);
    // A line above the fields (e.g. where the first password is).
    void setNote(const QString &note);

    bool awaitingCode() const { return !m_pendingToken.isEmpty(); }
    // The server's public settings were read (the links are decided).
    bool publicSettingsRead() const { return m_publicSettingsRead; }
    // Signed in, but the password must be changed before anything else.
    bool awaitingNewPassword() const { return m_changingPassword; }
    QString errorText() const;
    const hm::client::UserInfo &user() const { return m_user; }

public slots:
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void submit();
    void readPublicSettings();
    void forgotPassword();
    void registerAccount();
    void submitNewPassword();
    void askForNewPassword();
    void finish(hm::Result<hm::client::LoginResult> result);
    void showError(const hm::Error &error);
    void setBusy(bool busy);
    void retranslateUi();

    QPointer<hm::client::ApiClient> m_client;
    QString m_pendingToken;
    hm::client::UserInfo m_user;
    hm::Error m_lastError;
    bool m_hasError = false;
    bool m_changingPassword = false;
    bool m_publicSettingsRead = false;
    bool m_resetOffered = false;
    bool m_registerOffered = false;

    QLabel *m_note = nullptr;
    QLabel *m_userLabel = nullptr;
    QLineEdit *m_userEdit = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QLabel *m_totpLabel = nullptr;
    QLineEdit *m_totpEdit = nullptr;
    // The 2FA step takes one of the account's recovery codes instead.
    QCheckBox *m_useRecovery = nullptr;
    QLabel *m_newPasswordLabel = nullptr;
    QLineEdit *m_newPasswordEdit = nullptr;
    QLabel *m_repeatLabel = nullptr;
    QLineEdit *m_repeatEdit = nullptr;
    QLabel *m_error = nullptr;
    MessageLine *m_errorLine = nullptr; // words m_error in the language of the moment
    QPushButton *m_forgot = nullptr;
    QPushButton *m_register = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace hm::app
