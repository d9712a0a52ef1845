#include "connection/RegisterDialog.h"

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

RegisterDialog::RegisterDialog(hm::client::ApiClient *client, QWidget *parent)
    : QDialog(parent), m_client(client), m_form(this, QStringLiteral("register"))
{
    setObjectName(QStringLiteral("register.dialog"));
    setModal(true);

    m_email = m_form.addLine(QStringLiteral("email"), &m_emailLabel);
    m_username = m_form.addLine(QStringLiteral("username"), &m_usernameLabel);
    m_password = m_form.addLine(QStringLiteral("password"), &m_passwordLabel, true);
    m_repeat = m_form.addLine(QStringLiteral("repeatPassword"), &m_repeatLabel, true);
    m_form.addErrorLineAndButtons();
    m_submit = m_form.addButton(QStringLiteral("submit"), QDialogButtonBox::AcceptRole);
    m_cancel = m_form.addButton(QStringLiteral("cancel"), QDialogButtonBox::RejectRole);
    connect(m_submit, &QPushButton::clicked, this, &RegisterDialog::submit);

    retranslateUi();
}

QString RegisterDialog::errorText() const
{
    return m_form.errorText();
}

void RegisterDialog::submit()
{
    if (!m_client)
        return;
    m_form.hideProblem();
    const QString email = m_email->text().trimmed();
    if (!email.contains(u'@'))
        return m_form.showProblem([] { return tr("Enter your e-mail address."); });
    if (m_password->text().isEmpty())
        return m_form.showProblem([] { return tr("Choose a password."); });
    if (m_password->text() != m_repeat->text()) {
        m_repeat->selectAll();
        m_repeat->setFocus();
        return m_form.showProblem(
            [] { return tr("The two passwords differ. Type the same password twice."); });
    }
    QJsonObject body{{QStringLiteral("email"), email},
                     {QStringLiteral("password"), m_password->text()}};
    if (!m_username->text().trimmed().isEmpty())
        body.insert(QStringLiteral("username"), m_username->text().trimmed());
    setBusy(true);
    m_client->send(
        hm::client::ApiRequest::post(QStringLiteral("/api/v1/auth/register"), body)
            .unauthenticated(),
        hm::client::within(this, [this](hm::Result<hm::client::ApiResponse> answer) {
            setBusy(false);
            if (!answer)
                return showError(answer.error());
            m_login = answer.value().data.toObject().value(QStringLiteral("username")).toString();
            m_password->clear();
            m_repeat->clear();
            accept();
        }));
}

void RegisterDialog::showError(const hm::Error &error)
{
    // Worded again in a new language while the dialog is open.
    const auto text = [error]() -> QString {
        switch (error.code) {
        case hm::ErrorCode::EmailExists:
            return tr("An account with this e-mail address exists already.");
        case hm::ErrorCode::ResourceAlreadyExists:
            return tr("This user name is taken. Choose another.");
        case hm::ErrorCode::InvalidPassword:
            return tr("The server's password policy refused the password: %1")
                .arg(describeApiError(error));
        case hm::ErrorCode::Forbidden:
            return tr("This server does not allow registration any more.");
        default:
            return tr("Registration failed: %1").arg(describeApiError(error));
        }
    };
    m_form.showProblem(text, serverErrorDetail(error.codeName(), error.message));
}

void RegisterDialog::setBusy(bool busy)
{
    m_submit->setEnabled(!busy);
    for (QLineEdit *edit : {m_email, m_username, m_password, m_repeat})
        edit->setEnabled(!busy);
}

void RegisterDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void RegisterDialog::retranslateUi()
{
    setWindowTitle(tr("Register"));
    m_form.note()->setText(
        tr("Create an account on this server. An administrator may change its role "
           "later."));
    m_emailLabel->setText(tr("&E-mail address:"));
    m_usernameLabel->setText(tr("&User name:"));
    m_username->setPlaceholderText(tr("optional: the part of the address before @"));
    m_passwordLabel->setText(tr("&Password:"));
    m_password->setPlaceholderText(tr("checked against the server's password policy"));
    m_repeatLabel->setText(tr("&Repeat it:"));
    m_submit->setText(tr("&Register"));
    m_cancel->setText(tr("Cancel"));
}

} // namespace hm::app
