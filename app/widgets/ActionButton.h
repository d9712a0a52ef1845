#pragma once

class QAction;
class QPushButton;
class QWidget;

namespace hm::app {

// A push button standing for an action: its text (without the menu's
// mnemonic), tooltip, enabled and visible state follow the action, and a
// click triggers it. For a page's row of actions drawn like every other
// page's buttons (a QToolBar draws flat tool buttons). The button's name is
// the action's with ".button" after it.
QPushButton *createActionButton(QAction *action, QWidget *parent = nullptr);

} // namespace hm::app
