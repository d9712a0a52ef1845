#pragma once

// Notes when a widget has been painted: on the widget's next QEvent::Paint
// (once armed and, if given, once `ready()` holds), the moment the event
// loop gets back after that paint pass (a zero timer posted from inside it,
// so the paint of the whole window and its flush to the backing store are
// included) is recorded and `painted()` becomes true.

#include <QElapsedTimer>
#include <QEvent>
#include <QTimer>
#include <QWidget>
#include <functional>

namespace hm::bench {

class PaintProbe final : public QObject
{
public:
    explicit PaintProbe(QWidget *widget) : m_widget(widget) { widget->installEventFilter(this); }
    ~PaintProbe() override
    {
        if (m_widget)
            m_widget->removeEventFilter(this);
    }

    // Waits for the next paint after now for which `ready` holds.
    void arm(std::function<bool()> ready = {})
    {
        m_ready = std::move(ready);
        m_armed = true;
        m_painted = false;
    }
    bool painted() const { return m_painted; }
    // QElapsedTimer::msecsSinceReference()-like, in nanoseconds.
    qint64 paintedAtNs() const { return m_paintedAtNs; }
    qint64 paintStartNs() const { return m_paintStartNs; }
    // Every paint event the widget got, for what follows (an event's
    // arrival to its first paint).
    std::function<void(qint64 startNs)> onPaint;

    static qint64 nowNs()
    {
        static QElapsedTimer clock = [] {
            QElapsedTimer t;
            t.start();
            return t;
        }();
        return clock.nsecsElapsed();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_widget && event->type() == QEvent::Paint) {
            const qint64 start = nowNs();
            if (onPaint)
                onPaint(start);
            if (m_armed && (!m_ready || m_ready())) {
                m_armed = false;
                m_paintStartNs = start;
                QTimer::singleShot(0, this, [this] {
                    m_paintedAtNs = nowNs();
                    m_painted = true;
                });
            }
        }
        return false;
    }

private:
    QWidget *m_widget;
    std::function<bool()> m_ready;
    bool m_armed = false;
    bool m_painted = false;
    qint64 m_paintedAtNs = 0;
    qint64 m_paintStartNs = 0;
};

} // namespace hm::bench
