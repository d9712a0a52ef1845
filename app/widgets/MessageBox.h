#pragma once

// The one way the console asks modal questions, so tests can answer them
// (KeePassXC's MessageBox::setNextAnswer). Every confirmation, warning and
// custom modal dialog of the console goes through here, never through
// QMessageBox::question() or QDialog::exec() directly.

#include <QMessageBox>
#include <functional>

class QDialog;

namespace hm::app {

class MessageBox
{
public:
    // Asks and returns the button chosen. `objectName` names the box (for
    // tests and screenshots), e.g. "flows.confirmDelete".
    static QMessageBox::StandardButton
    question(QWidget *parent, const QString &title, const QString &text,
             QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
             QMessageBox::StandardButton defaultButton = QMessageBox::No,
             const QString &objectName = {});
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
    // NoButton (the default) shows boxes normally again.
    static void setNextAnswer(QMessageBox::StandardButton answer);
    // The text and objectName of the last box asked, shown or answered.
    static QString lastText();
    static QString lastObjectName();
    // The default button of the last box (what Enter would choose).
    static QMessageBox::StandardButton lastDefaultButton();

private:
    static QMessageBox::StandardButton ask(QMessageBox::Icon icon, QWidget *parent,
                                           const QString &title, const QString &text,
                                           QMessageBox::StandardButtons buttons,
                                           QMessageBox::StandardButton defaultButton,
                                           const QString &objectName);
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
