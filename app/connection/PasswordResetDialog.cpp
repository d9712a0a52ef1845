#include "connection/PasswordResetDialog.h"

#include "client/ApiClient.h"
#include "client/ApiRequest.h"
#include "client/Within.h"
#include "widgets/ServerErrorText.h"

#include <QEvent>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace hm::app {

PasswordResetDialog::PasswordResetDialog(hm::client::ApiClient *client, QWidget *parent)
    : QDialog(parent), m_client(client), m_form(this, QStringLiteral("passwordReset"))
{
    setObjectName(QStringLiteral("passwordReset.dialog"));
    setModal(true);

    m_email = m_form.addLine(QStringLiteral("email"), &m_emailLabel);
    m_token = m_form.addLine(QStringLiteral("token"), &m_tokenLabel);
    m_newPassword = m_form.addLine(QStringLiteral("newPassword"), &m_newPasswordLabel, true);
    m_repeat = m_form.addLine(QStringLiteral("repeatPassword"), &m_repeatLabel, true);
    m_form.addErrorLineAndButtons();
    m_haveCode = m_form.addButton(QStringLiteral("haveCode"), QDialogButtonBox::ActionRole);
    m_submit = m_form.addButton(QStringLiteral("submit"), QDialogButtonBox::AcceptRole);
    m_cancel = m_form.addButton(QStringLiteral("cancel"), QDialogButtonBox::RejectRole);
    connect(m_submit, &QPushButton::clicked, this, &PasswordResetDialog::submit);
    connect(m_haveCode, &QPushButton::clicked, this, &PasswordResetDialog::showCodeStep);

    // The code step's lines show once the mail was asked for.
    for (QWidget *w :
         {static_cast<QWidget *>(m_tokenLabel), static_cast<QWidget *>(m_token),
          static_cast<QWidget *>(m_newPasswordLabel), static_cast<QWidget *>(m_newPassword),
          static_cast<QWidget *>(m_repeatLabel), static_cast<QWidget *>(m_repeat)})
        w->hide();

    retranslateUi();
}

void PasswordResetDialog::setEmail(const QString &email)
{
    m_email->setText(email);
}

QString PasswordResetDialog::errorText() const
{
    return m_form.errorText();
}

void PasswordResetDialog::submit()
{
    if (!m_client)
        return;
    m_form.hideProblem();
    if (!m_codeStep) {
        const QString email = m_email->text().trimmed();
        if (!email.contains(u'@'))
            return m_form.showProblem(
                [] { return tr("Enter the e-mail address of your account."); });
        setBusy(true);
        m_client->send(hm::client::ApiRequest::post(QStringLiteral("/api/v1/auth/forgot-password"),
                                                    QJsonObject{{QStringLiteral("email"), email}})
                           .unauthenticated(),
                       hm::client::within(this, [this](hm::Result<hm::client::ApiResponse> answer) {
                           setBusy(false);
                           if (!answer)
                               return showError(answer.error());
                           m_mailSent = true;
                           showCodeStep();
                       }));
        return;
    }
    if (m_token->text().trimmed().isEmpty())
        return m_form.showProblem([] { return tr("Enter the code from the e-mail."); });
    if (m_newPassword->text().isEmpty())
        return m_form.showProblem([] { return tr("Enter a new password."); });
    if (m_newPassword->text() != m_repeat->text()) {
        m_repeat->selectAll();
        m_repeat->setFocus();
        return m_form.showProblem(
            [] { return tr("The two new passwords differ. Type the same password twice."); });
    }
    setBusy(true);
    m_client->send(hm::client::ApiRequest::post(
                       QStringLiteral("/api/v1/auth/reset-password"),
                       QJsonObject{{QStringLiteral("token"), m_token->text().trimmed()},
                                   {QStringLiteral("new_password"), m_newPassword->text()}})
                       .unauthenticated(),
                   hm::client::within(this, [this](hm::Result<hm::client::ApiResponse> answer) {
                       setBusy(false);
                       if (!answer)
                           return showError(answer.error());
                       for (QLineEdit *edit : {m_token, m_newPassword, m_repeat})
                           edit->clear();
                       accept();
                   }));
}

void PasswordResetDialog::showCodeStep()
{
    m_codeStep = true;
    m_form.hideProblem();
    m_emailLabel->hide();
    m_email->hide();
    m_haveCode->hide();
    for (QWidget *w :
         {static_cast<QWidget *>(m_tokenLabel), static_cast<QWidget *>(m_token),
          static_cast<QWidget *>(m_newPasswordLabel), static_cast<QWidget *>(m_newPassword),
          static_cast<QWidget *>(m_repeatLabel), static_cast<QWidget *>(m_repeat)})
        w->show();
    m_token->setFocus();
    retranslateUi();
    layout()->activate();
    adjustSize();
}

void PasswordResetDialog::showError(const hm::Error &error)
{
    // Worded again in a new language while the dialog is open.
    const auto text = [error]() -> QString {
        switch (error.code) {
        case hm::ErrorCode::TokenInvalid:
            return tr("The code is wrong or was used before. Each code works once; ask for a new "
                      "e-mail if needed.");
        case hm::ErrorCode::TokenExpired:
            return tr("The code has expired. Ask for a new e-mail.");
        case hm::ErrorCode::InvalidPassword:
            return tr("The server's password policy refused the new password: %1")
                .arg(describeApiError(error));
        case hm::ErrorCode::ServiceUnavailable:
            return tr("This server does not send e-mail. Ask an administrator to reset your "
                      "password.");
        case hm::ErrorCode::RateLimitExceeded:
            return tr("Too many attempts. Wait a minute and try again.");
        default:
            return tr("The request failed: %1").arg(describeApiError(error));
        }
    };
    m_form.showProblem(text, serverErrorDetail(error.codeName(), error.message));
}

void PasswordResetDialog::setBusy(bool busy)
{
    m_submit->setEnabled(!busy);
    m_haveCode->setEnabled(!busy);
    for (QLineEdit *edit : {m_email, m_token, m_newPassword, m_repeat})
        edit->setEnabled(!busy);
}

void PasswordResetDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void PasswordResetDialog::retranslateUi()
{
    setWindowTitle(tr("Reset Password"));
    m_emailLabel->setText(tr("&E-mail address:"));
    m_tokenLabel->setText(tr("&Code from the e-mail:"));
    m_newPasswordLabel->setText(tr("&New password:"));
    m_repeatLabel->setText(tr("&Repeat it:"));
    m_newPassword->setPlaceholderText(tr("checked against the server's password policy"));
    m_form.note()->setText(
        !m_codeStep ? tr("Enter the e-mail address of your account. If it belongs to an "
                         "account, the server mails a code that sets a new password.")
        : m_mailSent
            ? tr("If the address belongs to an account, an e-mail with a code is on its way. "
                 "The code works once, for one hour.")
            : tr("Enter the code from the e-mail and choose a new password."));
    m_haveCode->setText(tr("I &Have a Code"));
    m_submit->setText(m_codeStep ? tr("Set &Password") : tr("&Send E-mail"));
    m_cancel->setText(tr("Cancel"));
}

} // namespace hm::app
