#include "remote/TerminalCloseQuestion.h"

#include "widgets/MessageBox.h"

#include <QAbstractButton>

namespace hm::app {

TerminalCloseQuestion::TerminalCloseQuestion(const QString &tabTitle, QWidget *parent)
    : QMessageBox(parent)
{
    setObjectName(QStringLiteral("terminalCloseQuestion"));
    setIcon(QMessageBox::Question);
    setWindowTitle(tr("Close terminal"));
    setText(tr("Keep \"%1\" running on the node?").arg(tabTitle));
    setInformativeText(tr("A session kept running can be reattached from Sessions, here or "
                          "from another console, until it has been idle too long. Ending it "
                          "stops its shell and every program started in it."));
    setStandardButtons(QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    button(QMessageBox::Save)->setText(tr("Keep running"));
    button(QMessageBox::Discard)->setText(tr("End session"));
    setDefaultButton(QMessageBox::Save);
}

TerminalCloseQuestion::Choice TerminalCloseQuestion::ask(const QString &tabTitle, QWidget *parent)
{
    TerminalCloseQuestion box(tabTitle, parent);
    switch (DialogSeam::exec(&box)) {
    case QMessageBox::Save:
        return Choice::Keep;
    case QMessageBox::Discard:
        return Choice::End;
    default:
        return Choice::Cancel;
    }
}

} // namespace hm::app
