#include "connection/SignInDialog.h"

#include "client/AccountApi.h"
#include "client/ApiClient.h"
#include "client/ApiRequest.h"
#include "client/Within.h"
#include "connection/PasswordResetDialog.h"
#include "connection/RegisterDialog.h"
#include "widgets/DateTimeText.h"
#include "widgets/MessageBox.h"
#include "widgets/MessageLine.h"
#include "widgets/Retranslate.h"
#include "widgets/ServerErrorText.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace hm::app {

SignInDialog::SignInDialog(hm::client::ApiClient *client, QWidget *parent)
    : QDialog(parent), m_client(client)
{
    setObjectName(QStringLiteral("signin.dialog"));
    setModal(true);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("signin.note"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->hide();

    m_userLabel = new QLabel(this);
    m_userEdit = new QLineEdit(this);
    m_userEdit->setObjectName(QStringLiteral("signin.user"));
    m_passwordLabel = new QLabel(this);
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("signin.password"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_totpLabel = new QLabel(this);
    m_totpEdit = new QLineEdit(this);
    m_totpEdit->setObjectName(QStringLiteral("signin.totp"));
    m_totpEdit->setMaxLength(8);
    m_totpEdit->setInputMethodHints(Qt::ImhDigitsOnly);
    m_userLabel->setBuddy(m_userEdit);
    m_passwordLabel->setBuddy(m_passwordEdit);
    m_totpLabel->setBuddy(m_totpEdit);
    m_totpLabel->hide();
    m_totpEdit->hide();
    m_useRecovery = new QCheckBox(this);
    m_useRecovery->setObjectName(QStringLiteral("signin.useRecoveryCode"));
    m_useRecovery->hide();
    connect(m_useRecovery, &QCheckBox::toggled, this, [this](bool recovery) {
        // A recovery code is "xxxxx-xxxxx": letters, digits and a dash.
        m_totpEdit->setMaxLength(recovery ? 16 : 8);
        m_totpEdit->setInputMethodHints(recovery ? Qt::ImhNoPredictiveText : Qt::ImhDigitsOnly);
        m_totpEdit->clear();
        m_totpEdit->setFocus();
        retranslateUi();
    });

    m_newPasswordLabel = new QLabel(this);
    m_newPasswordEdit = new QLineEdit(this);
    m_newPasswordEdit->setObjectName(QStringLiteral("signin.newPassword"));
    m_newPasswordEdit->setEchoMode(QLineEdit::Password);
    m_repeatLabel = new QLabel(this);
    m_repeatEdit = new QLineEdit(this);
    m_repeatEdit->setObjectName(QStringLiteral("signin.repeatPassword"));
    m_repeatEdit->setEchoMode(QLineEdit::Password);
    m_newPasswordLabel->setBuddy(m_newPasswordEdit);
    m_repeatLabel->setBuddy(m_repeatEdit);
    for (QWidget *w :
         {static_cast<QWidget *>(m_newPasswordLabel), static_cast<QWidget *>(m_newPasswordEdit),
          static_cast<QWidget *>(m_repeatLabel), static_cast<QWidget *>(m_repeatEdit)})
        w->hide();

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("signin.error"));
    m_error->setWordWrap(true);
    // In the style sheet's "bad" tone, as every other error line.
    m_error->setProperty("tone", QStringLiteral("bad"));
    m_error->hide();
    m_errorLine = new MessageLine(this, [this](const QString &text, MessageLine::Kind) {
        m_error->setText(text);
        m_error->setVisible(!text.isEmpty());
    });

    auto *buttons = new QDialogButtonBox(this);
    m_submit = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("signin.submit"));
    m_submit->setDefault(true);
    m_cancel = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_cancel->setObjectName(QStringLiteral("signin.cancel"));
    // The accept role would close the dialog: signing in decides that.
    disconnect(buttons, &QDialogButtonBox::accepted, this, nullptr);
    connect(m_submit, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(m_userLabel, m_userEdit);
    form->addRow(m_passwordLabel, m_passwordEdit);
    form->addRow(m_totpLabel, m_totpEdit);
    form->addRow(QString(), m_useRecovery);
    form->addRow(m_newPasswordLabel, m_newPasswordEdit);
    form->addRow(m_repeatLabel, m_repeatEdit);

    // Offered only when the server says so (readPublicSettings).
    m_forgot = new QPushButton(this);
    m_forgot->setObjectName(QStringLiteral("signin.forgotPassword"));
    m_register = new QPushButton(this);
    m_register->setObjectName(QStringLiteral("signin.register"));
    auto *links = new QHBoxLayout;
    for (QPushButton *link : {m_forgot, m_register}) {
        link->setFlat(true);
        link->setAutoDefault(false);
        link->setCursor(Qt::PointingHandCursor);
        link->setStyleSheet(QStringLiteral("color: palette(link); text-align: left;"));
        link->hide();
        links->addWidget(link);
    }
    links->addStretch(1);
    connect(m_forgot, &QPushButton::clicked, this, &SignInDialog::forgotPassword);
    connect(m_register, &QPushButton::clicked, this, &SignInDialog::registerAccount);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addLayout(form);
    layout->addLayout(links);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);

    setMinimumWidth(420);
    retranslateUi();
    readPublicSettings();
}

void SignInDialog::readPublicSettings()
{
    if (!m_client)
        return;
    m_client->send(
        hm::client::ApiRequest::get(QStringLiteral("/api/v1/auth/public-settings"))
            .unauthenticated(),
        hm::client::within(this, [this](hm::Result<hm::client::ApiResponse> answer) {
            m_publicSettingsRead = true;
            // An older server without the route: neither is offered.
            const QJsonObject settings = answer ? answer.value().data.toObject() : QJsonObject();
            m_resetOffered = settings.value(QStringLiteral("password_reset")).toBool();
            m_registerOffered = settings.value(QStringLiteral("self_registration")).toBool();
            const bool signingIn = !m_changingPassword && !awaitingCode();
            m_forgot->setVisible(m_resetOffered && signingIn);
            m_register->setVisible(m_registerOffered && signingIn);
        }));
}

void SignInDialog::forgotPassword()
{
    PasswordResetDialog dialog(m_client, this);
    const QString typed = m_userEdit->text().trimmed();
    if (typed.contains(u'@'))
        dialog.setEmail(typed);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    m_passwordEdit->clear();
    m_passwordEdit->setFocus();
    setNote(tr("Your password was changed. Sign in with the new one."));
}

void SignInDialog::registerAccount()
{
    RegisterDialog dialog(m_client, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    m_userEdit->setText(dialog.login());
    m_passwordEdit->clear();
    m_passwordEdit->setFocus();
    setNote(tr("Your account was created. Sign in with it."));
}

void SignInDialog::setUser(const QString &user)
{
    m_userEdit->setText(user);
}

void SignInDialog::setPassword(const QString &password)
{
    m_passwordEdit->setText(password);
}

void SignInDialog::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString SignInDialog::errorText() const
{
    return m_error->isVisible() || m_hasError ? m_error->text() : QString();
}

void SignInDialog::submit()
{
    if (!m_client)
        return;
    m_hasError = false;
    m_errorLine->clear();
    if (m_changingPassword)
        return submitNewPassword();
    auto done = hm::client::within(
        this, [this](hm::Result<hm::client::LoginResult> result) { finish(std::move(result)); });
    setBusy(true);
    if (awaitingCode())
        m_client->verifyTwoFactor(
            m_pendingToken, m_totpEdit->text().trimmed(),
            m_useRecovery->isChecked() ? QStringLiteral("recovery") : QStringLiteral("totp"), done);
    else
        m_client->login(m_userEdit->text().trimmed(), m_passwordEdit->text(), done);
}

void SignInDialog::finish(hm::Result<hm::client::LoginResult> result)
{
    setBusy(false);
    if (!result.ok()) {
        showError(result.error());
        return;
    }
    const hm::client::LoginResult &login = result.value();
    if (login.twoFactorRequired) {
        m_pendingToken = login.pendingToken;
        m_forgot->hide();
        m_register->hide();
        m_userEdit->setEnabled(false);
        m_passwordEdit->setEnabled(false);
        m_totpLabel->show();
        m_totpEdit->show();
        m_useRecovery->setChecked(false);
        m_useRecovery->setVisible(login.methods.contains(QStringLiteral("recovery")));
        m_totpEdit->clear();
        m_totpEdit->setFocus();
        retranslateUi();
        return;
    }
    m_user = login.user;
    if (m_user.passwordChangeRequired)
        return askForNewPassword();
    m_passwordEdit->clear();
    accept();
}

void SignInDialog::askForNewPassword()
{
    m_changingPassword = true;
    // The password just typed stays (hidden) as the current one the
    // change needs; the user only types the new one, twice.
    for (QWidget *w : {static_cast<QWidget *>(m_userLabel), static_cast<QWidget *>(m_userEdit),
                       static_cast<QWidget *>(m_passwordLabel),
                       static_cast<QWidget *>(m_passwordEdit), static_cast<QWidget *>(m_totpLabel),
                       static_cast<QWidget *>(m_totpEdit), static_cast<QWidget *>(m_useRecovery),
                       static_cast<QWidget *>(m_forgot), static_cast<QWidget *>(m_register)})
        w->hide();
    for (QWidget *w :
         {static_cast<QWidget *>(m_newPasswordLabel), static_cast<QWidget *>(m_newPasswordEdit),
          static_cast<QWidget *>(m_repeatLabel), static_cast<QWidget *>(m_repeatEdit)})
        w->show();
    m_newPasswordEdit->setFocus();
    retranslateUi();
    // The step's note and button are longer: fit them now, not a frame later.
    layout()->activate();
    adjustSize();
}

void SignInDialog::submitNewPassword()
{
    if (!m_client)
        return;
    if (m_newPasswordEdit->text().isEmpty()) {
        m_hasError = true;
        m_error->setToolTip({});
        m_errorLine->show([] { return tr("Enter a new password."); }, MessageLine::Kind::Lasting);
        return;
    }
    if (m_newPasswordEdit->text() != m_repeatEdit->text()) {
        m_hasError = true;
        m_error->setToolTip({});
        m_errorLine->show(
            [] { return tr("The two new passwords differ. Type the same password twice."); },
            MessageLine::Kind::Lasting);
        m_repeatEdit->selectAll();
        m_repeatEdit->setFocus();
        return;
    }
    setBusy(true);
    hm::client::AccountApi(*m_client).changePassword(
        m_passwordEdit->text(), m_newPasswordEdit->text(),
        hm::client::within(this, [this](hm::Result<void> changed) {
            setBusy(false);
            if (!changed) {
                showError(changed.error());
                return;
            }
            m_user.passwordChangeRequired = false;
            for (QLineEdit *edit : {m_passwordEdit, m_newPasswordEdit, m_repeatEdit})
                edit->clear();
            accept();
        }));
}

void SignInDialog::reject()
{
    // Signed in but not allowed anything yet: leaving signs out again, so
    // no session that must change its password stays behind.
    if (m_changingPassword && m_client && m_client->hasSession())
        m_client->logout([](hm::Result<void>) {});
    for (QLineEdit *edit : {m_passwordEdit, m_newPasswordEdit, m_repeatEdit})
        edit->clear();
    QDialog::reject();
}

void SignInDialog::showError(const hm::Error &error)
{
    m_lastError = error;
    m_hasError = true;
    if (error.code == hm::ErrorCode::TokenInvalid || error.code == hm::ErrorCode::TokenExpired) {
        // The pending login ran out: start again from the password.
        m_pendingToken.clear();
        m_userEdit->setEnabled(true);
        m_passwordEdit->setEnabled(true);
        m_totpLabel->hide();
        m_totpEdit->hide();
        m_useRecovery->hide();
        m_forgot->setVisible(m_resetOffered);
        m_register->setVisible(m_registerOffered);
        retranslateUi();
    }
    QDateTime until = QDateTime::fromString(
        error.details.value(QStringLiteral("locked_until")).toString(), Qt::ISODate);
    const int retryAfter = error.details.value(QStringLiteral("retry_after")).toInt();
    if (!until.isValid() && retryAfter > 0)
        until = QDateTime::currentDateTime().addSecs(retryAfter);
    const bool awaiting = awaitingCode();
    const bool recovery = m_useRecovery->isChecked();
    // Worded again in a new language while the dialog is open.
    const auto text = [error, until, awaiting, recovery]() -> QString {
        switch (error.code) {
        case hm::ErrorCode::InvalidPassword:
            return tr("The server's password policy refused the new password: %1")
                .arg(describeApiError(error));
        case hm::ErrorCode::InvalidCredentials:
            if (!awaiting)
                return tr("The username, e-mail address or password is wrong.");
            if (recovery)
                return tr("The recovery code is wrong or was used before. Each code works once.");
            return tr("The one-time code is wrong or has expired. Enter the current "
                      "code from your authenticator app.");
        case hm::ErrorCode::AccountLocked:
        case hm::ErrorCode::RateLimitExceeded:
            return until.isValid()
                       ? tr("Too many failed attempts: sign-in is locked until %1.")
                             .arg(dateTimeText(until)) // zh-TW: Qt 6.4 prints CLDR's "B"
                       : tr("Too many failed attempts: sign-in is locked for a while. Try again "
                            "later.");
        case hm::ErrorCode::AccountSuspended:
            return tr("This account is suspended. Ask an administrator.");
        case hm::ErrorCode::EmailNotVerified:
            return tr("This account is not activated yet.");
        case hm::ErrorCode::TokenInvalid:
        case hm::ErrorCode::TokenExpired:
            return tr("The sign-in took too long. Enter your password again.");
        default:
            // The sentence in the user's language; the server's words on hover.
            return tr("Signing in failed: %1").arg(describeApiError(error));
        }
    };
    m_error->setToolTip(serverErrorDetail(error.codeName(), error.message));
    m_errorLine->show(text, MessageLine::Kind::Lasting);
}

void SignInDialog::setBusy(bool busy)
{
    m_submit->setEnabled(!busy);
    if (!awaitingCode()) {
        m_userEdit->setEnabled(!busy);
        m_passwordEdit->setEnabled(!busy);
    }
    m_totpEdit->setEnabled(!busy);
    m_useRecovery->setEnabled(!busy);
    m_newPasswordEdit->setEnabled(!busy);
    m_repeatEdit->setEnabled(!busy);
}

void SignInDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void SignInDialog::retranslateUi()
{
    const QString host = m_client ? m_client->baseUrl().host() : QString();
    setWindowTitle(tr("Sign In to %1").arg(host));
    m_userLabel->setText(tr("&Username or e-mail:"));
    m_passwordLabel->setText(tr("&Password:"));
    const bool recovery = m_useRecovery->isChecked();
    m_totpLabel->setText(recovery ? tr("&Recovery code:") : tr("&One-time code:"));
    m_totpEdit->setPlaceholderText(recovery ? tr("One of your saved recovery codes")
                                            : tr("6 digits from your authenticator app"));
    m_useRecovery->setText(tr("Use a recovery code"));
    m_forgot->setText(tr("Forgot password?"));
    m_register->setText(tr("Register an account"));
    m_newPasswordLabel->setText(tr("&New password:"));
    m_repeatLabel->setText(tr("&Repeat it:"));
    m_newPasswordEdit->setPlaceholderText(tr("checked against the server's password policy"));
    if (m_changingPassword) {
        m_note->setText(tr("%1, your password was chosen by somebody else. Choose your own "
                           "password to continue: until then the server allows nothing else.")
                            .arg(m_user.username));
        m_note->show();
    }
    m_submit->setText(m_changingPassword ? tr("Change &Password")
                      : awaitingCode()   ? tr("&Verify")
                                         : tr("&Sign In"));
    m_cancel->setText(tr("Cancel"));
}

} // namespace hm::app
