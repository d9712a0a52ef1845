#include "admin/ResetPasswordDialog.h"
#include "widgets/Retranslate.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hm::app {

ResetPasswordDialog::ResetPasswordDialog(const QString &username, QWidget *parent)
    : QDialog(parent), m_username(username)
{
    setObjectName(QStringLiteral("users.resetPasswordDialog"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("users.resetPassword.password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_requireChange = new QCheckBox(this);
    m_requireChange->setObjectName(QStringLiteral("users.resetPassword.requireChange"));
    m_requireChange->setChecked(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setObjectName(QStringLiteral("users.resetPassword.ok"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_password, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.isEmpty());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_password);
    layout->addWidget(m_requireChange);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);
    retranslateUi();
}

QString ResetPasswordDialog::password() const
{
    return m_password->text();
}

bool ResetPasswordDialog::requireChange() const
{
    return m_requireChange->isChecked();
}

void ResetPasswordDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void ResetPasswordDialog::retranslateUi()
{
    setWindowTitle(tr("Reset password"));
    m_intro->setText(tr("New password for %1 (their sessions end):").arg(m_username));
    m_password->setPlaceholderText(tr("checked against the server's password policy"));
    m_requireChange->setText(tr("Must choose a new password at the next sign-in"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Reset password"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

} // namespace hm::app
