#pragma once

// A dialog's changeEvent runs before its children see the language change,
// and QDialogButtonBox answers it by putting Qt's own texts back on its
// standard buttons ("OK" for "Create", "Announce", "Save"…). So a dialog
// retranslates at once (tests and layouts see the new words right away)
// and once more after the event has reached every child, which keeps its
// own button texts.

#include <QMetaObject>
#include <QObject>
#include <utility>

namespace hm::widgets {

template <typename Retranslate>
void retranslateNowAndAfterChildren(QObject *self, Retranslate retranslate)
{
    retranslate();
    QMetaObject::invokeMethod(self, std::move(retranslate), Qt::QueuedConnection);
}

} // namespace hm::widgets
