#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace hm::app {

// What a section's list shows in place of its rows when it has none to show
// (console.md "Honest states"): a title, an explanation, a busy bar while
// something loads, one action, and a folded "Details" line for the server's
// error code and request id, centred. Its widgets are named after the
// section: `<section>.empty`, `<section>.emptyTitle`, `<section>.emptyText`,
// `<section>.emptyProgress`, `<section>.emptyAction`,
// `<section>.emptyDetailsButton`, `<section>.emptyDetails`. The page fills
// it for the state it shows (loading, nothing yet, no match, read failed,
// not signed in) from the same function its retranslateUi calls, so the
// texts follow a language change. The one widget for every section's "nothing
// here"; the shell's gates (SectionFrame) use it too.
class SectionEmptyState final : public QWidget
{
    Q_OBJECT

public:
    SectionEmptyState(const QString &section, QWidget *parent);

    // A badge (an icon in a circle) above the title; the shell's states and
    // sections without rows yet show their section's icon.
    void setBadge(QWidget *badge);

    // One state: what is empty is not shown.
    struct Content
    {
        QString title;
        QString text;
        QString action;  // the button's text; none when empty
        QString details; // behind the "Details" toggle; none when empty
        bool busy = false;
    };
    void setContent(const Content &content);
    // Shows nothing but the badge (the quiet first moments of a read).
    void clearContent();

    QLabel *title() const { return m_title; }
    QLabel *text() const { return m_text; }
    QPushButton *action() const { return m_action; }
    QProgressBar *progress() const { return m_progress; }
    QToolButton *detailsButton() const { return m_detailsButton; }
    QLabel *details() const { return m_details; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QVBoxLayout *m_column = nullptr;
    QWidget *m_badge = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_detailsButton = nullptr;
    QLabel *m_details = nullptr;
};

} // namespace hm::app
