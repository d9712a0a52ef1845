#include "widgets/MessageLine.h"

#include <QEvent>
#include <QWidget>

namespace hm::app {

namespace {

int g_passingMs = 12000;

} // namespace

int MessageLine::passingMs()
{
    return g_passingMs;
}

void MessageLine::setPassingMs(int ms)
{
    g_passingMs = ms;
}

MessageLine::MessageLine(QWidget *widget, Apply apply)
    : QObject(widget), m_widget(widget), m_apply(std::move(apply))
{
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, &MessageLine::clear);
    widget->installEventFilter(this);
}

void MessageLine::show(Text text, Kind kind)
{
    m_text = std::move(text);
    m_kind = kind;
    render();
}

void MessageLine::showText(const QString &text, Kind kind)
{
    m_text = nullptr;
    m_kind = kind;
    m_shown = text;
    render();
}

void MessageLine::clear()
{
    showText({}, Kind::Passing);
}

void MessageLine::render()
{
    const QString text = m_text ? m_text() : m_shown;
    m_shown = text;
    m_apply(m_shown, m_kind);
    if (m_kind == Kind::Passing && !m_shown.isEmpty())
        m_expiry.start(g_passingMs);
    else
        m_expiry.stop();
    emit changed(m_shown);
}

bool MessageLine::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_widget && event->type() == QEvent::LanguageChange && !m_shown.isEmpty()) {
        if (m_text) {
            // Rendered again; a passing message keeps what is left of its time.
            const int left = m_expiry.isActive() ? m_expiry.remainingTime() : -1;
            m_shown = m_text();
            m_apply(m_shown, m_kind);
            if (left >= 0)
                m_expiry.start(left);
            emit changed(m_shown);
        } else if (m_kind == Kind::Passing) {
            clear(); // words of the old language, about a moment gone by
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace hm::app
