#pragma once

// How an action's words read on a tool button. Menus keep the mnemonic and
// the ellipsis ("&Save", "儲存(&S)", "Run…"); a button in a row of actions
// shows neither ("Save", "儲存", "Run"), and its tooltip says what it does
// and names the shortcut the platform's way.

#include <QKeySequence>
#include <QString>

class QAction;

namespace hm::app {

// `menuText` without its mnemonic (a single '&', or CJK's "(&S)" / "（&S）"
// suffix): what a push button standing for the action shows ("Rename…").
QString withoutMnemonic(const QString &menuText);
// withoutMnemonic, and without a trailing "…" or "...".
QString toolButtonText(const QString &menuText);
// "Save the draft (Ctrl+S)", or `tip` alone without a shortcut.
QString toolTipWithShortcut(const QString &tip, const QKeySequence &shortcut);
// Sets `action`'s icon text (what a tool button shows) from its text.
void useToolButtonText(QAction *action);

} // namespace hm::app
