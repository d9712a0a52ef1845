#pragma once

// What the console's list benchmarks share (BenchNodesList, BenchVpnClients;
// tests/bench/console/README.md): their arguments and failures, the console
// process's CPU over a phase, and scrolling a table the way a user's wheel
// does, with each frame timed.
//
// Scrolling: a wheel notch (angleDelta 120, no pixel delta: a mouse, not a
// touchpad) every 16 ms, sent to the table's viewport, so the table moves as
// far as Qt moves it for a user — QApplication::wheelScrollLines() (3) times
// the scroll bar's single step: three rows in a table that scrolls per item
// (the default), whatever its row height. A frame is the notch's handling
// plus a synchronous repaint of the viewport. BenchNodesList once set the
// scroll bar's value by pixels while its table counted rows, so each tick
// jumped ~90 rows; its figures from then are marked "scrolled by pixels" in
// docs/benchmarks.md.

#include "ConsoleBench.h"
#include "PaintProbe.h"

#include <QAbstractItemView>
#include <QScrollBar>
#include <QTimer>
#include <QWheelEvent>
#include <functional>
#include <sys/resource.h>

namespace hm::bench {

// utime + stime of this process (every thread), in seconds.
inline double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// "<bench>: <what>" on stderr; the exit code.
inline int benchFail(const char *bench, const QString &what)
{
    std::fprintf(stderr, "%s: %s\n", bench, qPrintable(what));
    return 1;
}

// `--name N` (at least 1), else `fallback`.
inline int benchArgument(const QStringList &args, const char *name, int fallback)
{
    const qsizetype at = args.indexOf(QLatin1String(name));
    return at >= 0 && at + 1 < args.size() ? std::max(1, args[at + 1].toInt()) : fallback;
}

// The console process's CPU over what `run` does: % of one core.
inline double consoleCpuPercent(const std::function<void()> &run)
{
    QElapsedTimer phase;
    phase.start();
    const double start = processCpuSeconds();
    run();
    return 100.0 * (processCpuSeconds() - start) / (double(phase.elapsed()) / 1000);
}

// The goal both lists have (issues 35 and 36): under a quarter of one core.
inline constexpr double kConsoleCpuGoal = 25.0;

inline void reportConsoleCpu(const char *name, double cpu, const QString &detail)
{
    report(name,
           QStringLiteral("%1 % of one core = %2 of the goal; %3")
               .arg(cpu, 0, 'f', 1)
               .arg(cpu / kConsoleCpuGoal, 0, 'f', 2)
               .arg(detail),
           QStringLiteral("< 25 %"), cpu < kConsoleCpuGoal);
}

// Scrolls `view` down by wheel notches every 16 ms for `seconds`; at the end
// of the table, from the top again when `mayWrap()` says so (a list that
// still reads pages waits for them instead). Frames and tick lateness in ms.
class WheelScroll
{
public:
    explicit WheelScroll(
        QAbstractItemView *view, std::function<bool()> mayWrap = [] { return true; })
        : m_view(view), m_mayWrap(std::move(mayWrap))
    {}

    // Runs the ticks; the console's CPU over them, % of one core.
    double run(int seconds)
    {
        QScrollBar *bar = m_view->verticalScrollBar();
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        qint64 lastTick = 0;
        QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
            const qint64 start = PaintProbe::nowNs();
            if (lastTick > 0)
                m_lateness.push_back(std::max(0.0, double(start - lastTick) / 1e6 - 16.0));
            lastTick = start;
            if (bar->value() >= bar->maximum() && m_mayWrap()) {
                bar->setValue(0);
                ++m_wraps;
            } else {
                notch();
            }
            m_view->viewport()->repaint();
            m_frames.push_back(double(PaintProbe::nowNs() - start) / 1e6);
        });
        return consoleCpuPercent([&] {
            ticker.start(16);
            QTest::qWait(seconds * 1000);
            ticker.stop();
        });
    }

    int wraps() const { return m_wraps; }

    // The frame and tick lateness lines.
    void report() const
    {
        const double p95 = percentile(m_frames, 95);
        hm::bench::report("scrolling: frame (wheel notch + repaint)",
                          QStringLiteral("%1 frames, p50 %2, p95 %3 = %4 of the goal, max %5")
                              .arg(m_frames.size())
                              .arg(ms(percentile(m_frames, 50)), ms(p95))
                              .arg(p95 / 16.0, 0, 'f', 2)
                              .arg(ms(maximum(m_frames))),
                          QStringLiteral("p95 < 16 ms"), p95 < 16.0);
        hm::bench::report("scrolling: tick lateness (event loop busy elsewhere)",
                          QStringLiteral("p50 %1, p95 %2, max %3")
                              .arg(ms(percentile(m_lateness, 50)), ms(percentile(m_lateness, 95)),
                                   ms(maximum(m_lateness))));
    }

    // How far one notch moves the table, in its scroll bar's units (rows
    // when it scrolls per item).
    int notchStep() const
    {
        return QApplication::wheelScrollLines() * m_view->verticalScrollBar()->singleStep();
    }

private:
    void notch()
    {
        QWidget *viewport = m_view->viewport();
        const QPointF at(viewport->width() / 2.0, viewport->height() / 2.0);
        QWheelEvent wheel(at, viewport->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport, &wheel);
    }

    QAbstractItemView *m_view;
    std::function<bool()> m_mayWrap;
    std::vector<double> m_frames;
    std::vector<double> m_lateness;
    int m_wraps = 0;
};

} // namespace hm::bench
