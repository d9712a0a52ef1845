#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QStackedWidget;

namespace hm::app {

// Where a rule or a probe applies: all nodes, one node (picked from the
// nodes the page has read) or the nodes with a label. One combo and, beside
// it, what that choice needs. Children are named `<prefix>scope`,
// `<prefix>node` and `<prefix>label`, so a dialog's tests find them under
// the dialog's own prefix. Emits changed() on any edit.
class NodeScopePicker final : public QWidget
{
    Q_OBJECT

public:
    enum Scope
    {
        AllNodes,
        OneNode,
        Labelled
    };
    using NodeNames = QList<QPair<QString, QString>>; // id, name; by name

    NodeScopePicker(const NodeNames &nodes, const QString &objectPrefix, QWidget *parent = nullptr);

    // A node the list does not hold (a large fleet) is added by its id.
    void setScope(Scope scope, const QString &value);
    Scope scope() const;
    // The picked node's id (OneNode), the label as typed and trimmed
    // (Labelled), else empty.
    QString nodeId() const;
    QString label() const;
    // What stops the choice from being saved, for `nodeMissing` the
    // dialog's own words ("Pick the node the rule watches."); empty if
    // nothing.
    QString problem(const QString &nodeMissing) const;
    // The combo, as a form label's buddy.
    QWidget *scopeCombo() const;

signals:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QComboBox *m_scope = nullptr;
    QStackedWidget *m_target = nullptr;
    QComboBox *m_node = nullptr;
    QLineEdit *m_label = nullptr;
};

} // namespace hm::app
