#pragma once

#include <QHash>
#include <QObject>

namespace hm::app {

// The operator's own choice of the Nodes list's columns (the header's
// context menu, NodeColumnMenu; console.md "Lists": column choice saved).
// Each column is left to the fit (NodeColumnFit gives it way when the
// window is narrow), shown whatever the width, or hidden. Saved in
// QSettings by the columns' keys, not their positions or titles: the
// choice survives a restart, a language switch and a column added later.
class NodeColumnChoice final : public QObject
{
    Q_OBJECT

public:
    enum class Choice
    {
        Fit,    // shown while there is room (the default)
        Shown,  // turned on by the operator: never fitted away
        Hidden, // turned off by the operator
    };

    // Reads the saved choice.
    explicit NodeColumnChoice(QObject *parent = nullptr);

    Choice choice(int column) const { return m_choices.value(column, Choice::Fit); }
    // Saves it at once.
    void setChoice(int column, Choice choice);
    // Every column back to the fit, as a new console has them.
    void reset();
    bool isDefault() const { return m_choices.isEmpty(); }
    // The name says which node a row is: it stays.
    static bool canHide(int column);
    // How the settings (and object names) call a column: "agent", "lastSeen".
    static QString columnKey(int column);

signals:
    void changed();

private:
    void save() const;

    QHash<int, Choice> m_choices; // only the columns not left to the fit
};

} // namespace hm::app
