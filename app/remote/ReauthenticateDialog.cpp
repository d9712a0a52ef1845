#include "remote/ReauthenticateDialog.h"

#include "client/RemoteApi.h"
#include "client/Within.h"
#include "widgets/FieldError.h"
#include "widgets/Retranslate.h"
#include "widgets/ServerErrorText.h"
#include "widgets/WindowFit.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hm::app {

ReauthenticateDialog::ReauthenticateDialog(const QString &nodeName, QWidget *parent,
                                           Purpose purpose)
    : QDialog(parent), m_nodeName(nodeName), m_purpose(purpose)
{
    setObjectName(QStringLiteral("reauthenticateDialog"));
    setMinimumWidth(420);
    auto *layout = new QVBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("reauthenticate.text"));
    m_text->setWordWrap(true);
    layout->addWidget(m_text);
    auto *form = new QFormLayout();
    m_fieldLabel = new QLabel(this);
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("reauthenticate.password"));
    // Neither shown nor offered to the clipboard or an input method's memory.
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData |
                                  Qt::ImhNoPredictiveText);
    m_secret->setContextMenuPolicy(Qt::NoContextMenu);
    m_fieldLabel->setBuddy(m_secret);
    form->addRow(m_fieldLabel, m_secret);
    layout->addLayout(form);
    m_error = createFieldError(this, QStringLiteral("reauthenticate.error"));
    layout->addWidget(m_error);
    m_useCode = new QCheckBox(this);
    m_useCode->setObjectName(QStringLiteral("reauthenticate.useCode"));
    layout->addWidget(m_useCode);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setObjectName(QStringLiteral("reauthenticate.confirm"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ReauthenticateDialog::confirm);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_secret, &QLineEdit::textChanged, this, [this] {
        m_buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(!m_secret->text().isEmpty() && !m_sending);
    });
    connect(m_useCode, &QCheckBox::toggled, this, &ReauthenticateDialog::updateMode);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    // Whatever way the dialog ends, the secret does not stay in the widget.
    connect(this, &QDialog::rejected, m_secret, &QLineEdit::clear);
    retranslateUi();
}

void ReauthenticateDialog::setClient(client::ApiClient *client)
{
    m_client = client;
}

void ReauthenticateDialog::confirm()
{
    if (!m_client) {
        accept();
        return;
    }
    if (m_sending || m_secret->text().isEmpty())
        return;
    m_sending = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    setFieldError(m_error, {});
    const bool totp = isTotpCode();
    // The secret lives in this call only: the field is cleared, nothing
    // keeps or logs it.
    client::RemoteApi(*m_client).reauthenticate(
        takeSecret(), totp, client::within(this, [this, totp](Result<void> r) {
            m_sending = false;
            if (r) {
                m_confirmed = true;
                accept();
                return;
            }
            const ErrorCode code = r.error().code;
            if (code == ErrorCode::CurrentPasswordWrong || code == ErrorCode::InvalidCredentials)
                showRefusal([totp] {
                    return totp ? tr("The code was wrong. Type the current one from your "
                                     "authenticator app.")
                                : tr("The password was wrong. Type it again.");
                });
            else
                showRefusal([error = r.error()] { return describeApiErrorSentence(error); });
        }));
}

void ReauthenticateDialog::showRefusal(std::function<QString()> text)
{
    // Worded again if the language changes while the dialog waits.
    setLocalizedFieldError(m_error, std::move(text));
    m_secret->clear();
    m_secret->setFocus();
    growToFitContents(this);
}

bool ReauthenticateDialog::isTotpCode() const
{
    return m_useCode->isChecked();
}

QString ReauthenticateDialog::takeSecret()
{
    const QString secret = m_secret->text();
    m_secret->clear();
    return secret;
}

void ReauthenticateDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void ReauthenticateDialog::updateMode()
{
    m_fieldLabel->setText(isTotpCode() ? tr("Code:") : tr("Password:"));
    m_secret->setPlaceholderText(isTotpCode() ? tr("6 digits from your authenticator app")
                                              : QString());
    m_secret->clear();
    setFieldError(m_error, {});
    m_secret->setFocus();
}

void ReauthenticateDialog::retranslateUi()
{
    setWindowTitle(tr("Confirm it is you"));
    switch (m_purpose) {
    case Purpose::Terminal:
        m_text->setText(tr("A terminal on \"%1\" runs commands on that machine. Confirm your "
                           "password to open it; you are not asked again for 5 minutes.")
                            .arg(m_nodeName));
        break;
    case Purpose::Agent:
        m_text->setText(tr("This changes the agent running on \"%1\". Confirm your password "
                           "to go on; you are not asked again for 5 minutes.")
                            .arg(m_nodeName));
        break;
    case Purpose::Rollout:
        m_text->setText(tr("This replaces the agent on every node you chose. Confirm your "
                           "password to go on; you are not asked again for 5 minutes."));
        break;
    }
    m_useCode->setText(tr("Use a code from my authenticator app instead"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Confirm"));
    m_fieldLabel->setText(isTotpCode() ? tr("Code:") : tr("Password:"));
    m_secret->setPlaceholderText(isTotpCode() ? tr("6 digits from your authenticator app")
                                              : QString());
}

} // namespace hm::app
