#pragma once

// The error line under a form field: hidden until there is something to
// say, in the "bad" tone of the style sheet. Inside a QFormLayout the whole
// row is shown and hidden, so a field without an error leaves no gap.
//
// Two kinds of message go there. A refusal (the server's answer, or any
// message the dialog must say now) is set with setFieldError and shows at
// once. A live check of what is typed is set with setFieldCheck: it waits
// until the user has touched the field (changed it, or left it after
// entering it), so that a new form does not open with "… needs a name" in
// red; and from the first check on the line keeps its height while empty,
// so that the fields below do not jump as messages come and go.

#include <QString>
#include <functional>

class QAbstractButton;
class QDialog;
class QFormLayout;
class QLabel;
class QWidget;

namespace hm::app {

QLabel *createFieldError(QWidget *parent, const QString &objectName);
// Shows `text` under its field; an empty text hides the line (or leaves it
// blank when setFieldCheck reserved it).
void setFieldError(QLabel *label, const QString &text);

// The field whose touch releases the checks of `label` (addFieldRow links
// the two itself; a later link replaces the earlier).
void linkFieldError(QLabel *label, QWidget *field);
// A live check's message for the linked field: shown once the field was
// touched; the line's space is reserved from the first call on.
void setFieldCheck(QLabel *label, const QString &text);
// The server's refusal of what the linked field holds: shown at once,
// whether or not the field was touched, and kept through the dialog's own
// checks (an empty check leaves it) until the field changes.
void setFieldRefusal(QLabel *label, const QString &text);
// The same two, given the way to word the message (tr() and the console's
// words around a server's error), so that a language switch while it is
// shown words it again; a later message or check replaces it.
void setLocalizedFieldError(QLabel *label, std::function<QString()> text);
void setLocalizedFieldRefusal(QLabel *label, std::function<QString()> text);
// Whether the user has touched the field linked to `label`.
bool isFieldTouched(const QLabel *label);
// Counts every field under `form` as touched, so that all waiting checks
// show: the answer to an attempt to accept an untouched, invalid form.
void touchAllFields(QWidget *form);
// The accept button of `dialog` stays disabled while the form is invalid;
// pressing it anyway (a click on the disabled button, or Enter) shows every
// check's message instead of doing nothing without a word.
void showChecksOnBlockedAccept(QDialog *dialog, QAbstractButton *accept);

// A form row: a new caption label (*label, its buddy `field`, text set by
// the dialog's retranslateUi), the field, and when `error` is given the
// field's error line under it, named `errorObjectName` and linked to the
// field. The dialog owns all.
void addFieldRow(QFormLayout *form, QLabel **label, QWidget *field, QLabel **error = nullptr,
                 const QString &errorObjectName = {});

} // namespace hm::app
