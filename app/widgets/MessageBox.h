#pragma once

// The one way the console asks modal questions, so tests can answer them
// (KeePassXC's MessageBox::setNextAnswer). Every confirmation, warning and
// custom modal dialog of the console goes through here, never through
// QMessageBox::question() or QDialog::exec() directly.

#include <QCoreApplication>
#include <QMessageBox>
#include <functional>
#include <utility>

class QDialog;

namespace hm::app {

class MessageBox
{
    Q_DECLARE_TR_FUNCTIONS(MessageBox)

public:
    // What the confirming button does. Destructive (deleting, killing,
    // revoking, overwriting) gives it QMessageBox::DestructiveRole, which
    // platform styles place and mark apart from the safe choice.
    enum class Confirm
    {
        Normal,
        Destructive
    };
    // Standard buttons shown with the console's own words, e.g.
    // {{QMessageBox::Yes, tr("Restore")}}.
    using ButtonTexts = QList<std::pair<QMessageBox::StandardButton, QString>>;

    // A confirmation: the button that goes ahead says what it does
    // (`actionText`, e.g. tr("Delete")) next to Cancel, which is the
    // default and Escape button, so Enter never destroys anything. True
    // when the action was chosen. The buttons are named
    // "<objectName>.action" and "<objectName>.cancel". `cancelText`
    // replaces "Cancel" where the action itself is a cancel, e.g.
    // "Cancel Execution" next to "Keep Running".
    static bool confirm(QWidget *parent, const QString &title, const QString &text,
                        const QString &actionText, const QString &objectName,
                        Confirm kind = Confirm::Normal, const QString &cancelText = {});

    // A real question (more than two answers, or two that both act, e.g.
    // Save/Discard/Cancel); returns the button chosen. Yes/No confirmations
    // go through confirm(). `objectName` names the box (for tests and
    // screenshots), e.g. "flows.confirmRestore".
    static QMessageBox::StandardButton
    question(QWidget *parent, const QString &title, const QString &text,
             QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
             QMessageBox::StandardButton defaultButton = QMessageBox::No,
             const QString &objectName = {}, const ButtonTexts &buttonTexts = {});
    static QMessageBox::StandardButton
    warning(QWidget *parent, const QString &title, const QString &text,
            QMessageBox::StandardButtons buttons = QMessageBox::Ok,
            QMessageBox::StandardButton defaultButton = QMessageBox::Ok,
            const QString &objectName = {});
    static void information(QWidget *parent, const QString &title, const QString &text,
                            const QString &objectName = {});
    static void critical(QWidget *parent, const QString &title, const QString &text,
                         const QString &objectName = {});

    // Test seam: the next box is not shown; it answers `answer` at once.
    // NoButton (the default) shows boxes normally again. For confirm(),
    // Yes or Ok means the action was chosen, anything else Cancel.
    static void setNextAnswer(QMessageBox::StandardButton answer);
    // The text and objectName of the last box asked, shown or answered.
    static QString lastText();
    static QString lastObjectName();
    // The default button of the last box (what Enter would choose).
    static QMessageBox::StandardButton lastDefaultButton();
    // The action button's text of the last confirm(); empty after any other
    // box.
    static QString lastActionText();

private:
    static QMessageBox::StandardButton
    ask(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text,
        QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton,
        const QString &objectName, const ButtonTexts &buttonTexts = {});
};

// Custom modal dialogs (share, trigger inputs, sign-in ...): exec() through
// here. A test sets a handler that fills the dialog's widgets (found by
// objectName) and returns the result instead of running a nested loop.
class DialogSeam
{
public:
    using Handler = std::function<int(QDialog *)>;
    static int exec(QDialog *dialog);
    // Used once, by the next exec().
    static void setNextHandler(Handler handler);
};

} // namespace hm::app
