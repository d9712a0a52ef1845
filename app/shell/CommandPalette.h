#pragma once

#include <QFrame>
#include <QList>
#include <QPointer>
#include <QString>
#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QMenuBar;

namespace hm::app {

// Ctrl+K (console.md, "Shortcuts"): every command of the menus, and a "Go to"
// for every section, found by name. Typing filters: each word must appear
// in the command's menu path or its text, in any case. Enter
// or a click runs the selected command once the palette has closed, Esc
// closes it. A command that is disabled (the role may not, nothing is
// selected) is listed greyed with the reason in its tooltip, never hidden,
// and does not run. Named commandPalette, commandPalette.search,
// commandPalette.list, commandPalette.empty.
class CommandPalette final : public QFrame
{
    Q_OBJECT

public:
    struct Command
    {
        QString path; // where it lives: "Flow", "View › Theme"
        QString text; // what it does, without mnemonics
        QString shortcut;
        QString tip; // why it is disabled, when it is
        bool enabled = true;
        std::function<void()> run;
        const QAction *action = nullptr; // the menu's action, if it is one
    };

    explicit CommandPalette(QWidget *parent);

    // Replaces what the palette offers.
    void setCommands(const QList<Command> &commands);
    // Shows it at the top of the parent window, with an empty search.
    void popup();

    // The commands of a menu bar: each visible action with text, in menu
    // order, its path the titles of the menus above it. Menus that fill
    // themselves when opened (aboutToShow) are asked to first.
    static QList<Command> menuCommands(QMenuBar *bar);

    // Commands shown for the current search.
    int shownCount() const;

signals:
    // A command ran (its text), after the palette closed.
    void ran(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void filter();
    void fitHeight();
    void runItem(QListWidgetItem *item);
    void retranslate();

    QLineEdit *m_search = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
    QList<Command> m_commands;
};

} // namespace hm::app
