#include "widgets/MessageBox.h"

#include <QDialog>
#include <QPushButton>
#include <QStyle>

namespace hm::app {

namespace {

QMessageBox::StandardButton g_nextAnswer = QMessageBox::NoButton;
QString g_lastText;
QString g_lastObjectName;
QMessageBox::StandardButton g_lastDefaultButton = QMessageBox::NoButton;
QString g_lastActionText;
DialogSeam::Handler g_nextHandler;

} // namespace

QMessageBox::StandardButton
MessageBox::ask(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text,
                QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton,
                const QString &objectName, const ButtonTexts &buttonTexts)
{
    g_lastText = text;
    g_lastObjectName = objectName;
    g_lastDefaultButton = defaultButton;
    g_lastActionText.clear();
    if (g_nextAnswer != QMessageBox::NoButton) {
        const QMessageBox::StandardButton answer = g_nextAnswer;
        g_nextAnswer = QMessageBox::NoButton;
        return answer;
    }
    QMessageBox box(icon, title, text, buttons, parent);
    for (const auto &[which, label] : buttonTexts) {
        if (QAbstractButton *shown = box.button(which))
            shown->setText(label);
    }
    box.setDefaultButton(defaultButton);
    if (!objectName.isEmpty())
        box.setObjectName(objectName);
    return QMessageBox::StandardButton(box.exec());
}

bool MessageBox::confirm(QWidget *parent, const QString &title, const QString &text,
                         const QString &actionText, const QString &objectName, Confirm kind,
                         const QString &cancelText)
{
    g_lastText = text;
    g_lastObjectName = objectName;
    g_lastDefaultButton = QMessageBox::Cancel;
    g_lastActionText = actionText;
    if (g_nextAnswer != QMessageBox::NoButton) {
        const QMessageBox::StandardButton answer = g_nextAnswer;
        g_nextAnswer = QMessageBox::NoButton;
        return answer == QMessageBox::Yes || answer == QMessageBox::Ok;
    }
    const bool destructive = kind == Confirm::Destructive;
    QMessageBox box(destructive ? QMessageBox::Warning : QMessageBox::Question, title, text,
                    QMessageBox::NoButton, parent);
    box.setObjectName(objectName);
    QPushButton *action = box.addButton(actionText, destructive ? QMessageBox::DestructiveRole
                                                                : QMessageBox::AcceptRole);
    action->setObjectName(objectName + QStringLiteral(".action"));
    // Where the style puts icons on dialog buttons, Cancel gets its own;
    // the action gets OK's, the one icon that fits every verb (a bin would
    // not suit Kill or Restore).
    if (box.style()->styleHint(QStyle::SH_DialogButtonBox_ButtonsHaveIcons, nullptr, &box))
        action->setIcon(box.style()->standardIcon(QStyle::SP_DialogOkButton, nullptr, &box));
    // Our own word for Cancel: Qt's catalogues are optional (LanguageManager).
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    cancel->setText(cancelText.isEmpty() ? tr("Cancel") : cancelText);
    cancel->setObjectName(objectName + QStringLiteral(".cancel"));
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == action;
}

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title,
                                                 const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton,
                                                 const QString &objectName,
                                                 const ButtonTexts &buttonTexts)
{
    return ask(QMessageBox::Question, parent, title, text, buttons, defaultButton, objectName,
               buttonTexts);
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

QString MessageBox::lastActionText()
{
    return g_lastActionText;
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
