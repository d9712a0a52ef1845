// The modal-dialog seam every console panel asks through: a test answers
// the next question without a nested event loop.

#include "widgets/MessageBox.h"

#include <QApplication>
#include <QDialog>
#include <QLineEdit>
#include <QProxyStyle>
#include <QPushButton>
#include <QStyleFactory>
#include <QTest>
#include <QTimer>
#include <functional>

using hm::app::DialogSeam;
using hm::app::MessageBox;

namespace {

// What a shown confirmation looked like, read while it was up.
struct ShownBox
{
    bool found = false;
    QStringList texts;
    QString actionText;
    QMessageBox::ButtonRole actionRole = QMessageBox::InvalidRole;
    QString cancelText;
    bool cancelIsDefault = false;
    bool cancelIsEscape = false;
    QMessageBox::Icon icon = QMessageBox::NoIcon;
    bool actionHasIcon = false;
    bool cancelHasIcon = false;
};

// Once the box named `name` runs its loop: reads it into `shown`, then
// `answer` closes it (a key or a click), so a failed check cannot leave the
// test waiting on a box nobody closes.
void whenShown(const QString &name, ShownBox *shown, std::function<void(QMessageBox *)> answer)
{
    QTimer::singleShot(0, [=] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(widget);
            if (!box || box->objectName() != name || !box->isVisible())
                continue;
            shown->found = true;
            for (QAbstractButton *button : box->buttons())
                shown->texts << button->text();
            auto *action = box->findChild<QPushButton *>(name + QStringLiteral(".action"));
            auto *cancel = box->findChild<QPushButton *>(name + QStringLiteral(".cancel"));
            if (action) {
                shown->actionText = action->text();
                shown->actionRole = box->buttonRole(action);
                shown->actionHasIcon = !action->icon().isNull();
            }
            if (cancel) {
                shown->cancelText = cancel->text();
                shown->cancelIsDefault = box->defaultButton() == cancel;
                shown->cancelIsEscape = box->escapeButton() == cancel;
                shown->cancelHasIcon = !cancel->icon().isNull();
            }
            shown->icon = box->icon();
            answer(box);
            return;
        }
    });
}

// A style that puts icons on dialog buttons, whatever the platform's does.
class IconButtonsStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;
    int styleHint(StyleHint hint, const QStyleOption *option, const QWidget *widget,
                  QStyleHintReturn *returnData) const override
    {
        if (hint == SH_DialogButtonBox_ButtonsHaveIcons)
            return 1;
        return QProxyStyle::styleHint(hint, option, widget, returnData);
    }
};

} // namespace

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

    void confirmNamesItsActionNextToCancel()
    {
        ShownBox shown;
        // Enter chooses the default: Cancel, never the destructive action.
        whenShown(QStringLiteral("test.delete"), &shown,
                  [](QMessageBox *box) { QTest::keyClick(box, Qt::Key_Return); });
        QVERIFY(!MessageBox::confirm(nullptr, QStringLiteral("Delete"),
                                     QStringLiteral("Delete \"a.txt\"?"), QStringLiteral("Delete"),
                                     QStringLiteral("test.delete"),
                                     MessageBox::Confirm::Destructive));
        QVERIFY(shown.found);
        QCOMPARE(shown.texts.size(), 2);
        QCOMPARE(shown.actionText, QStringLiteral("Delete"));
        QCOMPARE(shown.actionRole, QMessageBox::DestructiveRole);
        QCOMPARE(shown.cancelText, QStringLiteral("Cancel"));
        QVERIFY(shown.texts.contains(QStringLiteral("Delete")));
        QVERIFY(shown.texts.contains(QStringLiteral("Cancel")));
        QVERIFY(shown.cancelIsDefault);
        QVERIFY(shown.cancelIsEscape);
        QCOMPARE(shown.icon, QMessageBox::Warning);
        // Icons on both buttons or on neither, as the style has it.
        QCOMPARE(shown.actionHasIcon, shown.cancelHasIcon);
        QCOMPARE(MessageBox::lastActionText(), QStringLiteral("Delete"));
        QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("test.delete"));
        QCOMPARE(MessageBox::lastDefaultButton(), QMessageBox::Cancel);
    }

    void confirmNormalIsAcceptAndEscapeCancels()
    {
        ShownBox shown;
        whenShown(QStringLiteral("test.stop"), &shown,
                  [](QMessageBox *box) { QTest::keyClick(box, Qt::Key_Escape); });
        QVERIFY(!MessageBox::confirm(nullptr, QStringLiteral("Stop"), QStringLiteral("Stop it?"),
                                     QStringLiteral("Stop"), QStringLiteral("test.stop")));
        QVERIFY(shown.found);
        QCOMPARE(shown.texts.size(), 2);
        QCOMPARE(shown.actionRole, QMessageBox::AcceptRole);
        QCOMPARE(shown.icon, QMessageBox::Question);
        QVERIFY(shown.cancelIsDefault);
    }

    void confirmTrueOnlyForTheAction()
    {
        ShownBox shown;
        whenShown(QStringLiteral("test.kill"), &shown, [](QMessageBox *box) {
            box->findChild<QPushButton *>(QStringLiteral("test.kill.action"))->click();
        });
        QVERIFY(MessageBox::confirm(nullptr, QStringLiteral("Kill"), QStringLiteral("Kill it?"),
                                    QStringLiteral("Kill"), QStringLiteral("test.kill"),
                                    MessageBox::Confirm::Destructive));
        QVERIFY(shown.found);

        // An action that is itself a cancel: the way out says what it keeps.
        ShownBox keep;
        whenShown(QStringLiteral("test.cancelRun"), &keep, [](QMessageBox *box) {
            box->findChild<QPushButton *>(QStringLiteral("test.cancelRun.cancel"))->click();
        });
        QVERIFY(!MessageBox::confirm(
            nullptr, QStringLiteral("Cancel Execution"), QStringLiteral("Cancel it?"),
            QStringLiteral("Cancel Execution"), QStringLiteral("test.cancelRun"),
            MessageBox::Confirm::Destructive, QStringLiteral("Keep Running")));
        QCOMPARE(keep.cancelText, QStringLiteral("Keep Running"));
        QVERIFY(keep.cancelIsEscape);
    }

    void actionHasAnIconWhereCancelHasOne()
    {
        const QString platformStyle = QApplication::style()->name();
        QApplication::setStyle(new IconButtonsStyle(QStyleFactory::create(platformStyle)));
        ShownBox shown;
        whenShown(QStringLiteral("test.icons"), &shown,
                  [](QMessageBox *box) { QTest::keyClick(box, Qt::Key_Escape); });
        MessageBox::confirm(nullptr, QStringLiteral("Revoke"), QStringLiteral("Revoke it?"),
                            QStringLiteral("Revoke"), QStringLiteral("test.icons"),
                            MessageBox::Confirm::Destructive);
        QApplication::setStyle(QStyleFactory::create(platformStyle));
        QVERIFY(shown.found);
        QVERIFY(shown.cancelHasIcon);
        QVERIFY(shown.actionHasIcon);
    }

    void seamAnswersConfirmations_data()
    {
        QTest::addColumn<QMessageBox::StandardButton>("answer");
        QTest::addColumn<bool>("confirmed");
        QTest::newRow("Yes") << QMessageBox::Yes << true;
        QTest::newRow("Ok") << QMessageBox::Ok << true;
        QTest::newRow("No") << QMessageBox::No << false;
        QTest::newRow("Cancel") << QMessageBox::Cancel << false;
    }

    void seamAnswersConfirmations()
    {
        QFETCH(QMessageBox::StandardButton, answer);
        QFETCH(bool, confirmed);
        MessageBox::setNextAnswer(answer);
        QCOMPARE(MessageBox::confirm(nullptr, QStringLiteral("t"), QStringLiteral("Revoke?"),
                                     QStringLiteral("Revoke"), QStringLiteral("test.revoke"),
                                     MessageBox::Confirm::Destructive),
                 confirmed);
        QCOMPARE(MessageBox::lastActionText(), QStringLiteral("Revoke"));
        QCOMPARE(MessageBox::lastText(), QStringLiteral("Revoke?"));
        // Any other box clears the action.
        MessageBox::setNextAnswer(QMessageBox::Ok);
        MessageBox::information(nullptr, QStringLiteral("t"), QStringLiteral("Done."));
        QVERIFY(MessageBox::lastActionText().isEmpty());
    }

    void questionShowsItsButtonTexts()
    {
        QString restore, discard;
        QTimer::singleShot(0, [&] {
            for (QWidget *widget : QApplication::topLevelWidgets()) {
                auto *box = qobject_cast<QMessageBox *>(widget);
                if (!box || box->objectName() != QStringLiteral("test.restore"))
                    continue;
                restore = box->button(QMessageBox::Yes)->text();
                discard = box->button(QMessageBox::No)->text();
                box->button(QMessageBox::No)->click();
            }
        });
        QCOMPARE(MessageBox::question(nullptr, QStringLiteral("t"), QStringLiteral("Restore?"),
                                      QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes,
                                      QStringLiteral("test.restore"),
                                      {{QMessageBox::Yes, QStringLiteral("Restore")},
                                       {QMessageBox::No, QStringLiteral("Discard")}}),
                 QMessageBox::No);
        QCOMPARE(restore, QStringLiteral("Restore"));
        QCOMPARE(discard, QStringLiteral("Discard"));
    }

    // With HIVEMIND_SCREENSHOT_DIR: both kinds as the platform style draws
    // them (order, icons, the default's frame).
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        // Each sample's text asks for what its button does.
        struct Sample
        {
            QString name;
            MessageBox::Confirm kind;
            QString title;
            QString text;
            QString verb;
        };
        const Sample samples[] = {
            {QStringLiteral("confirm-normal"), MessageBox::Confirm::Normal,
             QStringLiteral("Stop container"),
             QStringLiteral("Stop the container \"hm-web\" on dock-1? Whatever it serves is down "
                            "until it is started again."),
             QStringLiteral("Stop")},
            {QStringLiteral("confirm-destructive"), MessageBox::Confirm::Destructive,
             QStringLiteral("Remove container"),
             QStringLiteral("Remove the container \"hm-web\" from dock-1? What it wrote outside "
                            "its volumes is lost."),
             QStringLiteral("Remove")},
        };
        for (const Sample &sample : samples) {
            QVERIFY(sample.text.startsWith(sample.verb + u' '));
            QVERIFY(sample.title.startsWith(sample.verb + u' '));
            bool saved = false;
            QString shownText;
            QString shownButtons;
            QTimer::singleShot(0, [&] {
                for (QWidget *widget : QApplication::topLevelWidgets()) {
                    auto *box = qobject_cast<QMessageBox *>(widget);
                    if (!box || box->objectName() != sample.name)
                        continue;
                    shownText = box->text();
                    for (QAbstractButton *button : box->buttons())
                        shownButtons += button->text().remove(u'&') + u'|';
                    saved = box->grab().save(dir + QLatin1Char('/') + sample.name +
                                             QStringLiteral(".png"));
                    box->escapeButton()->click();
                }
            });
            MessageBox::confirm(nullptr, sample.title, sample.text, sample.verb, sample.name,
                                sample.kind);
            QVERIFY(saved);
            QCOMPARE(shownText, sample.text);
            QVERIFY2(shownButtons.contains(sample.verb + u'|'), qPrintable(shownButtons));
        }
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
