#pragma once

#include "canvas/ComponentPalette.h"
#include "flow/PortType.h"

#include <QFrame>
#include <QPointer>
#include <optional>

class QLineEdit;
class QListWidget;

namespace hm::app {

class FlowGraphModel;

// Quick add: a small search pop-up at the cursor listing the components
// and the external services' endpoints (as the palette's Services group)
// that match what is typed; Enter (or a click) picks one. Opened from an
// output port dragged into empty canvas (setSourceType), it lists only
// the components and endpoints with an input that port's type feeds
// (portTypeFeeds; the untyped "default" input does not count), fetching
// the endpoints' interfaces through the model as needed. objectNames:
// editor.quickAdd, editor.quickAdd.search, editor.quickAdd.list.
class QuickAddPopup final : public QFrame
{
    Q_OBJECT

public:
    QuickAddPopup(FlowGraphModel *model, QWidget *parent);

    // Only what takes a value of this type (before popup()).
    void setSourceType(flow::PortType type);
    std::optional<flow::PortType> sourceType() const { return m_sourceType; }

    // Shows the pop-up with its top-left corner at `globalPos` (kept on
    // the screen) and `text` already typed.
    void popup(QPoint globalPos, const QString &text);
    QLineEdit *searchField() const { return m_search; }
    QListWidget *list() const { return m_list; }
    // The listed components and endpoints, in list order.
    QList<ComponentRef> listed() const;

    // The first declared input of `interface` a value of type `from` may
    // flow into, or empty.
    static QString compatibleInput(const flow::ComponentInterface &interface, flow::PortType from);

signals:
    void componentChosen(const hm::app::ComponentRef &component);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refilter();
    void choose();
    bool takes(const flow::ComponentInterface &interface) const;

    QPointer<FlowGraphModel> m_model;
    std::optional<flow::PortType> m_sourceType;
    QLineEdit *m_search;
    QListWidget *m_list;
};

} // namespace hm::app
