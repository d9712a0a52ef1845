#include "connection/RegisterDialog.h"

#include "client/ApiClient.h"
#include "client/ApiRequest.h"
#include "client/Within.h"
#include "widgets/ServerErrorText.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hm::app {

RegisterDialog::RegisterDialog(hm::client::ApiClient *client, QWidget *parent)
    : QDialog(parent), m_client(client)
{
    setObjectName(QStringLiteral("register.dialog"));
    setModal(true);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("register.note"));
    m_note->setWordWrap(true);

    const auto line = [this](const char *name, QLabel **label, bool secret) {
        *label = new QLabel(this);
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QString::fromLatin1(name));
        if (secret)
            edit->setEchoMode(QLineEdit::Password);
        (*label)->setBuddy(edit);
        return edit;
    };
    m_email = line("register.email", &m_emailLabel, false);
    m_username = line("register.username", &m_usernameLabel, false);
    m_password = line("register.password", &m_passwordLabel, true);
    m_repeat = line("register.repeatPassword", &m_repeatLabel, true);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("register.error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(link);"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_submit = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("register.submit"));
    m_submit->setDefault(true);
    m_cancel = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_cancel->setObjectName(QStringLiteral("register.cancel"));
    disconnect(buttons, &QDialogButtonBox::accepted, this, nullptr);
    connect(m_submit, &QPushButton::clicked, this, &RegisterDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(m_emailLabel, m_email);
    form->addRow(m_usernameLabel, m_username);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_repeatLabel, m_repeat);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);

    setMinimumWidth(460);
    retranslateUi();
}

QString RegisterDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void RegisterDialog::submit()
{
    if (!m_client)
        return;
    m_error->hide();
    const QString email = m_email->text().trimmed();
    if (!email.contains(u'@'))
        return showProblem(tr("Enter your e-mail address."));
    if (m_password->text().isEmpty())
        return showProblem(tr("Choose a password."));
    if (m_password->text() != m_repeat->text()) {
        m_repeat->selectAll();
        m_repeat->setFocus();
        return showProblem(tr("The two passwords differ. Type the same password twice."));
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

void RegisterDialog::showProblem(const QString &text, const QString &detail)
{
    m_error->setToolTip(detail);
    m_error->setText(text);
    m_error->show();
}

void RegisterDialog::showError(const hm::Error &error)
{
    QString text;
    switch (error.code) {
    case hm::ErrorCode::EmailExists:
        text = tr("An account with this e-mail address exists already.");
        break;
    case hm::ErrorCode::ResourceAlreadyExists:
        text = tr("This user name is taken. Choose another.");
        break;
    case hm::ErrorCode::InvalidPassword:
        text = tr("The server's password policy refused the password: %1")
                   .arg(describeApiError(error));
        break;
    case hm::ErrorCode::Forbidden:
        text = tr("This server does not allow registration any more.");
        break;
    default:
        text = tr("Registration failed: %1").arg(describeApiError(error));
        break;
    }
    showProblem(text, serverErrorDetail(error.codeName(), error.message));
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
    m_note->setText(tr("Create an account on this server. An administrator may change its role "
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
