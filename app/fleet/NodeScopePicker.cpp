#include "fleet/NodeScopePicker.h"

#include "fleet/NodeText.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QStackedWidget>

namespace hm::app {

NodeScopePicker::NodeScopePicker(const NodeNames &nodes, const QString &objectPrefix,
                                 QWidget *parent)
    : QWidget(parent)
{
    m_scope = new QComboBox(this);
    m_scope->setObjectName(objectPrefix + QStringLiteral("scope"));
    for (const Scope scope : {AllNodes, OneNode, Labelled})
        m_scope->addItem(QString(), int(scope));
    m_target = new QStackedWidget(this);
    m_target->addWidget(new QWidget(m_target)); // all nodes: nothing to pick
    m_node = new QComboBox(m_target);
    m_node->setObjectName(objectPrefix + QStringLiteral("node"));
    m_node->setMinimumContentsLength(16);
    for (const auto &[id, name] : nodes)
        m_node->addItem(name, id);
    m_target->addWidget(m_node);
    m_label = new QLineEdit(m_target);
    m_label->setObjectName(objectPrefix + QStringLiteral("label"));
    m_label->setMaxLength(NodeText::kMaxLabelLength);
    m_target->addWidget(m_label);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scope);
    layout->addWidget(m_target, 1);
    setFocusProxy(m_scope);

    connect(m_scope, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_target->setCurrentIndex(index);
        emit changed();
    });
    connect(m_node, &QComboBox::currentIndexChanged, this, &NodeScopePicker::changed);
    connect(m_label, &QLineEdit::textChanged, this, &NodeScopePicker::changed);
    retranslateUi();
}

void NodeScopePicker::setScope(Scope scope, const QString &value)
{
    if (scope == OneNode && !value.isEmpty() && m_node->findData(value) < 0)
        m_node->addItem(value, value);
    m_scope->setCurrentIndex(scope);
    m_target->setCurrentIndex(scope);
    if (scope == OneNode)
        m_node->setCurrentIndex(m_node->findData(value));
    m_label->setText(scope == Labelled ? value : QString());
}

NodeScopePicker::Scope NodeScopePicker::scope() const
{
    return Scope(m_scope->currentIndex());
}

QString NodeScopePicker::nodeId() const
{
    return scope() == OneNode ? m_node->currentData().toString() : QString();
}

QString NodeScopePicker::label() const
{
    return scope() == Labelled ? m_label->text().trimmed() : QString();
}

QString NodeScopePicker::problem(const QString &nodeMissing) const
{
    if (scope() == OneNode && m_node->currentIndex() < 0)
        return nodeMissing;
    if (scope() == Labelled)
        return NodeText::labelProblem({label()});
    return {};
}

QWidget *NodeScopePicker::scopeCombo() const
{
    return m_scope;
}

void NodeScopePicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NodeScopePicker::retranslateUi()
{
    m_scope->setItemText(AllNodes, tr("All nodes"));
    m_scope->setItemText(OneNode, tr("One node"));
    m_scope->setItemText(Labelled, tr("Nodes with the label"));
    m_label->setPlaceholderText(tr("Label, e.g. production"));
    m_node->setPlaceholderText(tr("No node enrolled yet"));
}

} // namespace hm::app
