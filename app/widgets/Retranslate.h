#pragma once

// A dialog's changeEvent runs before its children see the language change,
// and QDialogButtonBox answers it by putting Qt's own texts back on its
// standard buttons ("OK" for "Create", "Announce", "Save"…). So a dialog
// retranslates at once (tests and layouts see the new words right away)
// and once more after the event has reached every child, which keeps its
// own button texts.

#include <QEvent>
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

// A widget or dialog that follows a language change by calling its
// retranslateUi() as above, instead of each one writing the same
// changeEvent. Base: QWidget, QDialog or another QWidget subclass; the
// derived class calls retranslateUi() itself once its widgets exist.
template <typename Base> class Retranslating : public Base
{
public:
    using Base::Base;

protected:
    virtual void retranslateUi() = 0;

    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange)
            retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
        Base::changeEvent(event);
    }
};

} // namespace hm::widgets
