#pragma once

#include <QLabel>

namespace hm::app {

// `text` with a break opportunity (a zero-width space) after the
// separators of a long unbroken run (":" "." "-" "/" "_" "@"), and within
// a run that has none, so that an IPv6 address, a host name or a CPU model
// wraps inside its column instead of running past its edge.
QString withBreakOpportunities(const QString &text);

// A word-wrapped, selectable value that may hold such runs: it shows
// withBreakOpportunities(value), and what is copied from it (Ctrl+C, its
// context menu) is the value itself, without the invisible breaks. So is
// what selecting it puts in X11's PRIMARY selection (a middle-click
// paste), which Qt sets on its own whenever the selection changes.
class BreakableLabel : public QLabel
{
    Q_OBJECT

public:
    explicit BreakableLabel(QWidget *parent = nullptr);
    void setValue(const QString &value);
    // What setValue was given (text() has the breaks in it).
    QString value() const { return m_value; }

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void cleanCopiedText();
    void cleanSelectionClipboard();

    QString m_value;
};

} // namespace hm::app
