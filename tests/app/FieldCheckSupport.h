#pragma once

// What a dialog's error lines say (widgets/FieldError): the object names of
// the lines shown with a message, for the tests of dialogs that check what
// is typed only once a field was touched.

#include <QLabel>
#include <QStringList>
#include <QWidget>

namespace hm::test {

inline QStringList shownFieldErrors(QWidget *dialog)
{
    QStringList shown;
    for (QLabel *label : dialog->findChildren<QLabel *>()) {
        if (label->property("tone").toString() == QLatin1String("bad") &&
            label->isVisibleTo(dialog) && !label->text().isEmpty())
            shown << label->objectName();
    }
    shown.sort();
    return shown;
}

} // namespace hm::test
