#include "shell/StatusNotice.h"

#include <QFontMetrics>
#include <QResizeEvent>

namespace hm::app {

StatusNotice::StatusNotice(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("status.notice"));
    setTextFormat(Qt::PlainText);
    // Takes what the bar has left, down to nothing; the text is elided.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, &StatusNotice::clearNotice);
    hide();
}

void StatusNotice::showNotice(const QString &text, int ms)
{
    m_text = text;
    setToolTip(text);
    elide();
    setVisible(!text.isEmpty());
    if (text.isEmpty())
        m_expiry.stop();
    else
        m_expiry.start(ms);
}

void StatusNotice::clearNotice()
{
    m_text.clear();
    setToolTip({});
    setText({});
    hide();
}

QSize StatusNotice::minimumSizeHint() const
{
    return {0, QLabel::minimumSizeHint().height()};
}

QSize StatusNotice::sizeHint() const
{
    return {fontMetrics().horizontalAdvance(m_text), QLabel::sizeHint().height()};
}

void StatusNotice::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void StatusNotice::elide()
{
    const QString shown = fontMetrics().elidedText(m_text, Qt::ElideRight, contentsRect().width());
    if (shown != text())
        setText(shown);
}

} // namespace hm::app
