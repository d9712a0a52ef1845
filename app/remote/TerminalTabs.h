#pragma once

#include <QTabWidget>
#include <functional>

class QLabel;
class QToolButton;

namespace hm::app {

class TerminalView;

// Several remote terminals side by side (issue 38): one closable tab per
// TerminalView, named after the terminal's title (elided; the whole title
// in the tooltip) or "Terminal N" until the remote program sets one, a "+"
// button in the corner that asks for a new one (newTabRequested: whoever
// opens sessions answers with addTerminal), a "Sessions" button beside it
// (sessionsRequested: the sessions still running, to reattach or end), and
// a line saying how to open one when none is open. Closing a tab may be
// asked about first (setCloseGuard). A bell in a tab out of sight colours its title
// until the tab is looked at.
class TerminalTabs final : public QTabWidget
{
    Q_OBJECT

public:
    explicit TerminalTabs(QWidget *parent = nullptr);

    // Takes `view` (and ownership), shows and focuses it; returns its index.
    int addTerminal(TerminalView *view);
    TerminalView *terminalAt(int index) const;
    TerminalView *currentTerminal() const;
    QLabel *emptyState() const { return m_empty; }
    // Whether sessions still run on the node without a tab here: the empty
    // state then points at "Sessions" too.
    void setDetachedSessions(bool any);
    // Asked before a tab closes (its view); false keeps the tab.
    void setCloseGuard(std::function<bool(TerminalView *)> guard)
    {
        m_closeGuard = std::move(guard);
    }

    // Tab texts longer than this many average characters are elided.
    static constexpr int TitleChars = 28;

signals:
    void newTabRequested();
    void sessionsRequested();
    // The tab of `view` is being closed; `view` is deleted right after, so
    // the session behind it can be ended now.
    void terminalClosed(hm::app::TerminalView *view);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void tabInserted(int index) override;
    void tabRemoved(int index) override;

private:
    void closeTerminal(int index);
    void updateTabText(TerminalView *view);
    void updateEmptyState();
    void retranslateUi();

    QToolButton *m_newTab = nullptr;
    QToolButton *m_sessions = nullptr;
    std::function<bool(TerminalView *)> m_closeGuard;
    bool m_detached = false;
    QLabel *m_empty = nullptr;
    int m_opened = 0; // numbers "Terminal N" in the order they were added
};

} // namespace hm::app
