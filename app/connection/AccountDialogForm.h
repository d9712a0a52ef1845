#pragma once

#include <QDialogButtonBox>
#include <QString>
#include <functional>

class QDialog;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace hm::app {

class MessageLine;

// The frame of the account dialogs reached from sign-in (RegisterDialog,
// PasswordResetDialog): a note above a form of labelled lines, an error
// line under it and the buttons. The accept-role button does not close the
// dialog: the server's answer decides. Objects are named
// "<prefix>.<name>" for the tests ("register.note", "register.error", …).
// Widgets are made in the order of the calls, which is the tab order:
// the note, the lines, then the error line and the buttons.
class AccountDialogForm
{
public:
    // Makes the note ("<prefix>.note").
    AccountDialogForm(QDialog *dialog, const QString &prefix);

    // A line of the form with its label (texts set by the dialog's
    // retranslateUi); `secret` hides what is typed.
    QLineEdit *addLine(const QString &name, QLabel **label, bool secret = false);
    // The error line ("<prefix>.error", hidden), the button box and the
    // dialog's layout; after the lines, before the buttons.
    void addErrorLineAndButtons();
    // A button of the box: an accept-role one is the default button.
    QPushButton *addButton(const QString &name, QDialogButtonBox::ButtonRole role);

    QLabel *note() const { return m_note; }
    // A problem under the form, worded again after a language switch;
    // `detail` (the server's code and message) as its tooltip.
    void showProblem(std::function<QString()> text, const QString &detail = {});
    void hideProblem();
    // The problem shown now, "" when none.
    QString errorText() const;

private:
    QDialog *m_dialog;
    QString m_prefix;
    QLabel *m_note = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_error = nullptr;
    MessageLine *m_errorLine = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hm::app
