#include "widgets/ActionButton.h"

#include <QAction>
#include <QPushButton>
#include <QRegularExpression>

namespace hm::app {
namespace {

// "&Rename…" → "Rename…", "Fish && Chips" → "Fish & Chips", and the
// Chinese catalogues' "重命名(&M)…" → "重命名…": a button's own mnemonic
// would compete with the menus' for the same Alt keys.
QString withoutMnemonic(QString text)
{
    static const QRegularExpression cjkMnemonic(QStringLiteral(R"(\s*\(&[^&)]\))"));
    text.remove(cjkMnemonic);
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&' && i + 1 < text.size())
            ++i;
        plain += text.at(i);
    }
    return plain;
}

} // namespace

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
