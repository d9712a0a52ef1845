#include "widgets/FieldError.h"

#include "widgets/WindowFit.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialog>
#include <QEvent>
#include <QFocusEvent>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSpinBox>

namespace hm::app {

namespace {

constexpr const char *kReserved = "hm.fieldError.reserved";
constexpr const char *kCheckText = "hm.fieldError.check";
// The line holds the server's refusal: it stands until its field changes.
constexpr const char *kRefusal = "hm.fieldError.refusal";
// The watches are found by name: without Q_OBJECT, findChildren<T> would
// take any QObject (a selectable label's text control) for one.
constexpr const char *kWatchName = "hm.fieldError.watch";
constexpr const char *kWordsName = "hm.fieldError.words";

// Follows one field for its error line: notes the first touch (a change
// of its content, or focus leaving it or one of its parts) and then shows
// the check that waited for it.
class FieldTouchWatch final : public QObject
{
public:
    FieldTouchWatch(QLabel *label, QWidget *field) : QObject(label), m_label(label), m_field(field)
    {
        setObjectName(QLatin1String(kWatchName));
        QList<QWidget *> parts{field};
        parts += field->findChildren<QWidget *>();
        for (QWidget *part : std::as_const(parts)) {
            part->installEventFilter(this);
            const auto touch = [this] { changed(); };
            if (auto *edit = qobject_cast<QLineEdit *>(part))
                connect(edit, &QLineEdit::textChanged, this, touch);
            else if (auto *text = qobject_cast<QPlainTextEdit *>(part))
                connect(text, &QPlainTextEdit::textChanged, this, touch);
            else if (auto *combo = qobject_cast<QComboBox *>(part))
                connect(combo, &QComboBox::currentIndexChanged, this, touch);
            else if (auto *spin = qobject_cast<QSpinBox *>(part))
                connect(spin, &QSpinBox::valueChanged, this, touch);
            else if (auto *when = qobject_cast<QDateTimeEdit *>(part))
                connect(when, &QDateTimeEdit::dateTimeChanged, this, touch);
            else if (auto *button = qobject_cast<QAbstractButton *>(part))
                connect(button, &QAbstractButton::toggled, this, touch);
        }
    }

    bool isTouched() const { return m_touched; }
    QWidget *field() const { return m_field; }

    void touched()
    {
        if (m_touched)
            return;
        m_touched = true;
        if (m_label && !m_label->property(kRefusal).toBool())
            setFieldError(m_label, m_label->property(kCheckText).toString());
    }

    // The field's content changed: a refusal of what it held is answered,
    // the live check speaks again.
    void changed()
    {
        if (m_label && m_label->property(kRefusal).toBool()) {
            m_touched = true;
            setFieldError(m_label, m_label->property(kCheckText).toString());
            return;
        }
        touched();
    }

    // A refusal shown at the field counts as its visit: leaving the field
    // later must not put the (empty) check over it.
    void markTouched() { m_touched = true; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // Leaving the window (for another application, a menu) is no visit.
        if (event->type() == QEvent::FocusOut) {
            const Qt::FocusReason why = static_cast<QFocusEvent *>(event)->reason();
            if (why != Qt::ActiveWindowFocusReason && why != Qt::PopupFocusReason)
                touched();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QPointer<QLabel> m_label;
    QPointer<QWidget> m_field;
    bool m_touched = false;
};

// A wrapped QLabel asks for a "pretty" shape of its own (a short message
// on two lines of a narrow box); under a field it has the field's width:
// it asks for the lines its text takes at that width, so that a one-line
// message fits the one line reserved for it.
class FieldErrorLabel final : public QLabel
{
public:
    using QLabel::QLabel;

    QSize sizeHint() const override
    {
        QSize hint = QLabel::sizeHint();
        if (wordWrap() && width() > 0)
            hint.setHeight(heightForWidth(width()));
        return hint;
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        const int height = heightForWidth(width());
        if (wordWrap() && height != m_askedHeight) {
            m_askedHeight = height;
            updateGeometry();
        }
    }

private:
    int m_askedHeight = -1;
};

FieldTouchWatch *watchOf(const QLabel *label)
{
    return static_cast<FieldTouchWatch *>(
        label->findChild<QObject *>(QLatin1String(kWatchName), Qt::FindDirectChildrenOnly));
}

// A reserved line stays (blank) while its field is shown.
bool keepsItsPlace(QLabel *label)
{
    if (!label->property(kReserved).toBool())
        return false;
    const FieldTouchWatch *watch = watchOf(label);
    return !watch || !watch->field() || watch->field()->isVisibleTo(label->window());
}

void showText(QLabel *label, const QString &text)
{
    label->setProperty(kRefusal, false);
    label->setText(text);
    const bool on = !text.isEmpty() || keepsItsPlace(label);
    for (QFormLayout *form : label->parentWidget()->findChildren<QFormLayout *>()) {
        if (form->indexOf(label) >= 0) {
            form->setRowVisible(label, on);
            return;
        }
    }
    label->setVisible(on);
}

// A message longer than the line kept for it (a server's refusal, often two
// lines) would be cut: the shown window grows to fit it.
void growShownWindow(QLabel *label)
{
    if (!label->text().isEmpty() && label->window()->isVisible())
        growToFitContents(label->window());
}

// The server's refusal: it counts as the field's visit (leaving the field
// later must not put the empty check over it) and stands until the field
// changes.
void showRefusal(QLabel *label, const QString &text)
{
    if (FieldTouchWatch *watch = watchOf(label))
        watch->markTouched();
    showText(label, text);
    label->setProperty(kRefusal, !text.isEmpty());
    growShownWindow(label);
}

// The way to word a label's message, kept so that a language switch words
// it again, as long as the label still says what it was given.
class FieldErrorWords final : public QObject
{
public:
    FieldErrorWords(QLabel *label, std::function<QString()> make, bool refusal)
        : QObject(label), m_label(label), m_make(std::move(make)), m_refusal(refusal)
    {
        setObjectName(QLatin1String(kWordsName));
        label->installEventFilter(this);
    }

    void render()
    {
        m_shown = m_make();
        if (m_refusal) {
            showRefusal(m_label, m_shown);
        } else {
            showText(m_label, m_shown);
            growShownWindow(m_label);
        }
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_label && event->type() == QEvent::LanguageChange &&
            m_label->text() == m_shown)
            render();
        return QObject::eventFilter(watched, event);
    }

private:
    QLabel *m_label;
    std::function<QString()> m_make;
    bool m_refusal;
    QString m_shown;
};

void forgetWords(QLabel *label)
{
    delete label->findChild<QObject *>(QLatin1String(kWordsName), Qt::FindDirectChildrenOnly);
}

// Watches a dialog for an accept the disabled button refused.
class BlockedAcceptWatch final : public QObject
{
public:
    BlockedAcceptWatch(QDialog *dialog, QAbstractButton *accept)
        : QObject(dialog), m_dialog(dialog), m_accept(accept)
    {
        dialog->installEventFilter(this);
        accept->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (!m_accept || m_accept->isEnabled() || !m_accept->isVisible())
            return false;
        bool refused = false;
        if (watched == m_accept)
            refused = event->type() == QEvent::MouseButtonPress;
        else if (event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            refused = key == Qt::Key_Return || key == Qt::Key_Enter;
        }
        if (refused)
            touchAllFields(m_dialog);
        return false;
    }

private:
    QDialog *m_dialog;
    QPointer<QAbstractButton> m_accept;
};

} // namespace

void setFieldError(QLabel *label, const QString &text)
{
    forgetWords(label);
    showText(label, text);
}

QLabel *createFieldError(QWidget *parent, const QString &objectName)
{
    QLabel *label = new FieldErrorLabel(parent);
    label->setObjectName(objectName);
    label->setProperty("tone", QStringLiteral("bad"));
    label->setWordWrap(true);
    // The field's whole width, in every form: a wrapped label's own hint is
    // a "pretty" narrow box, and forms that grow only expanding fields
    // (ExpandingFieldsGrow) left it there, wrapping a short message (a
    // Chinese one split in the middle of a word) beside empty space.
    QSizePolicy policy = label->sizePolicy(); // keeps height-for-width
    policy.setHorizontalPolicy(QSizePolicy::Expanding);
    label->setSizePolicy(policy);
    label->setVisible(false);
    return label;
}

void linkFieldError(QLabel *label, QWidget *field)
{
    delete watchOf(label);
    new FieldTouchWatch(label, field);
}

void setFieldCheck(QLabel *label, const QString &text)
{
    if (!label->property(kReserved).toBool()) {
        label->setProperty(kReserved, true);
        // One line, the usual length of a check's message.
        label->setMinimumHeight(label->fontMetrics().lineSpacing());
    }
    label->setProperty(kCheckText, text);
    // The server's refusal stays until the field changes or a check of
    // its own finds fault with it.
    if (label->property(kRefusal).toBool() && text.isEmpty())
        return;
    setFieldError(label, isFieldTouched(label) ? text : QString());
}

void setFieldRefusal(QLabel *label, const QString &text)
{
    forgetWords(label);
    showRefusal(label, text);
}

void setLocalizedFieldError(QLabel *label, std::function<QString()> text)
{
    forgetWords(label);
    (new FieldErrorWords(label, std::move(text), false))->render();
}

void setLocalizedFieldRefusal(QLabel *label, std::function<QString()> text)
{
    forgetWords(label);
    (new FieldErrorWords(label, std::move(text), true))->render();
}

bool isFieldTouched(const QLabel *label)
{
    const FieldTouchWatch *watch = watchOf(label);
    return !watch || watch->isTouched();
}

void touchAllFields(QWidget *form)
{
    // Fields hidden for the form's current choice have nothing to say.
    for (QObject *found : form->findChildren<QObject *>(QLatin1String(kWatchName))) {
        auto *watch = static_cast<FieldTouchWatch *>(found);
        if (watch->field() && watch->field()->isVisibleTo(form))
            watch->touched();
    }
}

void showChecksOnBlockedAccept(QDialog *dialog, QAbstractButton *accept)
{
    new BlockedAcceptWatch(dialog, accept);
}

void addFieldRow(QFormLayout *form, QLabel **label, QWidget *field, QLabel **error,
                 const QString &errorObjectName)
{
    QWidget *owner = form->parentWidget() ? form->parentWidget() : field->parentWidget();
    *label = new QLabel(owner);
    (*label)->setBuddy(field);
    form->addRow(*label, field);
    if (error) {
        *error = createFieldError(owner, errorObjectName);
        form->addRow(nullptr, *error);
        linkFieldError(*error, field);
    }
}

} // namespace hm::app
