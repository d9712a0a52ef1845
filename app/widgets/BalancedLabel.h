#pragma once

#include <QLabel>

class QFont;

namespace hm::app {

// The narrowest width, at most `width`, at which `text` wraps into as many
// lines as at `width`: the lines then come out of similar length instead of
// a full line followed by a single word.
int balancedWrapWidth(const QFont &font, const QString &text, int width);

// A word-wrapped, centred label whose lines are balanced (see above): it pads
// itself symmetrically down to the balanced width. For short paragraphs
// (empty states, notes), not for long text.
class BalancedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit BalancedLabel(QWidget *parent = nullptr);
    // Hides QLabel::setText (not virtual) to rebalance for the new text.
    void setText(const QString &text);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebalance();
};

} // namespace hm::app
