#pragma once

// The error line under a form field: hidden until there is something to
// say, in the "bad" tone of the style sheet. Inside a QFormLayout the whole
// row is shown and hidden, so a field without an error leaves no gap.

#include <QString>

class QFormLayout;
class QLabel;
class QWidget;

namespace hm::app {

QLabel *createFieldError(QWidget *parent, const QString &objectName);
// Shows `text` under its field; an empty text hides the line.
void setFieldError(QLabel *label, const QString &text);

// A form row: a new caption label (*label, its buddy `field`, text set by
// the dialog's retranslateUi), the field, and when `error` is given the
// field's error line under it, named `errorObjectName`. The dialog owns all.
void addFieldRow(QFormLayout *form, QLabel **label, QWidget *field, QLabel **error = nullptr,
                 const QString &errorObjectName = {});

} // namespace hm::app
