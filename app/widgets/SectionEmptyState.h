#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace hm::app {

// What a section's list shows in place of its rows when it has none to show
// (console.md "Honest states"): a title, an explanation and one action,
// centred. Its widgets are named after the section: `<section>.empty`,
// `<section>.emptyTitle`, `<section>.emptyText`, `<section>.emptyAction`.
// The page fills it for the state it shows (nothing yet, no match, read
// failed) from the same function its retranslateUi calls, so the texts
// follow a language change.
class SectionEmptyState final : public QWidget
{
    Q_OBJECT

public:
    SectionEmptyState(const QString &section, QWidget *parent);

    // A badge (an icon in a circle) above the title; the shell's states and
    // sections without rows yet show their section's icon.
    void setBadge(QWidget *badge);

    QLabel *title() const { return m_title; }
    QLabel *text() const { return m_text; }
    QPushButton *action() const { return m_action; }

private:
    QVBoxLayout *m_column = nullptr;
    QWidget *m_badge = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
};

} // namespace hm::app
