#include "widgets/ActionButton.h"

#include "widgets/ActionText.h"

#include <QAction>
#include <QPushButton>

namespace hm::app {

QPushButton *createActionButton(QAction *action, QWidget *parent)
{
    auto *button = new QPushButton(parent);
    button->setObjectName(action->objectName() + QStringLiteral(".button"));
    const auto follow = [button, action] {
        button->setText(withoutMnemonic(action->text()));
        button->setToolTip(action->toolTip());
        button->setEnabled(action->isEnabled());
        button->setVisible(action->isVisible());
    };
    follow();
    QObject::connect(action, &QAction::changed, button, follow);
    QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
    return button;
}

} // namespace hm::app
