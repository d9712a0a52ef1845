#include "widgets/FieldError.h"

#include <QFormLayout>
#include <QLabel>

namespace hm::app {

QLabel *createFieldError(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setProperty("tone", QStringLiteral("bad"));
    label->setWordWrap(true);
    label->setVisible(false);
    return label;
}

void setFieldError(QLabel *label, const QString &text)
{
    label->setText(text);
    const bool on = !text.isEmpty();
    for (QFormLayout *form : label->parentWidget()->findChildren<QFormLayout *>()) {
        if (form->indexOf(label) >= 0) {
            form->setRowVisible(label, on);
            return;
        }
    }
    label->setVisible(on);
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
    }
}

} // namespace hm::app
