#pragma once

#include "canvas/ComponentPalette.h"

#include <QFrame>

class QLineEdit;
class QListWidget;

namespace hm::app {

// Quick add: a small search pop-up at the cursor listing the components
// that match what is typed; Enter (or a click) picks one. objectNames:
// editor.quickAdd, editor.quickAdd.search, editor.quickAdd.list.
class QuickAddPopup final : public QFrame
{
    Q_OBJECT

public:
    QuickAddPopup(const ComponentCatalogue &catalogue, QWidget *parent);

    // Shows the pop-up with its top-left corner at `globalPos` (kept on
    // the screen) and `text` already typed.
    void popup(QPoint globalPos, const QString &text);
    QLineEdit *searchField() const { return m_search; }
    QListWidget *list() const { return m_list; }

signals:
    void componentChosen(const hm::app::ComponentRef &component);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter();
    void choose();

    ComponentCatalogue m_catalogue;
    QLineEdit *m_search;
    QListWidget *m_list;
};

} // namespace hm::app
