#include "widgets/MessageBox.h"

#include <QDialog>

namespace hm::app {

namespace {

QMessageBox::StandardButton g_nextAnswer = QMessageBox::NoButton;
QString g_lastText;
QString g_lastObjectName;
QMessageBox::StandardButton g_lastDefaultButton = QMessageBox::NoButton;
DialogSeam::Handler g_nextHandler;

} // namespace

QMessageBox::StandardButton MessageBox::ask(QMessageBox::Icon icon, QWidget *parent,
                                            const QString &title, const QString &text,
                                            QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton,
                                            const QString &objectName)
{
    g_lastText = text;
    g_lastObjectName = objectName;
    g_lastDefaultButton = defaultButton;
    if (g_nextAnswer != QMessageBox::NoButton) {
        const QMessageBox::StandardButton answer = g_nextAnswer;
        g_nextAnswer = QMessageBox::NoButton;
        return answer;
    }
    QMessageBox box(icon, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    if (!objectName.isEmpty())
        box.setObjectName(objectName);
    return QMessageBox::StandardButton(box.exec());
}

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title,
                                                 const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton,
                                                 const QString &objectName)
{
    return ask(QMessageBox::Question, parent, title, text, buttons, defaultButton, objectName);
}

QMessageBox::StandardButton MessageBox::warning(QWidget *parent, const QString &title,
                                                const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton,
                                                const QString &objectName)
{
    return ask(QMessageBox::Warning, parent, title, text, buttons, defaultButton, objectName);
}

void MessageBox::information(QWidget *parent, const QString &title, const QString &text,
                             const QString &objectName)
{
    ask(QMessageBox::Information, parent, title, text, QMessageBox::Ok, QMessageBox::Ok,
        objectName);
}

void MessageBox::critical(QWidget *parent, const QString &title, const QString &text,
                          const QString &objectName)
{
    ask(QMessageBox::Critical, parent, title, text, QMessageBox::Ok, QMessageBox::Ok, objectName);
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    g_nextAnswer = answer;
}

QString MessageBox::lastText()
{
    return g_lastText;
}

QString MessageBox::lastObjectName()
{
    return g_lastObjectName;
}

QMessageBox::StandardButton MessageBox::lastDefaultButton()
{
    return g_lastDefaultButton;
}

int DialogSeam::exec(QDialog *dialog)
{
    if (g_nextHandler) {
        const Handler handler = std::move(g_nextHandler);
        g_nextHandler = nullptr;
        const int result = handler(dialog);
        dialog->setResult(result);
        return result;
    }
    return dialog->exec();
}

void DialogSeam::setNextHandler(Handler handler)
{
    g_nextHandler = std::move(handler);
}

} // namespace hm::app
