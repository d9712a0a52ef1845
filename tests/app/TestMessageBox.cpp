// The modal-dialog seam every console panel asks through: a test answers
// the next question without a nested event loop.

#include "widgets/MessageBox.h"

#include <QDialog>
#include <QLineEdit>
#include <QTest>
#include <QTimer>

using hm::app::DialogSeam;
using hm::app::MessageBox;

class TestMessageBox : public QObject
{
    Q_OBJECT

private slots:
    void nextAnswerIsUsedOnce()
    {
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QCOMPARE(MessageBox::question(nullptr, QStringLiteral("t"), QStringLiteral("Delete?"),
                                      QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
                                      QStringLiteral("test.confirm")),
                 QMessageBox::Yes);
        QCOMPARE(MessageBox::lastText(), QStringLiteral("Delete?"));
        QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("test.confirm"));

        // The answer is spent: the next box is really shown. Close it from
        // the event loop by its objectName.
        QTimer::singleShot(0, [] {
            for (QWidget *widget : QApplication::topLevelWidgets()) {
                if (widget->objectName() == QStringLiteral("test.second"))
                    static_cast<QMessageBox *>(widget)->done(QMessageBox::No);
            }
        });
        QCOMPARE(MessageBox::question(nullptr, QStringLiteral("t"), QStringLiteral("Again?"),
                                      QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes,
                                      QStringLiteral("test.second")),
                 QMessageBox::No);
    }

    void dialogHandlerFillsAndAccepts()
    {
        QDialog dialog;
        auto *name = new QLineEdit(&dialog);
        name->setObjectName(QStringLiteral("test.name"));
        DialogSeam::setNextHandler([](QDialog *shown) {
            shown->findChild<QLineEdit *>(QStringLiteral("test.name"))
                ->setText(QStringLiteral("x"));
            return int(QDialog::Accepted);
        });
        QCOMPARE(DialogSeam::exec(&dialog), int(QDialog::Accepted));
        QCOMPARE(name->text(), QStringLiteral("x"));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
};

QTEST_MAIN(TestMessageBox)
#include "TestMessageBox.moc"
