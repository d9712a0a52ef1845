#pragma once

#include "client/ApiTypes.h"
#include "widgets/LocalizedText.h"
#include "widgets/MessageLine.h"

#include <QDialog>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QGroupBox;
class QFormLayout;
class QDialogButtonBox;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// "My account" (issue 12, item 1): the signed-in user's profile, password
// change with the server's password policy shown before submitting, two-
// factor enrolment (the otpauth URI as a QR code drawn in memory, never
// written to disk or the clipboard), verification and disabling, the user's
// sessions with revoke one / all others, and signing out. The profile also
// chooses the language of the user's account e-mails (password resets,
// address checks: PUT /users/me/language), read from GET /users/me and
// saved as soon as it is chosen.
class AccountPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit AccountPanel(QWidget *parent = nullptr);
    ~AccountPanel() override;

    // The client of the session and who is signed in; reads the profile,
    // the password policy (administrators: GET /auth/settings) and the
    // sessions. A null client shows that nobody is signed in.
    void setSession(client::ApiClient *client, const client::UserInfo &user);
    const client::UserInfo &user() const { return m_user; }

    // The otpauth URI of the enrolment in progress (empty otherwise); the
    // QR code shows exactly this text.
    QString pendingOtpauthUri() const { return m_otpauthUri; }
    // The rendered QR code (null when no enrolment is in progress).
    QImage qrImage() const;
    // The policy the password tab shows (empty until the server told it).
    QJsonObject passwordPolicy() const { return m_policy; }
    // The e-mail language as the server has it: en, zh-TW or zh-CN (empty
    // until read).
    QString mailLanguage() const { return m_mailLanguageValue; }

public slots:
    void reloadSessions();

signals:
    void signOutRequested();
    // 2FA was turned on or off.
    void twoFactorChanged(bool enabled);
    // The password changed (the other sessions ended).
    void passwordChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createProfileTab();
    QWidget *createPasswordTab();
    QWidget *createTwoFactorTab();
    QWidget *createSessionsTab();
    void retranslateUi();
    void showProfile();
    void showPolicy();
    void showTwoFactorState();
    void showSessions();
    void changePassword();
    void enrol();
    void verify();
    void disableTwoFactor();
    void regenerateRecoveryCodes();
    // Shows `codes` once (empty: hides them again).
    void showRecoveryCodes(const QStringList &codes);
    void revokeSelected();
    void revokeOthers();
    void loadPolicy();
    void loadMailLanguage();
    void saveMailLanguage();
    void showMailLanguage();
    void updateSessionButtons();

    QPointer<client::ApiClient> m_client;
    client::UserInfo m_user;
    QJsonObject m_policy;
    bool m_policyFromServer = false;
    QString m_otpauthUri;
    QString m_secret;
    QList<client::SessionInfo> m_sessions;
    hm::Error m_sessionsError;
    QString m_mailLanguageValue;
    LocalizedText m_mailLanguageStatusText; // said again in a new language
    bool m_mailLanguageBusy = false;
    bool m_sessionsFailed = false;

    QTabWidget *m_tabs = nullptr;
    // profile
    QFormLayout *m_profileForm = nullptr;
    QLabel *m_username = nullptr;
    QLabel *m_email = nullptr;
    QLabel *m_fullName = nullptr;
    QLabel *m_role = nullptr;
    QLabel *m_twoFactorSummary = nullptr;
    QLabel *m_mailLanguageCaption = nullptr;
    QComboBox *m_mailLanguage = nullptr;
    QLabel *m_mailLanguageStatus = nullptr;
    QLabel *m_signedOut = nullptr;
    QPushButton *m_signOut = nullptr;
    // password
    QFormLayout *m_passwordForm = nullptr;
    QLineEdit *m_currentPassword = nullptr;
    QLineEdit *m_newPassword = nullptr;
    QLineEdit *m_confirmPassword = nullptr;
    QLabel *m_currentPasswordError = nullptr;
    QLabel *m_newPasswordError = nullptr;
    QLabel *m_confirmPasswordError = nullptr;
    QLabel *m_policyTitle = nullptr;
    QLabel *m_policyText = nullptr;
    QLabel *m_passwordStatus = nullptr;
    MessageLine *m_passwordStatusLine = nullptr; // says it again in a new language
    QPushButton *m_changePassword = nullptr;
    // two-factor
    QLabel *m_twoFactorState = nullptr;
    QPushButton *m_enrol = nullptr;
    QWidget *m_enrolBox = nullptr;
    QLabel *m_enrolHelp = nullptr;
    QLabel *m_qrCode = nullptr;
    QLabel *m_secretTitle = nullptr;
    QLabel *m_secretText = nullptr;
    QLabel *m_codeTitle = nullptr;
    QLineEdit *m_code = nullptr;
    QPushButton *m_verify = nullptr;
    QGroupBox *m_disableBox = nullptr;
    QFormLayout *m_disableForm = nullptr;
    QLineEdit *m_disablePassword = nullptr;
    QLineEdit *m_disableCode = nullptr;
    QPushButton *m_disable = nullptr;
    QPushButton *m_regenerate = nullptr;
    // The recovery codes of the answer that made them, until "Done".
    QGroupBox *m_recoveryBox = nullptr;
    QLabel *m_recoveryHelp = nullptr;
    QPlainTextEdit *m_recoveryCodes = nullptr;
    QPushButton *m_copyRecoveryCodes = nullptr;
    QPushButton *m_hideRecoveryCodes = nullptr;
    QLabel *m_twoFactorError = nullptr;
    // sessions
    QLabel *m_sessionsHelp = nullptr;
    QTableWidget *m_sessionsTable = nullptr;
    QPushButton *m_revoke = nullptr;
    QPushButton *m_revokeOthers = nullptr;
    QPushButton *m_refreshSessions = nullptr;
    QLabel *m_sessionsStatus = nullptr;
};

// "My account" as a dialog (File > My account): the panel and Close.
class AccountDialog final : public QDialog
{
    Q_OBJECT

public:
    AccountDialog(client::ApiClient *client, const client::UserInfo &user,
                  QWidget *parent = nullptr);
    AccountPanel *panel() const { return m_panel; }

protected:
    void changeEvent(QEvent *event) override;

private:
    AccountPanel *m_panel = nullptr;
};

} // namespace hm::app
