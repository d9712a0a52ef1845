#include "connection/AccountDialogForm.h"

#include "widgets/MessageLine.h"

#include <QDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hm::app {

AccountDialogForm::AccountDialogForm(QDialog *dialog, const QString &prefix)
    : m_dialog(dialog), m_prefix(prefix)
{
    m_note = new QLabel(dialog);
    m_note->setObjectName(prefix + QStringLiteral(".note"));
    m_note->setWordWrap(true);
    m_form = new QFormLayout;
}

QLineEdit *AccountDialogForm::addLine(const QString &name, QLabel **label, bool secret)
{
    *label = new QLabel(m_dialog);
    auto *edit = new QLineEdit(m_dialog);
    edit->setObjectName(m_prefix + u'.' + name);
    if (secret)
        edit->setEchoMode(QLineEdit::Password);
    (*label)->setBuddy(edit);
    m_form->addRow(*label, edit);
    return edit;
}

void AccountDialogForm::addErrorLineAndButtons()
{
    m_error = new QLabel(m_dialog);
    m_error->setObjectName(m_prefix + QStringLiteral(".error"));
    m_error->setWordWrap(true);
    // In the style sheet's "bad" tone, as every other error line.
    m_error->setProperty("tone", QStringLiteral("bad"));
    m_error->hide();
    m_errorLine = new MessageLine(m_dialog, [this](const QString &text, MessageLine::Kind) {
        m_error->setText(text);
        m_error->setVisible(!text.isEmpty());
    });

    m_buttons = new QDialogButtonBox(m_dialog);
    // The accept role would close the dialog: the server's answer decides.
    QObject::disconnect(m_buttons, &QDialogButtonBox::accepted, m_dialog, nullptr);
    QObject::connect(m_buttons, &QDialogButtonBox::rejected, m_dialog, &QDialog::reject);

    auto *layout = new QVBoxLayout(m_dialog);
    layout->addWidget(m_note);
    layout->addLayout(m_form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    m_dialog->setMinimumWidth(460);
}

QPushButton *AccountDialogForm::addButton(const QString &name, QDialogButtonBox::ButtonRole role)
{
    QPushButton *button = m_buttons->addButton(QString(), role);
    button->setObjectName(m_prefix + u'.' + name);
    if (role == QDialogButtonBox::AcceptRole)
        button->setDefault(true);
    return button;
}

void AccountDialogForm::showProblem(std::function<QString()> text, const QString &detail)
{
    m_error->setToolTip(detail);
    m_errorLine->show(std::move(text), MessageLine::Kind::Lasting);
}

void AccountDialogForm::hideProblem()
{
    m_errorLine->clear();
}

QString AccountDialogForm::errorText() const
{
    return m_error->isVisibleTo(m_dialog) ? m_error->text() : QString();
}

} // namespace hm::app
